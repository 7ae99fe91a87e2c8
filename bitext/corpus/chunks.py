"""The unit of work of ``bitext filter``: a chunk of consecutive pairs, judged and rendered.

A corpus of tens of millions of pairs is cut into chunks of a few thousand lines, and
each chunk is one task, for a local worker process or a Dask worker alike. A task is
:func:`judge_chunk` applied to a :class:`Chunk` and the run's :class:`FilterSettings`:
a top-level function of picklable arguments that depends on nothing the parent set up
(the lexicon the check needs is loaded, and cached, by the process that runs it). It
returns the chunk's output already rendered and the count of each verdict, so what
travels back is one string and four numbers, and the parent only has to write the
results in order.

>>> chunk = Chunk(3, 4, (Line(3, "增长3%", "up 3%"), Line(4, "你好", "Hello")))
>>> result = judge_chunk(chunk, FilterSettings(keep=frozenset({"agree"})))
>>> print(result.text, end="")  # doctest: +NORMALIZE_WHITESPACE
3  agree    增长3%  up 3%
>>> result.counts, (result.first, result.last)
((('agree', 1), ('disagree', 0), ('no-figures', 1), ('unverifiable', 0)), (3, 4))
"""

from __future__ import annotations

import signal
from typing import NamedTuple

from bitext.check import DEFAULT_CONFIG, CheckConfig
from bitext.corpus import VERDICTS
from bitext.corpus import verdict as verdicts
from bitext.corpus.read import Line
from bitext.corpus.verdict import render


class FilterSettings(NamedTuple):
    """What every chunk of a run is judged and written with."""

    config: CheckConfig = DEFAULT_CONFIG
    output_format: str = "tsv"
    keep: frozenset[str] = frozenset(VERDICTS)
    """The verdicts whose pairs are written; the others are only counted."""


class Chunk(NamedTuple):
    """Consecutive pairs of the corpus, and the input lines they span (a chunk may hold
    fewer pairs than lines when bad lines were skipped)."""

    first: int
    last: int
    lines: tuple[Line, ...]


class ChunkResult(NamedTuple):
    """A judged chunk: the lines it writes, the count per verdict (in :data:`VERDICTS`
    order) and the input lines it spans."""

    first: int
    last: int
    text: str
    counts: tuple[tuple[str, int], ...]


def judge_chunk(chunk: Chunk, settings: FilterSettings) -> ChunkResult:
    """Judge every pair of ``chunk`` and render those ``settings.keep`` keeps."""
    counts = dict.fromkeys(VERDICTS, 0)
    out = []
    for line in chunk.lines:
        verdict = verdicts.judge(line, settings.config)
        counts[verdict.verdict] += 1
        if verdict.verdict in settings.keep:
            out.append(render(verdict, settings.output_format))
    return ChunkResult(chunk.first, chunk.last, "".join(out), tuple(counts.items()))


def start_worker() -> None:
    """The initializer of a local worker process: Ctrl-C is the parent's to handle (it
    cancels the run and says so in one line; a worker taking it too would print a
    traceback of its own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


__all__ = ["Chunk", "ChunkResult", "FilterSettings", "judge_chunk", "start_worker"]
