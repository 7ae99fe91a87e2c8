"""Language tags for spans: a script rule for zh, langdetect for Latin text.

Chinese versus English is decided by script (Han characters or not); that is
certain and fast. Latin-script text may still not be English (a French
quotation, a Pinyin byline), so longer Latin spans go to langdetect, seeded so
results are repeatable and loaded with only the profiles of languages that
plausibly appear in a Chinese bulletin's English, which also keeps start-up
fast. Short spans (names, titles, bylines) are too short to judge and count as
English.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

LATIN_PROFILES = ("en", "fr", "de", "es", "it", "pt", "nl", "id", "vi", "tl", "sv", "pl")
"""English and the Latin-script languages an English span is most often confused with."""

MIN_LETTERS = 40
"""Below this many letters langdetect guesses; treat the span as English."""

MIN_CONFIDENCE = 0.9

_LETTERS = regex.compile(r"\p{Latin}")
_HAN = regex.compile(r"\p{Han}")


@functools.cache
def _factory():  # type: ignore[no-untyped-def]
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    profiles_dir = resources.files("langdetect") / "profiles"
    factory.load_json_profile(
        [(profiles_dir / code).read_text(encoding="utf-8") for code in LATIN_PROFILES]
    )
    factory.set_seed(0)
    return factory


def detect_latin(text: str) -> str:
    """``en`` or ``other`` for a Latin-script span.

    >>> detect_latin("The county built 96 schools and trained 479 leaders in 2018.")
    'en'
    >>> detect_latin("Le conseil municipal a approuvé le budget de la ville pour cette année.")
    'other'
    >>> detect_latin("(Lin Quanguo)")
    'en'
    """
    if len(_LETTERS.findall(text)) < MIN_LETTERS:
        return "en"
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:  # no features to judge by
        return "en"
    best = guesses[0]
    if best.lang != "en" and best.prob >= MIN_CONFIDENCE:
        return "other"
    return "en"


def script_of(text: str) -> str:
    """``zh`` when the text holds Han characters, else ``en``/``other`` by :func:`detect_latin`."""
    if _HAN.search(text):
        return "zh"
    return detect_latin(text) if _LETTERS.search(text) else "other"
