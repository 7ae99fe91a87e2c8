"""Write an output file atomically: the destination holds its old content or the whole new
one, never half of it.

A CI job reads the SARIF report that ``bitext check -o`` writes, and a translator may
open the cleaned text while ``bitext clean -o`` runs. The text goes to a new temporary
file in the destination's directory (the same file system, so the rename is atomic), is
flushed to disk, and only then renamed over the destination. If anything fails on the
way (a full disk, an error, Ctrl-C), the temporary file is removed and the destination
is left as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from bitext.model import BitextError

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; :class:`BitextError` in one line
    when it cannot be written. A file replaced keeps its permissions."""
    write_atomic_bytes(path, text.encode("utf-8"))  # encoded before anything touches the disk


def write_atomic_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a file rewritten in its own encoding by
    ``bitext clean --in-place``); as :func:`write_atomic`."""
    with _atomic_file(path) as file:
        file.write(data)


def store_quietly(path: str | Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically, making its folder: a cache file. One
    that cannot be written is no error; it is built again on the next run."""
    with contextlib.suppress(BitextError, OSError):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[TextIO]:
    """A text file to write ``path`` through piece by piece, renamed into place only when
    the block ends without error (a streamed report of a whole archive)."""
    with _atomic_file(path) as binary:
        file = io.TextIOWrapper(binary, "utf-8", newline="")
        yield file
        file.flush()
        file.detach()  # the binary file is _atomic_file's to close


@contextlib.contextmanager
def _atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A new temporary file beside ``path``, flushed to disk and renamed over ``path``
    when the block ends without error, removed when it does not."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    permissions = _permissions(path)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            if permissions is not None:
                os.fchmod(descriptor, permissions)
            yield file
            file.flush()
            os.fsync(descriptor)
        os.replace(temporary, path)
    except OSError as exc:
        _discard(temporary)
        raise BitextError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        _discard(temporary)
        raise


def _permissions(path: Path) -> int | None:
    """The permission bits of the file ``path`` replaces; None for a new file (which
    gets the usual ones, 0o666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _discard(path: Path) -> None:
    # An error here can only hide the one that brought us here, which matters more.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


__all__ = ["atomic_output", "write_atomic", "write_atomic_bytes"]
