"""Which findings have a certain fix, and the edits that make them.

A fix replaces the English figure of a finding (``finding.en``, its span in the file the
English is in) with the finding's suggestion, and only where the suggestion cannot be
wrong:

* ``figure-scale`` with a suggestion: the English has the Chinese digits at the wrong
  power of ten (387.75 万元 → "3,877.5 million yuan"; "3.8775 million yuan" is right);
* ``figure-value`` whose suggestion differs from the English in exactly one digit, the
  digits as many and everything else the same (1234 人 written "1,284" becomes "1,234").

Everything else is a :class:`NotFixed` with the reason, in a translator's words: a month
or a date (a wrong one may be the Chinese's error as well), a unit, a number with more
than one digit wrong (a swap, or another figure altogether), a figure the English lacks
or has too many of, a finding without a suggestion, a fuzzy unit of a bilingual file, an
HTML page (bitext does not rewrite one).

>>> from bitext.check import check_pair
>>> report = check_pair("投入 387.75 万元，培训 1234 人，完成 82 项。",
...                     "Invested 3,877.5 million yuan, trained 1,284 people, did 28 projects.")
>>> for finding in report.findings:
...     fix = fix_for(report, finding)
...     print(finding.en.text, "→", fix.new if isinstance(fix, Edit) else f"not fixed: {fix.reason}")
3,877.5 million yuan → 3.8775 million yuan
1,284 → 1,234
28 → not fixed: no single correction: the value differs in more than one digit
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import regex

from bitext.model import Document, FileReport, Finding, Kind

CERTAIN_RULES = ("figure-scale", "figure-value")
"""The rules whose suggestion may be certain."""

_BY_HAND = {
    Kind.MONTH: "a month is corrected by hand",
    Kind.DATE: "a date is corrected by hand",
    Kind.WEEKDAY: "a weekday is corrected by hand",
    Kind.DAY: "a day of the month is corrected by hand",
}
"""Kinds whose suggestion a translator checks against the calendar and the Chinese."""

_REASONS = {
    "figure-missing": "nothing to replace: the English lacks the figure",
    "figure-extra": "nothing certain to write: the Chinese has no such figure",
    "figure-unit": "no certain correction: a unit is reworded by hand",
    "figure-direction": "no certain correction: a rise or a fall is reworded by hand",
    "figure-unverifiable": "nothing to correct: the figure cannot be checked",
    "figure-weekday": "nothing to correct: the weekday cannot be checked",
}
"""Why a finding of these rules is never fixed; other rules say :data:`NO_FIGURE`."""

NO_FIGURE = "nothing to replace: the finding is not about an English figure"
TWO_CORRECTIONS = "two corrections for one figure"
OVERLAP = "its correction overlaps another one"

BODY = ("paragraph ", "table ")
"""The places of a Word document's body (:meth:`bitext.model.Document.place`), which a
fix rewrites; headers, footers and notes are not."""

_FUZZY = regex.compile(r"unit .*? \(fuzzy\): ")
_XML_SUFFIXES = (".xlf", ".xliff", ".tmx")


class Edit(NamedTuple):
    """A replacement in the English document's text: ``start``..``end`` (offsets into
    ``Document.text`` of ``report.document_for("en")``; ``start == end`` inserts) becomes
    ``new``, written as that text has it (escaped in an XLIFF, PO or CSV file's raw text).
    ``finding`` is the finding it fixes; None for an edit that fixes none (an inserted
    ``bitext: ignore`` line)."""

    start: int
    end: int
    new: str
    finding: Finding | None = None


class NotFixed(NamedTuple):
    """A finding left as it is, and why."""

    finding: Finding
    reason: str


class FilePlan(NamedTuple):
    """The certain fixes of one file, applied together, and the findings left."""

    document: Document
    edits: tuple[Edit, ...]
    not_fixed: tuple[NotFixed, ...]


def fix_for(report: FileReport, finding: Finding) -> Edit | NotFixed:
    """The certain fix of ``finding``, or why there is none."""
    reason = _uncertain(finding)
    if reason is not None:
        return NotFixed(finding, reason)
    en, suggestion = finding.en, finding.suggestion
    assert en is not None and suggestion is not None  # _uncertain said so
    document = report.document_for("en")
    if document.encoding.startswith("html/"):
        return NotFixed(finding, "bitext does not rewrite HTML pages")
    if document.path is not None and _FUZZY.match(finding.message):
        return NotFixed(finding, "the unit is fuzzy: a translator has not finished it")
    if document.text[en.start : en.end] != en.text:
        return NotFixed(finding, "the figure is not written in the file as read (markup inside)")
    if document.encoding == "docx" and not document.place(en.start).startswith(BODY):
        return NotFixed(finding, "only the body of a Word document is rewritten, not its headers")
    if document.encoding == "docx" and regex.search(r"[\t\n]", en.text):
        return NotFixed(finding, "the figure spans a tab or a line break")
    new = _written(document, en.start, en.end, suggestion)
    if new is None:
        return NotFixed(finding, "the correction would split its cell (a comma unquoted)")
    return Edit(en.start, en.end, new, finding)


def _uncertain(finding: Finding) -> str | None:
    """Why ``finding`` has no certain correction, or None when it has one."""
    if finding.rule not in CERTAIN_RULES:
        return _REASONS.get(finding.rule, NO_FIGURE)
    en, suggestion = finding.en, finding.suggestion
    if en is None:
        return "nothing to replace: the finding has no English figure"
    if suggestion is None:
        return "no suggestion to write"
    if suggestion == en.text:
        return "the suggestion is the figure as written"
    if en.high is not None or (finding.zh is not None and finding.zh.high is not None):
        return "no single correction: a range or a score has two numbers"
    if finding.rule == "figure-scale":
        return None
    if en.kind in _BY_HAND:
        return _BY_HAND[en.kind]
    return _one_digit(en.text, suggestion)


def _one_digit(english: str, suggestion: str) -> str | None:
    """None when ``suggestion`` is ``english`` with one digit changed, else why not.

    >>> _one_digit("1,234 yuan", "1,284 yuan"), _one_digit("82", "28")
    (None, 'no single correction: the value differs in more than one digit')
    >>> _one_digit("1,234", "12,340")
    'no single correction: the number of digits differs'
    """
    old, new = regex.findall(r"\d", english), regex.findall(r"\d", suggestion)
    if len(old) != len(new):
        return "no single correction: the number of digits differs"
    if regex.sub(r"\d", "", english) != regex.sub(r"\d", "", suggestion):
        return "no single correction: the figure is written differently"
    if sum(a != b for a, b in zip(old, new, strict=True)) != 1:
        return "no single correction: the value differs in more than one digit"
    return None


def _written(document: Document, start: int, end: int, new: str) -> str | None:
    """``new`` as the file's text has it at ``start``..``end``: escaped in the raw text of
    an XML or PO file; None where a CSV or TSV row would not read back with it."""
    suffix = Path(document.path or "").suffix.lower()
    if suffix in _XML_SUFFIXES:
        return new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if suffix == ".po":
        return new.replace("\\", "\\\\").replace('"', '\\"')
    if suffix in (".tsv", ".csv"):
        return new if _row_reads_back(document.text, start, end, new, suffix) else None
    return new


def _row_reads_back(text: str, start: int, end: int, new: str, suffix: str) -> bool:
    """The row with ``new`` in place has as many cells, and only its figure changed."""
    row_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    stops = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    row_end = min(stops) if stops else len(text)
    old_row = text[row_start:row_end]
    new_row = text[row_start:start] + new + text[end:row_end]
    delimiter = "\t" if suffix == ".tsv" else ","
    quoting = csv.QUOTE_NONE if suffix == ".tsv" else csv.QUOTE_MINIMAL

    def cells(row: str) -> list[str]:
        return next(csv.reader(io.StringIO(row), delimiter=delimiter, quoting=quoting), [])

    old_cells, new_cells = cells(old_row), cells(new_row)
    if len(old_cells) != len(new_cells):
        return False
    changed = [k for k, (a, b) in enumerate(zip(old_cells, new_cells, strict=True)) if a != b]
    return len(changed) == 1 and text[start:end] in old_cells[changed[0]]


def plan(report: FileReport) -> FilePlan:
    """Every certain fix of ``report``'s English file, and every finding left with its
    reason. Two findings that correct one figure differently are neither fixed (nor
    are corrections that overlap); one that repeats another's correction is fixed with it."""
    edits: dict[tuple[int, int], list[Edit]] = {}
    not_fixed: list[NotFixed] = []
    for finding in report.findings:
        result = fix_for(report, finding)
        if isinstance(result, NotFixed):
            not_fixed.append(result)
        else:
            edits.setdefault((result.start, result.end), []).append(result)
    kept: list[Edit] = []
    for same in edits.values():
        if len({e.new for e in same}) > 1:
            not_fixed += [NotFixed(e.finding, TWO_CORRECTIONS) for e in same if e.finding]
        else:
            kept.append(same[0])
    kept.sort(key=lambda e: (e.start, e.end))
    overlapping = {
        k
        for k in range(len(kept))
        for j in range(len(kept))
        if j != k and _overlap(kept[k], kept[j])
    }
    not_fixed += [NotFixed(kept[k].finding, OVERLAP) for k in overlapping if kept[k].finding]
    final = tuple(e for k, e in enumerate(kept) if k not in overlapping)
    order = {f: k for k, f in enumerate(report.findings)}
    not_fixed.sort(key=lambda n: order.get(n.finding, len(order)))
    return FilePlan(report.document_for("en"), final, tuple(not_fixed))


def _overlap(a: Edit, b: Edit) -> bool:
    return a.start < b.end and b.start < a.end


def fixed_findings(plan: FilePlan) -> tuple[Finding, ...]:
    """The findings the plan's edits fix."""
    return tuple(e.finding for e in plan.edits if e.finding is not None)


def check_edits(edits: Sequence[Edit], length: int) -> list[Edit]:
    """``edits`` in order of their place; ValueError for one out of the text or two that
    overlap."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for k, edit in enumerate(ordered):
        if not 0 <= edit.start <= edit.end <= length:
            raise ValueError(f"edit {edit.start}..{edit.end} is outside the text")
        if k and ordered[k - 1].end > edit.start:
            raise ValueError(f"edits at {ordered[k - 1].start} and {edit.start} overlap")
    return ordered


def apply(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with ``edits`` made, all offsets into ``text`` as it is."""
    pieces: list[str] = []
    position = 0
    for edit in check_edits(edits, len(text)):
        pieces += [text[position : edit.start], edit.new]
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
