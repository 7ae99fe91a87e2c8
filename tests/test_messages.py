"""What findings say: values written the way a reader writes them, and the suggested
correction a translator would type."""

from __future__ import annotations

import bitext


def _messages(zh: str, en: str) -> list[str]:
    return [f.message for f in bitext.check_pair(zh, en).findings]


def test_a_year_is_never_printed_with_a_thousands_comma() -> None:
    # WMT21 headline: 2020年直招士官工作全面展开 → the English lost the year.
    messages = _messages(
        "2020年直招士官工作全面展开。",
        "The work of directly recruiting sergeants has been fully launched.",
    )
    assert messages == ["“2020年直招”: 2020 has no counterpart in the English"]
    assert not any("2,0" in m for m in messages)


def test_a_clock_is_printed_as_a_time_of_day() -> None:
    # WMT21: 19时54分 rendered as 19:00.
    messages = _messages(
        "黄某某于7月6日19时54分进入青海省境内。",
        "Huang entered Qinghai Province at 19:00 on July 6.",
    )
    assert messages == ["“19:00” (19:00) does not match “19时54分” (19:54)"]
