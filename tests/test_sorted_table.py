"""SortedTable (bitext.align.cache): what a dict of the same keys answers, found by
bisecting the heads of its blocks and then searching a block's keys as text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.align.cache import _BLOCK, SortedTable

KEYS = st.text(alphabet="ab盘州\n", max_size=4).filter(lambda key: "\n" not in key)
"""Few letters, so keys share prefixes; no newline, which a key must not hold."""
ASKED = st.text(alphabet="ab盘州c\n", max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.sets(KEYS, max_size=3 * _BLOCK), st.lists(ASKED, max_size=40))
def test_a_table_answers_as_a_dict_does(keys: set[str], asked: list[str]) -> None:
    mapping = {key: f"v{i}" for i, key in enumerate(sorted(keys))}
    table = SortedTable.of(mapping)
    for key in [*asked, *mapping]:
        assert table.get(key) == mapping.get(key)
        assert (key in table) == (key in mapping)
        assert table.has_prefix(key) == any(k.startswith(key) for k in mapping)


def test_rows_and_numbers_come_back_as_stored() -> None:
    rows = {f"k{i:03}": [i / 7, 0.0, 1e-300] for i in range(200)}
    counts = {f"k{i:03}": i for i in range(200)}
    assert dict(SortedTable.of(rows).items()) == rows
    assert dict(SortedTable.of(counts).items()) == counts
