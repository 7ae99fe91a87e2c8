"""Shared paths and helpers for the tests."""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import bitext

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
"""The project's shared material (corpora, bench); tests that need it skip without it."""


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the lexicon cache of a test run away from the user's home."""
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


def panzhou_text() -> str:
    return (SEEDS / "panzhou.txt").read_text(encoding="utf-8")


def pair_texts(text: str) -> list[tuple[str, str]]:
    """Each pair of a checked bulletin as (Chinese, English) text; "" for no English."""
    return bitext.check_text(text).pair_texts()


Prepare = Callable[[int], Callable[[], object]]
"""Builds the input of a given size and returns what to measure on it."""

GROWTH_BOUND = 3
"""Twice the input may cost at most three times as much: a linear step costs twice as
much, a quadratic one four times (noise and constant costs stay under three)."""


def seconds(run: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def assert_linear_time(prepare: Prepare, n: int, repeat: int = 3, rounds: int = 4) -> None:
    """``prepare(2 * n)`` runs in less than :data:`GROWTH_BOUND` times ``prepare(n)``,
    the best of ``repeat`` runs each (noise only ever adds time). The two sizes take
    turns, so that a machine busy with something else slows both alike. A loaded machine
    can still slow one size's every run, so a ratio over the bound is measured again, up
    to ``rounds`` times with ``repeat`` more runs each: a quadratic step stays over it
    however often it is timed, noise does not. Choose ``n`` so that one run takes about
    0.3 s in a test run, which measures coverage (about twice as slow as without)."""
    small, large = prepare(n), prepare(2 * n)
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for _ in range(repeat):
            best = [min(best[0], seconds(small)), min(best[1], seconds(large))]
        if best[1] < GROWTH_BOUND * best[0]:
            return
    raise AssertionError(f"n={n}: {best[0]:.3f} s, 2n: {best[1]:.3f} s")


def peak_bytes(run: Callable[[], object]) -> int:
    """The most memory Python held at once while ``run`` ran, beyond what it held before."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def assert_linear_memory(prepare: Prepare, n: int) -> None:
    """``prepare(2 * n)`` needs less than :data:`GROWTH_BOUND` times the memory of
    ``prepare(n)`` at its peak."""
    small, large = (peak_bytes(prepare(size)) for size in (n, 2 * n))
    assert large < GROWTH_BOUND * small, f"n={n}: {small:,} bytes, 2n: {large:,} bytes"
