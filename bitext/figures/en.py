"""Figures in English text, normalized to values.

A figure is a number (digits with separators, or number words) read with what
surrounds it: an approximation before it ("more than", "nearly"), a sign, a
currency before or after it (RMB5.628, US$3, 70,000 yuan), a scale word
(million, bn), percent or percentage points, a unit (:mod:`bitext.figures.units`),
a second number for a range ("5 to 10 million").

Digits glued to letters that are no unit are not quantities (iPhone7, G20, 3D).
Names and codes ("Boeing 737", COVID-19, telephone numbers, "2." opening a list) and
set phrases with "one" (one of, no one) are :mod:`bitext.figures.names`'s: this reader
leaves the spans of :func:`~bitext.figures.names.shielded` alone
(:func:`~bitext.figures.names.shield`). Small number words and word ordinals are *soft*:
a translation may say "six" or "the second" where the source has no figure (六方会谈 →
"six-party talks").

The readers are the entries of :data:`READERS`, in precedence order; each reads
only where no reader before it took the text, so where two would read overlapping
figures the one listed first wins (:mod:`bitext.figures.reading`). Names, codes and
text that holds no figure come first and are closed to every reader ("At first
glance" has no ordinal, "Long March 5" no month). Then forms read whole, the more specific before
the more general: "24 hours a day" is all day, soft (all-day before number, which would
read 24 hours that the Chinese must have), "Every thousand words" one thousand
(bare-scale, which a number word before the scale word leaves to number: "Ten
Thousand"), "Post-90s" is a generation (post-decade before decade), "the
first 7 months" months 1 to 7 (first-months before ordinal), "a year and a half
ago" a duration (and-a-half before fraction), "one-third" a share (fraction before
ordinal), "the 29th of November" a day (date before ordinal), "Level 1-2" one range of
levels (level before number, which would read a range or a score 1-2). Plain numbers
(number) come last, outside everything taken.

>>> [(f.text, f.value, f.unit) for f in extract("invested RMB5.628 million in 8 sessions")]
[('RMB5.628 million', Decimal('5628000'), 'CNY'), ('8', Decimal('8'), None)]
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Literal, NamedTuple

import regex

from bitext.cache.patterns import compile as _compile
from bitext.figures import names
from bitext.figures.reading import (
    DIGIT,
    Alternatives,
    Gates,
    Reader,
    date_stamps,
    digit_or,
    figure_of,
    nothing,
    one_of,
    placed,
    read_in_turn,
    whole,
    whole_words,
)
from bitext.figures.units import UNITS, Dimension, convert, longest_first, spellings
from bitext.figures.values import (
    SOFT_LIMIT,
    Occupied,
    ahead,
    clock_value,
    date_value,
    ends_at,
    parse_arabic,
    roman_value,
    share,
    too_long,
)
from bitext.model import Approx, Figure, Kind

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {
    "hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10**6),
    "billion": Decimal(10**9), "trillion": Decimal(10**12), "k": Decimal(1000),
    "m": Decimal(10**6), "mn": Decimal(10**6), "mln": Decimal(10**6), "bn": Decimal(10**9),
    "b": Decimal(10**9), "tn": Decimal(10**12), "tr": Decimal(10**12), "dozen": Decimal(12),
    "millon": Decimal(10**6), "milion": Decimal(10**6), "billon": Decimal(10**9),
    "bilion": Decimal(10**9), "trilion": Decimal(10**12),
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
FRACTION_WORDS = {
    "half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
"""Denominators."""
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
APPROX_WORDS = {
    "more than": Approx.OVER, "over": Approx.OVER, "above": Approx.OVER, "in excess of": Approx.OVER,
    "upwards of": Approx.OVER, "at least": Approx.OVER, "no less than": Approx.OVER, "not less than": Approx.OVER,
    "just over": Approx.OVER, "exceeding": Approx.OVER, "nearly": Approx.UNDER, "almost": Approx.UNDER,
    "close to": Approx.UNDER, "just under": Approx.UNDER, "less than": Approx.UNDER, "fewer than": Approx.UNDER,
    "under": Approx.UNDER, "below": Approx.UNDER, "up to": Approx.UNDER, "no more than": Approx.UNDER,
    "not more than": Approx.UNDER, "about": Approx.ABOUT, "around": Approx.ABOUT, "approximately": Approx.ABOUT,
    "roughly": Approx.ABOUT, "some": Approx.ABOUT, "an estimated": Approx.ABOUT, "estimated": Approx.ABOUT,
    "as many as": Approx.ABOUT, "as much as": Approx.ABOUT, "as high as": Approx.ABOUT,
}  # fmt: skip

_WORD_NUMBER = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_MISGROUPED = r"(?!(?:[1-9]|[12]\d|3[01]),(?:19|20)\d\d(?!\d))\d{1,3}(?:,\d{3})*,\d{4}(?!\d)"
"""7,8908 and 239,4513: digits a translation kept with a separator in the wrong place
(78908例, 2394513例) are the number without the separators, as a translator reads them;
1,0000 is 万 grouping. Not a day before a year run together ("July 26,2020")."""
_GROUPED = (  # 16048,100: misgrouped by a translation, still one number
    rf"{_MISGROUPED}|\d{{1,3}}(?:,\d{{3}}(?!\d))+|\d{{4,}}(?:,\d{{3}})+(?!\d|,\d)"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.])"
)
"""Digits in groups: each form has a separator right after its first run of digits."""
_DIGITS = (  # most numbers have no separator: the forms in groups are tried only before one
    rf"(?:(?=\d+[, \u00a0\u2009\u202f]\d)(?:{_GROUPED})|\d+)(?:\.\d+)?|(?<!\p{{L}})\.\d+"
)
_AFTER_STOP = r"(?<=\b\p{Ll}{2,}\.)(?<!\bwww\.)(?=\d{2}|\d,\d)(?!\d+\.\p{L})"
"""A number glued to the full stop of the sentence before it, in MT output ("…and credit
consumption.86.6% of young people", "the price he quoted me.70,000 does not include"): a
lower-case word ends a sentence, where "No.1" and "Fig.3" name things; not an address
(www.12377.cn), and not one digit ("97%, respectively.7%" is the tail of a split 97.7%)."""
_TENS_WORD = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES_WORD = "one|two|three|four|five|six|seven|eight|nine"
_BELOW_HUNDRED = rf"(?:(?:{_TENS_WORD})(?:[\s-]+(?:{_ONES_WORD})\b)?|{_WORD_NUMBER})"
_SCALE_WORD = "hundred|thousand|million|billion|trillion|dozen"
_NUMBER_WORDS_WHOLE = whole_words(*UNITS_WORDS, *_SCALE_WORD.split("|"))
"""What every number in words holds: its first word, a unit or a ten, or the scale word
after "a", each a whole word (each starts at a word boundary and is followed by a
boundary, a space or a hyphen)."""
_NUMBER_NEEDS = _NUMBER_WORDS_WHOLE._replace(digit=True)
"""Digits, or number words (:data:`_NUMBER_WORDS_WHOLE`)."""
_NUMBER_WORDS = (
    rf"(?:(?:an?(?=[\s-]+(?:{_SCALE_WORD})\b)|{_BELOW_HUNDRED})"
    rf"(?:[\s-]+(?:{_SCALE_WORD})(?:(?:[\s-]+|\s+and\s+){_BELOW_HUNDRED}(?![\s-]+(?:{_ONES_WORD})\b))?)*)"
)
"""Number words that make one number: "twenty-one", "two hundred and fifty thousand", "a
dozen". Two small words in a row are two numbers ("three nine-foot pianos" is three
pianos of nine feet, not 12)."""
_SCALE = (
    r"(?:[\s-]?(?i:hundred|thousand|million|billion|trillion|millon|milion|billon|bilion|trilion)s?\b"
    r"|(?:mn|mln|bn|tn|m|k|K|b)\b|\s(?:mn|bn|tn|mln)\b|(?<=\d\.\d+)\.\s(?i:million|billion|trillion)\b)"
)
"""Scale words, their abbreviations, their common misspellings ("6 billon HKD" is six
billion) and a stray full stop before one ("over 1.1. Billion mu")."""
_PREFIXES = spellings("en_prefix")
_SUFFIXES = spellings("en_suffix")
_CURRENCY_PREFIX = "|".join(regex.escape(c) for c in longest_first(_PREFIXES))
_APPROX = "|".join(regex.escape(a) for a in sorted(APPROX_WORDS, key=len, reverse=True))

_FIGURE_APPROX = rf"\b(?i:{_APPROX})\s+"
_FIGURE_SIGN = r"(?<![\p{L}\d)%])(?<!\b\p{Lu}\p{L}{0,2}\s)[-−](?=\d)"
_FIGURE_CURRENCY = rf"(?<![\p{{L}}\d])(?:{_CURRENCY_PREFIX})\s?"
_FIGURE_DIGITS = rf"(?:(?<![\d.])|{_AFTER_STOP})(?<!\d,(?=\d{{3}}(?!\d)))(?<!\d:)(?:{_DIGITS})"
_FIGURE_WORDS = rf"\b(?i:{_NUMBER_WORDS})\b"


def _figure_pattern(approx: str, sign: str, currency: str) -> str:
    """:data:`FIGURE` with the parts that may lead its number given."""
    return rf"""
    (?P<approx>{approx})?
    (?P<sign>{sign})?
    (?P<cur>{currency})?
    (?:
        (?P<digits>{_FIGURE_DIGITS})(?P<scale>{_SCALE})?
      | (?P<words>{_FIGURE_WORDS})(?P<wscale>{_SCALE})?
    )
    (?P<range>
        (?:\s?(?:-|–|—|~|to)\s?|\s(?:and|or)\s)
        (?P<cur2>(?:{_CURRENCY_PREFIX})\s?)?
        (?:(?P<digits2>{_DIGITS})|(?P<words2>\b(?i:{_NUMBER_WORDS})\b))(?P<scale2>{_SCALE})?
    )?
    """


FIGURE = _compile(_figure_pattern(_FIGURE_APPROX, _FIGURE_SIGN, _FIGURE_CURRENCY), regex.VERBOSE)
_UNLED_FIGURE = _compile(_figure_pattern("(?!)", "(?!)", "(?!)"), regex.VERBOSE)
""":data:`FIGURE`, its groups and all, with nothing before its number: its match where a
number starts, since no approximation, sign or currency starts where a number does
(tests/test_fast_paths.py), found in half the time, without trying each of them there."""
_FIGURE_PARTS = tuple(
    _compile(part, regex.VERBOSE)
    for part in (_FIGURE_APPROX, _FIGURE_SIGN, _FIGURE_CURRENCY, _FIGURE_DIGITS, _FIGURE_WORDS)
)
"""Where a :data:`FIGURE` can start: its first part, whichever of its optional parts is
there (an approximation, a sign, a currency) or its number. Each is searched for on its
own: searching for the whole pattern tries every combination of the optional parts at
every position of the text, and one alternation of the parts is no faster; five plain
scans cost a sixth of either (:class:`_FigureSearch`)."""


_FIGURE_PART_NEEDS = (
    # An approximation starts at a word boundary and ends in whitespace, its words parted
    # by a space: each is a whole word, the longest the rarest.
    whole_words(*(max(approx.split(), key=len) for approx in APPROX_WORDS)),
    DIGIT,  # the sign's lookahead
    None,  # currencies: more symbols and codes than a gate is worth
    DIGIT,
    _NUMBER_WORDS_WHOLE,  # "a" counts only before a scale word
)
"""What every match of each of :data:`_FIGURE_PARTS` holds."""
_PART_GATES = Gates.of(_FIGURE_PART_NEEDS)


def _parts_in(text: str) -> tuple[list[regex.Pattern[str]], list[regex.Pattern[str]]]:
    """The parts of :data:`FIGURE` that can start in ``text``, those that lead a number (an
    approximation, a sign, a currency) and the numbers: the others, whose gates it fails,
    are not searched for. Most texts have no approximation word; many have digits but no
    number word."""
    return _parts_opened(tuple(_PART_GATES.open(text)))


@functools.cache
def _parts_opened(
    opened: tuple[bool, ...],
) -> tuple[list[regex.Pattern[str]], list[regex.Pattern[str]]]:
    """:func:`_parts_in` for a text that meets the gates ``opened`` says it meets; kept,
    as there are few ways to meet them (the lists are only read)."""
    parts = [
        part for part, gate in zip(_FIGURE_PARTS, _PART_GATES.of_entry, strict=True) if opened[gate]
    ]
    return [p for p in parts if p not in _NUMBER_PARTS], [p for p in parts if p in _NUMBER_PARTS]


_NUMBER_PARTS = frozenset(_FIGURE_PARTS[3:])
"""The parts of :data:`FIGURE` one of which every match holds: its digits or words."""


_LEAD_ENDS = (*_PREFIXES, "-", "−")
"""How a sign or a currency ends (before its number, or before a space and its number)."""
_LEAD_LAST = frozenset(end[-1] for end in _LEAD_ENDS)
"""The last characters of :data:`_LEAD_ENDS`: most numbers have none of them right before
them or one character before, which is told without looking for each."""
_APPROX_BEFORE = _compile(rf"(?<=(?i:{_APPROX})\s+)")
"""An approximation and its spaces, ending where this is matched."""


def _may_be_led(text: str, start: int, *, approx: bool) -> bool:
    """Whether parts may lead the number at ``start`` in a match: what leads a number ends
    where the number starts, since no number starts inside it (tests/test_fast_paths.py),
    with a sign, a currency (and a space) or an approximation and its spaces (looked for
    when ``approx``: when the text may hold one).

    >>> [_may_be_led(t, 6, approx=True) for t in ("about 5", "paid $5", "paid 5")]
    [True, True, False]
    """
    before = text[max(start - 2, 0) : start]
    if (before[-1:] in _LEAD_LAST or before[:1] in _LEAD_LAST) and (
        text.endswith(_LEAD_ENDS, 0, start) or text.endswith(_LEAD_ENDS, 0, max(start - 1, 0))
    ):
        return True
    return approx and _APPROX_BEFORE.match(text, start) is not None


_SPACES_BEFORE = _compile(r"(?r)\s*")
"""The spaces that end where this is matched (backwards, from ``endpos``)."""
_LONGEST_APPROX = max(map(len, APPROX_WORDS))
_SIGN_AND_CURRENCY = len("-") + max(map(len, _PREFIXES)) + len(" ")
"""The most a sign, a currency and its space take before a number."""


def _earliest_lead(text: str, start: int) -> int:
    """Where what leads the number at ``start`` in a match begins at the earliest: an
    approximation (its spaces end where a sign or a currency starts, at the earliest
    :data:`_SIGN_AND_CURRENCY` before the number, or later), then a sign and a currency.

    >>> text = "cut by about   US$5"
    >>> _earliest_lead(text, text.index("5")) <= text.index("about")
    True
    """
    latest = max(start - _SIGN_AND_CURRENCY, 0)
    spaces = _SPACES_BEFORE.match(text, 0, latest)  # always a match, if an empty one
    return max((spaces.start() if spaces else latest) - _LONGEST_APPROX, 0)


_DIGIT = _compile(r"\d")


def _search_digits(text: str, pos: int) -> regex.Match[str] | None:
    """``search`` of the digits of :data:`FIGURE` (:data:`_FIGURE_PARTS`), tried only at
    a digit and at a full stop before one, where they start (:data:`_DIGITS`): a plain
    scan finds those, where the pattern tries its lookbehinds at every position.

    >>> _search_digits("No. 1 and .5", 0).group(), _search_digits("No. 1 and .5", 5).group()
    ('1', '.5')
    """
    digits = _FIGURE_PARTS[3]
    while (digit := _DIGIT.search(text, pos)) is not None:
        at = digit.start()
        if at > pos and text[at - 1] == "." and (match := digits.match(text, at - 1)):
            return match
        if match := digits.match(text, at):
            return match
        pos = at + 1
    return None


_SEARCH = {_FIGURE_PARTS[3]: _search_digits, _FIGURE_PARTS[4]: _FIGURE_PARTS[4].search}
"""How each number part is searched for from a position."""


class _FigureSearch:
    """``FIGURE.search(text, pos)`` for rising ``pos``, found faster, and only where its
    number is not ``taken``: the pattern is tried only where one of its parts starts
    (:data:`_FIGURE_PARTS`), since every match starts with one, and each number part's
    next match is searched for again only once ``pos`` has passed its start. Where no number
    starts at or after ``pos`` no match does, as every match holds one after its start.
    The parts that lead a number are looked for only right before it, where what leads
    it can be (:func:`_earliest_lead`), and only where what ends there may lead it
    (:func:`_may_be_led`).

    >>> _FigureSearch("It cost about RMB 5 million, up 3%.").search(0).group()
    'about RMB 5 million'
    >>> _FigureSearch("On 5 May, about 3%.", Occupied([(3, 8)])).search(0).group()
    'about 3'
    """

    def __init__(self, text: str, taken: Occupied | None = None) -> None:
        self.text = text
        self.taken = Occupied() if taken is None else taken
        self.leads, self.numbers = _parts_in(text)
        self.approx = _FIGURE_PARTS[0] in self.leads
        self.number_matches = [_SEARCH[part](text, 0) for part in self.numbers]
        self.pos = 0

    def search(self, pos: int) -> regex.Match[str] | None:
        """The first match at or after ``pos`` whose number is not taken; one whose number
        is, :func:`_numbers` would skip, going on after the number. Such a number is
        skipped without trying the pattern or looking for what leads it: every match
        that reaches it has it for its number, since a match's number is a number part's
        match at or after ``pos`` (what follows it in :data:`FIGURE` is optional) and
        none starts inside what leads one: an approximation, a sign or a currency holds
        no digit and no number word (tests/test_fast_paths.py)."""
        if pos < self.pos:  # a step back: what was found after the old position may be late
            self.number_matches = [_SEARCH[part](self.text, pos) for part in self.numbers]
        while (number := self._next_number(pos)) is not None:
            if self.taken.overlaps(*number.span()):
                pos = number.end()
                continue
            start = number.start()
            lead = None
            if _may_be_led(self.text, start, approx=self.approx):
                lead = self._first_lead(pos, start)
            if lead is None:
                match = _UNLED_FIGURE.match(self.text, start)
            else:
                start = lead
                match = FIGURE.match(self.text, start)
            if match is not None:
                self.pos = pos
                return match
            pos = start + 1
        self.pos = pos
        return None

    def _next_number(self, pos: int) -> regex.Match[str] | None:
        """The first match at or after ``pos`` of the number parts, each searched for
        again once passed."""
        first = None
        for i, found in enumerate(self.number_matches):
            if found is not None and found.start() < pos:
                found = self.number_matches[i] = _SEARCH[self.numbers[i]](self.text, pos)
            if found is not None and (first is None or found.start() < first.start()):
                first = found
        return first

    def _first_lead(self, pos: int, start: int) -> int | None:
        """The first start at or after ``pos`` of a part that may lead the number at
        ``start``: between where what leads it can begin and the number (seen up to its
        first character, which a sign looks at)."""
        lowest = max(pos, _earliest_lead(self.text, start))
        found = [
            match.start()
            for part in self.leads
            if (match := part.search(self.text, lowest, start + 1)) is not None
        ]
        return min(found, default=None)


_PERCENT = _compile(
    r"\s(?:percentage\spoints?|percent\spoints?|pp|ppts?)\b|\s?(?:%|per\s?cent\b|pct\b)"
    r"|\)\s?%"  # "130 countries (or 53) %)": a stray bracket between a number and its sign
)
_GLUED_CODE = _compile(r"[\p{L}_]")
_SHARED_UNIT = _compile(
    r"(?:\s(?:and|or|to)|,)\s[\d.]+(?=\s?(?:%|per\s?cent|percent|percentage\spoints?))"
)
_GLUED_MONEY = spellings("en_glued", lambda unit: unit.dimension == Dimension.MONEY)
_GLUED = frozenset(spellings("en_glued")) | {"bn", "mn", "k", "K", "sq"}
"""Letters that may touch the digits without making a code: unit symbols (20kg, 50p),
scale abbreviations (5bn, 50K) and the "sq" of "20sq km"."""
_ORDINAL_FORMS = (
    r"\b(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b",
    rf"\b(?P<word>(?:(?:{_TENS_WORD})-)?(?:" + "|".join(ORDINAL_WORDS) + r"))\b",
    r"\bNo\.?\s?(?P<no>\d{1,3}(?:,\d{3})+|\d+)\b|\bNumber\s(?P<number>\d+)\b",
)
_ORDINAL = _compile("|".join(_ORDINAL_FORMS), regex.IGNORECASE)
_DIGIT_ORDINAL = _compile("|".join((_ORDINAL_FORMS[0], _ORDINAL_FORMS[2])), regex.IGNORECASE)
""":data:`_ORDINAL` without its word ordinals (no group ``word``): the same matches in a
text that holds no ordinal word (:data:`_ORDINAL_WORD_GATE`), found without looking for
one at every letter, a third of the time."""
_ORDINAL_WORD_GATE = Gates.of([whole_words(*ORDINAL_WORDS)])
"""A word ordinal starts at a word boundary (or the hyphen of "twenty-first") and ends at
one: its ordinal word is a whole word."""
_MONTH = _compile(
    r"\b((?i:January|February|March(?!\s+(?:towards?|on|into|to|through|forward|along|past)\b)|"
    r"April|May|June|July|August|September|October|November|December)|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sept|Sep|Oct|Nov|Dec)\b(\.?)"
)
_MONTH_NEEDS = whole_words(*MONTHS)
"""A month's name, whole or short, between word boundaries: a whole word."""
_DAY = r"\d{1,2}\b(?![,.]\d|:)"
_MORE_DAYS = _compile(rf"(?:(?:,\s*{_DAY})+,?\s+|\s+)(?:and|or)\s+{_DAY}|\s*[-–]\s*{_DAY}")
"""More days of the month: "July 17 and 22", "July 17, 18 and 22", "July 17-22"; not the
22 of "on July 25, 22 in Xinjiang" nor the 3 of "on July 26th, and 3 to 5 inches"."""
_SENTENCE_START = _compile(r"(?:^|[.!?][\"”’')\]]*\s+|[\"“‘(]\s*)$")
_MONTH_LIST = _compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)"
    r",?\s+(?:and\s+|or\s+|to\s+|through\s+)?$|\b(?:April|June)\s*[-–]\s*$"
)
_WEEKDAY_NUMBERS = {"Mon": 1, "Tues": 2, "Wednes": 3, "Thurs": 4, "Fri": 5, "Satur": 6, "Sun": 7}
"""Weekdays by what comes before "day" in their names, with their ISO numbers."""
_WEEKDAY_STEM = "|".join(_WEEKDAY_NUMBERS)
_WEEKDAY_NEEDS = one_of(*(f"{stem}day" for stem in _WEEKDAY_NUMBERS))
_MONTH_CONTEXT = _compile(
    r"(?:\b(?:in|on|by|since|until|till|from|to|of|last|next|early|late|mid|end|this|through)[\s-]+"
    rf"|\b(?:{_WEEKDAY_STEM})day\s?,\s*)$",
    regex.IGNORECASE,
)
_DAY_AFTER = _compile(
    r"\s(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,(?!(?:1[5-9]|20)\d\d(?!\d))\d|\.\d|:\d)"
    r"|\s(?P<d>\d{3,4})(?=,?\s+\d{4}\b)|\s(?P<d>\d{3})(?=\s*(?:[,.;:)]|$))"
)
"""The day after a month name; "March 3,000" is no date, "July 26,2020" is one (a machine
translation's comma without a space), so is "said on July 25th:" before a colon, and so are
"July 250, 1946" and "November 1000, 2016", with a day no calendar has."""
_YEAR_AFTER = _compile(r"(?:,\s*|\s+)((?:1[5-9]|2[01])\d\d)(?!\d|\.\d)")
_YEAR_AFTER_DAY = _compile(r"(?:,\s*|\s+)(\d{4})(?!\d|\.\d)")
"""After a month and its day, four digits are its year, written right or wrong
("February 10, 2317"); after a month alone only a year that can be one is."""
_BROKEN_DAY = _compile(r"\s(?P<d>\d{4})(?=\s*(?:[,.;:)]|$))")
"""Four digits after a month name that are no year and end the phrase stand where its day
would: "On August 4000, the…" for 8月4日, "by May 0217."; "In July 1000 people" is a count."""
_DAY_BEFORE = _compile(r"(?<![:.,]\d*)\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?$")
_YEAR = _compile(r"^(?:1[5-9]\d\d|20\d\d|2100)$")
_FRACTION_PART = r"half|thirds?|quarters?|fifths?|tenths?"
"""The denominators of :data:`FRACTION_WORDS` as a share is written."""
_FRACTION_NEEDS = whole_words(*FRACTION_WORDS)
"""A share names its part (:data:`_FRACTION_PART`) as a whole word, after a word boundary,
a space or a hyphen and before a boundary ("behalf" and "headquarters" hold none)."""
_FRACTION = _compile(
    rf"\b(?:(a|{_ONES_WORD})(?:\s?-\s?|\s))?"
    rf"({_FRACTION_PART})\b",
    regex.IGNORECASE,
)
_NOT_FRACTION_BEFORE = _compile(
    r"\b(?:first|second|third|fourth|last|past|next|previous|latter|this|that|three|two)\s+$|\band\s+a\s+$",
    regex.IGNORECASE,
)
_MULTIPLE = _compile(
    r"\b(?:(twice|double|doubled|triple|tripled|quadrupled)\b"
    r"|(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[a-z]+)[\s-](?:times|fold)\b)",
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
_CLOCK = Alternatives.of(
    (
        r"\b(?P<h>\d{1,2})(?:[:.]\s?(?P<m>\d{2})|:\s?(?P<m>\d))?\s?(?P<ampm>[ap]\.?m\.?)(?!\w)",
        r"(?:\b|(?<=\d{4}[-/.]\d{1,2}[-/.]\d{2}T?))(?P<h2>\d{1,2}|(?<=\s|^)\d{3,5}(?=:\d\d))"
        r":\s?(?P<m2>\d{2,5})"
        r"(?::\s?(?P<s2>\d{2,5}))?(?:\.(?P<f2>\d{1,3}))?(?![\d:])",
        rf"\b(?P<h3>\d{{1,2}}|{_ONES_WORD}|ten|eleven|twelve)\so['’]clock\b",
    ),
    regex.IGNORECASE,
    needs=(one_of("am", "pm", "a.m", "p.m"), one_of(":"), one_of("clock")),
)
"""7.50am, "5: 9am" (5点9分 spaced by a machine translation), 19:35, 05:03:17 (also run
into a date stamp: "2020-07-2605:03:17", or after its ISO "T": "2021-12-10T14:20:00"),
1:57.79, 9 o'clock and 9 o’clock. Each alternative's gate is what every match of it
holds: am or pm (with or without its first full stop), a colon, "clock"."""
_CLOCK_ORPHAN = _compile(
    r"(?:(?<=\s)|^|(?<=[(\[]))[:]\d{1,2}(?![\d:])"
    r"|(?<=\b(?:at|by|until|till|from|to|before|after|around|about|since)\s)\d{1,2}:(?=\s+\p{Ll}|\s*$)"
)
"""What is left of a clock that lost a part is no figure of its own: ":00" of 15:00 ("at
:00 of July 7th"), ":9" of 5:9, "7:" of 7:30 after a word of time ("until 7: and see");
not the number of "Rule 3: no smoking"."""
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
)
_ON_A_DAY = rf"\s+(?:on|of)\s+(?:the\s+\d{{1,2}}(?:st|nd|rd|th)\b|{_MONTH_NAME}\.?\s+\d)"
_HOURS_OF_DAY = (
    _compile(r"\b(?P<h>[01]?\d|2[0-4])[Hh](?P<m>[0-5]\d)\b"),
    _compile(
        rf"(?<=\b(?:at|by|until|till|before|after|around)\s)(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?={_ON_A_DAY})"
    ),
    _compile(rf"(?<=\bat\s)(?P<h>1?\d|2[0-3])(?={_ON_A_DAY})"),
    _compile(r"\b(?P<h>1?\d|2[0-3]):(?P<m>\d)(?![\d:])(?=\s+in\s+the\s+\w+ing\b)"),
    _compile(
        r"(?<=\b(?:as\s+of|at|by|until|till)\s)(?P<h>1?\d|2[0-4])\s+hours\b(?=\s+(?:on|of)\s)"
    ),
    _compile(
        r"(?<=\d:\d\d\s*(?:to|until|till|through|-|–)\s*)(?P<h>1?\d|2[0-4])\b"
        r"(?![:.,]?\d|\s*(?:%|per\s?cent|percent|hours?\b|[ap]\.?m\b|o['’]clock))"
    ),
)
"""Hours of the day written other than h:mm: "08H00"; "at 1954 on July 6" (19时54分, not a
year); "at 4 on the 7th"; "5:9 in the morning" (5点9分); "as of 21 hours on the 25th"
(21时); the end of "from 0:00 to 24"."""
_HOURS_OF_DAY_GATES = Gates.of(
    (
        one_of(*(f"h{m}" for m in "012345")),
        whole_words("at", "by", "until", "till", "before", "after", "around"),
        whole_words("at"),
        one_of(":"),
        one_of("hours"),
        one_of(":"),
    )
)
"""What each of :data:`_HOURS_OF_DAY` holds: the "h" and first digit of the minutes of
08H00; the word its lookbehind asks for, whole (a word boundary before it, a space
after); the colon of 5:9 and of 0:00; the word hours."""
_SCORE_CONTEXT = _compile(r"\s(?:win|victory|defeat|lead|draw|loss|score|up|down)\b")
_DECADE = _compile(r"(?<![0-9][.,])(?:['’]|\b)(?P<d>(?:1[5-9]|20)?\d0|[1-9])['’]?s\b")
"""The 1990s, the '90s, in their 20s; never the end of "2.9s" (seconds)."""
_DECADE_NEEDS = DIGIT.and_one_of(*(f"{d}{q}s" for d in "0123456789" for q in ("", "'", "’")))
"""A decade ends in an ASCII digit (``\\d0`` or ``[1-9]``), then "s", or a quote and "s"."""
_VAGUE = _compile(
    r"\b(?P<few>several|a\sfew|dozens\sof|scores\sof)?\s?"
    r"(?P<what>tens\sof\sthousands|hundreds\sof\sthousands|hundreds\sof\smillions|"
    r"tens\sof\smillions|tens\sof\sbillions|"
    r"dozens|hundreds|thousands|millions|billions|decades|"
    r"(?<=several\s|a\sfew\s)(?:hundred|thousand|million|billion))\b",
    regex.IGNORECASE,
)
_VAGUE_NEEDS = (
    one_of("several", "few", "dozens", "scores")
    ._replace(whole=whole_words("thousands", "millions", "billions", "hundreds", "decades").whole)
    .and_one_of("tens", "dozens", "hundred", "thousand", "million", "billion", "decades")
)
"""Every match of :data:`_VAGUE` holds one of the words of ``what``, and ends with a plural
as a whole word (after a word boundary or a space, before a boundary) unless it opens with
``few``, which may run into it ("severalhundreds"), and which the singulars (a lookbehind
of "several " or "a few ") need."""
_VAGUE_VALUES = {
    "tens of thousands": 10**4, "hundreds of thousands": 10**5, "hundreds of millions": 10**8,
    "tens of millions": 10**7, "tens of billions": 10**10,
    "decades": 10, "dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9,
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
}  # fmt: skip


