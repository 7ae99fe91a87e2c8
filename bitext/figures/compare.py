"""Compare the figures of an aligned pair: an assignment over values, not a substring test.

:func:`relate` says how one Chinese figure stands to one English figure:

``same``
    the same value, allowing the rounding the English shows (387.75 万 →
    3.88 million) and agreeing approximations (5万余人 → more than 50,000);
``scale``
    the same digits at a wrong power of ten (387.75 万 → 3,877.5 million);
``unit``
    the value kept but the currency or unit changed (元 → dollars, % → points);
``value``
    a different number in the same role (28 → 82);
``part``
    a date the English gives only in part, what it gives agreeing (2017 年 5 月 →
    "May": the year is lost);
``weekday``
    an English weekday for a Chinese day whose month and year the story does not give
    (25日 → "on Friday"), so that it cannot be checked;
``lost``
    an exact Chinese count that the English gives only as a vague small word (四次 →
    "on several occasions"): the count is missing, though the thing counted is there.

:func:`match_figures` assigns figures one to one, best relations first, and
leaves the rest ``missing`` (Chinese with no English) or ``extra``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Container, Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import NamedTuple

import regex
from rapidfuzz.distance import OSA

from bitext.figures import names
from bitext.figures.dates import day_named
from bitext.figures.units import UNITS, Dimension, convertible, factor
from bitext.figures.values import (
    DateParts,
    clock_digits,
    date_parts,
    is_calendar_date,
    significant,
)
from bitext.model import Approx, Figure, Kind

GROUPS = {
    Kind.COUNT: "number",
    Kind.MONEY: "number",
    Kind.MEASURE: "number",
    Kind.YEAR: "year",
    Kind.PERCENT: "percent",
    Kind.FRACTION: "percent",
    Kind.PP: "pp",
    Kind.MULTIPLE: "multiple",
    Kind.MONTH: "month",
    Kind.DAY: "day",
    Kind.DATE: "date",
    Kind.WEEKDAY: "weekday",
    Kind.ORDINAL: "ordinal",
    Kind.CLOCK: "clock",
    Kind.SCORE: "score",
    Kind.DECADE: "decade",
    Kind.LEVEL: "level",
    Kind.NAME: "name",
    Kind.CODE: "code",
}
"""Kinds compared as one: a count, an amount of money and a measure are all numbers
(6000 亩 may be rendered "6,000", and 5万人 "50,000"); a fraction is a percentage. Names
and codes relate as :func:`_relate_named` says.

A level (Ⅱ级, "Level II") is its own group, so that a level pairs with a level before
a count of the same value (Ⅳ级 with "Level IV", not with "4 rivers"); it is loose with
numbers and ordinals, which Chinese writes for levels too (四级, 三期, 第三级)."""
_LOOSE = {
    frozenset({"number", "year"}),
    frozenset({"number", "ordinal"}),
    frozenset({"day", "ordinal"}),
    frozenset({"day", "number"}),
    frozenset({"score", "number"}),
    frozenset({"multiple", "number"}),
    frozenset({"level", "number"}),
    frozenset({"level", "ordinal"}),
}
_UNIT_SWAPS = {frozenset({"percent", "pp"})}
_ONE_GROUP: frozenset[str] = frozenset()
"""The groups of two figures of one group, as :func:`relate` looks them up: every set in
:data:`_LOOSE`, :data:`_UNIT_SWAPS` and :data:`_SAME_ROLE` holds two groups, so none holds
this one, as none holds the set of one group (which is not built for each pair)."""
_SAME_ROLE = {
    frozenset({"day", "number"}),
    frozenset({"year", "number"}),
    frozenset({"day", "ordinal"}),
    frozenset({"level", "number"}),
    frozenset({"level", "ordinal"}),
}
"""Loose pairs of groups whose figures can still be a wrong number in the same role
(2013 年 → "2113", which is no year; 25 日 → "the 26th"; 6.1 级地震 → "magnitude 6,100";
第 5 级止回阀 → "Level 50 check valves")."""

HALF = Decimal("0.5")
HALF_DAY = Decimal(12 * 3600)
_SCALED_WRITING = regex.compile(
    r"\d\.\d|thousand|million|billion|trillion|\d\s?(?:k|K|m|mn|bn|b|tn)\b", regex.IGNORECASE
)
_HALF_DAY = regex.compile(
    r"\b[ap]\.?m\b\.?|\d[ap]m\b|\b(?:morning|afternoon|evening|night|noon|midday|midnight)\b",
    regex.IGNORECASE,
)

EXACT_TOLERANCE = Decimal(0)
APPROX_TOLERANCE = Decimal("0.1")
ABOUT_TOLERANCE = Decimal("0.2")
"""约 / "about" on both sides: the two round a figure each their own way."""
CONVERSION_TOLERANCE = Decimal("0.03")
BOUND_REACH = Decimal("0.2")
"""How far past a bound (余, 近, "more than") the other side's number may lie."""


class RelationName(StrEnum):
    """How two figures stand to each other, or that one was left alone (see the module
    docstring): the outcome of the assignment, which :mod:`bitext.check.judge` turns
    into findings."""

    SAME = "same"
    SCALE = "scale"
    UNIT = "unit"
    VALUE = "value"
    PART = "part"
    WEEKDAY = "weekday"
    LOST = "lost"
    MISSING = "missing"
    EXTRA = "extra"


class Relation(NamedTuple):
    """A relation between two figures with its cost in the assignment (cheapest first);
    for ``scale``, the power of ten the English is off by; ``inside`` for one English
    number inside an approximate Chinese range, which is taken only after the ranges
    found both their ends (百分之七八十 is "70% or 80%", not "70%" and an extra "80%")."""

    name: RelationName
    cost: float
    factor: int | None = None
    inside: bool = False


_EXACT = Relation(RelationName.SAME, 0.0)
"""The same figure at no cost: what :func:`relate` says of most pairs in a translation."""


class FigureMatch(NamedTuple):
    """One outcome of the assignment: a pair of figures, or one left alone."""

    zh: Figure | None
    en: Figure | None
    relation: RelationName
    factor: int | None = None


_NAMED = frozenset({Kind.NAME, Kind.CODE})
_SHAPED = frozenset({Kind.MONTH, Kind.SCORE, Kind.MULTIPLE})
"""The Chinese kinds that :func:`_first_months`, :func:`_same_streak` and
:func:`_increase_in_percent` look at (or an English month, for months given as a count):
any other pair skips the three."""

ONE_SIDED_VAGUE = 0.2
"""The cost of a vague figure agreeing with an exact one (上千人 and "1,200 people", 3000人 and
"thousands"): a translator's rounding, preferred less than two vague figures that agree."""


