"""Write a corrected English figure in the style the translator used.

The suggestion keeps everything around the number (currency, unit, "more
than") and re-expresses the right value with the English figure's scale word
when that leaves a number of at least 1, else with a smaller one:

>>> from decimal import Decimal
>>> rewrite("3,877.5 million yuan", Decimal("3877500"))
'3.8775 million yuan'
>>> rewrite("RMB5.628 million", Decimal("562800"))
'RMB562,800'
>>> rewrite("82", Decimal("28"))
'28'
"""

from __future__ import annotations

from decimal import Decimal

import regex

from bitext.figures.values import format_number

_NUMBER_AND_SCALE = regex.compile(
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion)\b|(?:mn|bn|tn|m|k)\b)?",
    regex.IGNORECASE,
)
_SCALES = (
    ("trillion", Decimal(10**12)),
    ("billion", Decimal(10**9)),
    ("million", Decimal(10**6)),
)
_SHORT = {"bn": "billion", "mn": "million", "m": "million", "tn": "trillion", "k": "thousand"}


def rewrite(english: str, value: Decimal) -> str | None:
    """``english`` with its number replaced by ``value``; None if it has no digits."""
    match = _NUMBER_AND_SCALE.search(english)
    if match is None:
        return None
    scale_text = match.group("scale") or ""
    scale_word = _SHORT.get(scale_text.strip().lower(), scale_text.strip().lower())
    factor = dict(_SCALES).get(scale_word, Decimal(1000) if scale_word == "thousand" else None)
    if factor is not None and abs(value) >= factor:
        number = format_number(value / factor) + scale_text
    else:
        number = _plain(value)
    return english[: match.start()] + number + english[match.end() :]


def _plain(value: Decimal) -> str:
    """A value written out, with a scale word only for a round billion or more."""
    for word, factor in _SCALES:
        if abs(value) >= factor and factor >= 10**9:
            return f"{format_number(value / factor)} {word}"
    return format_number(value)
