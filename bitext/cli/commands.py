"""The ``bitext`` command: a thin click layer over the library.

It parses options, builds a config, calls the library, renders the report and
maps exceptions to exit codes, as ruff does:

* 0 — no finding at or above ``--fail-on``;
* 1 — findings at or above ``--fail-on``;
* 2 — usage error, unreadable or undecodable input, internal error.

Errors are one line on stderr, never a traceback (set ``BITEXT_DEBUG=1`` to
see one).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

import click
from rich.console import Console

from bitext.align.files import SPLIT_MODES
from bitext.atomic import atomic_output, write_atomic, write_atomic_bytes
from bitext.check import CheckConfig, check_document, check_files, iter_check_files, signature
from bitext.check.batch import default_jobs
from bitext.check.pipeline import NO_CHINESE
from bitext.check.rules import all_rules, find_rule, rule_json, rule_text, rules_json, rules_text
from bitext.clean import Cleaned, clean, resolve_rules
from bitext.cli.config import Overrides, Settings, load_settings
from bitext.cli.options import config_options, list_option, one_line_errors, where_to_run
from bitext.model import BitextError, Document, FileReport, InputError, Report
from bitext.read.document import MAX_BYTES, decode, read_bytes, read_document
from bitext.read.files import DEFAULT_INCLUDE, Job, collect_files, pair_translations
from bitext.report import FORMATS as REPORT_FORMATS
from bitext.report import render, terminal, wrap
from bitext.report.baseline import apply_baseline, baseline_json, read_baseline
from bitext.version import __version__

FORMATS = tuple(REPORT_FORMATS)
PAIR_CHOICES = ("findings", "all", "none")
PROGRESS_MIN_FILES = 20
"""A run over fewer files is over before a progress bar would say anything."""
CLEAN_INCLUDE = ("*.txt", "*.md")
"""What ``bitext clean DIR`` walks by default: plain text, which it can rewrite."""


class _ExportFormats(click.Choice):
    """``bitext align --format``: the export formats, their writers imported only when
    ``bitext align`` parses its options (not on every command's start)."""

    def __init__(self) -> None:
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> tuple[str, ...]:
        from bitext.export import FORMATS as EXPORT_FORMATS

        return tuple(EXPORT_FORMATS)

    @choices.setter
    def choices(self, _value: object) -> None:
        pass


class _Command(click.Command):
    """A command whose summary in ``bitext --help`` is its whole first sentence (click
    cuts it at the terminal's width)."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return super().get_short_help_str(limit=1000)


class _Group(click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bitext")
def main() -> None:
    """Check Chinese→English translations of official bulletins.

    \b
    Examples:
      bitext check bulletin.txt
      bitext check --pair report.zh.txt report.en.txt
      bitext clean --diff bulletin.txt
      bitext rules figure-scale

    \b
    Exit codes:
      0  no finding at or above --fail-on (check); done
      1  findings at or above --fail-on (check); a file needs cleaning (clean --check)
      2  usage error, unreadable or undecodable input, internal error
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--pair",
    "pairs",
    nargs=2,
    multiple=True,
    type=click.Path(),
    metavar="ZH EN",
    help="Check the Chinese file ZH against its English translation EN, sentence by "
    "sentence (repeatable). Files named NAME.zh.txt and NAME.en.txt, NAME_zh and "
    "NAME_en, or zh/NAME and en/NAME are paired without it.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="rich",
    show_default=True,
    help="rich (for people), json (the v1 contract), jsonl (a finding a line), sarif (2.1.0), "
    "github (Actions annotations), html (a self-contained page).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "never")),
    help="Exit 1 when a finding is at or above this severity.  [default: error]",
)
@list_option("--disable", "RULE", "Do not report RULE")
@click.option(
    "--tolerance",
    type=float,
    metavar="FRACTION",
    help="Amounts whose relative difference is at most FRACTION agree.  [default: 0]",
)
@list_option(
    "--include", "GLOB", "Files a directory walk picks up", default=", ".join(DEFAULT_INCLUDE)
)
@list_option("--exclude", "GLOB", "Skip files and directories")
@where_to_run("Check")
@config_options
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in FILE.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record today's findings in FILE and exit 0.",
)
@click.option(
    "--show-cleaning",
    is_flag=True,
    help="List what cleaning repaired in the terminal report, GitHub annotations and SARIF "
    "results (JSON, JSONL and HTML always do).",
)
@click.option(
    "--pairs",
    "show_pairs",
    type=click.Choice(PAIR_CHOICES),
    default="findings",
    show_default=True,
    help="Which pairs the report shows: those with findings, all, or none (findings alone).",
)
@click.option(
    "--statistics", is_flag=True, help="Count the findings per rule instead of listing them."
)
@click.option(
    "--fix",
    is_flag=True,
    help="Write the certain corrections (a scale, a single digit) into the English files.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Show what --fix would change as a unified diff; exit 1 if there is something.",
)
@one_line_errors
def check(
    paths: tuple[str, ...],
    pairs: tuple[tuple[str, str], ...],
    output_format: str,
    output: str | None,
    fail_on: str | None,
    disable: tuple[str, ...],
    tolerance: float | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    scheduler: str | None,
    config_file: str | None,
    isolated: bool,
    baseline: str | None,
    write_baseline: str | None,
    show_cleaning: bool,
    show_pairs: str,
    statistics: bool,
    fix: bool,
    show_diff: bool,
) -> None:
    """Check bulletins and translations, and report figure errors.

    PATHS are files, directories (walked for the --include globs) or - for standard
    input. A bulletin holds Chinese fragments and their English; a translation in a file of its
    own is checked with --pair, or found by its name. Settings come from the options,
    then bitext.toml or pyproject.toml's [tool.bitext] (the nearest one above the current
    directory), then the defaults.

    \b
    Examples:
      bitext check bulletin.txt
      bitext check bulletins/ --format sarif -o bitext.sarif
      bitext check --pair report.zh.txt report.en.txt
      bitext check --disable figure-extra,figure-weekday bulletin.txt
      curl -s URL | bitext check -

    \b
    Exit codes:
      0  no finding at or above --fail-on
      1  findings at or above --fail-on
      2  usage error, unreadable or undecodable input, internal error
    """
    if not paths and not pairs:
        raise click.UsageError("give the files to check, or --pair ZH EN")
    if write_baseline and (baseline or output):
        raise InputError("--write-baseline writes no report; it goes without --baseline and -o")
    if write_baseline and (fix or show_diff):
        raise InputError("--write-baseline records findings; it goes without --fix and --diff")
    overrides = Overrides(fail_on, disable, tolerance, include, exclude, show_cleaning)
    settings = load_settings(overrides, config_file, isolated)
    if scheduler:  # the files go to the cluster's workers; disconnected when check ends
        if jobs:
            raise click.UsageError("--jobs is for local processes; the cluster has its own workers")
        from bitext.check.batch import running_on
        from bitext.corpus.dask_cluster import dask_executor

        context = click.get_current_context()
        context.with_resource(running_on(context.with_resource(dask_executor(scheduler))))
    if STDIN in paths:
        report = _check_stdin(paths, pairs, settings.check)
    else:
        found = collect_files(paths, settings.include, settings.exclude, on_skip=_warn)
        files = [*pair_translations(found), *((Path(zh), Path(en)) for zh, en in pairs)]
        if output_format in STREAMED and not (write_baseline or fix or show_diff):
            jobs = jobs or default_jobs()
            failed = _stream(files, settings, jobs, output_format, output, baseline)
            sys.exit(1 if failed else 0)
        report = _check_files(files, settings.check, jobs or default_jobs())
        _hint_pairs(report)
    if write_baseline:
        _write_baseline(report, Path(write_baseline))
        return
    if baseline:
        report, dropped = apply_baseline(report, read_baseline(baseline))
        if dropped:
            _warn(f"{_plural(dropped, 'finding')} in the baseline not shown", "note")
    if show_diff:
        from bitext.cli.fixing import show_diff as print_diff  # the writers only when fixing

        sys.exit(print_diff(report, output))
    unwritten = False
    if fix:
        from bitext.cli.fixing import fix_files

        report, unwritten = fix_files(report, settings, baseline)
    view = terminal.View(show_pairs, statistics, settings.show_cleaning)
    if output_format == "rich" and output is None:
        terminal.render(report, Console(highlight=False), view)
    elif output_format == "rich" or statistics:
        _write(terminal.render_plain(report, view=view), output)
    else:
        _write(render(report, output_format, settings.show_cleaning), output)
    sys.exit(2 if unwritten else 1 if report.fails(settings.fail_on) else 0)


