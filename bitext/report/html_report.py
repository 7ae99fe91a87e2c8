"""A self-contained HTML page a reviewer can open, attach to a ticket or archive.

Per file: the findings, each with its ``line:col``, rule, severity, message and suggested
correction, linking to its pair; then every pair with the Chinese and the English side by
side, the figures a finding is about highlighted (``<mark class="error">`` and so on,
linking back to the finding) and the other figures read tinted green. Everything the page
needs is in it: inline CSS, system fonts, no script, nothing fetched, so it renders the
same offline, from an e-mail attachment, or years later. Every piece of text from the
bulletin is HTML-escaped.

Anchors are stable and predictable, so a comment can link into a report:
``#file1`` for the first file, ``#file1-pair2`` for its pair 2 (the pair ids of the JSON
report), ``#file1-finding3`` for its third finding.
"""

from __future__ import annotations

from html import escape

from bitext.model import Document, Figure, FileReport, Finding, Pair, Report, Severity
from bitext.report.locate import display_path, placed_message, primary_document, primary_span
from bitext.report.terminal import summary
from bitext.version import __version__

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.meta { width: 9rem; font-size: .85rem; color: #555; }
td.zh { width: 40%; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", system-ui, sans-serif; }
td.en { width: 50%; }
tr.pair:target, tr.finding:target { outline: 3px solid #3b6fd4; }
tr.pair.error td.meta { border-left: 4px solid #c62828; }
tr.pair.warning td.meta { border-left: 4px solid #b26a00; }
tr.pair.info td.meta { border-left: 4px solid #1565c0; }
mark { padding: 0 .1em; border-radius: 2px; }
mark.error { background: #ffcdd2; color: #8e0000; font-weight: bold; }
mark.warning { background: #ffe0a3; color: #5c3700; }
mark.info { background: #d6e6fb; color: #0d3c78; }
span.figure { background: #dff3df; }
span.severity { font-weight: bold; }
span.severity.error { color: #c62828; } span.severity.warning { color: #b26a00; }
span.severity.info { color: #1565c0; }
.none, .missing { color: #777; font-style: italic; }
code { font-size: .9em; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; }
"""


def render(report: Report) -> str:
    """The whole page."""
    sections = "".join(_file_section(f, n) for n, f in enumerate(report.files, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="bitext {escape(__version__)}">\n'
        f"<title>bitext report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        "<header>\n<h1>bitext report</h1>\n"
        f'<p class="summary" id="summary">{escape(summary(report.files))}</p>\n'
        f"{_contents(report)}</header>\n"
        f"{sections}"
        f'<footer>bitext {escape(__version__)} · signature <code class="signature">'
        f"{escape(report.signature)}</code></footer>\n"
        "</body>\n</html>\n"
    )


def _contents(report: Report) -> str:
    """A list of the files with their counts, linking to each (only for several files)."""
    if len(report.files) < 2:
        return ""
    items = "".join(
        f'<li><a href="#file{n}">{escape(display_path(f.document.path))}</a>: '
        f"{escape(summary([f]))}</li>\n"
        for n, f in enumerate(report.files, 1)
    )
    return f'<ul class="files">\n{items}</ul>\n'


def _file_section(report: FileReport, n: int) -> str:
    title = " → ".join(
        display_path(d.path) + ("" if d.encoding == "utf-8" else f" (read as {d.encoding})")
        for d in (report.source, report.document)
        if d is not None
    )
    notes = "".join(f'<p class="note">{escape(note)}</p>\n' for note in report.notes)
    return (
        f'<section class="file" id="file{n}">\n'
        f"<h2>{escape(title)}</h2>\n"
        f'<p class="summary">{escape(summary([report]))}</p>\n{notes}'
        f"<h3>Findings</h3>\n{_findings_table(report, n)}"
        f"<h3>Pairs</h3>\n{_pairs_table(report, n)}"
        "</section>\n"
    )


# --- findings ---------------------------------------------------------------------


def _findings_table(report: FileReport, n: int) -> str:
    if not report.findings:
        return '<p class="none">No findings.</p>\n'
    rows = "".join(
        _finding_row(finding, report, n, k) for k, finding in enumerate(report.findings, 1)
    )
    return (
        '<table class="findings">\n<thead><tr><th>where</th><th>severity</th><th>rule</th>'
        "<th>message</th><th>suggestion</th></tr></thead>\n"
        f"<tbody>\n{rows}</tbody>\n</table>\n"
    )


def _finding_row(finding: Finding, report: FileReport, n: int, k: int) -> str:
    document = primary_document(report, finding)
    span = primary_span(finding)
    where = "{}:{}".format(*document.line_col(span[0])) if span else "—"
    if finding.pair is not None:
        where = f'<a href="#file{n}-pair{finding.pair}">{where}</a>'
    severity = finding.severity.value
    suggestion = escape(finding.suggestion) if finding.suggestion else ""
    return (
        f'<tr class="finding {severity}" id="file{n}-finding{k}">'
        f"<td>{where}</td>"
        f'<td><span class="severity {severity}">{severity}</span></td>'
        f"<td><code>{escape(finding.rule)}</code></td>"
        f'<td class="message">{escape(placed_message(report, finding))}</td>'
        f'<td class="suggestion">{suggestion}</td></tr>\n'
    )


# --- pairs ------------------------------------------------------------------------

Marks = dict[tuple[str, int, int], tuple[Severity, int, str]]
"""(side, start, end) of a figure a finding is about → worst severity, first finding,
tooltip (a translation pair's two sides are two files, whose offsets may coincide)."""


def _marks(report: FileReport) -> Marks:
    marks: Marks = {}
    for k, finding in enumerate(report.findings, 1):
        for figure in (finding.zh, finding.en):
            if figure is None:
                continue
            key = (figure.lang, figure.start, figure.end)
            old = marks.get(key)
            if old is None or finding.severity.rank > old[0].rank:
                marks[key] = (finding.severity, k, f"{finding.rule}: {finding.message}")
    return marks


def _pairs_table(report: FileReport, n: int) -> str:
    if not report.pairs:
        return '<p class="none">No pairs.</p>\n'
    marks = _marks(report)
    rows = "".join(_pair_row(pair, report, n, marks) for pair in report.pairs)
    return (
        '<table class="pairs">\n<thead><tr><th>pair</th><th lang="zh-CN">中文</th>'
        f"<th>English</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
    )


def _pair_row(pair: Pair, report: FileReport, n: int, marks: Marks) -> str:
    findings = [(k, f) for k, f in enumerate(report.findings, 1) if f.pair == pair.id]
    worst = max((f.severity for _, f in findings), key=lambda s: s.rank, default=None)
    classes = "pair" if worst is None else f"pair {worst.value}"
    zh = _side(report.document_for("zh"), "zh", pair.zh_range, marks, report.figures, n)
    en = (
        _side(report.document_for("en"), "en", pair.en_range, marks, report.figures, n)
        if pair.en
        else '<span class="missing">(no English translation)</span>'
    )
    return (
        f'<tr class="{classes}" id="file{n}-pair{pair.id}">'
        f'<td class="meta">{_pair_meta(pair, report, findings, n)}</td>'
        f'<td class="zh" lang="zh-CN">{zh}</td><td class="en" lang="en">{en}</td></tr>\n'
    )


def _pair_meta(pair: Pair, report: FileReport, findings: list[tuple[int, Finding]], n: int) -> str:
    start = (pair.zh_range or pair.en_range or (0, 0))[0]
    document = report.document_for("zh" if pair.zh_range else "en")
    parts = [f"pair {pair.id}", f"line {document.line_col(start)[0]}"]
    if pair.en:
        parts.append(f"confidence {pair.score:.2f}")
    if pair.zh_truncated:
        parts.append("Chinese fragment is cut")
    parts.extend(
        f'<a href="#file{n}-finding{k}" class="severity {f.severity.value}">'
        f"{f.severity.value} {escape(f.rule)}</a>"
        for k, f in findings
    )
    return "<br>".join(parts)


def _side(
    document: Document,
    side: str,
    span: tuple[int, int] | None,
    marks: Marks,
    figures: tuple[Figure, ...],
    n: int,
) -> str:
    """One side of a pair, escaped, with its figures wrapped; overlapping figures keep the
    first (a flagged one wins over an unflagged one at the same place)."""
    if span is None:
        return ""
    start, end = span
    here = {(a, b): mark for (lang, a, b), mark in marks.items() if lang == side}
    ranges = {key for key in here if start <= key[0] and key[1] <= end}
    ranges |= {
        (f.start, f.end) for f in figures if f.lang == side and start <= f.start and f.end <= end
    }
    out, position = [], start
    for a, b in sorted(ranges, key=lambda r: (r[0], r not in here, -r[1])):
        if a < position:
            continue
        out.append(escape(document.text[position:a]))
        out.append(_figure_html(document.text[a:b], here.get((a, b)), n))
        position = b
    out.append(escape(document.text[position:end]))
    return "".join(out)


def _figure_html(text: str, mark: tuple[Severity, int, str] | None, n: int) -> str:
    if mark is None:
        return f'<span class="figure">{escape(text)}</span>'
    severity, k, title = mark
    return (
        f'<a href="#file{n}-finding{k}"><mark class="{severity.value}" title="{escape(title)}">'
        f"{escape(text)}</mark></a>"
    )
