"""bitext's own cut (:mod:`bitext.align.jiebacut`) gives rjieba's words, to the last one.

A one-file run cuts in Python and a big run turns to rjieba halfway (``zhseg.RJIEBA_AFTER``),
so the two must never disagree: on every Chinese line of the corpora (the WMT references,
MAC's chapters and machine translations, the bench bulletins), with the HMM on and off, and
on random mixes of those lines' characters and words with what the splitting treats apart
(letters, digits and their joiners, whitespace, full-width punctuation, CJK extensions).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitext.align import jiebacut, zhseg

from .conftest import SEEDS, SHARED

rjieba = pytest.importorskip("rjieba")

_HAN = regex.compile(r"\p{Han}")
SPECIAL = [
    *"abcXYZ0123456789.-_%+#&",
    *" \t\n\r\u3000\u00a0",
    *"，。！？、：；（）《》“”·—％．０１２３ＡＢ",
    *"鿖鿗鿿㐀䶵豈丂",  # beyond the HMM's characters, or the main block
    *"\U00020000\U0002a6d6\U0002a700\U0002b740\U0002f800",  # the extension blocks
    "\r\n",
    "WES-5.4.5",
    "1.2.",
    "50%%",
]
"""What the splitting into blocks and the HMM's splitting treat apart."""


def _files() -> list[Path]:
    corpora = SHARED / "corpora"
    files = sorted(corpora.glob("wmt*/zh.txt"))
    files += sorted(p for part in ("zh", "zh_mt") for p in corpora.glob(f"mac/*/{part}/*"))
    return files + sorted((SHARED / "bench").glob("dev*/*.txt"))


@functools.cache
def _corpus_lines() -> list[str]:
    """Every line with a Chinese character of the corpora's Chinese files."""
    lines = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        lines += (line for line in text.splitlines() if _HAN.search(line))
    return lines


def _disagreements(lines: list[str], hmm: bool) -> list[str]:
    """The lines cut otherwise than rjieba cuts them; with the HMM as bitext sets it,
    also those tokenized otherwise. A line whose cut turns on a tie in the HMM's scores
    (:class:`jiebacut.Tie`) is cut by rjieba itself (``zhseg``), so it has none."""
    return [
        line
        for line in lines
        if not _tied(line, hmm)
        and (
            jiebacut.cut(line, hmm, strict=True) != rjieba.cut(line, hmm)
            or (
                hmm == zhseg.HMM
                and jiebacut.tokenize(line, hmm, strict=True)
                != rjieba.tokenize(line, "default", hmm)
            )
        )
    ]


def _tied(line: str, hmm: bool) -> bool:
    try:
        jiebacut.cut(line, hmm, strict=True)
    except jiebacut.Tie:
        return True
    return False


@pytest.mark.parametrize("hmm", [True, False])
def test_every_chinese_line_of_the_corpora_is_cut_as_rjieba_cuts_it(hmm: bool) -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    lines = _corpus_lines()
    assert len(lines) > 20_000
    assert _disagreements(lines, hmm) == []
    assert not any(_tied(line, hmm) for line in lines)  # real text needs no rjieba for ties


@functools.cache
def _pieces() -> list[str]:
    """Characters and words of the corpora's lines (of the seeds without ../shared)."""
    lines = _corpus_lines() if (SHARED / "corpora").is_dir() else []
    lines = lines or [
        line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines()
    ]
    text = "\n".join(lines)
    words = sorted({w for w in rjieba.cut(text) if len(w) > 1})
    return sorted(set(text)) + words[:: max(1, len(words) // 20_000)]


def _mixes() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(_pieces()), st.sampled_from(SPECIAL))
    return st.lists(piece, max_size=16).map("".join)


@settings(max_examples=2000, deadline=None)
@given(text=st.deferred(_mixes), hmm=st.booleans())
@example(text="位慰慰慰慰", hmm=True)  # a tie: CI's hypothesis found it
@example(text="小明硕士毕业于中国科学院计算所乔乔乔乔", hmm=True)
def test_random_mixes_are_cut_as_rjieba_cuts_them(text: str, hmm: bool) -> None:
    assert _disagreements([text], hmm) == []


EDGES = [
    *(0x3400, 0x4DBF, 0x4E00, 0x9FD5, 0x9FFF, 0xF900, 0xFAFF, 0x20000, 0x2A6DF, 0x2A700),
    *(0x2B73F, 0x2B740, 0x2B81F, 0x2B820, 0x2CEAF, 0x2CEB0, 0x2EBEF, 0x2F800, 0x2FA1F),
]
"""The first and last characters of jieba-rs's blocks (and of the HMM's, U+4E00–U+9FD5)."""


def test_every_ascii_character_and_the_ranges_edges_are_cut_as_rjieba_cuts_them() -> None:
    chars = [chr(c) for c in range(128)]
    chars += [chr(c) for edge in EDGES for c in (edge - 1, edge, edge + 1)]
    texts = [text for c in chars for text in (f"中{c}国", f"{c}{c}a", f"a{c}1", c)]
    assert _disagreements(texts, True) == []
    assert _disagreements(texts, False) == []


def _python_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """Replace rjieba in zhseg by a recorder of the texts it would have cut."""
    asked: list[str] = []
    fake = (lambda text: asked.append(text) or [], lambda text: asked.append(text) or [])
    monkeypatch.setattr(zhseg, "_rjieba", lambda: fake)
    return lambda: asked


@pytest.mark.parametrize("text", ["慰慰慰慰慰", "偽偽偽偽偽", "他说乔乔乔乔乔。"])
def test_a_tie_in_the_hmm_is_cut_by_rjieba(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """rjieba settles "慰慰慰慰慰" as 慰慰慰 + 慰慰 and "偽偽偽偽偽" as 偽偽 + 偽偽偽: the
    last bits of its tables' sums decide, and bitext's cut does not guess them."""
    with pytest.raises(jiebacut.Tie):
        jiebacut.cut(text, True, strict=True)
    monkeypatch.setattr(zhseg, "_cut_in_python", 0)
    assert zhseg.cut(text) == rjieba.cut(text, True)
    assert zhseg.tokenize(text) == rjieba.tokenize(text, "default", True)
    asked = _python_only(monkeypatch)
    zhseg.cut(text)
    assert asked() == [text]  # handed over, though the run has cut little in Python


def test_without_rjieba_a_tie_is_settled_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zhseg, "_rjieba", lambda: None)
    monkeypatch.setattr(zhseg, "_cut_in_python", 0)
    assert zhseg.cut("慰慰慰慰慰") == ["慰慰", "慰慰慰"]
    assert zhseg.tokenize("慰慰慰慰慰") == [("慰慰", 0, 2), ("慰慰慰", 2, 5)]


def test_a_run_turns_to_rjieba_once_it_has_cut_enough_in_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _python_only(monkeypatch)
    monkeypatch.setattr(zhseg, "RJIEBA_AFTER", 12)
    monkeypatch.setattr(zhseg, "_cut_in_python", 0)
    assert zhseg.cut("他来到了网易杭研大厦") == ["他", "来到", "了", "网易", "杭研", "大厦"]
    assert zhseg.tokenize("红果") == [("红果", 0, 2)]  # 12 characters in Python
    zhseg.cut("盘州市")  # 15 would be too many
    zhseg.cut("盘")  # and every text after goes to rjieba
    assert asked() == ["盘州市", "盘"]
