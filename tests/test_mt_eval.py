"""The hand labels of benchmarks/mt_eval/ are well-formed and still point at their texts.

These tests guard the data, not bitext's score (benchmarks/mt_eval.py measures that).
The corpora live beside the repository (../shared/corpora) and are not redistributed, so
the tests that read them skip in a clean clone.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, SHARED

CORPORA = SHARED / "corpora"
STRATA = {
    "diff-ref",
    "random-figure",
    "scale-suspect",
    "mqm-major",
    "lost-suspect",
    "short-output",
    "scale-magnitude",
    "direction-suspect",
    "weekday-for-date",
}
"""The strata of benchmarks/mt_eval/select_rows.py."""
KEYS = {"id", "corpus", "system", "line", "selection", "zh_sha", "en_sha", "labels"}
LABEL_KEYS = {"class", "zh", "en", "note"}


def load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MT_EVAL = load_script(ROOT / "benchmarks" / "mt_eval.py")
RECORDS = MT_EVAL.read_records()

needs_corpora = pytest.mark.skipif(
    not (CORPORA / "wmt21-newstest-zhen").is_dir(),
    reason="../shared/corpora (the WMT test sets) is not beside the repository",
)


def test_every_row_has_the_fields_and_an_id_naming_it() -> None:
    problems = [r.get("id") for r in RECORDS if set(r) - {"comment"} != KEYS]
    problems += [
        r["id"]
        for r in RECORDS
        if r["id"] != f"{r['corpus']}-{r['line']}-{r['system']}"
        or r["corpus"] not in MT_EVAL.CORPUS_DIRS
        or r["selection"] not in STRATA
    ]
    assert problems == []
    assert len(RECORDS) >= 200
    assert [k for k, n in Counter(r["id"] for r in RECORDS).items() if n > 1] == []


def test_every_label_has_a_class_and_the_sides_it_needs() -> None:
    def wrong(label: dict) -> bool:
        return (
            set(label) != LABEL_KEYS
            or label["class"] not in MT_EVAL.CLASSES
            or (label["zh"] is None) != (label["class"] == "extra")
            or (label["en"] is None) != (label["class"] == "missing")
            or not label["note"]
        )

    assert [r["id"] for r in RECORDS for x in r["labels"] if wrong(x)] == []


@needs_corpora
def test_every_row_resolves_with_its_hashes() -> None:
    cache: dict = {}
    problems = []
    for record in RECORDS:
        try:
            MT_EVAL.resolve(record, CORPORA, cache)
        except (IndexError, OSError, ValueError) as error:
            problems.append(f"{record['id']}: {error!r}")
    assert problems == []


@needs_corpora
def test_every_labelled_text_occurs_once_in_its_line() -> None:
    problems = []
    for row in MT_EVAL.load_rows(CORPORA):
        for label in row.labels:
            for side, text, line in (("zh", label.zh, row.zh), ("en", label.en, row.mt)):
                if text is not None and line.count(text) != 1:
                    problems.append(f"{row.id} {side} {text!r} occurs {line.count(text)} times")
    assert problems == []
