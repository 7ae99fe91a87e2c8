"""From word hits to the log-odds that two sides translate each other, and to a confidence.

Both aligners score a candidate bead the same way: each content word of either side is
*hit* when the other side accounts for it (a dictionary translation, a pinyin name).
A word is hit with probability ``hit_translation`` when the two sides translate each
other and ``hit_chance`` when they are merely neighbours, so a hit and a miss each add
a log-likelihood ratio, and naive Bayes sums them over the words (by weight: rare words
say more). Words are not independent, so the sum is scaled down by ``weight``.
:func:`confidence` turns a bead's log-odds into the probability shown to the user.

Each aligner keeps its own rates, weight and scale, measured on its own data:
:class:`bitext.align.mixed.AlignParams` (bulletins, bench/dev) and
:class:`bitext.align.parallel.ParallelParams` (novels, MAC-Dev).
"""

from __future__ import annotations

import functools
import math
from typing import NamedTuple


class WordOdds(NamedTuple):
    """The naive-Bayes log-odds of a bead as ``hit × hit weight + word × all weight``.

    Summing ``log(hit_translation / hit_chance)`` over the words hit and
    ``log((1 - hit_translation) / (1 - hit_chance))`` over the words missed is the same
    as charging every word the miss ratio and giving each hit the difference on top,
    which needs only the two totals (the two-file aligner adds hits up as bit masks).

    >>> odds = word_odds(hit_translation=0.36, hit_chance=0.11, weight=1.0)
    >>> round(odds.hit, 3), round(odds.word, 3)
    (1.515, -0.33)
    >>> round(odds(hits=3.0, total=4.0), 3)  # three words of four hit
    3.227
    """

    hit: float
    """Log-odds added per unit of weight the other side accounts for."""
    word: float
    """Log-odds added per unit of weight, hit or not (negative: a miss is evidence against)."""

    def __call__(self, hits: float, total: float) -> float:
        """The log-odds for ``hits`` of ``total`` word weight accounted for."""
        return self.hit * hits + self.word * total


@functools.cache
def word_odds(hit_translation: float, hit_chance: float, weight: float) -> WordOdds:
    """:class:`WordOdds` for words hit at these rates in translations and by chance,
    the sum scaled by ``weight``."""
    hit = math.log(hit_translation / hit_chance)
    miss = math.log((1 - hit_translation) / (1 - hit_chance))
    return WordOdds(weight * (hit - miss), weight * miss)


def confidence(log_odds: float, scale: float) -> float:
    """``log_odds`` as a probability to three decimals: the logistic of
    ``log_odds / scale``, so log-odds of ``scale`` make a bead about 73% sure.

    >>> confidence(0.0, 2.0), confidence(2.0, 2.0), confidence(-8.0, 4.0)
    (0.5, 0.731, 0.119)
    """
    return round(1 / (1 + math.exp(-log_odds / scale)), 3)
