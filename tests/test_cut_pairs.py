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
