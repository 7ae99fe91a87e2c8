"""Chinese mojibake (UTF-8 read as GBK or GB18030) and the full-width thousands comma.

The garbled text is made the way a misconfigured system makes it, from real lines:
``line.encode("utf-8").decode("gbk", errors="replace")`` (or "ignore", or GB18030). A
decoder that meets a byte it cannot pair (the last byte of a character before a digit,
a space, or a byte GBK leaves unassigned) replaces it with U+FFFD or drops it, so the
character that held it is lost; the repair marks it U+FFFD and restores the rest.
Real text, however odd, is never touched: every corpus file and every seed passes
through the rule without one edit.
"""

from __future__ import annotations

import time

import pytest
import regex

import bitext
from bitext.check import CheckConfig
from bitext.clean import clean, resolve_rules
from bitext.clean.rules import gbk_mojibake

from .conftest import SEEDS, SHARED, panzhou_text

CORPORA = SHARED / "corpora"
WMT21_ZH = CORPORA / "wmt21-newstest-zhen" / "zh.txt"
GARBLINGS = [("gbk", "replace"), ("gbk", "ignore"), ("gb18030", "replace"), ("gb18030", "ignore")]
needs_corpora = pytest.mark.skipif(not WMT21_ZH.exists(), reason="../shared/corpora is absent")


def garble(text: str, encoding: str = "gbk", errors: str = "replace") -> str:
    return text.encode("utf-8").decode(encoding, errors)


def repaired(text: str) -> str:
    return clean(text, ["gbk-mojibake"]).text


def restores(repair: str, original: str) -> bool:
    """``repair`` is ``original`` with some characters lost, each shown as U+FFFD."""
    return regex.fullmatch(regex.escape(repair).replace("\ufffd", "."), original) is not None


# --- the repair --------------------------------------------------------------------


def test_the_issue_example_is_repaired() -> None:
    assert garble("扶贫资金") == "鎵惰传璧勯噾"
    assert repaired("鎵惰传璧勯噾") == "扶贫资金"


def test_a_lossless_garbling_is_restored_exactly() -> None:
    line = "麦当劳：将在全美国超14000间门店要求顾客必须戴口罩"  # WMT21 zh line 1226
    assert garble(line, "gb18030").startswith("楹﹀綋鍔筹細灏嗗湪鍏ㄧ編鍥借秴14000")
    assert repaired(garble(line, "gb18030")) == line


@needs_corpora
def test_a_wmt_line_with_figures_is_repaired_and_what_is_lost_is_marked() -> None:
    line = WMT21_ZH.read_text(encoding="utf-8").splitlines()[345]
    assert line.startswith("自2009年以来，宁夏相关部门已累计投入湿地保护工程项目资金约34.5亿元")
    # GB18030 maps GBK's unassigned pairs to private use, so only bytes before a digit
    # or at the end are lost: 自 before 2009, the three 、 before a digit, the last 。.
    assert repaired(garble(line, "gb18030")) == (
        "\ufffd2009年以来，宁夏相关部门已累计投入湿地保护工程项目资金约34.5亿元人民币，目前，"
        "银川湿地面积为1.92万公顷，湿地保护率达78.5%，有自然湖泊、沼泽湿地近200个，"
        "拥有5处国家湿地公园\ufffd1处国家城市湿地公园\ufffd6处自治区级湿地公园\ufffd8处市级公园\ufffd"
    )
    # GBK loses a byte at every pair it leaves unassigned too (宁夏 → 宁�), but every
    # figure and every character it kept comes back.
    gbk = repaired(garble(line))
    assert restores(gbk, line)
    assert gbk.count("\ufffd") == 19
    assert regex.findall(r"[0-9.]+%?", gbk) == regex.findall(r"[0-9.]+%?", line)


@needs_corpora
@pytest.mark.parametrize(("encoding", "errors"), GARBLINGS)
def test_every_repair_of_a_garbled_wmt21_line_is_the_original(encoding: str, errors: str) -> None:
    """All 1,948 lines: no repair ever differs from the original beyond a lost
    character; most lines come back whole. A dropped byte leaves no mark, so "ignore"
    leaves more runs garbled (those the rule cannot tell from text)."""
    lines = WMT21_ZH.read_text(encoding="utf-8").splitlines()
    whole = 0
    for line in lines:
        garbled = garble(line, encoding, errors)
        for edit in gbk_mojibake(garbled):
            pattern = regex.escape(edit.replacement).replace("\ufffd", ".")
            assert regex.search(pattern, line), (line, edit)
        whole += restores(repaired(garbled), line)
    share = {"replace": 0.97, "ignore": 0.77}[errors]  # 97.9-98.0%, 77.4-79.1%
    assert whole >= share * len(lines)


def test_a_lost_last_byte_is_marked_and_the_rest_repaired() -> None:
    # 入 (e5 85 a5) before 387: its last byte cannot pair with "3" and is lost.
    garbled = garble("盘州市投入387.75万元，资助建档立卡贫困学生45人。", "gb18030")
    assert garbled.startswith("鐩樺窞甯傛姇鍏\ufffd387.75涓囧厓")
    assert repaired(garbled) == "盘州市投\ufffd387.75万元，资助建档立卡贫困学\ufffd45人\ufffd"
    dropped = garble("盘州市投入387.75万元，资助建档立卡贫困学生45人。", "gb18030", "ignore")
    assert repaired(dropped).startswith("盘州市投\ufffd387.75万元，资助建档立卡贫困学\ufffd45")


