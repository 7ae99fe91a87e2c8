#!/usr/bin/env python3
"""How fast one pair is checked: check_pair per second on one core, on WMT line pairs.

    python benchmarks/pair_speed.py [CORPORA_DIR] [--repeat 3] [--limit N] [--profile]

Reads the line pairs of zh.txt and en.txt in each corpus directory (WMT17, WMT18, WMT21,
WMT22 zh-en), runs ``bitext.check.check_pair(zh, en)`` on every pair in this one process,
and prints pairs, figures, findings and pairs per second per set and for all of them: pairs
per CPU second of this process (per core), best of ``--repeat`` runs, with the wall time
beside it; the lexicon is loaded and the patterns warmed before the timing.
``--profile`` runs the pairs once more under pyinstrument if it is installed, otherwise
cProfile, and prints the top entries.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures_speed import CORPORA, CORPORA_DIR  # the same WMT zh-en sets, beside this script

from bitext.check import check_pair


def read_pairs(corpus: Path, limit: int | None = None) -> list[tuple[str, str]]:
    zh = (corpus / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (corpus / "en.txt").read_text(encoding="utf-8").splitlines()
    return list(zip(zh, en, strict=True))[:limit]


def measure(pairs: list[tuple[str, str]], repeat: int) -> tuple[int, int, float, float]:
    """(figures, findings, best CPU seconds, best wall seconds) over ``repeat`` runs of
    every pair. The rate per core is taken from the CPU time of this process, which other
    work on the machine disturbs less than the wall time."""
    best_cpu = best_wall = float("inf")
    figures = findings = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        reports = [check_pair(zh, en) for zh, en in pairs]
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
        figures = sum(len(r.figures) for r in reports)
        findings = sum(len(r.findings) for r in reports)
    return figures, findings, best_cpu, best_wall


def profile(pairs: list[tuple[str, str]], top: int) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for zh, en in pairs:
            check_pair(zh, en)
        profiler.disable()
        print(f"\ncProfile, {len(pairs)} pairs, top {top} by cumulative time:")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
        print(f"top {top} by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(top)
        return
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for zh, en in pairs:
        check_pair(zh, en)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="?", type=Path, default=CORPORA_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="pairs per set")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=30, help="profile entries")
    args = parser.parse_args()
    sets = {name: read_pairs(args.corpora / name, args.limit) for name in CORPORA}
    for pairs in sets.values():  # the lexicon, the lazy imports (cn2an, ftfy), the patterns
        for zh, en in pairs[:20]:
            check_pair(zh, en)
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"{platform.processor() or platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, {now}; one process, best of {args.repeat}"
    )
    print(
        f"{'set':<24} {'pairs':>6} {'figures':>8} {'findings':>9} {'CPU s':>7} {'wall s':>7} "
        f"{'pairs/s':>8}"
    )
    total_pairs = total_figures = total_findings = 0
    total_cpu = total_wall = 0.0
    for name, pairs in sets.items():
        figures, findings, cpu, wall = measure(pairs, args.repeat)
        total_pairs += len(pairs)
        total_figures += figures
        total_findings += findings
        total_cpu += cpu
        total_wall += wall
        print(
            f"{name:<24} {len(pairs):>6} {figures:>8} {findings:>9} {cpu:>7.2f} {wall:>7.2f} "
            f"{len(pairs) / cpu:>8.0f}"
        )
    print(
        f"{'all':<24} {total_pairs:>6} {total_figures:>8} {total_findings:>9} "
        f"{total_cpu:>7.2f} {total_wall:>7.2f} {total_pairs / total_cpu:>8.0f}"
    )
    if args.profile:
        profile([p for pairs in sets.values() for p in pairs], args.top)


if __name__ == "__main__":
    main()
