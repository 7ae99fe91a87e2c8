"""Scale: check a synthetic archive of N bulletins in one run and watch time and memory.

    python benchmarks/scale.py --sizes 1000 5000 20000 [--jobs 2] [--keep DIR]

The archive is built from the Chinese–English news test sets in ../shared/corpora
(WMT17, WMT18, WMT21, WMT22 zh→en: a Chinese line, then its English reference), in
bulletins of 12–40 line pairs drawn with a fixed seed, about 5 KB each, spread over
folders of 500 files as an archive would be. For each size the script runs
``bitext check ARCHIVE --jobs N --format jsonl -o OUT`` and reports wall time, files and
MB per second and the peak resident memory of the process tree (ru_maxrss of the
children: the largest single process).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = (
    "wmt17-newstest-zhen",
    "wmt18-newstest-zhen",
    "wmt21-newstest-zhen",
    "wmt22-generaltest-zhen",
)


def line_pairs() -> list[tuple[str, str]]:
    pairs = []
    for name in SETS:
        zh = (CORPORA / name / "zh.txt").read_text(encoding="utf-8").splitlines()
        en = (CORPORA / name / "en.txt").read_text(encoding="utf-8").splitlines()
        pairs.extend(zip(zh, en, strict=True))
    return pairs


def build_archive(root: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` bulletins under ``root``; returns the total size in bytes."""
    pairs = line_pairs()
    rng = random.Random(seed)
    size = 0
    for k in range(count):
        start = rng.randrange(len(pairs) - 40)
        chosen = pairs[start : start + rng.randint(8, 26)]
        text = "\n\n".join(f"{zh} {en}" for zh, en in chosen) + "\n"
        folder = root / f"{k // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"bulletin-{k:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def measure(archive: Path, jobs: int, output: Path) -> tuple[float, int, int]:
    """(seconds, exit code, peak KB) of one bitext run over the archive."""
    command = [sys.executable, "-m", "bitext", "check", str(archive), "--jobs", str(jobs)]
    command += ["--format", "jsonl", "-o", str(output), "--fail-on", "never"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    code = subprocess.run(command, check=False).returncode
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, code, max(peak, before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the archives here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bitext-scale-"))
    print("| bulletins | MB | seconds | bulletins/s | MB/s | findings | peak MB |")
    print("|---|---|---|---|---|---|---|")
    try:
        for count in args.sizes:
            archive = base / f"archive-{count}"
            shutil.rmtree(archive, ignore_errors=True)
            size = build_archive(archive, count)
            output = base / f"findings-{count}.jsonl"
            seconds, code, peak = measure(archive, args.jobs, output)
            findings = sum(1 for _ in output.open(encoding="utf-8")) if output.exists() else 0
            megabytes = size / 1e6
            print(
                f"| {count:,} | {megabytes:.1f} | {seconds:.1f} | {count / seconds:.0f} | "
                f"{megabytes / seconds:.2f} | {findings:,} | {peak // 1024} |"
                + ("" if code == 0 else f" exit {code}")
            )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
