"""The bounds of :mod:`tests.conftest` fail a quadratic step and pass a linear one, also
on a noisy machine and when the first run fills a cache: without this, a helper that
always passed would make every test of linear cost pass with it.

Each step here takes a few milliseconds, so that a failing bound, which times every
round, stays well under a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

import pytest

from .conftest import assert_linear_memory, assert_linear_time

QUADRATIC_N = 200
"""All with all on 200 items: a few milliseconds."""

LINEAR_N = 40_000
"""Each item once, 40,000 times: about as long."""


def all_with_all(items: range) -> int:
    """Every item compared with every other: the quadratic step the bounds are there to
    catch (2,000 figures a side compared all with all took 7 s)."""
    count = 0
    for a in items:
        for b in items:
            count += a < b
    return count


def each_once(items: range) -> int:
    count = 0
    for a in items:
        count += a < a + 1
    return count


def spend(cpu_seconds: float) -> None:
    """Take that much processor time, as a cold cache or another process sharing the
    processor's caches would (:func:`~tests.conftest.seconds` does not count sleep)."""
    end = time.process_time() + cpu_seconds
    while time.process_time() < end:
        pass


def step(function: Callable[[range], object]) -> Callable[[int], Callable[[], object]]:
    return lambda n: partial(function, range(n))


def test_a_quadratic_step_fails_the_time_bound() -> None:
    with pytest.raises(AssertionError, match=r"^n=200: .* times as long \(the bound is 3\)$"):
        assert_linear_time(step(all_with_all), QUADRATIC_N)


def test_a_linear_step_passes_the_time_bound() -> None:
    assert_linear_time(step(each_once), LINEAR_N)


def test_a_slow_first_run_does_not_hide_a_quadratic_step() -> None:
    """A first run that fills a cache costs more at the small size; were it the one
    measured, a quadratic step would look linear."""
    runs = []

    def cold_then_quadratic(items: range) -> int:
        runs.append(len(items))
        if len(runs) == 1:
            spend(0.02)
        return all_with_all(items)

    with pytest.raises(AssertionError):
        assert_linear_time(step(cold_then_quadratic), QUADRATIC_N)
    assert runs[0] == QUADRATIC_N


def test_a_machine_busy_during_the_first_round_does_not_fail_a_linear_step() -> None:
    """Every run of the large size slowed in the first round puts the ratio over the
    bound; the next round measures again."""
    large_runs = 0

    def busy_then_linear(items: range) -> int:
        nonlocal large_runs
        if len(items) > LINEAR_N:
            large_runs += 1
            if large_runs <= 3:
                spend(0.02)
        return each_once(items)

    assert_linear_time(step(busy_then_linear), LINEAR_N)
    assert large_runs > 3


def quadratic_memory(items: range) -> int:
    """A row of the size of the input for each item, all kept until the end."""
    return len([bytes(len(items)) for _ in items])


def linear_memory(items: range) -> int:
    return len(bytes(1_000 * len(items)))


def test_a_quadratic_memory_fails_the_memory_bound() -> None:
    with pytest.raises(AssertionError, match=r"^n=1000: .* times as much \(the bound is 3\)$"):
        assert_linear_memory(step(quadratic_memory), 1_000)


def test_a_linear_memory_passes_the_memory_bound() -> None:
    assert_linear_memory(step(linear_memory), 1_000)


CACHE: list[bytes] = []


def test_a_cache_filled_by_the_first_run_does_not_hide_a_quadratic_memory() -> None:
    """Memory a first run allocates and keeps (a lexicon loaded on first use) would
    count against the small size only."""

    def cached_then_quadratic(items: range) -> int:
        if not CACHE:
            CACHE.append(bytes(10 * len(items) ** 2))
        return quadratic_memory(items)

    CACHE.clear()
    try:
        with pytest.raises(AssertionError):
            assert_linear_memory(step(cached_then_quadratic), 1_000)
    finally:
        CACHE.clear()