def extract(text: str, base: int = 0) -> list[Figure]:
    """Figures in an English span; offsets are ``base`` + positions in ``text``."""
    return [figure for _, figure in readings(text, base)]


def readings(text: str, base: int = 0) -> list[tuple[str, Figure]]:
    """The figures of :func:`extract`, each with the name of the reader that read it.

    >>> [(name, f.text) for name, f in readings("At 3 pm, one of them paid RMB5.6 million")]
    [('clock', '3 pm'), ('number', 'RMB5.6 million')]
    """
    return placed(read_in_turn(text, READERS, gates=_GATES), text, base)


class _Number(NamedTuple):
    """A match of :data:`FIGURE` with its groups read once: reading a group by name costs
    a lookup each time, and the steps of :func:`_read` read each group several times."""

    match: regex.Match[str]
    approx: str | None
    sign: str | None
    cur: str | None
    digits: str | None
    words: str | None
    scale: str | None
    """The first number's scale word: group ``scale`` after digits, ``wscale`` after words."""
    scale_group: Literal["scale", "wscale"]
    range: str | None
    cur2: str | None
    digits2: str | None
    words2: str | None
    scale2: str | None
    core: tuple[int, int]
    """Where the first number's digits or words are."""
    year_like: bool
    """Whether its digits are a year's (:data:`_YEAR`)."""

    @classmethod
    def of(cls, match: regex.Match[str]) -> _Number:
        """The groups of ``match``, read in one call (in :data:`FIGURE`'s order).

        >>> _Number.of(FIGURE.search("up 3 million")).scale
        ' million'
        """
        approx, sign, cur, digits, scale, words, wscale, *second = match.groups()
        if digits:
            # _YEAR matches four characters only: most digits are no year, told without it
            year_like = len(digits) == 4 and _YEAR.match(digits) is not None
            return cls(
                match, approx, sign, cur, digits, words, scale, "scale", *second,
                match.span("digits"), year_like,
            )  # fmt: skip
        return cls(
            match, approx, sign, cur, digits, words, wscale, "wscale", *second,
            match.span("words"), False,
        )  # fmt: skip


