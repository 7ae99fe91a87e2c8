"""Cold start: one `bitext check` on a seed against `python -c "import click, rich"`.

    python benchmarks/cold_start.py [--runs 10] [--file seeds/panzhou.txt] [--profile]

Runs the two commands alternately, ``--runs`` times each, with the same interpreter
(the one running this script), and prints the best and the median wall time of each,
their ratio and bitext's peak memory. The caches (lexicon, word weights, pinyin tables,
compiled patterns, Python's bytecode) are warmed first, as they are after a user's first
run: the commands run without ``PYTHONDONTWRITEBYTECODE``, since an installed package
has its bytecode compiled. ``--profile`` also prints where the time goes: the imports
that cost most by themselves (``python -X importtime``) and the functions that cost
most with what they call (pyinstrument when installed, cProfile otherwise).
``--segmenters`` also compares jieba, rjieba and bitext's own cut (``bitext.align.jiebacut``,
which a run uses until it has cut ``zhseg.RJIEBA_AFTER`` characters): first-call time, how
many WMT21 Chinese lines jieba and bitext cut as rjieba does, with the HMM on and off, and
how many characters a second each cuts.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT21 = ROOT.parent / "shared" / "corpora" / "wmt21-newstest-zhen" / "zh.txt"


ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
"""The environment of a user's shell: bytecode is written and read as an install has it."""


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV
    )
    return time.perf_counter() - started


def peak_kb(command: list[str]) -> int:
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV
    )
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def import_profile(file: str, top: int = 12) -> None:
    """The imports that cost most by themselves, from ``python -X importtime``."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bitext", "check", file],
        capture_output=True,
        text=True,
        env=ENV,
    ).stderr
    rows = []
    for line in err.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if found:
            rows.append((int(found.group(1)), int(found.group(2)), found.group(4)))
    print(
        f"imports, by their own time ({len(rows)} modules, {sum(r[0] for r in rows) / 1e6:.3f} s):"
    )
    for own, total, name in sorted(rows, reverse=True)[:top]:
        print(f"  {own / 1e6:.3f} s own {total / 1e6:.3f} s with its imports  {name}")


def run_profile(file: str) -> None:
    """The run under pyinstrument (or cProfile): the calls that take 10 ms or more."""
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        command = [sys.executable, "-m", "cProfile", "-s", "cumulative", "-m", "bitext"]
        out = subprocess.run([*command, "check", file], capture_output=True, text=True, env=ENV)
        print("\n".join(out.stdout.splitlines()[-60:]))
        return
    command = [sys.executable, "-m", "pyinstrument", "--show-all", "-r", "text", "-m", "bitext"]
    out = subprocess.run([*command, "check", file], capture_output=True, text=True, env=ENV)
    report = out.stdout[out.stdout.find("Program:") :] if "Program:" in out.stdout else out.stdout
    for line in report.splitlines():
        found = re.search(r"(\d+\.\d+) ", line)
        if found and float(found.group(1)) >= 0.010 and "<frozen" not in line:
            print(line[:150])


def compare_segmenters() -> None:
    probe = (
        "{before}; import time; t = time.perf_counter(); {setup}; print(time.perf_counter() - t)"
    )
    for name, before, setup in (
        ("jieba", "pass", "import jieba; jieba.setLogLevel(60); jieba.lcut('预热')"),
        ("rjieba", "pass", "import rjieba; rjieba.cut('预热')"),
        # bitext is imported by then: what a run pays is the table's load and the cut
        ("bitext", "from bitext.align import jiebacut", "jiebacut.cut('预热')"),
    ):
        command = probe.format(before=before, setup=setup)
        out = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True)
        print(f"{name:7} import and first call {float(out.stdout):.3f} s")
    import jieba
    import rjieba

    from bitext.align import jiebacut

    jieba.setLogLevel(60)
    lines = WMT21.read_text(encoding="utf-8").splitlines()
    for hmm in (True, False):
        cuts = [rjieba.cut(line, hmm) for line in lines]
        for name, cut in (
            ("jieba", lambda line, hmm: jieba.lcut(line, HMM=hmm)),
            ("bitext", jiebacut.cut),
        ):
            same = sum(cut(line, hmm) == words for line, words in zip(lines, cuts, strict=True))
            print(
                f"HMM {'on ' if hmm else 'off'}: {name} cuts {same}/{len(lines)} WMT21 lines"
                " as rjieba does"
            )
    characters = sum(map(len, lines))
    for name, cut in (("rjieba", rjieba.cut), ("bitext", jiebacut.cut)):
        started = time.process_time()
        for line in lines:
            cut(line, True)
        rate = characters / (time.process_time() - started)
        print(f"{name:7} cuts {rate:,.0f} characters a second (WMT21, read once)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", default=str(ROOT / "seeds" / "panzhou.txt"))
    parser.add_argument("--segmenters", action="store_true")
    parser.add_argument("--profile", action="store_true")
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
    print(
        f"python -c 'import click, rich'   best {min(times['baseline']):.3f} s"
        f" median {baseline_median:.3f} s"
    )
    print(
        f"bitext check {Path(args.file).name:18} best {min(times['bitext']):.3f} s"
        f" median {bitext_median:.3f} s"
    )
    print(
        f"ratio {bitext_median / baseline_median:.1f}x; bitext peak memory {peak_kb(bitext) // 1024} MB"
    )
    if args.profile:
        import_profile(args.file)
        run_profile(args.file)
    if args.segmenters:
        compare_segmenters()


if __name__ == "__main__":
    main()
