"""The report a translator reads in a terminal.

By default it shows, file by file, the pairs that have findings: the Chinese and the
English (side by side on a terminal, one under the other otherwise) with their figures
marked, then each finding as ``path:line:col: severity rule message``, as ruff and mypy
point at a place. ``View(pairs="all")`` shows every pair, ``View(pairs="none")`` the
finding lines alone, one per finding, and ``View(statistics=True)`` the count of each
rule. The reproducibility signature and the summary line close every report.

Figures keep the style of their finding's severity everywhere (:data:`FIGURE_STYLE`);
those that agree are green. Lines break where a reader expects them
(:mod:`bitext.report.wrap`): never inside a figure, never before a Chinese closing mark,
the signature only after its separators.

When the output is not a terminal (a pipe, a file, a CI log) the report is plain text:
no colours, no box drawing, each finding on one line (for grep), figures of errors and
warnings marked ⟦like this⟧.
"""

from __future__ import annotations

import bisect
import collections
import io
from collections.abc import Iterable
from typing import NamedTuple

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from rich.text import Text

from bitext.cache.patterns import compile as _compile
from bitext.model import Document, Figure, FileReport, Finding, Pair, Report, Severity
from bitext.report.cleaning import without_cleaning
from bitext.report.locate import display_path, placed_message, primary_document, primary_span
from bitext.report.wrap import break_lines, break_signature, wrap

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "cyan",
}
"""The style of each severity's name, in the report and in ``bitext rules``."""
FIGURE_STYLE = {
    Severity.ERROR: "bold red reverse",
    Severity.WARNING: "bold yellow reverse",
    Severity.INFO: "cyan underline",
}
"""The style of a figure a finding is about, after the finding's severity."""
AGREE_STYLE = "green"
MARKED = frozenset({Severity.ERROR, Severity.WARNING})
"""Severities whose figures the plain report marks ⟦like this⟧."""
HANGING = "    "
"""The indent of a finding message's further lines on a terminal."""
PAIRS = ("findings", "all", "none")


class View(NamedTuple):
    """What the report shows: ``pairs`` is ``findings`` (the pairs that have one),
    ``all`` or ``none``; ``statistics`` counts the findings per rule instead;
    ``show_cleaning`` lists the cleaning notices, which are otherwise only counted
    (what bitext repaired is not a problem of the translation)."""

    pairs: str = "findings"
    statistics: bool = False
    show_cleaning: bool = False


DEFAULT_VIEW = View()


def render(report: Report, console: Console, view: View = DEFAULT_VIEW) -> None:
    """Write the report to ``console``: rich on a terminal, plain text otherwise, as
    wide as the console."""
    plain = not console.is_terminal
    lines = report_lines(report, console.width, plain, view)
    if plain:
        console.file.write("".join(line.plain.rstrip() + "\n" for line in lines))
        return
    for line in lines:
        console.print(line, highlight=False, soft_wrap=True)


def render_plain(report: Report, width: int = 100, view: View = DEFAULT_VIEW) -> str:
    """The plain-text report as a string, ``width`` columns wide: what ``-o FILE`` writes."""
    buffer = io.StringIO()
    render(report, Console(file=buffer, force_terminal=False, highlight=False, width=width), view)
    return buffer.getvalue()


def report_lines(report: Report, width: int, plain: bool, view: View = DEFAULT_VIEW) -> list[Text]:
    """The report's lines, each at most ``width`` cells but for a plain finding line
    (one line, whatever its length) and a run longer than the width."""
    if view.pairs not in PAIRS:
        raise ValueError(f"pairs must be one of {', '.join(PAIRS)}, not {view.pairs!r}")
    lines: list[Text] = []
    if view.statistics:
        lines += statistics_lines(report.files, plain)
    else:
        listed = report if view.show_cleaning else without_cleaning(report)
        for file_report in listed.files:
            lines += _file_lines(file_report, width, plain, view.pairs)
        lines += _unlisted_cleaning(report, listed)
    # What produced these results (as sacrebleu prints for its scores), before the summary.
    style = None if plain else "dim"
    lines += [Text(line, style=style) for line in break_signature(report.signature, width)]
    lines.append(Text(summary(report.files)))
    return lines


def _unlisted_cleaning(report: Report, listed: Report) -> list[Text]:
    """The line that counts the cleaning notices left out of the listing, if any."""
    hidden = sum(len(f.findings) for f in report.files) - sum(len(f.findings) for f in listed.files)
    if not hidden:
        return []
    notices = "notice" if hidden == 1 else "notices"
    return [Text(f"{hidden} cleaning {notices} not listed (--show-cleaning lists them)")]


# --- files and pairs ----------------------------------------------------------------------