def relate(zh: Figure, en: Figure, tolerance: Decimal = Decimal(0)) -> Relation | None:
    """How an English figure stands to a Chinese one, or None if unrelated.

    ``tolerance`` is the user's (the ``tolerance`` setting): amounts that differ by at
    most that fraction of the larger are the same figure (:func:`_within_tolerance`).
    """
    if _alike(zh, en):
        return _EXACT
    if zh.kind in _NAMED or en.kind in _NAMED:
        return _relate_named(zh, en)
    if (zh.kind in _SHAPED or en.kind == Kind.MONTH) and (
        _first_months(zh, en)
        or _first_months(en, zh)
        or _same_streak(zh, en)
        or _increase_in_percent(zh, en)
    ):
        return Relation(RelationName.SAME, 0.0)
    zh_group, en_group = GROUPS[zh.kind], GROUPS[en.kind]  # weekdays and dates: own groups
    if "weekday" in (zh_group, en_group):  # 周六 → "Saturday"; a day is paired later
        if zh.kind != en.kind:
            return None
        same = zh.value == en.value
        return Relation(RelationName.SAME if same else RelationName.VALUE, 0.5 if same else 2.5)
    if _days_as_a_date(zh, en):
        return Relation(RelationName.UNIT, 1.5)
    if "date" in (zh_group, en_group):
        return _relate_dates(zh, en)
    if _half_of_one(zh, en):
        return Relation(RelationName.SAME, 0.5)
    if en.unit is not None or en.high is not None:  # the four rewrite only units and ranges
        en = _speed_as_distance(zh, _points_as_pp(zh, _weight_in_pounds(zh, _from_zero(zh, en))))
    en_group = GROUPS[en.kind]  # points may have become percentage points
    across = zh_group != en_group
    groups = frozenset({zh_group, en_group}) if across else _ONE_GROUP
    swapped = groups in _UNIT_SWAPS or _percent_as_points(zh, en)
    if across and not swapped and groups not in _LOOSE:
        return None
    converted = _convert(zh, en) if _units_compatible(zh, en) else None
    if converted is None:
        return None
    if _unit_swapped(zh, en, converted[0]):
        return Relation(RelationName.UNIT, 1.5)
    zh_value, zh_high, zh_step = converted
    loose = 0.3 if across else 0.0
    soft = 0.5 if zh.soft or en.soft else 0.0
    if zh_group == "clock" and not written_wrong(en):
        same = _same_clock(zh_value, en.value, half_day_named=_HALF_DAY.search(en.text) is not None)
        inexact = 0.0 if zh_value == en.value else 0.1  # 0时 is "0:00" before it is midnight
        return Relation(RelationName.SAME, soft + inexact) if same else _loose_value(zh, en)
    if zh_group == "clock":  # "18:400" for 18:40: a clock, written wrong
        return Relation(RelationName.VALUE, 2.5) if en_group == "clock" else None
    if zh_group == "decade" and en_group == "decade":
        return Relation(RelationName.SAME, 0.0) if _same_decade(zh_value, en.value) else None
    if zh_group == "multiple" and en_group == "multiple":
        return _multiples(zh, en, soft)
    spanned = zh_high is not None and zh_value <= en.value <= zh_high  # 成千上万
    zh_vague, en_vague = _vague(zh), _vague(en)
    if zh_vague and en_vague and not (spanned or _same_magnitude(zh_value, en.value, True)):
        factor = _power_of_ten(zh_value, en.value)  # 数亿 → "billions"
        return Relation(RelationName.SCALE, 1.0, factor) if factor else None
    if zh_vague or en_vague:
        if not _same_magnitude(zh_value, en.value):
            return None
        if _few(en) and not zh_vague:  # "several" is never an exact count
            return Relation(RelationName.LOST, 1.2) if _count_lost(zh, zh_value) else None
        # A vague figure stands for a vague one before an exact one: in 连续几十年，每个月几天
        # 24小时 → "240 hours … for dozens of years", "dozens" is 几十年, and 24小时 is 240.
        one_sided = ONE_SIDED_VAGUE if zh_vague != en_vague else 0.0
        apart = _magnitudes_apart(zh_value, en.value)
        return Relation(RelationName.SAME, loose + soft + one_sided + apart)
    approximate = _tolerance(zh, en)
    inside = _inside_approximate_range(zh, zh_value, zh_high, en, approximate)
    if (
        _same(zh_value, zh_high, zh_step, en, approximate)
        or _bound_holds(zh, zh_value, en)
        or _within_tolerance(zh, zh_value, zh_high, en, tolerance)
        or inside
    ):
        if swapped or _currency_conflict(zh, en):
            return Relation(RelationName.UNIT, 1.5)
        cost = loose + soft + _relative_difference(zh_value, en.value)
        return Relation(RelationName.SAME, cost, inside=inside)
    if across and groups not in _SAME_ROLE:
        return None
    if zh.soft or en.soft:
        return _small_counts_differ(zh, en)
    factor = _scale_factor(zh_value, zh_high, zh_step, en, approximate)
    if factor is not None:
        return Relation(RelationName.SCALE, 1.0, factor)
    return _loose_value(zh, en)


_MEANING = Figure._fields.index("value")
"""Where a figure's fields after its place and wording begin: its value, kind, unit,
high, approx, step, digits and softness, what :func:`_alike` compares."""
_PRICED = frozenset({Kind.NAME, Kind.WEEKDAY, Kind.DATE, Kind.CLOCK})
"""Kinds of which two figures alike in every field may still not be :data:`_EXACT`: a
name agrees at :data:`NAMED_COST`, a weekday at 0.5, a date only where it is a date of
the calendar, a clock only where its digits are a time of day."""


def _alike(zh: Figure, en: Figure) -> bool:
    """Two figures that differ only in where and how they are written, of which
    :func:`relate` would say :data:`_EXACT`, as it is asked most often in a translation;
    a short cut past its steps, each of which finds such figures the same at no cost but
    for what is ruled out here: a soft figure costs 0.5; a day or an ordinal of days may
    be :func:`_days_as_a_date`; percent as points (:func:`_percent_as_points`,
    :func:`_points_as_pp`) changes unit; "a dozen" is vague beside 12 (:func:`_vague`).

    >>> from bitext.figures import extract
    >>> _alike(extract("投入12家", "zh")[0], extract("12 firms", "en")[0])
    True
    >>> _alike(extract("12家", "zh")[0], extract("a dozen firms", "en")[0])
    False
    """
    return (
        zh[_MEANING:] == en[_MEANING:]
        and not zh.soft
        and zh.kind not in _PRICED
        and not (zh.unit == "day" and zh.kind in (Kind.DAY, Kind.ORDINAL))
        and zh.unit != "points"
        and _vague(zh) == _vague(en)
    )


