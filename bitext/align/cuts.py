"""How much of a pair's English the Chinese accounts for, and where the Chinese was cut.

In a mixed bulletin a Chinese fragment often lost its head ("年以来,大连市…"
for "2018年以来…") or its tail, while its English translation is whole. The
English that translates the lost part has no Chinese counterpart, so figures
there cannot be checked. This module finds:

* :func:`cut_side` — whether the Chinese looks cut at its head (it starts with a
  unit, a particle or mid-number), at its tail (it stops without a sentence
  end), or carries much less than its English, or its English starts in lower case
  (a piece of a sentence whose head, and the Chinese of it, are in the fragment before);
* :func:`head_cut_kind` — the kind of figure the cut went through (年以来 cut a
  year; 万元… cut a number);
* :func:`english_words` — the English content words of a pair, each marked
  *hit* when the Chinese side's dictionary translations or pinyin account for it,
  so a figure's neighbourhood can be judged (:func:`context_coverage`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from bitext.align.lexicon import EN_STOPWORDS, Lexicon, pinyin_key, stem, zh_word_spans
from bitext.align.signals import EN_PER_ZH, Features
from bitext.cache.patterns import compile as _compile
from bitext.hans import simplified
from bitext.model import Pair

_HEAD_CUT = _compile(
    r"^(?:[年月日号万亿千百元%％个名位家所项条次期人岁倍成的了着过们地得之与和及或等米分秒周例户件台册辆艘"
    r"，、。；：）)》」』”’,.;:!?！？]|[0-9]{3}(?![0-9])|[0-9]+(?=[\p{Han}])(?![0-9]*\s*[年月日号万亿千百元个名位家所项条次期人岁倍成%％多余])"
    r"|[便却才则且](?!说)|时(?=\s*[至到许起，,])|[0-9０-９]{1,2}\s*[时点](?![钟间])\s*[0-9０-９]{1,2}\s*分)"
)
"""What a Chinese sentence cannot start with: a unit or particle (年以来…, 个州…), the end
of a number (册】法国…, from 全3册), an adverb that needs the clause before it (便看到…, 却…, 才…; none of
11,821 WMT sentences starts with 便, 却, 才, 则 or 且), the 时 of a time cut from its
hour (时至 26 日 8 时, from 25日8时至26日8时), or a time of day with its minutes, whose
date went with the cut (20 时 52 分发生…, from 26日20时52分; one WMT sentence in 11,821
starts with a time, 16时许, and has no minutes)."""
_CLOCK_START = _compile(r"[0-9０-９]{1,2}\s*[时点]")
_UNOPENED_BRACKET = _compile(r"^[^（(，,。；;]{0,12}[）)]")
"""超过半数）的国家…: a bracket closed that the fragment never opened; its head is lost."""
_EN_PIECE = _compile(r"\p{Ll}")
"""English that starts in lower case is a piece: "…获得二零一八至二零二二年国际足联各项赛事 …
has obtained 在中国大陆地区的独家全媒体版权。 an exclusive … in 2018-2022."."""
_SENTENCE_END = _compile(r"[。！？!?…”’」』）)\"'》；;]$")
_INTERNAL_PUNCTUATION = _compile(r"[，,、；;]")
_CUT_KINDS = (("年", "year"), ("月", "month"), ("日", "day"), ("号", "day"))
_EN_WORD = _compile(r"[A-Za-z][A-Za-z'’-]*")

HEADLINE_LENGTH = 25
"""A Chinese fragment without a sentence end that is longer than this was cut, not a title."""
LONG_ENGLISH = 1.65
"""English this many times longer than the Chinese predicts (the news median,
:data:`~bitext.align.signals.EN_PER_ZH`): the Chinese lost text."""


def cut_side(
    pair: Pair,
    text: str,
    features: dict,  # type: ignore[type-arg]
    whole: bool = False,
) -> str | None:
    """``head``, ``tail`` or None: where the Chinese side of ``pair`` looks cut. A
    ``whole`` pair is a known translation: only a Chinese that starts in mid-figure or
    mid-phrase (年以来…, 个州…) is a piece; a missing stop or a long English says nothing."""
    if not pair.zh or not pair.en:
        return None
    zh_text = text[slice(*pair.zh_range)]  # type: ignore[misc]
    if _HEAD_CUT.match(zh_text) or _UNOPENED_BRACKET.match(zh_text):
        return "head"
    if whole:
        return None
    if not _SENTENCE_END.search(zh_text) and (
        len(zh_text) > HEADLINE_LENGTH or _INTERNAL_PUNCTUATION.search(zh_text)
    ):
        return "tail"
    zh_length = sum(features[s].length for s in pair.zh)
    en_length = sum(features[s].length for s in pair.en)
    if en_length > LONG_ENGLISH * EN_PER_ZH * zh_length or _EN_PIECE.match(text, pair.en[0].start):
        return "head"
    return None


