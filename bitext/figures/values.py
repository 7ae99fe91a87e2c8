"""Numbers as exact decimals, shared by the Chinese and English extractors.

Values are :class:`~decimal.Decimal` so that 387.75 万 is exactly 3877500 and
comparisons never suffer binary rounding. ``step`` is the place value of the
last digit shown (3.88 million → 10000): a translation that rounds within
half a step is not wrong. ``significant`` strips the power of ten, which is
what a 万/亿 scale error leaves unchanged.
"""

from __future__ import annotations

from decimal import Decimal

import regex

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_POSITIONAL = "十百千万亿拾佰仟"


def parse_arabic(text: str) -> tuple[Decimal, Decimal]:
    """Value and step of an Arabic number with optional separators.

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


def parse_chinese(text: str) -> Decimal:
    """Value of a Chinese numeral, multipliers included.

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


def share(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator/denominator as a percentage, rounded so that both languages agree on
    repeating decimals (三分之二 and "two thirds").

    >>> share(Decimal(2), Decimal(3))
    Decimal('66.66666667')
    """
    return (numerator / denominator * 100).quantize(FRACTION_PLACES)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation.

    >>> tidy(Decimal("3877500.00")), tidy(Decimal("0.50")), tidy(Decimal("1E+3"))
    (Decimal('3877500'), Decimal('0.5'), Decimal('1000'))
    """
    if value == value.to_integral_value():
        return value.to_integral_value().quantize(Decimal(1))
    return value.normalize()


def is_digit_sequence(text: str) -> bool:
    """Chinese digits read one by one (二〇一八), with no 十/百/千.

    >>> is_digit_sequence("二〇一八"), is_digit_sequence("二十")
    (True, False)
    """
    return len(text) > 1 and all(ch in _CN_DIGITS for ch in text)


DATE_STAMP = regex.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})[-/.](?P<month>[0-9]{1,2})[-/.](?P<day>[0-9]{1,2})(?![0-9])"
)
"""2020-07-26, 2020/7/26: a date written the same way in both languages."""


def date_stamp_parts(match: regex.Match[str]) -> list[tuple[int, int, Decimal, str]]:
    """(start, end, value, kind) for the year, month and day of a DATE_STAMP match.

    >>> [(v, k) for _, _, v, k in date_stamp_parts(DATE_STAMP.search("at 2020-07-26"))]
    [(Decimal('2020'), 'year'), (Decimal('7'), 'month'), (Decimal('26'), 'day')]
    """
    return [
        (match.start(part), match.end(part), Decimal(int(match.group(part))), part)
        for part in ("year", "month", "day")
    ]


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
    """
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return f"{int(normalized):,}"
    whole, _, fraction = format(normalized, "f").partition(".")
    return f"{int(whole):,}.{fraction}"
