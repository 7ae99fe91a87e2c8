"""Figures: numbers as values with a scale, a unit and a kind, on both sides.

``extract(text, "zh")`` and ``extract(text, "en")`` read the figures of a span;
:mod:`bitext.figures.compare` matches them across a pair.

>>> [str(f.value) for f in extract("投入 387.75 万元", "zh")]
['3877500']
>>> [str(f.value) for f in extract("3,877.5 million yuan", "en")]
['3877500000']
"""

from __future__ import annotations

import regex

from bitext.figures import en, zh
from bitext.model import Figure

_GLOSS_OPEN = regex.compile(r"\s*[(（]\s*$")
_GLOSS_CLOSE = regex.compile(r"\s*[)）]")
_READERS = {"zh": zh.extract, "en": en.extract}


def extract(text: str, lang: str, base: int = 0) -> list[Figure]:
    """Figures of ``text`` in language ``lang`` (zh or en); none for other text."""
    reader = _READERS.get(lang)
    if reader is None:
        return []
    return _soften_notes(_soften_glosses(reader(text, base), text, base), text, base)


def _soften_glosses(figures: list[Figure], text: str, base: int) -> list[Figure]:
    """A figure alone in brackets right after another restates it in another unit
    ("6,000 mu (400 hectares)"); the other language need not repeat it.

    >>> [(f.text, f.soft) for f in extract("6,000 mu (400 hectares)", "en")]
    [('6,000 mu', False), ('400 hectares', True)]
    """
    softened = list(figures)
    for i in range(1, len(figures)):
        before, figure = figures[i - 1], figures[i]
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
