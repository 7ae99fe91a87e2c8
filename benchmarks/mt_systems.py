#!/usr/bin/env python3
"""Run bitext over bulletins made from WMT21 zh→en: the source with a system's output.

    python benchmarks/mt_systems.py [CORPUS_DIR] [--systems ZengHuiMT Online-A …] [--show 12]

Each line of zh.txt is put next to its translation ("中文… English…", the Panzhou
layout), 25 lines to a bulletin, and checked with the full pipeline (segmentation,
alignment, figures). For the human reference (en.txt) and each system it prints the
findings by rule, and the first --show figure errors (scale, value, unit) with their
line number so they can be read in the corpus.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bitext.check.pipeline import check_document
from bitext.model import Document

BULLETIN_LINES = 25
ERRORS = ("figure-scale", "figure-value", "figure-unit")


def bulletins(zh: list[str], en: list[str]) -> list[tuple[int, Document]]:
    """(first line number, bulletin) for each block of BULLETIN_LINES lines."""
    documents = []
    for first in range(0, len(zh), BULLETIN_LINES):
        lines = zip(
            zh[first : first + BULLETIN_LINES], en[first : first + BULLETIN_LINES], strict=True
        )
        text = "\n\n".join(f"{z.strip()} {e.strip()}" for z, e in lines)
        documents.append((first + 1, Document(f"lines {first + 1}+", text, "utf-8")))
    return documents


def run(zh: list[str], en: list[str]) -> tuple[collections.Counter[str], list[tuple[int, str]]]:
    counts: collections.Counter[str] = collections.Counter()
    catches = []
    for first, document in bulletins(zh, en):
        report = check_document(document)
        counts["pairs"] += len(report.pairs)
        for finding in report.findings:
            counts[finding.rule] += 1
            if finding.rule in ERRORS:
                line = first + document.line_col(finding.zh.start)[0] // 2  # type: ignore[union-attr]
                catches.append((line, f"{finding.zh.text} → “{finding.en.text}”: {finding.rule}"))  # type: ignore[union-attr]
    return counts, catches


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = (
        Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "wmt21-newstest-zhen"
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=default)
    parser.add_argument("--systems", nargs="*", default=["ZengHuiMT", "Online-A", "Online-Y", "UF"])
    parser.add_argument("--show", type=int, default=12)
    args = parser.parse_args()
    zh = (args.corpus / "zh.txt").read_text(encoding="utf-8").splitlines()
    outputs = {"reference": args.corpus / "en.txt"}
    outputs.update({name: args.corpus / "systems" / f"{name}.en" for name in args.systems})
    rules = ("figure-scale", "figure-value", "figure-unit", "figure-missing", "figure-extra")
    print(
        f"{'translation':<12} {'pairs':>6} "
        + " ".join(f"{r.removeprefix('figure-'):>8}" for r in rules)
    )
    shown: dict[str, list[tuple[int, str]]] = {}
    for name, path in outputs.items():
        en = path.read_text(encoding="utf-8").splitlines()
        counts, catches = run(zh, en)
        print(f"{name:<12} {counts['pairs']:>6} " + " ".join(f"{counts[r]:>8}" for r in rules))
        shown[name] = catches
    for name, catches in shown.items():
        print(f"\n{name}: first {args.show} figure errors")
        for line, text in catches[: args.show]:
            print(f"  line {line}: {text}")


if __name__ == "__main__":
    main()
