"""Numbers as exact decimals, shared by the Chinese and English extractors.

Values are :class:`~decimal.Decimal` so that 387.75 万 is exactly 3877500 and
comparisons never suffer binary rounding. ``step`` is the place value of the
last digit shown (3.88 million → 10000): a translation that rounds within
half a step is not wrong. ``significant`` strips the power of ten, which is
what a 万/亿 scale error leaves unchanged.
"""

from __future__ import annotations

import bisect
import calendar
import functools
from collections.abc import Iterable
from decimal import Decimal, getcontext
from typing import NamedTuple

import regex

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_CN_DIGITS = "零〇一二两三四五六七八九"


@functools.lru_cache(maxsize=4096)
def parse_arabic(text: str) -> tuple[Decimal, Decimal]:
    """Value and step of an Arabic number with optional separators. Kept for the next
    time, as :func:`parse_chinese` is: the value depends on the string alone, and text
    repeats its numbers (years, days, small counts).

    >>> parse_arabic("3,877.5")
    (Decimal('3877.5'), Decimal('0.1'))
    >>> parse_arabic("２０１８")
    (Decimal('2018'), Decimal('1'))
    """
    plain = text.translate(FULL_WIDTH_DIGITS).replace(",", "").replace(" ", "")
    value = Decimal(plain)
    exponent = value.as_tuple().exponent
    step = Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else Decimal(1)
    return value, step


@functools.lru_cache(maxsize=4096)
def parse_chinese(text: str) -> Decimal:
    """Value of a Chinese numeral, multipliers included. Kept for the next time: the
    value depends on the string alone (and the decimal context, which bitext never
    changes), text repeats the same few numerals (一, 两, 三, 十二) over and over, and cn2an
    checks its input at length (50 µs a numeral). A numeral cn2an refuses raises each time.

    >>> parse_chinese("三千八百七十七点五万")
    Decimal('38775000')
    >>> parse_chinese("两亿"), parse_chinese("百")
    (Decimal('200000000'), Decimal('100'))
    """
    mantissa, multiplier = split_multiplier(text)
    if not mantissa:
        return multiplier
    if mantissa[0] in "十百千万亿拾佰仟":
        mantissa = "一" + mantissa
    import cn2an  # 0.1 s to import; only Chinese numerals (三千八百) need it

    return tidy(Decimal(str(cn2an.cn2an(mantissa, "smart"))) * multiplier)


def split_multiplier(text: str) -> tuple[str, Decimal]:
    """Split trailing 万/亿 off a numeral that has a decimal point (cn2an cannot read
    "七点五万"); without a point cn2an reads the whole numeral itself.

    >>> split_multiplier("七点五万")
    ('七点五', Decimal('10000'))
    >>> split_multiplier("一万二千五百")
    ('一万二千五百', Decimal('1'))
    """
    multiplier = Decimal(1)
    if "点" not in text and text not in MULTIPLIERS:
        return text, multiplier
    while text and text[-1] in "万亿":
        multiplier *= MULTIPLIERS[text[-1]]
        text = text[:-1]
    if text in MULTIPLIERS:
        return "", MULTIPLIERS[text] * multiplier
    return text, multiplier


MULTIPLIERS = {
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10**4),
    "亿": Decimal(10**8),
    "万亿": Decimal(10**12),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "个亿": Decimal(10**8),
}


FRACTION_PLACES = Decimal("1e-8")
MAX_DIGITS = 100
"""A run of more digits than this is no quantity (a bulletin's largest, 万亿 yuan, has
13), and the readers skip it as they skip codes: its value would overflow the decimal
context on the way (quantize, normalize and int conversions all have limits)."""


def too_long(number: str) -> bool:
    """More than :data:`MAX_DIGITS` digits in ``number``, Chinese numerals counted too
    (cn2an reads a long run of them in quadratic time).

    >>> too_long("3,877.5"), too_long("9" * 101), too_long("九" * 101)
    (False, True, True)
    """
    return len(number) > MAX_DIGITS and sum(ch.isnumeric() for ch in number) > MAX_DIGITS


