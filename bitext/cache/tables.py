"""Big read-only tables built once from installed packages and kept in
:func:`bitext.cache.cache_dir`. Nothing there is needed: a missing or unreadable file is
rebuilt from the installed packages."""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import hashlib
import itertools
import mmap
import os
import pickle
import re
import struct
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from pathlib import Path
from typing import Any, SupportsIndex, TypeVar

from bitext.atomic import write_atomic_bytes
from bitext.cache import cache_dir
from bitext.model import BitextError

T = TypeVar("T")
V = TypeVar("V", str, int, float, list[float])


def cache_file(name: str, *key_parts: str) -> Path:
    """``name-<hash of key_parts>.pickle``: a new key (a new package version) is a new file.
    The layout of the file (:func:`_store`) is part of the key."""
    key = hashlib.sha256("|".join((_LAYOUT, *key_parts)).encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{key}.pickle"


def cached(name: str, key_parts: Iterable[str], build: Callable[[], T]) -> T:
    """What ``build`` returns, read from the cache file for ``key_parts`` when there is
    one, built and stored otherwise (a cache that cannot be written is rebuilt next time)."""
    path = cache_file(name, *key_parts)
    try:
        with _collector_paused():
            value: T = _load(path)
            return value
    except (OSError, ValueError, struct.error, pickle.UnpicklingError, EOFError):
        pass
    except (ImportError, AttributeError):  # a file naming a class an older bitext had
        pass
    value = build()
    _store(path, value)
    return value


_LAYOUT = "mapped-2"
"""Part of every key: a new layout, or a class moved to another module, is a new file."""
_MAGIC = b"bitext1\n"
"""The first bytes of a cache file (:func:`_store`)."""


def _store(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically, with its large buffers (a
    :class:`SortedTable`'s keys, offsets and values) out of the pickle, after it, each
    at a multiple of 8 bytes: ``_MAGIC``, the count of parts and their sizes (8 bytes
    each), then the pickle and the buffers. :func:`_load` maps the file and hands the
    pickle the buffers where they lie, so a table is read from the page cache only
    where a run looks. A cache that cannot be written is no error."""
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    parts = [memoryview(head), *(buffer.raw() for buffer in buffers)]
    chunks: list[bytes | memoryview] = [
        _MAGIC,
        struct.pack(f"<{len(parts) + 1}Q", len(parts), *(part.nbytes for part in parts)),
    ]
    for part in parts:
        chunks += [part, bytes(-part.nbytes % 8)]
    with contextlib.suppress(BitextError, OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(path, b"".join(chunks))


def _load(path: Path) -> Any:
    """The value :func:`_store` wrote to ``path``, its buffers mapped from the file."""
    with open(path, "rb") as handle:
        view = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    if view[: len(_MAGIC)] != _MAGIC:
        raise ValueError(f"{path}: not a cache file of this bitext")
    at = len(_MAGIC)
    (count,) = struct.unpack_from("<Q", view, at)
    if count > len(view) // 8:
        raise ValueError(f"{path}: not a cache file of this bitext")
    sizes = struct.unpack_from(f"<{count}Q", view, at + 8)
    at += 8 + 8 * count
    parts = []
    for size in sizes:
        if at + size > len(view):
            raise ValueError(f"{path}: a cache file cut short")
        parts.append(view[at : at + size])
        at += size + -size % 8
    head, *buffers = parts
    return pickle.loads(head, buffers=buffers)


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
    """A read-only ``str`` → ``str``, ``int``, ``float`` or row of floats mapping stored as
    the sorted keys in UTF-8, one a line, their offsets and the values. A cache file
    (:func:`cached`) holds these as they lie in memory, so a table read from one is
    mapped, not loaded: a dict of 100,000 entries took 50 ms to unpickle, and even one
    string of them 10 ms of fresh memory on every start, where a run looks up only a few
    hundred words (a search each, remembered). Keys must not hold a newline. A row is
    stored in one array of all the rows' floats and read back as a list.

    >>> table = SortedTable.of({"盘州": "panzhou", "学校": "school"})
    >>> table["盘州"], table.get("乡镇"), "学校" in table, len(table), list(table)
    ('panzhou', None, True, 2, ['学校', '盘州'])
    >>> SortedTable.of({"的": 0.3})["的"], SortedTable.of({"work": 2})["work"]
    (0.3, 2)
    >>> SortedTable.of({"th": (0.5, 0.0), "a": (0.25, 0.125)})["th"]
    [0.5, 0.0]
    """

    def __init__(
        self, kind: str, keys: Any, starts: Any, values: Any, value_starts: Any, heads: list[bytes]
    ) -> None:
        """``kind`` is text, int, float or rows; ``keys``, the others but ``heads`` any
        buffer (bytes, an array, part of a mapped file); ``heads`` the first key of each
        block of :data:`_BLOCK` keys."""
        self._kind, self._keys, self._heads = kind, keys, heads
        self._starts = _numbers(starts, "I")
        self._values = values if kind == "text" else _numbers(values, _TYPECODES[kind])
        self._value_starts = _numbers(value_starts, "I")
        self._found: dict[str, V | None] = {}

    @classmethod
    def of(cls, mapping: Mapping[str, V]) -> SortedTable[V]:
        keys = sorted(mapping)  # the order of their UTF-8 bytes too
        if any("\n" in key for key in keys):
            raise ValueError("a key of a SortedTable holds a newline")
        encoded = [key.encode("utf-8") for key in keys]
        lines = b"".join(key + b"\n" for key in encoded)
        starts = _offsets(encoded)
        heads = encoded[::_BLOCK]
        values = [mapping[key] for key in keys]
        first = values[0] if values else ""
        if isinstance(first, (float, int)):
            kind = "float" if isinstance(first, float) else "int"
            numbers = array(_TYPECODES[kind], values)
            return cls(kind, lines, starts, numbers, array("I"), heads)
        if isinstance(first, Sequence) and not isinstance(first, str):
            rows = array("d", itertools.chain.from_iterable(values))  # type: ignore[arg-type]
            return cls("rows", lines, starts, rows, _offsets(values, 0), heads)  # type: ignore[arg-type]
        texts = [str(value).encode("utf-8") for value in values]
        return cls("text", lines, starts, b"".join(texts), _offsets(texts, 0), heads)

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[object, ...]:
        """The buffers out of band when the protocol allows (:func:`_store`), copied in
        otherwise."""
        wrap = pickle.PickleBuffer if int(protocol) >= 5 else bytes
        buffers = (self._keys, self._starts, self._values, self._value_starts)
        return SortedTable, (self._kind, *map(wrap, buffers), self._heads)

    def _block(self, key: bytes) -> tuple[int, bytes]:
        """The block of :data:`_BLOCK` keys where ``key`` (UTF-8) sorts (-1 before the
        first key), found by bisecting the keys that head the blocks, and its keys, each
        after a newline: a search then finds a key's line in C (bisecting the table by
        its key at an index took 8 µs a word, most of the first detection of a language).

        >>> table = SortedTable.of(dict.fromkeys(map(str, range(1000, 1100)), ""))
        >>> table._block(b"0"), table._block(b"1063")[0], table._block(b"1064")[0]
        ((-1, b''), 0, 1)
        """
        block = bisect.bisect_right(self._heads, key) - 1
        if block < 0:
            return block, b""
        first = block * _BLOCK
        last = min(first + _BLOCK, len(self))
        return block, b"\n" + self._keys[self._starts[first] : self._starts[last]]

    def _index(self, key: str) -> int:
        """The index of ``key``, -1 if absent."""
        if "\n" in key:  # would match across the lines of keys
            return -1
        encoded = key.encode("utf-8", "surrogatepass")  # a lone surrogate is in no key
        block, lines = self._block(encoded)
        at = lines.find(b"\n" + encoded + b"\n")
        return -1 if at < 0 else block * _BLOCK + lines.count(b"\n", 0, at)

    def _search(self, key: str) -> V | None:
        index = self._index(key)
        if index < 0:
            return None
        bounds = self._value_starts
        if self._kind == "text":
            return str(self._values[bounds[index] : bounds[index + 1]], "utf-8")  # type: ignore[return-value]
        if self._kind == "rows":  # a list: its floats are read many times
            return self._values[bounds[index] : bounds[index + 1]].tolist()  # type: ignore[no-any-return]
        return self._values[index]  # type: ignore[no-any-return]

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
        encoded = prefix.encode("utf-8", "surrogatepass")
        block, lines = self._block(encoded)
        if b"\n" + encoded in lines:
            return True
        following = self._heads[block + 1 : block + 2]
        return bool(following) and following[0].startswith(encoded)

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
        return iter(str(self._keys, "utf-8").split("\n")[:-1])


_TYPECODES = {"int": "q", "float": "d", "rows": "d"}
"""The array type of each kind of :class:`SortedTable` value but text."""


def _numbers(buffer: Any, typecode: str) -> memoryview:
    """``buffer`` (bytes, an array, part of a mapped file) read as numbers of ``typecode``."""
    return memoryview(buffer).cast("B").cast(typecode)


_BLOCK = 64
"""Keys in a block of a :class:`SortedTable`, which a search reads as text."""


def _offsets(pieces: Sequence[Sized], separator: int = 1) -> array[int]:
    """Where each piece starts when they are joined with ``separator`` bytes between
    them, and where the last would end: one more offset than pieces. Four bytes each
    (a table's text stays below 4 GB), as a table's file is read on every start."""
    offsets, at = array("I", [0]), 0
    for piece in pieces:
        at += len(piece) + separator
        offsets.append(at)
    return offsets
