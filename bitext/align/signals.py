"""What the aligner knows about a sentence, and how well two sides agree.

Each sentence is read once into :class:`Features`: its length, its content
words (Chinese words with their dictionary stems, or English stems), the names
that only pinyin can match, and its figures. A candidate bead is then scored
from how much of each side the other side accounts for (:func:`coverage`),
whether their figures agree (:func:`figure_agreement`) and how their lengths
compare (:func:`length_ratio`, against :data:`EN_PER_ZH`). All of it is cheap enough
to score every bead the dynamic programme considers.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import regex

from bitext.align.lexicon import (
    Lexicon,
    en_stems,
    families,
    family,
    pinyin_key,
    zh_weight,
    zh_words,
)
from bitext.figures import extract
from bitext.figures.compare import nearby, values_agree
from bitext.hans import simplified
from bitext.model import Figure

_SPACE = regex.compile(r"\s+")
LATIN_IN_CHINESE_WEIGHT = 1.5
"""A Latin word inside Chinese text is a name or a term; when the English has it, that
says a lot."""
FAMILY_WEIGHT = 0.8
"""A word matched only through its family (送 "deliver" for "delivery") counts a little
less than an exact stem: the family key is coarser and now and then joins strangers."""
MIN_NAME_KEY = 4
"""Shorter pinyin (ma, li) matches English words by chance."""
_OPEN_WORDS = (
    "a|an|the|of|at|to|for|with|from|by|into|and|or|but|nor|"
    "has|have|had|is|are|was|were|will|would|shall|its|their|his|her|our|my|your"
)
_OPEN_END = regex.compile(
    rf"\b(?:{_OPEN_WORDS})\s*$",
    regex.IGNORECASE | regex.REVERSE,  # searched from the end, where a match must be
)
_OPEN_WORD_REACH = max(map(len, _OPEN_WORDS.split("|")))
"""How far before the trailing space a match of :data:`_OPEN_END` can start: the longest
word, each letter one character (simple case folding). Its ``\\b`` still sees the
character before where the search starts."""
_CAPITALIZED = regex.compile(r"\b\p{Lu}[\p{Ll}']+\b|\b\p{Lu}{2,}\b")


class Features(NamedTuple):
    """One sentence as the aligner sees it.

    ``words`` are Chinese content words or English stems, each with an
    information ``weight`` (rare words say more); ``translations`` holds, for
    each Chinese word, the stems of its dictionary translations, and ``stems``
    their union (for English: the stems themselves). ``names`` are pinyin keys
    of Chinese words no dictionary knows, or capitalized English words.
    """

    lang: str
    length: int
    """Characters, as :func:`text_length` counts them."""
    words: tuple[str, ...]
    weights: tuple[float, ...]
    translations: tuple[frozenset[str], ...]
    stems: frozenset[str]
    names: frozenset[str]
    figures: tuple[Figure, ...]
    open_end: bool = False
    """English that ends on a word leaving the phrase open (:func:`ends_open`)."""


EMPTY = Features("other", 0, (), (), (), frozenset(), frozenset(), ())


def read_features(
    text: str,
    lang: str,
    lexicon: Lexicon,
    base: int = 0,
    figures: tuple[Figure, ...] | None = None,
) -> Features:
    """Features of one sentence; ``base`` offsets its figures into the document.
    ``figures`` may be given when they are known already (a sentence's head)."""
    if lang not in ("zh", "en"):
        return EMPTY
    length = text_length(text, lang)
    if figures is None:
        figures = tuple(extract(text, lang, base))
    if lang == "zh":
        han = tuple(zh_words(simplified(text)))
        latin = tuple(en_stems(text))  # names kept in Latin letters: Frank Galicia, KGO
        words = han + latin
        translations = tuple(lexicon.translations(w) for w in han) + tuple(
            frozenset({w}) for w in latin
        )
        names = frozenset(key for key in map(pinyin_key, han) if len(key) >= MIN_NAME_KEY)
        weights = tuple(zh_weight(w) for w in han) + (LATIN_IN_CHINESE_WEIGHT,) * len(latin)
        stems = frozenset().union(*translations)
        return Features(lang, length, words, weights, translations, stems, names, figures)
    en_words = tuple(en_stems(text))
    weights = tuple(lexicon.en_weight(w) for w in en_words)
    names = frozenset(_capitalized_keys(text))
    return Features(
        lang, length, en_words, weights, (), frozenset(en_words), names, figures, ends_open(text)
    )


def read_figures(text: str, lang: str, base: int = 0) -> Features:
    """The :class:`Features` of one sentence without its words: its length, figures and
    open end, what a known translation needs until the judge asks about its words
    (:func:`read_features` with ``figures=`` these figures then reads the rest, the same
    features as reading them all at once).

    >>> read_figures("Six firms, 7 staff.", "en")[:2], len(read_figures("Six", "en").figures)
    (('en', 19), 1)
    """
    if lang not in ("zh", "en"):
        return EMPTY
    figures = tuple(extract(text, lang, base))
    open_end = lang == "en" and ends_open(text)
    return Features(
        lang, text_length(text, lang), (), (), (), frozenset(), frozenset(), figures, open_end
    )


def text_length(text: str, lang: str) -> int:
    """The length the aligner compares: Chinese characters without white space (some
    bulletins space their Chinese around numbers, 投入 6 家), English with it.

    >>> text_length("投入 6 家。", "zh"), text_length("Six firms.", "en")
    (5, 10)
    """
    return len(_SPACE.sub("", text)) if lang == "zh" else len(text)


EN_PER_ZH = 3.6
"""English characters per Chinese character (:func:`text_length`) in news: the median
of the per-sentence ratio over the 5,961 line pairs of the WMT17 and WMT18 zh-en
newstest references (3.43 on WMT17 alone, 3.71 on WMT18; 90% of the pairs lie between
2.26 and 5.57). ``tests/test_length_ratio.py`` measures it again."""


def ends_open(text: str) -> bool:
    """Whether English ends on an article, a preposition, a conjunction, an auxiliary or a
    possessive, which leave the phrase open: such text goes on in the next sentence.

    A headline has no full stop, and the sentence rules cut it before a capitalized word:
    the English of 菲总统府新闻部累计13人检测呈阳性 is "13000 Tested Positive at The
    Presidential Communications Operation Office (PCOO) of the Philippines".

    >>> ends_open("13000 Tested Positive at"), ends_open("Inter Milan Has")
    (True, True)
    >>> ends_open("Do I need to re-place the order next?"), ends_open("said that")
    (False, False)
    """
    # Searched only in the last few characters before the trailing space, which ``\s``
    # is to str.rstrip too: a search of the whole text (even from the end) tries the
    # pattern at every character, and took six times as long.
    return _OPEN_END.search(text, max(0, len(text.rstrip()) - _OPEN_WORD_REACH)) is not None


def _capitalized_keys(text: str) -> set[str]:
    words = [w.lower() for w in _CAPITALIZED.findall(text)]
    keys = set(words)
    keys.update(a + b for a, b in itertools.pairwise(words))
    return keys


class Evidence(NamedTuple):
    """Weighted word hits on each side of a candidate bead."""

    zh_hit: float
    zh_total: float
    en_hit: float
    en_total: float

    @property
    def coverage(self) -> tuple[float, float]:
        return self.zh_hit / max(self.zh_total, 1e-9), self.en_hit / max(self.en_total, 1e-9)


def word_hits(zh: Sequence[Features], en: Sequence[Features]) -> Evidence:
    """How much of each side's content the other side accounts for, by weight: a Chinese
    word is hit when a stem of its translations (or its pinyin) is in the English, an
    English stem when it is among the Chinese words' translations, as many times as the
    Chinese has words that translate to it: the lead after a headline says "doping
    scandal" again, and the repeat is no further evidence that it translates the
    headline (nor evidence against)."""
    en_stems_all = frozenset().union(*(f.stems for f in en)) if en else frozenset()
    en_families = families(en_stems_all)
    en_names = frozenset().union(*(f.names for f in en)) if en else frozenset()
    zh_hit = zh_total = 0.0
    available: Counter[str] = Counter()  # English words the Chinese can account for
    related: Counter[str] = Counter()  # their family keys
    for sentence in zh:
        for word, weight, stems in zip(
            sentence.words, sentence.weights, sentence.translations, strict=True
        ):
            zh_total += weight
            available.update(stems)
            related.update(families(stems))
            if stems & en_stems_all or pinyin_key(word) in en_names:
                zh_hit += weight
            elif families(stems) & en_families:
                zh_hit += weight * FAMILY_WEIGHT
        available.update(sentence.names)
    en_hit = en_total = 0.0
    for sentence in en:
        for stem, weight in zip(sentence.words, sentence.weights, strict=True):
            if available[stem] > 0:
                available[stem] -= 1
                en_hit += weight
            elif stem in available:
                continue  # a repeat beyond the Chinese: no evidence either way
            elif related[family(stem)] > 0:
                related[family(stem)] -= 1
                en_hit += weight * FAMILY_WEIGHT
            en_total += weight
    return Evidence(zh_hit, zh_total, en_hit, en_total)


def coverage(zh: Sequence[Features], en: Sequence[Features]) -> tuple[float, float]:
    """Weighted share of each side that the other accounts for."""
    return word_hits(zh, en).coverage


def figure_agreement(zh: Sequence[Features], en: Sequence[Features]) -> tuple[int, int]:
    """(figures that agree, figures in all) between the hard figures of both sides."""
    zh_figures = [f for s in zh for f in s.figures if not f.soft]
    en_figures = [f for s in en for f in s.figures if not f.soft]
    used: set[int] = set()
    agree = 0
    for i, figure in enumerate(zh_figures):
        for k in nearby(i, len(zh_figures), len(en_figures)):
            if k not in used and values_agree(figure, en_figures[k]):
                used.add(k)
                agree += 1
                break
    return agree, len(zh_figures) + len(en_figures)


def length_ratio(zh: Sequence[Features], en: Sequence[Features], expected: float) -> float:
    """:func:`length_deviation` of the sentences ``en`` from ``zh``."""
    return length_deviation(sum(f.length for f in zh), sum(f.length for f in en), expected)


def length_deviation(zh_length: float, en_length: float, expected: float) -> float:
    """log of (English length / the English length ``expected`` times the Chinese predicts),
    each plus one so that an empty side stays finite.

    >>> length_deviation(10, 36, EN_PER_ZH) == 0.0, round(length_deviation(10, 73, 3.6), 3)
    (True, 0.693)
    """
    return math.log((en_length + 1) / (expected * zh_length + 1))
