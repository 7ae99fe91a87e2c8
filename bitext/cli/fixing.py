"""``bitext check --fix`` and ``--diff``: the command-line side of :mod:`bitext.fix`.

``--diff`` prints the unified diff of every file a fix would change, on standard output
and nothing else, writes nothing, and exits 1 when there is a change. ``--fix`` writes
the certain corrections (each file atomically, in its own format and encoding), says on
standard error which files it fixed and why each error or warning left was not fixed,
then checks the fixed files again: ``bitext check`` reports what remains, in the chosen
format, and its exit code is that report's (2 when a file could not be written).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from bitext.atomic import write_atomic
from bitext.check import check_file
from bitext.cli.config import Settings
from bitext.fix import FilePlan, fixed_bytes, plan, save, unified_diff
from bitext.fix.plan import Edit, apply
from bitext.model import BitextError, FileReport, Finding, InputError, Report, Severity
from bitext.report.baseline import apply_baseline, read_baseline

STDIN_NAME = "<stdin>"
LISTED = (Severity.ERROR, Severity.WARNING)
"""The findings left that ``--fix`` lists with the reason they were not fixed."""


def show_diff(report: Report, output: str | None = None) -> int:
    """Print (or write to ``output``) what ``--fix`` would change, as unified diffs; the
    exit code: 1 when there is a change, 2 when a file cannot be rewritten as it would
    be (its error on standard error), else 0."""
    diffs, failed = _diffs([plan(r) for r in report.files])
    if output is None:
        click.echo("".join(diffs), nl=False)
    else:
        write_atomic(Path(output), "".join(diffs))
    return 2 if failed else 1 if diffs else 0


def fix_files(report: Report, settings: Settings, baseline: str | None) -> tuple[Report, bool]:
    """Write the certain fixes of ``report``, say on standard error what was fixed and
    what was not, and check the fixed files again; the report of what remains (filtered
    by ``baseline`` as the first run was) and whether a file could not be written."""
    if any(_stdin(r) for r in report.files):
        raise InputError("--fix does not rewrite standard input; use --diff")
    return _fix(report, [plan(r) for r in report.files], settings, baseline)


def _stdin(report: FileReport) -> bool:
    return report.document_for("en").path in (None, STDIN_NAME)


def _diffs(plans: Sequence[FilePlan]) -> tuple[list[str], bool]:
    """The unified diff of each file a fix changes, and whether one cannot be rewritten."""
    diffs: list[str] = []
    failed = False
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
        diffs.append(unified_diff(fixes.document, fixes.edits))
    return diffs, failed


def _fix(
    report: Report, plans: Sequence[FilePlan], settings: Settings, baseline: str | None
) -> tuple[Report, bool]:
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
                click.echo(f"{where}: {item.finding.rule}: not fixed: {item.reason}", err=True)
        files.append(_recheck(file_report, settings) if written else file_report)
    remaining = report._replace(files=tuple(files))
    if baseline:  # the files checked again, filtered as the first run was
        filtered, _ = apply_baseline(remaining, read_baseline(baseline))
        remaining = filtered._replace(signature=report.signature)  # which says baseline once
    left = sum(len(f.findings) for f in remaining.files)
    found = _plural(fixed + left, "finding")
    click.echo(f"Found {found} ({fixed} fixed, {left} remaining).", err=True)
    return remaining, failed


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
        return report.document.path or STDIN_NAME
    document = report.document_for(side)
    text = document.text
    if side == "en" or report.source is None:
        moved = sum(len(e.new) - (e.end - e.start) for e in edits if e.end <= offset)
        text = apply(text, edits)
        offset += moved
    line, col = document._replace(text=text).line_col(offset)
    place = document.place(finding.en.start if side == "en" and finding.en else offset)
    return f"{document.path}:{line}:{col}" + (f" ({place})" if place else "")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _error(message: str) -> None:
    click.echo(f"bitext: error: {message}", err=True)


__all__ = ["fix_files", "show_diff"]
