"""Align two files: Chinese sentences with the English sentences that translate them.

The sentences of a Chinese text and of its translation are aligned as a
monotone path of *beads* — 1-1, 1-2, 2-1, 1-3, 2-2, … and 1-0 / 0-1 for a
sentence with no counterpart — found by dynamic programming. A bead's score is
the log-odds that its two sides translate each other:

* word evidence: how much of each side the other side's dictionary translations
  (CC-CEDICT and the glossary) and pinyin names account for, as naive Bayes
  (:mod:`bitext.align.evidence`, with this aligner's own rates);
* figures that agree (:func:`bitext.figures.compare.values_agree`);
* length: the English length against the Chinese length times this document's
  own ratio (a fixed ratio of 1.0 fails badly between Chinese and English; the news
  median :data:`~bitext.align.signals.EN_PER_ZH` does as well on novels, and the
  document's own ratio serves documents whose ratio differs: benchmarks/mac.py);
* a prior for the bead's shape (literary translation splits long Chinese
  sentences: 1-2 is a third as common as 1-1).

Two passes keep it fast: simple beads over a wide band around the diagonal
find the path roughly, then every bead shape is tried in a narrow band around
that path. Word hits are read once per sentence pair from inverted indexes, as
bit masks, so a bead of several sentences costs a few ORs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from bitext.align.evidence import confidence, word_odds
from bitext.align.lexicon import Lexicon, pinyin_key
from bitext.align.signals import Features, length_deviation, read_features
from bitext.figures.compare import values_agree


class ParallelParams(NamedTuple):
    """Weights of the bead score, tuned on MAC-Dev (``benchmarks/mac.py``)."""

    hit_translation: float = 0.354
    """Share of a translation's content words (by weight) the other side accounts for."""
    hit_chance: float = 0.2
    """… and of a neighbouring sentence that does not translate it (same story, same
    names: far more than of a random sentence)."""
    evidence_weight: float = 0.448
    """Words are not independent; scale the naive-Bayes sum down."""
    sigma: float = 0.616
    """Spread of log(English length / expected English length)."""
    figure_weight: float = 0.5
    null_score: float = -1.0
    """Score of a sentence left without counterpart, before its shape prior."""
    prior_weight: float = 1.0
    """How much the shape prior counts against the evidence."""
    wide_band: float = 0.06
    """Half width of the first pass's band, as a share of the longer text."""
    min_wide_band: int = 10
    narrow_band: int = 8
    """Half width of the second pass's band around the first path, in sentences."""
    dictionary: bool = True
    """Signals, each can be switched off to measure what it adds (benchmarks/mac.py)."""
    names: bool = True
    fixed_ratio: float | None = None
    """Use this English/Chinese length ratio instead of the document's own."""


DEFAULT_PARAMS = ParallelParams()

SHAPE_PRIOR = {
    (1, 1): 0.62, (1, 2): 0.21, (2, 1): 0.05, (1, 3): 0.06, (2, 2): 0.02, (1, 4): 0.02,
    (2, 3): 0.01, (3, 1): 0.005, (3, 2): 0.003, (1, 0): 0.005, (0, 1): 0.002,
}  # fmt: skip
"""How often each bead shape occurs in literary and news translation (MAC-Dev counts)."""
SIMPLE_SHAPES = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


