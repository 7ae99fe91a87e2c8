"""Every case in fixtures/figures/*.jsonl: a Chinese text, its English, the exact findings.

One JSON object a line::

    {"label": "scale-wan-million", "comment": "why this case matters",
     "zh": "…", "en": "…", "source": "synthetic | wmt21 line 123 (ref) | …",
     "expect": [["figure-scale", "387.75 万元", "3,877.5 million yuan"]]}

``expect`` lists every finding (rule, Chinese figure text or null, English figure text or
null) that bitext.check_pair must report, info included; an empty list means the
translation's figures all agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bitext

from .conftest import FIXTURES

CASES = [
    (path.name, json.loads(line))
    for path in sorted((FIXTURES / "figures").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _findings(zh: str, en: str) -> list[list[str | None]]:
    report = bitext.check_pair(zh, en)
    return [
        [f.rule, f.zh.text if f.zh else None, f.en.text if f.en else None] for f in report.findings
    ]


@pytest.mark.parametrize(("file", "case"), CASES, ids=[c["label"] for _, c in CASES])
def test_figure_case(file: str, case: dict) -> None:
    assert sorted(_findings(case["zh"], case["en"]), key=repr) == sorted(case["expect"], key=repr)


def test_there_are_enough_cases_and_each_is_explained() -> None:
    labels = [case["label"] for _, case in CASES]
    assert len(labels) >= 300
    assert len(set(labels)) == len(labels), "labels must be unique"
    for _, case in CASES:
        assert case["comment"].strip() and case["source"].strip(), case["label"]


def test_both_directions_are_covered() -> None:
    """Every phenomenon has a case where the English is right and one where it is wrong."""
    clean = sum(1 for _, c in CASES if not c["expect"])
    flagged = sum(1 for _, c in CASES if any(e[0] in ERROR_RULES for e in c["expect"]))
    assert clean >= 100 and flagged >= 100


ERROR_RULES = {"figure-scale", "figure-value", "figure-unit", "figure-missing", "figure-extra"}


def test_fixture_files_are_valid_json_lines() -> None:
    for path in (FIXTURES / "figures").glob("*.jsonl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                assert set(record) >= {"label", "comment", "zh", "en", "expect", "source"}, (
                    f"{Path(path).name}:{number}"
                )
