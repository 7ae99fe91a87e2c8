"""SortedTable (bitext.cache.tables): what a dict of the same keys answers, found by
bisecting the heads of its blocks and then searching a block's keys as text, built or
mapped from a cache file."""

from __future__ import annotations

import pickle
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.cache.tables import _BLOCK, _MAGIC, SortedTable, _load, _store, cache_file, cached

KEYS = st.text(alphabet="ab盘州\n", max_size=4).filter(lambda key: "\n" not in key)
"""Few letters, so keys share prefixes; no newline, which a key must not hold."""
ASKED = st.text(alphabet="ab盘州c\n", max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.sets(KEYS, max_size=3 * _BLOCK), st.lists(ASKED, max_size=40))
def test_a_table_answers_as_a_dict_does(keys: set[str], asked: list[str]) -> None:
    mapping = {key: f"v{i}" for i, key in enumerate(sorted(keys))}
    for table in (SortedTable.of(mapping), stored_and_read(SortedTable.of(mapping))):
        assert list(table) == sorted(mapping)
        for key in [*asked, *mapping]:
            assert table.get(key) == mapping.get(key)
            assert (key in table) == (key in mapping)
            assert table.has_prefix(key) == any(k.startswith(key) for k in mapping)


def stored_and_read(value: object) -> object:
    """``value`` written to a cache file and mapped back (bitext.cache.tables._load)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.pickle"
        _store(path, value)
        return _load(path)


def test_rows_and_numbers_come_back_as_stored() -> None:
    rows = {f"k{i:03}": [i / 7, 0.0, 1e-300] for i in range(200)}
    counts = {f"k{i:03}": i for i in range(200)}
    for mapping in (rows, counts, {"盘州": "panzhou"}, {}):
        table = SortedTable.of(mapping)  # type: ignore[type-var]
        copies = [pickle.loads(pickle.dumps(table, protocol)) for protocol in (2, 4, 5)]
        for copy in (table, stored_and_read(table), *copies):
            assert dict(copy.items()) == mapping  # type: ignore[attr-defined]


def test_a_cache_file_holds_other_values_too() -> None:
    assert stored_and_read(({"a": [1, 2]}, "text", None)) == ({"a": [1, 2]}, "text", None)


def test_a_cache_file_of_another_layout_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty, foreign (a plain pickle) or cut file is no error: built again, stored."""
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    path = cache_file("table", "key")
    path.parent.mkdir(parents=True, exist_ok=True)
    for junk in (b"", pickle.dumps({"a": 1}), _MAGIC + bytes([2]) + bytes(7), _MAGIC + b"\xff" * 8):
        path.write_bytes(junk)
        built = cached("table", ["key"], lambda: SortedTable.of({"a": "b"}))
        read = cached("table", ["key"], lambda: None)
        assert dict(built.items()) == dict(read.items()) == {"a": "b"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "where", [b"bitext.align.cache\nSortedTable", b"bitext.cache.tables\nGone"]
)
def test_a_cache_file_naming_a_class_bitext_no_longer_has_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: bytes
) -> None:
    """A file an older bitext wrote, whose pickle names a module or class since moved
    (``SortedTable`` lived in ``bitext.align.cache``), is built again, not an error."""
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    path = cache_file("table", "key")
    path.parent.mkdir(parents=True, exist_ok=True)
    head = b"c" + where + b"\n."  # pickle's GLOBAL opcode: import the module, get the name
    path.write_bytes(_MAGIC + struct.pack("<2Q", 1, len(head)) + head + bytes(-len(head) % 8))
    with pytest.raises((ImportError, AttributeError)):
        _load(path)
    built = cached("table", ["key"], lambda: SortedTable.of({"a": "b"}))
    assert dict(built.items()) == {"a": "b"}  # type: ignore[union-attr]
    assert dict(_load(path).items()) == {"a": "b"}
