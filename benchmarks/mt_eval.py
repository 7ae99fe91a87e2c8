#!/usr/bin/env python3
"""Score bitext's figure checks on hand-labelled real machine translation.

    python3 benchmarks/mt_eval.py [--corpora DIR] [--show N] [--json]

Each row of ``benchmarks/mt_eval/labels.jsonl`` points at one Chinese line of a WMT test
set and one system's English output of it; the texts are read from ``--corpora``
(default ``../shared/corpora`` beside the repository) and must still have the hashes the
row records. How rows were chosen and labelled: ``benchmarks/mt_eval/LABELLING.md``.

For each row the script runs ``bitext.check_pair(zh, mt)`` (a known pair, no alignment)
and keeps the findings whose rule starts with ``figure-`` and whose severity is error or
warning. Findings are matched to labels by position:

- A label's **English span** is where its ``en`` text stands in the MT line, its
  **Chinese span** where its ``zh`` text stands in the Chinese line (each text occurs
  once in its line; ``tests/test_mt_eval.py`` checks it).
- A finding **touches** a span when its figure on that side shares a character with it.
- **Recall**: a label is caught when some finding touches its English span; a label
  without English text (``missing``) is caught when some finding touches its Chinese
  span. The finding's rule need not match the label's class.
- **Precision**: a finding is right when it touches any span, English or Chinese, of a
  label of its row; every other finding is a false alarm. (A finding that points only
  at the Chinese side of a wrong English figure is thus right, yet does not catch the
  label: the reader has to be sent to the English figure to fix it.)

The report gives recall per label class and per corpus, precision per finding rule and
per corpus; ``--show N`` prints the first N misses and N false alarms with their lines,
``--json`` the totals as JSON (``--show`` then writes to stderr). Misses with a finding
on their Chinese figure are counted apart: bitext sent the reader to the right place
from the Chinese side (25日 "has no counterpart" where the English wrote "Friday") but
did not read the wrong English.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple, TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bitext.check.pipeline import check_pair  # noqa: E402
from bitext.model import Figure, Finding, Severity  # noqa: E402
from bitext.version import __version__  # noqa: E402

LABELS = ROOT / "benchmarks" / "mt_eval" / "labels.jsonl"
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_DIRS = {"wmt21": "wmt21-newstest-zhen", "wmt22": "wmt22-generaltest-zhen"}
CLASSES = ("scale", "value", "missing", "extra", "unit", "direction", "date")
SEVERITIES = (Severity.ERROR, Severity.WARNING)


class Label(NamedTuple):
    """One hand-labelled figure discrepancy of a row."""

    cls: str
    zh: str | None
    en: str | None
    note: str


class Row(NamedTuple):
    """One labelled row with its texts read from the corpora."""

    id: str
    corpus: str
    system: str
    line: int
    selection: str
    zh: str
    mt: str
    labels: tuple[Label, ...]


class Judged(NamedTuple):
    """A row after matching: per label whether it was caught (and, if not, whether a
    finding touches its Chinese side), per finding whether it touches a label."""

    row: Row
    findings: tuple[Finding, ...]
    caught: tuple[bool, ...]
    zh_only: tuple[bool, ...]
    right: tuple[bool, ...]


def short_sha(text: str) -> str:
    """First 12 hex digits of the SHA-256 of ``text`` in UTF-8 (the rows' hashes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def read_lines(path: Path) -> list[str]:
    """Lines of ``path`` split on LF only, as the corpora's line numbers count them."""
    return path.read_text(encoding="utf-8").removesuffix("\n").split("\n")


def read_records(path: Path = LABELS) -> list[dict]:
    """The rows of the label file as stored."""
    return [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines()]


def corpus_line(corpora: Path, corpus: str, name: str, line: int, cache: dict) -> str:
    """Line ``line`` (1-based) of ``zh.txt`` or a system's output in ``corpus``."""
    folder = corpora / CORPUS_DIRS[corpus]
    path = folder / "zh.txt" if name == "zh" else folder / "systems" / f"{name}.en"
    if path not in cache:
        cache[path] = read_lines(path)
    return cache[path][line - 1]


def resolve(record: dict, corpora: Path, cache: dict) -> Row:
    """The row of ``record`` with its texts; raises ValueError when a hash differs."""
    zh = corpus_line(corpora, record["corpus"], "zh", record["line"], cache)
    mt = corpus_line(corpora, record["corpus"], record["system"], record["line"], cache)
    if (short_sha(zh), short_sha(mt)) != (record["zh_sha"], record["en_sha"]):
        raise ValueError(f"{record['id']}: the corpus line changed (hash differs)")
    labels = tuple(Label(x["class"], x["zh"], x["en"], x["note"]) for x in record["labels"])
    fields = ("id", "corpus", "system", "line", "selection")
    return Row(*(record[k] for k in fields), zh, mt, labels)


def load_rows(corpora: Path, path: Path = LABELS) -> list[Row]:
    """Every labelled row with its texts."""
    cache: dict = {}
    return [resolve(record, corpora, cache) for record in read_records(path)]


def figure_findings(zh: str, mt: str) -> tuple[Finding, ...]:
    """bitext's figure findings of error or warning severity for the pair."""
    report = check_pair(zh, mt)
    return tuple(
        f for f in report.findings if f.rule.startswith("figure-") and f.severity in SEVERITIES
    )


def span(text: str, part: str | None, base: int) -> tuple[int, int] | None:
    """Where ``part`` stands in ``text``, shifted by ``base``; None without ``part``."""
    if part is None or part not in text:
        return None
    start = base + text.index(part)
    return start, start + len(part)


def touches(figure: Figure | None, where: tuple[int, int] | None) -> bool:
    """True when ``figure`` shares a character with the span ``where``."""
    if figure is None or where is None:
        return False
    return figure.start < where[1] and where[0] < figure.end


def judge(row: Row) -> Judged:
    """Match the row's findings to its labels (rules in the module docstring)."""
    findings = figure_findings(row.zh, row.mt)
    en_base = len(row.zh) + 2  # check_pair's document is zh, a blank line, then en
    spans = [(span(row.zh, x.zh, 0), span(row.mt, x.en, en_base)) for x in row.labels]
    caught = tuple(
        any(touches(f.en, en) if label.en else touches(f.zh, zh) for f in findings)
        for label, (zh, en) in zip(row.labels, spans, strict=True)
    )
    zh_only = tuple(
        not hit and any(touches(f.zh, zh) for f in findings)
        for hit, (zh, _) in zip(caught, spans, strict=True)
    )
    right = tuple(any(touches(f.en, en) or touches(f.zh, zh) for zh, en in spans) for f in findings)
    return Judged(row, findings, caught, zh_only, right)


def ratio(part: int, whole: int) -> float | None:
    """part / whole rounded to 3 places, None for an empty whole."""
    return round(part / whole, 3) if whole else None


def recall_counts(judged: Iterable[Judged], key: str) -> dict[str, dict]:
    """Labels and caught labels grouped by ``key``: 'class' (every class listed, also
    one without labels) or 'corpus'."""
    labels: Counter[str] = Counter(dict.fromkeys(CLASSES, 0) if key == "class" else {})
    caught: Counter[str] = Counter()
    for j in judged:
        for label, hit in zip(j.row.labels, j.caught, strict=True):
            group = label.cls if key == "class" else j.row.corpus
            labels[group] += 1
            caught[group] += hit
    return {
        g: {"labels": n, "caught": caught[g], "recall": ratio(caught[g], n)}
        for g, n in sorted(labels.items())
    }


def precision_counts(judged: Iterable[Judged], key: str) -> dict[str, dict]:
    """Findings and right findings grouped by ``key`` ('rule' or 'corpus')."""
    findings: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for j in judged:
        for finding, hit in zip(j.findings, j.right, strict=True):
            group = finding.rule if key == "rule" else j.row.corpus
            findings[group] += 1
            right[group] += hit
    return {
        g: {"findings": n, "right": right[g], "precision": ratio(right[g], n)}
        for g, n in sorted(findings.items())
    }


def totals(judged: list[Judged]) -> dict:
    """Everything ``--json`` prints."""
    labels = sum(len(j.caught) for j in judged)
    caught = sum(sum(j.caught) for j in judged)
    findings = sum(len(j.right) for j in judged)
    right = sum(sum(j.right) for j in judged)
    return {
        "bitext": __version__,
        "rows": len(judged),
        "rows_with_labels": sum(1 for j in judged if j.row.labels),
        "labels": labels,
        "caught": caught,
        "recall": ratio(caught, labels),
        "missed_but_flagged_in_chinese": sum(sum(j.zh_only) for j in judged),
        "findings": findings,
        "right": right,
        "precision": ratio(right, findings),
        "by_class": recall_counts(judged, "class"),
        "by_rule": precision_counts(judged, "rule"),
        "recall_by_corpus": recall_counts(judged, "corpus"),
        "precision_by_corpus": precision_counts(judged, "corpus"),
    }


def table(title: str, groups: dict[str, dict], columns: tuple[str, ...]) -> list[str]:
    """A small text table: one group a line, the given columns."""
    lines = [f"{title:<22}" + "".join(f"{c:>11}" for c in columns)]
    for group, counts in groups.items():
        cells = ("-" if counts[c] is None else counts[c] for c in columns)
        lines.append(f"  {group:<20}" + "".join(f"{c:>11}" for c in cells))
    return lines


def report_text(result: dict) -> str:
    """The human-readable summary."""
    lines = [
        f"bitext {result['bitext']} on {result['rows']} rows "
        f"({result['rows_with_labels']} with a labelled discrepancy)",
        f"labelled discrepancies {result['labels']}, caught {result['caught']} "
        f"(recall {result['recall']}); {result['missed_but_flagged_in_chinese']} of the "
        "misses have a finding on their Chinese figure",
        f"findings {result['findings']}, matching a label {result['right']} "
        f"(precision {result['precision']})",
        "",
        *table("recall by class", result["by_class"], ("labels", "caught", "recall")),
        *table("recall by corpus", result["recall_by_corpus"], ("labels", "caught", "recall")),
        "",
        *table("precision by rule", result["by_rule"], ("findings", "right", "precision")),
        *table(
            "precision by corpus", result["precision_by_corpus"], ("findings", "right", "precision")
        ),
    ]
    return "\n".join(lines) + "\n"


def described(finding: Finding) -> str:
    """A finding in one line: rule, the two figures, the message."""
    zh = finding.zh.text if finding.zh else "-"
    en = finding.en.text if finding.en else "-"
    return f"{finding.rule}: {zh} → {en}: {finding.message}"


def misses(judged: list[Judged]) -> list[str]:
    """Every label no finding caught, with its row's lines and findings."""
    out = []
    for j in judged:
        for label, hit in zip(j.row.labels, j.caught, strict=True):
            if not hit:
                out.append(
                    f"{j.row.id} [{label.cls}] {label.zh or '-'} → {label.en or '-'}: {label.note}\n"
                    f"    zh: {j.row.zh}\n    mt: {j.row.mt}\n"
                    + "".join(f"    found {described(f)}\n" for f in j.findings)
                )
    return out


def false_alarms(judged: list[Judged]) -> list[str]:
    """Every finding that touches no label, with its row's lines and labels."""
    out = []
    for j in judged:
        for finding, hit in zip(j.findings, j.right, strict=True):
            if not hit:
                out.append(
                    f"{j.row.id} {described(finding)}\n"
                    f"    zh: {j.row.zh}\n    mt: {j.row.mt}\n"
                    + "".join(f"    label [{x.cls}] {x.zh} → {x.en}\n" for x in j.row.labels)
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora")
    parser.add_argument(
        "--show", type=int, default=0, metavar="N", help="print N misses and N false alarms"
    )
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args()
    try:
        rows = load_rows(args.corpora)
    except (OSError, ValueError) as error:
        sys.exit(f"mt_eval: {error}")
    judged = [judge(row) for row in rows]
    result = totals(judged)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(report_text(result))
    if args.show:
        show(judged, args.show, sys.stderr if args.json else sys.stdout)


def show(judged: list[Judged], count: int, out: TextIO) -> None:
    """The first ``count`` misses and ``count`` false alarms, with their lines."""
    missed, alarms = misses(judged), false_alarms(judged)
    out.write(f"\nfirst {count} of {len(missed)} misses\n\n")
    out.write("\n".join(missed[:count]))
    out.write(f"\nfirst {count} of {len(alarms)} false alarms\n\n")
    out.write("\n".join(alarms[:count]))


if __name__ == "__main__":
    main()
