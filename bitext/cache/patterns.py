"""Regular expressions compiled once per installation, not once per run.

The ``regex`` module parses and compiles a pattern in Python, and the figure readers'
patterns take a tenth of a second or more to compile: most of a one-file check's start.
What its Python half hands the C engine (``regex._regex.compile``: the pattern's code as
integers, its groups, its required string) depends only on the pattern, the flags and
the versions of ``regex`` and Python, so :func:`compile` keeps those arguments in a cache
file and, next run, hands them to the engine directly: the same pattern object, built in
microseconds. A pickled pattern would not help (it pickles as its source and recompiles).
A missing, stale or unreadable cache only means compiling as usual.

The cache lives in :func:`bitext.cache.cache_dir`.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import pickle
import platform
import threading
from pathlib import Path
from typing import Any

import regex
import regex._main
from regex import _regex  # the C engine regex.compile hands the compiled code to

from bitext.atomic import store_quietly
from bitext.cache import cache_dir

_LOCK = threading.Lock()
_FORMAT = 1
_MAX_ENTRIES = 1_000
"""More entries than that (patterns edited over many versions) are dropped to the ones
this process used."""


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache when an earlier run compiled it."""
    key = (pattern, flags)
    state = _state()
    args = state["known"].get(key)
    if args is not None:
        try:
            compiled: regex.Pattern[str] = _regex.compile(*args)
        except Exception:
            pass
        else:
            state["used"][key] = args
            return compiled
    return _compile_and_keep(key)


def _compile_and_keep(key: tuple[str, int]) -> regex.Pattern[str]:
    """Compile through ``regex`` itself, catching what it hands the engine."""
    caught: list[tuple[Any, ...]] = []
    engine = regex._main._regex  # type: ignore[attr-defined]

    class _Catcher:
        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        @staticmethod
        def compile(*args: Any) -> Any:
            caught.append(args)
            return engine.compile(*args)

    with _LOCK:
        regex._main._regex = _Catcher()  # type: ignore[attr-defined]
        try:
            compiled: regex.Pattern[str] = regex.compile(key[0], key[1], cache_pattern=False)
        finally:
            regex._main._regex = engine  # type: ignore[attr-defined]
    if len(caught) == 1 and not caught[0][5]:  # no named lists: the code says it all
        state = _state()
        state["used"][key] = caught[0]
        if not state["dirty"]:
            state["dirty"] = True
            atexit.register(_store)
    return compiled


_STATE: dict[str, Any] = {}


def _state() -> dict[str, Any]:
    if not _STATE:
        known: dict[tuple[str, int], tuple[Any, ...]] = {}
        with contextlib.suppress(Exception), open(_path(), "rb") as handle:
            stored = pickle.load(handle)
            if isinstance(stored, dict):
                known = stored
        _STATE.update(known=known, used={}, dirty=False)
    return _STATE


def _path() -> Path:
    versions = "|".join(
        (regex.__version__, str(regex.DEFAULT_VERSION), platform.python_version(), str(_FORMAT))
    )
    return cache_dir() / f"patterns-{hashlib.sha256(versions.encode()).hexdigest()[:16]}.pickle"


def _store() -> None:
    """Write the patterns known before and those compiled now (at exit, atomically)."""
    state = _state()
    merged = {**state["known"], **state["used"]}
    if len(merged) > _MAX_ENTRIES:
        merged = dict(state["used"])
    store_quietly(_path(), merged)
