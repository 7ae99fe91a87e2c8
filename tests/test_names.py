"""The names and codes of bitext.figures.names: every form reads its own example. (What
the names reader reads in real text is in fixtures/figures/extract/zh-names.jsonl and
en-names.jsonl, with the other readers' extraction cases: tests/test_figure_extraction.py.)
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.figures import names

FORMS = [form for lang in names.FORMS.values() for form in lang]


@pytest.mark.parametrize("form", FORMS, ids=[f"{f.lang}-{f.name}" for f in FORMS])
def test_every_form_reads_its_example(form: names.Form) -> None:
    """A form explains itself with a real example, which it reads."""
    assert form.explain.strip() and form.example.strip()
    match = form.pattern.search(form.example)
    assert match is not None and (form.when is None or form.when(match))
    found = names.find(form.example, form.lang)
    spans = [*found.shields, *found.wraps]
    assert any(s <= match.start() and match.end() <= e for s, e in spans) or any(
        match.start() <= f.start and f.end <= match.end() for f in found.figures
    )


def test_each_form_has_its_own_name() -> None:
    for lang, forms in names.FORMS.items():
        assert len({f.name for f in forms}) == len(forms), lang


@settings(max_examples=500, deadline=None)
@given(st.text("0123456789", max_size=3), st.text("0123456789a -٣", max_size=10))
def test_digits_stand_alone_where_the_pattern_finds_them(digits: str, text: str) -> None:
    """``names._stands_alone`` (one end of a range, in ``spells``) says what the pattern it
    replaced found: the digits with no digit 0-9 before or after them."""
    pattern = rf"(?<![0-9]){regex.escape(digits)}(?![0-9])"
    assert names._stands_alone(digits, text) == (regex.search(pattern, text) is not None)