def _numbers(text: str, taken: Occupied) -> list[Figure]:
    """Numbers read with what surrounds them (:func:`_read`), where no reader before took
    the text; digits glued to letters are codes (:func:`_is_code`)."""
    figures: list[Figure] = []
    pos = 0
    numbers = _FigureSearch(text, taken)
    while (match := numbers.search(pos)) is not None:
        number = _Number.of(match)
        core = number.core
        pos = core[1]
        if taken.overlaps(*core) or _is_code(text, number):
            continue
        found, pos = _read(text, number)
        figures.extend(found)
        for figure in found:
            taken.add(figure.start, figure.end)
    return figures


def _is_code(text: str, number: _Number) -> bool:
    """Digits glued to letters that are not a currency, scale or unit (G20, 3D, A380), or
    after a slash (the 100 of 28.4mg/100ml): no quantity. A year glued to a capitalised
    word is a year all the same: MT output runs a year into the name after it, or a
    dateline into its heading. (Names and codes read as such are
    :mod:`bitext.figures.names`'s.)

    >>> [(f.text, f.kind.value) for f in extract("at the 2021Master Think Tank Forum")]
    [('2021', 'year')]
    """
    if not number.digits:
        return False
    if too_long(number.digits):
        return True
    start, end = number.match.span("digits")
    before = text[start - 1] if start and not number.cur else " "
    if before != " " and (_GLUED_CODE.match(before) or before == "/"):  # most are spaces
        return True
    after_end = number.match.end("scale") if number.scale else end
    after = text[after_end : after_end + 1]
    if after not in ("", " ") and _GLUED_CODE.match(after):
        unit = _LETTERS.match(text, end)
        if number.year_like and _WORD_AFTER_YEAR.match(text, end):
            return False
        return unit is not None and unit.group() not in _GLUED
    return False


