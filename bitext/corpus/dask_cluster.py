"""Run bitext's work on a Dask cluster, through ``distributed``'s scheduler and workers.

``bitext filter --scheduler ADDRESS`` and ``bitext check DIR --scheduler ADDRESS`` hand
the same chunks they give local processes to :func:`dask_executor`, a
:class:`concurrent.futures.Executor` that sends each chunk to the cluster as one task.
The runners keep the order of the input, so the output is byte for byte the local one.

Dask retries a task whose worker died (or whose function raised) up to ``retries``
times before the run sees the error. Workers need bitext installed in the same version
as the client (the chunk functions are pickled by reference: their module is imported
on the worker), so start them from the same environment: ``dask worker ADDRESS``.

``distributed`` is imported here only, and only when a scheduler is given: a run
without ``--scheduler`` never loads it, and an install without the ``dask`` extra gets
one line saying how to add it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from bitext.model import InputError

CONNECT_TIMEOUT = "10s"
"""How long to wait for the scheduler before saying it cannot be reached."""


class DaskExecutor(Executor):
    """A :class:`concurrent.futures.Executor` over a ``distributed.Client``.

    Tasks are submitted with ``pure=False`` (two equal chunks are still two tasks) and
    ``retries``. Closing it (``shutdown`` or leaving the ``with`` block) cancels what is
    still queued and closes the connection to the scheduler; the cluster goes on.
    """

    def __init__(self, client: Any, retries: int) -> None:
        self.client = client
        self._executor = client.get_executor(retries=retries, pure=False)
        self._max_workers = max(1, self.workers)  # what runners size their queue by

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        try:
            self._executor.shutdown(wait=wait and not cancel_futures)
        finally:
            self.client.close()

    @property
    def workers(self) -> int:
        """How many workers the scheduler has now."""
        return len(self.client.scheduler_info().get("workers", {}))


def dask_executor(
    address: str, retries: int = 3, timeout: str | float = CONNECT_TIMEOUT
) -> DaskExecutor:
    """An executor that runs tasks on the Dask cluster whose scheduler is at ``address``
    (``tcp://host:8786``), each task tried up to ``retries`` more times when it fails.

    Use it as a context manager, so the connection is closed when the run ends. A
    scheduler that cannot be reached within ``timeout``, or a missing ``distributed``,
    is an :class:`~bitext.model.InputError` in one line.
    """
    try:
        import distributed
    except ImportError as exc:
        raise InputError(
            "--scheduler needs Dask's distributed: pip install 'bitext[dask]'"
        ) from exc
    from distributed.comm.addressing import get_address_host_port, normalize_address

    try:
        # A malformed address is refused before a client exists: a client that failed
        # on one would print a traceback from its finaliser at exit.
        if not address.startswith("inproc://"):
            get_address_host_port(normalize_address(address))
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot reach the Dask scheduler at {address}: {reason}") from exc
    return DaskExecutor(client, retries)


__all__ = ["CONNECT_TIMEOUT", "DaskExecutor", "dask_executor"]
