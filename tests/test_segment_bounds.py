"""Where Latin text beside or inside a Chinese line goes: to the Chinese run or to the
English translation after it.

Each bulletin is a real line of a WMT corpus (its source given) followed by its human
English, as the benchmark bulletins are built, or a small bulletin in a shape the
pairing issue names; each test asserts every pair.
"""

from __future__ import annotations

import bitext


def _pairs(text: str) -> list[tuple[str, str]]:
    report = bitext.check_text(text)
    source = report.document.text
    return [
        (source[slice(*p.zh_range)], source[slice(*p.en_range)] if p.en else "")
        for p in report.pairs
    ]


def test_a_bracketed_gloss_after_a_spaced_closing_quote_stays_in_the_chinese() -> None:
    # WMT22 zh-en line 319: the quote closes apart from the bracket.
    zh = "有全球110个国家的领导人出席的线上“民主峰会 ” ( Summit for Democracy)星期五（12月10日）落幕。"
    en = "The online “Summit for Democracy” came to a close on Friday (December 10)."
    assert _pairs(f"{zh} {en}") == [(zh, en)]