_WORD_AFTER_YEAR = _compile(r"\p{Lu}(?=\p{Ll}*[aeiouy])\p{Ll}{2,}")
"""A capitalised word glued to a year: the next heading ("2008Subject"); a word, with a
vowel, not a unit ("2000Mbps")."""


def _read(text: str, number: _Number) -> tuple[list[Figure], int]:
    """The figure (or score) a match holds, and where scanning resumes. The steps: the
    number with its scale word and sign; where the figure starts (an approximation, a
    sign or a currency before the number); a second number (a range, a score, or a
    figure of its own); then the unit after it (:func:`_finish`)."""
    first = _first_number(number)
    if first is None:
        return [], number.core[1]
    value, step, end = first
    start, approx = _figure_start(number)
    second = _second(text, number, value) if number.range else None
    both_end = number.match.end()
    if second is not None and second.kind == "score":
        return [_figure(text, start, both_end, value, Kind.SCORE, high=second.high)], both_end
    high = None
    if second is not None and second.kind == "range":
        value, high, end, step = second.low, second.high, both_end, min(step, second.step)
    figure = _finish(text, number, start, end, value, step, high, approx)
    split = second is not None and second.kind == "split"
    return [figure], _second_start(number) if split else figure.end


def _first_number(number: _Number) -> tuple[Decimal, Decimal, int] | None:
    """Value, step and end of the number with its scale word and sign; None for "a"
    alone (the article, not one).

    >>> [(f.text, str(f.value)) for f in extract("invested RMB5.628 million; was -0.8%")]
    [('RMB5.628 million', '5628000'), ('-0.8%', '-0.8')]
    >>> [f.text for f in extract("a million, a person")]
    ['a million']
    """
    value, step = _value(number.digits, number.words)
    scale = number.scale
    words = number.words
    if value is None or (words and words.lower() in ("a", "an") and not scale):
        return None
    value, step = _scaled(value, step, scale, number.cur)
    end = number.match.end(number.scale_group) if scale else number.core[1]
    return (-value if number.sign else value), step, end


def _figure_start(number: _Number) -> tuple[int, Approx | None]:
    """Where the figure starts: at an approximation, a sign or a currency before the
    number; and the approximation.

    >>> [(f.text, f.approx.value) for f in extract("injuring more than 30 people")]
    [('more than 30', 'over')]
    """
    if number.approx:
        approx = APPROX_WORDS[" ".join(number.approx.lower().split())]
        return number.match.start("approx"), approx
    if number.sign:
        return number.match.start("sign"), None
    return (number.match.start("cur") if number.cur else number.core[0]), None


class _Second(NamedTuple):
    kind: Literal["range", "score", "split"]  # split: two figures ("from 2003 to 2014")
    low: Decimal = Decimal(0)
    high: Decimal | None = None
    step: Decimal = Decimal(1)


def _second_start(number: _Number) -> int:
    group = "cur2" if number.cur2 else "digits2" if number.digits2 else "words2"
    return number.match.start(group)


def _second(text: str, number: _Number, value: Decimal) -> _Second | None:
    """What the second number of "X to Y" / "X-Y" makes: a range, a score, or a figure of
    its own (two years, an amount and a share); None for no second number (an exchange
    rate, a season).

    >>> [(f.text, str(f.value), str(f.high)) for f in extract("between 5 and 10 million yuan")]
    [('5 and 10 million yuan', '5000000', '10000000')]
    >>> [(f.text, f.kind.value) for f in extract("a 2-0 lead; from 2003 to 2014")]
    [('2-0', 'score'), ('2003', 'year'), ('2014', 'year')]
    >>> [f.text for f in extract("up US$2.04 or 4.56%; USD1 to RMB6.4401")]
    ['US$2.04', '4.56%', 'USD1', 'RMB6.4401']
    """
    currency, scale = number.cur, number.scale
    high, high_step = _value(number.digits2, number.words2)
    second_currency = (number.cur2 or "").strip()
    if high is None or (second_currency and second_currency != (currency or "").strip()):
        return None  # "USD1 to RMB6.4401" is an exchange rate, not a range
    first_digits, second_digits = number.digits or "", number.digits2 or ""
    if number.year_like and _YEAR.match(second_digits):
        return _Second("split")
    if number.year_like and len(second_digits) <= 2:
        return None  # 2017-18 is a season
    high_scale = number.scale2
    high, high_step = _scaled(high, high_step, high_scale, currency)
    dash = text[number.match.start("range") : _second_start(number)].strip() in ("-", "–", "—", "~")
    plain = dash and first_digits and second_digits and not scale and not high_scale
    if plain and high < value and _PERCENT.match(text, number.match.end()):
        return _Second("split")  # "15000-30%": a range with a wrong end, never a score of 30%
    if plain and (high < value or _SCORE_CONTEXT.match(text, number.match.end())):
        return _Second("score", value, high)
    if high_scale and not scale and value * _scale_factor(high_scale) <= high:
        value = value * _scale_factor(high_scale)
    shared = _TRAILING_SCALE.search(number.words2 or "")
    if shared and not scale and not _TRAILING_SCALE.search(number.words or ""):
        factor = SCALE_WORDS[shared.group().lower()]
        if value * factor <= high:  # "five or six hundred meters": 500 to 600
            value = value * factor
    if high <= value:
        return None
    if currency and _PERCENT.match(text, number.match.end()):
        return _Second("split")  # "US$2.04 or 4.56%": an amount and a share, not a range
    return _Second("range", value, high, high_step)


_TRAILING_SCALE = _compile(r"(?i:hundred|thousand|million|billion|trillion)$")
"""The scale word that ends a word range's second number and so scales the first too."""


def _finish(
    text: str,
    number: _Number,
    start: int,
    end: int,
    value: Decimal,
    step: Decimal,
    high: Decimal | None,
    approx: Approx | None,
) -> Figure:
    """The figure with the unit after it: a count of decades is years, and four digits
    without a unit or scale are a year; number words up to ten are soft, and so is "a
    24-hour" anything (all day, which 全天候 says with no figure).

    >>> [(f.text, f.kind.value, f.unit) for f in extract("in 2018, in three decades")]
    [('2018', 'year', None), ('three decades', 'measure', 'years')]
    """
    scale = number.scale
    number_end = end
    kind, unit, end = _unit_after(text, end, number)
    if unit == "decades":  # three decades: 30 years (三十年)
        value, step = _in_years(value), _in_years(step)
        high = _in_years(high) if high is not None else None
        unit = "years"
    if kind == Kind.COUNT and number.year_like and not scale and not high:
        kind = Kind.YEAR
    soft = number.digits is None and abs(value) <= SOFT_LIMIT and high is None
    if unit == "h" and value == 24 and high is None and text.startswith("-", number_end):
        soft = True  # "a 24-hour online theatre" for 全天候网络剧场: all day, no figure needed
    if value < 0 and _never_negative(unit) and number.sign:
        start, value = number.match.end("sign"), -value  # "between -200ml": a dash, not a minus
    return _figure(
        text, start, end, value, kind, unit, high=high, approx=approx, step=step, soft=soft
    )


_NEVER_NEGATIVE = frozenset(
    {Dimension.LENGTH, Dimension.AREA, Dimension.VOLUME, Dimension.MASS, Dimension.SPEED,
     Dimension.DATA, Dimension.FREQUENCY, Dimension.CHARGE}
)  # fmt: skip


def _never_negative(unit: str | None) -> bool:
    """A quantity no minus sign can go before: a dash before it is punctuation ("each
    mouthful is between -200ml", where the 150 before the dash was lost), while a
    temperature, a share or an amount may fall below zero.

    >>> [(f.text, str(f.value)) for f in extract("between -200ml; -5°C; fell to -3.5%")]
    [('200ml', '200'), ('-5°C', '-5'), ('-3.5%', '-3.5')]
    """
    known = UNITS.get(unit or "")
    return known is not None and known.dimension in _NEVER_NEGATIVE


def _unit_after(text: str, end: int, number: _Number) -> tuple[Kind, str | None, int]:
    """Kind, unit and end of a figure (:func:`_unit`); a glued "m" is metres where a length
    is meant (:data:`_METRES_AFTER`); a number without a unit shares the next one's ("up
    1.1 and 0.2 percentage points").

    >>> [(f.text, f.unit) for f in extract("rose 1.1 and 0.2 percentage points")]
    [('1.1', 'pp'), ('0.2 percentage points', 'pp')]
    >>> [(f.text, f.unit) for f in extract("waterproof for 30m, a 100m sprint, 100m people")]
    [('30m', 'm'), ('100m', 'm'), ('100m', None)]
    """
    kind, unit, end = _unit(text, end, number.cur)
    glued_m = number.scale == "m" and not number.cur
    if kind == Kind.COUNT and glued_m and _METRES_AFTER.match(text, end):
        kind, unit = Kind.MEASURE, "m"
    if kind == Kind.COUNT and not number.scale and not number.year_like:
        shared = _SHARED_UNIT.match(text, end)
        if shared:
            kind, unit, _ = _unit(text, shared.end(), None)
    return kind, unit, end


_METRES_AFTER = _compile(
    r"(?:[^\p{L}\p{N}\s]|\s*$|\s(?i:long|high|deep|wide|tall|away|above|below|in\s|of\s|from|"
    r"sprint|race|dash|relay|hurdles|freestyle|backstroke|breaststroke|butterfly|medley)\b)"
)
"""After a glued "m" without a currency: a length ("waterproof for 30m,", "a 100m sprint",
"30m deep"); otherwise "m" may be millions ("100m people") and the number stays a count."""


def _in_years(decades: Decimal) -> Decimal:
    return convert(decades, "decades", "years")  # type: ignore[return-value]


def _value(digits: str | None, words: str | None) -> tuple[Decimal | None, Decimal]:
    if digits:
        return parse_arabic(digits)
    if words:
        return words_to_number(words), Decimal(1)
    return None, Decimal(1)


def _scale_factor(scale: str) -> Decimal:
    word = scale.strip(" -.").lower()
    return SCALE_WORDS.get(word) or SCALE_WORDS.get(word.rstrip("s"), Decimal(1))


def _scaled(
    value: Decimal, step: Decimal, scale: str | None, currency: str | None
) -> tuple[Decimal, Decimal]:
    if not scale:
        return value, step
    word = scale.strip(" -")
    if word in ("m", "b", "k") and not currency:  # 50K is money or a count in a headline
        return value, step  # 100m is a distance unless money is named
    factor = _scale_factor(word)
    return value * factor, step * factor


