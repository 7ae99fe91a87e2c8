"""Which findings the terminal and the CI formats leave out: the cleaning notices.

A ``clean-*`` finding says what bitext repaired before checking (half-width commas in
Chinese, spaces around numbers), not something wrong with the translation. JSON, JSONL
and HTML keep them; the terminal report counts them without listing them, and GitHub
annotations and SARIF results leave them out, unless asked (``bitext check
--show-cleaning``, or ``show-cleaning = true`` in the configuration), so neither a
review nor a CI log is filled with a notice for every file.

Only notices (severity info) are left out: a cleaning rule raised to warning or error by
the ``severity`` setting gates the run, so it is shown. The exit code therefore never
depends on a finding that was left out.

>>> from bitext.model import Finding, Severity
>>> is_cleaning_notice(Finding("clean-zh-punctuation", Severity.INFO, "…"))
True
>>> is_cleaning_notice(Finding("clean-zh-punctuation", Severity.ERROR, "…"))
False
>>> is_cleaning_notice(Finding("figure-unverifiable", Severity.INFO, "…"))
False
"""

from __future__ import annotations

from bitext.model import Finding, Report, Severity

PREFIX = "clean-"
"""The prefix of every cleaning rule's id."""


def is_cleaning_notice(finding: Finding) -> bool:
    """True for a cleaning repair reported as a notice (severity info)."""
    return finding.rule.startswith(PREFIX) and finding.severity is Severity.INFO


def without_cleaning(report: Report) -> Report:
    """``report`` without its cleaning notices; every other finding kept, in order."""
    files = tuple(
        f._replace(findings=tuple(x for x in f.findings if not is_cleaning_notice(x)))
        for f in report.files
    )
    return report._replace(files=files)


__all__ = ["PREFIX", "is_cleaning_notice", "without_cleaning"]