STDIN = "-"
"""The path that stands for standard input (a file named ``-`` is ``./-``)."""


def _check_stdin(paths: tuple[str, ...], pairs: tuple[Any, ...], config: CheckConfig) -> Report:
    """The report on the bulletin piped to standard input, under the path ``<stdin>``."""
    if len(paths) > 1 or pairs:
        raise InputError("- (standard input) goes alone, without other paths or --pair")
    document = _read_stdin()
    return Report((check_document(document, config),), signature(config))


STDIN_NAME = "<stdin>"
"""The path standard input is reported under, and named by in its one-line errors."""


def _read_stdin() -> Document:
    """The bulletin piped to standard input, decoded as a file is."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"{STDIN_NAME}: no standard input to read")
    return read_stream(stream)


def read_stream(stream: BinaryIO, max_bytes: int = MAX_BYTES) -> Document:
    """A bulletin read from a binary stream (standard input) and decoded as a file is
    (:func:`bitext.read.document.decode`), under the path ``<stdin>``; what a file is
    refused for (empty, binary, undecodable, too large) is refused in the same one line.

    >>> import io
    >>> document = read_stream(io.BytesIO("盘州".encode("gb18030")))
    >>> document.path, document.text, document.encoding
    ('<stdin>', '盘州', 'gb18030')
    """
    try:
        data = stream.read(max_bytes + 1)  # a pipe has no size to check before reading
    except OSError as exc:
        raise InputError(f"{STDIN_NAME}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise InputError(
            f"{STDIN_NAME}: input is too large (over the {max_bytes / 1e6:.0f} MB limit) — "
            "is it really a bulletin?"
        )
    text, encoding = decode(data, STDIN_NAME)
    return Document(STDIN_NAME, text, encoding)


STREAMED = ("jsonl", "github")
"""Formats written file by file as the checks finish, holding no report: an archive of
tens of thousands of bulletins runs in constant memory."""


def _stream(
    files: list[Job],
    settings: Settings,
    jobs: int,
    output_format: str,
    output: str | None,
    baseline: str | None,
) -> bool:
    """Check and write each file's findings in turn; True when one fails ``fail-on``."""
    accepted = read_baseline(baseline) if baseline else None
    sign = signature(settings.check)
    failed, dropped = False, 0
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(atomic_output(output)) if output else sys.stdout
        for file_report in iter_check_files(files, settings.check, jobs=jobs):
            report = Report((file_report,), sign)
            if accepted is not None:
                report, hidden = apply_baseline(report, accepted)
                dropped += hidden
            sink.write(render(report, output_format, settings.show_cleaning))
            sink.flush()
            failed = failed or report.fails(settings.fail_on)
    if dropped:
        _warn(f"{_plural(dropped, 'finding')} in the baseline not shown", "note")
    return failed


