"""Run one function over many files, in this process or in a pool of worker processes.

Checking a folder of bulletins is CPU-bound and each file is independent, so the files
are spread over processes (threads would share one interpreter lock). The results come
back in the order of the input, whatever order the workers finish in, so a report made
with ``--jobs 8`` is byte for byte the one made with ``--jobs 1``.

Files go to the workers in small chunks: one file per task costs a round trip each, one
big chunk per worker leaves workers idle when files differ in size, and a chunk of a few
files keeps the progress bar moving.
"""

from __future__ import annotations

import functools
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

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
    workers = min(jobs, len(items))
    if workers <= 1:
        yield from map(function, items)
        return
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


__all__ = ["chunk_size", "default_jobs", "ordered_imap", "ordered_map"]
