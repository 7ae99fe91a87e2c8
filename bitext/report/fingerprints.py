"""Stable identities for findings, so a finding can be recognised in a later run.

A fingerprint hashes what the finding is about, not where it is: the rule, the Chinese
and English figure texts, and the sentences they sit in with all white space removed.
Line numbers and offsets stay out, so adding a paragraph above a finding, or re-wrapping
its lines, keeps its fingerprint. Two findings with the same material in one file (a
paragraph repeated) are told apart by a count, ``…:1``, ``…:2``, in file order, as GitHub
does for its own line hashes.

SARIF carries them as ``partialFingerprints``; a baseline can store them.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from bitext.model import Figure, FileReport, Finding

VERSION = "v1"
KEY = f"bitext/{VERSION}"
"""The ``partialFingerprints`` key; a new way of hashing must get a new key."""


def fingerprints(report: FileReport) -> list[str]:
    """One fingerprint per finding of ``report``, in order."""
    seen: Counter[str] = Counter()
    result = []
    for finding in report.findings:
        digest = _digest(finding, report)
        seen[digest] += 1
        result.append(f"{digest}:{seen[digest]}")
    return result


def _digest(finding: Finding, report: FileReport) -> str:
    parts = [
        VERSION,
        finding.rule,
        _figure_text(finding.zh),
        _figure_text(finding.en),
        _squeeze(_context(finding.zh, report)),
        _squeeze(_context(finding.en, report)),
    ]
    if finding.zh is None and finding.en is None and finding.where is not None:
        text = report.document_for(finding.side).text
        parts.append(_squeeze(text[finding.where[0] : finding.where[1]]))
    # surrogatepass: a text built in Python (check_text) may hold a lone surrogate, which
    # strict UTF-8 refuses; a decoded file holds none, so its hashes are unchanged.
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _figure_text(figure: Figure | None) -> str:
    return "" if figure is None else _squeeze(figure.text)


def _context(figure: Figure | None, report: FileReport) -> str:
    """The sentence (span) that holds ``figure``, or a few characters around it."""
    if figure is None:
        return ""
    text = report.document_for(figure.lang).text
    for span in report.spans:
        if span.lang == figure.lang and span.start <= figure.start and figure.end <= span.end:
            return text[span.start : span.end]
    return text[max(0, figure.start - 20) : figure.end + 20]


def _squeeze(text: str) -> str:
    """``text`` without white space, so re-wrapping or re-spacing changes nothing."""
    return "".join(text.split())
