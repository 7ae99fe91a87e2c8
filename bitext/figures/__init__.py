"""Figures: numbers as values with a scale, a unit and a kind, on both sides.

``extract(text, "zh")`` and ``extract(text, "en")`` read the figures of a span;
:mod:`bitext.figures.compare` matches them across a pair.

>>> [str(f.value) for f in extract("投入 387.75 万元", "zh")]
['3877500']
>>> [str(f.value) for f in extract("3,877.5 million yuan", "en")]
['3877500000']
"""

from __future__ import annotations

from bitext.figures import en, zh
from bitext.model import Figure


def extract(text: str, lang: str, base: int = 0) -> list[Figure]:
    """Figures of ``text`` in language ``lang`` (zh or en); none for other text."""
    if lang == "zh":
        return zh.extract(text, base)
    if lang == "en":
        return en.extract(text, base)
    return []
