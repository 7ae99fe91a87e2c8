"""Figures: numbers as values with a scale, a unit and a kind, on both sides.

``extract(text, "zh")`` and ``extract(text, "en")`` read the figures of a span;
:func:`match_figures` (:mod:`bitext.figures.compare`) matches them across a pair, and
:func:`reference_date` finds the date a story is told from. Each language reads with a
registry of readers in precedence order (:data:`READERS`); :func:`readings` says which
reader read each figure. Units are :mod:`bitext.figures.units`.

>>> [str(f.value) for f in extract("投入 387.75 万元", "zh")]
['3877500']
>>> [str(f.value) for f in extract("3,877.5 million yuan", "en")]
['3877500000']
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from bitext.figures import en, names, zh
from bitext.figures.compare import FigureMatch, match_figures
from bitext.figures.dates import reference_date
from bitext.figures.reading import Reader
from bitext.model import Figure, Kind

_BRACKET = regex.compile(r"[(（]")
_GLOSS_OPEN = regex.compile(r"\s*[(（]\s*$")
_GLOSS_CLOSE = regex.compile(r"\s*[)）]")
READERS: dict[str, tuple[Reader, ...]] = {"zh": zh.READERS, "en": en.READERS}
_EXTRACT: dict[str, Callable[[str, int], list[Figure]]] = {"zh": zh.extract, "en": en.extract}
_READINGS: dict[str, Callable[[str, int], list[tuple[str, Figure]]]] = {
    "zh": zh.readings,
    "en": en.readings,
}


def extract(text: str, lang: str, base: int = 0) -> list[Figure]:
    """Figures of ``text`` in language ``lang`` (zh or en); none for other text. Names and
    codes are read as :mod:`bitext.figures.names` says."""
    read = _EXTRACT.get(lang)
    if read is None:
        return []
    return _explanations_softened(names.apply(read(text, base), text, lang, base), text, base)


def readings(text: str, lang: str, base: int = 0) -> list[tuple[str, Figure]]:
    """The figures of :func:`extract`, each with the name of the reader that read it (a
    name or code that :mod:`bitext.figures.names` added is read by ``name`` or ``code``).

    >>> [(name, f.text) for name, f in readings("下午3时30分，投入387.75万元，增长一半", "zh")]
    [('clock', '下午3时30分'), ('number', '387.75万元'), ('half', '一半')]
    """
    read = _READINGS.get(lang)
    if read is None:
        return []
    found = read(text, base)
    reader_of = {(f.start, f.end): name for name, f in found}
    figures = _explanations_softened(
        names.apply([f for _, f in found], text, lang, base), text, base
    )
    return [(reader_of.get((f.start, f.end), f.kind.value), f) for f in figures]


def _explanations_softened(figures: list[Figure], text: str, base: int) -> list[Figure]:
    """Figures that explain the text rather than say it: glosses and unit notes. Both sit
    in brackets, so a text without one has none."""
    if not figures or not _BRACKET.search(text):
        return figures
    return _soften_notes(_soften_glosses(figures, text, base), text, base)


def _soften_glosses(figures: list[Figure], text: str, base: int) -> list[Figure]:
    """A figure alone in brackets right after another restates it in another unit
    ("6,000 mu (400 hectares)"); the other language need not repeat it.

    >>> [(f.text, f.soft) for f in extract("6,000 mu (400 hectares)", "en")]
    [('6,000 mu', False), ('400 hectares', True)]
    """
    softened = list(figures)
    for i in range(1, len(figures)):
        before, figure = figures[i - 1], figures[i]
        if before.kind == Kind.WEEKDAY:
            continue  # 周六（7月25日）: the date says which Saturday, it restates nothing
        between = text[before.end - base : figure.start - base]
        if _GLOSS_OPEN.fullmatch(between) and _GLOSS_CLOSE.match(text, figure.end - base):
            softened[i] = figure._replace(soft=True)
    return softened


_UNIT_NOTE = regex.compile(
    r"[(（][^()（）]{0,80}?(?:=|＝|\bequals?\b|\bequal\s+to\b|\bequivalent\s+to\b|等于)"
    r"[^()（）]{0,80}[)）]",
    regex.IGNORECASE,
)
"""A translator's note that defines a unit: '(a unit of area, one "mu"=0.0667 hectares)'."""


def _soften_notes(figures: list[Figure], text: str, base: int) -> list[Figure]:
    """Figures in a bracketed note that defines a unit explain the text, they are not part
    of what it says; the other language need not have them.

    >>> [(f.text, f.soft) for f in extract('50 mu (one "mu"=0.0667 hectares) of land', "en")]
    [('50 mu', False), ('one', True), ('0.0667 hectares', True)]
    """
    notes = [m.span() for m in _UNIT_NOTE.finditer(text)]
    if not notes:
        return figures
    return [
        f._replace(soft=True)
        if any(start <= f.start - base and f.end - base <= end for start, end in notes)
        else f
        for f in figures
    ]


__all__ = ["READERS", "FigureMatch", "extract", "match_figures", "readings", "reference_date"]