def _unit(text: str, pos: int, currency: str | None) -> tuple[Kind, str | None, int]:
    """Kind and unit after a number: percent, percentage points, currency, measure."""
    percent = _PERCENT.match(text, pos)
    if percent:
        word = percent.group().strip().lower()
        if word.endswith(("point", "points")) or word.startswith("pp"):
            return Kind.PP, "pp", percent.end()
        return Kind.PERCENT, "%", percent.end()
    if currency:
        return Kind.MONEY, _PREFIXES[currency.strip()], pos
    glued = _GLUED_MONEY.get(text[pos : pos + 1])
    if glued and not text[pos + 1 : pos + 2].isalpha():  # 50p
        return Kind.MONEY, glued, pos + 1
    suffix = _suffix_at(text, pos)
    if suffix:
        code = _SUFFIXES[_SUFFIX_NAMES[suffix.group(1)]]
        kind = Kind.MONEY if UNITS[code].dimension == Dimension.MONEY else Kind.MEASURE
        return kind, code, suffix.end()
    return Kind.COUNT, None, pos


_SUFFIX_NAMES = {
    spelled: name
    for name in _SUFFIXES
    for spelled in {
        name,
        name.title() if name.isalpha() and name.islower() and len(name) > 2 else name,
    }
}
"""Unit words as written, headline case too ("Ten Years", "5 Million Yuan"); joined by a
hyphen too ("a 3-day visit", "a 50-meter pool")."""
_SUFFIX_LEAD = _compile(r"\s|-(?=\p{L})")
"""What may part a unit word from its number: a space, or a hyphen ("a 3-day visit")."""
_SUFFIX_ORDER = sorted(_SUFFIX_NAMES, key=lambda n: (-len(n), n))
"""The unit words as a pattern tries them: longest first, so "km" is not read as "k"."""
_SUFFIX_BY_FIRST = {
    first: _compile(
        "("
        + "|".join(regex.escape(n) for n in _SUFFIX_ORDER if n.startswith(first))
        + r")(?![\p{L}\p{N}_])"  # not \b: "37 ℃ today" ends in a symbol
    )
    for first in {name[0] for name in _SUFFIX_NAMES}
}
"""The unit words (:data:`_SUFFIX_NAMES`) by their first character, longest first: one
alternation of them all tries each of its ~300 words at a position, while a word can only
start with the character there."""


def _suffix_at(text: str, pos: int) -> regex.Match[str] | None:
    """The unit word at ``pos``, after a space or hyphen when there is one (group 1 the
    word; its end where the unit ends): what one pattern of every unit word after an
    optional lead would match, tried as that pattern tries it, the lead first.

    >>> [_suffix_at(t, 1).group(1) for t in ("3 km away", "3-day visit", "3kg")]
    ['km', 'day', 'kg']
    """
    if text.startswith(" ", pos) or _SUFFIX_LEAD.match(text, pos) is not None:  # most: a space
        after_lead = _SUFFIX_BY_FIRST.get(text[pos + 1 : pos + 2])
        if after_lead is not None and (word := after_lead.match(text, pos + 1)) is not None:
            return word
    at = _SUFFIX_BY_FIRST.get(text[pos : pos + 1])
    return at.match(text, pos) if at is not None else None


_WORD_BREAK = _compile(r"[\s-]+")
_DIGIT_RUN = _compile(r"\d+")
_NOT_DIGIT = _compile(r"\D")


def words_to_number(words: str) -> Decimal | None:
    """Value of English number words.

    >>> words_to_number("twenty-one"), words_to_number("two hundred and fifty thousand")
    (Decimal('21'), Decimal('250000'))
    >>> words_to_number("a million"), words_to_number("Seven")
    (Decimal('1000000'), Decimal('7'))
    >>> words_to_number("a dozen thousand"), words_to_number("two dozen")
    (Decimal('12000'), Decimal('24'))
    """
    total, current = Decimal(0), Decimal(0)
    split = _WORD_BREAK.split(words.lower())
    for word in split:
        if word == "and":
            continue
        if word in ("a", "an"):
            current = Decimal(1)
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in ("hundred", "dozen"):  # multiply what precedes: "a dozen thousand"
            current = max(current, Decimal(1)) * (100 if word == "hundred" else 12)
        elif word in SCALE_WORDS:
            total += max(current, Decimal(1)) * SCALE_WORDS[word]
            current = Decimal(0)
        else:
            return None
    if not any(w in UNITS_WORDS or w in SCALE_WORDS or w in ("a", "an") for w in split):
        return None
    return total + current


# --- forms read whole -------------------------------------------------------------


_LETTERS = _compile(r"[a-zA-Z]+")


def _is_month_name(name: str, period: str, text: str, start: int) -> bool:
    """A month name without a day or year next to it: not a lower-case word ("may"),
    not an abbreviation that is also a name ("Wang Jun.") unless a preposition precedes it, not
    "May" opening a sentence (the modal) unless a preposition says it is a month."""
    if name[0].islower():
        return False
    if name == "May" and ends_at(_MONTH_LIST, text, start):
        return True  # "March, April and May"
    if len(name) <= 4 and name not in ("June", "July"):
        # "in Oct." is a month; "Wang Jun." and "Sept" alone are not safe to read.
        if name != "May" and not period:
            return False
        return ends_at(_MONTH_CONTEXT, text, start) is not None
    if name == "May":
        return (
            not ends_at(_SENTENCE_START, text, start)
            or ends_at(_MONTH_CONTEXT, text, start) is not None
        )
    return True


def _dates(text: str) -> list[Figure]:
    """Month names with their day and year, one date each: "October 1", "1 October",
    "July 26, 2020", "August 2014"; a month name alone is a month.

    >>> [(f.text, f.value, f.kind.value) for f in _dates("on January 23,1946,28 soldiers")]
    [('January 23,1946', Decimal('19460123'), 'date')]
    >>> [(f.text, f.value) for f in _dates("on July 17 and 22 in May")]
    [('July 17', Decimal('717')), ('22', Decimal('722')), ('May', Decimal('5'))]
    """
    figures = []
    for match in _MONTH.finditer(text):
        name = match.group(1)
        if name in ("may", "march"):
            continue  # "it may 10 percent", "they march 5 miles": verbs
        day_after = _DAY_AFTER.match(text, match.end())
        year = (_YEAR_AFTER_DAY if day_after else _YEAR_AFTER).match(
            text, day_after.end() if day_after else match.end()
        )
        if not (day_after or year):
            day_after = _BROKEN_DAY.match(text, match.end())
        day_before = None if day_after else ends_at(_DAY_BEFORE, text, match.start())
        day = day_after or day_before
        if not (day or year) and not _is_month_name(name, match.group(2), text, match.start()):
            continue
        month = MONTHS[name.lower()]
        if not (day or year):
            figures.append(_figure(text, match.start(), match.end(), Decimal(month), Kind.MONTH))
            continue
        start = day_before.start("d") if day_before else match.start()
        end = year.end(1) if year else day_after.end() if day_after else match.end()
        given = (int(year.group(1)) if year else None, month, int(day.group("d")) if day else None)
        figures.append(_figure(text, start, end, date_value(*given), Kind.DATE))
        if day_after and not year:  # July 17 and 22, July 17, 18 and 22
            figures += _more_days(text, day_after.end(), month)
    return figures


def _more_days(text: str, pos: int, month: int) -> list[Figure]:
    """The days listed right after a month's first one (", 18 and 22" in "July 17, 18 and
    22"), dates of that month; one ``match`` at ``pos``, never a search that goes on
    trying every later position of the text once per month name ("October 1, " repeated
    8,000 times took 4 s).

    >>> [f.text for f in _more_days("July 17, 18 and 22, 2019", 7, 7)]
    ['18', '22']
    """
    more = _MORE_DAYS.match(text, pos)
    if more is None:
        return []
    return [
        _figure(text, *d.span(), date_value(None, month, int(d.group())), Kind.DATE)
        for d in _DIGIT_RUN.finditer(text, more.start(), more.end())
    ]


_WEEKDAY = _compile(rf"(?<!\b\p{{Lu}}\p{{Ll}}+\s)\b(?P<d>{_WEEKDAY_STEM})day\b(?!['’]?s\b)")
"""A weekday by name; not a name that holds one ("Black Friday", "Super Tuesday"), nor the
plural ("Fridays")."""


def _weekdays(text: str) -> list[Figure]:
    """ "on Friday", "said Tuesday": soft weekdays, compared where they stand for a day.

    >>> [(f.text, f.value) for f in _weekdays("said Friday, after Black Friday sales")]
    [('Friday', Decimal('5'))]
    """
    return [
        _figure(text, *m.span(), Decimal(_WEEKDAY_NUMBERS[m.group("d")]), Kind.WEEKDAY, soft=True)
        for m in _WEEKDAY.finditer(text)
    ]


_FIRST_MONTHS = _compile(r"\b(?:the\s)?first\s(\w+)\smonths\b", regex.IGNORECASE)


_ALL_DAY_WORDS = ("clock", "24/7", "hours")
"""What each alternative of :data:`_ALL_DAY` holds, in its order."""
_ALL_DAY = Alternatives.of(
    (r"\b(?:a)?round[\s-]the[\s-]clock\b", r"(?<![\d/])24/7(?![\d/])", r"\b24\s+hours\s+a\s+day\b"),
    regex.IGNORECASE,
    needs=[one_of(word) for word in _ALL_DAY_WORDS],
)
"""All day long, as 24小时 or 全天候 say it: 24 hours, soft (全天候 has no figure to match)."""
_BARE_SCALE = _compile(
    rf"(?<!\b(?:{_WORD_NUMBER}|an?|one|hundred|dozen|several|few|\d[\d,.]*)[\s-]+)"
    r"\b(?P<w>thousand|hundred)\b(?!-(?:odd|plus)\b)",
    regex.IGNORECASE,
)
"""A scale word alone is one of it: "Every thousand words" (每千字), "Thousand People in a
Hundred Classes" (百班千人), a "thousand-person scheme" (千人计划). Soft: "Thousand Island
Lake" (千岛湖) has no figure in the Chinese."""
_HALF_SCALE = _compile(rf"\bhalf\s+an?\s+(?P<scale>{_SCALE_WORD})\b", regex.IGNORECASE)
_MINUTES_SECONDS = _compile(
    rf"\b(?P<m>\d+|{_WORD_NUMBER})\s+minutes?\s+and\s+(?P<s>\d+|{_WORD_NUMBER})\s+seconds?\b",
    regex.IGNORECASE,
)
_DURATION_WORD = r"years?|months?|weeks?|days?|hours?|minutes?"
_AND_A_HALF = _compile(
    rf"\b(?P<n>\d{{1,3}}|{_WORD_NUMBER})(?:\s+(?P<before>{_DURATION_WORD}))?\s+and\s+a\s+half"
    rf"(?:\s+(?P<after>{_DURATION_WORD}))?\b",
    regex.IGNORECASE,
)
_FISCAL_YEAR = _compile(r"\b(?:fiscal\s+year|FY)\s?'?(?P<y>\d{2})\b", regex.IGNORECASE)


def _digits_or_words(number: str) -> Decimal | None:
    """The value of a small number in digits or in words ("6", "six"); None for neither.

    >>> _digits_or_words("6"), _digits_or_words("Six"), _digits_or_words("sixth")
    (Decimal('6'), Decimal('6'), None)
    """
    return Decimal(number) if number.isdigit() else words_to_number(number)


