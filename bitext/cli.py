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

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from bitext import __version__
from bitext.check import CheckConfig, check_paths
from bitext.model import BitextError
from bitext.report import json_report, terminal

FORMATS = ("rich", "json")
F = TypeVar("F", bound=Callable[..., Any])


def _one_line_errors(command: F) -> F:
    """Turn library errors into one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BitextError as exc:
            _fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            _fail("interrupted")
        except Exception as exc:  # an internal error must not become a traceback
            if os.environ.get("BITEXT_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc}")

    return wrapper  # type: ignore[return-value]


def _fail(message: str) -> None:
    click.echo(f"bitext: error: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bitext")
def main() -> None:
    """Check Chinese→English translations of official bulletins."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="rich",
    show_default=True,
    help="Report format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "never")),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@_one_line_errors
def check(paths: tuple[str, ...], output_format: str, output: str | None, fail_on: str) -> None:
    """Check bulletins (files or directories of .txt/.md) and report figure errors."""
    report = check_paths(paths, CheckConfig())
    if output_format == "json":
        _write(json_report.render(report), output)
    else:
        _write_rich(report, output)
    sys.exit(1 if report.fails(fail_on) else 0)


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    _atomic_write(Path(output), text)


def _write_rich(report: Any, output: str | None) -> None:
    if output is None:
        terminal.render(report, Console(highlight=False))
        return
    with open(output, "w", encoding="utf-8") as handle:
        terminal.render(report, Console(file=handle, highlight=False, width=100))


def _atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file so a reader never sees half a report."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BitextError(f"{path}: cannot write: {exc.strerror or exc}") from exc


if __name__ == "__main__":  # pragma: no cover
    main()
