"""The ``bitext`` command (:mod:`bitext.cli.commands`), its configuration files
(:mod:`bitext.cli.config`) and its atomic output files (:mod:`bitext.cli.atomic`)."""

from bitext.cli.commands import main

__all__ = ["main"]
