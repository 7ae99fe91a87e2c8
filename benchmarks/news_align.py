#!/usr/bin/env python3
"""Two-file alignment on news: WMT references made into files with known beads.

    python benchmarks/news_align.py [--corpora DIR] [--seed 1] [--lines 40]

MAC is literature; bulletins are news. This builds a news counterpart from the WMT
zh–en test sets (line-aligned, so every line is a 1-1 bead), cut into documents of
--lines lines and perturbed with a fixed seed the way real translation files differ:
two English sentences joined into one line (2-1), two Chinese lines joined (1-2), an
English line dropped (1-0: an untranslated caption), a Chinese line dropped (0-1: an
added note). The gold beads follow from the perturbation. Scores use the MAC metric
(bench/mac_score.py: strict and lax F1, pooled).
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bitext.align.lexicon import load_lexicon, zh_words
from bitext.align.parallel import DEFAULT_PARAMS, align_parallel

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPORA = ("wmt17-newstest-zhen", "wmt18-newstest-zhen", "wmt21-newstest-zhen")
JOIN_EN, JOIN_ZH, DROP_EN, DROP_ZH = 0.08, 0.08, 0.02, 0.02

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def perturbed(
    zh: list[str], en: list[str], rng: random.Random
) -> tuple[list[str], list[str], list[Bead]]:
    """New Chinese and English lines and the gold beads between them."""
    out_zh: list[str] = []
    out_en: list[str] = []
    gold: list[Bead] = []
    k = 0
    while k < len(zh):
        roll = rng.random()
        i, j = len(out_zh), len(out_en)
        if roll < JOIN_EN and k + 1 < len(zh):
            out_zh += zh[k : k + 2]
            out_en.append(f"{en[k]} {en[k + 1]}")
            gold.append(((i, i + 1), (j,)))
            k += 2
        elif roll < JOIN_EN + JOIN_ZH and k + 1 < len(zh):
            out_zh.append(zh[k] + zh[k + 1])
            out_en += en[k : k + 2]
            gold.append(((i,), (j, j + 1)))
            k += 2
        elif roll < JOIN_EN + JOIN_ZH + DROP_EN:
            out_zh.append(zh[k])
            gold.append(((i,), ()))
            k += 1
        elif roll < JOIN_EN + JOIN_ZH + DROP_EN + DROP_ZH:
            out_en.append(en[k])
            gold.append(((), (j,)))
            k += 1
        else:
            out_zh.append(zh[k])
            out_en.append(en[k])
            gold.append(((i,), (j,)))
            k += 1
    return out_zh, out_en, gold


def load_scorer(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("mac_score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=SHARED / "corpora")
    parser.add_argument("--scorer", type=Path, default=SHARED / "bench" / "mac_score.py")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument(
        "--without-figures", action="store_true", help="switch the figure signal off"
    )
    args = parser.parse_args()
    params = DEFAULT_PARAMS._replace(figure_weight=0.0) if args.without_figures else DEFAULT_PARAMS
    scorer = load_scorer(args.scorer)
    rng = random.Random(args.seed)
    documents = []
    for corpus in CORPORA:
        zh = (args.corpora / corpus / "zh.txt").read_text(encoding="utf-8").splitlines()
        en = (args.corpora / corpus / "en.txt").read_text(encoding="utf-8").splitlines()
        for start in range(0, len(zh) - args.lines + 1, args.lines):
            block = slice(start, start + args.lines)
            documents.append(perturbed(zh[block], en[block], rng))
    lexicon = load_lexicon()
    zh_words("预热")
    started = time.perf_counter()
    pairs = []
    for zh, en, gold in documents:
        beads = align_parallel(zh, en, lexicon, params)
        pairs.append((gold, [(b.zh, b.en) for b in beads]))
    seconds = time.perf_counter() - started
    result = scorer.score(pairs)
    lines = sum(len(zh) for zh, _, _ in documents)
    print(
        f"{len(documents)} documents, {lines} Chinese lines, seed {args.seed}; "
        f"{platform.machine()}, Python {platform.python_version()}"
    )
    name = "bitext without figures" if args.without_figures else "bitext"
    print(scorer.fmt(result, name), f"| {seconds:.1f} s")


if __name__ == "__main__":
    main()