def test_fixes_point_at_the_garbled_run() -> None:
    garbled = "Funds: " + garble("扶贫资金") + " (2020)"
    cleaned = clean(garbled)
    assert cleaned.text == "Funds: 扶贫资金 (2020)"
    assert [(f.rule, f.before, f.after) for f in cleaned.fixes] == [
        ("gbk-mojibake", "鎵惰传璧勯噾", "扶贫资金")
    ]
    assert cleaned.span_to_original(7, 11) == (7, 13)


# --- what must not be touched --------------------------------------------------------

ODD_BUT_REAL = [
    "龘靐齉齾爩鱻麤龗",  # rare characters
    "窞姇壎厓孉",  # characters that mojibake is made of, written on their own
    "臺灣總統府發布新聞稿，臺北市政府投入經費三千萬元。",  # traditional Chinese
    "東京都は２０２０年に新しい計画を発表しました。",  # Japanese: kanji and kana
    "ひらがなとカタカナ、そして漢字。",
    "锟斤拷锟斤拷",  # U+FFFD written as UTF-8 and read as GBK: nothing to restore
    "曾祖父和祖父都会武功",  # GBK bytes of 祖父 decode as UTF-8 to "?游"
    "书法、绘画和珠宝制作经验。",
    "Café in Zürich, naïve façade — “quoted” · résumé",
    "盘州市投入扶贫资金5万元，鎵樺叧系",
]


@pytest.mark.parametrize("text", ODD_BUT_REAL)
def test_odd_real_text_is_not_touched(text: str) -> None:
    assert gbk_mojibake(text) == []
    assert repaired(text) == text


def test_real_chinese_beside_a_garbled_run_is_kept() -> None:
    """Real characters in the same run would decode to U+FFFD: the run is left alone
    rather than lose them."""
    garbled = garble("盘州市投入扶贫资金", "gb18030")
    assert gbk_mojibake("报道：" + garbled) == []
    assert gbk_mojibake(garbled + "。") == []
    assert repaired(garbled + " 。") == "盘州市投入扶贫资\ufffd 。"  # 金 lost its last byte


@needs_corpora
def test_no_corpus_file_is_changed() -> None:
    """One pass of the rule over every file of the corpora: 447 files, 25 MB, no edit."""
    files = sorted(path for path in CORPORA.rglob("*") if path.is_file())
    assert len(files) >= 400
    started = time.process_time()
    for path in files:
        assert gbk_mojibake(path.read_text(encoding="utf-8")) == [], path
    assert time.process_time() - started < 5


def test_no_seed_is_changed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        assert gbk_mojibake(path.read_text(encoding="utf-8")) == [], path


# --- check reads the repaired figures -------------------------------------------------


def _figure_findings(text: str, config: CheckConfig | None = None) -> list[tuple[str, str]]:
    report = bitext.check_text(text) if config is None else bitext.check_text(text, config=config)
    return [
        (f.rule, f.en.text if f.en else "") for f in report.findings if f.rule.startswith("figure-")
    ]


CLEAN_FINDINGS = [
    ("figure-unverifiable", "2018"),
    ("figure-scale", "3,877.5 million yuan"),
    ("figure-missing", ""),
    ("figure-scale", "RMB5.628 million"),
]
ERRORS = [CLEAN_FINDINGS[1], CLEAN_FINDINGS[3]]


@pytest.mark.parametrize(("encoding", "errors"), GARBLINGS)
def test_check_finds_the_same_figures_in_a_garbled_bulletin(encoding: str, errors: str) -> None:
    """seeds/panzhou.txt garbled whole: English is ASCII and survives, the Chinese is
    repaired, and check finds the same two scale errors and nothing invented. Without
    the rule, 7万元 read as garbled text is 7 and "70,000 yuan" an error of 10,000 times.

    The warnings move where a character is lost: 平 of "教学水平;选派 6 名教师" is lost
    in every garbling, so the sentence with the untranslated 6 名 is no longer cut there
    and its warning goes; GBK loses more of "96 所中小学签订" (96 ��小���), and that
    96 loses its counterpart."""
    text = panzhou_text()
    assert _figure_findings(text) == CLEAN_FINDINGS
    garbled = garble(text, encoding, errors)
    findings = _figure_findings(garbled)
    assert [f for f in findings if f[0] in ("figure-scale", "figure-value")] == ERRORS
    if encoding == "gbk":
        assert findings == [*CLEAN_FINDINGS[:3], ("figure-missing", ""), CLEAN_FINDINGS[3]]
    else:
        assert findings == [CLEAN_FINDINGS[0], *ERRORS]
    unrepaired = CheckConfig(clean_rules=resolve_rules(disable=["gbk-mojibake"]))
    assert ("figure-scale", "70,000 yuan") in _figure_findings(garbled, unrepaired)


# --- the full-width thousands comma ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２，３５０万元", "2,350万元"),  # the issue's example
        ("共１，２００人，３５０户", "共1,200人，350户"),
        ("１，２３４，５６７元", "1,234,567元"),
        ("投入1，350万元", "投入1,350万元"),
        ("３５０，０００元", "350,000元"),
        # Ambiguous, so full width stays: small numbers listed ("1，2，3项" is items 1,
        # 2 and 3: a group after the first has exactly three digits), a year and a
        # count, a number of four digits, and two three-digit numbers (as "500, 600" in
        # English stays a list).
        ("第1，2，3项", "第1，2，3项"),
        ("２０１８年，３５０", "2018年，350"),
        ("２０１８，３５０", "2018，350"),
        ("３５０，６００", "350，600"),
        ("1，350，20", "1，350，20"),
    ],
)
def test_a_full_width_thousands_comma_becomes_ascii(text: str, expected: str) -> None:
    assert clean(text).text == expected
