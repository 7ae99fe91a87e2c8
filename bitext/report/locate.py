"""Where a finding is, as every report format points at it.

A finding is shown at its English figure when it has one (that is what a reviewer
edits), else at its Chinese figure, else at the text it is about (an untranslated
fragment). The terminal report, SARIF, GitHub annotations and HTML all use this, so a
finding has the same ``line:col`` in each.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import quote

from bitext.model import Document, FileReport, Finding


def primary_span(finding: Finding) -> tuple[int, int] | None:
    """The span a finding points at: its English figure, its Chinese figure, or ``where``."""
    figure = finding.en or finding.zh
    if figure is not None:
        return figure.start, figure.end
    return finding.where


def primary_side(finding: Finding) -> str:
    """The side ("zh" or "en") of the span :func:`primary_span` gives: in a translation
    pair's report each side is a file of its own (:meth:`FileReport.document_for`)."""
    if finding.en is not None:
        return "en"
    return "zh" if finding.zh is not None else finding.side


def primary_document(report: FileReport, finding: Finding) -> Document:
    """The document :func:`primary_span` points into."""
    return report.document_for(primary_side(finding))


def placed_message(report: FileReport, finding: Finding) -> str:
    """The finding's message, led by its place where the file has places: in a Word
    document "paragraph 3: …", since its line and column are those of the text read."""
    span = primary_span(finding)
    place = primary_document(report, finding).place(span[0]) if span else ""
    return f"{place}: {finding.message}" if place else finding.message


def display_path(path: str | None) -> str:
    """The path as reports show it: as the user gave it, with ``/`` separators.

    >>> display_path("./seeds/panzhou.txt")
    'seeds/panzhou.txt'
    """
    if path is None:
        return "<text>"
    return PurePath(os.path.normpath(path)).as_posix()


def path_uri(path: str | None) -> str:
    """A URI reference for ``path``: relative paths stay relative (CI tools resolve them
    against the checkout), absolute ones become ``file://`` URIs.

    >>> path_uri("seeds/盘州 bulletin.txt")
    'seeds/%E7%9B%98%E5%B7%9E%20bulletin.txt'
    """
    shown = display_path(path)
    if path is not None and os.path.isabs(path):
        return PurePath(os.path.abspath(path)).as_uri()
    return quote(shown)
