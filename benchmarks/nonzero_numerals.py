"""OpusFilter's NonZeroNumeralsFilter on a TSV corpus, written as ``bitext filter`` writes.

    python benchmarks/nonzero_numerals.py CORPUS.tsv.gz OUT.tsv [--threshold 0.5]

The filter OpusFilter configurations use to drop pairs whose numbers differ: the
non-zero digits of each side, compared with :class:`difflib.SequenceMatcher`; a pair
whose ratio is under the threshold (0.5, OpusFilter's default) is thrown away. Each line
of OUT is laid out as ``bitext filter``'s TSV (line number, ``disagree`` for a pair
thrown away or ``agree``, an empty rule, the Chinese, the English), so
``benchmarks/filter.py`` scores both the same way. The filter is OpusFilter's own class, imported from the installed
package, fed the pairs in batches as OpusFilter's ``filter`` step feeds them.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import sys
from pathlib import Path

BATCH = 10_000
"""Pairs handed to ``score`` at a time."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args(argv)
    from opusfilter.filters import NonZeroNumeralsFilter

    numerals = NonZeroNumeralsFilter(threshold=args.threshold)
    with (
        gzip.open(args.corpus, "rt", encoding="utf-8") as corpus,
        open(args.out, "w", encoding="utf-8") as out,
    ):
        pairs = (tuple(line.rstrip("\n").split("\t", 1)) for line in corpus)
        number = 0
        while batch := list(itertools.islice(pairs, BATCH)):
            for (zh, en), score in zip(batch, numerals.score(batch), strict=True):
                number += 1
                verdict = "agree" if numerals.accept(score) else "disagree"
                out.write(f"{number}\t{verdict}\t\t{zh}\t{en}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
