"""A simplified-character view of Chinese text, with the same length as the original.

Bulletins from Taiwan and Hong Kong come in traditional characters (often as
Big5). The dictionaries bitext uses are keyed by simplified characters and its
figure grammar reads 万 and 亿, not 萬 and 億, so Chinese spans are read
through this view. Conversion is OpenCC's ``t2s``; the view must keep every
offset, so where a phrase conversion would change the length, characters are
converted one by one.

>>> simplified("臺北市投入三千八百萬元，兩億")
'台北市投入三千八百万元，两亿'
"""

from __future__ import annotations

import functools

import opencc


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def _one(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


def simplified(text: str) -> str:
    """``text`` in simplified characters, offset for offset."""
    if text.isascii():
        return text
    return _converted(text)


@functools.lru_cache(maxsize=256)
def _converted(text: str) -> str:
    """The view of a text with Chinese in it, kept for the next time: a span is viewed
    over and over (the figure readers, the name forms, the aligner's signals each ask for
    it, and the readers' view of a simplified span is that span), and OpenCC takes
    microseconds a character; its answer depends on the text alone."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(map(_one, text))
