"""Figures in English text, normalized to values.

A figure is a number (digits with separators, or number words) read with what
surrounds it: an approximation before it ("more than", "nearly"), a currency
before or after it (RMB5.628, US$3, 70,000 yuan), a scale word (million, bn),
percent or percentage points, a unit, a month name for a date, a second
number for a range ("5 to 10 million").

Digits glued to letters are codes, not quantities (iPhone7, G20, 3D, COVID-19),
times and telephone numbers are skipped, and set phrases with "one" (one of,
one-to-one, no one) are not figures. Small number words are *soft*: a
translation may say "six" where the source has none (六方会谈 → "six-party").

>>> [(f.text, f.value, f.unit) for f in extract("invested RMB5.628 million in 8 sessions")]
[('RMB5.628 million', Decimal('5628000'), 'CNY'), ('8', Decimal('8'), None)]
"""

from __future__ import annotations

from decimal import Decimal

import regex

from bitext.figures.values import parse_arabic, significant, tidy
from bitext.model import Figure

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10**6),
    "billion": Decimal(10**9),
    "trillion": Decimal(10**12),
    "k": Decimal(1000),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "mln": Decimal(10**6),
    "bn": Decimal(10**9),
    "b": Decimal(10**9),
    "tn": Decimal(10**12),
    "tr": Decimal(10**12),
    "dozen": Decimal(12),
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
FRACTION_WORDS = {
    "half": Decimal(50),
    "third": Decimal(100) / 3,
    "thirds": Decimal(100) / 3,
    "quarter": Decimal(25),
    "quarters": Decimal(25),
    "fifth": Decimal(20),
    "fifths": Decimal(20),
    "tenth": Decimal(10),
    "tenths": Decimal(10),
}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
CURRENCY_PREFIXES = {
    "RMB": "CNY", "CNY": "CNY", "Rmb": "CNY", "rmb": "CNY", "¥": "CNY", "￥": "CNY",
    "US$": "USD", "USD": "USD", "$": "USD", "HK$": "HKD", "HKD": "HKD", "NT$": "TWD",
    "TWD": "TWD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "S$": "SGD", "SGD": "SGD", "€": "EUR", "EUR": "EUR", "£": "GBP",
    "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "SEK": "SEK", "KRW": "KRW", "INR": "INR",
    "Rs": "INR", "₩": "KRW", "₹": "INR", "R$": "BRL",
}  # fmt: skip
CURRENCY_SUFFIXES = {
    "yuan": "CNY", "renminbi": "CNY", "RMB": "CNY", "US dollars": "USD",
    "U.S. dollars": "USD", "dollars": "USD", "dollar": "USD", "Hong Kong dollars": "HKD",
    "HK dollars": "HKD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "won": "KRW",
    "rubles": "RUB", "roubles": "RUB", "rupees": "INR", "francs": "CHF",
}  # fmt: skip
MEASURE_SUFFIXES = {
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2",
    "square metres": "m2", "square meters": "m2", "sq m": "m2", "sqm": "m2", "m2": "m2",
    "sq ft": "ft2", "square feet": "ft2", "cubic metres": "m3", "cubic meters": "m3",
    "kilometres": "km", "kilometers": "km", "km": "km", "metres": "m", "meters": "m",
    "miles": "mile", "mile": "mile", "hectares": "ha", "mu": "mu", "tonnes": "t",
    "tons": "t", "tonne": "t", "ton": "t", "kilograms": "kg", "kg": "kg", "grams": "g",
    "litres": "l", "liters": "l", "kWh": "kWh", "kilowatt-hours": "kWh", "kilowatts": "kW",
    "kW": "kW", "megawatts": "MW", "MW": "MW", "years old": "age", "-year-old": "age",
    "year-old": "age", "-year-olds": "age", "years": "years", "year": "years",
    "months": "month-count", "month": "month-count", "days": "day", "day": "day",
    "weeks": "week", "hours": "h", "hour": "h", "minutes": "min", "seconds": "s",
    "degrees": "C", "km/h": "km/h",
}  # fmt: skip
APPROX_WORDS = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over",
    "upwards of": "over", "at least": "over", "no less than": "over", "not less than": "over",
    "just over": "over", "exceeding": "over", "nearly": "under", "almost": "under",
    "close to": "under", "just under": "under", "less than": "under", "fewer than": "under",
    "under": "under", "below": "under", "up to": "under", "no more than": "under",
    "not more than": "under", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "as many as": "about", "as much as": "about", "as high as": "about", "nearly about": "about",
}  # fmt: skip

