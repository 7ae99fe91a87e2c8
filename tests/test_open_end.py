"""``ends_open`` searches only the end of the text: the same answer as a search of all of it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.align.signals import _OPEN_END, _OPEN_WORDS, ends_open

ALPHABET = list("atoheirwyunsdfmlAHTOIS .,?-'\t\n\u00a0\u3000\u2028\x1c\x85\u212aſİ5")
"""The letters of the open words in both cases, spaces that ``\\s`` and str.rstrip may
see differently, punctuation, and letters that fold to ASCII ones (the Kelvin sign, long s)."""


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=24))
def test_ends_open_is_the_search_of_the_whole_text(text: str) -> None:
    assert ends_open(text) == (_OPEN_END.search(text) is not None)


PIECES = [*_OPEN_WORDS.split("|"), "THEIR", "Would", "x", "é", "5", " ", "\u3000", "\x1c", "-"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_ends_open_is_the_search_of_the_whole_text_of_words(text: str) -> None:
    assert ends_open(text) == (_OPEN_END.search(text) is not None)


def test_ends_open_reads_the_word_before_the_trailing_space() -> None:
    assert ends_open("Tested Positive at \u3000 \n")
    assert not ends_open("the format \n")
    assert ends_open("shall")
    assert not ends_open("marshall")