def _all_day(text: str) -> list[Figure]:
    """Around the clock, 24/7, 24 hours a day: all day, 24 hours (soft)."""
    return [
        _figure(text, m.start(), m.end(), Decimal(24), Kind.MEASURE, "h", soft=True)
        for m in _ALL_DAY.finditer(text)
    ]


def _bare_scales(text: str) -> list[Figure]:
    """Every thousand words: a scale word alone is one thousand (or hundred), soft."""
    return [
        _figure(text, m.start(), m.end(), SCALE_WORDS[m.group("w").lower()], Kind.COUNT, soft=True)
        for m in _BARE_SCALE.finditer(text)
    ]


def _half_scales(text: str) -> list[Figure]:
    """Half a billion: 500 million."""
    return [
        _figure(text, m.start(), m.end(), SCALE_WORDS[m.group("scale").lower()] / 2, Kind.COUNT)
        for m in _HALF_SCALE.finditer(text)
    ]


def _minutes_and_seconds(text: str) -> list[Figure]:
    """Six minutes and five seconds: a race time, in seconds."""
    figures = []
    for m in _MINUTES_SECONDS.finditer(text):
        minutes, seconds = (_digits_or_words(x) for x in m.group("m", "s"))
        if minutes is not None and seconds is not None:
            figures.append(_figure(text, m.start(), m.end(), minutes * 60 + seconds, Kind.CLOCK))
    return figures


def _fiscal_years(text: str) -> list[Figure]:
    """Fiscal year 17, FY17: the year 2017."""
    return [
        _figure(text, m.start(), m.end(), Decimal(2000 + int(m.group("y"))), Kind.YEAR)
        for m in _FISCAL_YEAR.finditer(text)
    ]


def _and_a_half(text: str) -> list[Figure]:
    """One year and a half, two and a half hours."""
    figures = []
    for m in _AND_A_HALF.finditer(text):
        unit = m.group("before") or m.group("after")
        count = _digits_or_words(m.group("n"))
        if unit and count is not None:
            unit = _SUFFIXES[unit.lower()]
            value = count + Decimal("0.5")
            figures.append(
                _figure(text, m.start(), m.end(), value, Kind.MEASURE, unit, step=Decimal("0.5"))
            )
    return figures


def _first_months(text: str) -> list[Figure]:
    """ "The first six months" is months 1 to 6 (1至6月)."""
    figures = []
    for match in _FIRST_MONTHS.finditer(text):
        count = _digits_or_words(match.group(1))
        if count is not None and 1 < count <= 12:
            figures.append(
                _figure(text, match.start(), match.end(), Decimal(1), Kind.MONTH, high=count)
            )
    return figures


def _clocks(text: str) -> list[Figure]:
    """7.50am, 2 pm, 19:35, 9 o'clock, 08H00, "at 1954 on July 6" → seconds after
    midnight; 1:57.79 → seconds. "18:400" and "14:40:440" are one clock written wrong.

    >>> [(f.text, f.value) for f in _clocks("by 18:400, now by 19:15")]
    [('18:400', Decimal('88800')), ('19:15', Decimal('69300'))]
    """
    figures = []
    for match in _CLOCK.finditer(text):
        if match.group("h2"):
            clock = _colon_clock(match)
            if clock is not None:
                figures.append(clock)
            continue
        time = _am_pm(match) if match.group("h") else _o_clock(match)
        if time is not None:
            figures.append(_figure(text, *match.span(), time[0], Kind.CLOCK, step=time[1]))
    opened = _HOURS_OF_DAY_GATES.open(text)
    for pattern, gate in zip(_HOURS_OF_DAY, _HOURS_OF_DAY_GATES.of_entry, strict=True):
        if not opened[gate]:
            continue
        for match in pattern.finditer(text):
            minutes = match.group("m") if "m" in pattern.groupindex else None
            value = clock_value(int(match.group("h")), int(minutes or 0))
            step = Decimal(60 if minutes else 3600)
            figures.append(_figure(text, *match.span(), value, Kind.CLOCK, step=step))
    return figures


def _am_pm(match: regex.Match[str]) -> tuple[Decimal, Decimal] | None:
    """Seconds after midnight and step of 7.50am, 2 pm; None for "26 pm", a day number
    with a stray pm (read as the number 26).

    >>> [(f.text, str(f.value), f.kind.value) for f in extract("at 7.50am and 2 pm, the 26 pm")]
    [('7.50am', '28200', 'clock'), ('2 pm', '50400', 'clock'), ('26', '26', 'count')]
    """
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    if hour > 23 or minute >= 60:
        return None
    if match.group("ampm").lower().startswith("p") and hour < 12:
        hour += 12
    return clock_value(hour, minute), Decimal(60 if match.group("m") else 3600)


def _colon_clock(match: regex.Match[str]) -> Figure | None:
    """19:35, 05: 03: 17 and a race time 1:57.79 (in seconds); or a clock with a group too
    long to be one ("18:400", "15:43000:42", "14000:00"), kept with the digits as written
    so that it is compared as a wrong time, never as an hour and a count. A ratio's
    "1:400" stays no clock.

    >>> [(f.text, str(f.value)) for f in extract("at 19:35, in 1:57.79")]
    [('19:35', '70500'), ('1:57.79', '117.79')]
    """
    text = match.string
    hour, minutes, seconds = match.group("h2", "m2", "s2")
    if match.group("f2") and not seconds and len(minutes) == 2:  # 1:57.79, a race time
        value = Decimal(f"{clock_value(0, int(hour), int(minutes))}.{match.group('f2')}")
        step = Decimal(1).scaleb(-len(match.group("f2")))
        return _figure(text, match.start(), match.end(), value, Kind.CLOCK, step=step)
    value = clock_value(int(hour), int(minutes), int(seconds or 0))
    clock = _figure(text, match.start(), match.end(), value, Kind.CLOCK, step=Decimal(60))
    if all(len(g) == 2 and int(g) < 60 for g in (minutes, seconds) if g) and int(hour) <= 24:
        return clock  # a time of day (24:00 is midnight)
    if int(minutes[:2]) >= 60 or (int(hour) < 2 and not seconds):
        return None  # 1:400 is a ratio
    return clock._replace(digits=_NOT_DIGIT.sub("", clock.text))


def _o_clock(match: regex.Match[str]) -> tuple[Decimal, Decimal]:
    """9 o'clock, nine o'clock.

    >>> [str(f.value) for f in extract("at nine o'clock")]
    ['32400']
    """
    hour_text = match.group("h3")
    hour = int(hour_text) if hour_text.isdigit() else int(UNITS_WORDS[hour_text.lower()])
    return clock_value(hour), Decimal(3600)


_NOON = _compile(
    r"(?:(?<=\b(?:at|by|before|after|until|till|from|around|about|to|past|since|towards?|as\s+of)\s+)"
    r"|\b(?=12\s))(?:12\s+)?(?P<w>noon|midday|midnight)\b",
    regex.IGNORECASE,
)
_MILITARY = _compile(
    r"\b(?P<h>[01][0-9]|2[0-4])(?P<m>[0-5][0-9])"
    r"(?:\s+hours\b|(?=\s+(?:and|to|until|-|–)\s+[012][0-9][0-5][0-9]\s+hours\b))"
)
"""1707 hours; the 0000 of "between 0000 and 2400 hours"."""
_DECADE_NAMES = tuple(f"{tens[:-1]}ies" for tens in _TENS_WORD.split("|"))
"""Twenties to nineties."""
_DECADE_WORDS = _compile(rf"\b(?P<w>{'|'.join(_DECADE_NAMES)})\b", regex.IGNORECASE)
"""A decade's name between word boundaries: a whole word, which is its reader's gate
("activities" and "cities" hold "ties" but none)."""
_POST_DECADE = _compile(r"\bpost-?\s?(?P<d>[0-9]0)\s?['’]?s\b", regex.IGNORECASE)
_DECADE_ALONE = _compile(r"\b(?:a|the(?:\s+(?:past|last|next))?)\s+decade\b", regex.IGNORECASE)
_HOUR_WINDOW = _compile(
    r"\b(?P<a>1?\d|2[0-4])\s*(?:to|-|–|—)\s*(?P<b>1?\d|2[0-4])\s+hours\b(?=\s+(?:on|of)\b)"
    r"|\b(?P<a>0)\s*(?:to|-|–|—)\s*(?P<b>24)\b(?=\s+(?:on|of)\b)"
)
_COLON_SCORE = _compile(
    r"(?<![\d.:])(?P<a>\d{1,4}):\s?(?P<b>\d)(?![\d.:])(?!\s*(?:[ap]\.?m\b|in\s+the\s+\w+ing\b))"
)
"""3:0, and "Lifan 2: 1", "the current 1: 1 allocation" as MT spaces them; a clock has two
digits of minutes."""
_LEVEL_NUMBER = r"[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|\d{1,2}(?![.,]?\d)"
_LEVEL_WORDS = ("level", "phase", "grade", "class", "category", "tier", "stage")
_LEVEL_WORD = rf"(?i:{'|'.join(_LEVEL_WORDS)})"
_LEVEL = Alternatives.of(
    (
        rf"\b{_LEVEL_WORD}[\s-]+(?P<n>{_LEVEL_NUMBER})"
        rf"(?:\s?[-–]\s?(?:{_LEVEL_WORD}\s+)?(?P<high>{_LEVEL_NUMBER}))?(?![\p{{L}}\d])",
        r"(?P<type>\b(?i:type)[\s-]+(?P<tn>[IVX]{1,4}))\b",
        rf"\b(?P<pre>[IVX]{{1,4}})-{_LEVEL_WORD}\b",
        rf"\b(?P<star>(?i:{_WORD_NUMBER})|[1-9])[\s-](?i:star)\b",
    )
)
"""Level II, Class IV, Phase 3, grade-2, Level 2-Level 4 (not "from level 2 to level
III", a change), Type II (not "Type 2", a model), I-grade; a five-star rating (五星级),
soft, and no count of five. ("L2" for Ⅱ级 is a code, :mod:`bitext.figures.names`'s:
the L2 cache is one too.)"""
_LEVEL_NEEDS = whole_words(*_LEVEL_WORDS, "type", "star")
"""Each alternative of :data:`_LEVEL` names a level word, "type" or "star", as a whole word:
after a word boundary or a hyphen, before a boundary, a space or a hyphen ("start" and
"classic" hold none)."""


def _noons(text: str) -> list[Figure]:
    """Noon and midnight as times ("at noon", "12 midnight"), not words ("the noon news")."""
    return [
        _figure(
            text,
            m.start(),
            m.end(),
            clock_value(0 if m.group("w").lower() == "midnight" else 12),
            Kind.CLOCK,
            soft=not m.group().startswith("12"),  # "at noon" may render 中午 or 午夜, no figure
        )
        for m in _NOON.finditer(text)
    ]


def _military_times(text: str) -> list[Figure]:
    """1707 hours: 17:07."""
    return [
        _figure(text, *m.span(), clock_value(int(m.group("h")), int(m.group("m"))), Kind.CLOCK)
        for m in _MILITARY.finditer(text)
    ]


def _decade_words(text: str) -> list[Figure]:
    """In her forties: forty or more (an age)."""
    return [
        _figure(
            text,
            m.start(),
            m.end(),
            Decimal(UNITS_WORDS[m.group("w").lower()[:-3] + "y"]),
            Kind.COUNT,
            approx=Approx.OVER,
        )
        for m in _DECADE_WORDS.finditer(text)
    ]


