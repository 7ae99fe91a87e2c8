"""What the Chinese and English readers share (bitext.figures.reading and values): the same
thing written in either language reads as the same value, made in one place."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bitext.figures import extract, readings
from bitext.figures.reading import figure_of
from bitext.model import Kind


@pytest.mark.parametrize(
    ("zh", "en", "value"),
    [
        ("2020-07-26 17:37:29 来源：央视网", "2020-07-26 17:37:29 Source: CCTV", "20200726"),
        ("2020-07-2605:03:17", "2020-07-2605:03:17", "20200726"),
        ("2020/7/26", "2020/7/26", "20200726"),
    ],
)
def test_a_date_stamp_reads_alike_in_both_languages(zh: str, en: str, value: str) -> None:
    zh_first = readings(zh, "zh")[0]
    en_first = readings(en, "en")[0]
    assert zh_first[0] == en_first[0] == "date-stamp"
    assert zh_first[1].value == en_first[1].value == Decimal(value)
    assert zh_first[1].kind == en_first[1].kind == Kind.DATE


@pytest.mark.parametrize(
    ("zh", "en", "digits"),
    [
        ("下午3时30分", "3:30 pm", "1530"),
        ("晚7:30", "7.30pm", "1930"),
        ("中午12点", "at 12 noon", "1200"),
        ("8时", "at 8 o'clock", "800"),
        ("17时07分", "1707 hours", "1707"),
    ],
)
def test_a_time_of_day_has_one_value_in_both_languages(zh: str, en: str, digits: str) -> None:
    (zh_clock,) = extract(zh, "zh")
    (en_clock,) = extract(en, "en")
    assert zh_clock.kind == en_clock.kind == Kind.CLOCK
    assert zh_clock.value == en_clock.value
    assert zh_clock.digits == en_clock.digits == digits


def test_a_roman_level_reads_alike_in_both_languages() -> None:
    zh = next(f for f in extract("启动Ⅲ级应急响应", "zh") if f.kind == Kind.LEVEL)
    en = next(f for f in extract("a Level III emergency response", "en") if f.kind == Kind.LEVEL)
    assert zh.value == en.value == 3


def test_a_figure_is_made_alike_for_either_language() -> None:
    text = "at 07:30.50"
    zh, en = (figure_of(lang, text, 3, 8, Decimal("27000.0"), Kind.CLOCK) for lang in ("zh", "en"))
    assert zh._replace(lang="en") == en
    assert (en.text, en.value, en.digits) == ("07:30", Decimal(27000), "730")


def test_offsets_point_into_the_original_text() -> None:
    figures = extract("前言。一萬元", "zh", base=100)
    assert [(f.start, f.end, f.text) for f in figures] == [(103, 106, "一萬元")]
