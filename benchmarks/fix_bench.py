#!/usr/bin/env python3
"""What ``bitext check --fix`` corrects of the errors injected into the bench bulletins.

    python3 benchmarks/fix_bench.py [--bench DIR] [--json]

For every bulletin of ``dev``, ``dev-wmt21`` and ``dev-wmt22`` (``--bench``, default
``../shared/bench`` beside the repository), the injected errors of the kinds a fix can
undo (``scale``, ``wan``: the 万/亿 trap, ``digit``) are looked up in the answer key. An
injected error counts as **fixed** when a finding on its English span has a certain fix
(:func:`bitext.fix.fix_for` gives an edit); otherwise it counts under the reason the
first such finding is not fixed (``no finding`` when none touches it). Nothing is
written: the plan is what ``--fix`` would apply (``tests/test_fix.py`` applies it to a
sample and checks the rerun).

The reasons are grouped as docs/commands.md shows them: no suggestion; more than one
digit or written differently; a date (a month, a day, a weekday); no certain figure
(extra, missing, unverifiable); other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bitext.check import check_file
from bitext.fix import Edit, fix_for

SETS = ("dev", "dev-wmt21", "dev-wmt22")
KINDS = ("scale", "wan", "digit")
GROUPS = (
    ("no suggestion", ("no suggestion",)),
    ("more than one digit, or written differently", ("no single correction",)),
    ("a date", ("month", "date", "day of the month", "weekday")),
    (
        "no certain figure",
        ("figure-missing", "nothing to replace", "nothing certain", "nothing to correct"),
    ),
)


def group(reason: str) -> str:
    """The column of the docs' table a not-fixed reason falls in."""
    for name, needles in GROUPS:
        if any(needle in reason for needle in needles):
            return name
    return "other"


def score(directory: Path) -> dict[str, Counter[str]]:
    injected: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for bulletin in sorted(directory.glob("*.txt")):
        key = json.loads(bulletin.with_suffix(".json").read_text(encoding="utf-8"))
        report = check_file(str(bulletin))
        for error in key["injected"]:
            if error["kind"] not in KINDS or error["en"] is None:
                continue
            injected[error["kind"]] += 1
            start, end = error["en"]
            touching = [
                f
                for f in report.findings
                if f.en is not None and f.en.start < end and start < f.en.end
            ]
            fixes = [fix_for(report, f) for f in touching]
            if any(isinstance(fix, Edit) for fix in fixes):
                fixed[error["kind"]] += 1
            elif fixes:
                left[group(fixes[0].reason)] += 1  # type: ignore[union-attr]
            else:
                left["no finding"] += 1
    return {"injected": injected, "fixed": fixed, "not_fixed": left}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
    parser.add_argument("--bench", type=Path, default=default)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {name: score(args.bench / name) for name in SETS if (args.bench / name).is_dir()}
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
        return 0
    columns = [name for name, _ in GROUPS] + ["other", "no finding"]
    print("| set | injected (scale, 万/亿, digit) | fixed | " + " | ".join(columns) + " |")
    print("|---|---|---|" + "---|" * len(columns))
    for name, counts in results.items():
        kinds = lambda c: f"{sum(c.values())} ({', '.join(str(c[k]) for k in KINDS)})"  # noqa: E731
        cells = [str(counts["not_fixed"][column]) for column in columns]
        print(
            f"| {name} | {kinds(counts['injected'])} | {kinds(counts['fixed'])} | {' | '.join(cells)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