def _from_zero(zh: Figure, en: Figure) -> Figure:
    """An English range from zero stands for its end where the Chinese gives the end
    alone: 加速只需要2.9秒…到100km/h → "2.9s to accelerate from 0 to 100km/h".

    >>> from bitext.figures import extract
    >>> _from_zero(extract("到100km/h", "zh")[0], extract("from 0 to 100km/h", "en")[0]).value
    Decimal('100')
    """
    if en.high is None or en.value != 0 or zh.high is not None or zh.value == 0:
        return en
    if en.kind not in (Kind.MEASURE, Kind.COUNT, Kind.MONEY, Kind.PERCENT):
        return en
    return en._replace(value=en.high, high=None)


def _few(figure: Figure) -> bool:
    """ "several", "a few", "a number of": a small count said vaguely (soft and vague)."""
    return figure.soft and figure.approx == Approx.VAGUE


_EVENT_CLASSIFIERS = ("次", "回", "遍", "趟", "番")
"""Classifiers that count occurrences: 四次 is four times, where a small numeral before a
noun classifier is often part of a word (三轮车 "tricycles", 四处 "everywhere")."""


def _count_lost(zh: Figure, value: Decimal) -> bool:
    """An exact Chinese count of a few (2 to 12, in the English figure's unit) that the
    English says only as "several" or "a few": 四次 → "on several occasions". 45 分钟 is
    no few hours, and 26 日 no "multiple" of anything. A small Chinese numeral (soft) is
    taken as a count here only with a classifier of occurrences (四次), since 三轮车 and
    四处 are words, not counts."""
    return (
        (not zh.soft or zh.text.endswith(_EVENT_CLASSIFIERS))
        and zh.approx is None
        and zh.high is None
        and zh.kind in (Kind.COUNT, Kind.MEASURE)
        and 1 < value <= SMALL_COUNT
    )


def _relate_dates(zh: Figure, en: Figure) -> Relation | None:
    """A date and a date, or a date and one of its parts, by the parts both give: the
    same where those agree and the English gives every part the Chinese does (25日 →
    "July 25", 2020年 → "July 26, 2020": a part the English adds is context, preferred
    least); a date the English gives in ``part`` where it agrees but lost a part (2017 年
    5 月 → "May", 3月5日电 → "BEIJING, March"); a wrong date where one part agrees and
    another does not (7月25日 → "July 26") or where the English has a part no calendar
    has ("2020-70-26", "August 4000"); unrelated where they share no part."""
    ours, theirs = calendar_parts(zh), calendar_parts(en)
    if ours is None or theirs is None:
        return None
    both = [k for k in range(3) if ours[k] is not None and theirs[k] is not None]
    agree = [k for k in both if ours[k] == theirs[k]]
    if not both:
        return None
    one_sided = sum((ours[k] is None) != (theirs[k] is None) for k in range(3))
    cost = 0.1 * one_sided + (0.5 if zh.soft or en.soft else 0.0)
    cost += 0.3 if Kind.ORDINAL in (zh.kind, en.kind) else 0.0
    if len(agree) == len(both) and is_calendar_date(theirs):
        lost = any(ours[k] is not None and theirs[k] is None for k in range(3))
        return (
            Relation(RelationName.PART, 1.2 + cost) if lost else Relation(RelationName.SAME, cost)
        )
    alike = len(both) == 1 and _digit_similarity(str(ours[both[0]]), str(theirs[both[0]])) >= 0.5
    if agree or alike or not is_calendar_date(theirs):  # "July 220" for 22 日
        return Relation(RelationName.VALUE, 2.0 + cost)
    return None


def _days_as_a_date(zh: Figure, en: Figure) -> bool:
    """A number of days rendered as a day of the month: 实施14日集中隔离 (a 14-day
    quarantine) → "observation on the 14th"."""
    return (
        zh.unit == "day"
        and zh.high is None
        and en.kind in (Kind.ORDINAL, Kind.DAY, Kind.DATE)
        and (date_parts(en.value).day if en.kind == Kind.DATE else en.value) == zh.value
    )


def calendar_parts(figure: Figure) -> DateParts | None:
    """The parts of the calendar a figure gives: a date's own, a year's, a month's or a
    day's, and the day an ordinal names ("the 25th")."""
    if figure.high is not None or figure.value != figure.value.to_integral_value():
        return None
    value = int(figure.value)
    if figure.kind == Kind.DATE:
        return date_parts(figure.value)
    if figure.kind == Kind.YEAR:
        return DateParts(value, None, None)
    if figure.kind == Kind.MONTH:
        return DateParts(None, value, None)
    day = figure.kind == Kind.DAY or (figure.kind == Kind.ORDINAL and 1 <= value <= 31)
    return DateParts(None, None, value) if day else None


def _levels(figure: Figure) -> set[Decimal]:
    """The levels a multiple may name: 3倍 and "three times" the level 3; 增长2倍 ("x+") a rise
    to 3; "increased three times" ("x?") either."""
    value = figure.value
    return {"x+": {value + 1}, "x?": {value, value + 1}}.get(figure.unit or "x", {value})


def _increase_in_percent(zh: Figure, en: Figure) -> bool:
    """增长1.5倍 is "increased by 150%": a rise by a multiple written as a percentage."""
    return (
        zh.kind == Kind.MULTIPLE
        and zh.unit == "x+"
        and en.kind == Kind.PERCENT
        and en.high is None
        and en.value == zh.value * 100
    )


def _multiples(zh: Figure, en: Figure, soft: float) -> Relation:
    """Two multiples agree when they may name the same level (增长一倍 and "doubled");
    增长2倍 is a rise to three times, so "doubled" is a wrong number, and "10000 times" for
    10倍 a wrong power of ten."""
    if _levels(zh) & _levels(en) or (zh.approx or en.approx):
        return Relation(RelationName.SAME, soft + (0.2 if zh.unit != en.unit else 0.0))
    factor = _power_of_ten(zh.value, en.value)
    if factor:
        return Relation(RelationName.SCALE, 1.0, factor)
    return Relation(RelationName.VALUE, 2.0)


NAMED_COST = 0.2
"""What a name or a code agreeing with a figure of the other side costs: more than two
figures that agree as figures, so that "the 19th" goes to 第十九 before 十九大 could take
it."""


