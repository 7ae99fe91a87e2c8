"""``bitext review``: the interactive review of one file's findings in the terminal.

The review itself is :mod:`bitext.review`; this is the click command that reads the
file as ``bitext check`` does, with the same settings, and starts the Textual
application. Textual is imported here only when the command runs, so ``bitext check``
never loads it, and a bitext installed without the ``review`` extra says how to get it.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from bitext.cli.config import Overrides, load_settings
from bitext.cli.options import config_options, one_line_errors
from bitext.model import BitextError, InputError
from bitext.review import ACCEPT_MODES, DEFAULT_BASELINE, review_file

NEEDS_TEXTUAL = "bitext review needs Textual: pip install 'bitext[review]'"


@click.command(
    "review",
    short_help="Step through a file's findings: fix, edit or accept each, then save.",
)
@click.argument("file", required=False, type=click.Path())
@click.option(
    "--pair",
    nargs=2,
    type=click.Path(),
    metavar="ZH EN",
    help="Review the English file EN checked against its Chinese source ZH (EN is edited).",
)
@click.option(
    "--accept-to",
    type=click.Choice(ACCEPT_MODES),
    default="inline",
    show_default=True,
    help="Where a (accept) puts a finding: an ignore comment before its paragraph, or "
    "the baseline file.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="The baseline file: the findings it records are not shown, accepted ones are "
    f"added to it.  [default: {DEFAULT_BASELINE} beside the file]",
)
@config_options
@one_line_errors
def review(
    file: str | None,
    pair: tuple[str, str] | None,
    accept_to: str,
    baseline: str | None,
    config_file: str | None,
    isolated: bool,
) -> None:
    """Step through a file's findings: fix, edit or accept each, then save.

    The review runs in the terminal. FILE is a bulletin (text or Markdown); a translation
    goes with --pair ZH EN, and its English file is the one edited. The pair is shown
    side by side with its figures marked. Keys: n/p next and previous, f apply the
    suggested fix, e edit the English figure, a accept (i inline, b to the baseline),
    u undo, d diff, s save, q quit (asks before leaving unsaved changes). Nothing is
    written before s, and then atomically. Settings come from bitext.toml as for
    bitext check.

    \b
    Examples:
      bitext review bulletin.txt
      bitext review --pair report.zh.txt report.en.txt
      bitext review bulletin.md --accept-to baseline

    \b
    Exit codes:
      0  the review ended (saved or not), or there was nothing to review
      2  usage error, unreadable or unsupported input, no Textual, internal error
    """
    if (file is None) == (pair is None):
        raise click.UsageError("give one FILE to review, or --pair ZH EN")
    try:
        import textual  # noqa: F401  (only to say it is missing, before any work)
    except ImportError:
        raise BitextError(NEEDS_TEXTUAL) from None
    settings = load_settings(Overrides(), config_file, isolated)
    path, source = (pair[1], pair[0]) if pair is not None else (file, None)
    assert path is not None
    session = review_file(
        path,
        source,
        config=settings.check,
        accept_to=accept_to,
        baseline=baseline,
        show_cleaning=settings.show_cleaning,
    )
    if not len(session):
        click.echo(f"bitext: note: {path}: no findings to review", err=True)
        return
    if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)):
        raise InputError("bitext review needs a terminal (for a report, use bitext check)")
    from bitext.review.app import ReviewApp  # Textual, only now

    ReviewApp(session).run()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