class Bead(NamedTuple):
    """Line ids (0-based) on each side, one side possibly empty, and the log-odds that
    the two sides translate each other (the shape's prior left out)."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    @property
    def confidence(self) -> float:
        """The score as a probability; 0 for a sentence left alone."""
        if not self.zh or not self.en:
            return 0.0
        return confidence(self.score, CONFIDENCE_SCALE)


CONFIDENCE_SCALE = 4.0
"""Log-odds that make a bead about 73% sure."""

MIN_CONFIDENCE = 0.45
"""Below this a bead looks no more like a translation than two unrelated sentences do:
on WMT21 news, 96% of unrelated sentence pairs score under it and no true 1-1 pair
does (on MAC-Dev novels, whose translation is freer, 7% of correct beads do)."""


def align_parallel(
    zh: Sequence[str],
    en: Sequence[str],
    lexicon: Lexicon,
    params: ParallelParams = DEFAULT_PARAMS,
) -> list[Bead]:
    """Beads covering every line of both sides once, in order."""
    if not zh or not en:
        return [Bead((i,), (), 0.0) for i in range(len(zh))] + [
            Bead((), (j,), 0.0) for j in range(len(en))
        ]
    return align_features(
        [read_features(line, "zh", lexicon) for line in zh],
        [read_features(line, "en", lexicon) for line in en],
        params,
    )


def align_features(
    zh: list[Features], en: list[Features], params: ParallelParams = DEFAULT_PARAMS
) -> list[Bead]:
    """:func:`align_parallel` on sentences already read (benchmarks reuse them)."""
    scorer = _Scorer(zh, en, params)
    n, m = len(zh), len(en)
    half = max(params.min_wide_band, round(params.wide_band * max(n, m)))
    path = _best_path(scorer, _diagonal_band(n, m, half), SIMPLE_SHAPES)
    narrow = _band_around(path, n, m, params.narrow_band)
    return _best_path(scorer, narrow, tuple(SHAPE_PRIOR))


class _Scorer:
    """Bead scores for one pair of texts, each computed once."""

    def __init__(self, zh: list[Features], en: list[Features], params: ParallelParams) -> None:
        self.zh, self.en, self.params = zh, en, params
        zh_masks, en_masks = _hit_masks(zh, en, params.dictionary, params.names)
        self.zh_hits, self.en_hits = _Hits(zh, zh_masks), _Hits(en, en_masks)
        self.zh_totals = _prefix_sums(sum(f.weights) for f in zh)
        self.en_totals = _prefix_sums(sum(f.weights) for f in en)
        self.zh_lengths = _prefix_sums(f.length for f in zh)
        self.en_lengths = _prefix_sums(f.length for f in en)
        self.zh_figures = _prefix_sums(sum(not g.soft for g in f.figures) for f in zh)
        self.ratio = params.fixed_ratio or (self.en_lengths[-1] or 1) / (self.zh_lengths[-1] or 1)
        self.odds = word_odds(params.hit_translation, params.hit_chance, params.evidence_weight)
        self.spread = 2 * params.sigma**2
        self._beads: dict[tuple[int, int, int, int], float] = {}

    def bead(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        key = (zh_start, zh_end, en_start, en_end)
        score = self._beads.get(key)
        if score is None:
            score = self._beads[key] = self._score(*key)
        return score

    def _score(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        if zh_start == zh_end or en_start == en_end:
            return self.params.null_score
        hits = 0.0
        for i in range(zh_start, zh_end):
            hits += self.zh_hits.weight(i, en_start, en_end)
        for j in range(en_start, en_end):
            hits += self.en_hits.weight(j, zh_start, zh_end)
        total = (
            self.zh_totals[zh_end] - self.zh_totals[zh_start]
            + self.en_totals[en_end] - self.en_totals[en_start]
        )  # fmt: skip
        score = self.odds(hits, total)
        if self.zh_figures[zh_end] > self.zh_figures[zh_start]:
            agreeing = self._figures_agreeing(zh_start, zh_end, en_start, en_end)
            score += self.params.figure_weight * agreeing
        zh_length = self.zh_lengths[zh_end] - self.zh_lengths[zh_start]
        en_length = self.en_lengths[en_end] - self.en_lengths[en_start]
        deviation = length_deviation(zh_length, en_length, self.ratio)
        return score - deviation * deviation / self.spread

    def _figures_agreeing(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> int:
        zh_figures = [f for i in range(zh_start, zh_end) for f in self.zh[i].figures if not f.soft]
        en_figures = [f for j in range(en_start, en_end) for f in self.en[j].figures if not f.soft]
        return sum(1 for z in zh_figures if any(values_agree(z, e) for e in en_figures))


class _Hits:
    """For one side: the weight of a line's words that a run of the other side's lines
    accounts for, each computed once."""

    def __init__(self, sentences: list[Features], masks: dict[tuple[int, int], int]) -> None:
        self.sentences, self.masks = sentences, masks
        self._cache: dict[int, float] = {}

    def weight(self, line: int, start: int, end: int) -> float:
        """Weight of the words of ``line`` that the other side's lines start..end hit."""
        key = (line << 40) | (start << 20) | end
        hit = self._cache.get(key)
        if hit is None:
            mask = 0
            for other in range(start, end):
                mask |= self.masks.get((line, other), 0)
            hit = self._cache[key] = _weighed(mask, self.sentences[line].weights)
        return hit


