"""Corpus scale: filter a sentence-aligned parallel corpus by its figures.

Filters that compare digit strings (OpusFilter's NonZeroNumeralsFilter, Bicleaner's
digit rule) cannot see that "1.54亿" and "154 million" agree, or that "387.75万" and
"3,877.5 million" do not; bitext's figure check can. ``bitext filter`` gives each pair
of a corpus a verdict (agree, disagree, no-figures, unverifiable) and keeps those asked
for, streaming, over local processes or a Dask cluster.

- :mod:`bitext.corpus.read`: TSV, Moses or JSONL input, compressed or not, as numbered
  pairs and bad lines;
- :mod:`bitext.corpus.verdict`: the verdict on one pair, and its TSV and JSONL lines;
- :mod:`bitext.corpus.chunks`: the unit of work, a chunk of pairs judged and rendered,
  the same for a local process and a Dask worker;
- :mod:`bitext.corpus.run`: chunks out to an executor, results back in input order.

The vocabulary of the filter (verdicts, layouts, formats) is defined here, where the
command line reads it without loading the check; the functions and types are imported
from their modules when first used (``from bitext.corpus import filter_corpus`` works,
and costs the check's import only then).
"""

from __future__ import annotations

import importlib
from typing import Any

VERDICTS = ("agree", "disagree", "no-figures", "unverifiable")
"""Every verdict (:mod:`bitext.corpus.verdict`), in the order summaries list them."""

INPUT_FORMATS = ("tsv", "moses", "jsonl")
"""The layouts :func:`~bitext.corpus.read.read_pairs` reads."""

OUTPUT_FORMATS = ("tsv", "jsonl")
"""What :func:`~bitext.corpus.verdict.render` writes."""

BAD_LINE_MODES = ("skip", "error")
"""What may happen to a bad line: reported and skipped, or the end of the run."""

DEFAULT_CHUNK_SIZE = 5000
"""Lines per task: seconds of work at a few thousand pairs a second, so that the cost of
sending a task (a millisecond locally, more on a cluster) is lost in it."""

_HOMES = {
    "BadLine": "read",
    "Line": "read",
    "read_pairs": "read",
    "Verdict": "verdict",
    "judge": "verdict",
    "render": "verdict",
    "Chunk": "chunks",
    "ChunkResult": "chunks",
    "FilterSettings": "chunks",
    "judge_chunk": "chunks",
    "BadLineError": "run",
    "FilterSummary": "run",
    "filter_corpus": "run",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bitext.corpus' has no attribute {name!r}")
    return getattr(importlib.import_module(f"bitext.corpus.{home}"), name)


__all__ = [
    "BAD_LINE_MODES",
    "DEFAULT_CHUNK_SIZE",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "VERDICTS",
    *_HOMES,
]