def _relate_named(zh: Figure, en: Figure) -> Relation | None:
    """How names and codes (:mod:`bitext.figures.names`) relate; they never relate as
    quantities.

    A code agrees with a code of the same digits, or with a figure the other side writes
    as the code is (110 for the service number 110, "4K" read as 4,000 for 4K). Another
    code under the same letters is a wrong one (COVID-1 → "COVID-1000", list item 2. →
    "2000."); a code relates to nothing else ("Boeing 737" is no 737 名).

    A name agrees with a name, a plain number or a figure of its own unit of the same
    value (《拆弹专家2》 and "Shock Wave 2", 六一 and "June 1", 十四五 and "the 14th
    Five-Year Plan"), never with a quantity (五一 is not 5 and 1 of anything). A different
    number where the other side also names something is a wrong one: 十四五 → "15th
    Five-Year Plan".
    """
    if Kind.CODE in (zh.kind, en.kind):
        if zh.kind == en.kind:
            return _relate_codes(zh, en)
        code, other = (zh, en) if zh.kind == Kind.CODE else (en, zh)
        if names.spells(code, other):
            return Relation(RelationName.SAME, NAMED_COST)
        return _long_code_miswritten(code, other)
    name, other = (zh, en) if zh.kind == Kind.NAME else (en, zh)
    fits = other.kind == Kind.NAME or names.plain(other) or other.unit == name.unit
    if (zh.value, zh.high) == (en.value, en.high) and fits:
        return Relation(RelationName.SAME, NAMED_COST)
    if other.kind == Kind.DATE and name.high is None and name.value in date_parts(other.value):
        return Relation(RelationName.SAME, NAMED_COST)  # 五一档 → "May 1st", 七七事变 → "July 7th"
    if _half_a_range(zh, en) or _half_a_range(en, zh):
        return Relation(RelationName.VALUE, 2.5)
    if not (_hard(zh) and _hard(en)) or not _names_too(other, name):
        return None
    loose = _loose_value(zh, en)
    return Relation(RelationName.VALUE, loose.cost + 1.0) if loose else None


def _half_a_range(name: Figure, other: Figure) -> bool:
    """A range in a name of which the other side spells one end alone: 《…报告(1999-2019)》 →
    "Report (-2019)". (Two figures for the two ends are paired before, as any range's.)"""
    return (
        name.kind == Kind.NAME
        and name.high is not None
        and other.high is None
        and abs(other.value) in (name.value, name.high)
    )


def _names_too(other: Figure, name: Figure) -> bool:
    """``other`` names something as ``name`` does, so that a different number is a wrong
    one: another name, a figure of the name's unit (二十年 in a title and "Ten Years" in
    its translation) or an ordinal, written with as many digits (十四五 and "15th"; 八一
    read as "81st", 双十一 as "11.11", are other readings, not wrong numbers). A month is
    none: "May" beside “六一” is more often the month of another date."""
    same_role = other.kind in (Kind.NAME, Kind.ORDINAL) or (
        other.unit is not None and other.unit == name.unit
    )
    return same_role and _width(other.value) == _width(name.value)


def _width(value: Decimal) -> int:
    """How many digits a number is written with: 20 has two."""
    return len(format(value.normalize(), "f"))


LONG_CODE_LIKENESS = 0.75
"""How alike the digits of a long code and of a number written in its place must be for
the number to be the code written wrong."""


def _long_code_miswritten(code: Figure, other: Figure) -> Relation | None:
    """A long code the other side writes as a number with other digits: the ISBN
    9787512415812 → "97,875,124,158,120". (Both have :data:`names.LONG_CODE` digits or
    more; shorter numbers beside a code are quantities of their own.)"""
    if len(code.digits) < names.LONG_CODE:
        return None  # before reading the other's digits: most codes are short
    written = names.code_digits(other.text)
    if len(written) < names.LONG_CODE or not names.plain(other):
        return None
    similarity = _digit_similarity(code.digits, written)
    return (
        Relation(RelationName.VALUE, 3.0 - similarity) if similarity >= LONG_CODE_LIKENESS else None
    )


def _relate_codes(zh: Figure, en: Figure) -> Relation | None:
    """Two codes: the same digits agree; other digits under the same letters (or, for
    codes of digits alone, of the same length and alike) are a wrong code."""
    if zh.digits == en.digits:
        return Relation(RelationName.SAME, 0.0)
    key = names.code_key(zh)
    if key != names.code_key(en):
        return None
    similarity = _digit_similarity(zh.digits, en.digits)
    if not key and (len(zh.digits) != len(en.digits) or similarity < 0.5):
        return None
    return Relation(RelationName.VALUE, 2.0 + (1 - similarity))


SMALL_COUNT = 12
"""The largest count a translation writes in words or leaves implicit (一名 → "a",
"a dozen")."""


def _small_counts_differ(zh: Figure, en: Figure) -> Relation | None:
    """A small count that a translation may leave implicit (三名专家, "six") can still be
    wrong where the translation states it: 抽调三名专家 → "sent two experts". Two small
    counts of things, both stated, differ in value; other soft figures do not compare,
    and neither does 一, which is as often "a" or "the" as a count (一块巧克力 "A Piece of
    Chocolate" beside "Grade 2"). Two small levels differ the same way (三级预警 →
    "Level II warning")."""
    small = zh.kind == en.kind and all(
        f.kind in (Kind.COUNT, Kind.LEVEL)
        and f.unit is None
        and f.high is None
        and 1 < f.value <= SMALL_COUNT
        for f in (zh, en)
    )
    return Relation(RelationName.VALUE, 2.5) if small and zh.value != en.value else None


_AMOUNTS = (Kind.MONEY, Kind.MEASURE)
TOLERANT_GROUPS = frozenset({"number", "percent", "pp", "multiple"})
"""Amounts, to which the user's tolerance applies. Years, dates, clocks, ordinals and
scores stay exact: 2018 and 2019 are 0.05% apart and still different years."""


def _within_tolerance(
    zh: Figure, value: Decimal, high: Decimal | None, en: Figure, tolerance: Decimal
) -> bool:
    """Two amounts whose relative difference is at most ``tolerance`` agree.

    >>> from bitext.figures import extract
    >>> zh, en = extract("3877.5万元", "zh")[0], extract("38.76 million yuan", "en")[0]
    >>> _within_tolerance(zh, zh.value, zh.high, en, Decimal("0.001"))
    True
    >>> _within_tolerance(zh, zh.value, zh.high, en, Decimal("0.0001"))
    False
    """
    if not tolerance or GROUPS[zh.kind] not in TOLERANT_GROUPS:
        return False
    if GROUPS[en.kind] not in TOLERANT_GROUPS or (high is None) != (en.high is None):
        return False
    ends = [(value, en.value)] if high is None else [(value, en.value), (high, en.high)]
    return all(_relative_gap(a, b) <= tolerance for a, b in ends)  # type: ignore[arg-type]


