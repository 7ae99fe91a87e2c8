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

import bisect
import io
from collections.abc import Iterable
from typing import NamedTuple

import regex
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from bitext.model import Figure, FileReport, Finding, Pair, Report, Severity
from bitext.report.locate import placed_message, primary_document, primary_span

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
AGREE_STYLE = "green"
DISAGREE_STYLE = "bold red reverse"


class View(NamedTuple):
    """What the report shows: ``pairs`` is ``findings`` (the pairs that have one),
    ``all`` or ``none``; ``statistics`` counts the findings per rule instead."""

    pairs: str = "findings"
    statistics: bool = False


DEFAULT_VIEW = View()


def render(report: Report, console: Console, view: View = DEFAULT_VIEW) -> None:
    """Write the report to ``console``: rich on a terminal, plain text otherwise."""
    if console.is_terminal:
        _render(report, console, plain=False)
        return
    with console.capture() as capture:
        _render(report, console, plain=True)
    lines = (line.rstrip() for line in capture.get().splitlines())
    console.file.write("\n".join(lines) + "\n")


def render_plain(report: Report, width: int = 100, view: View = DEFAULT_VIEW) -> str:
    """The plain-text report as a string, ``width`` columns wide: what ``-o FILE`` writes."""
    buffer = io.StringIO()
    render(report, Console(file=buffer, force_terminal=False, highlight=False, width=width))
    return buffer.getvalue()


def _render(report: Report, console: Console, plain: bool) -> None:
    for file_report in report.files:
        _render_file(file_report, console, plain)
    # What produced these results (as sacrebleu prints for its scores), before the summary.
    signature = Text(report.signature, style=None if plain else "dim")
    console.print(signature, highlight=False, overflow="fold")
    console.print(_summary_line(report.files), highlight=False)


def _render_file(report: FileReport, console: Console, plain: bool) -> None:
    console.print(Text(_file_title(report), style="bold"), highlight=False)
    for note in report.notes:
        console.print(f"  {note}", highlight=False)
    by_pair: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        by_pair.setdefault(finding.pair, []).append(finding)
    for pair in report.pairs:
        findings = by_pair.get(pair.id, [])
        if plain:
            _plain_pair(pair, findings, report, console)
        else:
            console.print(_rich_pair(pair, findings, report))
    for finding in by_pair.get(None, []):
        console.print(_finding_line(finding, report, plain), highlight=False)
    console.print()


def _file_title(report: FileReport) -> str:
    """The path, with the encoding when it was not UTF-8; a translation pair names both
    files, the Chinese first."""
    titles = [
        f"{document.path}{'' if document.encoding == 'utf-8' else f' (read as {document.encoding})'}"
        for document in (report.source, report.document)
        if document is not None
    ]
    return " → ".join(titles)


def _pair_title(pair: Pair, report: FileReport) -> str:
    side = "zh" if pair.zh_range else "en"
    start = (pair.zh_range or pair.en_range or (0, 0))[0]
    document = report.document_for(side)
    line, _ = document.line_col(start)
    name = f"unit {pair.unit}" if pair.unit is not None else f"pair {pair.id}"
    parts = [name, document.place(start) or f"line {line}"]
    if pair.en:
        parts.append(f"confidence {pair.score:.2f}")
    if pair.zh_truncated:
        parts.append("Chinese fragment is cut")
    return " · ".join(parts)


def _rich_pair(pair: Pair, findings: list[Finding], report: FileReport) -> Group:
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        show_edge=False,
        title=_pair_title(pair, report),
        title_justify="left",
        title_style="bold",
        padding=(0, 1),
    )
    table.add_column("中文", ratio=1, overflow="fold")
    table.add_column("English", ratio=1, overflow="fold")
    zh = _side_text(pair.zh_range, report, findings, "zh", False, report.figures)
    en = _side_text(pair.en_range, report, findings, "en", False, report.figures)
    table.add_row(zh, en if pair.en else Text("(no English translation)", style="dim italic"))
    lines = [_finding_line(f, report, plain=False) for f in findings]
    return Group(table, *lines, Text(""))