def _prefix_sums(values: Iterable[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _hit_masks(
    zh: Sequence[Features], en: Sequence[Features], dictionary: bool = True, names: bool = True
) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """Which words of each line the other side's lines account for, from inverted
    indexes (English stem or name → lines; translation stem → Chinese lines): for each
    side, (its line, the other side's line) → a bit per word of its line."""
    en_lines: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(en):
        for key in (sentence.stems if dictionary else set()) | (sentence.names if names else set()):
            en_lines[key].append(j)
    zh_masks: dict[tuple[int, int], int] = defaultdict(int)
    zh_lines: dict[str, set[int]] = defaultdict(set)
    for i, sentence in enumerate(zh):
        for k, (word, stems) in enumerate(zip(sentence.words, sentence.translations, strict=True)):
            hit_lines: set[int] = set()
            keys = set(stems) if dictionary else set()
            name = pinyin_key(word)
            if names and name in sentence.names:
                keys.add(name)
            for key in keys:
                hit_lines.update(en_lines.get(key, ()))
                zh_lines[key].add(i)
            for j in hit_lines:
                zh_masks[i, j] |= 1 << k
    en_masks: dict[tuple[int, int], int] = defaultdict(int)
    for j, sentence in enumerate(en):
        for k, word in enumerate(sentence.words):
            for i in zh_lines.get(word, ()):
                en_masks[j, i] |= 1 << k
    return dict(zh_masks), dict(en_masks)


def _diagonal_band(n: int, m: int, half: int) -> list[tuple[int, int]]:
    """For each Chinese position 0..n, the English positions within ``half`` of the diagonal."""
    return [
        (max(0, round(i * m / n) - half), min(m, round(i * m / n) + half)) for i in range(n + 1)
    ]


def _band_around(path: Sequence[Bead], n: int, m: int, half: int) -> list[tuple[int, int]]:
    """English positions within ``half`` of where the path crosses each Chinese position."""
    low = [m] * (n + 1)
    high = [0] * (n + 1)
    i = j = 0
    corners = [(0, 0)]
    for bead in path:
        i += len(bead.zh)
        j += len(bead.en)
        corners.append((i, j))
    for ci, cj in corners:
        low[ci] = min(low[ci], cj)
        high[ci] = max(high[ci], cj)
    return [(max(0, low[i] - half), min(m, high[i] + half)) for i in range(n + 1)]


def _best_path(
    scorer: _Scorer, band: Sequence[tuple[int, int]], shapes: Sequence[tuple[int, int]]
) -> list[Bead]:
    """The monotone path of beads with the best total score inside ``band``."""
    n, m = len(scorer.zh), len(scorer.en)
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    weight = scorer.params.prior_weight
    priors = [(a, b, weight * math.log(SHAPE_PRIOR[a, b])) for a, b in shapes]
    for i in range(n + 1):
        low, high = band[i]
        for j in range(low, high + 1):
            best_here, choice = -math.inf, None
            for a, b, prior in priors:
                previous = best.get((i - a, j - b))
                if previous is None:
                    continue
                score = scorer.bead(i - a, i, j - b, j)
                if previous + prior + score > best_here:
                    best_here, choice = previous + prior + score, (a, b, score)
            if choice is not None:
                best[i, j] = best_here
                back[i, j] = choice
    if (n, m) not in best:
        raise ValueError("the band lost the path's end")  # a bug, not bad input
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        a, b, score = back[i, j]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), score))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _weighed(mask: int, weights: tuple[float, ...]) -> float:
    """Sum of the weights whose bits are set in ``mask``."""
    total = 0.0
    while mask:
        lowest = mask & -mask
        total += weights[lowest.bit_length() - 1]
        mask ^= lowest
    return total
