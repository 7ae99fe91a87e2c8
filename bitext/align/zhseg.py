"""Chinese word segmentation with jieba's dictionary, loaded only as far as a run needs.

jieba builds its prefix dictionary on the first call, about half a second and 90 MB,
which is most of a one-file run. rjieba (Python bindings of jieba-rs, the Rust port)
segments with the same dictionary and the same HMM for unknown words and starts in
under a tenth of a second, so bitext uses it when it is installed and falls back to
jieba otherwise. On the 1,948 Chinese lines of WMT21 the two agree on every line with
the HMM off and on 98.6% with it on (see ``benchmarks/cold_start.py``).

Word weights need jieba's word frequencies, not its segmenter: they are read once
from jieba's ``dict.txt`` and cached on disk next to the lexicon, only for the words
common enough to weigh less than an unknown word.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from importlib import resources

from bitext.align.cache import SortedTable, cached, package_version

Cut = Callable[[str], list[str]]
Tokenize = Callable[[str], list[tuple[str, int, int]]]

HMM = True
"""Guess words jieba's dictionary lacks (names) with its hidden Markov model."""
MIN_WEIGHT, MAX_WEIGHT = 0.3, 2.0


@functools.cache
def _segmenter() -> tuple[Cut, Tokenize]:
    try:
        import rjieba
    except ImportError:  # no wheel for this platform: jieba itself
        import jieba

        jieba.setLogLevel(60)
        return (
            lambda text: jieba.lcut(text, HMM=HMM),
            lambda text: list(jieba.tokenize(text, HMM=HMM)),
        )
    return (
        lambda text: rjieba.cut(text, HMM),
        lambda text: rjieba.tokenize(text, "default", HMM),
    )


def cut(text: str) -> list[str]:
    """``text`` cut into words, as ``jieba.lcut`` does."""
    return _segmenter()[0](text)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for each word of ``text``, as ``jieba.tokenize`` does."""
    return _segmenter()[1](text)


def weight(word: str) -> float:
    """Information weight of a Chinese word from jieba's frequencies: the rarer, the
    heavier, between 0.3 (的-like words) and 2 (a word jieba does not know)."""
    return _weights().get(word, MAX_WEIGHT)


@functools.cache
def _weights() -> SortedTable[float]:
    """The weights, as a table a run reads only the words of (:class:`SortedTable`)."""
    key = [package_version("jieba"), "sorted-table"]
    return cached("zh-weights", key, lambda: SortedTable.of(_read_weights()))


def _read_weights() -> dict[str, float]:
    frequencies: dict[str, int] = {}
    text = (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, count, *_ = line.split(" ")
        frequencies[word] = int(count)
    total = sum(frequencies.values())
    table = {}
    for word, count in frequencies.items():
        value = min(MAX_WEIGHT, max(MIN_WEIGHT, (math.log(total / (count + 1)) / 11) ** 2))
        if value < MAX_WEIGHT:
            table[word] = value
    return table
