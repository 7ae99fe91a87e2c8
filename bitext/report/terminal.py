"""The report a translator reads in a terminal.

Per pair, the Chinese and the English side by side, figures highlighted (the
ones that agree in green, the ones a finding is about in bold red), then the
pair's findings with their line:column, then a summary line. It fits an
80-column terminal: the two columns share the width and wrap.

When the output is not a terminal (a pipe, a file, a CI log) the same report
is plain text: no colours, no box drawing, pairs one side under the other,
disagreeing figures marked ⟦like this⟧.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from bitext.model import Document, FileReport, Finding, Pair, Report, Severity

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
AGREE_STYLE = "green"
DISAGREE_STYLE = "bold red reverse"


def render(report: Report, console: Console) -> None:
    """Write the report to ``console``: rich on a terminal, plain text otherwise."""
    plain = not console.is_terminal
    for file_report in report.files:
        _render_file(file_report, console, plain)
    console.print(_summary_line(report.files), highlight=False)


def _render_file(report: FileReport, console: Console, plain: bool) -> None:
    document = report.document
    encoding = "" if document.encoding in ("utf-8",) else f" (read as {document.encoding})"
    console.print(Text(f"{document.path}{encoding}", style="bold"), highlight=False)
    for note in report.notes:
        console.print(f"  {note}", highlight=False)
    by_pair: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        by_pair.setdefault(finding.pair, []).append(finding)
    for pair in report.pairs:
        findings = by_pair.get(pair.id, [])
        if plain:
            _plain_pair(pair, findings, document, console)
        else:
            console.print(_rich_pair(pair, findings, report))
    for finding in by_pair.get(None, []):
        console.print(_finding_line(finding, document, plain), highlight=False)
    console.print()


def _pair_title(pair: Pair, document: Document) -> str:
    start = (pair.zh_range or pair.en_range or (0, 0))[0]
    line, _ = document.line_col(start)
    parts = [f"pair {pair.id}", f"line {line}"]
    if pair.en:
        parts.append(f"confidence {pair.score:.2f}")
    if pair.zh_truncated:
        parts.append("Chinese fragment is cut")
    return " · ".join(parts)


def _rich_pair(pair: Pair, findings: list[Finding], report: FileReport) -> Group:
    document = report.document
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        show_edge=False,
        title=_pair_title(pair, document),
        title_justify="left",
        title_style="bold",
        padding=(0, 1),
    )
    table.add_column("中文", ratio=1, overflow="fold")
    table.add_column("English", ratio=1, overflow="fold")
    zh = _side_text(pair.zh_range, document, findings, "zh", plain=False)
    en = _side_text(pair.en_range, document, findings, "en", plain=False)
    _highlight_figures(zh, pair.zh_range, report, findings)
    _highlight_figures(en, pair.en_range, report, findings)
    table.add_row(zh, en if pair.en else Text("(no English translation)", style="dim italic"))
    lines = [_finding_line(f, document, plain=False) for f in findings]
    return Group(table, *lines, Text(""))


def _plain_pair(pair: Pair, findings: list[Finding], document: Document, console: Console) -> None:
    console.print(f"-- {_pair_title(pair, document)}", highlight=False)
    zh = _side_text(pair.zh_range, document, findings, "zh", plain=True)
    en = (
        _side_text(pair.en_range, document, findings, "en", plain=True)
        if pair.en
        else Text("(no English translation)")
    )
    console.print(Text("  zh  ") + zh, highlight=False)
    console.print(Text("  en  ") + en, highlight=False)
    for finding in findings:
        console.print(_finding_line(finding, document, plain=True), highlight=False)
    console.print()


def _side_text(
    span: tuple[int, int] | None,
    document: Document,
    findings: Iterable[Finding],
    side: str,
    plain: bool,
) -> Text:
    if span is None:
        return Text("")
    start, end = span
    text = Text(" ".join(document.text[start:end].split()) if plain else document.text[start:end])
    if plain:
        marks = sorted(
            {(f.zh if side == "zh" else f.en) for f in findings if f.severity is not Severity.INFO}
            - {None},
            key=lambda figure: figure.start,  # type: ignore[union-attr]
            reverse=True,
        )
        raw = document.text[start:end]
        for figure in marks:
            a, b = figure.start - start, figure.end - start  # type: ignore[union-attr]
            raw = raw[:a] + "⟦" + raw[a:b] + "⟧" + raw[b:]
        return Text(" ".join(raw.split()))
    for finding in findings:
        figure = finding.zh if side == "zh" else finding.en
        if figure is not None and start <= figure.start < end:
            style = DISAGREE_STYLE if finding.severity is not Severity.INFO else "cyan underline"
            text.stylize(style, figure.start - start, figure.end - start)
    return text


def _highlight_figures(
    text: Text, span: tuple[int, int] | None, report: FileReport, findings: list[Finding]
) -> None:
    """Colour every figure that no finding is about: those agree with the other side."""
    if span is None:
        return
    flagged = {(f.start, f.end) for x in findings for f in (x.zh, x.en) if f is not None}
    for figure in report.figures:
        inside = span[0] <= figure.start and figure.end <= span[1]
        if inside and (figure.start, figure.end) not in flagged:
            text.stylize(AGREE_STYLE, figure.start - span[0], figure.end - span[0])


def _finding_line(finding: Finding, document: Document, plain: bool) -> Text:
    anchor = finding.en or finding.zh
    start = anchor.start if anchor else (finding.where or (0, 0))[0]
    line, col = document.line_col(start)
    severity = finding.severity.value
    text = Text("  ")
    text.append(f"{line}:{col}".ljust(8))
    text.append(severity.ljust(8), style=None if plain else SEVERITY_STYLE[finding.severity])
    text.append(finding.rule.ljust(20), style=None if plain else "bold")
    text.append(finding.message)
    return text


def _summary_line(files: Iterable[FileReport]) -> Text:
    files = list(files)
    errors = sum(f.count(Severity.ERROR) for f in files)
    warnings = sum(f.count(Severity.WARNING) for f in files)
    info = sum(f.count(Severity.INFO) for f in files)
    pairs = sum(len(f.pairs) for f in files)
    plural = "s" if len(files) != 1 else ""
    return Text(
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}, {info} info "
        f"in {_count(pairs, 'pair')} ({len(files)} file{plural})"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
