"""Pair the Chinese fragments of a mixed bulletin with the English that translates them.

In a mixed bulletin each Chinese fragment sits next to its translation,
usually right before it, with English-only sentences between the pairs::

    En₀  Z₁ E₁ E₂  En₃  Z₄ Z₅ E₆ …

So the document is read as a sequence of *blocks* of neighbouring sentences:
a Chinese run with the English after it (ZE) or before it (EZ), an English
sentence on its own (0-1), a Chinese sentence left untranslated (1-0).
Dynamic programming over the document picks the blocks with the best total
score. A block's score adds, per word, the evidence that the two sides
translate each other (naive Bayes over dictionary and pinyin hits,
:mod:`bitext.align.evidence`, whose rates were measured on translations and on
neighbouring non-translations), the figures they share, and a length-ratio term
that is lenient when the Chinese is shorter than expected (a fragment that lost
its head).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import NamedTuple

from bitext.align.evidence import confidence, word_odds
from bitext.align.signals import EN_PER_ZH, Features, figure_agreement, length_ratio, word_hits
from bitext.model import Pair, Span


class AlignParams(NamedTuple):
    """Weights of the block score, measured on bench/dev with benchmarks/tune_mixed.py
    (docs/benchmarks.md)."""

    ratio: float = round(0.7 * EN_PER_ZH, 1)
    """The English characters per Chinese character the length term expects: 0.7 of the
    news median :data:`~bitext.align.signals.EN_PER_ZH`, to one decimal (2.5), where the
    search on bench/dev settled. A tuned centre, not a measured ratio: bench/dev's gold
    pairs have a median of 4.0."""
    sigma_short: float = 0.65
    """Spread of log(length ratio) when the English is shorter than expected."""
    sigma_long: float = 0.8
    """… and when it is longer: a Chinese fragment may have lost its head."""
    hit_translation: float = 0.36
    """Share of a translation's content words the dictionary accounts for."""
    hit_chance: float = 0.11
    """… and of a neighbouring sentence that does not translate it."""
    evidence_weight: float = 0.37
    """Words are not independent; scale the naive-Bayes sum down."""
    figure_weight: float = 2.3
    figure_miss: float = 0.3
    """Penalty per figure on either side that finds no counterpart."""
    untranslated: float = -15.0
    """Score of a Chinese sentence left without English (1-0)."""
    english_only: float = 1.19
    """Score of an English sentence with no Chinese (0-1)."""
    paragraph_break: float = -17.0
    english_first: float = -1.0
    """Translations usually follow their Chinese; before it costs a little."""
    max_zh: int = 8
    max_en: int = 10
    """The most Chinese and English sentences one block holds: a speech's paragraph of
    six quoted sentences followed by their seven English ones is read as one block and
    then split (4 and 5 cut it, and its sentences were left unpaired)."""
    confidence_scale: float = 2.0
    """Score margin over leaving a bead's sentences unpaired that makes it ~73% sure
    (:func:`~bitext.align.evidence.confidence`)."""
    split_margin: float = 0.1
    """A block is split into finer beads when that loses at most this share of its score
    (a long sentence's repeated words count once, so its 1-1 bead scores a little less
    than the block it sits in)…"""
    split_floor: float = 6.0
    """… and every finer bead is itself this well supported."""


DEFAULT_PARAMS = AlignParams()


class _Block(NamedTuple):
    start: int
    end: int
    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float


def align_mixed(
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams = DEFAULT_PARAMS,
) -> list[Pair]:
    """Beads with Chinese in them (1-1, n-m, 1-0), in document order."""
    units = [k for k, s in enumerate(spans) if s.lang in ("zh", "en")]
    best: list[float] = [0.0] + [-math.inf] * len(units)
    back: list[_Block | None] = [None] * (len(units) + 1)
    for end in range(1, len(units) + 1):
        for block in _blocks_ending(end, units, spans, features, params):
            total = best[block.start] + block.score
            if total > best[end]:
                best[end], back[end] = total, block
    beads: list[_Block] = []
    position = len(units)
    while position > 0:
        block = back[position]
        assert block is not None
        beads.append(block)
        position = block.start
    beads.reverse()
    pairs = []
    for block in (piece for b in beads for piece in _split(b, spans, features, params)):
        if not block.zh:
            continue
        pairs.append(
            Pair(
                id=len(pairs),
                zh=tuple(spans[k] for k in block.zh),
                en=tuple(spans[k] for k in block.en),
                score=_confidence(block, features, params),
            )
        )
    return pairs


