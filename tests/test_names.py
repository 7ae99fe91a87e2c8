"""The names and codes of bitext.figures.names: every form reads its own example, and the
extraction cases of fixtures/figures/extract/names.jsonl hold.

One JSON object a line::

    {"label": "zh-plan", "comment": "十四五 is a plan's name", "lang": "zh",
     "text": "“十四五”实现良好开局", "source": "wmt22 line 918",
     "expect": [["十四五", "name", "14"]]}

``expect`` lists every name and code :func:`bitext.figures.extract` reads in ``text``:
its text, its kind and, for a name, its value, for a code, its digits.
"""

from __future__ import annotations

import json

import pytest

from bitext.figures import extract, names
from bitext.model import Kind

from .conftest import FIXTURES

CASES = [
    json.loads(line)
    for line in (FIXTURES / "figures" / "extract" / "names.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
FORMS = [form for lang in names.FORMS.values() for form in lang]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_names_and_codes_are_read(case: dict) -> None:
    figures = [f for f in extract(case["text"], case["lang"]) if f.kind in (Kind.NAME, Kind.CODE)]
    read = [
        [f.text, f.kind.value, str(f.value) if f.kind == Kind.NAME else f.digits] for f in figures
    ]
    assert read == case["expect"]


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


def test_cases_are_explained() -> None:
    labels = [c["label"] for c in CASES]
    assert len(set(labels)) == len(labels)
    assert all(c["comment"].strip() and c["source"].strip() for c in CASES)
