"""Findings as the checker builds them, and as a reader gets them.

The judge works on the cleaned view of a file, whose offsets are not the file's. A
:class:`Draft` is a finding whose message still refers to that view by offset: what it
quotes is a :class:`Quote`, not a string. Once the pipeline has mapped offsets back to
the file (:func:`relocate`), :func:`render` writes each message from the text as the
user has it, so a message always quotes the user's own characters.

>>> text = "投入 6 家"
>>> figure = Figure(3, 4, "6", "zh", Decimal(6), Kind.COUNT)
>>> draft = Draft("figure-missing", say(around(figure), ": 6 has no counterpart"), zh=figure)
>>> render(draft, text, Severity.WARNING).message
'“投入 6 家”: 6 has no counterpart'
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal  # noqa: F401 (doctest)
from typing import NamedTuple

import regex

from bitext.model import Figure, Finding, Kind, Severity  # noqa: F401 (Kind: doctest)

_SPACES = regex.compile(r"\s+")


class Quote(NamedTuple):
    """Characters of the text a message quotes, by offset."""

    start: int
    end: int
    around: bool = False
    """With a few characters on each side: “选派 6 名教师” for the 6."""
    limit: int | None = None
    """Shortened to this many characters, with an ellipsis."""


Part = str | Quote


class Draft(NamedTuple):
    """A finding whose message is still parts: text, and quotes by offset."""

    rule: str
    message: tuple[Part, ...]
    pair: int | None = None
    zh: Figure | None = None
    en: Figure | None = None
    where: tuple[int, int] | None = None
    suggestion: str | None = None


def say(*parts: str | Figure | Quote) -> tuple[Part, ...]:
    """A message of text and quotes; a figure stands for a quote of its characters."""
    return tuple(Quote(p.start, p.end) if isinstance(p, Figure) else p for p in parts)


def around(figure: Figure) -> Quote:
    """A quote of ``figure`` with a few characters of the text around it."""
    return Quote(figure.start, figure.end, around=True)


Mapping = Callable[[int, int], tuple[int, int]]
"""(start, end) in one text → (start, end) in another."""


def relocate(draft: Draft, span: Mapping, figure: Callable[[Figure], Figure]) -> Draft:
    """``draft`` with its offsets mapped by ``span`` and its figures by ``figure``."""
    return draft._replace(
        message=tuple(_moved(part, span) for part in draft.message),
        zh=draft.zh and figure(draft.zh),
        en=draft.en and figure(draft.en),
        where=draft.where and span(*draft.where),
    )


def _moved(part: Part, span: Mapping) -> Part:
    if isinstance(part, str):
        return part
    start, end = span(part.start, part.end)
    return part._replace(start=start, end=end)


def render(draft: Draft, text: str, severity: Severity) -> Finding:
    """The finding ``draft`` says, its quotes read from ``text``."""
    message = "".join(p if isinstance(p, str) else _quoted(p, text) for p in draft.message)
    return Finding(
        draft.rule,
        severity,
        message,
        draft.pair,
        draft.zh,
        draft.en,
        draft.where,
        draft.suggestion,
    )


def _quoted(quote: Quote, text: str) -> str:
    if quote.around:
        start, end = max(quote.start - 3, 0), min(quote.end + 2, len(text))
        snippet = _SPACES.sub(" ", text[start:end]).strip(" ，,。、；;：:")
        return f"“{snippet}”"
    quoted = text[quote.start : quote.end]
    if quote.limit is not None and len(quoted) > quote.limit:
        quoted = quoted[: quote.limit - 1] + "…"
    return f"“{quoted}”"
