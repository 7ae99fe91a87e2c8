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
    # WMT17: 苹果2016秋季发布会, four digits with no unit, is a year too.
    messages = _messages(
        "答案直到苹果2016秋季发布会才能揭晓。", "The answer will be known at Apple's autumn event."
    )
    assert messages == ["“到苹果2016秋季”: 2016 has no counterpart in the English"]


def test_a_clock_is_printed_as_a_time_of_day() -> None:
    # WMT21: 19时54分 rendered as 19:00.
    messages = _messages(
        "黄某某于7月6日19时54分进入青海省境内。",
        "Huang entered Qinghai Province at 19:00 on July 6.",
    )
    assert messages == ["“19:00” (19:00) does not match “19时54分” (19:54)"]


def _suggestions(zh: str, en: str) -> list[tuple[str, str | None]]:
    return [(f.rule, f.suggestion) for f in bitext.check_pair(zh, en).findings]


def test_a_scale_suggestion_uses_the_scale_a_translator_would_write() -> None:
    # 45.67亿元 is 4.567 billion yuan, not "4,567 million yuan".
    assert _suggestions(
        "全县财政收入45.67亿元。", "The county's fiscal revenue was 45.67 million yuan."
    ) == [("figure-scale", "4.567 billion yuan")]
    # An abbreviated scale stays abbreviated.
    assert _suggestions("营收2.1亿美元。", "Revenue was US$2.1bn.") == [
        ("figure-scale", "US$210mn")
    ]


def test_percent_and_percentage_points_suggest_each_other() -> None:
    assert _suggestions("失业率上升3个百分点。", "Unemployment rose 3%.") == [
        ("figure-unit", "3 percentage points")
    ]
    assert _suggestions("出口增长3%。", "Exports rose 3 percentage points.") == [
        ("figure-unit", "3%")
    ]


def test_a_wrong_month_gets_the_right_month() -> None:
    findings = bitext.check_pair(
        "3月份全国出口增长。", "Exports grew nationwide in April."
    ).findings
    assert [(f.rule, f.message, f.suggestion) for f in findings] == [
        ("figure-value", "“April.” (April) does not match “3月份” (March)", "March.")
    ]


def test_a_wrong_date_gets_the_right_date_written_as_the_english_wrote_it() -> None:
    assert _suggestions("英国议会将于9月5日复会。", "Parliament will resume on August 5.") == [
        ("figure-value", "September 5")
    ]
    # A date stamp with a month no calendar has (dev-wmt21, corrupted).
    assert _suggestions("2020-07-26 17:37:29 来源：人民论坛网", "2020-70-26 17:37:29 Source") == [
        ("figure-value", "2020-07-26")
    ]
    # WMT18: 7 月 25 日 → "July 250, 1946"; the year the English adds from context stays.
    assert _suggestions(
        "7 月 25 日，白人地主洛伊·哈里森花了 600 美元。",
        "On July 250, 1946, Loy Harrison paid $600.",
    ) == [("figure-value", "July 25, 1946")]


# --- messages quote the file as given --------------------------------------------
# The judge reads the cleaned view; its messages are written only after every offset is
# mapped back, so what they quote is the user's own text (bitext.check.findings).


def test_a_scale_message_quotes_the_file_and_keeps_its_suggestion() -> None:
    # WMT22 (dev-wmt22 b015): the file spaces its percent sign, "400 %"; cleaning
    # removes the space. The quote is the file's, the suggestion the English's own style.
    text = (
        "月的第一周发现的新病例增加了 400 % , 测试显示,奥密克戎变体的病例占 90%以上。 "
        "According to introduction from health officials, the new cases detected in Gauteng "
        "province in the first week of December increased by 400000%; according to test "
        "results, Omicron variant cases accounted for more than 90%."
    )
    [scale] = [f for f in bitext.check_text(text).findings if f.rule == "figure-scale"]
    assert scale.message == "“400000%” is 1,000 times “400 %” (400%); “400%” is right"
    assert (scale.zh.text, scale.en.text, scale.suggestion) == ("400 %", "400000%", "400%")


def test_a_message_quotes_a_figure_the_finding_does_not_carry_as_the_file_has_it() -> None:
    # WMT17 (dev wmt17-b078): the English date "October , 2009" lost its day; the finding
    # is the Chinese figure's, and its message quotes the English as written, space and all.
    text = (
        "９月３０日至１０月４日,被告人李会旺先后在桐柏县、南阳城区利用伪基站设备发送诈骗信息。 "
        "The court trial of Nanyang Wolong District People's Court of Henan province found "
        "that the defendant Li Huiwang sent fraud information through the pseudo-base "
        "station equipment in Tongbai county and Nanyang district between September 30, 2009 "
        "and October , 2009."
    )
    figures = [f for f in bitext.check_text(text).findings if f.rule.startswith("figure-")]
    assert [(f.rule, f.message) for f in figures] == [
        (
            "figure-missing",
            "“０日至１０月４日,被”: October 4 is “October , 2009” in the English, without its day",
        )
    ]
    assert (figures[0].zh.text, figures[0].en) == ("１０月４日", None)
