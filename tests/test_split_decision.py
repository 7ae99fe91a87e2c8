"""`--split auto`: one sentence a line, or paragraphs to split (issue 15).

A file is read as paragraphs when more than a third of its lines hold more than one
sentence (:data:`bitext.align.files.AUTO_PARAGRAPH_SHARE`). The files are the hand-aligned
MAC novel chapters (one sentence a line, where the splitter still cuts a few lines: a
stammer "我……我小便去。", a quote and its speaker "“很好。”潘寒点点头"), the line-aligned
WMT news (some English lines hold two sentences), and prose: the seed bulletins and
paragraphs built by joining WMT lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.align.files import split_mode, split_sentences
from bitext.cli import main

from .conftest import SEEDS, SHARED

CORPORA = SHARED / "corpora"
MAC = CORPORA / "mac"
WMT_FILES = [
    "wmt17-newstest-zhen/zh.txt",
    "wmt17-newstest-zhen/en.txt",
    "wmt18-newstest-zhen/zh.txt",
    "wmt18-newstest-zhen/en.txt",
    "wmt21-newstest-zhen/zh.txt",
    "wmt21-newstest-zhen/en.txt",
    "wmt22-generaltest-enzh/zh.txt",
    "wmt22-generaltest-enzh/en.txt",
    "wmt22-generaltest-zhen/zh.txt",
    "wmt22-generaltest-zhen/en.txt",
    "wmt22-generaltest-zhen/en.refB.txt",
]

needs_mac = pytest.mark.skipif(
    not MAC.is_dir(),
    reason="../shared/corpora/mac (MAC-Dev, MAC-Test) is not beside the repository",
)
needs_wmt = pytest.mark.skipif(
    not (CORPORA / "wmt21-newstest-zhen").is_dir(),
    reason="../shared/corpora (the WMT test sets) is not beside the repository",
)


def _lang(path: Path) -> str:
    return "zh" if path.name.startswith("zh") or path.parent.name == "zh" else "en"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# The chapters the old rule (split when that adds over 10% more units) read as prose:
# (split, chapter, Chinese lines, sentences the splitter finds in them).
MISJUDGED = [("test", "006", 206, 231), ("test", "022", 88, 102), ("dev", "002", 253, 283)]


@needs_mac
@pytest.mark.parametrize(("split", "chapter", "lines", "pieces"), MISJUDGED)
def test_mac_chapters_with_cut_lines_are_read_one_sentence_a_line(
    split: str, chapter: str, lines: int, pieces: int
) -> None:
    zh = _read(MAC / split / "zh" / f"{chapter}.txt")
    assert len(split_sentences(zh, "zh", "sentences")) == pieces  # 12–16% more units
    assert split_mode(zh, "zh") == "lines"
    assert len(split_sentences(zh, "zh", "auto")) == lines


@needs_mac
def test_every_mac_file_is_read_one_sentence_a_line() -> None:
    files = sorted(MAC.glob("*/zh/*.txt")) + sorted(MAC.glob("*/en/*.txt"))
    assert len(files) == 60
    assert {str(f.relative_to(MAC)): split_mode(_read(f), _lang(f)) for f in files} == {
        str(f.relative_to(MAC)): "lines" for f in files
    }


@needs_mac
def test_the_command_line_reads_a_misjudged_chapter_as_its_lines() -> None:
    zh, en = MAC / "test" / "zh" / "022.txt", MAC / "test" / "en" / "022.txt"
    result = CliRunner().invoke(main, ["align", str(zh), str(en), "--format", "beads"])
    assert result.exit_code == 0
    beads = [line.split(":") for line in result.stdout.splitlines()]
    zh_ids = [int(i) for side, _ in beads for i in side.strip("[]").split(",") if i]
    en_ids = [int(j) for _, side in beads for j in side.strip("[]").split(",") if j]
    assert (zh_ids, en_ids) == (list(range(88)), list(range(155)))


@needs_wmt
@pytest.mark.parametrize("name", WMT_FILES)
def test_line_aligned_news_stays_lines(name: str) -> None:
    path = CORPORA / name
    assert split_mode(_read(path), _lang(path)) == "lines"


@needs_wmt
def test_wmt_english_with_two_sentence_lines_stays_lines() -> None:
    # 14% of WMT17's English lines hold two sentences or more; the old rule split them.
    text = _read(CORPORA / "wmt17-newstest-zhen" / "en.txt")
    lines = split_sentences(text, "en", "lines")
    assert (len(lines), len(split_sentences(text, "en", "sentences"))) == (2001, 2336)
    assert split_sentences(text, "en", "auto") == lines


@needs_wmt
@pytest.mark.parametrize("name", WMT_FILES)
@pytest.mark.parametrize("size", [2, 3])
def test_paragraphs_of_joined_lines_are_split(name: str, size: int) -> None:
    path = CORPORA / name
    lang = _lang(path)
    lines = _read(path).splitlines()
    glue = "" if lang == "zh" else " "
    text = "\n".join(glue.join(lines[i : i + size]) for i in range(0, len(lines), size))
    assert split_mode(text, lang) == "sentences"


@pytest.mark.parametrize(
    ("seed", "lang"), [("lvshunkou.txt", "en"), ("panzhou.txt", "zh"), ("panzhou.txt", "en")]
)
def test_seed_bulletins_are_prose(seed: str, lang: str) -> None:
    assert split_mode(_read(SEEDS / seed), lang) == "sentences"


def test_a_third_of_lines_holding_two_sentences_is_still_lines() -> None:
    lines = ["他说：“我……我去。”", "好。", "走吧。"]
    assert split_mode("\n".join(lines), "zh") == "lines"
    assert split_mode("\n".join([*lines[:2], "走吧。来。"]), "zh") == "sentences"
