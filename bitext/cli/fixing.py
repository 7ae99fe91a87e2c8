"""``bitext check --fix`` and ``--diff``: the command-line side of :mod:`bitext.fix`.

``--diff`` prints the unified diff of every file a fix would change, on standard output
and nothing else, writes nothing, and exits 1 when there is a change. ``--fix`` writes
the certain corrections (each file atomically, in its own format and encoding), says on
standard error which files it fixed and why each error or warning left was not fixed,
then checks the fixed files again and reports what remains, in the chosen format, as
``bitext check`` does; the exit code is that report's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from bitext.atomic import write_atomic
from bitext.check import check_file
from bitext.cli.config import Settings
from bitext.fix import FilePlan, fixed_bytes, plan, save, unified_diff
from bitext.fix.plan import Edit, apply
from bitext.model import BitextError, FileReport, Finding, InputError, Report, Severity
from bitext.report import render, terminal
from bitext.report.baseline import apply_baseline, read_baseline

STDIN_NAME = "<stdin>"
LISTED = (Severity.ERROR, Severity.WARNING)
"""The findings left that ``--fix`` lists with the reason they were not fixed."""


def fix_report(
    report: Report,
    settings: Settings,
    diff_only: bool,
    output_format: str,
    output: str | None = None,
) -> int:
    """Show (``diff_only``) or make the certain fixes of ``report``; the exit code."""
    if not diff_only and any(_stdin(r) for r in report.files):
        raise InputError("--fix does not rewrite standard input; use --diff")
    plans = [plan(r) for r in report.files]
    if diff_only:
        return _show_diff(plans)
    return _fix(report, plans, settings, output_format, output)


def _stdin(report: FileReport) -> bool:
    return report.document_for("en").path in (None, STDIN_NAME)


def _show_diff(plans: Sequence[FilePlan]) -> int:
    """Print each change as a unified diff; 1 if there is one, 2 if a file cannot be
    rewritten as it would be (its error on stderr), else 0."""
    changed = failed = False
    for fixes in plans:
        if not fixes.edits:
            continue
        if fixes.document.path not in (None, STDIN_NAME):
            try:
                fixed_bytes(fixes.document, fixes.edits)  # what --fix would refuse, refused
            except BitextError as exc:
                _error(str(exc))
                failed = True
                continue
        click.echo(unified_diff(fixes.document, fixes.edits), nl=False)
        changed = True
    return 2 if failed else 1 if changed else 0


def _fix(
    report: Report,
    plans: Sequence[FilePlan],
    settings: Settings,
    output_format: str,
    output: str | None,
) -> int:
    files: list[FileReport] = []
    failed = False
    fixed = 0
    for file_report, fixes in zip(report.files, plans, strict=True):
        written = False
        if fixes.edits:
            try:
                save(fixes.document, fixes.edits)
                written = True
            except BitextError as exc:
                _error(str(exc))
                failed = True
        if written:
            count = len(fixes.edits)
            fixed += count
            click.echo(f"{fixes.document.path}: fixed {_plural(count, 'finding')}", err=True)
        for item in fixes.not_fixed:
            if item.finding.severity in LISTED:
                where = _position(file_report, item.finding, fixes.edits if written else ())
                click.echo(f"{where} {item.finding.rule}: not fixed: {item.reason}", err=True)
        files.append(_recheck(file_report, settings) if written else file_report)
    options = _options()
    remaining = report._replace(files=tuple(files))
    if options.get("baseline"):  # the files checked again, filtered as the first run was
        remaining, _ = apply_baseline(
            report._replace(files=tuple(files)), read_baseline(options["baseline"])
        )
        remaining = remaining._replace(signature=report.signature)
    left = sum(len(f.findings) for f in remaining.files)
    found = _plural(fixed + left, "finding")
    click.echo(f"Found {found} ({fixed} fixed, {left} remaining).", err=True)
    view = terminal.View(options.get("show_pairs", "findings"), options.get("statistics", False))
    _show(remaining, settings, output_format, output, view)
    if failed:
        return 2
    return 1 if remaining.fails(settings.fail_on) else 0


def _recheck(file_report: FileReport, settings: Settings) -> FileReport:
    """The file (or translation pair) checked again, as the first run checked it."""
    english = file_report.document.path or ""
    if file_report.source is not None:
        return check_file((file_report.source.path or "", english), settings.check)
    return check_file(english, settings.check)


def _position(report: FileReport, finding: Finding, edits: Sequence[Edit]) -> str:
    """``path:line:col`` of the finding's figure (its English one first), in the file as
    ``--fix`` left it: English offsets move with the edits before them."""
    if finding.en is not None:
        side, offset = "en", finding.en.start
    elif finding.zh is not None:
        side, offset = "zh", finding.zh.start
    elif finding.where is not None:
        side, offset = finding.side, finding.where[0]
    else:
        return f"{report.document.path}:"
    document = report.document_for(side)
    text = document.text
    if side == "en" or report.source is None:
        moved = sum(len(e.new) - (e.end - e.start) for e in edits if e.end <= offset)
        text = apply(text, edits)
        offset += moved
    line, col = document._replace(text=text).line_col(offset)
    place = document.place(finding.en.start if side == "en" and finding.en else offset)
    return f"{document.path}:{line}:{col}" + (f" ({place})" if place else "")


def _options() -> dict[str, Any]:
    """The options of the ``bitext check`` run (``--pairs``, ``--statistics``,
    ``--baseline``), which shape the report of what remains as they shape a report."""
    context = click.get_current_context(silent=True)
    return dict(context.params) if context is not None else {}


def _show(
    report: Report,
    settings: Settings,
    output_format: str,
    output: str | None,
    view: terminal.View = terminal.DEFAULT_VIEW,
) -> None:
    """The report of what remains, as ``bitext check`` shows one."""
    if output_format == "rich" and output is None:
        terminal.render(report, Console(highlight=False), view)
        return
    text = (
        terminal.render_plain(report, view=view)
        if output_format == "rich" or view.statistics
        else render(report, output_format, settings.show_cleaning)
    )
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(Path(output), text)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _error(message: str) -> None:
    click.echo(f"bitext: error: {message}", err=True)


__all__ = ["fix_report"]