def _hint_pairs(report: Report) -> None:
    """Say so when the files look like a translation given as two bulletins: one all
    Chinese, another all English. Checked one by one they say nothing of each other."""
    chinese = [f for f in report.files if f.source is None and not f.notes and _only_chinese(f)]
    english = [f for f in report.files if f.source is None and NO_CHINESE in f.notes]
    if chinese and english:
        zh, en = chinese[0].document.path, english[0].document.path
        _warn(
            f"{zh} holds only Chinese and {en} only English; if one translates the other, "
            f"check them as a pair: bitext check --pair {zh} {en}"
        )


def _only_chinese(report: FileReport) -> bool:
    return bool(report.spans) and all(span.lang != "en" for span in report.spans)


def _check_files(files: list[Job], config: CheckConfig, jobs: int) -> Report:
    """Check ``files``, with a progress bar on stderr when it is a terminal and the run is
    long; never on a pipe or in a CI log, where it would only be noise."""
    console = Console(stderr=True)
    if len(files) < PROGRESS_MIN_FILES or not console.is_terminal:
        return check_files(files, config, jobs=jobs)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    # No refresh thread (auto_refresh off): worker processes may be forked meanwhile.
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("checking", total=len(files))

        def advance(_report: FileReport) -> None:
            progress.advance(task)
            progress.refresh()

        return check_files(files, config, jobs=jobs, on_file=advance)


