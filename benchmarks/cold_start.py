"""Cold start: one `bitext check` on a seed against `python -c "import click, rich"`.

    python benchmarks/cold_start.py [--runs 10] [--file seeds/panzhou.txt]

Runs the two commands alternately, ``--runs`` times each, with the same interpreter
(the one running this script), and prints the median wall time of each, their ratio
and bitext's peak memory. The lexicon cache is warmed first, as it is after a user's
first run. ``--segmenters`` also compares jieba and rjieba: first-call time and how
many WMT21 Chinese lines they cut identically, with the HMM on and off.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT21 = ROOT.parent / "shared" / "corpora" / "wmt21-newstest-zhen" / "zh.txt"


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def peak_kb(command: list[str]) -> int:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def compare_segmenters() -> None:
    probe = "import time; t = time.perf_counter(); {setup}; print(time.perf_counter() - t)"
    for name, setup in (
        ("jieba", "import jieba; jieba.setLogLevel(60); jieba.lcut('预热')"),
        ("rjieba", "import rjieba; rjieba.cut('预热')"),
    ):
        out = subprocess.run(
            [sys.executable, "-c", probe.format(setup=setup)], capture_output=True, text=True
        ).stdout
        print(f"{name:7} import and first call {float(out):.3f} s")
    import jieba
    import rjieba

    jieba.setLogLevel(60)
    lines = WMT21.read_text(encoding="utf-8").splitlines()
    for hmm in (True, False):
        same = sum(jieba.lcut(line, HMM=hmm) == rjieba.cut(line, hmm) for line in lines)
        print(f"HMM {'on ' if hmm else 'off'}: {same}/{len(lines)} WMT21 lines cut identically")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", default=str(ROOT / "seeds" / "panzhou.txt"))
    parser.add_argument("--segmenters", action="store_true")
    args = parser.parse_args()
    bitext = [sys.executable, "-m", "bitext", "check", args.file]
    baseline = [sys.executable, "-c", "import click, rich"]
    wall(bitext)  # build the caches once, as a user's first run does
    times: dict[str, list[float]] = {"bitext": [], "baseline": []}
    for _ in range(args.runs):
        times["bitext"].append(wall(bitext))
        times["baseline"].append(wall(baseline))
    bitext_median = statistics.median(times["bitext"])
    baseline_median = statistics.median(times["baseline"])
    print(f"{platform.machine()}, Python {platform.python_version()}, {args.runs} runs each")
    print(f"python -c 'import click, rich'   median {baseline_median:.3f} s")
    print(f"bitext check {Path(args.file).name:18} median {bitext_median:.3f} s")
    print(
        f"ratio {bitext_median / baseline_median:.1f}x; bitext peak memory {peak_kb(bitext) // 1024} MB"
    )
    if args.segmenters:
        compare_segmenters()


if __name__ == "__main__":
    main()