_WORD_NUMBER = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_NUMBER_WORDS = (
    rf"(?:(?:a|an|{_WORD_NUMBER})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_NUMBER}|hundred|thousand|"
    rf"million|billion|trillion|dozen))*)"
)
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion)s?\b|(?:mn|mln|bn|tn|m|k|b)\b|\s(?:mn|bn|tn|mln)\b)"
_CURRENCY_PREFIX = "|".join(
    regex.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True)
)
_APPROX = "|".join(regex.escape(a) for a in sorted(APPROX_WORDS, key=len, reverse=True))

FIGURE = regex.compile(
    rf"""
    (?P<approx>\b(?i:{_APPROX})\s+)?
    (?P<cur>(?<![\p{{L}}\d])(?:{_CURRENCY_PREFIX})\s?)?
    (?:
        (?P<digits>(?<![\d.,:])(?:{_DIGITS}))(?P<scale>{_SCALE})?
      | (?P<words>\b{_NUMBER_WORDS}\b)(?P<wscale>{_SCALE})?
    )
    (?P<range>
        (?:\s?(?:-|–|—|to)\s?|\s(?:and|or)\s)
        (?P<cur2>(?:{_CURRENCY_PREFIX})\s?)?
        (?:(?P<digits2>{_DIGITS})|(?P<words2>\b{_NUMBER_WORDS}\b))(?P<scale2>{_SCALE})?
    )?
    """,
    regex.VERBOSE,
)
_PERCENT = regex.compile(r"\s?(?:%|per\s?cent\b|pct\b)|\s(?:percentage\spoints?|pp|ppts?)\b")
_GLUED_CODE = regex.compile(r"[\p{L}_]")
_SKIP = regex.compile(
    r"\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?[ap]\.?m\.?(?!\w)"
    r"|\(?\b\d{3}\)?[\s.-]\d{3,4}[\s.-]\d{4}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b"
    r"|\b\d+(?:st|nd|rd|th)\b|\b(?:1[5-9]|20)\d0s\b|\b\d+-\d+\s(?:win|victory|defeat|lead)"
)
_IDIOMS = regex.compile(
    r"\b(?:one[\s-](?:on|to|by|for)[\s-]one|one[\s-](?:of|to|on|by|another|another's|day|time|way|side|stop|off|party|child|"
    r"China|country|belt)|no one|some\s?one|any\s?one|every\s?one|the one|this one|that one|"
    r"one's|ones|at one point|one or two|first of all|a few|a lot|a number of|a couple|a bit|"
    r"a little|a second|at first|at once|a\s(?=\w+\s(?:of|than)))\b",
    regex.IGNORECASE,
)
_ORDINAL = regex.compile(
    r"\b(\d+)(?:st|nd|rd|th)\b|\b(" + "|".join(ORDINAL_WORDS) + r")\b", regex.IGNORECASE
)
_MONTH = regex.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_DAY_AFTER = regex.compile(r"\s(\d{1,2})(?:st|nd|rd|th)?\b(?!,\d|\.\d|:)")
_DAY_BEFORE = regex.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?$")
_YEAR = regex.compile(r"^(?:1[5-9]\d\d|20\d\d|2100)$")
_FRACTION = regex.compile(
    r"\b(?:(a|one|two|three|four|five|six|seven|eight|nine)[\s-])?"
    r"(half|thirds?|quarters?|fifths?|tenths?)\b",
    regex.IGNORECASE,
)
_MULTIPLE = regex.compile(
    r"\b(?:(twice|double|doubled|triple|tripled|quadrupled)|(\w+)[\s-](?:times|fold)\b)",
    regex.IGNORECASE,
)
_MULTIPLE_WORDS = {
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "triple": 3,
    "tripled": 3,
    "quadrupled": 4,
}
_SOFT_LIMIT = Decimal(10)


def extract(text: str, base: int = 0) -> list[Figure]:
    """Figures in an English span; offsets are ``base`` + positions in ``text``."""
    blocked = [m.span() for m in _SKIP.finditer(text)] + [m.span() for m in _IDIOMS.finditer(text)]
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for figure in _dates(text) + _fractions(text) + _multiples(text) + _ordinals(text):
        if not _overlaps((figure.start, figure.end), taken):
            figures.append(figure)
            taken.append((figure.start, figure.end))
    for match in FIGURE.finditer(text):
        core = _core_span(match)
        if _overlaps(core, blocked) or _overlaps(core, taken) or _is_code(text, match):
            continue
        figure = _read(text, match)
        if figure is not None:
            figures.append(figure)
            taken.append((figure.start, figure.end))
    figures.sort(key=lambda f: f.start)
    return [f._replace(start=f.start + base, end=f.end + base) for f in figures]