def _write_baseline(report: Report, path: Path) -> None:
    _atomic_write(path, baseline_json(report, path.parent))
    findings = _plural(sum(len(f.findings) for f in report.files), "finding")
    files = _plural(sum(1 for f in report.files if f.findings), "file")
    _warn(f"wrote {findings} in {files} to {path}", "note")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _warn(message: str, kind: str = "warning") -> None:
    click.echo(f"bitext: {kind}: {message}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=_ExportFormats(),
    default="tsv",
    show_default=True,
    help="beads: [0,1]:[0] a line; tsv; json; tmx (TMX 1.4b); xliff (XLIFF 1.2).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@click.option(
    "--split",
    type=click.Choice(SPLIT_MODES),
    default="auto",
    show_default=True,
    help="Two files: a sentence a line (lines), split lines into sentences, or decide (auto).",
)
@click.option("--no-notes", is_flag=True, help="Two files: do not compare figures per pair.")
@one_line_errors
def align(
    files: tuple[str, ...], output_format: str, output: str | None, split: str, no_notes: bool
) -> None:
    """Pair Chinese with English and export the pairs.

    One FILE: a mixed bulletin, paired as `bitext check` pairs it. Two FILES: a
    Chinese file and its English translation, aligned sentence by sentence.
    Figure findings go along as notes.

    \b
    Examples:
      bitext align bulletin.txt
      bitext align report.zh.txt report.en.txt --format tmx -o report.tmx

    \b
    Exit codes:
      0  the pairs were written
      2  usage error, unreadable or undecodable input, internal error
    """
    from bitext.align.files import align_documents
    from bitext.export import ExportInfo, export
    from bitext.export.sources import (
        alignment_signature,
        units_from_alignment,
        units_from_report,
    )

    if len(files) == 1:
        report = check_document(read_document(files[0]))
        units = units_from_report(report)
        info = ExportInfo(files[0], files[0], __version__, signature())
    elif len(files) == 2:
        alignment = align_documents(read_document(files[0]), read_document(files[1]), split)
        units = units_from_alignment(alignment, with_notes=not no_notes)
        info = ExportInfo(
            files[0], files[1], __version__, alignment_signature(split, with_notes=not no_notes)
        )
    else:
        raise InputError("give one mixed bulletin, or a Chinese file and its English file")
    _write(export(units, output_format, info), output)


@main.command("rules")
@click.argument("rule", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text: the rules and their examples in columns, or RULE explained; "
    "json: a list of objects, or RULE's object.",
)
@one_line_errors
def rules_command(rule: str | None, output_format: str) -> None:
    """List the rules with their examples, or explain one.

    RULE is a rule id as findings name it; a cleaning rule may go by its cleaning name
    (hard-wraps for clean-hard-wraps).

    \b
    Examples:
      bitext rules
      bitext rules figure-scale
      bitext rules --format json

    \b
    Exit codes:
      0  the rules were listed
      2  unknown RULE, usage error
    """
    # As wide as the terminal (or COLUMNS), severities in their colours on a terminal.
    console = Console()
    colour = console.is_terminal and console.color_system and not console.no_color
    mark = terminal.severity_ansi if colour else None
    width = console.width
    if rule is not None:
        info = find_rule(rule)
        json_text = json.dumps(rule_json(info), ensure_ascii=False, indent=2) + "\n"
        text = rule_text(info, min(width, 88), mark, wrap.wrap)
        _write(json_text if output_format == "json" else text, None)
        return
    rules = all_rules()
    text = rules_text(rules, width, mark, wrap.wrap)
    _write(rules_json(rules) if output_format == "json" else text, None)


