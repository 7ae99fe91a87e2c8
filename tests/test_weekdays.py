"""A weekday put in place of a day of the month (25日 → "said on Friday") is checked against
the story's own calendar: the date stamp of its page header, or a full date beside it."""

from __future__ import annotations

import bitext

HEADER = (
    "2020-07-26 17:37:29 来源：央视网 作者：朱延静 "
    "2020-07-26 17:37:29 Source: cctv.com Author: Zhu Yanjing\n\n"
)
# WMT21 line 150 and its machine translations: the 25th of July 2020 was a Saturday.
CHINESE = "得州州长阿博特25日表示：“任何飓风都是一个巨大的挑战。”"


def _findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in bitext.check_text(text).findings]


def test_a_wrong_weekday_in_a_dated_story_is_a_wrong_date() -> None:
    english = 'Texas Governor Greg Abbott said on Friday: "Any hurricane is a huge challenge."'
    assert _findings(f"{HEADER}{CHINESE} {english}\n") == [
        ("figure-value", "“Friday” does not match “25日”: July 25, 2020 was a Saturday")
    ]


def test_the_right_weekday_in_a_dated_story_is_no_finding() -> None:
    english = 'Texas Governor Greg Abbott said on Saturday: "Any hurricane is a huge challenge."'
    assert _findings(f"{HEADER}{CHINESE} {english}\n") == []


def test_a_weekday_in_an_undated_story_is_for_the_reviewer_to_check() -> None:
    english = '"Any hurricane is a huge challenge," Texas Gov. Greg Abbott said on Friday.'
    findings = bitext.check_pair(CHINESE, english).findings
    assert [(f.rule, f.severity.value, f.zh.text, f.en.text) for f in findings] == [
        ("figure-weekday", "warning", "25日", "Friday")
    ]
    assert findings[0].message == (
        "“Friday” stands for “25日”, and the text gives no month and year to check that "
        "the 25th was a Friday"
    )
