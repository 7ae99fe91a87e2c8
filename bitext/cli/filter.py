"""``bitext filter``: a verdict on the figures of every pair of a parallel corpus.

The library does the work (:mod:`bitext.corpus`); this command picks the executor
(this process, ``--jobs`` local processes, or a Dask cluster with ``--scheduler``),
opens the output and turns what went wrong into exit codes. It exits 0 when the corpus
was read to the end, whatever the verdicts, as a filter does (what it throws away is
the point of running it); 2 for a usage error, input it cannot read, a bad line under
``--on-bad-line error``, or a chunk that failed (its line range is on standard error,
and the rest of the corpus was still written).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

import click

from bitext.cli.options import comma_lists, config_options, one_line_errors, where_to_run
from bitext.corpus import (
    BAD_LINE_MODES,
    DEFAULT_CHUNK_SIZE,
    INPUT_FORMATS,
    OUTPUT_FORMATS,
    VERDICTS,
)
from bitext.model import InputError, did_you_mean

if TYPE_CHECKING:
    from concurrent.futures import Executor

NEEDS_DASK = "--scheduler needs bitext's Dask support (bitext.corpus.dask_cluster)"


@click.command("filter")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(), metavar="INPUT [INPUT2]")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    help="tsv (zh<TAB>en), moses (two line-aligned files) or jsonl (zh and en fields).  "
    "[default: from the names]",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="tsv",
    show_default=True,
    help="tsv (line, verdict, rule, zh, en) or jsonl (with the figures).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@click.option(
    "--keep",
    multiple=True,
    metavar="VERDICT",
    callback=comma_lists,
    help="Write only pairs with these verdicts (agree, disagree, no-figures, "
    "unverifiable); repeatable, or a comma-separated list.  [default: all]",
)
@click.option(
    "--on-bad-line",
    type=click.Choice(BAD_LINE_MODES),
    default="skip",
    show_default=True,
    help="A line that is not a pair (wrong column count, invalid UTF-8, bad JSON) is "
    "reported and skipped, or stops the run.",
)
@where_to_run("Judge")
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=DEFAULT_CHUNK_SIZE,
    show_default=True,
    metavar="N",
    help="Lines per task (the output does not depend on it).",
)
@config_options
@one_line_errors
def filter_command(
    inputs: tuple[str, ...],
    input_format: str | None,
    output_format: str,
    output: str | None,
    keep: tuple[str, ...],
    on_bad_line: str,
    jobs: int | None,
    scheduler: str | None,
    chunk_size: int,
    config_file: str | None,
    isolated: bool,
) -> None:
    """Filter a parallel corpus by whether each pair's figures agree.

    INPUT is a TSV file (Chinese, a tab, English), a JSONL file (zh and en fields) or -
    for standard input; two files INPUT INPUT2 are line-aligned Chinese and English
    (Moses). Any of them may be compressed (gzip, bz2, xz). Each pair gets a verdict:
    agree, disagree (a figure error or a lost figure), no-figures, or unverifiable; the
    pairs are written in input order with their line numbers. Settings come from
    bitext.toml as for bitext check.

    \b
    Examples:
      bitext filter corpus.tsv.gz --keep agree,no-figures -o clean.tsv
      bitext filter corpus.zh corpus.en --format jsonl --keep disagree
      bitext filter wmt.jsonl.xz --jobs 8 --on-bad-line error
      xzcat corpus.tsv.xz | bitext filter - --keep disagree

    \b
    Exit codes:
      0  the corpus was read to the end (whatever the verdicts)
      2  usage error, unreadable input, a bad line with --on-bad-line error, a failed chunk
    """
    from bitext.check.batch import default_jobs  # the check, only when the command runs
    from bitext.cli.config import Overrides, load_settings
    from bitext.corpus.chunks import FilterSettings
    from bitext.corpus.read import read_pairs
    from bitext.corpus.run import filter_corpus

    kept = _verdicts(keep)
    if scheduler and jobs:
        raise click.UsageError("--jobs is for local processes; the cluster has its own workers")
    if len(inputs) > 2:
        raise click.UsageError("give one corpus file, or two line-aligned files")
    settings = load_settings(Overrides(), config_file, isolated)
    records = read_pairs(inputs, input_format)
    run = FilterSettings(settings.check, output_format, kept)
    with _executor(scheduler, jobs or default_jobs()) as executor, _sink(output) as sink:
        summary = filter_corpus(records, sink, run, executor, chunk_size, on_bad_line)
    click.echo(f"bitext: note: {summary.text()}", err=True)
    sys.exit(2 if summary.failed else 0)


def _verdicts(keep: tuple[str, ...]) -> frozenset[str]:
    for name in keep:
        if name not in VERDICTS:
            hint = did_you_mean(name, VERDICTS, f" (one of {', '.join(VERDICTS)})")
            raise click.UsageError(f"--keep: unknown verdict {name!r}{hint}")
    return frozenset(keep or VERDICTS)


@contextlib.contextmanager
def _executor(scheduler: str | None, jobs: int) -> Iterator[Executor | None]:
    """The executor the chunks go to: a Dask cluster's, local processes, or none (this
    process) for one job."""
    if scheduler:
        try:
            from bitext.corpus.dask_cluster import dask_executor
        except ImportError:
            raise InputError(NEEDS_DASK) from None
        with dask_executor(scheduler) as executor:
            yield executor
        return
    if jobs <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    from bitext.corpus.chunks import start_worker

    with ProcessPoolExecutor(jobs, initializer=start_worker) as pool:
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


@contextlib.contextmanager
def _sink(output: str | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    from bitext.atomic import atomic_output

    with atomic_output(output) as file:
        yield file