@main.command("clean")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="PATH...")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    metavar="PATH",
    help="Write to FILE; a directory's cleaned files go under DIR, in the same tree.",
)
@click.option(
    "--in-place",
    is_flag=True,
    help="Rewrite each file that needs cleaning, atomically, in its own encoding.",
)
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if a file needs cleaning.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the changes as a unified diff.")
@click.option("--explain", is_flag=True, help="List each fix with its line:column and rule.")
@list_option("--enable", "RULE", "Also run RULE (e.g. traditional)")
@list_option(
    "--disable", "RULE", "Do not run RULE (hard-wraps, or clean-hard-wraps as check names it)"
)
@list_option(
    "--include", "GLOB", "Files a directory walk picks up", default=", ".join(CLEAN_INCLUDE)
)
@list_option("--exclude", "GLOB", "Skip files and directories")
@one_line_errors
def clean_command(
    paths: tuple[str, ...],
    output: str | None,
    in_place: bool,
    check_only: bool,
    show_diff: bool,
    explain: bool,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
) -> None:
    """Repair damaged text; input files change only with --in-place.

    Writes the cleaned text (UTF-8) of FILE, or of - (standard input), to stdout or
    -o FILE. A directory is walked as `bitext check` walks it: -o DIR writes its
    cleaned files under DIR, --in-place rewrites the ones that need it. --check,
    --diff and --explain report instead of writing, and take several paths.

    \b
    Examples:
      bitext clean bulletin.txt -o bulletin.clean.txt
      bitext clean --diff bulletin.txt
      bitext clean --check --disable hard-wraps,repeats bulletins/
      bitext clean --in-place --enable traditional bulletins/

    \b
    Exit codes:
      0  cleaned; with --check, no file needs cleaning
      1  with --check, a file needs cleaning
      2  usage error, unreadable or undecodable input, internal error
    """
    rule_names = resolve_rules(enable, disable)
    reporting = check_only or show_diff or explain
    if output and reporting:
        raise InputError(
            "-o writes the cleaned text; it does not go with --check, --diff or --explain"
        )
    if in_place and (output or reporting):
        raise InputError(
            "--in-place rewrites the files; it does not go with -o, --check, --diff or --explain"
        )
    if STDIN in paths:
        if len(paths) > 1:
            raise InputError("- (standard input) goes alone, without other paths")
        if in_place:
            raise InputError("--in-place rewrites files; standard input is not one")
        document = _read_stdin()
        if not reporting:
            _write(clean(document.text, rule_names).text, output)
            return
        dirty = _report_document(document, rule_names, check_only, show_diff, explain)
        sys.exit(1 if check_only and dirty else 0)
    trees = [path for path in paths if os.path.isdir(path)]
    if not reporting and not in_place:
        if trees and output is None:
            raise InputError(
                f"{trees[0]}: is a directory; give -o DIR to write its cleaned files there, "
                "or --in-place to rewrite them"
            )
        if len(paths) > 1:
            raise InputError(
                "give one FILE or directory to clean "
                "(--in-place, --check, --diff and --explain take several)"
            )
        if trees and output is not None:
            sys.exit(_clean_tree(Path(paths[0]), Path(output), rule_names, include, exclude))
        document = read_document(paths[0])
        _refuse_overwrite(paths[0], output)
        _write(clean(document.text, rule_names).text, output)
        return
    files = collect_files(paths, include or CLEAN_INCLUDE, exclude, on_skip=_warn)
    if in_place:
        sys.exit(_clean_in_place(files, rule_names))
    sys.exit(_report_files(files, rule_names, check_only, show_diff, explain))


def _report_files(
    files: list[Path], rule_names: tuple[str, ...], check_only: bool, show_diff: bool, explain: bool
) -> int:
    """Report on each file; a file that cannot be read is one error line and the rest go
    on (exit 2 at the end), as ruff does. The exit code."""
    dirty = failed = False
    for path in files:
        try:
            document = read_document(path)
        except BitextError as exc:
            _error(str(exc))
            failed = True
            continue
        dirty = _report_document(document, rule_names, check_only, show_diff, explain) or dirty
    return 2 if failed else 1 if check_only and dirty else 0


def _report_document(
    document: Document,
    rule_names: tuple[str, ...],
    check_only: bool,
    show_diff: bool,
    explain: bool,
) -> bool:
    """Say what cleaning would change in ``document``; True when it would change anything."""
    cleaned = clean(document.text, rule_names)
    path = document.path or STDIN_NAME
    _report_cleaning(path, document.text, cleaned, check_only, show_diff, explain)
    return bool(cleaned.fixes)


def _clean_tree(
    root: Path,
    out: Path,
    rule_names: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
) -> int:
    """Clean every file under ``root`` into the same place under ``out`` (UTF-8, as
    ``-o FILE`` writes); files under ``out`` itself (an earlier run's) are not read. A
    file that fails is one error line and the rest go on. The exit code."""
    if os.path.realpath(out) == os.path.realpath(root):
        raise InputError(f"{root}: -o would overwrite the input; use --in-place to rewrite it")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a directory; -o takes a directory when cleaning one")
    inside_out = os.path.join(os.path.realpath(out), "")
    files = [
        path
        for path in collect_files([root], include or CLEAN_INCLUDE, exclude, on_skip=_warn)
        if not os.path.realpath(path).startswith(inside_out)
    ]
    from bitext.clean.report import summary

    changed = written = 0
    failed = False
    for path in files:
        target = out / path.relative_to(root)
        try:
            text, _, _ = _read_text(path)
            cleaned = clean(text, rule_names)
            _refuse_overwrite(str(path), str(target))
            _make_directory(target.parent)
            write_atomic(target, cleaned.text)
        except BitextError as exc:
            _error(str(exc))
            failed = True
            continue
        written += 1
        if cleaned.text != text:
            changed += 1
            click.echo(f"cleaned {path}: {summary(cleaned)}")
    click.echo(
        f"wrote {_plural(written, 'file')} to {out}: {changed} cleaned, "
        f"{written - changed} already clean"
    )
    return 2 if failed else 0


