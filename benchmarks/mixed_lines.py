"""Mixed pairing on raw WMT lines, spaced and glued.

    python benchmarks/mixed_lines.py [--lines 600] [--per-paragraph 4] [--show 0]

The benchmark bulletins are built with care (whole fragments, a space at every script
change). This takes the first ``--lines`` lines of each WMT test set as they are, writes
each Chinese line followed by its English, ``--per-paragraph`` pairs to a paragraph, once
with a space between every line and once with nothing between (text pasted together
from two columns), and counts the gold (Chinese line, English line) pairs that bitext
does not return exactly. WMT's own quirks stay in: an English line that merges two
Chinese ones, a quote opened a line before, a stray mark, so no build reaches zero.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bitext

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
SETS = ("wmt18-newstest-zhen", "wmt21-newstest-zhen", "wmt22-generaltest-zhen")

Pair = tuple[str, str]


def gold_pairs(corpus: str, lines: int) -> list[Pair]:
    zh = (CORPORA / corpus / "zh.txt").read_text(encoding="utf-8").splitlines()[:lines]
    en = (CORPORA / corpus / "en.txt").read_text(encoding="utf-8").splitlines()[:lines]
    return [(z.strip(), e.strip()) for z, e in zip(zh, en, strict=True) if z.strip() and e.strip()]


def bulletin(pairs: list[Pair], per_paragraph: int, separator: str) -> str:
    paragraphs = (
        separator.join(f"{zh}{separator}{en}" for zh, en in pairs[i : i + per_paragraph])
        for i in range(0, len(pairs), per_paragraph)
    )
    return "\n\n".join(paragraphs) + "\n"


def missed(pairs: list[Pair], text: str) -> list[Pair]:
    found = set(bitext.check_text(text).pair_texts())
    return [pair for pair in pairs if pair not in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--per-paragraph", type=int, default=4)
    parser.add_argument("--show", type=int, default=0, help="print this many misses per row")
    args = parser.parse_args()
    print(f"{'corpus':<24}{'pairs':>7}{'missed spaced':>15}{'missed glued':>14}")
    for corpus in SETS:
        pairs = gold_pairs(corpus, args.lines)
        rows = {
            name: missed(pairs, bulletin(pairs, args.per_paragraph, sep))
            for name, sep in (("spaced", " "), ("glued", ""))
        }
        print(f"{corpus:<24}{len(pairs):>7}{len(rows['spaced']):>15}{len(rows['glued']):>14}")
        for name, misses in rows.items():
            for zh, en in misses[: args.show]:
                print(f"    {name}: {zh[:60]} | {en[:60]}")


if __name__ == "__main__":
    main()
