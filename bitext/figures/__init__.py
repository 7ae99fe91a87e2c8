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

from bitext.figures import en, names, zh
from bitext.model import Figure

_GLOSS_OPEN = regex.compile(r"\s*[(（]\s*$")
_GLOSS_CLOSE = regex.compile(r"\s*[)）]")
_READERS = {"zh": zh.extract, "en": en.extract}


def extract(text: str, lang: str, base: int = 0) -> list[Figure]:
    """Figures of ``text`` in language ``lang`` (zh or en); none for other text. Names and
    codes are read as :mod:`bitext.figures.names` says."""
    reader = _READERS.get(lang)
    if reader is None:
        return []
    return _soften_glosses(names.apply(reader(text, base), text, lang, base), text, base)


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
