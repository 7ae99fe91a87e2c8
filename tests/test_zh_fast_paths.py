"""The Chinese number reader's shortcuts find what the patterns they skip find.

``zh._read`` tries a pattern after a number only where its first character may open one
(:func:`bitext.figures.zh._opening`) and a pattern before it only where its last character
may close one (:func:`bitext.figures.zh._closes`). Each gate must be a necessary
condition: here every pattern is run where its gate turns it away, on every character
and on every position of the corpora's Chinese lines, and must find nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
import regex

from bitext.figures import names, zh

from .conftest import SHARED

OPENS = [
    (zh._APPROX_AFTER, zh._APPROX_AFTER_LEADS),
    (zh._RANGE_JOIN, zh._RANGE_JOIN_LEADS),
    (zh._PERCENT_AFTER, zh._PERCENT_LEADS),
    (zh._DATE_UNIT, zh._DATE_UNIT_LEADS),
    (zh._APPROX_AFTER_UNIT, zh._APPROX_AFTER_UNIT_LEADS),
    (zh._GLUED_LATIN, zh._GLUED_LATIN_LEADS),
]
CLOSES = [
    (zh._APPROX_BEFORE, zh._APPROX_BEFORE_LASTS),
    (zh._SIGN, zh._SIGN_LASTS),
    (zh._RANGE_DASH, zh._SIGN_LASTS),
]
_TAILS = ("", "上下左右以下份", "分点百分点", "km/h", "1", "\n")
"""What may follow a first character, to complete any word that opens with it."""
_HEADS = ("", "1", "约合不超", "5%", "地")
"""What may come before a last character, to complete any word that ends with it."""


def test_the_regex_white_space_is_white_space_to_python() -> None:
    """``\\s`` (skipped by the patterns) is a subset of what ``str.isspace`` and
    ``str.rstrip`` skip, so the gates see past every space a pattern skips."""
    space = regex.compile(r"\s")
    chars = map(chr, range(sys.maxunicode + 1))
    assert all(ch.isspace() for ch in chars if space.match(ch))


def test_the_spaces_are_every_space() -> None:
    chars = map(chr, range(sys.maxunicode + 1))
    assert {ch for ch in chars if ch.isspace()} == zh._SPACES


def test_a_pattern_opens_with_one_of_its_leads() -> None:
    for pattern, leads in OPENS:
        for code in range(0x10000):
            ch = chr(code)
            if ch in leads:
                continue
            assert not any(pattern.match(ch + tail) for tail in _TAILS), (pattern.pattern, ch)


def test_a_pattern_closes_with_one_of_its_lasts() -> None:
    for pattern, lasts in CLOSES:
        for code in range(0x10000):
            ch = chr(code)
            if ch in lasts or ch.isspace():
                continue
            assert not any(pattern.search(head + ch) for head in _HEADS), (pattern.pattern, ch)


def test_around_opens_where_a_range_or_an_approximation_may() -> None:
    """``zh._around`` returns a number as it is where the character after it is none of
    ``_AROUND_LEADS`` (and nothing before it counts): the leads of both patterns it would
    try there."""
    assert zh._RANGE_JOIN_LEADS | zh._APPROX_AFTER_LEADS <= zh._AROUND_LEADS


def _corpus_lines() -> Iterator[str]:
    for path in sorted((SHARED / "corpora").glob("wmt*/zh.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield zh.reading_view(line)


def test_the_gates_turn_away_no_match_on_the_corpora() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    for text in _corpus_lines():
        for pos in range(len(text) + 1):
            for pattern, leads in OPENS:
                if text[pos : pos + 1] not in leads:
                    assert pattern.match(text, pos) is None, (pattern.pattern, text, pos)
            before = text[max(0, pos - 4) : pos]
            for pattern, lasts in CLOSES:
                if not zh._closes(before, lasts):
                    assert pattern.search(before) is None, (pattern.pattern, text, pos)


SCANNED_FIRST = [
    (zh._CLOCK, zh._HOUR_MARK),
    (zh._COLON_CLOCK, zh._COLON_MINUTES),
    (zh._SCORE, zh._SCORE_JOIN),
    (zh._ADJACENT, zh._NEIGHBOURS),
]
"""Readers that scan for what every match of their pattern holds before running it."""


def test_a_reader_scans_first_for_what_every_match_holds() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    for text in _corpus_lines():
        for pattern, held in SCANNED_FIRST:
            if held.search(text) is None:
                assert next(iter(pattern.finditer(text)), None) is None, (held.pattern, text)


def _every_line() -> Iterator[str]:
    corpora = SHARED / "corpora"
    for path in sorted(corpora.glob("wmt*/*.txt")) + sorted(
        p for p in corpora.glob("mac/*/*/*") if p.is_file()
    ):
        yield from path.read_text(encoding="utf-8", errors="replace").splitlines()


def test_forms_tried_at_their_starts_find_what_a_search_finds() -> None:
    """A names form with ``starts`` (:func:`bitext.figures.names._matches`) finds what its
    pattern's ``finditer`` finds, on every line of the corpora, in either language."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    forms = [f for lang in names.FORMS for f in names.FORMS[lang] if f.starts is not None]
    assert forms
    tried = 0
    for line in [*_every_line(), "1.a", "：(2) b", "x: 3. Do", "1、报名。2.缴费；3 人"]:
        for text in (line, zh.reading_view(line)):
            for form in forms:
                searched = [m.span() for m in form.pattern.finditer(text)]
                assert [m.span() for m in names._matches(form, text)] == searched, (form, text)
                tried += bool(searched)
    assert tried
