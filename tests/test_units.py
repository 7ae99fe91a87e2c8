"""The units registry: conversions that round-trip, dimensions that never mix, spellings
that name one unit each. How a converted figure is judged in a pair is in
fixtures/figures/synthetic.jsonl (hours-as-minutes-right, feet-kept-as-metres …)."""

from __future__ import annotations

import decimal
import itertools
from decimal import Decimal

import pytest

from bitext.figures.units import BASE, UNITS, Dimension, Unit, convert, factor, spellings

CONVERTIBLE = [unit for unit in UNITS.values() if unit.factor is not None]
SAME_DIMENSION = [
    (a, b) for a, b in itertools.permutations(CONVERTIBLE, 2) if a.dimension == b.dimension
]
VALUES = [Decimal(1), Decimal("387.75"), Decimal("0.003"), Decimal(6000), Decimal("1E+12")]
ROUND_TRIP_TOLERANCE = Decimal("1e-25")
"""A ratio of factors without a finite decimal (1000 / 0.3048 feet in a kilometre, 亩 as
1/15 hectare) is rounded to the decimal context's 28 digits, twice in a round trip."""


def _ids(pairs: list[tuple[Unit, Unit]]) -> list[str]:
    return [f"{a.code}->{b.code}" for a, b in pairs]


@pytest.mark.parametrize(("source", "target"), SAME_DIMENSION, ids=_ids(SAME_DIMENSION))
def test_a_unit_converts_to_every_unit_of_its_dimension_and_back(
    source: Unit, target: Unit
) -> None:
    for value in VALUES:
        with decimal.localcontext() as context:
            context.clear_flags()
            there = convert(value, source.code, target.code)
            assert there is not None
            back = convert(there, target.code, source.code)
            assert back is not None
            exact = not context.flags[decimal.Inexact]
        if exact:
            assert back == value, (value, there, back)
        else:
            assert abs(back - value) / value < ROUND_TRIP_TOLERANCE, (value, there, back)


def test_conversions_within_the_metric_system_are_exact() -> None:
    assert convert(Decimal("387.75"), "km", "m") == Decimal("387750")
    assert convert(Decimal(2), "h", "min") == 120
    assert convert(Decimal(100), "ft", "m") == Decimal("30.48")
    assert convert(Decimal(1000), "jin", "kg") == 500


def test_units_of_different_dimensions_never_convert() -> None:
    for a, b in itertools.permutations(UNITS.values(), 2):
        if a.dimension != b.dimension:
            assert factor(a, b) is None, (a.code, b.code)
            assert convert(Decimal(1), a.code, b.code) is None


def test_units_without_a_factor_never_convert() -> None:
    for a, b in itertools.product(UNITS.values(), repeat=2):
        if a.factor is None or b.factor is None:
            assert factor(a, b) is None


def test_each_converting_dimension_has_its_base_unit() -> None:
    dimensions = {unit.dimension for unit in CONVERTIBLE}
    assert dimensions == set(BASE)
    for dimension, code in BASE.items():
        assert UNITS[code].dimension == dimension and UNITS[code].factor == 1


@pytest.mark.parametrize("field", ["zh", "zh_latin", "en_prefix", "en_suffix", "en_glued"])
def test_a_spelling_names_one_unit(field: str) -> None:
    seen: dict[str, str] = {}
    for unit in UNITS.values():
        for spelled in getattr(unit, field):
            assert seen.setdefault(spelled, unit.code) == unit.code, (field, spelled)


def test_money_never_converts_and_may_mean_only_currencies() -> None:
    for unit in UNITS.values():
        if unit.dimension == Dimension.MONEY:
            assert unit.factor is None
        for other in (*unit.zh_may_mean, *unit.en_may_mean):
            assert UNITS[other].dimension == Dimension.MONEY == unit.dimension


def test_the_traps_are_explained() -> None:
    for code in ("jin", "mu", "$", "li", "CNY", "GBP", "decades", "month-count"):
        assert UNITS[code].note, code


def test_spellings_keep_registry_order() -> None:
    assert list(spellings("zh", lambda unit: unit.code == "CNY")) == [
        "元人民币",
        "人民币",
        "元",
        "块钱",
        "人民币元",
    ]