def _post_decades(text: str) -> list[Figure]:
    """Post-90s: the generation born in the 1990s (90后)."""
    return [
        _figure(text, m.start(), m.end(), Decimal(m.group("d")), Kind.DECADE)
        for m in _POST_DECADE.finditer(text)
    ]


def _decades_alone(text: str) -> list[Figure]:
    """The past decade: ten years, often left implicit in the Chinese (近年来)."""
    return [
        _figure(text, m.start(), m.end(), Decimal(10), Kind.MEASURE, "years", soft=True)
        for m in _DECADE_ALONE.finditer(text)
    ]


def _levels(text: str) -> list[Figure]:
    """Levels, classes, grades and phases (:attr:`Kind.LEVEL`), in any case, with Roman or
    Arabic numerals: "Level II emergency response" for Ⅱ级响应, "Class IV" for Ⅳ类. An
    Arabic number with a unit after it is a measure, not a level ("level 29 meters").

    >>> [(f.text, str(f.value), str(f.high)) for f in extract("Level 1-2 winds, water level 29 meters")]
    [('Level 1-2', '1', '2'), ('29 meters', '29', 'None')]
    """
    figures = []
    for m in _LEVEL.finditer(text):
        number = m.group("n") or m.group("tn") or m.group("pre") or m.group("star")
        high = m.group("high")
        if m.group("n") and _unit(text, m.end(), None)[0] != Kind.COUNT:
            continue
        if number == "I" and ends_at(_CLASSROOM, text, m.start()):
            continue  # "after class I went home": the pronoun; "a class I tunnel" is a level
        figures.append(
            _figure(
                text,
                m.start(),
                m.end(),
                _level_value(number),
                Kind.LEVEL,
                high=_level_value(high) if high else None,
                soft=m.group("star") is not None,
            )
        )
    return figures


_CLASSROOM = _compile(r"\b(?:in|after|before|during|at|from|to)\s+$", regex.IGNORECASE)
"""Where "class I" is a lesson followed by the pronoun: "after class I went home"."""


def _level_value(numeral: str) -> Decimal:
    if numeral.isdigit():
        return Decimal(numeral)
    if numeral.lower() in UNITS_WORDS:  # five-star
        return Decimal(UNITS_WORDS[numeral.lower()])
    return Decimal(roman_value(numeral))


def _colon_scores(text: str) -> list[Figure]:
    """3:0, a score: a clock has two digits of minutes, unless the time of day follows
    ("5:9 in the morning" for 5 点 9 分).

    >>> [(f.text, f.kind.value) for f in extract("Lifan 2: 1 Guoan; at 5: 9 a.m.")]
    [('2: 1', 'score'), ('5: 9 a.m.', 'clock')]
    """
    return [
        _figure(
            text, m.start(), m.end(), Decimal(m.group("a")), Kind.SCORE, high=Decimal(m.group("b"))
        )
        for m in _COLON_SCORE.finditer(text)
    ]


def _hour_windows(text: str) -> list[Figure]:
    """0 to 24 hours on July 25, "at 0-24 on July 25": two times of day (0—24时), not a
    duration. From 0 to 24 is the whole day, which a translation may leave to the date
    alone ("on July 25"): those two are soft."""
    return [
        _figure(
            text,
            *m.span(end),
            clock_value(int(m.group(end))),
            Kind.CLOCK,
            soft=(m.group("a"), m.group("b")) == ("0", "24"),
        )
        for m in _HOUR_WINDOW.finditer(text)
        for end in ("a", "b")
    ]


def _decades(text: str) -> list[Figure]:
    """The 1990s, the '90s, the early 90s; "in their 20s" is an age of twenty-something."""
    figures = []
    for match in _DECADE.finditer(text):
        digits = match.group("d")
        before = text[max(0, match.start() - 12) : match.start()].lower()
        quoted = match.group()[:1] in "'’"
        if len(digits) == 4 or quoted or _THE_DECADE.search(before):
            figures.append(_figure(text, match.start(), match.end(), Decimal(digits), Kind.DECADE))
        elif len(digits) == 2:
            figures.append(
                _figure(
                    text,
                    match.start(),
                    match.end(),
                    Decimal(digits),
                    Kind.COUNT,
                    approx=Approx.OVER,
                )
            )
        else:  # rugby 7s
            figures.append(_figure(text, match.start(), match.end(), Decimal(digits), Kind.COUNT))
    return figures


_THE_DECADE = _compile(r"\bthe\s(?:(?:early|late|mid)[\s-])?$")


_COUNTED = _compile(rf"(?:\d|\b(?i:{_WORD_NUMBER}))[\s-]+$")


_FEW = _compile(
    r"\b(?:several|a\s+few|a\s+number\s+of|multiple|a\s+handful\s+of)\b", regex.IGNORECASE
)
"""Small vague counts: "on several occasions", "a few times", "a number of experts"."""


def _few(text: str) -> list[Figure]:
    """Several, a few, a number of: a small count said vaguely (value 3, soft), in the
    unit that follows ("several days"). It agrees with 几 and 数; an exact Chinese count
    (四次 → "on several occasions") is lost in it (the comparison's ``lost``).

    >>> [(f.text, f.unit) for f in _few("on several occasions, for a few days")]
    [('several', None), ('a few days', 'day')]
    """
    figures = []
    for match in _FEW.finditer(text):
        kind, unit, end = _unit(text, match.end(), None)
        if kind != Kind.MEASURE or not text[match.end() : end].startswith(" "):
            kind, unit, end = Kind.COUNT, None, match.end()
        figures.append(
            _figure(
                text, match.start(), end, Decimal(3), kind, unit, approx=Approx.VAGUE, soft=True
            )
        )
    return figures


def _vague(text: str) -> list[Figure]:
    """Hundreds of, thousands of, several million, "an audience of hundreds": an order of
    magnitude, in the unit that follows ("dozens of years" for 几十年, "hundreds of
    kilometres"). "(in millions)" is a table's unit, no figure.

    >>> [(f.text, f.unit) for f in _vague("for dozens of years, figures (in millions)")]
    [('dozens of years', 'years')]
    """
    figures = []
    for match in _VAGUE.finditer(text):
        what = " ".join(match.group("what").lower().split())
        value = Decimal(_VAGUE_VALUES[what])
        bare = what in ("hundreds", "thousands", "millions", "billions", "dozens")
        of = regex.match(r"\s+of\s+", ahead(text, match.end()))
        if bare and not of and ends_at(_TABLE_UNIT, text, match.start("what")):
            continue  # "(in millions)"; "in dozens of countries" is a figure
        kind, unit, end = Kind.COUNT, None, match.end()
        if of:
            kind, unit, end = _unit(text, match.end() + of.end(), None)
        start = match.start("few") if match.group("few") else match.start("what")
        if (
            what == "decades"
            and ends_at(_COUNTED, text, match.start("what"))
            and not match.group("few")
        ):
            continue  # "three decades" is read as 30 years
        if kind not in (Kind.MEASURE, Kind.MONEY):
            kind, unit, end = Kind.COUNT, None, match.end()
        if what == "decades":  # for decades: 数十年
            kind, unit, end = Kind.COUNT, "years", match.end()
        figures.append(_figure(text, start, end, value, kind, unit, approx=Approx.VAGUE))
    return figures


_TABLE_UNIT = _compile(r"\b(?i:in)\s+$")


_SHARE_BEFORE = _compile(
    r"\b(?:about|nearly|almost|roughly|around|over|some|than|accounting\sfor|accounts?\sfor|"
    r"accounted\sfor|by|to)\s+$",
    regex.IGNORECASE,
)
"""What makes "a quarter" a share without "of": "accounting for about a quarter"."""


_ONE_FRACTION = (
    rf"(?P<count{{n}}>a|{_ONES_WORD})[\s-]+"
    rf"(?P<part{{n}}>{_FRACTION_PART})"
)
_FRACTION_RANGE = _compile(
    rf"\b{_ONE_FRACTION.format(n=1)}\s+(?:to|or)\s+{_ONE_FRACTION.format(n=2)}\b(?=\s+of\b)",
    regex.IGNORECASE,
)
"""A fifth to a quarter of: a range of shares, whichever end comes first (四分之一至五分之一)."""


def _fraction_value(count: str | None, part: str) -> Decimal:
    """A share in percent: ("two", "thirds") → 66.66…; no count is one ("a third")."""
    word = (count or "a").lower()
    numerator = Decimal(1) if word in ("a", "one") else Decimal(UNITS_WORDS[word])
    return share(numerator, Decimal(FRACTION_WORDS[part.lower()]))


def _fraction_ranges(text: str) -> list[Figure]:
    """A fifth to a quarter of: one range of shares, 20% to 25%, low end first.

    >>> [(f.text, f.value, f.high) for f in _fraction_ranges("a fifth to a quarter of them")]
    [('a fifth to a quarter', Decimal('20'), Decimal('25'))]
    """
    figures = []
    for match in _FRACTION_RANGE.finditer(text):
        low, high = sorted(_fraction_value(*match.group(f"count{n}", f"part{n}")) for n in (1, 2))
        figures.append(
            _figure(
                text, match.start(), match.end(), low, Kind.FRACTION, "%", high=high,
                step=Decimal("0.01"),
            )
        )  # fmt: skip
    return figures


def _fractions(text: str) -> list[Figure]:
    """A third, two thirds, half of, a quarter of: a share, as a percentage. Not a
    period ("the first half of 2015", "three quarters of 2017"), not "half" alone, not
    "a third party", not half a year (a duration), not an ordinal ("second", "fifth")."""
    figures = []
    for match in _FRACTION.finditer(text):
        count, part = match.group(1), match.group(2).lower()
        after = ahead(text, match.end())
        if ends_at(_NOT_FRACTION_BEFORE, text, match.start()) or regex.match(
            r"\s+of\s+(?:the\s+)?(?:year|\d{4}|last|this|next)", after
        ):
            continue  # "the first half of 2015", "three quarters of 2017", "one year and a half"
        share_of = regex.match(r"\s+of\b", after) or (
            ends_at(_SHARE_BEFORE, text, match.start()) and not after.startswith("-")
        )
        if (
            part == "half"
            and count is None
            and not (share_of or regex.match(r"\s(?:a|an|the)\b", after))
        ):
            continue  # "half" alone is a word ("half-price"); "more than half" is a share
        if (count or "a").lower() == "a" and part != "half" and not share_of:
            continue  # "a third party", "a quarter" of a year: no share
        if regex.match(r"[\s-](?:time|term|round|place|consecutive|straight|quarter)\b", after):
            continue  # "for a third time" is an ordinal
        if part == "half" and regex.match(r"\san?\s(?:year|month|day|hour|century|decade)", after):
            continue  # half a year is a duration (半年), not a share
        if part in ("second", "fifth", "tenth", "third", "quarter", "quarters") and count is None:
            continue  # ordinals and "quarter" as a period are read elsewhere
        value = _fraction_value(count, part)
        figures.append(
            _figure(
                text, match.start(), match.end(), value, Kind.FRACTION, "%", step=Decimal("0.01")
            )
        )
    return figures


def _multiples(text: str) -> list[Figure]:
    """Twice, three times, ten-fold; "double" and its kind are soft (a double win)."""
    figures = []
    for match in _MULTIPLE.finditer(text):
        word = (match.group(1) or "").lower()
        if word:
            figures.append(
                _figure(
                    text, match.start(), match.end(), Decimal(_MULTIPLE_WORDS[word]), Kind.MULTIPLE, "x",
                    soft=True,
                )
            )  # fmt: skip
            continue
        count = match.group(2)
        parsed = parse_arabic(count)[0] if count[0].isdigit() else words_to_number(count)
        if parsed is not None:
            around = text[max(0, match.start() - 32) : match.end() + 8]
            unit = "x?" if _EITHER_MULTIPLE.search(around) else "x"
            figures.append(_figure(text, match.start(), match.end(), parsed, Kind.MULTIPLE, unit))
    return figures


