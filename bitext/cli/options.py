"""What every ``bitext`` command shares: one-line errors, list options, the
configuration options.

Each command maps the library's :class:`~bitext.model.BitextError` to one line on
standard error and exit code 2, as ruff does, through :func:`one_line_errors`; an
unexpected exception is an internal error, still one line (``BITEXT_DEBUG=1`` shows the
traceback).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from bitext.model import BitextError

F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(command: F) -> F:
    """Turn library errors into one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BitextError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted")
        except BrokenPipeError:  # `bitext … | head`: the reader left; stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as exc:  # an internal error must not become a traceback
            if os.environ.get("BITEXT_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc}")

    return wrapper  # type: ignore[return-value]


def fail(message: str) -> None:
    """Say ``message`` as bitext's one-line error and exit 2."""
    click.echo(f"bitext: error: {message}", err=True)
    sys.exit(2)


def comma_lists(
    _context: click.Context, _option: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """A repeatable option's values, each of which may be a list, as ruff takes them:
    ``--disable a,b --disable c`` is ``a``, ``b``, ``c``; empty items are dropped."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


LIST = "; repeatable, or a comma-separated list"
"""The end of a list option's help."""


def list_option(name: str, metavar: str, help: str, default: str = "") -> Callable[[F], F]:
    """A repeatable option that also takes a comma-separated list (:func:`comma_lists`),
    its help ending with :data:`LIST` and the default, if any."""
    shown = f"  [default: {default}]" if default else ""
    return click.option(
        name, multiple=True, metavar=metavar, callback=comma_lists, help=f"{help}{LIST}.{shown}"
    )


def config_options(command: F) -> F:
    """``--config FILE`` and ``--isolated``, which say where settings come from."""
    command = click.option("--isolated", is_flag=True, help="Read no configuration file.")(command)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        help="Read settings from FILE (bitext.toml, or pyproject.toml's [tool.bitext]).",
    )(command)


def where_to_run(verb: str) -> Callable[[F], F]:
    """``-j/--jobs N`` and ``--scheduler ADDRESS``: local processes or a Dask cluster, for
    a command that does its work (``verb``: Check, Judge) in parallel."""

    def decorate(command: F) -> F:
        command = click.option(
            "--scheduler",
            metavar="ADDRESS",
            help=f"{verb} on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786) "
            "instead of local processes; needs bitext[dask] here and on the workers.",
        )(command)
        return click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            metavar="N",
            help=f"{verb} with N local processes.  [default: all cores]",
        )(command)

    return decorate
