"""The English sentence splitter's gates are necessary conditions.

:func:`bitext.segment.split.english_boundaries` looks for boundaries only in a run with a
stop before its last character, and :func:`~bitext.segment.split.unpunctuated_boundaries`
only in one with a space before a sentence opener. Were a gate wrong, a sentence would
silently go unsplit, so on every English line of the corpora and on random text each
function must find with its gate what it finds with the gate always open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.segment import split

from .conftest import SHARED

Boundaries = Callable[[str], list[int]]


def _english_lines() -> Iterator[str]:
    corpora = SHARED / "corpora"
    for name in ("en.txt", "en.refB.txt"):
        for path in sorted(corpora.glob(f"wmt*/{name}")):
            yield from path.read_text(encoding="utf-8").splitlines()


def _finders() -> dict[str, Boundaries]:
    return {
        "stops": lambda t: split.english_boundaries(t, 0, len(t), next_must_open=True),
        "openers": lambda t: split.unpunctuated_boundaries(t, 0, len(t)),
        "inner stops": lambda t: split.english_boundaries(t, 2, max(2, len(t) - 3)),
        "inner openers": lambda t: split.unpunctuated_boundaries(t, 2, max(2, len(t) - 3)),
    }


def _found(texts: list[str]) -> dict[str, list[list[int]]]:
    return {name: list(map(find, texts)) for name, find in _finders().items()}


def _found_ungated(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, list[list[int]]]:
    with monkeypatch.context() as patched:
        patched.setattr(split, "_stop_before_last", lambda text, start, end: True)
        patched.setattr(split, "_SPACED_OPENER", re.compile(""))
        return _found(texts)


def test_the_gates_change_nothing_on_the_corpora(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    lines = list(_english_lines())
    assert _found(lines) == _found_ungated(lines, monkeypatch)
    # Each gate turned lines away (a gate no line fails is dead).
    assert not all(split._stop_before_last(t, 0, len(t)) for t in lines)
    assert not all(split._SPACED_OPENER.search(t) for t in lines)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["The", "In", "it", "U.S.", "3", ".", "!", "?", " ", "”", "x"])))
def test_the_gates_change_nothing_on_random_text(words: list[str]) -> None:
    text = "".join(words)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _found([text]) == _found_ungated([text], monkeypatch)
