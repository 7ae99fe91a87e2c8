#!/usr/bin/env python3
"""Score bitext's two-file aligner on MAC (hand-aligned Chinese–English novel chapters).

    python benchmarks/mac.py [--split test] [--ablation] [--cli] [--mac DIR] [--scorer PATH]

Aligns every chapter of MAC-Dev or MAC-Test (one sentence a line on each side) with
bitext.align.parallel, writes the beads in the gold format to a temporary directory,
scores them with the shared scorer (Bertalign's metric: strict and lax P/R/F1, counts
pooled over documents) and prints the result beside the published aligners' outputs,
scored the same way. ``--ablation`` reruns with each signal switched off. ``--cli`` adds
the command line's path with its defaults (what ``bitext align ZH EN --format beads``
runs): each file read as a document and split by ``--split auto``, which must find one
sentence a line for the beads to match the gold's line numbers. Timing covers reading
the sentences and aligning, with the lexicon already loaded.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bitext.align.files import align_documents
from bitext.align.lexicon import load_lexicon, zh_words
from bitext.align.parallel import DEFAULT_PARAMS, ParallelParams, align_parallel
from bitext.align.signals import EN_PER_ZH
from bitext.read.document import read_document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ABLATIONS: dict[str, dict[str, object]] = {
    "all signals": {},
    "without figures": {"figure_weight": 0.0},
    "without the dictionary": {"dictionary": False},
    "without pinyin names": {"names": False},
    "without length": {"sigma": 1e9},
    f"fixed length ratio {EN_PER_ZH} (zh–en news)": {"fixed_ratio": EN_PER_ZH},
    "fixed length ratio 1.0 (hunalign default)": {"fixed_ratio": 1.0},
    "without shape prior": {"prior_weight": 0.0},
    "without position (one pass, full band)": {"wide_band": 1.0, "narrow_band": 10**6},
}


def align_split(split_dir: Path, out_dir: Path, params: ParallelParams) -> float:
    """Align every chapter of ``split_dir`` into ``out_dir``; return the seconds taken."""
    lexicon = load_lexicon()
    zh_words("预热")  # load jieba's dictionary outside the timing
    started = time.perf_counter()
    for zh_path in sorted((split_dir / "zh").glob("*.txt")):
        zh = zh_path.read_text(encoding="utf-8").splitlines()
        en = (split_dir / "en" / zh_path.name).read_text(encoding="utf-8").splitlines()
        beads = align_parallel(zh, en, lexicon, params)
        lines = (f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]" for b in beads)
        (out_dir / zh_path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return time.perf_counter() - started


def align_split_cli(split_dir: Path, out_dir: Path) -> tuple[float, list[str]]:
    """Align every chapter as ``bitext align ZH EN --format beads`` does, with its defaults;
    return the seconds taken and the chapters whose files were not read one sentence a line."""
    load_lexicon()
    zh_words("预热")
    misread = []
    started = time.perf_counter()
    for zh_path in sorted((split_dir / "zh").glob("*.txt")):
        en_path = split_dir / "en" / zh_path.name
        alignment = align_documents(read_document(zh_path), read_document(en_path))
        lines = (
            f"[{','.join(map(str, b.zh))}]:[{','.join(map(str, b.en))}]" for b in alignment.beads
        )
        (out_dir / zh_path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        units = (len(alignment.zh_sentences), len(alignment.en_sentences))
        if units != (_line_count(zh_path), _line_count(en_path)):
            misread.append(zh_path.stem)
    return time.perf_counter() - started, misread


def _line_count(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def score(scorer: Path, gold: Path, test: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(test), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def row(name: str, figures: dict[str, float], seconds: float | None = None) -> str:
    strict = " ".join(f"{figures[k + '_strict']:.3f}" for k in ("precision", "recall", "f1"))
    lax = " ".join(f"{figures[k + '_lax']:.3f}" for k in ("precision", "recall", "f1"))
    time_text = f"{seconds:6.1f}" if seconds is not None else "     —"
    return f"{name:<50} {strict}   {lax}  {time_text}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--mac", type=Path, default=SHARED / "corpora" / "mac")
    parser.add_argument("--scorer", type=Path, default=SHARED / "bench" / "mac_score.py")
    parser.add_argument("--ablation", action="store_true")
    parser.add_argument(
        "--cli", action="store_true", help="also score the command line's path, --split auto"
    )
    args = parser.parse_args()
    split_dir = args.mac / args.split
    print(f"MAC-{args.split.title()}, {platform.machine()}, Python {platform.python_version()}")
    print(f"{'aligner':<50} {'strict P R F1':<17}   {'lax P R F1':<17}  seconds")
    published = split_dir / "published_outputs"
    for system in sorted(p.name for p in published.iterdir()):
        print(
            row(f"published: {system}", score(args.scorer, split_dir / "gold", published / system))
        )
    runs = ABLATIONS if args.ablation else {"all signals": {}}
    for name, change in runs.items():
        with tempfile.TemporaryDirectory() as out:
            seconds = align_split(split_dir, Path(out), DEFAULT_PARAMS._replace(**change))
            print(
                row(f"bitext: {name}", score(args.scorer, split_dir / "gold", Path(out)), seconds)
            )
    if args.cli:
        with tempfile.TemporaryDirectory() as out:
            seconds, misread = align_split_cli(split_dir, Path(out))
            figures = score(args.scorer, split_dir / "gold", Path(out))
            print(row("bitext: command line, --split auto", figures, seconds))
            print(f"chapters not read one sentence a line: {', '.join(misread) or 'none'}")


if __name__ == "__main__":
    main()
