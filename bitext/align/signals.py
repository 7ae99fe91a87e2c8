"""What the aligner knows about a sentence, and how well two sides agree.

Each sentence is read once into :class:`Features`: its length, its content
words (Chinese words with their dictionary stems, or English stems), the names
that only pinyin can match, and its figures. A candidate bead is then scored
from how much of each side the other side accounts for (:func:`coverage`),
whether their figures agree (:func:`figure_agreement`) and how their lengths
compare (:func:`length_ratio`). All of it is cheap enough to score every bead
the dynamic programme considers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import regex

from bitext.align.lexicon import Lexicon, en_stems, pinyin_key, zh_words
from bitext.figures import extract
from bitext.figures.compare import values_agree
from bitext.model import Figure

_SPACE = regex.compile(r"\s+")
_CAPITALIZED = regex.compile(r"\b\p{Lu}[\p{Ll}']+\b|\b\p{Lu}{2,}\b")


class Features(NamedTuple):
    """One sentence as the aligner sees it."""

    lang: str
    length: int
    words: tuple[str, ...]
    translations: tuple[frozenset[str], ...]
    stems: frozenset[str]
    names: frozenset[str]
    figures: tuple[Figure, ...]


def read_features(text: str, lang: str, lexicon: Lexicon, base: int = 0) -> Features:
    """Features of one sentence; ``base`` offsets its figures into the document."""
    length = len(_SPACE.sub("", text)) if lang == "zh" else len(text)
    figures = tuple(extract(text, lang, base))
    if lang == "zh":
        words = tuple(zh_words(text))
        translations = tuple(lexicon.translations(w) for w in words)
        names = frozenset(
            pinyin_key(w) for w, t in zip(words, translations, strict=True) if not t and len(w) > 1
        )
        return Features(lang, length, words, translations, frozenset().union(*translations), names, figures)
    stems = tuple(en_stems(text))
    names = frozenset(_capitalized_keys(text))
    return Features(lang, length, stems, (), frozenset(stems), names, figures)


def _capitalized_keys(text: str) -> set[str]:
    words = [w.lower() for w in _CAPITALIZED.findall(text)]
    keys = set(words)
    keys.update(a + b for a, b in zip(words, words[1:], strict=False))
    return keys


def coverage(zh: Sequence[Features], en: Sequence[Features]) -> tuple[float, float]:
    """Share of the Chinese words the English accounts for, and of the English stems
    the Chinese accounts for (a word counts once per occurrence)."""
    en_stems_all = frozenset().union(*(f.stems for f in en)) if en else frozenset()
    en_names = frozenset().union(*(f.names for f in en)) if en else frozenset()
    zh_total = zh_hit = 0
    translations: set[str] = set()
    for sentence in zh:
        translations.update(sentence.stems)
        for word, stems in zip(sentence.words, sentence.translations, strict=True):
            zh_total += 1
            if stems & en_stems_all or (not stems and _name_hit(word, en_names)):
                zh_hit += 1
    translations.update(*(f.names for f in zh))
    en_total = sum(len(f.words) for f in en)
    en_hit = sum(1 for f in en for stem in f.words if stem in translations)
    return zh_hit / max(zh_total, 1), en_hit / max(en_total, 1)


def _name_hit(word: str, en_names: frozenset[str]) -> bool:
    key = pinyin_key(word)
    return len(key) >= 4 and key in en_names


def figure_agreement(zh: Sequence[Features], en: Sequence[Features]) -> tuple[int, int]:
    """(figures that agree, figures in all) between the hard figures of both sides."""
    zh_figures = [f for s in zh for f in s.figures if not f.soft]
    en_figures = [f for s in en for f in s.figures if not f.soft]
    used: set[int] = set()
    agree = 0
    for figure in zh_figures:
        for k, other in enumerate(en_figures):
            if k not in used and values_agree(figure, other):
                used.add(k)
                agree += 1
                break
    return agree, len(zh_figures) + len(en_figures)


def length_ratio(zh: Sequence[Features], en: Sequence[Features], expected: float) -> float:
    """log of (English length / expected English length for this Chinese)."""
    zh_length = sum(f.length for f in zh)
    en_length = sum(f.length for f in en)
    return math.log((en_length + 1) / (expected * zh_length + 1))
