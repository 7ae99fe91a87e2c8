"""Chinese word segmentation with jieba's dictionary, loaded only as far as a run needs.

jieba builds its prefix dictionary on the first call, about half a second and 90 MB;
rjieba (Python bindings of jieba-rs, the Rust port) builds it when imported, 0.1 s with
the interpreter locked, which was a quarter of a one-file run (a thread would not
help). :mod:`bitext.align.jiebacut` cuts exactly as rjieba does, in Python, from a
table in bitext's cache that it reads only for the characters a text holds: a
bulletin's few hundred characters cost a few milliseconds (``bitext check
seeds/panzhou.txt`` went from 0.42 to 0.33 s, and from 99 to 72 MB).

It cuts 200,000 to 800,000 characters a second (the fewer, the more of its characters
are new to the run), where rjieba cuts 5 to 10 million: a process that has cut
:data:`RJIEBA_AFTER` characters (the 137 WMT21 bulletins of the bench cut 64,000) turns
to rjieba for the rest, when it is installed. Checking those bulletins in one process
then takes up to 0.1 s more than with rjieba alone; cutting everything in Python would
take 0.2 to 0.4 s more, 5 to 7% of the check (as for the 249 bulletins of bench/dev,
88,000 characters), a share that does not shrink as runs grow. The words are the same
either way (``tests/test_zhseg.py`` cuts every Chinese line of the corpora both ways),
so where the switch falls changes only the time; a text whose cut turns on a tie in the
HMM's scores (a character said over and over, :class:`jiebacut.Tie`) goes to rjieba at
once, since which way rjieba settles it depends on the last bits of its own tables; and unlike jieba, which bitext fell
back to without rjieba (98.6% of the WMT21 lines cut alike with the HMM on), they do
not depend on what is installed.

Word weights need jieba's word frequencies, not its segmenter: they are read once
from jieba's ``dict.txt`` and cached on disk next to the lexicon, only for the words
common enough to weigh less than an unknown word.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from importlib import resources
from typing import TypeVar

from bitext.align import jiebacut
from bitext.cache.tables import SortedTable, cached, package_version

T = TypeVar("T")
Cut = Callable[[str], list[str]]
Tokenize = Callable[[str], list[tuple[str, int, int]]]

HMM = True
"""Guess words jieba's dictionary lacks (names) with its hidden Markov model."""
MIN_WEIGHT, MAX_WEIGHT = 0.3, 2.0
RJIEBA_AFTER = 20_000
"""Characters a process cuts in Python before it turns to rjieba: 0.08 s of cutting
the first bulletins of WMT21 in Python, about what importing rjieba costs. A process
(each worker of a big run) thus pays at most about that much more than with rjieba
all along, and one that cuts less saves up to that much."""

_cut_in_python = 0
"""Characters this process has cut in Python so far."""


def cut(text: str) -> list[str]:
    """``text`` cut into words, as ``rjieba.cut(text, HMM)`` does.

    >>> cut("盘州市红果街道")
    ['盘', '州市', '红果', '街道']
    """
    return _segmented(text, 0, jiebacut.cut)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for each word of ``text``, as ``rjieba.tokenize(text,
    "default", HMM)`` gives them."""
    return _segmented(text, 1, jiebacut.tokenize)


def _segmented(text: str, which: int, in_python: Callable[..., T]) -> T:
    """``text`` cut (``which`` 0) or tokenized (1): by rjieba once this process has cut
    enough in Python, or where the HMM ties (:class:`jiebacut.Tie`); by ``in_python``
    otherwise, and where rjieba is not installed."""
    fast = _fast_segmenter(len(text))
    if fast:
        return fast[which](text)
    try:
        return in_python(text, HMM, strict=True)
    except jiebacut.Tie:
        exact = _rjieba()
        return exact[which](text) if exact else in_python(text, HMM)


def _fast_segmenter(size: int) -> tuple[Cut, Tokenize] | None:
    """None while this process, with the ``size`` characters it is about to cut, stays
    within :data:`RJIEBA_AFTER` characters cut in Python; rjieba's cut and tokenize from
    then on (None again if rjieba is not installed)."""
    global _cut_in_python
    if _cut_in_python + size <= RJIEBA_AFTER:
        _cut_in_python += size
        return None
    _cut_in_python = RJIEBA_AFTER  # every text after this one goes to rjieba too
    return _rjieba()


@functools.cache
def _rjieba() -> tuple[Cut, Tokenize] | None:
    try:
        import rjieba
    except ImportError:  # no wheel for this platform: Python all along
        return None
    return (
        lambda text: rjieba.cut(text, HMM),
        lambda text: rjieba.tokenize(text, "default", HMM),
    )


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
