"""Pairs whose Chinese lost part of itself to a neighbouring fragment: the figures of
the English there cannot be checked either way (``figure-unverifiable``, info)."""

from __future__ import annotations

import bitext

# WMT18 cut into phrases (newstest2018 zh–en, the FIFA rights story): the years sit in the
# Chinese phrase before, whose English stops at "obtained".
PHRASES = (
    "近日,中央电视台和国际足联共同宣布,中央电视台获得二零一八至二零二二年国际足联各项赛事 "
    "Recently , CCTV and FIFA jointly announced that CCTV has obtained "
    "在中国大陆地区的独家全媒体版权。 "
    "an exclusive full-media copyright of FIFA events in Chinese mainland in {years}.\n"
)


def _figure_findings(text: str) -> list[tuple[str, str, str | None, str | None]]:
    report = bitext.check_text(text)
    return [
        (f.rule, f.severity.value, f.zh.text if f.zh else None, f.en.text if f.en else None)
        for f in report.findings
        if f.rule.startswith("figure-")
    ]


def test_english_that_starts_in_lower_case_is_a_piece_whose_head_is_elsewhere() -> None:
    assert _figure_findings(PHRASES.format(years="2018-2022")) == [
        ("figure-unverifiable", "info", "二零一八至二零二二年", None),
        ("figure-unverifiable", "info", None, "2018"),
        ("figure-unverifiable", "info", None, "2022"),
    ]


def test_a_piece_still_reports_what_it_can_check() -> None:
    """The cut says where the English head went, not that nothing can be wrong: a figure
    the Chinese piece does hold is still compared."""
    text = PHRASES.replace("独家全媒体版权。", "3 项独家全媒体版权。").format(years="2018-2022")
    text = text.replace("an exclusive", "4 exclusive")
    assert ("figure-value", "error", "3 项", "4") in _figure_findings(text)


def test_figures_of_a_lost_head_are_unverifiable_wherever_the_english_puts_them() -> None:
    """名选手进入了决赛… lost its head (…40名选手中有12) at a classifier: "40" and "12" are
    the English of the lost part, before or after what the fragment still says; the 3 it
    does say is still compared."""
    zh = "名选手进入了决赛，其中3人来自北京。"
    right = "Of the 40 contestants, 12 made it to the final, 3 of whom are from Beijing."
    findings = [
        (f.rule, f.severity.value, f.zh.text if f.zh else None, f.en.text if f.en else None)
        for f in bitext.check_pair(zh, right).findings
    ]
    assert findings == [
        ("figure-unverifiable", "info", None, "40"),
        ("figure-unverifiable", "info", None, "12"),
    ]
    wrong = right.replace("3 of whom", "5 of whom")
    assert ("figure-value", "error", "3人", "5") in [
        (f.rule, f.severity.value, f.zh.text if f.zh else None, f.en.text if f.en else None)
        for f in bitext.check_pair(zh, wrong).findings
    ]


def test_a_short_english_sentence_is_no_cut_one() -> None:
    """An English that is merely short ends with its stop: the count the MT dropped is a
    real omission (a warning), not a figure of a cut tail (info)."""
    assert _figure_findings("选派6名教师。 Teachers were sent.\n") == [
        ("figure-missing", "warning", "6名", None)
    ]
    assert _figure_findings(
        "学校选派6名教师赴山区支教。 The school sent teachers to teach in mountain areas.\n"
    ) == [("figure-missing", "warning", "6名", None)]
    assert _figure_findings("选派6名教师。 Six teachers were sent.\n") == []
