"""What the review shows of the finding on screen, drawn with rich (no Textual here).

The pair side by side, Chinese and English, its figures marked: the finding's own in
the style of its severity (error, warning and info each their own), the pair's other
findings' figures underlined in theirs, and the figures that agree in green. The English
shows the file as it will be saved: a fixed or edited figure in its new text, marked as
changed. A finding outside a pair (a cleaning notice) shows the line it is on instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from rich.text import Text

from bitext.fix import Edit
from bitext.model import Figure, Finding, Pair, Severity
from bitext.report.locate import display_path, placed_message, primary_document, primary_span
from bitext.report.terminal import AGREE_STYLE, FIGURE_STYLE, SEVERITY_STYLE
from bitext.review.session import ReviewSession

FOCUS_STYLE = {**FIGURE_STYLE, Severity.INFO: "bold cyan reverse"}
"""The figures of the finding on screen: as the terminal report marks them, and an info
finding's as plainly, since it is the one under review."""
OTHER_STYLE = {
    Severity.ERROR: "red underline",
    Severity.WARNING: "yellow underline",
    Severity.INFO: "cyan underline",
}
"""The figures of the pair's other findings."""
CHANGED_STYLE = "bold black on green"
"""A figure as the review changed it (fixed or edited)."""
CONTEXT = 160
"""Characters shown on each side of a finding outside a pair."""


def header(session: ReviewSession) -> Text:
    """``bitext review seeds/panzhou.txt  finding 2 of 7 · 1 fixed · unsaved changes``;
    a translation pair names both files, the Chinese first."""
    parts = [f"finding {session.index + 1} of {len(session)}"]
    parts += [f"{count} {state}" for state, count in session.counts().items()]
    if session.dirty:
        parts.append("unsaved changes")
    text = Text("bitext review ", style="bold")
    if session.report.source is not None:
        text.append(f"{display_path(session.report.source.path)} → ", style="bold")
    text.append(display_path(session.document.path), style="bold")
    text.append("  " + " · ".join(parts))
    return text


def pair_of(session: ReviewSession) -> Pair | None:
    """The pair the finding on screen is about, or None."""
    number = session.current.pair
    return next((pair for pair in session.report.pairs if pair.id == number), None)


def pair_title(session: ReviewSession) -> Text:
    """``pair 2 · line 5 · confidence 1.00 · Chinese fragment is cut``, or the line of a
    finding outside a pair."""
    pair = pair_of(session)
    if pair is None:
        span = primary_span(session.current) or (0, 0)
        line, _ = primary_document(session.report, session.current).line_col(span[0])
        return Text(f"line {line} · not in a pair", style="bold")
    side = "zh" if pair.zh_range else "en"
    start = (pair.zh_range or pair.en_range or (0, 0))[0]
    document = session.report.document_for(side)
    name = f"unit {pair.unit}" if pair.unit is not None else f"pair {pair.id}"
    parts = [name, document.place(start) or f"line {document.line_col(start)[0]}"]
    if pair.en:
        parts.append(f"confidence {pair.score:.2f}")
    if pair.zh_truncated:
        parts.append("Chinese fragment is cut")
    return Text(" · ".join(parts), style="bold")


def side_text(session: ReviewSession, side: str) -> Text:
    """One side of the pair on screen, figures marked; the English with the review's
    changes in it."""
    pair = pair_of(session)
    span = None if pair is None else pair.zh_range if side == "zh" else pair.en_range
    if pair is None or span is None:
        missing = "Chinese" if side == "zh" else "English"
        return Text(f"(no {missing} in this pair)", style="dim italic")
    findings = [f for f in session.findings if f.pair == pair.id]
    edits = [e for e in session.edits() if e.finding is not None] if _edited(session, side) else []
    return _marked(
        session.report.document_for(side).text,
        span,
        side,
        session.current,
        findings,
        session.report.figures,
        edits,
    )


def context_text(session: ReviewSession) -> Text:
    """The text around a finding outside a pair, its stretch marked."""
    finding = session.current
    span = primary_span(finding) or (0, 0)
    text = primary_document(session.report, finding).text
    start = max(text.rfind("\n", 0, span[0]) + 1, span[0] - CONTEXT)
    ends = [i for i in (text.find("\n", span[1]), text.find("\r", span[1])) if i >= 0]
    end = min([*ends, span[1] + CONTEXT, len(text)])
    shown = _marked(text, (start, end), "", finding, [], (), [], where=True)
    lead = "…" if start > 0 and text[start - 1] not in "\r\n" else ""
    tail = "…" if end < len(text) and text[end] not in "\r\n" else ""
    return Text(lead) + shown + Text(tail)


