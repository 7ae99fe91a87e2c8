"""Line breaking for the reports (:mod:`bitext.report.wrap`): figures whole, kinsoku for
Chinese closing and opening marks, English at spaces, the signature after its separators.
The texts are lines of the WMT news test sets (``../shared/corpora``) and the seed."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from bitext.report.wrap import CLOSING, NUMBER, break_lines, break_signature, wrap

SIGNATURE = (
    "bitext:0.1.0|clean:mojibake+gbk-mojibake+newlines+invisible+spaces+width+hard-wraps+"
    "zh-punctuation+cjk-spacing+en-punctuation+digit-grouping+repeats|align:mixed-dp|"
    "min-confidence:0.2"
)


def lines(text: str, width: int, keep: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[a:b] for a, b in break_lines(text, width, keep or [])]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # the user's report: 实现旅游收入97 / .5亿元 and 增长7. / 3%
        (
            "全年实现旅游收入97.5亿元，同比增长7.3%。",
            20,
            ["全年实现旅游收入", "97.5亿元，同比增长", "7.3%。"],
        ),
        (
            "全年实现旅游收入97.5亿元，同比增长7.3%。",
            34,
            ["全年实现旅游收入97.5亿元，同比增长", "7.3%。"],
        ),
        # a 。 never starts a line: the character before it goes down with it
        (
            "选派6名教师到红果沙陀小学开展帮扶工作。",
            37,
            ["选派6名教师到红果沙陀小学开展帮扶工", "作。"],
        ),
        # nor a closing quote or bracket; an opening one (“, （) never ends a line
        ("开展教育“组团式”帮扶工作", 12, ["开展教育“组", "团式”帮扶工", "作"]),
        (
            "将斥资2亿澳元（约合1.54亿美元）对悉尼歌剧院",
            22,
            ["将斥资2亿澳元（约合", "1.54亿美元）对悉尼歌剧", "院"],
        ),
        # English at spaces; a figure with its scale and unit is one word
        (
            "A total of 3,877.5 million yuan of social assistance funds",
            24,
            ["A total of", "3,877.5 million yuan of", "social assistance funds"],
        ),
        (
            "Invested RMB5.628 million in Dalian's funds",
            16,
            ["Invested", "RMB5.628 million", "in Dalian's", "funds"],
        ),
        (
            "GDP grew 6.9% year-on-year, 0.2 percentage points higher",
            30,
            ["GDP grew 6.9% year-on-year,", "0.2 percentage points higher"],
        ),
        # a space before punctuation does not let the punctuation start a line
        ("in Panzhou , 457 posts", 10, ["in", "Panzhou ,", "457 posts"]),
    ],
)
def test_break_lines(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected
    assert all(cell_len(line) <= width for line in expected)


def test_a_run_given_to_keep_stays_whole() -> None:
    text = "资金共计约合一千四百五十二万元整"
    assert lines(text, 16) == ["资金共计约合一千", "四百五十二万元整"]
    assert lines(text, 16, [(6, 14)]) == ["资金共计约合", "一千四百五十二万", "元整"]


def test_a_run_longer_than_the_line_is_cut_where_the_width_runs_out() -> None:
    assert lines("https://example.com/a/very/long/path", 12) == [
        "https://exam",
        "ple.com/a/ve",
        "ry/long/path",
    ]
    assert lines("12345678901234567890", 8) == ["12345678", "90123456", "7890"]


def test_the_first_line_may_be_narrower_or_wider() -> None:
    text = "seeds/panzhou.txt:5:566: error figure-scale “3,877.5 million yuan” is 1,000 times"
    spans = break_lines(text, 30, first=60)
    assert [text[a:b] for a, b in spans] == [
        "seeds/panzhou.txt:5:566: error figure-scale",
        "“3,877.5 million yuan” is",
        "1,000 times",
    ]
    assert wrap("投入资金387.75万元，帮扶学生45人。", 16, "  ") == [
        "投入资金",
        "  387.75万元，帮",
        "  扶学生45人。",
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("开发专岗公益岗位457个、慰问贫困残疾人10人", ["457个", "10人"]),
        ("387.75 万元,购买盘州7万元", ["387.75 万元", "7万元"]),
        ("连续 9 个季度运行在 6.7-6.9%区间", ["9 个", "6.7-6.9%"]),
        ("purchases of 70,000 yuan and NT$125 million", ["70,000 yuan", "NT$125 million"]),
        ("£15 billion more, at $316 million", ["£15 billion", "$316 million"]),
        ("about 75 kilometers, 4 sub-districts", ["75 kilometers", "4"]),
    ],
)
def test_numbers_keep_their_units(text: str, numbers: list[str]) -> None:
    assert [m.group() for m in NUMBER.finditer(text)] == numbers


@pytest.mark.parametrize("width", [20, 40, 60, 80, 100, 140])
def test_the_signature_breaks_after_its_separators(width: int) -> None:
    parts = break_signature(SIGNATURE, width)
    assert "".join(parts) == SIGNATURE
    assert all(len(part) <= width for part in parts)
    assert all(part.endswith(("|", "+")) for part in parts[:-1])
    if width >= 140:  # no part is longer than a line: broken at | alone
        assert all(part.endswith("|") for part in parts[:-1])


def test_the_signature_at_80_and_140_columns() -> None:
    assert break_signature(SIGNATURE, 80) == [
        "bitext:0.1.0|clean:mojibake+gbk-mojibake+newlines+invisible+spaces+width+",
        "hard-wraps+zh-punctuation+cjk-spacing+en-punctuation+digit-grouping+repeats|",
        "align:mixed-dp|min-confidence:0.2",
    ]
    assert break_signature(SIGNATURE, 140) == [
        "bitext:0.1.0|",
        "clean:mojibake+gbk-mojibake+newlines+invisible+spaces+width+hard-wraps+zh-punctuation+"
        "cjk-spacing+en-punctuation+digit-grouping+repeats|",
        "align:mixed-dp|min-confidence:0.2",
    ]


def test_closing_marks_include_the_chinese_ones() -> None:
    assert set("，。、；：？！）】」』”’》〉") <= CLOSING
