"""Run one function over many files, in this process or in a pool of worker processes.

Checking a folder of bulletins is CPU-bound and each file is independent, so the files
are spread over processes (threads would share one interpreter lock). The results come
back in the order of the input, whatever order the workers finish in, so a report made
with ``--jobs 8`` is byte for byte the one made with ``--jobs 1``.

Files go to the workers in small chunks: one file per task costs a round trip each, one
big chunk per worker leaves workers idle when files differ in size, and a chunk of a few
files keeps the progress bar moving.

The same work runs on any :class:`concurrent.futures.Executor` instead (a Dask cluster's,
from ``bitext check DIR --scheduler ADDRESS``): inside ``with running_on(executor):``
every :func:`ordered_map` and :func:`ordered_imap` sends its items there in chunks of
:data:`CLUSTER_CHUNK`, a few in flight at a time, and yields the results in input order.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextvars import ContextVar
from typing import TypeVar

from bitext.model import BitextError, InputError

T = TypeVar("T")
R = TypeVar("R")

MAX_CHUNK = 8
"""Files per task at most, so results (and the progress bar) arrive steadily."""


def default_jobs() -> int:
    """All cores this process may run on, as ``--jobs`` defaults to (``os.cpu_count()``
    where the system cannot say which: a container pinned to two cores of a large host
    should not start a worker per host core)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def chunk_size(items: int, workers: int) -> int:
    """About four tasks per worker, at most :data:`MAX_CHUNK` files each.

    >>> chunk_size(250, 2), chunk_size(10, 4), chunk_size(10_000, 8)
    (8, 1, 8)
    """
    return max(1, min(MAX_CHUNK, items // (workers * 4)))


def ordered_map(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int = 1,
    initializer: Callable[[], object] | None = None,
    on_result: Callable[[R], None] | None = None,
) -> list[R]:
    """``[function(item) for item in items]``, with ``jobs`` processes when there is work
    for more than one.

    ``function`` and ``initializer`` must be picklable (module-level functions, or
    :func:`functools.partial` of them). ``initializer`` runs once per worker, so what
    every file needs (the lexicon) is loaded once per process, not once per file.
    ``on_result`` sees each result as it arrives, in input order. The first exception,
    in input order, is raised, and the work not yet started is cancelled.
    """
    results = []
    for result in ordered_imap(function, items, jobs, initializer):
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def ordered_imap(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int = 1,
    initializer: Callable[[], object] | None = None,
) -> Iterator[R]:
    """:func:`ordered_map` one result at a time, for callers that stream the results
    instead of holding them all (an archive of tens of thousands of bulletins)."""
    executor = _EXECUTOR.get()
    if executor is not None:
        yield from executor_imap(function, items, executor)
        return
    workers = min(jobs, len(items))
    if workers <= 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for a pool

    start = functools.partial(_start_worker, initializer)
    with ProcessPoolExecutor(workers, initializer=start) as pool:
        try:
            yield from pool.map(function, items, chunksize=chunk_size(len(items), workers))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _start_worker(initializer: Callable[[], object] | None) -> None:
    """Leave Ctrl-C to the parent, which cancels the run and says so in one line; a worker
    that took it too would print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer()


CLUSTER_CHUNK = 16
"""Files per task on a cluster: seconds of work, so a task's round trip through the
scheduler (a few milliseconds) is lost in it."""

CLUSTER_IN_FLIGHT = 8
"""Tasks submitted ahead of the one whose result is awaited: enough to keep a few
workers busy, few enough that the results waiting to be written stay small."""

_EXECUTOR: ContextVar[Executor | None] = ContextVar("bitext_executor", default=None)


@contextlib.contextmanager
def running_on(executor: Executor) -> Iterator[Executor]:
    """Run :func:`ordered_map` and :func:`ordered_imap` on ``executor`` (a Dask cluster's)
    instead of local processes while the block runs; ``jobs`` is then ignored."""
    token = _EXECUTOR.set(executor)
    try:
        yield executor
    finally:
        _EXECUTOR.reset(token)


def executor_imap(
    function: Callable[[T], R],
    items: Sequence[T],
    executor: Executor,
    chunk: int = CLUSTER_CHUNK,
    in_flight: int = CLUSTER_IN_FLIGHT,
) -> Iterator[R]:
    """``map(function, items)`` on ``executor``, ``chunk`` items a task and at most
    ``in_flight`` tasks submitted ahead, the results in input order.

    ``function`` must be picklable. A bitext error (an unreadable file) is raised as it
    is; any other failure of a task the executor gave up on (a worker killed more often
    than the cluster retries) is an :class:`~bitext.model.InputError` naming the items
    of that chunk (1-based, inclusive), so no item is lost without a word. The tasks
    not yet done are cancelled.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(executor_imap(abs, [-3, 1, -2, 5, -8], pool, chunk=2))
    [3, 1, 2, 5, 8]
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(executor_imap(abs, [-3, 1, "x", 5], pool, chunk=2))
    Traceback (most recent call last):
    bitext.model.InputError: items 3-4 of 4 failed: TypeError: bad operand type for abs(): 'str'
    """
    starts = iter(range(0, len(items), max(1, chunk)))
    pending: deque[tuple[int, Future[list[R]]]] = deque()

    def submit_next() -> None:
        start = next(starts, None)
        if start is not None:
            part = list(items[start : start + chunk])
            pending.append((start, executor.submit(_run_chunk, function, part)))

    for _ in range(max(1, in_flight)):
        submit_next()
    try:
        while pending:
            start, future = pending[0]
            try:
                results = future.result()
            except BitextError:
                raise
            except Exception as exc:
                end = min(start + chunk, len(items))
                raise InputError(
                    f"items {start + 1}-{end} of {len(items)} failed: {type(exc).__name__}: {exc}"
                ) from exc
            pending.popleft()
            submit_next()
            yield from results
    finally:
        for _, future in pending:
            future.cancel()


def _run_chunk(function: Callable[[T], R], part: list[T]) -> list[R]:
    """One task: ``function`` over a chunk of items (module level, so it pickles)."""
    return [function(item) for item in part]


__all__ = [
    "CLUSTER_CHUNK",
    "chunk_size",
    "default_jobs",
    "executor_imap",
    "ordered_imap",
    "ordered_map",
    "running_on",
]