def _clean_in_place(files: list[Path], rule_names: tuple[str, ...]) -> int:
    """Rewrite each file that cleaning changes, atomically and in the encoding it was read
    in (a BOM kept); a clean file is not touched (its bytes and time stay). A file that
    fails is one error line and the rest go on. The exit code."""
    from bitext.clean.report import summary

    changed = unchanged = 0
    failed = False
    for path in files:
        try:
            text, encoding, data = _read_text(path)
            cleaned = clean(text, rule_names)
            if cleaned.text == text:
                unchanged += 1
                continue
            encoded = _encode_like(cleaned.text, encoding, data, path)
            write_atomic_bytes(os.path.realpath(path), encoded)  # a link stays a link
        except BitextError as exc:
            _error(str(exc))
            failed = True
            continue
        changed += 1
        click.echo(f"cleaned {path}: {summary(cleaned)}")
    click.echo(f"{_plural(changed, 'file')} cleaned, {unchanged} already clean")
    return 2 if failed else 0


NOT_REWRITTEN = (".docx", ".html", ".htm", ".xlf", ".xliff", ".tmx", ".po")
"""Files bitext reads for their text but does not rewrite: their markup is not text to
clean, and a Word document is not text at all."""


def _read_text(path: Path) -> tuple[str, str, bytes]:
    """A plain text file's text, its encoding and its bytes, to be rewritten (``-o DIR``,
    ``--in-place``); a Word document, an HTML page or a CAT file is refused."""
    if path.suffix.lower() in NOT_REWRITTEN:
        raise InputError(
            f"{path}: not a plain text file; -o DIR and --in-place rewrite plain text only"
        )
    data = read_bytes(path)
    text, encoding = decode(data, str(path))
    return text, encoding, data


def _encode_like(text: str, encoding: str, original: bytes, path: Path) -> bytes:
    """``text`` in the encoding ``original`` was read in, with its BOM in its byte order.

    >>> _encode_like("万", "utf-16", codecs.BOM_UTF16_BE + "x".encode("utf-16-be"), Path("a"))
    b'\\xfe\\xffN\\x07'
    """
    if encoding in ("utf-16", "utf-32"):  # read after a BOM: the same BOM, the same order
        bom = codecs.BOM_UTF16_LE if encoding == "utf-16" else codecs.BOM_UTF32_LE
        encoding += "-le" if original.startswith(bom) else "-be"
        text = "\ufeff" + text
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line = exc.object.count("\n", 0, exc.start) + 1
        raise InputError(
            f"{path}: the cleaned text has {char} (U+{ord(char):04X}, line {line}), which "
            f"{encoding} cannot hold; write UTF-8 with -o DIR instead"
        ) from exc


def _make_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{directory}: cannot create directory: {exc.strerror or exc}") from exc


def _error(message: str) -> None:
    """One error line for a file that failed, when the others go on."""
    click.echo(f"bitext: error: {message}", err=True)


def _report_cleaning(
    path: str, text: str, cleaned: Cleaned, check_only: bool, show_diff: bool, explain: bool
) -> None:
    from bitext.clean.report import explain as explain_fixes
    from bitext.clean.report import summary, unified_diff

    if check_only:
        verdict = f"would clean {path}: {summary(cleaned)}" if cleaned.fixes else f"{path}: clean"
        click.echo(verdict)
    if explain:
        for line in explain_fixes(cleaned, text):
            click.echo(f"{path}:{line}")
    if show_diff:
        click.echo(unified_diff(text, cleaned.text, path), nl=False)


def _refuse_overwrite(path: str, output: str | None) -> None:
    if output and Path(output).resolve() == Path(path).resolve():
        raise InputError(f"{path}: -o would overwrite the input; write the cleaned text elsewhere")


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    _atomic_write(Path(output), text)


def _atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file so a reader never sees half a report, and a failed
    write (even an encoding error or Ctrl-C) leaves the old file and no temporary one."""
    write_atomic(path, text)


from bitext.cli.review import review  # noqa: E402  (Textual is imported when it runs)

main.add_command(review)

from bitext.cli.filter import filter_command  # noqa: E402

main.add_command(filter_command)

if __name__ == "__main__":  # pragma: no cover
    main()
