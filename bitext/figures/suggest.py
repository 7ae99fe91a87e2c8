"""Write a corrected English figure the way a translator would.

The suggestion keeps everything around the number (currency, unit, "more than") and
writes the right value with the largest scale word that leaves a number of at least 1,
in the translator's style (a word, "million", or an abbreviation, "mn"). A figure
written without a scale word keeps its plain digits, unless the value is a round
billion or more:

>>> from decimal import Decimal
>>> rewrite("3,877.5 million yuan", Decimal("3877500"))
'3.8775 million yuan'
>>> rewrite("RMB5.628 million", Decimal("562800"))
'RMB562,800'
>>> rewrite("45.67 million yuan", Decimal("4567000000"))
'4.567 billion yuan'
>>> rewrite("US$2.1bn", Decimal("210000000"))
'US$210mn'
>>> rewrite("82", Decimal("28"))
'28'
>>> rewrite("10 000", Decimal("1000")), rewrite("7,8980", Decimal("78908"))
('1,000', '78,908')
>>> rewrite("600 milion HKD", Decimal("6000000000"))  # a misspelt scale is replaced whole
'6 billion HKD'
"""

from __future__ import annotations

from decimal import Decimal

import regex

from bitext.figures.values import DATE_STAMP, MONTH_NAMES, DateParts, format_number

_NUMBER_AND_SCALE = regex.compile(  # 1 000 and 7,8908 are whole numbers too
    r"(?P<number>(?:\d{1,5}(?:[,\u0020\u00a0\u2009\u202f]\d{3,4}(?!\d))+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion|millon|milion|billon|bilion|trilion)\b"
    r"|(?:mn|bn|tn|m|k)\b)?",
    regex.IGNORECASE,
)
_SCALES = (
    ("trillion", "tn", Decimal(10**12)),
    ("billion", "bn", Decimal(10**9)),
    ("million", "mn", Decimal(10**6)),
)
_ABBREVIATIONS = {"bn", "mn", "m", "tn", "k"}


def rewrite(english: str, value: Decimal) -> str | None:
    """``english`` with its number replaced by ``value``; None if it has no digits."""
    match = _NUMBER_AND_SCALE.search(english)
    if match is None:
        return None
    scale_text = match.group("scale") or ""
    number = _scaled(value, scale_text) if scale_text else _plain(value)
    return english[: match.start()] + number + english[match.end() :]


def _scaled(value: Decimal, scale_text: str) -> str:
    """``value`` with the largest scale word that leaves at least 1, in the style of
    ``scale_text`` (its spacing and whether it is a word or an abbreviation)."""
    space = " " if scale_text.startswith(" ") else ""
    abbreviated = scale_text.strip().lower() in _ABBREVIATIONS
    for word, short, factor in _SCALES:
        if abs(value) >= factor:
            return f"{format_number(value / factor)}{space}{short if abbreviated else word}"
    return format_number(value)


def _plain(value: Decimal) -> str:
    """A value written out, with a scale word only for a round billion or more."""
    for word, _short, factor in _SCALES:
        if abs(value) >= factor and factor >= 10**9:
            return f"{format_number(value / factor)} {word}"
    return format_number(value)


def month(english: str, number: Decimal) -> str | None:
    """``english`` (a month name, full or short) with the month ``number`` in its place,
    written the way the English wrote it.

    >>> month("April", Decimal(3)), month("Sept.", Decimal(10))
    ('March', 'Oct.')
    """
    name = MONTH_NAMES[int(number) - 1] if 1 <= number <= 12 else None
    if name is None:
        return None
    word = regex.match(r"\p{L}+", english)
    if word is None:
        return None
    if len(word.group()) <= 4 and word.group() not in ("June", "July"):
        name = name[:3]
    return name + english[word.end() :]


_MONTH_WORD = regex.compile(r"\b\p{Lu}\p{Ll}{2,8}\b\.?")
_NUMBER = regex.compile(r"\d+")


def date(english: str, written: DateParts, wanted: DateParts) -> str | None:
    """The English date ``english`` (which gives the parts ``written``) with the parts the
    Chinese gives (``wanted``) in place of its own, written the way the English wrote it;
    None where the Chinese lacks a part the English needs.

    >>> date("July 26", DateParts(None, 7, 26), DateParts(None, 7, 25))
    'July 25'
    >>> date("2020-70-26", DateParts(2020, 70, 26), DateParts(2020, 7, 26))
    '2020-07-26'
    >>> date("July 250, 1946", DateParts(1946, 7, 99), DateParts(None, 7, 25))
    'July 25, 1946'
    >>> date("October 2014", DateParts(2014, 10, None), DateParts(2015, 10, None))
    'October 2015'
    >>> date("Aug. 5", DateParts(None, 8, 5), DateParts(None, 9, 5))
    'Sep. 5'
    """
    stamp = DATE_STAMP.fullmatch(english)
    if stamp:
        if None in wanted:
            return None
        sep = stamp.group("sep")
        return f"{wanted.year:04d}{sep}{wanted.month:02d}{sep}{wanted.day:02d}"
    text = english
    for number in reversed(list(_NUMBER.finditer(english))):
        year = written.year is not None and int(number.group()) == written.year
        part = wanted.year if year else wanted.day
        if part is None:
            continue  # a year the Chinese leaves to context stays
        text = text[: number.start()] + str(part) + text[number.end() :]
    name = _MONTH_WORD.search(text)
    if name is not None and wanted.month is not None:
        renamed = month(name.group(), Decimal(wanted.month))
        text = text[: name.start()] + (renamed or name.group()) + text[name.end() :]
    return text


def unit_swap(english: str, zh_unit: str | None) -> str | None:
    """The English percentage written as percentage points, or the reverse, when the
    Chinese has the other one (增长 3 个百分点 → "3 percentage points", not "3%").

    >>> unit_swap("3%", "pp"), unit_swap("rose 3 percentage points", "%")
    ('3 percentage points', 'rose 3%')
    """
    if zh_unit == "pp":
        swapped = regex.sub(r"\s?(?:%|per\s?cent\b|percent\b)", " percentage points", english, 1)
    elif zh_unit == "%":
        swapped = regex.sub(
            r"\s(?:percentage|percent)\s+points?\b|\s?(?:pp|ppts?)\b", "%", english, 1
        )
    else:
        return None
    return swapped if swapped != english else None
