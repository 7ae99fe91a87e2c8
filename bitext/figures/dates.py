"""The calendar of a story: which date a day of the month (25日) or a date without its year
(7月25日) names, so that a weekday put in its place ("on Friday") can be checked.

A story dates itself: a page header's date stamp (2020-07-26 17:37:29 来源：…), or a full
date in the sentence itself (2020年7月24日，…25日). Other full dates elsewhere in a story may
be history (2019年2月26日，云南省人民政府发布…) and do not date it. A day is read as the
date nearest to that reference: 25日 in a story stamped 2020-07-26 is July 25, 2020 (a
Saturday); 30日 in one stamped 2020-07-01 is June 30. Without a reference, a weekday for
a day cannot be checked, and the reviewer is told so.

>>> from bitext.figures import extract
>>> reference = reference_date(extract("2020-07-26 17:37:29 来源：央视网", "zh"))
>>> reference
datetime.date(2020, 7, 26)
>>> day_named(extract("阿博特25日表示", "zh")[0], reference)
datetime.date(2020, 7, 25)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from bitext.figures.values import DATE_STAMP, DateParts, date_parts, is_calendar_date
from bitext.model import Figure, Kind

_NEAR_MONTHS = (-1, 0, 1)


def reference_date(figures: Iterable[Figure], stamps_only: bool = False) -> datetime.date | None:
    """The date ``figures`` are told from: their first date stamp, else (unless
    ``stamps_only``, for a whole document) their first Chinese date that gives a year, a
    month and a day; None if they have neither."""
    dates = [f for f in figures if f.kind == Kind.DATE and f.lang == "zh"]
    stamps = [f for f in dates if DATE_STAMP.fullmatch(f.text)]
    for figure in stamps if stamps_only else [*stamps, *dates]:
        parts = date_parts(figure.value)
        if None not in parts and is_calendar_date(parts):
            return datetime.date(*parts)  # type: ignore[arg-type]
    return None


def day_named(figure: Figure, reference: datetime.date | None) -> datetime.date | None:
    """The date a day or a date names, its missing year and month taken from the
    ``reference`` (the nearest such date); None when it names no day or cannot be placed.

    >>> from bitext.figures import extract
    >>> day_named(extract("30日", "zh")[0], datetime.date(2020, 7, 1))
    datetime.date(2020, 6, 30)
    >>> day_named(extract("12月31日", "zh")[0], datetime.date(2021, 1, 2))
    datetime.date(2020, 12, 31)
    """
    parts = _parts(figure)
    if parts is None or parts.day is None or not is_calendar_date(parts):
        return None
    if parts.year is not None and parts.month is not None:
        return datetime.date(parts.year, parts.month, parts.day)
    if reference is None:
        return None
    candidates = [_date(parts, reference, shift) for shift in _NEAR_MONTHS]
    dates = [d for d in candidates if d is not None]
    return min(dates, key=lambda d: abs(d - reference)) if dates else None


def _parts(figure: Figure) -> DateParts | None:
    if figure.kind == Kind.DATE:
        return date_parts(figure.value)
    if figure.kind == Kind.DAY and figure.high is None:
        return DateParts(None, None, int(figure.value))
    return None


def _date(parts: DateParts, reference: datetime.date, shift: int) -> datetime.date | None:
    """``parts`` completed from the month ``shift`` months from the reference's (or the
    year ``shift`` years from it, when the month is given)."""
    if parts.month is not None:
        year, month = reference.year + shift, parts.month
    else:
        index = reference.year * 12 + reference.month - 1 + shift
        year, month = divmod(index, 12)
        month += 1
    try:
        return datetime.date(year, month, parts.day)  # type: ignore[arg-type]
    except ValueError:
        return None  # 31日 in a month of 30 days