def share(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator/denominator as a percentage, rounded so that both languages agree on
    repeating decimals (三分之二 and "two thirds").

    >>> share(Decimal(2), Decimal(3))
    Decimal('66.66666667')
    """
    percent = numerator / denominator * 100
    if percent.adjusted() >= getcontext().prec + FRACTION_PLACES.adjusted():
        return percent  # too many digits to show 8 places: quantize would raise
    return percent.quantize(FRACTION_PLACES)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation, except for a whole
    number with more digits than the decimal context holds (quantize cannot write it out
    and raises; text can hold "9" * 500), which keeps its exponent.

    >>> tidy(Decimal("3877500.00")), tidy(Decimal("0.50")), tidy(Decimal("1E+3"))
    (Decimal('3877500'), Decimal('0.5'), Decimal('1000'))
    >>> tidy(Decimal("9" * 40)), tidy(Decimal("1E+400"))
    (Decimal('1E+40'), Decimal('1E+400'))
    """
    if value == value.to_integral_value():
        whole = value.to_integral_value()
        if whole.adjusted() < getcontext().prec:
            return whole.quantize(Decimal(1))
        return whole.normalize()
    return value.normalize()


LOOKBEHIND = 256
"""How far before a number the readers look for a word that changes how it reads (a Latin
name, a code before a dash, 时速). Searching from the start of the text instead cost the
length of the text before each number: quadratic on a long line of figures."""


LOOKAHEAD = 256
"""How far after a number the readers look for its unit: ``text[pos:].lstrip()`` copied
the rest of the text for every figure, quadratic in a paragraph of figures."""


def ahead(text: str, pos: int) -> str:
    """The :data:`LOOKAHEAD` characters after ``pos``: what a figure's context is matched
    against.

    >>> ahead("two thirds of them", 10)
    ' of them'
    """
    return text[pos : pos + LOOKAHEAD]


def after(text: str, pos: int) -> tuple[str, int]:
    """The :func:`ahead` characters with white space skipped, and how many characters
    were skipped.

    >>> after("5  万元，共计", 1)
    ('万元，共计', 2)
    """
    window = ahead(text, pos)
    rest = window.lstrip()
    return rest, len(window) - len(rest)


def ends_at(pattern: regex.Pattern[str], text: str, end: int) -> regex.Match[str] | None:
    """``pattern``, anchored with ``$``, matched in the :data:`LOOKBEHIND` characters
    before ``end`` (lookarounds and ``\\b`` still see the characters before those).

    >>> ends_at(regex.compile(r"时速\\s*$"), "时速 350", 3).span()
    (0, 3)
    """
    return pattern.search(text, max(0, end - LOOKBEHIND), end)


class Occupied:
    """Spans of text already read, kept sorted and merged, so that asking whether a new
    span overlaps one of them costs a bisection, not a pass over every figure before it
    (a paragraph can hold a hundred thousand figures).

    >>> taken = Occupied([(10, 14), (0, 3)])
    >>> taken.add(12, 20)
    >>> taken.overlaps(3, 10), taken.overlaps(2, 4), taken.overlaps(19, 25)
    (False, True, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Mark ``start:end`` as read, merging it with the spans it overlaps."""
        if not self._starts or (start >= self._starts[-1] and start >= self._ends[-1]):
            self._starts.append(start)  # after every span: readers mostly find them in order
            self._ends.append(end)
            return
        i = bisect.bisect_right(self._starts, start)
        if i and self._ends[i - 1] > start:
            i -= 1
            start, end = self._starts[i], max(end, self._ends[i])
        j = i
        while j < len(self._starts) and self._starts[j] < end:
            end = max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def covers(self, position: int) -> bool:
        """``position`` lies inside a read span.

        >>> Occupied([(3, 5)]).covers(4), Occupied([(3, 5)]).covers(5)
        (True, False)
        """
        i = bisect.bisect_right(self._starts, position) - 1  # overlaps(position, position + 1)
        return i >= 0 and self._ends[i] > position

    def overlaps(self, start: int, end: int) -> bool:
        """Some read span shares a character with ``start:end`` (or lies strictly
        inside it)."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start


_ROMAN_VALUES = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10}
_ROMAN_LETTERS = {"I": 1, "V": 5, "X": 10}


def roman_value(numeral: str) -> int:
    """Value of a Roman numeral, one character (Ⅲ) or letters (IV), as both languages
    write levels (Ⅲ级, "Level III").

    >>> roman_value("IV"), roman_value("Ⅲ")
    (4, 3)
    """
    if numeral in _ROMAN_VALUES:
        return _ROMAN_VALUES[numeral]
    total = 0
    for k, ch in enumerate(numeral):
        value = _ROMAN_LETTERS[ch]
        smaller = k + 1 < len(numeral) and _ROMAN_LETTERS[numeral[k + 1]] > value
        total += -value if smaller else value
    return total


SOFT_LIMIT = Decimal(10)
"""The largest small number: a translation may leave a figure up to ten implicit or say it
in a word (一名教师 "a teacher", "the second"), so the readers mark it soft."""


def is_digit_sequence(text: str) -> bool:
    """Chinese digits read one by one (二〇一八), with no 十/百/千.

    >>> is_digit_sequence("二〇一八"), is_digit_sequence("二十")
    (True, False)
    """
    return len(text) > 1 and all(ch in _CN_DIGITS for ch in text)


DATE_STAMP = regex.compile(
    r"(?<![0-9.:/-])(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{2}(?=[0-9]{1,2}\s?[:：])|[0-9]{1,3}(?![0-9]))"
)
"""2020-07-26, 2020/7/26: a date written the same way in both languages. Machine
translation runs the time into it ("2020-07-2605:03:17": the day is 26), and a slip of
the keys leaves a part no calendar has ("2020-07-260", "0220-07-26"): still the date
stamp, written wrong."""


class DateParts(NamedTuple):
    """The year, month and day a date gives; None for a part it leaves out."""

    year: int | None
    month: int | None
    day: int | None


def date_value(year: int | None, month: int | None, day: int | None) -> Decimal:
    """A date as one number, YYYYMMDD, 00 for a part not given and 99 for a part too
    long to be one (see :class:`bitext.model.Kind`).

    >>> date_value(2024, 3, 15), date_value(None, 3, 15), date_value(2020, 7, 260)
    (Decimal('20240315'), Decimal('315'), Decimal('20200799'))
    """
    return Decimal((year or 0) * 10000 + min(month or 0, 99) * 100 + min(day or 0, 99))


def date_parts(value: Decimal) -> DateParts:
    """The parts of a :func:`date_value`.

    >>> date_parts(Decimal(20240315)), date_parts(Decimal(315))
    (DateParts(year=2024, month=3, day=15), DateParts(year=None, month=3, day=15))
    """
    whole = int(value)
    year, month, day = whole // 10000, whole // 100 % 100, whole % 100
    return DateParts(year or None, month or None, day or None)


def is_calendar_date(parts: DateParts) -> bool:
    """Every part given is one a calendar has: a month 1 to 12, a day of that month, a
    year 1000 to 2100.

    >>> is_calendar_date(DateParts(2021, 2, 29)), is_calendar_date(DateParts(None, 2, 29))
    (False, True)
    >>> is_calendar_date(DateParts(220, 7, 26)), is_calendar_date(DateParts(2020, 70, 26))
    (False, False)
    """
    year, month, day = parts
    if year is not None and not 1000 <= year <= 2100:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    longest = calendar.monthrange(year or 2000, month)[1] if month else 31  # 2000: Feb 29
    return 1 <= day <= longest


def date_stamp(match: regex.Match[str]) -> tuple[int, int, Decimal]:
    """(start, end, value) of a :data:`DATE_STAMP` match: one date.

    >>> date_stamp(DATE_STAMP.search("at 2020-07-26 17:37"))
    (3, 13, Decimal('20200726'))
    >>> date_stamp(DATE_STAMP.search("2020-07-2605:03:17 Source"))
    (0, 10, Decimal('20200726'))
    """
    year, month, day = (int(match.group(part)) for part in ("year", "month", "day"))
    return match.start(), match.end(), date_value(year, month, day)


def clock_value(hours: int, minutes: int = 0, seconds: int = 0) -> Decimal:
    """A time of day (or a race time) as one number, seconds after midnight (see
    :class:`bitext.model.Kind`).

    >>> clock_value(19, 35), clock_value(0, 1, 57)
    (Decimal('70500'), Decimal('117'))
    """
    return Decimal(hours * 3600 + minutes * 60 + seconds)


def clock_digits(seconds: Decimal) -> str:
    """The digits a clock time shows, for comparing 19:35 with 91:35.

    >>> clock_digits(Decimal(19 * 3600 + 35 * 60))
    '1935'
    """
    minutes = int(seconds // 60)
    return f"{minutes // 60}{minutes % 60:02d}"


def significant(value: Decimal) -> str:
    """The significant digits of a value: the same for 387.75 万 and 3,877.5 million.

    >>> significant(Decimal("3877500")), significant(Decimal("3877500000"))
    ('38775', '38775')
    """
    digits = format(abs(value).normalize(), "f").replace(".", "").lstrip("0").rstrip("0")
    return digits or "0"


def power_of_ten(ratio: Decimal) -> int | None:
    """k when ``ratio`` is exactly 10**k (k may be negative), else None.

    >>> power_of_ten(Decimal(1000)), power_of_ten(Decimal("0.1")), power_of_ten(Decimal(3))
    (3, -1, None)
    """
    if ratio <= 0:
        return None
    normalized = ratio.normalize()
    _sign, digits, exponent = normalized.as_tuple()
    if digits == (1,) and isinstance(exponent, int):
        return exponent
    return None


def format_number(value: Decimal) -> str:
    """English digits with thousands separators and no trailing zeros.

    >>> format_number(Decimal("562800")), format_number(Decimal("3.87750"))
    ('562,800', '3.8775')
    >>> format_number(Decimal("1E+400")), format_number(Decimal("-2.5E-300"))
    ('1E+400', '-2.5E-300')
    """
    normalized = value.normalize()
    if abs(normalized.adjusted()) > MAX_DIGITS:
        return f"{normalized:E}"  # no one reads 120 digits; int() refuses past 4,300
    if normalized == normalized.to_integral_value():
        return f"{int(normalized):,}"
    whole, _, fraction = format(normalized, "f").partition(".")
    return f"{int(whole):,}.{fraction}"


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""By ISO number less one: Monday is 1."""

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

_PLAIN_KINDS = frozenset({"year", "month", "day", "decade", "score"})
"""Kinds whose numbers are names of a place in a sequence: no thousands separator
(2,024 is no year)."""


def shown(value: Decimal, kind: str) -> str:
    """A figure's value as a reader writes it, for messages: a year without a thousands
    separator, a clock as h:mm, a percentage with its sign.

    >>> shown(Decimal(2024), "year"), shown(Decimal(3877500), "money")
    ('2024', '3,877,500')
    >>> shown(Decimal(55107), "clock"), shown(Decimal(68400), "clock"), shown(Decimal("5.7"), "percent")
    ('15:18:27', '19:00', '5.7%')
    >>> shown(Decimal(3), "month"), shown(Decimal(20240315), "date"), shown(Decimal(315), "date")
    ('March', 'March 15, 2024', 'March 15')
    >>> shown(Decimal(20200799), "date")
    'no date'
    """
    if kind == "month" and value == value.to_integral_value() and 1 <= value <= 12:
        return MONTH_NAMES[int(value) - 1]
    if kind == "date":
        return _date_shown(date_parts(value))
    if kind == "weekday" and value == value.to_integral_value() and 1 <= value <= 7:
        return WEEKDAY_NAMES[int(value) - 1]
    if kind == "clock" and value == value.to_integral_value() and 0 <= value < 10 * 86400:
        seconds = int(value)
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
    if kind in _PLAIN_KINDS and abs(value) < 10**6:
        return format(value.normalize(), "f")
    if kind in ("percent", "fraction"):
        return f"{format_number(value)}%"
    return format_number(value)


def _date_shown(parts: DateParts) -> str:
    """ "March 15, 2024", "March 15", "March 2024"; "no date" for parts no calendar has."""
    if not is_calendar_date(parts):
        return "no date"
    year, month, day = parts
    said = " ".join(str(p) for p in (MONTH_NAMES[month - 1] if month else None, day) if p)
    return f"{said}, {year}" if year and day else " ".join(str(p) for p in (said, year) if p)