def _file_lines(report: FileReport, width: int, plain: bool, pairs: str) -> list[Text]:
    if pairs == "none":
        path = display_path(report.document.path)
        lines = [Text(f"{path}: note: {note}") for note in report.notes]
        for finding in sorted(report.findings, key=lambda f: _location(report, f)):
            lines += finding_lines(finding, report, width, plain)
        return lines
    by_pair: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        by_pair.setdefault(finding.pair, []).append(finding)
    shown = [p for p in report.pairs if pairs == "all" or p.id in by_pair]
    loose = by_pair.get(None, [])
    if pairs == "findings" and not (shown or loose or report.notes):
        return []  # a clean file says nothing, as in ruff
    lines = [Text(_file_title(report), style="bold")]
    lines += [Text(f"  {note}") for note in report.notes]
    for pair in shown:
        findings = by_pair.get(pair.id, [])
        lines += _pair_lines(pair, findings, report, width, plain)
        for finding in findings:
            lines += finding_lines(finding, report, width, plain)
        lines.append(Text())
    for finding in loose:
        lines += finding_lines(finding, report, width, plain)
    if loose or not shown:  # a pair ends with a blank line already
        lines.append(Text())
    return lines


def _location(report: FileReport, finding: Finding) -> tuple[int, int]:
    """Where a finding sorts: by file (the Chinese of a translation pair first), then by
    place in it."""
    span = primary_span(finding) or (0, 0)
    return (primary_document(report, finding) is report.document, span[0])


def _file_title(report: FileReport) -> str:
    """The path, with the encoding when it was not UTF-8; a translation pair names both
    files, the Chinese first."""
    titles = [
        f"{document.path}{'' if document.encoding == 'utf-8' else f' (read as {document.encoding})'}"
        for document in (report.source, report.document)
        if document is not None
    ]
    return " → ".join(titles)


def pair_title(pair: Pair, report: FileReport) -> str:
    """``pair 2 · line 5 · confidence 1.00``: the pair's number (the JSON report's
    ``id``, from 0), its unit in a bilingual file, its place and the aligner's
    confidence."""
    side = "zh" if pair.zh_range else "en"
    start = (pair.zh_range or pair.en_range or (0, 0))[0]
    document = report.document_for(side)
    line, _ = document.line_col(start)
    parts = [f"pair {pair.id}"]
    if pair.unit is not None:
        parts.append(f"unit {pair.unit}")
    parts.append(document.place(start) or f"line {line}")
    if pair.en:
        parts.append(f"confidence {pair.score:.2f}")
    if pair.zh_truncated:
        parts.append("Chinese fragment is cut")
    return " · ".join(parts)


NO_ENGLISH = "(no English translation)"


def _pair_lines(
    pair: Pair, findings: list[Finding], report: FileReport, width: int, plain: bool
) -> list[Text]:
    if plain:
        return _plain_pair(pair, findings, report, width)
    return _rich_pair(pair, findings, report, width)


def _plain_pair(pair: Pair, findings: list[Finding], report: FileReport, width: int) -> list[Text]:
    """``-- pair N · …`` and the two sides one under the other, led by ``zh`` and ``en``."""
    lines = [Text(line) for line in wrap(f"-- {pair_title(pair, report)}", width, "   ")]
    sides = [("zh", _side(pair.zh_range, report, findings, "zh", plain=True))]
    sides.append(
        ("en", _side(pair.en_range, report, findings, "en", plain=True))
        if pair.en
        else ("en", (Text(NO_ENGLISH), []))
    )
    for label, (text, runs) in sides:
        for k, (a, b) in enumerate(break_lines(text.plain, width - 4, runs)):
            lines.append(Text(f"{label}  " if k == 0 else "    ") + text[a:b])
        if not text.plain:
            lines.append(Text(label))
    return lines


