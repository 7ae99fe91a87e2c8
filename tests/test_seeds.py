"""The seed bulletins, with exactly the findings a reviewer should see."""

from __future__ import annotations

import bitext
from bitext.model import Severity

from .conftest import SEEDS, panzhou_text


def _panzhou():  # type: ignore[no-untyped-def]
    return bitext.check_paths([str(SEEDS / "panzhou.txt")]).files[0]


def test_panzhou_pairs_each_chinese_fragment_with_its_translation() -> None:
    """Five Chinese runs; the fourth holds two sentences joined by a half-width
    semicolon, each translated by its own English sentence: six pairs."""
    report = _panzhou()
    text = report.document.text
    pairs = [
        (text[slice(*p.zh_range)], text[slice(*p.en_range)], p.zh_truncated) for p in report.pairs
    ]
    assert [(zh[:12], en[:28], en[-30:], cut) for zh, en, cut in pairs] == [
        ("“一对一”帮扶合作机制,", "In recent years, Panzhou Cit", "partments, towns and villages.", True),
        ("年以来,大连市 6 家市", "Since 2018 , 6 municipal dep", "rs of assistance relationship.", True),
        ("387.75 万元,开发", "A total of 3,877.5 million y", "re are 45 card poor students .", True),
        ("96 所学校与盘州 96", "To achieve full coverage of ", "holding lectures and training.", True),
        ("选派 6 名教师到红果沙", "Go to Hongguo Shatuo Element", ' "group-type" assistance work.', False),
        ("56.28 万元开展贫困", "Invested RMB5.628 million in", "ople to increase their income.", False),
    ]  # fmt: skip
    assert pairs[3][0].endswith("教学水平;") and pairs[4][0].startswith("选派")


def test_panzhou_english_only_sentences_are_left_unpaired() -> None:
    text = _panzhou().document.text
    paired = "".join(text[slice(*p.en_range)] for p in _panzhou().pairs)
    for english_only in (
        "[Panzhou City] Deepening Poverty Alleviation Cooperation",
        "The first is to help in-depth development in pairs.",
        "The third is to continue to promote medical collaboration and communication.",
        "(Lin Quanguo)",
    ):
        assert english_only in text and english_only not in paired


def test_panzhou_reports_exactly_the_known_errors() -> None:
    report = _panzhou()
    found = [
        (
            f.rule,
            f.severity.value,
            f.zh.text if f.zh else None,
            f.en.text if f.en else None,
            f.suggestion,
        )
        for f in report.findings
    ]
    assert found == [
        ("figure-unverifiable", "info", None, "2018", None),
        ("figure-scale", "error", "387.75 万元", "3,877.5 million yuan", "3.8775 million yuan"),
        ("figure-missing", "warning", "6 名", None, None),
        ("figure-scale", "error", "56.28 万元", "RMB5.628 million", "RMB562,800"),
        ("clean-zh-punctuation", "info", None, None, None),
        ("clean-en-punctuation", "info", None, None, None),
        ("clean-cjk-spacing", "info", None, None, None),
    ]


def test_panzhou_cleaning_findings_say_what_was_damaged() -> None:
    text = panzhou_text()
    cleaning = [f for f in _panzhou().findings if f.rule.startswith("clean-")]
    assert [(f.message, text[slice(*f.where)]) for f in cleaning] == [  # type: ignore[misc]
        (
            "half-width , ; : inside Chinese become full width "
            "(10 fixes; first: “合作机制,切实深化” → “合作机制，切实深化”)",
            ",",
        ),
        (
            "spaces before English punctuation are removed (7 fixes; first: “vels , an” → “vels, an”)",
            " ",
        ),
        (
            "spaces around a number inside Chinese are removed "
            "(30 fixes; first: “,大连市 6 家市” → “,大连市6 家市”)",
            " ",
        ),
    ]


def test_panzhou_scale_errors_say_the_factor_and_the_right_value() -> None:
    scale = [f for f in _panzhou().findings if f.rule == "figure-scale"]
    assert [f.message for f in scale] == [
        "“3,877.5 million yuan” is 1,000 times “387.75 万元” (3,877,500); "
        "“3.8775 million yuan” is right",
        "“RMB5.628 million” is 10 times “56.28 万元” (562,800); “RMB562,800” is right",
    ]
    assert [(f.zh.value, f.en.value) for f in scale] == [(3877500, 3877500000), (562800, 5628000)]


def test_panzhou_figures_that_agree_are_not_flagged() -> None:
    report = _panzhou()
    flagged = {(f.start, f.end) for x in report.findings for f in (x.zh, x.en) if f}
    quiet = [f.text for f in report.figures if (f.start, f.end) not in flagged]
    assert quiet == [
        "6 家", "4 个", "9 个", "3 个", "16 家", "2 个", "56 个",
        "6", "4", "9", "3", "16", "2", "56",
        "457 个", "10 人", "7 万元", "45 人",
        "457", "10", "70,000 yuan", "45",
        "96 所", "96 所", "96", "96",
        "8 期", "479 人", "8", "479",
    ]  # fmt: skip


def test_panzhou_offsets_point_at_the_figures_in_the_file() -> None:
    text = panzhou_text()
    for finding in _panzhou().findings:
        for figure in (finding.zh, finding.en):
            if figure is not None:
                assert text[figure.start : figure.end] == figure.text


def test_panzhou_nothing_else_at_warning_or_error() -> None:
    report = _panzhou()
    assert report.count(Severity.ERROR) == 2
    assert report.count(Severity.WARNING) == 1
    assert [f.rule for f in report.findings if f.severity is Severity.INFO] == [
        "figure-unverifiable", "clean-zh-punctuation", "clean-en-punctuation", "clean-cjk-spacing"
    ]  # fmt: skip


def test_lvshunkou_has_no_chinese_to_check() -> None:
    report = bitext.check_paths([str(SEEDS / "lvshunkou.txt")]).files[0]
    assert report.notes == ("no Chinese text to check",)
    assert report.pairs == ()
    assert report.findings == ()
