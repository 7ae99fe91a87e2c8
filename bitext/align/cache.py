"""Where bitext keeps what it builds once and reuses: ``$BITEXT_CACHE_DIR``, else
``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``. Nothing there is needed: a
missing or unreadable file is rebuilt from the installed packages."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    explicit = os.environ.get("BITEXT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    root = os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / "bitext"


def cache_file(name: str, *key_parts: str) -> Path:
    """``name-<hash of key_parts>.pickle``: a new key (a new package version) is a new file."""
    key = hashlib.sha256("|".join(key_parts).encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{key}.pickle"


def cached(name: str, key_parts: Iterable[str], build: Callable[[], T]) -> T:
    """What ``build`` returns, read from the cache file for ``key_parts`` when there is
    one, built and stored otherwise (a cache that cannot be written is rebuilt next time)."""
    path = cache_file(name, *key_parts)
    try:
        with open(path, "rb") as handle, _collector_paused():
            value: T = pickle.load(handle)
            return value
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    value = build()
    _store(path, value)
    return value


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling a big dict makes the cyclic garbage collector run over and over
    on objects that hold no cycles; paused, the lexicon loads twice as fast."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def package_version(package: str) -> str:
    """The installed version of ``package``, part of a cache key; "none" if absent."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass
