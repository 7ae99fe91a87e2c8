"""benchmarks/filter.py: the errors it injects are the bench generator's kinds, and its
score counts what a runner flagged against the side file."""

from __future__ import annotations

import doctest
import importlib.util
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("filter_bench", ROOT / "benchmarks/filter.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_doctests_pass() -> None:
    failures, tried = doctest.testmod(_bench())
    assert (failures, tried) == (0, 3)


def test_injected_errors_change_the_figure_as_their_kind_says() -> None:
    bench = _bench()
    rng = random.Random(5)
    scaled = {bench.inject("4.9", "scale", rng) for _ in range(20)}
    assert scaled == {"49", "4900"}  # ×10 or ×1000, written as the figure was (no commas)
    assert bench.inject("RMB 111,000", "scale", random.Random(0)) in (
        "RMB 1,110,000",
        "RMB 111,000,000",
    )
    digit = bench.inject("2,030", "digit", random.Random(3))
    assert len(digit) == 5 and digit != "2,030" and digit[1] == ","
    assert sum(a != b for a, b in zip(digit, "2,030", strict=True)) == 1
    assert bench.inject("about eight", "digit", rng) is None
    assert bench.inject("154 million", "drop", rng) == ""


def test_score_counts_flagged_injected_and_clean_lines(tmp_path: Path) -> None:
    bench = _bench()
    out = tmp_path / "out.tsv"
    out.write_text(
        "1\tagree\t\tz\te\n2\tdisagree\tfigure-scale\tz\te\n3\tdisagree\tfigure-value\tz\te\n"
        "4\tno-figures\t\tz\te\n5\tdisagree\tfigure-missing\tz\te\n",
        encoding="utf-8",
    )
    shares = bench.score(out, 5, {2: "scale", 3: "digit", 4: "drop"})
    assert shares["caught"] == 2 / 3
    assert (shares["caught-scale"], shares["caught-digit"], shares["caught-drop"]) == (1, 1, 0)
    assert shares["thrown-clean"] == 1 / 2
    assert (shares["lines"], shares["injected"]) == (5, 3)
