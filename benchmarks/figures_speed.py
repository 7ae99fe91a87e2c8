#!/usr/bin/env python3
"""How fast figures are read: figures per second for each language on the WMT corpora.

    python benchmarks/figures_speed.py [CORPORA_DIR] [--repeat 3]

Reads every line of zh.txt and en.txt in each corpus directory (WMT17, WMT18, WMT21,
WMT22 zh-en), extracts figures line by line with bitext.figures.extract, and prints
lines, figures and figures/second per side (best of --repeat runs).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bitext.figures import extract

CORPORA = (
    "wmt17-newstest-zhen",
    "wmt18-newstest-zhen",
    "wmt21-newstest-zhen",
    "wmt22-generaltest-zhen",
)
CORPORA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
"""Where the sets are unless the command line says otherwise: ../shared/corpora."""


def measure(lines: list[str], lang: str, repeat: int) -> tuple[int, float]:
    best = float("inf")
    count = 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = sum(len(extract(line, lang)) for line in lines)
        best = min(best, time.perf_counter() - started)
    return count, best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="?", type=Path, default=CORPORA_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    extract("预热 1 万", "zh")  # load OpenCC and the regexes outside the timing
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(
        f"{'side':<4} {'lines':>8} {'figures':>9} {'seconds':>8} {'figures/s':>10} {'lines/s':>9}"
    )
    for lang in ("zh", "en"):
        lines = [
            line
            for name in CORPORA
            for line in (args.corpora / name / f"{lang}.txt")
            .read_text(encoding="utf-8")
            .splitlines()
        ]
        count, seconds = measure(lines, lang, args.repeat)
        print(
            f"{lang:<4} {len(lines):>8} {count:>9} {seconds:>8.2f} {count / seconds:>10.0f} "
            f"{len(lines) / seconds:>9.0f}"
        )


if __name__ == "__main__":
    main()
