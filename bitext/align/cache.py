"""Where bitext keeps what it builds once and reuses: ``$BITEXT_CACHE_DIR``, else
``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``. Nothing there is needed: a
missing or unreadable file is rebuilt from the installed packages."""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import hashlib
import itertools
import os
import pickle
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from pathlib import Path
from typing import Any, TypeVar

from bitext.atomic import store_quietly
from bitext.figures.compiled import cache_dir

T = TypeVar("T")
V = TypeVar("V", str, int, float, list[float])


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
    store_quietly(path, value)
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
    """The installed version of ``package``, part of a cache key; "none" if absent.

    Read from the name of its ``NAME-VERSION.dist-info`` folder on ``sys.path``, as pip
    installs it: ``importlib.metadata`` costs 15 ms to import and 3 ms a package to
    parse the metadata file, on every start. Any other install is asked the slow way.

    >>> package_version("regex") == __import__("regex").__version__
    True
    """
    wanted = _normalized(package)
    for folder in _dist_infos():
        name, _, version = folder.removesuffix(".dist-info").partition("-")
        if _normalized(name) == wanted and version:
            return version
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.cache
def _dist_infos() -> tuple[str, ...]:
    found: list[str] = []
    for entry in sys.path:
        with contextlib.suppress(OSError):
            found.extend(name for name in os.listdir(entry or ".") if name.endswith(".dist-info"))
    return tuple(found)


class SortedTable(Mapping[str, V]):
    """A read-only ``str`` → ``str``, ``int``, ``float`` or row of floats mapping stored as one
    sorted string of keys, their offsets and the values: it unpickles in a millisecond
    where a dict of 100,000 entries takes 50, and a run looks up only a few hundred words
    (a binary search each, remembered). Keys must not hold a newline. A row is stored in
    one array of all the rows' floats and read back as a list.

    >>> table = SortedTable.of({"盘州": "panzhou", "学校": "school"})
    >>> table["盘州"], table.get("乡镇"), "学校" in table, len(table), list(table)
    ('panzhou', None, True, 2, ['学校', '盘州'])
    >>> SortedTable.of({"的": 0.3})["的"], SortedTable.of({"work": 2})["work"]
    (0.3, 2)
    >>> SortedTable.of({"th": (0.5, 0.0), "a": (0.25, 0.125)})["th"]
    [0.5, 0.0]
    """

    def __init__(
        self, keys: str, starts: array[int], values: str | array[Any], value_starts: array[int]
    ) -> None:
        self._keys, self._starts = keys, starts
        self._values, self._value_starts = values, value_starts
        self._found: dict[str, V | None] = {}
        self._heads: list[str] | None = None

    @classmethod
    def of(cls, mapping: Mapping[str, V]) -> SortedTable[V]:
        keys = sorted(mapping)
        if any("\n" in key for key in keys):
            raise ValueError("a key of a SortedTable holds a newline")
        values = [mapping[key] for key in keys]
        if values and isinstance(values[0], (float, int)):
            numbers = array("d" if isinstance(values[0], float) else "q", values)
            return cls("\n".join(keys) + "\n", _offsets(keys), numbers, array("I"))
        if values and isinstance(values[0], Sequence) and not isinstance(values[0], str):
            rows = array("d", itertools.chain.from_iterable(values))  # type: ignore[arg-type]
            return cls("\n".join(keys) + "\n", _offsets(keys), rows, _offsets(values, 0))  # type: ignore[arg-type]
        texts = [str(value) for value in values]
        return cls("\n".join(keys) + "\n", _offsets(keys), "".join(texts), _offsets(texts, 0))

    def __getstate__(self) -> tuple[object, ...]:
        return self._keys, self._starts, self._values, self._value_starts

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def _block(self, key: str) -> tuple[int, str]:
        """The block of :data:`_BLOCK` keys where ``key`` sorts (-1 before the first key),
        found by bisecting the keys that head the blocks, and its keys, each after a
        newline: a search then finds a key's line in C (bisecting the table by its key
        at an index took 8 µs a word, most of the first detection of a language).

        >>> table = SortedTable.of(dict.fromkeys(map(str, range(1000, 1100)), ""))
        >>> table._block("0"), table._block("1063")[0], table._block("1064")[0]
        ((-1, ''), 0, 1)
        """
        if self._heads is None:
            keys, starts = self._keys, self._starts
            steps = range(0, len(self), _BLOCK)
            self._heads = [keys[starts[i] : starts[i + 1] - 1] for i in steps]
        block = bisect.bisect_right(self._heads, key) - 1
        if block < 0:
            return block, ""
        first = block * _BLOCK
        last = min(first + _BLOCK, len(self))
        return block, "\n" + self._keys[self._starts[first] : self._starts[last]]

    def _index(self, key: str) -> int:
        """The index of ``key``, -1 if absent."""
        if "\n" in key:  # would match across the lines of keys
            return -1
        block, lines = self._block(key)
        at = lines.find("\n" + key + "\n")
        return -1 if at < 0 else block * _BLOCK + lines.count("\n", 0, at)

    def _search(self, key: str) -> V | None:
        index = self._index(key)
        if index < 0:
            return None
        bounds = self._value_starts
        if isinstance(self._values, str):
            return self._values[bounds[index] : bounds[index + 1]]  # type: ignore[return-value]
        if bounds:  # a row, as a list: its floats are read many times, an array's made anew
            return self._values[bounds[index] : bounds[index + 1]].tolist()  # type: ignore[return-value]
        return self._values[index]  # type: ignore[return-value]

    def has_prefix(self, prefix: str) -> bool:
        """Whether a key starts with ``prefix``: one in the block where ``prefix`` sorts,
        or else the first key after it, which heads the next block (the keys that start
        with ``prefix`` follow one another from the first key not below it).

        >>> SortedTable.of({"盘州市": ""}).has_prefix("盘州"), SortedTable.of({"盘": ""}).has_prefix("州")
        (True, False)
        >>> table = SortedTable.of(dict.fromkeys(map(str, range(1000, 1100)), ""))
        >>> [table.has_prefix(p) for p in ("", "0", "1", "1063", "1064", "10639", "11")]
        [True, False, True, True, True, False, False]
        """
        if "\n" in prefix:
            return False
        block, lines = self._block(prefix)
        if "\n" + prefix in lines:
            return True
        following = self._heads[block + 1 : block + 2]  # type: ignore[index]
        return bool(following) and following[0].startswith(prefix)

    def _lookup(self, key: str) -> V | None:
        """The value of ``key``, None when absent: searched once, then remembered."""
        try:
            return self._found[key]
        except KeyError:
            value = self._found[key] = self._search(key)
            return value

    def __getitem__(self, key: str) -> V:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: object = None) -> V | object:  # type: ignore[override]
        """``Mapping.get`` without the KeyError it would catch: most words asked are absent."""
        value = self._lookup(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys[:-1].split("\n")) if len(self) else iter(())


_BLOCK = 64
"""Keys in a block of a :class:`SortedTable`, which a search reads as text."""


def _offsets(pieces: Sequence[Sized], separator: int = 1) -> array[int]:
    """Where each piece starts when they are joined with ``separator`` characters between
    them, and where the last would end: one more offset than pieces. Four bytes each
    (a table's text stays below 4 GB): a table is read from the cache on every start,
    where every megabyte of fresh memory costs half a millisecond."""
    offsets, at = array("I", [0]), 0
    for piece in pieces:
        at += len(piece) + separator
        offsets.append(at)
    return offsets