def _plain_pair(pair: Pair, findings: list[Finding], report: FileReport, console: Console) -> None:
    console.print(f"-- {_pair_title(pair, report)}", highlight=False)
    zh = _side_text(pair.zh_range, report, findings, "zh", plain=True)
    en = (
        _side_text(pair.en_range, report, findings, "en", plain=True)
        if pair.en
        else Text("(no English translation)")
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("zh", zh)
    grid.add_row("en", en)
    console.print(grid, highlight=False)
    for finding in findings:
        console.print(_finding_line(finding, report, plain=True), highlight=False)
    console.print()


def _side_text(
    span: tuple[int, int] | None,
    report: FileReport,
    findings: Iterable[Finding],
    side: str,
    plain: bool,
    figures: Iterable[Figure] = (),
) -> Text:
    """One side of a pair; figures a finding is about are styled (rich) or ⟦marked⟧, the
    other ``figures`` (which agree with the other side) are shown in green."""
    if span is None:
        return Text("")
    start, end = span
    document = report.document_for(side)
    flagged = {
        (figure.start - start, figure.end - start, finding.severity is Severity.INFO)
        for finding in findings
        for figure in [finding.zh if side == "zh" else finding.en]
        if figure is not None and start <= figure.start < end
    }
    keep = _display_positions(document.text[start:end], side)
    text = Text()
    opened = {a for a, _, info in flagged if plain and not info}
    closed = {b for _, b, info in flagged if plain and not info}
    for position in keep:
        if position in opened:
            text.append("⟦")
        text.append(document.text[start + position])
        if position + 1 in closed:
            text.append("⟧")
    if not plain:
        spans = {(a, b) for a, b, _ in flagged}
        for figure in (f for f in figures if f.lang == side):
            a, b = figure.start - start, figure.end - start
            if a >= 0 and b <= end - start and (a, b) not in spans:
                text.stylize(AGREE_STYLE, bisect.bisect_left(keep, a), bisect.bisect_left(keep, b))
        for a, b, info in flagged:
            style = "cyan underline" if info else DISAGREE_STYLE
            text.stylize(style, bisect.bisect_left(keep, a), bisect.bisect_left(keep, b))
    return text


def _display_positions(raw: str, side: str) -> list[int]:
    """Positions of the characters to show: runs of white space become one space, and in
    Chinese the stray spaces next to Chinese characters go, so the text wraps anywhere
    instead of at "大连市 6 家"."""
    keep = []
    for k, ch in enumerate(raw):
        if ch.isspace():
            if keep and raw[keep[-1]].isspace():
                continue
            if side == "zh" and ((k and _CJK.match(raw[k - 1])) or _CJK.match(raw, k + 1)):
                continue
        keep.append(k)
    return keep


_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


def _finding_line(finding: Finding, report: FileReport, plain: bool) -> Table:
    """``line:col  severity  rule`` and the message wrapped beside them; in a Word
    document the message starts with the place (``paragraph 3: …``), as the line is
    that of the text read."""
    span = primary_span(finding) or (0, 0)
    document = primary_document(report, finding)
    line, col = document.line_col(span[0])
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    head = Text(f"{line}:{col} ")
    head.append(finding.severity.value, style=None if plain else SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.rule}", style=None if plain else "bold")
    grid.add_row(Text("  ") + head, Text(placed_message(report, finding)))
    return grid


def _summary_line(files: Iterable[FileReport]) -> Text:
    return Text(summary(files))


def summary(files: Iterable[FileReport]) -> str:
    """``2 errors, 1 warning, 1 info in 6 pairs (1 file)``: the last line of every report."""
    files = list(files)
    errors = sum(f.count(Severity.ERROR) for f in files)
    warnings = sum(f.count(Severity.WARNING) for f in files)
    info = sum(f.count(Severity.INFO) for f in files)
    pairs = sum(len(f.pairs) for f in files)
    plural = "s" if len(files) != 1 else ""
    return (
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}, {info} info "
        f"in {_count(pairs, 'pair')} ({len(files)} file{plural})"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
