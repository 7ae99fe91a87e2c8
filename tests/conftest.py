"""Shared paths and helpers for the tests."""

from __future__ import annotations

import contextlib
import gc
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import bitext

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PANZHOU_FINDINGS = [
    ("figure-unverifiable", 1),
    ("figure-scale", 2),
    ("figure-missing", 4),
    ("figure-scale", 5),
    ("clean-zh-punctuation", None),
    ("clean-en-punctuation", None),
    ("clean-cjk-spacing", None),
]
"""What seeds/panzhou.txt draws, in report order: (rule, pair), None outside a pair."""
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


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive now kept out of the garbage collector's sight (:func:`gc.freeze`):
    a collection then goes through what the runs measured left, not through the whole test
    process (400,000 objects late in a suite run, 0.16 s a collection, and a time bound
    collects before each of its six or more runs)."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def seconds(run: Callable[[], object]) -> float:
    """The processor time ``run`` takes, after collecting what the run before it left.

    Processor time, not the clock: on a machine busy with other processes (two test runs
    at once, a shared CI runner) the clock also counts the slices the scheduler gives to
    others, 4 ms at a time, which made a 3 ms run of a linear step measure 3 ms at one
    size and 13 ms at twice the size. Work done in other processes is not counted: measure
    what runs in this one."""
    gc.collect()
    started = time.process_time()
    run()
    return time.process_time() - started


def assert_linear_time(prepare: Prepare, n: int, repeat: int = 3, rounds: int = 4) -> None:
    """``prepare(2 * n)`` runs in less than :data:`GROWTH_BOUND` times ``prepare(n)``,
    the best of ``repeat`` runs each, in :func:`seconds`: noise only ever adds time, and
    a first run that fills caches is only one of the runs. The two sizes take turns, so
    that whatever else slows the machine (a cache shared with another process) slows
    both alike. It can still slow one size's every run, so a ratio over the bound is
    measured again, up to ``rounds`` times with ``repeat`` more runs each: a quadratic step
    stays over it however often it is timed, noise does not. No absolute limit: a slow
    machine is slow at both sizes.

    A quadratic step fails the bound once it costs more at ``n`` than the linear work and
    twice the constant cost together (``q > l + 2c`` where ``c + l + q`` is one run at
    ``n``), so ``n`` must be large enough for a regression to show: choose it so that one
    run takes about 0.3 s in a test run, which measures coverage (about twice as slow as
    without)."""
    small, large = prepare(n), prepare(2 * n)
    best = [float("inf"), float("inf")]
    with frozen_heap():
        for _ in range(rounds):
            for _ in range(repeat):
                best = [min(best[0], seconds(small)), min(best[1], seconds(large))]
            if best[1] < GROWTH_BOUND * best[0]:
                return
    raise AssertionError(
        f"n={n}: {best[0]:.3f} s, 2n: {best[1]:.3f} s, {best[1] / best[0]:.1f} times as long"
        f" (the bound is {GROWTH_BOUND})"
    )


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
    ``prepare(n)`` at its peak. Memory is not noisy, so one run of each size is measured,
    after one untraced run of the small size: what a first run loads and keeps (a lexicon,
    compiled patterns) would otherwise count against the small size and hide a quadratic
    step."""
    prepare(n)()
    with frozen_heap():
        small, large = (peak_bytes(prepare(size)) for size in (n, 2 * n))
    if large >= GROWTH_BOUND * small:
        raise AssertionError(
            f"n={n}: {small:,} bytes, 2n: {large:,} bytes, {large / small:.1f} times as much"
            f" (the bound is {GROWTH_BOUND})"
        )
