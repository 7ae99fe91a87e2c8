"""Every case in fixtures/figures/extract/*.jsonl: what one reader makes of a short text.

One JSON object a line::

    {"label": "date-zh-year-month-day", "comment": "why this case matters",
     "lang": "zh", "text": "2017 年 12 月 28 日贵州茅台发布公告", "source": "…",
     "expect": [["2017 年 12 月 28 日", "date", "20171228"]]}

``expect`` lists every figure :func:`bitext.figures.extract` reads, in order, as (text,
kind, value), with a fourth item "soft" for a figure a translation may leave implicit. A
failure here names the reader that broke; the pair cases in fixtures/figures/*.jsonl then
say what a reviewer is told.
"""

from __future__ import annotations

import json

import pytest

from bitext.figures import extract

from .conftest import FIXTURES

CASES = [
    json.loads(line)
    for path in sorted((FIXTURES / "figures" / "extract").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_extraction_case(case: dict) -> None:
    read = [
        [f.text, f.kind.value, str(f.value), *(["soft"] if f.soft else [])]
        for f in extract(case["text"], case["lang"])
    ]
    assert read == case["expect"]


def test_each_case_is_explained_and_unique() -> None:
    labels = [case["label"] for case in CASES]
    assert len(set(labels)) == len(labels), "labels must be unique"
    for case in CASES:
        assert case["comment"].strip() and case["source"].strip(), case["label"]
        assert case["lang"] in ("zh", "en"), case["label"]
