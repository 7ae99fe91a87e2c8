"""Rendering a :class:`~bitext.model.Report` for people and for tools.

Each format is a pure function ``render(report) -> str`` in a module of its own, and
:data:`FORMATS` maps the names ``bitext check --format`` accepts to them:

- ``rich``: the report for people; as a string this is its plain-text form (what a pipe
  or ``-o FILE`` receives; on a terminal the CLI prints it in colour instead);
- ``json``: the JSON report, version 1, the contract CI scripts rely on;
- ``jsonl``: one finding a line, for streaming;
- ``sarif``: SARIF 2.1.0 for code-scanning services;
- ``github``: GitHub Actions workflow commands, one annotation per finding;
- ``html``: a self-contained page for reviewers.

The CI formats (:data:`SHOWS_CLEANING_ON_REQUEST`: GitHub annotations and SARIF) leave
out cleaning notices unless ``render(…, show_cleaning=True)``: what bitext repaired is
not a problem of the translation (:mod:`bitext.report.cleaning`). The others keep them.

>>> from bitext.model import Report
>>> render(Report((), "bitext:0.1.0"), "jsonl")
''
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from bitext.model import BitextError, Report

Renderer = Callable[[Report], str]


class _Lazy(Mapping[str, Any]):
    """Format name → the ``render`` of its module, imported when first asked for: a
    run writes one format, and the HTML page alone costs a tenth of a cold start."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> Any:
        module, _, function = self._modules[name].partition(":")
        return getattr(importlib.import_module(f"bitext.report.{module}"), function)

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


FORMATS: Mapping[str, Renderer] = _Lazy(
    {
        "rich": "terminal:render_plain",
        "json": "json_report:render",
        "jsonl": "jsonl:render",
        "sarif": "sarif:render",
        "github": "github:render",
        "html": "html_report:render",
    }
)
"""Format name → renderer, in the order ``--help`` lists them."""


SHOWS_CLEANING_ON_REQUEST: Mapping[str, Callable[[Report, bool], str]] = _Lazy(
    {"sarif": "sarif:render", "github": "github:render"}
)
"""The CI formats, which leave out cleaning notices unless asked to show them."""


def render(report: Report, fmt: str, show_cleaning: bool = False) -> str:
    """``report`` in format ``fmt`` (a key of :data:`FORMATS`); a CI format
    (:data:`SHOWS_CLEANING_ON_REQUEST`) has its cleaning notices only when
    ``show_cleaning``."""
    renderer = FORMATS.get(fmt)
    if renderer is None:
        raise BitextError(f"unknown report format {fmt!r} (use one of: {', '.join(FORMATS)})")
    ci_renderer = SHOWS_CLEANING_ON_REQUEST.get(fmt)
    if ci_renderer is not None:
        return ci_renderer(report, show_cleaning)
    return renderer(report)


__all__ = ["FORMATS", "SHOWS_CLEANING_ON_REQUEST", "Renderer", "render"]