def _relative_gap(a: Decimal, b: Decimal) -> Decimal:
    big = max(abs(a), abs(b))
    return abs(a - b) / big if big else Decimal(0)


def _loose_value(zh: Figure, en: Figure) -> Relation | None:
    """Two different numbers in the same role, if they look alike enough to be one."""
    if (zh.high is None) != (en.high is None):
        single, span = (zh, en) if zh.high is None else (en, zh)
        if span.value <= single.value <= span.high:  # type: ignore[operator]
            return Relation(RelationName.VALUE, 2.5)  # 四十五万 → "400,000-500,000"
        return None  # a range and a single number: their ends are paired later
    similarity = _digit_similarity(zh.digits, en.digits)
    if similarity < 0.5 and not _close(zh.value, en.value):
        return None
    return Relation(
        RelationName.VALUE, 2.0 + (1 - similarity) + (0.5 if zh.unit != en.unit else 0.0)
    )


def _first_months(months: Figure, count: Figure) -> bool:
    """Months 1 to 7 (1至7月, "the first seven months") are seven months (前7个月)."""
    return (
        months.kind == Kind.MONTH
        and months.value == 1
        and months.high is not None
        and count.unit == "month-count"
        and count.value == months.high
    )


def _half_of_one(zh: Figure, en: Figure) -> bool:
    """半米 is "half a meter", 半页纸 "half a page": half of one unit or thing, where the
    English "half" is read as a share (50%)."""
    return (
        en.kind == Kind.FRACTION  # first: the rarest
        and en.value == 50
        and en.high is None
        and zh.kind in (Kind.COUNT, Kind.MEASURE)
        and zh.value == HALF
        and zh.high is None
    )


def _same_streak(zh: Figure, en: Figure) -> bool:
    """四连胜 is "4-0", "four straight wins" or "a 4th straight win"."""
    if zh.kind != Kind.SCORE or not zh.text.endswith(("连胜", "连败", "连负")):
        return False
    games = zh.value or zh.high
    if en.kind == Kind.SCORE:
        return (en.value, en.high) == (zh.value, zh.high)
    return en.kind in (Kind.ORDINAL, Kind.COUNT) and en.value == games


def _same_decade(zh: Decimal, en: Decimal) -> bool:
    """20 世纪 90 年代 and "the 1990s"; 90 年代 and "the 1990s" (century left out)."""
    return zh == en or (min(zh, en) < 100 and zh % 100 == en % 100)


def _relative_difference(a: Decimal, b: Decimal) -> float:
    """0 for equal values; the rounding a translation applied otherwise (prefers exact)."""
    big = max(abs(a), abs(b))
    return float(abs(a - b) / big) if big else 0.0


def _same_clock(zh: Decimal, en: Decimal, half_day_named: bool) -> bool:
    """Equal, twelve hours apart when the English leaves the half of the day out
    (下午 3 时 → "3 o'clock"; 8 时 → "8 p.m." is wrong), h:mm read as m:ss, or midnight
    as the end of one day and the start of the next (24时 → "midnight", "0:00")."""
    twelve_hours = abs(zh - en) == HALF_DAY and not half_day_named
    midnight = abs(zh - en) == 2 * HALF_DAY
    return zh == en or twelve_hours or midnight or zh == en * 60 or en == zh * 60


def written_wrong(figure: Figure) -> bool:
    """A clock whose digits as written are no time of day ("18:400", "14:40:440"); the
    reader keeps those digits (:attr:`Figure.digits`) instead of the time's."""
    return figure.kind == Kind.CLOCK and figure.digits != clock_digits(figure.value)


def _same_magnitude(zh: Decimal, en: Decimal, strict: bool = False) -> bool:
    """数百 and "hundreds of", 几百万 and "several million": the same order of magnitude.
    ``strict`` (two vague figures) wants the same scale word: 数亿 is not "billions"."""
    if zh <= 0 or en <= 0:
        return zh == en
    distance = abs(_log10(zh) - _log10(en))
    return distance < 0.5 if strict else distance <= 1


def _magnitudes_apart(a: Decimal, b: Decimal) -> float:
    """A tenth of the orders of magnitude between two vague figures: 千人 pairs with
    "thousands of people" before "hundreds of classes" (百班千人)."""
    return 0.1 * abs(_log10(a) - _log10(b)) if a > 0 and b > 0 else 0.0


def _log10(value: Decimal) -> float:
    """log10 of a positive value: ``math.log10`` alone converts to a float first, and a
    figure of 400 digits (or 10**-400) has no float; its mantissa always has one
    (Decimal's own log10 is exact but a hundred times slower).

    >>> _log10(Decimal("1E+400")), _log10(Decimal(1000)), round(_log10(Decimal("5E-400")), 3)
    (400.0, 3.0, -399.301)
    """
    exponent = value.adjusted()
    return exponent + math.log10(value.scaleb(-exponent))


def _vague(figure: Figure) -> bool:
    """数十, "hundreds of", and "a dozen" (which news writes for 十余 and 十几)."""
    return figure.approx == Approx.VAGUE or "dozen" in figure.text.lower()


def _power_of_ten(zh: Decimal, en: Decimal) -> int | None:
    if zh <= 0 or en <= 0:
        return None
    exponent = round(_log10(en) - _log10(zh))
    return exponent if exponent and en == zh * Decimal(10) ** exponent else None


def _percent_as_points(zh: Figure, en: Figure) -> bool:
    """42% → "by 42 points": the number kept, the unit changed."""
    return zh.kind == Kind.PERCENT and en.unit == "points"


def values_agree(zh: Figure, en: Figure) -> bool:
    """Evidence for alignment: the two figures are one figure, rightly or wrongly scaled."""
    relation = relate(zh, en)
    return relation is not None and relation.name in (
        RelationName.SAME,
        RelationName.SCALE,
        RelationName.UNIT,
        RelationName.PART,
    )


PAIR_BUDGET = 40_000
"""Figure comparisons a pair may cost before each figure is compared only with those at
about its own relative position on the other side. A pair holds a handful of figures
(200 a side still compare all with all), but a table flattened into one sentence, or a
hostile file, must cost time linear in its figures: all with all, 2,000 figures a side
took 7 s, and 50,000 would take hours."""


