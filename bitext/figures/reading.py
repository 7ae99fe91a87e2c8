"""What the Chinese and English readers share: a reader is a registry entry, and readers
take turns in the order of their registry.

Each language lists its readers in precedence order (:data:`bitext.figures.zh.READERS`,
:data:`bitext.figures.en.READERS`). They read the same text one after the other, and
each reads only where no reader before it took the text: where two readers would read
overlapping figures, the one listed first wins. Three sorts of reader:

* :func:`whole` forms, read whole by a pattern (下午 3 时 30 分, "October 1"): each
  figure found is kept when it overlaps nothing taken before it;
* :func:`nothing` but text that holds no figure (一些, "one of", telephone numbers): it
  takes its matches, so that no reader after it reads a figure there;
* the plain numbers, last: a reader of its own, which skips what was taken.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import NamedTuple

import regex

from bitext.figures.values import Occupied
from bitext.model import Figure

Read = Callable[[str, Occupied], list[Figure]]
"""Figures in a text outside the spans taken so far; marks the spans it takes."""


class Reader(NamedTuple):
    """One entry of a language's registry of readers."""

    name: str
    read: Read
    about: str


def whole(find: Callable[[str], Iterable[Figure]]) -> Read:
    """A reader of forms read whole: keeps each figure ``find`` finds that overlaps nothing
    taken, in the order found, and takes its span."""

    @functools.wraps(find)
    def read(text: str, taken: Occupied) -> list[Figure]:
        kept = []
        for figure in find(text):
            if not taken.overlaps(figure.start, figure.end):
                kept.append(figure)
                taken.add(figure.start, figure.end)
        return kept

    return read


def nothing(pattern: regex.Pattern[str]) -> Read:
    """A reader of text that holds no figure: it takes every match of ``pattern``."""

    def read(text: str, taken: Occupied) -> list[Figure]:
        for match in pattern.finditer(text):
            taken.add(*match.span())
        return []

    read.__doc__ = f"Takes the matches of {pattern.pattern[:60]!r}…"
    return read


def read_in_turn(
    text: str, readers: Iterable[Reader], taken: Occupied | None = None
) -> list[tuple[str, Figure]]:
    """Every figure the ``readers`` read in ``text``, each with the name of its reader,
    sorted by position (figures at one position in reader order)."""
    taken = Occupied() if taken is None else taken
    found = [(reader.name, f) for reader in readers for f in reader.read(text, taken)]
    return sorted(found, key=lambda named: named[1].start)