def _rich_pair(pair: Pair, findings: list[Finding], report: FileReport, width: int) -> list[Text]:
    """The pair's title, then the Chinese and the English in two columns under a head."""
    left = max((width - 4) // 2, 1)
    right = max(width - 4 - left, 1)
    zh, zh_runs = _side(pair.zh_range, report, findings, "zh", plain=False)
    if pair.en:
        en, en_runs = _side(pair.en_range, report, findings, "en", plain=False)
    else:
        en, en_runs = Text(NO_ENGLISH, style="dim italic"), []
    zh_lines = [zh[a:b] for a, b in break_lines(zh.plain, left, zh_runs)]
    en_lines = [en[a:b] for a, b in break_lines(en.plain, right, en_runs)]
    head = Text(" ") + _padded(Text("中文"), left) + Text("  English")
    head.stylize("bold", 1)
    lines = [Text(line, style="bold") for line in wrap(pair_title(pair, report), width)]
    lines += [head, Text("─" * width)]
    for k in range(max(len(zh_lines), len(en_lines))):
        cell = zh_lines[k] if k < len(zh_lines) else Text()
        other = en_lines[k] if k < len(en_lines) else Text()
        lines.append(Text(" ") + _padded(cell, left) + Text("  ") + other)
    return lines


def _padded(text: Text, width: int) -> Text:
    return text + Text(" " * max(width - cell_len(text.plain), 0))


def _side(
    span: tuple[int, int] | None,
    report: FileReport,
    findings: Iterable[Finding],
    side: str,
    plain: bool,
) -> tuple[Text, list[tuple[int, int]]]:
    """One side of a pair as shown, and the runs of it that are figures (to keep whole on
    a line). A figure a finding is about takes the style of the worst such finding (rich)
    or is ⟦marked⟧ when that is an error or a warning (plain); the other figures read
    there agree with the other side and are green."""
    if span is None:
        return Text(""), []
    start, end = span
    document = report.document_for(side)
    flagged: dict[tuple[int, int], Severity] = {}
    for finding in findings:
        figure = finding.zh if side == "zh" else finding.en
        if figure is not None and start <= figure.start < end:
            key = (figure.start - start, figure.end - start)
            worst = flagged.get(key)
            if worst is None or finding.severity.rank > worst.rank:
                flagged[key] = finding.severity
    keep = _display_positions(document.text[start:end], side)
    opened = {a for (a, _), severity in flagged.items() if plain and severity in MARKED}
    closed = {b for (_, b), severity in flagged.items() if plain and severity in MARKED}
    text = Text()
    shown: list[int] = []  # display index of each kept position
    for position in keep:
        if position in opened:
            text.append("⟦")
        shown.append(len(text))
        ch = document.text[start + position]
        text.append(" " if ch.isspace() else ch)  # a line end in a unit's text too
        if position + 1 in closed:
            text.append("⟧")
    figures = {
        (figure.start - start, figure.end - start)
        for figure in _side_figures(report.figures, side, start, end)
    }
    runs = []
    for a, b in sorted(figures | set(flagged)):
        first, last = bisect.bisect_left(keep, a), bisect.bisect_left(keep, b)
        if first >= last:
            continue
        run = (shown[first] - (a in opened), shown[last - 1] + 1 + (b in closed))
        runs.append(run)
        if not plain:
            severity = flagged.get((a, b))
            style = AGREE_STYLE if severity is None else FIGURE_STYLE[severity]
            text.stylize(style, shown[first], shown[last - 1] + 1)
    return text, runs


def _side_figures(figures: Iterable[Figure], side: str, start: int, end: int) -> list[Figure]:
    return [f for f in figures if f.lang == side and start <= f.start and f.end <= end]


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


_CJK = _compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


# --- findings -----------------------------------------------------------------------------


def finding_lines(finding: Finding, report: FileReport, width: int, plain: bool) -> list[Text]:
    """``path:line:col: severity rule message``, the place in the file the finding's
    figure is in (the Chinese or the English file of a translation pair); in a Word
    document the message starts with the place (``paragraph 3: …``), as the line is that
    of the text read. Plain text keeps it on one line (for grep); a terminal wraps the
    message under a hanging indent."""
    document = primary_document(report, finding)
    head = Text()
    head.append(f"{location(document, finding)}:", style=None if plain else "bold")
    head.append(" ")
    head.append(finding.severity.value, style=None if plain else SEVERITY_STYLE[finding.severity])
    head.append(" ")
    head.append(finding.rule, style=None if plain else "bold")
    head.append(" ")
    message = "".join(" " if ch.isspace() else ch for ch in placed_message(report, finding))
    line = head + Text(message)  # one line, even where a quoted figure spans two
    if plain:
        return [line]
    spans = break_lines(line.plain, width - len(HANGING), [(0, len(head) - 1)], first=width)
    return [line[a:b] if k == 0 else Text(HANGING) + line[a:b] for k, (a, b) in enumerate(spans)]


def location(document: Document, finding: Finding) -> str:
    """``path:line:col`` of a finding: the path as given, with ``/`` separators, and the
    line and column (from 1) of what it points at."""
    span = primary_span(finding) or (0, 0)
    line, col = document.line_col(span[0])
    return f"{display_path(document.path)}:{line}:{col}"


def statistics_lines(files: Iterable[FileReport], plain: bool) -> list[Text]:
    """``count  rule  severity``, one line per rule, the most frequent first (as
    ``ruff check --statistics``), and a blank line when there are any."""
    counts = collections.Counter((f.rule, f.severity) for r in files for f in r.findings)
    if not counts:
        return []
    rows = sorted(counts.items(), key=lambda item: (-item[1], -item[0][1].rank, item[0][0]))
    count_width = len(str(rows[0][1]))
    rule_width = max(len(rule) for (rule, _), _ in rows)
    lines = []
    for (rule, severity), count in rows:
        line = Text(f"{count:>{count_width}}  {rule:<{rule_width}}  ")
        line.append(severity.value, style=None if plain else SEVERITY_STYLE[severity])
        lines.append(line)
    return [*lines, Text()]


def severity_ansi(severity: Severity, text: str) -> str:
    """``text`` in ``severity``'s style as ANSI codes, for output that is not printed
    through rich (``bitext rules``)."""
    return Style.parse(SEVERITY_STYLE[severity]).render(text, color_system=ColorSystem.STANDARD)


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
