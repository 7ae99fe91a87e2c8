"""Which way a figure moves: a rise, a fall, or neither.

A change is written with a verb or noun of direction next to its figure: 同比下降 2.1%,
减少 3 人, 增长了 5%; "fell 2.1%", "a 2.1% drop", "up 5%", "5% higher". A translation
that keeps the number but turns the direction round ("同比下降 2.1%" → "rose 2.1%") is
wrong in the way that matters most to a reader of figures, and a value comparison cannot
see it. :func:`direction` reads the direction a figure's own clause gives it;
:func:`bitext.check.judge` compares the two sides of a matched pair.

The nearest direction word in the figure's clause wins, before the figure first (a
Chinese change word always precedes its figure; English puts "rose" before and "higher"
or "drop" after). Words that name a level rather than a change (增长到 5% "rose to 5%"
still rises) need nothing special: both languages say the same.

>>> text = "一季度GDP同比下降1.9%，上半年增长1.3%"
>>> change = direction(text, 10, 14, "zh")
>>> change.way, text[change.start : change.end]
(<Direction.DOWN: 'down'>, '下降1.9%')
>>> direction(text, 20, 24, "zh").way
<Direction.UP: 'up'>
>>> text = "GDP fell 1.9% in the first quarter"
>>> change = direction(text, 9, 13, "en")
>>> change.way, text[change.start : change.end]
(<Direction.DOWN: 'down'>, 'fell 1.9%')
>>> text = "a 2.1% rise in prices"
>>> text[slice(*direction(text, 2, 6, "en")[1:])]
'2.1% rise'
>>> direction("2.1% of the budget", 0, 4, "en") is None
True
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

import regex


class Direction(StrEnum):
    """The way a change goes."""

    UP = "up"
    DOWN = "down"


class Change(NamedTuple):
    """A figure's direction, and the text that says it: the figure with its word."""

    way: Direction
    start: int
    end: int


_ZH_UP = "增长|增加|上升|提高|上涨|提升|增幅|涨幅|升高|攀升|增多|扩大|翻了|翻番|多了|涨了|上调|增"
_ZH_DOWN = (
    "下降|减少|降低|下跌|下滑|回落|减幅|降幅|跌幅|缩小|缩减|萎缩|下调|减了|少了|跌了|降了|跌|降|减"
)
ZH_BEFORE = regex.compile(
    rf"(?:(?P<up>{_ZH_UP})|(?P<down>{_ZH_DOWN}))(?:了|为|达|至|到|约|近|超过|逾)?\s*$"
)
"""A Chinese change word right before its figure, allowing 了/为/达 between (下降了 2.1%)."""

_EN_UP_BEFORE = (
    r"rose|rise|rises|risen|rising|increase|increased|increases|increasing|grew|grow|grows|"
    r"growing|grown|growth|gain|gained|gains|climbed|climb|climbs|jumped|jump|jumps|surged|"
    r"surge|soared|up|higher|raised|raise|expanded|expand|boosted|added|more"
)
_EN_DOWN_BEFORE = (
    r"fell|fall|falls|fallen|falling|decrease|decreased|decreases|decreasing|declined|decline|"
    r"declines|declining|dropped|drop|drops|dropping|down|lower|lowered|reduced|reduce|"
    r"reduction|cut|cuts|shrank|shrink|shrunk|slid|slide|slumped|slump|plunged|plunge|"
    r"tumbled|dipped|dip|less|fewer|lost|loss"
)
EN_BEFORE = regex.compile(
    rf"\b(?:(?P<up>{_EN_UP_BEFORE})|(?P<down>{_EN_DOWN_BEFORE}))\b"
    r"(?:\s+(?:by|of|to|at|about|around|nearly|almost|some|over|more\s+than|less\s+than|an?|"
    r"the|year[\s-]on[\s-]year|from\s+a\s+year\s+earlier))*\s*$",
    regex.IGNORECASE,
)
"""An English change word before its figure: "rose by 2.1%", "a decrease of 2.1%"."""
EN_AFTER = regex.compile(
    r"^\s*(?:(?P<up>higher|more|increase|rise|jump|gain|growth|hike|surge|up)"
    r"|(?P<down>lower|less|fewer|decrease|drop|fall|decline|cut|reduction|down|loss))\b",
    regex.IGNORECASE,
)
"""An English change word after its figure: "2.1% higher", "a 2.1% drop"."""

REACH = 24
"""How far from its figure a direction word may stand: about one clause."""
_CLAUSE_END = regex.compile(r"[，,。；;：:！？!?]")
_LAST_CLAUSE_END = regex.compile(_CLAUSE_END.pattern, regex.REVERSE)
"""The clause end nearest before a figure, found by searching back from it."""


def direction(text: str, start: int, end: int, lang: str) -> Change | None:
    """The direction that the clause around ``text[start:end]`` gives the figure."""
    before = _clause_before(text, start)
    word = (ZH_BEFORE if lang == "zh" else EN_BEFORE).search(before)
    if word is not None:
        return Change(_way(word), start - len(before) + word.start(), end)
    if lang == "en":
        word = EN_AFTER.match(_clause_after(text, end))
        if word is not None:
            return Change(_way(word), start, end + word.end())
    return None


_ZH_CHANGE = regex.compile(f"{_ZH_UP}|{_ZH_DOWN}")


def may_change(text: str, start: int, end: int) -> bool:
    """Whether a Chinese figure starting in ``text[start:end]`` may have a direction:
    :func:`direction` finds its change word within :data:`REACH` before the figure, so one
    stands in ``text[start - REACH : end]``. Most figures of a pair are no change, and one
    search for all of them is cheaper than reading each one's clause.

    >>> text = "一季度GDP同比下降1.9%，上半年增长1.3%"
    >>> may_change(text, 10, 20), may_change(text, 0, 3)
    (True, False)
    """
    return _ZH_CHANGE.search(text, max(0, start - REACH), end) is not None


def _clause_before(text: str, start: int) -> str:
    reach = max(0, start - REACH)
    last = _LAST_CLAUSE_END.search(text, reach, start)
    return text[last.end() if last else reach : start]


def _clause_after(text: str, end: int) -> str:
    window = text[end : end + REACH]
    first = _CLAUSE_END.search(window)
    return window[: first.start()] if first else window


def _way(word: regex.Match[str]) -> Direction:
    return Direction.UP if word.group("up") else Direction.DOWN