def _core_span(match: regex.Match[str]) -> tuple[int, int]:
    group = "digits" if match.group("digits") else "words"
    return match.start(group), match.end(group)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _is_code(text: str, match: regex.Match[str]) -> bool:
    """Digits glued to letters that are not a currency, scale or unit: G20, 3D, A380."""
    if not match.group("digits"):
        return False
    start, end = match.span("digits")
    before = text[start - 1] if start else " "
    after = text[match.end("scale") if match.group("scale") else end : match.end() + 1][:1]
    if match.group("cur"):
        before = " "
    if _GLUED_CODE.match(before) or before in "-/#":
        return True
    if after and _GLUED_CODE.match(after):
        unit = regex.match(r"[a-zA-Z]+", text[end:])
        return unit is not None and unit.group() not in _GLUED_UNITS
    return False


_GLUED_UNITS = {"km", "kg", "m", "bn", "mn", "k", "sq", "ft", "g", "t", "kWh", "kW", "MW", "GW"}


def _read(text: str, match: regex.Match[str]) -> Figure | None:
    value, step = _value(match.group("digits"), match.group("words"))
    if value is None:
        return None
    core, scale_group = ("digits", "scale") if match.group("digits") else ("words", "wscale")
    scale = match.group(scale_group)
    if core == "words" and match.group("words").lower() in ("a", "an") and not scale:
        return None
    currency = match.group("cur")
    value, step = _scaled(value, step, scale, currency)
    high = None
    end = match.end(scale_group) if scale else match.end(core)
    if match.group("range"):
        high_value, high_step = _value(match.group("digits2"), match.group("words2"))
        if high_value is not None:
            high_scale = match.group("scale2")
            high_value, high_step = _scaled(high_value, high_step, high_scale, currency)
            if high_scale and not scale and value * _scale_factor(high_scale) <= high_value:
                value, step = value * _scale_factor(high_scale), step * _scale_factor(high_scale)
            if high_value > value and not _is_year_span(match):
                high, step, end = high_value, min(step, high_step), match.end("range")
    start = match.start("cur") if currency else match.start(core)
    approx = None
    if match.group("approx"):
        approx = APPROX_WORDS[" ".join(match.group("approx").lower().split())]
        start = match.start("approx")
    kind, unit, end = _unit(text, end, currency)
    if kind == "count" and _YEAR.match(match.group("digits") or "") and not scale and not high:
        kind = "year"
    if kind is None:
        return None
    soft = core == "words" and value <= _SOFT_LIMIT and high is None
    return _figure(text, start, end, value, kind, unit, high, approx, step, soft)


def _is_year_span(match: regex.Match[str]) -> bool:
    """2017-18 is a season, not a range from 2017 to 18."""
    first = match.group("digits") or ""
    return bool(_YEAR.match(first)) and len(match.group("digits2") or "") <= 2


def _value(digits: str | None, words: str | None) -> tuple[Decimal | None, Decimal]:
    if digits:
        return parse_arabic(digits)
    if words:
        value = words_to_number(words)
        return value, Decimal(1)
    return None, Decimal(1)


def _scale_factor(scale: str) -> Decimal:
    word = scale.strip().lower()
    return SCALE_WORDS.get(word) or SCALE_WORDS.get(word.rstrip("s"), Decimal(1))


def _scaled(
    value: Decimal, step: Decimal, scale: str | None, currency: str | None
) -> tuple[Decimal, Decimal]:
    if not scale:
        return value, step
    word = scale.strip()
    if word.lower() in ("m", "b", "k") and not currency:
        return value, step  # 100m is a distance unless money is named
    factor = _scale_factor(word)
    return value * factor, step * factor


def _unit(text: str, pos: int, currency: str | None) -> tuple[str | None, str | None, int]:
    """Kind and unit after a number: percent, percentage points, currency, measure."""
    percent = _PERCENT.match(text, pos)
    if percent:
        word = percent.group().strip().lower()
        if word.startswith("percentage") or word.startswith("pp"):
            return "pp", "pp", percent.end()
        return "percent", "%", percent.end()
    if currency:
        return "money", CURRENCY_PREFIXES[currency.strip()], pos
    rest = text[pos:]
    for name in _SUFFIX_ORDER:
        if regex.match(r"\s?" + regex.escape(name) + r"\b", rest):
            matched = regex.match(r"\s?" + regex.escape(name), rest)
            if name in CURRENCY_SUFFIXES:
                return "money", CURRENCY_SUFFIXES[name], pos + matched.end()
            return "measure", MEASURE_SUFFIXES[name], pos + matched.end()
    return "count", None, pos