def _blocks_ending(
    end: int,
    units: Sequence[int],
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams,
) -> list[_Block]:
    last = units[end - 1]
    blocks = []
    if spans[last].lang == "en":
        blocks.append(_Block(end - 1, end, (), (last,), params.english_only))
    else:
        blocks.append(_Block(end - 1, end, (last,), (), params.untranslated))
    # A run of one language ending at `end`, preceded by a run of the other.
    tail_lang = spans[last].lang
    tail: list[int] = []
    k = end - 1
    while k >= 0 and spans[units[k]].lang == tail_lang and len(tail) < _limit(tail_lang, params):
        tail.insert(0, units[k])
        head: list[int] = []
        j = k - 1
        while j >= 0 and spans[units[j]].lang != tail_lang:
            head.insert(0, units[j])
            if len(head) > _limit(spans[units[j]].lang, params):
                break
            zh, en = (head, tail) if tail_lang == "en" else (tail, head)
            score = _bead_score(zh, en, spans, features, params)
            if tail_lang == "zh":
                score += params.english_first
            blocks.append(_Block(j, end, tuple(zh), tuple(en), score))
            j -= 1
        k -= 1
    return blocks


def _split(
    block: _Block, spans: Sequence[Span], features: Sequence[Features], params: AlignParams
) -> list[_Block]:
    """Pair a block sentence by sentence when that explains it as well as one bead does.

    "选派 6 名教师…;" and the sentence before it, followed by two English sentences
    that each translate one of them, are two beads, not one.
    """
    if len(block.zh) < 2 or len(block.en) < 2:
        return [block]
    best = _best_partition(block.zh, block.en, spans, features, params)
    if best is None or len(best) < 2:
        return [block]
    if not _explains(block, best, spans, features, params) and not _apart(
        best, spans, features, params
    ):
        return [block]
    return [piece for bead in best for piece in _split(bead, spans, features, params)]


def _explains(
    block: _Block,
    beads: Sequence[_Block],
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams,
) -> bool:
    """The finer beads score about as well as the block, each of them well."""
    merged = _bead_score(block.zh, block.en, spans, features, params)
    if sum(b.score for b in beads) < merged - params.split_margin * abs(merged):
        return False
    return min(b.score for b in beads) >= params.split_floor


def _apart(
    beads: Sequence[_Block],
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams,
) -> bool:
    """Each finer bead's sentences translate each other, and not their neighbour's.

    A name said in every sentence of a speech ("钟南山院士表示…", "…钟南山院士还分享了…")
    makes the whole paragraph score better as one bead than sentence by sentence; but
    neither sentence pairs with its neighbour's English, so the sentences are pairs.
    """
    if min(b.score for b in beads) <= 0:
        return False
    for one, two in itertools.pairwise(beads):
        if _bead_score(one.zh, two.en, spans, features, params) >= 0:
            return False
        if _bead_score(two.zh, one.en, spans, features, params) >= 0:
            return False
    return True


