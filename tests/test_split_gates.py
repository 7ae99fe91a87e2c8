"""The sentence splitter's gates are necessary conditions.

:func:`bitext.segment.split.english_boundaries` looks for boundaries only in a run with a
stop before its last character, :func:`~bitext.segment.split.unpunctuated_boundaries`
only in one with a space before a sentence opener, and a Chinese run is split only where
it has a stop before its last character. Were a gate wrong, a sentence would silently go
unsplit, so on every line of the corpora and on random text each function must find with
its gate what it finds with the gate always open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.segment import split

from .conftest import SHARED

Found = Callable[[str], Sequence[object]]


class _Found:
    """A match at ``start``: where a search that a gate always open makes begins."""

    def __init__(self, start: int) -> None:
        self._start = start

    def start(self) -> int:
        return self._start


class _Always:
    """A pattern found everywhere: a gate always open, found where the search begins."""

    def search(self, _text: str, start: int = 0, *_: object) -> _Found:
        return _Found(start)


def _lines() -> Iterator[str]:
    corpora = SHARED / "corpora"
    for name in ("zh.txt", "en.txt", "en.refB.txt"):
        for path in sorted(corpora.glob(f"wmt*/{name}")):
            yield from path.read_text(encoding="utf-8").splitlines()


def _finders() -> dict[str, Found]:
    return {
        "stops": lambda t: split.english_boundaries(t, 0, len(t), next_must_open=True),
        "openers": lambda t: split.unpunctuated_boundaries(t, 0, len(t)),
        "inner stops": lambda t: split.english_boundaries(t, 2, max(2, len(t) - 3)),
        "inner openers": lambda t: split.unpunctuated_boundaries(t, 2, max(2, len(t) - 3)),
        "chinese": lambda t: split.sentences(t, 0, len(t), True),
        "inner chinese": lambda t: split.sentences(t, 1, max(1, len(t) - 2), True),
    }


def _found(texts: list[str]) -> dict[str, list[Sequence[object]]]:
    return {name: list(map(find, texts)) for name, find in _finders().items()}


def _found_ungated(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, list[Sequence[object]]]:
    with monkeypatch.context() as patched:
        patched.setattr(split, "_stop_before_last", lambda text, start, end: True)
        patched.setattr(split, "_SPACED_OPENER", _Always())
        patched.setattr(split, "_ZH_STOP", _Always())
        return _found(texts)


def test_the_gates_change_nothing_on_the_corpora(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    lines = list(_lines())
    assert _found(lines) == _found_ungated(lines, monkeypatch)
    # Each gate turned lines away (a gate no line fails is dead).
    assert not all(split._stop_before_last(t, 0, len(t)) for t in lines)
    assert not all(split._SPACED_OPENER.search(t) for t in lines)
    assert not all(split._ZH_STOP.search(t, 0, len(t) - 1) for t in lines)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The", "In", "it", "U.S.", "3", ".", "!", "?", " ", "”", "x", "。", "；", "！", "人"]
        )
    )
)
def test_the_gates_change_nothing_on_random_text(words: list[str]) -> None:
    text = "".join(words)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _found([text]) == _found_ungated([text], monkeypatch)


def test_a_stretch_opening_with_a_common_ideograph_holds_han() -> None:
    # _zh_groups does not search such a stretch for Han.
    first, last = ord(split._COMMON_HAN_FIRST), ord(split._COMMON_HAN_LAST)
    assert all(split._HAN.match(chr(code)) for code in range(first, last + 1))