_SUFFIX_ORDER = sorted([*CURRENCY_SUFFIXES, *MEASURE_SUFFIXES], key=len, reverse=True)


def words_to_number(words: str) -> Decimal | None:
    """Value of English number words.

    >>> words_to_number("twenty-one"), words_to_number("two hundred and fifty thousand")
    (Decimal('21'), Decimal('250000'))
    >>> words_to_number("a million"), words_to_number("a")
    (Decimal('1000000'), Decimal('1'))
    """
    total, current = Decimal(0), Decimal(0)
    for word in regex.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in ("a", "an"):
            current = Decimal(1)
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word == "hundred":
            current = max(current, Decimal(1)) * 100
        elif word in SCALE_WORDS:
            total += max(current, Decimal(1)) * SCALE_WORDS[word]
            current = Decimal(0)
        else:
            return None
    return total + current


def _dates(text: str) -> list[Figure]:
    """Month names with their day: "October 1", "1 October" → month 10 and day 1."""
    figures = []
    for match in _MONTH.finditer(text):
        name = match.group(1)
        day_after = _DAY_AFTER.match(text, match.end())
        day_before = _DAY_BEFORE.search(text[: match.start()])
        year_after = regex.match(r",?\s(1[5-9]\d\d|20\d\d)\b", text[match.end() :])
        if name == "May" and not (day_after or day_before or year_after):
            continue  # the modal verb
        figures.append(
            _figure(text, match.start(), match.end(), Decimal(MONTHS[name.lower()]), "month")
        )
        day = day_after or day_before
        if day:
            figures.append(_figure(text, day.start(1), day.end(1), Decimal(day.group(1)), "day"))
    return figures


def _fractions(text: str) -> list[Figure]:
    figures = []
    for match in _FRACTION.finditer(text):
        count, part = match.group(1), match.group(2).lower()
        if (
            part == "half"
            and count is None
            and not regex.match(r"\s(?:of|a|an)\b", text[match.end() :])
        ):
            continue
        if part in ("second", "fifth", "tenth", "third", "quarter") and count is None:
            continue  # ordinals and "a quarter" as a time of year are read elsewhere
        numerator = (
            Decimal(1) if count in (None, "a", "one") else Decimal(UNITS_WORDS[count.lower()])
        )
        value = numerator * FRACTION_WORDS[part]
        figures.append(
            _figure(text, match.start(), match.end(), value, "fraction", "%", step=Decimal("0.01"))
        )
    return figures


def _multiples(text: str) -> list[Figure]:
    figures = []
    for match in _MULTIPLE.finditer(text):
        word = (match.group(1) or "").lower()
        if word:
            value = Decimal(_MULTIPLE_WORDS[word])
        else:
            count = match.group(2)
            parsed = words_to_number(count) if not count.isdigit() else Decimal(count)
            if parsed is None:
                continue
            value = parsed
        figures.append(_figure(text, match.start(), match.end(), value, "multiple", "x"))
    return figures


def _ordinals(text: str) -> list[Figure]:
    figures = []
    for match in _ORDINAL.finditer(text):
        if match.group(1):
            value = Decimal(match.group(1))
        else:
            word = match.group(2).lower()
            if word in ("second",) and not regex.match(
                r"\s+(?:time|round|phase|batch|session|place|largest|biggest)", text[match.end() :]
            ):
                continue
            value = Decimal(ORDINAL_WORDS[word])
        if _MONTH.search(text[max(0, match.start() - 10) : match.start()]):
            continue  # "October 1st" is a day
        soft = match.group(2) is not None
        figures.append(_figure(text, match.start(), match.end(), value, "ordinal", soft=soft))
    return figures


def _figure(
    text: str,
    start: int,
    end: int,
    value: Decimal,
    kind: str,
    unit: str | None = None,
    high: Decimal | None = None,
    approx: str | None = None,
    step: Decimal = Decimal(1),
    soft: bool = False,
) -> Figure:
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        lang="en",
        value=tidy(value),
        kind=kind,
        unit=unit,
        high=tidy(high) if high is not None else None,
        approx=approx,
        step=tidy(step),
        digits=significant(value),
        soft=soft,
    )
