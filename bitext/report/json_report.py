"""The JSON report, version 1 — the contract CI scripts depend on (see DESIGN.md).

Offsets are 0-based code-point indices into the file as given, end exclusive;
``line`` and ``col`` are 1-based. For a Word document or an HTML page, offsets are into
the text read from it (docs/formats.md), lines are the page's, and a location in a Word
document names its ``place``. Values are numbers (integers where exact).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from bitext.model import Document, Figure, FileReport, Finding, Pair, Report, Severity
from bitext.version import __version__

VERSION = 1


def to_dict(report: Report) -> dict[str, Any]:
    return {
        "version": VERSION,
        "tool": {"name": "bitext", "version": __version__, "signature": report.signature},
        "files": [file_dict(f) for f in report.files],
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def file_dict(report: FileReport) -> dict[str, Any]:
    """One file's report; a translation pair's also names its Chinese ``source`` file,
    which its ``zh`` locations point into."""
    document = report.document
    data: dict[str, Any] = {"path": document.path, "encoding": document.encoding}
    if report.source is not None:
        data["source"] = {"path": report.source.path, "encoding": report.source.encoding}
    return data | {
        "notes": list(report.notes),
        "pairs": [pair_dict(p, report) for p in report.pairs],
        "findings": [finding_dict(f, report) for f in report.findings],
        "summary": {
            "pairs": len(report.pairs),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
        },
    }


def location(document: Document, start: int, end: int) -> dict[str, Any]:
    """Where a span is; in a Word document also its ``place`` ("paragraph 3", "table 1,
    row 2, cell 1"), as lines there count the lines of the text read."""
    line, col = document.line_col(start)
    end_line, end_col = document.line_col(end)
    data = {
        "start": start,
        "end": end,
        "line": line,
        "col": col,
        "end_line": end_line,
        "end_col": end_col,
        "text": document.text[start:end],
    }
    place = document.place(start)
    if place:
        data["place"] = place
    return data


def pair_dict(pair: Pair, report: FileReport) -> dict[str, Any]:
    zh, en = pair.zh_range, pair.en_range
    data: dict[str, Any] = {
        "id": pair.id,
        "zh": location(report.document_for("zh"), *zh) if zh else None,
        "en": location(report.document_for("en"), *en) if en else None,
        "score": pair.score,
        "zh_truncated": pair.zh_truncated,
    }
    if pair.unit is not None:  # a unit of a bilingual file (XLIFF, TMX, PO, TSV)
        data["unit"] = pair.unit
    return data


def figure_dict(figure: Figure | None, report: FileReport) -> dict[str, Any] | None:
    if figure is None:
        return None
    data = location(report.document_for(figure.lang), figure.start, figure.end)
    data["value"] = number(figure.value)
    data["unit"] = figure.unit
    data["kind"] = str(figure.kind)  # a Kind is a StrEnum: its value, "count"
    if figure.high is not None:
        data["high"] = number(figure.high)
    if figure.approx:
        data["approx"] = str(figure.approx)
    return data


def finding_dict(finding: Finding, report: FileReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "pair": finding.pair,
        "zh": figure_dict(finding.zh, report),
        "en": figure_dict(finding.en, report),
    }
    if finding.where is not None and finding.zh is None and finding.en is None:
        data["where"] = location(report.document_for(finding.side), *finding.where)
    if finding.suggestion is not None:
        data["suggestion"] = finding.suggestion
    return data


def number(value: Decimal) -> int | float:
    """An exact integer where the value is whole, else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