def head_cut_kind(zh_text: str) -> str | None:
    """What the cut went through when a fragment starts with a unit: 年以来 → year."""
    for unit, kind in _CUT_KINDS:
        if zh_text.startswith(unit):
            return kind
    if _CLOCK_START.match(zh_text):
        return "day"  # 20 时 52 分…: the day went with the head
    if (
        _HEAD_CUT.match(zh_text)
        and zh_text[:1] in "万亿千百元%％个名位家所项条次期人岁倍成米分秒周册辆艘"
    ):
        return "number"
    return None


class EnglishWord(NamedTuple):
    start: int
    end: int
    stem: str
    hit: bool


def english_words(pair: Pair, text: str, zh: Sequence[Features]) -> list[EnglishWord]:
    """The pair's English content words in order, each marked hit or not."""
    translations: set[str] = set()
    for sentence in zh:
        translations.update(sentence.stems)
        translations.update(sentence.names)
    words = []
    for span in pair.en:
        for match in _EN_WORD.finditer(text, span.start, span.end):
            if match.group().lower() in EN_STOPWORDS:
                continue
            word_stem = stem(match.group())
            words.append(
                EnglishWord(match.start(), match.end(), word_stem, word_stem in translations)
            )
    return words


_EN_SENTENCE_END = _compile(r"[.!?…;；:\"”’')\]]\s*$")
"""A clause end counts: English that stops at ";" ended there, it was not cut."""


MID_CLAUSE_END = _compile(
    r"(?:,|\b(?:a|an|the|of|on|in|to|for|with|by|at|from|and|or|that|which|his|her|its|their))\s*$",
    regex.IGNORECASE,
)
"""English that stops here stops in mid-clause: it is a piece ("…with their actual deeds,")."""


def stops_mid_clause(english: str) -> bool:
    """:data:`MID_CLAUSE_END` holds: at most its longest word ("which") and one character
    for its ``\\b`` before the text's trailing space (:func:`_ends_with`).

    >>> stops_mid_clause("with their actual deeds,  "), stops_mid_clause("The end of it")
    (True, False)
    """
    return _ends_with(MID_CLAUSE_END, english, 6)


def _ends_with(pattern: regex.Pattern[str], text: str, reach: int) -> bool:
    """``pattern``, which ends in ``\\s*$``, searched only in the last ``reach`` characters
    before ``text``'s trailing space: what it matches before that space ends where the space
    starts, as ``\\s`` is space to :meth:`str.rstrip` too. A search of the whole text
    tries the pattern at every character."""
    return pattern.search(text, max(0, len(text.rstrip()) - reach)) is not None


def english_cut(pair: Pair, text: str, whole: bool = False) -> str | None:
    """``head`` or ``tail`` when the English of a pair may be a piece of a sentence: it
    starts in lower case ("and second volume of…") or stops without a sentence end (a
    headline does too: the judge asks whether the English stops short of more than a
    figure). The English of a ``whole`` pair is a piece only when it starts in lower case
    or stops in mid-clause (:data:`MID_CLAUSE_END`)."""
    if not pair.en:
        return None
    english = text[slice(*pair.en_range)]  # type: ignore[misc]
    if english[:1].islower():
        return "head"
    if whole:
        return "tail" if stops_mid_clause(english) else None
    if not _ends_with(_EN_SENTENCE_END, english, 1) and (
        len(english.split()) > 8 or "," in english
    ):
        return "tail"
    return None


class ChineseWord(NamedTuple):
    start: int
    end: int
    hit: bool


def chinese_words(
    pair: Pair, text: str, zh: Sequence[Features], en: Sequence[Features], lexicon: Lexicon
) -> list[ChineseWord]:
    """The pair's Chinese content words in order, each marked hit when the English has
    one of its dictionary translations or its pinyin."""
    en_stems = frozenset().union(*(f.stems for f in en)) if en else frozenset()
    en_names = frozenset().union(*(f.names for f in en)) if en else frozenset()
    words = []
    for span in pair.zh:
        for word, start, end in zh_word_spans(simplified(text[span.start : span.end])):
            hit = bool(lexicon.translations(word) & en_stems) or pinyin_key(word) in en_names
            words.append(ChineseWord(span.start + start, span.start + end, hit))
    return words


def context_coverage(
    words: Sequence[EnglishWord], start: int, end: int, radius: int = 4
) -> tuple[int, int]:
    """(hits, words) among the ``radius`` content words on each side of [start, end)."""
    before = [w for w in words if w.end <= start][-radius:]
    after = [w for w in words if w.start >= end][:radius]
    around = before + after
    return sum(w.hit for w in around), len(around)