def _best_partition(
    zh: Sequence[int],
    en: Sequence[int],
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams,
) -> list[_Block] | None:
    """The best monotone split of a block into two or more beads, none of them empty."""
    table: dict[tuple[int, int], tuple[float, list[_Block]]] = {(0, 0): (0.0, [])}
    for i in range(len(zh) + 1):
        for j in range(len(en) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for a in range(1, min(i, 2) + 1):
                for b in range(1, min(j, 3) + 1):
                    previous = table.get((i - a, j - b))
                    if previous is None or (a, b) == (len(zh), len(en)):
                        continue
                    zh_part, en_part = tuple(zh[i - a : i]), tuple(en[j - b : j])
                    score = _bead_score(zh_part, en_part, spans, features, params)
                    bead = _Block(0, 0, zh_part, en_part, score)
                    options.append((previous[0] + score, [*previous[1], bead]))
            if options:
                table[(i, j)] = max(options, key=lambda option: option[0])
    found = table.get((len(zh), len(en)))
    return found[1] if found else None


def _limit(lang: str, params: AlignParams) -> int:
    return params.max_zh if lang == "zh" else params.max_en


def _bead_score(
    zh: Sequence[int],
    en: Sequence[int],
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams,
) -> float:
    score = features_score([features[k] for k in zh], [features[k] for k in en], params)
    paragraphs = {spans[k].paragraph for k in (*zh, *en)}
    return score + params.paragraph_break * (len(paragraphs) - 1)


def features_score(zh: Sequence[Features], en: Sequence[Features], params: AlignParams) -> float:
    """How well two sides translate each other: words, figures, lengths."""
    score = word_evidence(zh, en, params)
    agree, total = figure_agreement(zh, en)
    score += params.figure_weight * agree - params.figure_miss * (total - 2 * agree)
    ratio = length_ratio(zh, en, params.ratio)
    sigma = params.sigma_long if ratio > 0 else params.sigma_short
    return score - 0.5 * (ratio / sigma) ** 2


def word_evidence(zh: Sequence[Features], en: Sequence[Features], params: AlignParams) -> float:
    """Naive-Bayes log-odds that the two sides translate each other, from word hits."""
    evidence = word_hits(zh, en)
    odds = word_odds(params.hit_translation, params.hit_chance, params.evidence_weight)
    return odds(evidence.zh_hit + evidence.en_hit, evidence.zh_total + evidence.en_total)


def _confidence(block: _Block, features: Sequence[Features], params: AlignParams) -> float:
    """The evidence that the bead's two sides translate each other (words, names,
    figures, lengths; not where they sit) as a probability in [0, 1]."""
    if not block.en:
        return 0.0
    evidence = block.score - (params.english_first if _english_first(block) else 0.0)
    return confidence(evidence, params.confidence_scale)


def _english_first(block: _Block) -> bool:
    return bool(block.en) and bool(block.zh) and block.en[0] < block.zh[0]


STRANDED_MARGIN = 1.0
"""How much more word evidence the stranded sentence must carry than the pair's English
(bench/dev: 0 takes in English that belongs to no one; 1 fixes only clear cases)."""


def absorb_stranded_english(
    pairs: Sequence[Pair],
    spans: Sequence[Span],
    features: Sequence[Features],
    params: AlignParams = DEFAULT_PARAMS,
) -> list[Pair]:
    """Give a pair the English sentence left alone right after it when the pair's English
    ends open ("13000 Tested Positive at", :func:`~bitext.align.signals.ends_open`), or
    when that sentence translates the pair's Chinese better than the English it has.

    A Chinese fragment that lost its head keeps only the tail of its translation's
    meaning, but its English starts with the lost head: "多名袭击者伪装后潜入学院…" is
    followed by "…was attacked." and then "Several attackers camouflaged…". The
    sentence-by-sentence scores can leave the second sentence on its own by a hair;
    word evidence says where it belongs.
    """
    paired = {span for pair in pairs for span in pair.en}
    index = {span: k for k, span in enumerate(spans)}
    result = []
    for pair in pairs:
        if pair.zh and pair.en:
            following = index[pair.en[-1]] + 1
            if following < len(spans):
                candidate = spans[following]
                if _stranded_translation(pair, candidate, paired, index, features, params):
                    paired.add(candidate)
                    pair = pair._replace(en=(*pair.en, candidate))
        result.append(pair)
    return result


def _stranded_translation(
    pair: Pair,
    candidate: Span,
    paired: set[Span],
    index: dict[Span, int],
    features: Sequence[Features],
    params: AlignParams,
) -> bool:
    if candidate.lang != "en" or candidate in paired:
        return False
    if candidate.paragraph != pair.en[-1].paragraph:
        return False
    if features[index[pair.en[-1]]].open_end:
        return True
    zh = [features[index[s]] for s in pair.zh]
    current = word_evidence(zh, [features[index[s]] for s in pair.en], params)
    alone = word_evidence(zh, [features[index[candidate]]], params)
    return alone > max(current, 0.0) + STRANDED_MARGIN
