"""The ``bitext`` command (:mod:`bitext.cli.commands`) and its configuration files
(:mod:`bitext.cli.config`)."""

from bitext.cli.commands import main

__all__ = ["main"]
