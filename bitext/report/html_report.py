"""A self-contained HTML page a reviewer can open, attach to a ticket or archive.

At the top: one summary of the run, the list of files (several files only), each marked by
its worst severity with its counts (``clean`` for a file without findings), and a filter
bar. Per file: its summary (several files only: one file's is the run's), the findings,
each with its ``line:col``, severity, rule, message, suggested correction and the pair it
is about (``pair 2``, the pair id of the JSON report, from 0); then every pair with the
Chinese and the English side by side, the figures a finding is about highlighted
(``<mark class="error">`` and so on, linking back to the finding) and the other figures
read tinted green. Each severity has its own style: a filled red badge and a solid red
underline for an error, an amber badge and a dashed underline for a warning, a pale blue
badge and a dotted underline for info; a dark colour scheme follows the reader's system.

The filter bar (a checkbox per severity and per rule, with counts, and "only pairs with
findings", on at first) is one small inline script: it hides the findings filtered out,
the pairs left without a visible finding, and says how many of each it shows; a link
to a finding or a pair the filters hide clears them. Without
the script (a mail client, a printout) the bar stays hidden and every finding and pair
is shown. Everything the page needs is in it: inline CSS and script, system fonts,
nothing fetched, so it renders the same offline, from a file, or years later. Every piece
of text from the bulletin is HTML-escaped.

Anchors are stable and predictable, so a comment can link into a report:
``#file1`` for the first file, ``#file1-pair2`` for its pair 2 (the pair ids of the JSON
report), ``#file1-finding3`` for its third finding.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from bitext.model import Document, Figure, FileReport, Finding, Pair, Report, Severity
from bitext.report.locate import display_path, placed_message, primary_document, primary_span
from bitext.report.terminal import summary
from bitext.version import __version__

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CLEAN = '<span class="severity clean">clean</span>'

STYLE = """
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #d0d0d0;
  --head: #f3f3f3; --target: #3b6fd4; --figure: #dff3df; --clean: #2e7d32;
  --error: #c62828; --error-bg: #ffcdd2; --error-fg: #8e0000;
  --warning: #b26a00; --warning-bg: #ffe3a6; --warning-fg: #5c3700;
  --info: #1565c0; --info-bg: #dbe8fb; --info-fg: #0d3c78; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e4e4e4; --bg: #171717; --muted: #a3a3a3; --line: #3c3c3c; --head: #242424;
    --target: #7aa2f7; --figure: #1e3a1e; --clean: #81c784;
    --error: #e53935; --error-bg: #5d1a1a; --error-fg: #ffcdd2;
    --warning: #ffb300; --warning-bg: #4a3600; --warning-fg: #ffe3a6;
    --info: #64b5f6; --info-bg: #14304f; --info-fg: #dbe8fb; } }
[hidden] { display: none !important; }
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: var(--fg);
  background: var(--bg); line-height: 1.45; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
a { color: inherit; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top;
  text-align: left; }