def nearby(i: int, n: int, n_other: int) -> range:
    """The figures of the other side (``n_other`` of them) that the ``i``-th of ``n``
    figures is compared with: all while ``n × n_other`` is within :data:`PAIR_BUDGET`,
    else a band around the same relative position, about ``PAIR_BUDGET / n`` wide and
    at least five.

    >>> nearby(3, 10, 10)
    range(0, 10)
    >>> nearby(5000, 10_000, 10_000), nearby(0, 100_000, 3)
    (range(4998, 5003), range(0, 3))
    """
    if n * n_other <= PAIR_BUDGET:
        return range(n_other)
    reach = max(2, PAIR_BUDGET // (2 * n))
    center = (2 * i + 1) * n_other // (2 * n)
    return range(max(0, center - reach), min(n_other, center + reach + 1))


def match_figures(
    zh: Sequence[Figure],
    en: Sequence[Figure],
    tolerance: Decimal = Decimal(0),
    reference: datetime.date | None = None,
) -> list[FigureMatch]:
    """Assign figures one to one, cheapest relation first, ties broken by position;
    ``tolerance`` as in :func:`relate`. Only :func:`nearby` figures are compared. The
    ``reference`` date of the story (:func:`bitext.figures.dates.reference_date`) places
    the days that English weekdays stand for."""
    if not zh or not en:  # a side without figures: nothing to compare, every figure alone
        return _left_alone(zh, en, {}, set())
    in_place = _in_place(zh, en, tolerance)
    exact = {i for i, relation in in_place.items() if relation == _EXACT}
    if len(exact) == len(zh) == len(en):
        # No cost is below 0 and only figures in the same place have no drift: these
        # exact pairs come first, take every figure and leave nothing to compare.
        return [FigureMatch(z, e, RelationName.SAME) for z, e in zip(zh, en, strict=True)]
    # For the same reason each exact pair in place is taken before any other candidate
    # (none shares its figures): no other pair of its figures is compared.
    candidates = []
    for i, z in enumerate(zh):
        if i in exact:
            candidates.append((0.0, 0.0, i, i, _EXACT))
            continue
        for j in nearby(i, len(zh), len(en)):
            if j in exact:
                continue
            relation = in_place[i] if i == j and i in in_place else relate(z, en[j], tolerance)
            if relation is None:
                continue
            drift = abs((i + 0.5) / len(zh) - (j + 0.5) / len(en))
            candidates.append((relation.cost, drift, i, j, relation))
    candidates.sort()  # by cost, drift and place: no two share a place
    taken_zh: dict[int, FigureMatch] = {}
    taken_en: set[int] = set()

    # Figures that are the same figure first, then ranges written as two figures, then
    # one number inside an approximate range, and only then different numbers in the
    # same role.
    def take(wanted: Callable[[Relation], bool]) -> None:
        _take(candidates, zh, en, taken_zh, taken_en, wanted)

    take(lambda r: r.name != RelationName.VALUE and not r.inside)
    if len(taken_zh) < len(zh) and len(taken_en) < len(en):  # each step pairs two left alone
        _pair_range_ends(zh, en, taken_zh, taken_en, tolerance)
        take(lambda r: r.name != RelationName.VALUE)
        take(lambda r: r.name == RelationName.VALUE)
        _pair_last_two(zh, en, taken_zh, taken_en)
        _pair_weekdays(zh, en, taken_zh, taken_en, reference)
    return _left_alone(zh, en, taken_zh, taken_en)


def _left_alone(
    zh: Sequence[Figure],
    en: Sequence[Figure],
    taken_zh: dict[int, FigureMatch],
    taken_en: set[int],
) -> list[FigureMatch]:
    """The matches taken, in Chinese order, each Chinese figure not taken as missing,
    then each English figure not taken as extra."""
    matches = [
        taken_zh.get(i, FigureMatch(z, None, RelationName.MISSING)) for i, z in enumerate(zh)
    ]
    matches += [
        FigureMatch(None, e, RelationName.EXTRA) for j, e in enumerate(en) if j not in taken_en
    ]
    return matches


def _in_place(
    zh: Sequence[Figure], en: Sequence[Figure], tolerance: Decimal
) -> dict[int, Relation | None]:
    """Where both sides give as many figures, how each relates to the one in the same
    place on the other side: a translation mostly keeps its figures, in order, and the
    pairs in place that are the same figure at no cost need no other comparing
    (:func:`match_figures`)."""
    if len(zh) != len(en):
        return {}
    return {i: relate(z, e, tolerance) for i, (z, e) in enumerate(zip(zh, en, strict=True))}


def _take(
    candidates: Sequence[tuple[float, float, int, int, Relation]],
    zh: Sequence[Figure],
    en: Sequence[Figure],
    taken_zh: dict[int, FigureMatch],
    taken_en: set[int],
    wanted: Callable[[Relation], bool],
) -> None:
    for _cost, _drift, i, j, relation in candidates:
        if i in taken_zh or j in taken_en or not wanted(relation):
            continue
        taken_zh[i] = FigureMatch(zh[i], en[j], relation.name, relation.factor)
        taken_en.add(j)


def _pair_last_two(
    zh: Sequence[Figure],
    en: Sequence[Figure],
    taken_zh: dict[int, FigureMatch],
    taken_en: set[int],
) -> None:
    """One Chinese and one English figure of the same kind left alone, looking somewhat
    alike, are one figure written wrong (二十年 → "Ten Years")."""
    for group in {GROUPS[f.kind] for f in zh} - {"name", "code"}:
        left_zh = [
            i
            for i, f in enumerate(zh)
            if i not in taken_zh and GROUPS[f.kind] == group and _hard(f)
        ]
        left_en = [
            j
            for j, f in enumerate(en)
            if j not in taken_en and GROUPS[f.kind] == group and _hard(f)
        ]
        if len(left_zh) != 1 or len(left_en) != 1:
            continue
        one_zh, one_en = zh[left_zh[0]], _weight_in_pounds(zh[left_zh[0]], en[left_en[0]])
        alike = (  # one digit alike is no evidence: 一年 and "100-year" are apart
            _digit_similarity(one_zh.digits, one_en.digits) >= 0.5
            and (len(one_zh.digits) > 1 or _within(one_zh.value, one_en.value, 10))
        ) or _within(one_zh.value, one_en.value, 3)
        if (
            alike
            and (one_zh.high is None) == (one_en.high is None)
            and (one_zh.unit is None) == (one_en.unit is None)  # 一天 and "15 states" are apart
            and _units_compatible(one_zh, one_en)
        ):
            taken_zh[left_zh[0]] = FigureMatch(zh[left_zh[0]], en[left_en[0]], RelationName.VALUE)
            taken_en.add(left_en[0])


def _pair_weekdays(
    zh: Sequence[Figure],
    en: Sequence[Figure],
    taken_zh: dict[int, FigureMatch],
    taken_en: set[int],
    reference: datetime.date | None,
) -> None:
    """An English weekday left alone stands for a Chinese day left alone, in order (25日
    → "said on Friday"): the same where the day falls on that weekday, a wrong date where
    it does not (25 July 2020 was a Saturday), a ``weekday`` that cannot be checked where
    the story gives no month and year."""
    days = [i for i, f in enumerate(zh) if i not in taken_zh and _names_a_day(f)]
    weekdays = [j for j, f in enumerate(en) if j not in taken_en and f.kind == Kind.WEEKDAY]
    for i, j in zip(days, weekdays, strict=False):
        date = day_named(zh[i], reference)
        if date is None:
            relation = RelationName.WEEKDAY
        else:
            same = date.isoweekday() == en[j].value
            relation = RelationName.SAME if same else RelationName.VALUE
        taken_zh[i] = FigureMatch(zh[i], en[j], relation)
        taken_en.add(j)


def _names_a_day(figure: Figure) -> bool:
    """A day of the month, alone or in a date (25日, 7月25日), that a translation may
    render as a weekday."""
    if figure.soft or figure.high is not None:
        return False
    return figure.kind == Kind.DAY or (
        figure.kind == Kind.DATE and date_parts(figure.value).day is not None
    )


def _hard(figure: Figure) -> bool:
    """Not soft, or soft but tied to a unit ("Ten Years"), unless vague ("several days")."""
    return not figure.soft or (figure.unit is not None and figure.approx != Approx.VAGUE)


def _within(a: Decimal, b: Decimal, factor: int) -> bool:
    return a > 0 and b > 0 and max(a, b) / min(a, b) <= factor


def _pair_range_ends(
    zh: Sequence[Figure],
    en: Sequence[Figure],
    taken_zh: dict[int, FigureMatch],
    taken_en: set[int],
    tolerance: Decimal = Decimal(0),
) -> None:
    """A range left alone may be written as two figures on the other side: 6.7-6.9% as
    "between 6.7% and 6.9%", "272 and 512 years old" as 272 岁至 512 岁. Pair the ends
    of a range with two figures left alone."""
    for i, ends, relation in _ranges_split(zh, en, taken_zh, taken_en, True, tolerance):
        taken_zh[i] = FigureMatch(zh[i], en[ends[0]], relation.name, relation.factor)
        taken_en.update(ends)
    for j, ends, relation in _ranges_split(en, zh, taken_en, taken_zh, False, tolerance):
        taken_en.add(j)
        for k, i in enumerate(ends):
            name = relation.name if k == 0 else RelationName.SAME
            taken_zh[i] = FigureMatch(zh[i], en[j], name)


def _ranges_split(
    side: Sequence[Figure],
    other: Sequence[Figure],
    taken: Container[int],
    taken_other: Container[int],
    zh_side: bool,
    tolerance: Decimal,
) -> Iterator[tuple[int, list[int], Relation]]:
    """Each range of ``side`` left alone whose ends two figures of ``other`` left alone
    nearby match (:func:`_two_ends`): its index, theirs, and how they relate. Lazily, so
    that what the caller takes for one range is no longer free for the next."""
    for i, figure in enumerate(side):
        if i in taken or figure.high is None:
            continue
        free = [(j, other[j]) for j in nearby(i, len(side), len(other)) if j not in taken_other]
        found = _two_ends(figure, free, zh_side=zh_side, tolerance=tolerance)
        if found:
            yield i, *found


def _two_ends(
    figure: Figure,
    others: Sequence[tuple[int, Figure]],
    zh_side: bool,
    tolerance: Decimal = Decimal(0),
) -> tuple[list[int], Relation] | None:
    """Indices of two ``others`` that match the low and high end of a range ``figure``,
    and ``same`` or, when one end is a wrong number ("2106~2017" for 2016~2017),
    ``value`` (the wrong end's index first). An end of a Chinese range may also be at a
    wrong power of ten (1 到 2 级 → "10 to 2"): ``scale``, with its factor."""
    wrong = {RelationName.VALUE, RelationName.SCALE} if zh_side else {RelationName.VALUE}
    low = figure._replace(high=None)
    high = figure._replace(value=figure.high, high=None, digits=significant(figure.high))  # type: ignore[arg-type]
    found: list[tuple[int, Relation]] = []
    for end in (low, high):
        best = None
        for k, other in others:
            if any(k == f[0] for f in found):
                continue
            relation = relate(end, other, tolerance) if zh_side else relate(other, end, tolerance)
            if relation is not None and relation.name == RelationName.SAME:
                best = (k, relation)
                break
            if relation is not None and relation.name in wrong and best is None:
                best = (k, relation)
        if best is None:
            return None
        found.append(best)
    if sum(relation.name != RelationName.SAME for _, relation in found) > 1:
        return None
    found.sort(key=lambda end: end[1].name == RelationName.SAME)
    return [k for k, _ in found], found[0][1]


def _convert(zh: Figure, en: Figure) -> tuple[Decimal, Decimal | None, Decimal] | None:
    """The Chinese value in the English figure's unit (:mod:`bitext.figures.units`);
    unchanged where either unit does not convert, None across dimensions."""
    zh_unit, en_unit = convertible(zh.unit), convertible(en.unit)
    if zh_unit is None or en_unit is None or zh_unit is en_unit:
        return zh.value, zh.high, zh.step
    ratio = factor(zh_unit, en_unit)
    if ratio is None:
        return None
    high = zh.high * ratio if zh.high is not None else None
    return zh.value * ratio, high, zh.step * ratio


def _weight_in_pounds(zh: Figure, en: Figure) -> Figure:
    """ "30 pounds" for 30 斤 is a weight, not sterling."""
    if en.unit != "GBP":
        return en
    zh_unit = convertible(zh.unit)
    mass = zh_unit is not None and zh_unit.dimension == Dimension.MASS
    if mass and "pound" in en.text.lower():
        return en._replace(unit="lb", kind=Kind.MEASURE)
    return en


_SPEED_DISTANCE = {"km/h": "km", "mph": "mile"}
"""A speed and the distance it covers in an hour, which either language may write for it:
时速 350 公里, 350 公里/小时, "a design speed of 350 km", "145 kilometers per hour"."""
_SPEED_DISTANCE_PAIRS = frozenset(frozenset(pair) for pair in _SPEED_DISTANCE.items())


def _speed_as_distance(zh: Figure, en: Figure) -> Figure:
    """ "a design speed of 350 km" for 350 公里/小时: the same figure, the "per hour" left
    to the word speed (and the reverse: 时速达到 145 公里 → "145 kilometers per hour")."""
    if zh.unit != en.unit and frozenset((zh.unit, en.unit)) in _SPEED_DISTANCE_PAIRS:
        return en._replace(unit=zh.unit)
    return en


def _points_as_pp(zh: Figure, en: Figure) -> Figure:
    """ "fell 0.2 points" for 下降 0.2 个百分点: points beside percentage points are
    percentage points (beside an index or a score they stay points)."""
    if zh.kind == Kind.PP and en.unit == "points":
        return en._replace(kind=Kind.PP, unit="pp")
    return en


def _units_compatible(zh: Figure, en: Figure) -> bool:
    """Units that can describe the same quantity: none given, the same, two currencies,
    or two units of one dimension (公里 and miles). 斤 and pence cannot."""
    if zh.unit is None or en.unit is None or zh.unit == en.unit:
        return True
    if zh.kind == Kind.MONEY and en.kind == Kind.MONEY:
        return True
    zh_unit, en_unit = convertible(zh.unit), convertible(en.unit)
    if zh_unit and en_unit:
        return zh_unit.dimension == en_unit.dimension
    return (
        GROUPS[zh.kind] != "number"
        or GROUPS[en.kind] != "number"
        or not (zh.kind in _AMOUNTS and en.kind in _AMOUNTS)
    )


def _unit_swapped(zh: Figure, en: Figure, converted: Decimal) -> bool:
    """The number kept but the unit changed (1000 斤 → "1,000 kilograms", 197.5 毫米 →
    "197.5 cm"): not a wrong number, a wrong unit."""
    return (
        zh.unit != en.unit
        and convertible(zh.unit) is not None
        and convertible(en.unit) is not None
        and zh.value == en.value
        and converted != en.value
    )


def _bound_holds(zh: Figure, zh_value: Decimal, en: Figure) -> bool:
    """One side a round bound, the other a number just inside it: 过半 and "53%", 5万余人
    and "53,000 people", "nearly 30,000" and 2.96万. "Up to 22 yuan" is no bound on 20 元:
    22 is not rounder than 20."""
    if zh.high is not None or en.high is not None or (zh.approx is None) == (en.approx is None):
        return False
    bound, exact = (zh.approx, en.value) if zh.approx else (en.approx, zh_value)
    limit = zh_value if zh.approx else en.value
    bound_digits, exact_digits = (zh.digits, en.digits) if zh.approx else (en.digits, zh.digits)
    if limit <= 0 or len(bound_digits) >= len(exact_digits):
        return False
    if bound == Approx.OVER:
        return limit < exact <= limit * (1 + BOUND_REACH)
    if bound == Approx.UNDER:
        return limit * (1 - BOUND_REACH) <= exact < limit
    return False


def _inside_approximate_range(
    zh: Figure, low: Decimal, high: Decimal | None, en: Figure, approximate: Decimal
) -> bool:
    """An approximate Chinese range and one English number in it: 五六百米 and "about 500
    meters", 十二三里 and "about four miles".

    >>> from bitext.figures import extract
    >>> zh = extract("五六百米", "zh")[0]
    >>> [_inside_approximate_range(zh, zh.value, zh.high, en, Decimal(0))
    ...  for en in extract("about 500 meters, 700 meters", "en")]
    [True, False]
    """
    if zh.approx != Approx.ABOUT or high is None or en.high is not None:
        return False
    return low * (1 - approximate) <= en.value <= high * (1 + approximate)


def _tolerance(zh: Figure, en: Figure) -> Decimal:
    """How far apart two figures may be and still agree: nothing for exact figures."""
    if zh.approx == Approx.ABOUT and en.approx == Approx.ABOUT:
        return ABOUT_TOLERANCE
    if Approx.ABOUT in (zh.approx, en.approx):
        return APPROX_TOLERANCE  # 约 20 元 and "22 yuan"; 最多 20 元 is no "up to 22"
    if zh.unit != en.unit and convertible(zh.unit) and convertible(en.unit):
        return CONVERSION_TOLERANCE
    return EXACT_TOLERANCE


def _same(
    value: Decimal, high: Decimal | None, step: Decimal, en: Figure, approximate: Decimal
) -> bool:
    if (high is None) != (en.high is None):
        return False
    if not _equal(value, step, en.value, en.step, approximate):
        return False
    return high is None or _equal(high, step, en.high, en.step, approximate)  # type: ignore[arg-type]


def _equal(
    zh: Decimal,
    zh_step: Decimal,
    en: Decimal,
    en_step: Decimal,
    approximate: Decimal,
    strict: bool = False,
) -> bool:
    """Equal, or the English rounds the Chinese half-up to the precision it shows
    (387.75 → 3.88, not 3.87); ``strict`` drops the slack of approximate figures (for
    telling a scale error from a wrong number)."""
    if zh == en:
        return True
    if approximate and not strict:
        return abs(zh - en) <= approximate * max(abs(zh), abs(en))
    if en_step <= zh_step:
        return False  # the English cannot be more precise than its source
    # to_integral_value, not quantize: quantize raises past the context's 28 digits.
    return (zh / en_step).to_integral_value(rounding=ROUND_HALF_UP) * en_step == en


def _scale_factor(
    value: Decimal, high: Decimal | None, step: Decimal, en: Figure, approximate: Decimal
) -> int | None:
    """k ≠ 0 such that the English is the Chinese times 10**k, rounding allowed."""
    if value == 0 or en.value == 0 or (value < 0) != (en.value < 0):
        return None
    if (high is None) != (en.high is None):
        return None
    k = round(_log10(abs(en.value)) - _log10(abs(value)))
    if k == 0:
        return None
    shift = Decimal(10) ** k
    if value * shift != en.value and not _SCALED_WRITING.search(en.text):
        return None  # 112% → "11%" lost a digit; only "3.9 billion" rounds a scaled figure
    if not _equal(value * shift, step * shift, en.value, en.step, approximate, strict=True):
        return None
    if high is not None and not _equal(
        high * shift, step * shift, en.high, en.step, approximate, strict=True
    ):  # type: ignore[arg-type]
        return None
    return k


def _currency_conflict(zh: Figure, en: Figure) -> bool:
    """Two different currencies, unless one side's may mean the other's (元 and HK$,
    "$" and 美元: see ``zh_may_mean`` and ``en_may_mean`` in the units registry)."""
    if zh.kind != Kind.MONEY or en.kind != Kind.MONEY or zh.unit == en.unit:
        return False
    if zh.unit is None or en.unit is None:
        return False
    zh_unit, en_unit = UNITS.get(zh.unit), UNITS.get(en.unit)
    return not (
        (zh_unit is not None and en.unit in zh_unit.zh_may_mean)
        or (en_unit is not None and zh.unit in en_unit.en_may_mean)
    )


def _digit_similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return 1 - OSA.distance(a, b) / max(len(a), len(b))  # a transposition (28 → 82) is one edit


def _close(a: Decimal, b: Decimal) -> bool:
    big = max(abs(a), abs(b))
    return big > 0 and abs(a - b) / big <= Decimal("0.5")
