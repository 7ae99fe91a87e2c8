"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` a finding, with
``warning`` for warnings and ``notice`` for info. The runner parses these lines from the
step's output, so values must be escaped as it expects: ``%``, CR and LF in the message;
those and ``:`` and ``,`` in the properties. Columns count code points; ``endColumn`` is
the column just past the figure (as in SARIF and the JSON report). The runner rejects
``col``/``endColumn`` on an annotation that spans lines, so those get line numbers only.
A file note (no Chinese to check) becomes a ``notice`` on the file. Cleaning notices
(``clean-*``: what bitext repaired, not a problem of the translation) are left out unless
``show_cleaning`` (:mod:`bitext.report.cleaning`).
"""

from __future__ import annotations

from bitext.model import Document, FileReport, Finding, Report, Severity
from bitext.report.cleaning import without_cleaning
from bitext.report.locate import display_path, placed_message, primary_document, primary_span

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, show_cleaning: bool = False) -> str:
    """One workflow command a line for every finding and file note of ``report``; its
    cleaning notices only when ``show_cleaning``."""
    if not show_cleaning:
        report = without_cleaning(report)
    lines = [line for file_report in report.files for line in _file_lines(file_report)]
    return "".join(line + "\n" for line in lines)


def _file_lines(report: FileReport) -> list[str]:
    path = display_path(report.document.path)
    lines = [command("notice", {"file": path, "title": "bitext"}, note) for note in report.notes]
    lines.extend(_finding_line(f, report) for f in report.findings)
    return lines


def _finding_line(finding: Finding, report: FileReport) -> str:
    document = primary_document(report, finding)
    properties = {"file": display_path(document.path), **_position(finding, document)}
    properties["title"] = f"bitext ({finding.rule})"
    return command(COMMAND[finding.severity], properties, placed_message(report, finding))


def _position(finding: Finding, document: Document) -> dict[str, str]:
    span = primary_span(finding)
    if span is None:
        return {}
    line, col = document.line_col(span[0])
    end_line, end_col = document.line_col(span[1])
    if line != end_line:
        return {"line": str(line), "endLine": str(end_line)}
    return {"line": str(line), "col": str(col), "endLine": str(line), "endColumn": str(end_col)}


def command(name: str, properties: dict[str, str], message: str) -> str:
    """A workflow command line, every value escaped.

    >>> command("error", {"file": "a,b.txt", "title": "x: y"}, "50% off\\nnow")
    '::error file=a%2Cb.txt,title=x%3A y::50%25 off%0Anow'
    """
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {fields}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a message: ``%`` first, so the escapes themselves stay intact."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, and ``:`` and ``,``, which end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