th { background: var(--head); }
td.meta { width: 9rem; font-size: .85rem; color: var(--muted); }
td.meta a { display: block; text-decoration: none; margin-top: .2rem; }
td.zh { width: 40%; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", system-ui, sans-serif; }
td.en { width: 50%; }
td.where, td.pair, td code { white-space: nowrap; }
tr:target { outline: 3px solid var(--target); }
tr.pair.error td.meta { border-left: 4px solid var(--error); }
tr.pair.warning td.meta { border-left: 4px dashed var(--warning); }
tr.pair.info td.meta { border-left: 4px dotted var(--info); }
.severity { display: inline-block; padding: 0 .45em; border: 1px solid; border-radius: .7em;
  font-size: .85em; font-weight: 600; white-space: nowrap; }
.severity.error { background: var(--error); border-color: var(--error); color: #fff; }
.severity.warning { background: var(--warning-bg); border-color: var(--warning);
  color: var(--warning-fg); }
.severity.info { background: var(--info-bg); border-color: var(--info-bg); color: var(--info-fg);
  font-weight: normal; }
.severity.clean { border-color: var(--clean); color: var(--clean); }
mark { padding: 0 .1em; border-radius: 2px; }
mark.error { background: var(--error-bg); color: var(--error-fg); font-weight: bold;
  border-bottom: 2px solid var(--error); }
mark.warning { background: var(--warning-bg); color: var(--warning-fg);
  border-bottom: 2px dashed var(--warning); }
mark.info { background: var(--info-bg); color: var(--info-fg);
  border-bottom: 1px dotted var(--info); }
span.figure { background: var(--figure); }
nav.files ul { list-style: none; padding: 0; }
nav.files li { margin: .2rem 0; padding-left: .5rem; border-left: 4px solid var(--clean); }
nav.files li.error { border-left: 4px solid var(--error); }
nav.files li.warning { border-left: 4px dashed var(--warning); }
nav.files li.info { border-left: 4px dotted var(--info); }
form.filters { position: sticky; top: 0; z-index: 1; background: var(--head);
  border: 1px solid var(--line); padding: .4rem .6rem; margin: 1rem 0; }
form.filters fieldset { display: inline; border: 0; margin: 0 1rem 0 0; padding: 0; }
form.filters legend { float: left; margin-right: .4rem; color: var(--muted); }
form.filters label { margin-right: .5rem; white-space: nowrap; cursor: pointer; }
form.filters button { font-size: .8rem; }
form.filters output { display: block; color: var(--muted); font-size: .9rem; }
.none, .missing, .filtered-out { color: var(--muted); font-style: italic; }
code { font-size: .9em; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
"""

SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var output = document.getElementById("shown");
  function ticked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      if (box.checked) on[box.value] = true;
    });
    return on;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function update() {
    var severities = ticked("severity"), rules = ticked("rule");
    var only = document.getElementById("only-flagged").checked;
    var findings = 0, shownFindings = 0, pairs = 0, shownPairs = 0;
    document.querySelectorAll("section.file").forEach(function (section) {
      var flagged = {}, rows = 0, shownRows = 0;
      section.querySelectorAll("[data-rule]").forEach(function (element) {
        var on = severities[element.dataset.severity] && rules[element.dataset.rule];
        element.hidden = !on;
        if (element.tagName !== "TR") return;
        findings++;
        if (!on) return;
        shownFindings++;
        if (element.dataset.pair !== undefined) flagged[element.dataset.pair] = true;
      });
      section.querySelectorAll("tr.pair").forEach(function (row) {
        var on = !only || flagged[row.dataset.pair] === true;
        row.hidden = !on;
        rows++; pairs++;
        if (on) { shownRows++; shownPairs++; }
      });
      section.querySelectorAll("table").forEach(function (table) {
        var note = table.nextElementSibling;
        var empty = table.querySelector("tbody tr:not([hidden])") === null;
        table.hidden = empty;
        if (note && note.classList.contains("filtered-out")) note.hidden = !empty;
      });
    });
    output.textContent = "showing " + shownFindings + " of " + plural(findings, "finding") +
      " and " + shownPairs + " of " + plural(pairs, "pair");
  }
  form.addEventListener("change", update);
  form.querySelectorAll("button[data-rules]").forEach(function (button) {
    button.addEventListener("click", function () {
      form.querySelectorAll("input[name=rule]").forEach(function (box) {
        box.checked = button.dataset.rules === "all";
      });
      update();
    });
  });
  function reveal() {
    /* a link into the report (#file1-pair0) shows its target, whatever the filters hide */
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (!target || target.getClientRects().length > 0) return;
    form.querySelectorAll("input").forEach(function (box) { box.checked = box.id !== "only-flagged"; });
    update();
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  update();
  reveal();
})();
"""


def render(report: Report) -> str:
    """The whole page."""
    several = len(report.files) > 1
    sections = "".join(_file_section(f, n, several) for n, f in enumerate(report.files, 1))
    findings = [finding for file in report.files for finding in file.findings]
    script = f"<script>{SCRIPT}</script>\n" if findings else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="bitext {escape(__version__)}">\n'
        f"<title>bitext report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        "<header>\n<h1>bitext report</h1>\n"
        f'<p class="summary" id="summary">{escape(summary(report.files))}</p>\n'
        f"{_contents(report) if several else ''}{_filters(findings)}</header>\n"
        f"{sections}"
        f'<footer>bitext {escape(__version__)} · signature <code class="signature">'
        f"{escape(report.signature)}</code></footer>\n"
        f"{script}</body>\n</html>\n"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _contents(report: Report) -> str:
    """The files, each marked by its worst severity with its counts, linking to each."""
    items = []
    for n, file in enumerate(report.files, 1):
        worst = file.worst()
        marks = " ".join(
            f'<span class="severity {s.value}">{_plural(file.count(s), s.value)}</span>'
            for s in SEVERITIES
            if file.count(s)
        )
        items.append(
            f'<li class="file {worst.value if worst else "clean"}">'
            f'<a href="#file{n}">{escape(_title(file))}</a> '
            f"{marks or CLEAN}</li>\n"
        )
    return f'<nav class="files" aria-label="files">\n<ul>\n{"".join(items)}</ul>\n</nav>\n'


def _filters(findings: list[Finding]) -> str:
    """The filter bar, hidden until the script shows it (nothing to filter: none)."""
    if not findings:
        return ""
    severities = Counter(f.severity for f in findings)
    rules = Counter(f.rule for f in findings)
    worst = {r: max(f.severity.rank for f in findings if f.rule == r) for r in rules}
    severity_boxes = "".join(
        f'<label class="severity {s.value}"><input type="checkbox" name="severity" '
        f'value="{s.value}" checked> {s.value} <span class="count">{severities[s]}</span>'
        "</label>\n"
        for s in SEVERITIES
    )
    rule_boxes = "".join(
        f'<label><input type="checkbox" name="rule" value="{escape(rule)}" checked> '
        f'<code>{escape(rule)}</code> <span class="count">{rules[rule]}</span></label>\n'
        for rule in sorted(rules, key=lambda r: (-worst[r], r))
    )
    total = sum(rules.values())
    return (
        '<form class="filters" id="filters" hidden>\n'
        f'<fieldset class="severities"><legend>severity</legend>\n{severity_boxes}</fieldset>\n'
        f'<fieldset class="rules"><legend>rule</legend>\n{rule_boxes}'
        '<button type="button" data-rules="all">all</button> '
        '<button type="button" data-rules="none">none</button></fieldset>\n'
        '<label><input type="checkbox" id="only-flagged" checked> only pairs with findings'
        "</label>\n"
        f'<output id="shown" aria-live="polite">{_plural(total, "finding")}</output>\n'
        "</form>\n"
    )


def _title(report: FileReport, encodings: bool = False) -> str:
    """The file's path; a translation pair's Chinese file → its English file."""
    return " → ".join(
        display_path(d.path)
        + ("" if d.encoding == "utf-8" or not encodings else f" (read as {d.encoding})")
        for d in (report.source, report.document)
        if d is not None
    )


def _file_section(report: FileReport, n: int, several: bool) -> str:
    title = _title(report, encodings=True)
    counts = ", ".join(_plural(report.count(s), s.value) for s in SEVERITIES)
    counts += f" in {_plural(len(report.pairs), 'pair')}"
    line = f'<p class="summary">{escape(counts)}</p>\n' if several else ""
    notes = "".join(f'<p class="note">{escape(note)}</p>\n' for note in report.notes)
    return (
        f'<section class="file" id="file{n}">\n'
        f"<h2>{escape(title)}</h2>\n{line}{notes}"
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
        "<th>message</th><th>suggestion</th><th>pair</th></tr></thead>\n"
        f"<tbody>\n{rows}</tbody>\n</table>\n"
        '<p class="filtered-out" hidden>No finding matches the filters.</p>\n'
    )


def _finding_row(finding: Finding, report: FileReport, n: int, k: int) -> str:
    document = primary_document(report, finding)
    span = primary_span(finding)
    where = "{}:{}".format(*document.line_col(span[0])) if span else "—"
    severity = finding.severity.value
    suggestion = escape(finding.suggestion) if finding.suggestion else ""
    pair, data = "", ""
    if finding.pair is not None:
        pair = f'<a href="#file{n}-pair{finding.pair}">pair {finding.pair}</a>'
        data = f' data-pair="{finding.pair}"'
    return (
        f'<tr class="finding {severity}" id="file{n}-finding{k}" '
        f'data-severity="{severity}" data-rule="{escape(finding.rule)}"{data}>'
        f'<td class="where">{where}</td>'
        f'<td><span class="severity {severity}">{severity}</span></td>'
        f"<td><code>{escape(finding.rule)}</code></td>"
        f'<td class="message">{escape(placed_message(report, finding))}</td>'
        f'<td class="suggestion">{suggestion}</td><td class="pair">{pair}</td></tr>\n'
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
        '<p class="filtered-out" hidden>No pair with a finding the filters show.</p>\n'
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
        f'<tr class="{classes}" id="file{n}-pair{pair.id}" data-pair="{pair.id}">'
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
    links = "".join(
        f'<a href="#file{n}-finding{k}" data-severity="{f.severity.value}" '
        f'data-rule="{escape(f.rule)}"><span class="severity {f.severity.value}">'
        f"{f.severity.value}</span> {escape(f.rule)}</a>"
        for k, f in findings
    )
    return "<br>".join(parts) + links


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
