"""Throughput: bitext over the 250 benchmark bulletins against pofilter's number check.

    python benchmarks/throughput.py [--bench ../shared/bench/dev] [--jobs 2] [--runs 3]

bitext checks the 250 files of ``bench/dev`` in one run (reading, cleaning, segmenting,
aligning and comparing figures). translate-toolkit's ``pofilter -t numbers`` gets the
same 2,409 answer-key pairs already paired, as one PO file, and only compares digit
strings. Best of ``--runs`` wall times for each, with MB/s and pairs/s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "dev"


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def write_po(bench: Path, path: Path) -> int:
    """The answer key's pairs as a PO file (msgid Chinese, msgstr English); their count."""
    entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    count = 0
    for key in sorted(bench.glob("*.json")):
        text = key.with_suffix(".txt").read_text(encoding="utf-8")
        for pair in json.loads(key.read_text(encoding="utf-8"))["pairs"]:
            zh, en = text[slice(*pair["zh"])], text[slice(*pair["en"])]
            entries.append(
                f'msgctxt "{key.stem}-{count}"\nmsgid "{po_escape(zh)}"\nmsgstr "{po_escape(en)}"\n'
            )
            count += 1
    path.write_text("\n".join(entries), encoding="utf-8")
    return count


def best_time(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    megabytes = sum(p.stat().st_size for p in args.bench.glob("*.txt")) / 1e6
    work = Path(tempfile.mkdtemp(prefix="bitext-throughput-"))
    try:
        po = work / "bench.po"
        pairs = write_po(args.bench, po)
        pofilter = shutil.which("pofilter") or str(Path(sys.executable).parent / "pofilter")
        po_seconds = best_time(
            [pofilter, "-t", "numbers", str(po), str(work / "out.po")], args.runs
        )
        bitext = [
            sys.executable,
            "-m",
            "bitext",
            "check",
            str(args.bench),
            "--jobs",
            str(args.jobs),
        ]
        bitext += ["--format", "json", "-o", str(work / "report.json"), "--fail-on", "never"]
        bitext_seconds = best_time(bitext, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{pairs} pairs, {megabytes:.1f} MB of bulletins, best of {args.runs}")
    print(
        f"pofilter -t numbers (pairs given)  {po_seconds:.2f} s  {pairs / po_seconds:,.0f} pairs/s"
    )
    print(
        f"bitext check --jobs {args.jobs}             {bitext_seconds:.2f} s  "
        f"{pairs / bitext_seconds:,.0f} pairs/s  {megabytes / bitext_seconds:.2f} MB/s"
    )
    print(f"ratio {bitext_seconds / po_seconds:.1f}x")


if __name__ == "__main__":
    main()
