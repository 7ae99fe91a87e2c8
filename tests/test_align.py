"""`bitext align`: two files aligned sentence by sentence, a bulletin's pairs, the exports.

The two-file fixture is a WMT21 story edited to hold a 1-2 bead, a 2-1 bead and a
figure error (``fixtures/align/README.md``); the bulletin is the Panzhou seed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from bitext.align.files import align_documents, split_sentences
from bitext.align.lexicon import load_lexicon
from bitext.align.parallel import align_parallel
from bitext.cli import main
from bitext.export.sources import units_from_alignment
from bitext.read.document import read_document

from .conftest import FIXTURES, SEEDS

ZH = FIXTURES / "align" / "nantes.zh.txt"
EN = FIXTURES / "align" / "nantes.en.txt"
TMX_DTD = FIXTURES / "export" / "tmx14.dtd"

NANTES_BEADS = (
    "[0]:[0]\n[1]:[1,2]\n[2]:[3]\n[3]:[4]\n[4]:[5]\n[5,6]:[6]\n[7]:[7]\n[8]:[8]\n"
    "[9]:[9]\n[10]:[10]\n[11]:[11]\n[12]:[12]\n[13]:[13]\n[14]:[14]\n[15]:[15]\n"
)


def _align(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["align", *args])
    return result.exit_code, result.stdout, result.stderr


def test_two_files_give_the_expected_beads() -> None:
    assert _align(str(ZH), str(EN), "--format", "beads") == (0, NANTES_BEADS, "")


def test_the_scale_error_travels_as_a_note_and_nothing_else_does() -> None:
    alignment = align_documents(read_document(ZH), read_document(EN))
    noted = [(u.zh_lines, u.en_lines, u.notes) for u in units_from_alignment(alignment) if u.notes]
    assert noted == [
        (
            (13,),
            (13,),
            (
                "figure-scale: “1.5 million euros” is 10 times “15万欧元” (150,000); "
                "“150,000 euros” is right",
            ),
        )
    ]


def test_figures_are_not_compared_across_a_pair_the_aligner_doubts(tmp_path: Path) -> None:
    # English line 10 ("Image shows rescue by firefighters…") swapped for an unrelated
    # sentence with a figure: the bead stays where it is, but its 85.3 billion is not
    # reported as extra, the bead is marked instead; the scale error is still found.
    lines = EN.read_text(encoding="utf-8").splitlines()
    lines[10] = "The stock exchange reported a turnover of 85.3 billion dollars on Tuesday."
    en = tmp_path / "swapped.en.txt"
    en.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = units_from_alignment(align_documents(read_document(ZH), read_document(en)))
    assert "".join(f"[{u.zh_lines[0]}]" for u in units if u.notes) == "[10][13]"
    doubted = units[9]
    assert doubted.en_lines == (10,)
    assert doubted.score < 0.45
    assert doubted.notes == (
        f"pair-uncertain: the aligner is unsure of this pair (confidence {doubted.score:.2f}); "
        "figures not compared",
    )
    assert min(u.score for u in units if u is not doubted) >= 0.45


def test_tsv_rows_hold_joined_sentences() -> None:
    code, out, _ = _align(str(ZH), str(EN))
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0
    assert rows[0] == ["id", "zh", "en", "score", "notes"]
    assert len(rows) == 1 + 15
    one_two = rows[2]
    assert one_two[1].startswith("中新网7月26日电")
    assert one_two[2].endswith(
        "was seriously damaged in a fire. The great organ was completely destroyed."
    )
    two_one = rows[6]
    assert (
        two_one[1]
        == "此人的律师则表示，纵火者现在很后悔做出这种事。"
        + (ZH.read_text(encoding="utf-8").splitlines()[6])
    )


def test_tmx_of_two_files_validates_and_skips_nothing_with_both_sides(tmp_path: Path) -> None:
    out = tmp_path / "nantes.tmx"
    assert _align(str(ZH), str(EN), "--format", "tmx", "-o", str(out))[0] == 0
    tree = etree.parse(str(out))
    assert etree.DTD(str(TMX_DTD)).validate(tree)
    assert len(tree.findall(".//tu")) == 15


def test_bulletin_pairs_are_exported_in_document_order() -> None:
    code, out, _ = _align(str(SEEDS / "panzhou.txt"), "--format", "json")
    document = json.loads(out)
    units = document["units"]
    assert code == 0
    assert [[u["zh_lines"], u["en_lines"]] for u in units if u["zh"]] == [
        [[0], [1, 2]],
        [[1], [4]],
        [[2], [5, 6]],  # "…establishment of archives There are 45 card poor students ."
        [[3], [8]],
        [[4], [9]],
        [[5], [17]],
    ]
    assert sum(1 for u in units if not u["zh"]) == 11  # English-only sentences, 0-1
    notes = [n.split(":")[0] for u in units for n in u["notes"]]
    assert notes == ["figure-scale", "figure-missing", "figure-scale"]


def test_bulletin_tmx_validates() -> None:
    code, out, _ = _align(str(SEEDS / "panzhou.txt"), "--format", "tmx")
    assert code == 0
    assert etree.DTD(str(TMX_DTD)).validate(etree.fromstring(out.encode("utf-8")))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a", "b", "c"], "give one mixed bulletin, or a Chinese file and its English file"),
        ([str(EN), str(ZH)], "nantes.en.txt: no Chinese text (is it the English file?)"),
        ([str(ZH), str(ZH)], "nantes.zh.txt: no English text (is it the Chinese file?)"),
    ],
)
def test_wrong_files_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = _align(*args)
    assert (code, out) == (2, "")
    assert err.startswith("bitext: error: ") and err.rstrip().endswith(message)
    assert err.count("\n") == 1


def test_split_modes() -> None:
    text = "First one. Second one.\nThird one.\n"
    sentences = split_sentences(text, "en", "auto")
    assert [text[s:e] for s, e in sentences] == ["First one.", "Second one.", "Third one."]
    assert len(split_sentences(text, "en", "lines")) == 2


def test_empty_side_gives_null_beads() -> None:
    beads = align_parallel(["一句。"], [], load_lexicon())
    assert [(b.zh, b.en) for b in beads] == [((0,), ())]
