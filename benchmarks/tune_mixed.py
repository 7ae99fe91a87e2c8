#!/usr/bin/env python3
"""Measure (and search) the mixed-bulletin aligner's parameters on a benchmark directory.

    python benchmarks/tune_mixed.py ../shared/bench/dev              # score the defaults
    python benchmarks/tune_mixed.py ../shared/bench/dev --search 60  # coordinate search

Features are read once per document; only the dynamic programme (and the run-on cut,
bitext.align.runon) reruns per setting,
so a search over hundreds of settings takes minutes. Scores use the rule of
bench/score.py: a predicted pair is right when its Chinese and English spans each hold
more than half of a gold pair's, and the other way round.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bitext.align.lexicon import load_lexicon
from bitext.align.mixed import AlignParams, align_mixed
from bitext.align.runon import cut_run_on
from bitext.align.signals import read_features
from bitext.clean import clean
from bitext.read.document import read_document
from bitext.segment.split import segment


def _covers(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    overlap = max(0, min(pred[1], gold[1]) - max(pred[0], gold[0]))
    return overlap * 2 > gold[1] - gold[0] and overlap * 2 > pred[1] - pred[0]


def load(bench: Path) -> list[tuple]:
    lexicon = load_lexicon()
    documents = []
    for path in sorted(bench.glob("*.txt")):
        view = clean(read_document(path).text)
        spans = segment(view.text)
        features = [
            read_features(view.text[s.start : s.end], s.lang, lexicon, s.start) for s in spans
        ]
        key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        gold = [(tuple(p["zh"]), tuple(p["en"])) for p in key["pairs"]]
        documents.append((spans, features, gold, view.text, lexicon))
    return documents


def score(documents: list[tuple], params: AlignParams) -> tuple[float, float]:
    right = predicted = gold_total = 0
    for spans, features, gold, text, lexicon in documents:
        aligned = align_mixed(spans, features, params)
        aligned, _, _ = cut_run_on(aligned, spans, features, text, lexicon, params)
        pairs = [p for p in aligned if p.zh and p.en]
        predicted += len(pairs)
        gold_total += len(gold)
        taken: set[int] = set()
        for gz, ge in gold:
            for k, pair in enumerate(pairs):
                if k not in taken and _covers(pair.zh_range, gz) and _covers(pair.en_range, ge):
                    taken.add(k)
                    right += 1
                    break
    return right / max(gold_total, 1), right / max(predicted, 1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("bench", type=Path)
    parser.add_argument("--search", type=int, default=0, help="rounds of coordinate search")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    documents = load(args.bench)
    print(f"read {len(documents)} documents in {time.perf_counter() - started:.1f} s")
    params = AlignParams()
    recall, precision = score(documents, params)
    best = 2 * recall * precision / (recall + precision)
    print(f"defaults: recall {recall:.4f} precision {precision:.4f} F1 {best:.4f}")
    rng = random.Random(args.seed)
    numeric = [name for name, value in params._asdict().items() if isinstance(value, float)]
    for round_ in range(args.search):
        name = rng.choice(numeric)
        value = getattr(params, name)
        candidate = params._replace(
            **{
                name: value * rng.choice((0.7, 0.85, 1.15, 1.3))
                if value
                else rng.choice((-1.0, 1.0))
            }
        )
        recall, precision = score(documents, candidate)
        f1 = 2 * recall * precision / (recall + precision)
        if f1 > best:
            best, params = f1, candidate
            print(
                f"round {round_}: {name}={getattr(params, name):.3f} recall {recall:.4f} precision {precision:.4f} F1 {f1:.4f}"
            )
    print(params)


if __name__ == "__main__":
    main()