_EITHER_MULTIPLE = _compile(
    r"\b(?:increas|ris|rose|gr[eo]w|jump|climb|surg|soar|expand|rais)\w*\s+(?:by\s+)?\S+\s+times\b"
    r"|\btimes\s+(?:more|higher|larger|greater|bigger)\b",
    regex.IGNORECASE,
)
""""increased by three times", "three times more": the level or the increase, as writers use
both (3倍 may be either)."""


def _ordinals(text: str) -> list[Figure]:
    """14th, 1,000th, No. 5, Number 3, the first, twenty-third; word ordinals and small
    ones are soft. Not "seconds ago" (time), not "October 1st" (a day)."""
    figures = []
    ordinal = _ORDINAL if _ORDINAL_WORD_GATE.open(text)[0] else _DIGIT_ORDINAL
    for match in ordinal.finditer(text):
        groups = match.groupdict()
        number = groups["digits"] or groups["no"] or groups["number"]
        if number and number.startswith("0"):
            continue  # ",000th" is what is left of 3,000th
        if number:
            value = parse_arabic(number)[0]
        else:
            word = groups["word"].lower()
            if word == "second" and regex.match(
                r"s\b|\s(?:ago|later|earlier)\b", ahead(text, match.end())
            ):
                continue  # seconds of time
            tens, _, unit = word.rpartition("-")
            value = Decimal(ORDINAL_WORDS[unit] + (UNITS_WORDS[tens] if tens else 0))
        if _MONTH.search(text[max(0, match.start() - 10) : match.start()]):
            continue  # "October 1st" is a day
        soft = groups.get("word") is not None or (not groups["digits"] and value <= SOFT_LIMIT)
        kind = Kind.DAY if _day_of_month(text, match, value) else Kind.ORDINAL
        figures.append(_figure(text, match.start(), match.end(), value, kind, soft=soft))
    return figures


_ON_THE = _compile(r"\b(?:on|by|until|till|from|since|to)\s+the\s+$", regex.IGNORECASE)
_NO_NOUN_AFTER = _compile(r"\s*(?:[,.;:!?)]|$|and\b|or\b|to\b|-|–|at\b|in\b)")


def _day_of_month(text: str, match: regex.Match[str], value: Decimal) -> bool:
    """ "at 20:52 on the 26th, with…", "by the 5th.": a digit ordinal of 1 to 31 after "on the"
    with no noun after it is a day of the month (26日), where "the 26th floor" is an ordinal.

    >>> [(f.text, f.kind.value) for f in extract("at 20:52 on the 26th, with; on the 26th floor")]
    [('20:52', 'clock'), ('26th', 'day'), ('26th', 'ordinal')]
    """
    return (
        match.group("digits") is not None
        and 1 <= value <= 31
        and _ON_THE.search(text, max(0, match.start() - 12), match.start()) is not None
        and _NO_NOUN_AFTER.match(text, match.end()) is not None
    )


_figure = functools.partial(figure_of, "en")
"""An English figure of ``text[start:end]`` (:func:`bitext.figures.reading.figure_of`)."""


_BASEMENT = Alternatives.of(
    (
        r"(?:(?<=\b(?:on|to|at|from|in|of|and|or)\s+(?:the\s+)?)|(?=B[1-9]\s*(?:floor|level|car\s+park|parking|garage)\b))"
        r"B(?P<b>[1-9])\b(?!-)",
        r"\b(?P<o>\d(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+(?:basement|underground)"
        r"(?:\s+(?:floor|level))?\b",
        r"\b(?:basement|underground)\s+(?:floor|level)\s+(?P<n>[1-9])\b",
    ),
    regex.IGNORECASE,
)


def _basements(text: str) -> list[Figure]:
    """Floors below ground, as a level below zero (负二层 is -2): "on B2", "the B1 car
    park", "the second basement level", "basement level 2". B2 elsewhere is a code
    ("vitamin B2").

    >>> [(f.text, str(f.value)) for f in extract("parking on B2, the second basement level, vitamin B2")]
    [('B2', '-2'), ('second basement level', '-2')]
    """
    figures = []
    for m in _BASEMENT.finditer(text):
        number = m.group("b") or m.group("n") or m.group("o")
        floor = int(number[0]) if number[0].isdigit() else ORDINAL_WORDS[number.lower()]
        figures.append(_figure(text, m.start(), m.end(), Decimal(-floor), Kind.LEVEL))
    return figures


_NEGATIVE_WORD = _compile(
    rf"\b(?:negative|minus)\s+(?P<w>{_ONES_WORD}|ten)\b",
    regex.IGNORECASE,
)


def _negative_words(text: str) -> list[Figure]:
    """ "negative two", "minus five degrees": a number word below zero, as MT renders 负二
    (a floor, "negative two to negative one") or 零下五度.

    >>> [(f.text, str(f.value), f.unit) for f in extract("negative two to negative one, minus five degrees")]
    [('negative two', '-2', None), ('negative one', '-1', None), ('minus five degrees', '-5', 'C')]
    """
    figures = []
    for m in _NEGATIVE_WORD.finditer(text):
        kind, unit, end = _unit(text, m.end(), None)
        value = Decimal(-UNITS_WORDS[m.group("w").lower()])
        figures.append(_figure(text, m.start(), end, value, kind, unit))
    return figures


_DECIMAL_SECONDS = _compile(r"(?<![\d.,])(?P<n>\d{1,3}\.\d{1,3})s\b")


def _decimal_seconds(text: str) -> list[Figure]:
    """ "2.9s", "9.58s": seconds written glued to a decimal number (a decade or a plural
    never has a decimal point: "the 1990s", "100s of people").

    >>> [(f.text, f.unit) for f in extract("it takes only 2.9s to accelerate, in the 1990s")]
    [('2.9s', 's'), ('1990s', None)]
    """
    return [
        _figure(text, m.start(), m.end(), Decimal(m.group("n")), Kind.MEASURE, "s")
        for m in _DECIMAL_SECONDS.finditer(text)
    ]


# --- the registry -------------------------------------------------------------------

READERS = (
    Reader(
        "basement",
        whole(_basements),
        "on B2, the second basement level: floor -2",
        one_of(*(f"b{floor}" for floor in range(1, 10)), "basement", "underground"),
    ),
    Reader("decimal-seconds", whole(_decimal_seconds), "2.9s, 9.58s: seconds", DIGIT),
    Reader(
        "negative-word",
        whole(_negative_words),
        "negative two, minus five degrees: below zero",
        one_of("negative", "minus"),
    ),
    Reader(
        "names",
        names.shield("en"),
        '"Boeing 737", COVID-19, (415) 575-4444, one of, no one: names, codes, set phrases',
    ),
    Reader("date-stamp", date_stamps("en"), "2020-07-26, 2020-07-2605:03:17: one date", DIGIT),
    Reader(
        "all-day",
        whole(_all_day),
        "around the clock, 24/7, 24 hours a day: 24 hours",
        one_of(*_ALL_DAY_WORDS),
    ),
    Reader(
        "bare-scale",
        whole(_bare_scales),
        "every thousand words: a scale word alone",
        one_of("thousand", "hundred"),
    ),
    Reader("half-scale", whole(_half_scales), "half a billion: 500 million", one_of("half")),
    Reader(
        "minutes-seconds",
        whole(_minutes_and_seconds),
        "six minutes and five seconds",
        one_of("minute"),
    ),
    Reader(
        "fiscal-year",
        whole(_fiscal_years),
        "fiscal year 17, FY17: the year 2017",
        DIGIT.and_one_of("fiscal", "FY"),  # the pattern's two words before the digits
    ),
    Reader(
        "and-a-half",
        whole(_and_a_half),
        "one year and a half, two and a half hours",
        one_of("half"),
    ),
    Reader(
        "noon",
        whole(_noons),
        "at noon, 12 midnight: a time of day",
        one_of("noon", "midday", "midnight"),
    ),
    Reader(
        "military-time",
        whole(_military_times),
        "1707 hours, 0000 and 2400 hours: 17:07",
        DIGIT.and_one_of("hours"),  # after the time, or after the time the range ends at
    ),
    Reader(
        "decade-word",
        whole(_decade_words),
        "in her forties: forty or more",
        whole_words(*_DECADE_NAMES),
    ),
    Reader(
        "post-decade",
        whole(_post_decades),
        "post-90s: the generation of a decade",
        DIGIT.and_one_of("post"),
    ),
    Reader("decade-alone", whole(_decades_alone), "the past decade: ten years", one_of("decade")),
    Reader(
        "level",
        whole(_levels),
        "Level II, Class IV, Phase 3, Level 1-2, I-grade: a level",
        _LEVEL_NEEDS,
    ),
    Reader("colon-score", whole(_colon_scores), "3:0: a score", DIGIT.and_one_of(":")),
    Reader(
        "hour-window",
        whole(_hour_windows),
        "0 to 24 hours on July 25: two times of day",
        DIGIT.and_one_of("hours", "24"),  # "hours" ends the first alternative, 24 the second
    ),
    Reader(
        "first-months",
        whole(_first_months),
        "the first six months: months 1 to 6",
        one_of("months"),
    ),
    Reader(
        "clock",
        whole(_clocks),
        "7.50am, 19:35, 08H00, at 1954 on July 6, 18:400: a time",
        digit_or("clock"),
    ),
    Reader(
        "clock-orphan",
        nothing(_CLOCK_ORPHAN),
        '":00", "until 7: and": left of a clock',
        DIGIT.and_one_of(":"),
    ),
    Reader(
        "date",
        whole(_dates),
        "October 1, July 26,2020, July 17 and 22: one date each",
        _MONTH_NEEDS,
    ),
    Reader(
        "weekday",
        whole(_weekdays),
        "on Friday, said Tuesday: a day of the week (soft)",
        _WEEKDAY_NEEDS,
    ),
    Reader("decade", whole(_decades), "the 1990s, the '90s, in their 20s: a decade", _DECADE_NEEDS),
    Reader(
        "vague", whole(_vague), "hundreds of, several million: an order of magnitude", _VAGUE_NEEDS
    ),
    Reader(
        "few",
        whole(_few),
        "several, a few days, a number of: a small vague count (soft)",
        whole_words("several", "few", "number", "multiple", "handful"),  # between \b or \s
    ),
    Reader(
        "fraction-range",
        whole(_fraction_ranges),
        "a fifth to a quarter of: 20% to 25%",
        _FRACTION_NEEDS,
    ),
    Reader(
        "fraction",
        whole(_fractions),
        "a third, two thirds, more than half: a share",
        _FRACTION_NEEDS,
    ),
    Reader(
        "multiple",
        whole(_multiples),
        "twice, three times, ten-fold: a multiple",
        one_of("twice", "double", "triple", "quadrupled", "times", "fold"),
    ),
    Reader(
        "ordinal", whole(_ordinals), "14th, the first, No. 5: an ordinal", digit_or(*ORDINAL_WORDS)
    ),
    Reader(
        "number",
        _numbers,
        "RMB5.628 million, 3,877.5 million yuan, 5 to 10, 12%: numbers",
        _NUMBER_NEEDS,
    ),
)
"""Every reader of English figures, in precedence order (see the module docstring)."""
_GATES = Gates.of(reader.needs for reader in READERS)
"""The readers' gates, each checked once per text."""