def finding_line(session: ReviewSession) -> Text:
    """``path:line:col severity rule message``, as ``bitext check`` says it."""
    finding = session.current
    document = primary_document(session.report, finding)
    span = primary_span(finding) or (0, 0)
    line, col = document.line_col(span[0])
    text = Text(f"{display_path(document.path)}:{line}:{col} ")
    text.append(finding.severity.value, style=SEVERITY_STYLE[finding.severity])
    text.append(f" {finding.rule}", style="bold")
    text.append(f" {placed_message(session.report, finding)}")
    return text


def suggestion_line(session: ReviewSession) -> Text:
    """The suggested English, and what was decided for the finding."""
    finding = session.current
    text = Text("suggestion: ", style="bold")
    text.append(finding.suggestion or "none")
    text.append("    state: ", style="bold")
    state = session.state()
    action = session.action()
    if action is not None and action.edit is not None and finding.en is not None:
        state = f"{state}: “{finding.en.text}” → “{action.edit.new}”"
    text.append(state, style="bold green" if state != "open" else "")
    return text


def diff_text(diff: str) -> Text:
    """A unified diff, its removed lines red and added ones green."""
    text = Text()
    for line in diff.splitlines(keepends=True):
        style = ""
        if line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+") and not line.startswith("+++"):
            style = "green"
        elif line.startswith("-") and not line.startswith("---"):
            style = "red"
        text.append(line, style=style)
    return text


def _edited(session: ReviewSession, side: str) -> bool:
    """True when the review's changes are in the text of ``side`` (the English; the
    whole file of a mixed bulletin)."""
    return side == "en" or session.report.source is None


def _marked(
    text: str,
    span: tuple[int, int],
    side: str,
    focus: Finding,
    findings: Iterable[Finding],
    figures: Iterable[Figure],
    edits: Iterable[Edit],
    where: bool = False,
) -> Text:
    """``text[span]`` as the terminal report shows a side (white space squeezed, in
    Chinese none beside a Chinese character), ``edits`` made in it, and figures styled:
    ``focus``'s by its severity (and the text it is about, when ``where``), the other
    ``findings``' underlined, the other ``figures`` of ``side`` green, and the changed
    text as changed."""
    start, end = span
    inside = sorted(
        (e for e in edits if start <= e.start and e.end <= end and e.start < e.end),
        key=lambda e: e.start,
    )
    cells: list[tuple[str, int]] = []  # each character shown and its offset (-1 - k: edit k's)
    cursor = start
    for k, edit in enumerate(inside):
        cells += [(text[i], i) for i in range(cursor, edit.start)]
        cells += [(char, -1 - k) for char in edit.new]
        cursor = edit.end
    cells += [(text[i], i) for i in range(cursor, end)]
    cells = _squeezed(cells, side)
    shown = Text("".join(char for char, _ in cells))
    origins = [origin for _, origin in cells]

    def stylize(figure: Figure | None, style: str) -> None:
        if figure is not None and figure.lang == side:
            mark(figure.start, figure.end, style)

    def mark(a: int, b: int, style: str) -> None:
        hits = [n for n, origin in enumerate(origins) if a <= origin < b]
        if hits:
            shown.stylize(style, hits[0], hits[-1] + 1)

    marked = {(f.start, f.end) for finding in findings for f in (finding.zh, finding.en) if f}
    for figure in figures:
        if (figure.start, figure.end) not in marked:
            stylize(figure, AGREE_STYLE)
    for finding in findings:
        if finding != focus:
            stylize(finding.zh, OTHER_STYLE[finding.severity])
            stylize(finding.en, OTHER_STYLE[finding.severity])
    stylize(focus.zh, FOCUS_STYLE[focus.severity])
    stylize(focus.en, FOCUS_STYLE[focus.severity])
    if where and focus.where is not None:
        mark(*focus.where, FOCUS_STYLE[focus.severity])
    for k in range(len(inside)):
        mark(-1 - k, -k, CHANGED_STYLE)
    return shown


def _squeezed(cells: list[tuple[str, int]], side: str) -> list[tuple[str, int]]:
    """``cells`` with each run of white space one space, and on the Chinese side none
    next to a Chinese character, so the text wraps anywhere instead of at "盘州 7 万元"."""
    kept: list[tuple[str, int]] = []
    for n, (char, origin) in enumerate(cells):
        if char.isspace():
            if not kept or kept[-1][0] == " ":
                continue
            after = cells[n + 1][0] if n + 1 < len(cells) else ""
            if side == "zh" and (_CJK.match(kept[-1][0]) or (after and _CJK.match(after))):
                continue
            char = " "
        kept.append((char, origin))
    return kept


_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
