"""A pair has one number in every command and format (issue 16, item 1): ``bitext check``'s
terminal report and its JSON, and ``bitext align``'s TSV and JSON, number the pairs from
0 alike, so a finding is on the same pair wherever it is read. English left alone in a
bulletin is numbered after the last pair."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bitext.align.files import Alignment
from bitext.align.parallel import Bead
from bitext.cli import main
from bitext.export.sources import units_from_alignment
from bitext.model import Document

from .conftest import ROOT

PANZHOU = "seeds/panzhou.txt"
ZH, EN = "fixtures/pairs/panzhou.zh.txt", "fixtures/pairs/panzhou.en.txt"


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def bitext(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def terminal_pairs(out: str) -> dict[str, int]:
    """Each finding line of the plain report (``path:line:col: …``) → the number of the
    pair it is printed under."""
    pairs, pair = {}, None
    for line in out.splitlines():
        if line.startswith("-- pair "):
            pair = int(line.split()[2])
        elif line == "":
            pair = None
        elif ": " in line and line.split(":")[0].endswith(".txt"):
            pairs[line.split(" ", 3)[3]] = pair
    return pairs


def json_findings(out: str) -> list[dict]:
    return [f for file in json.loads(out)["files"] for f in file["findings"]]


@pytest.mark.parametrize("args", [[PANZHOU], ["--pair", ZH, EN]])
def test_a_finding_has_the_same_pair_number_in_check_and_align(args: list[str]) -> None:
    findings = json_findings(bitext("check", "--format", "json", *args))
    shown = terminal_pairs(bitext("check", "--show-cleaning", *args))
    align_args = args[1:] if args[0] == "--pair" else args
    rows = [row.split("\t") for row in bitext("align", *align_args).splitlines()[1:]]
    tsv = {int(row[0]): row[4] for row in rows}
    units = {
        u["id"]: u["notes"]
        for u in json.loads(bitext("align", "--format", "json", *align_args))["units"]
    }
    compared = 0
    for finding in findings:
        assert shown[finding["message"]] == finding["pair"], finding
        if finding["severity"] == "info":
            continue  # align notes are the warnings and errors
        note = f"{finding['rule']}: {finding['message']}"
        assert note in units[finding["pair"]], finding
        assert note in tsv[finding["pair"]].split(" | "), finding
        compared += 1
    assert compared == 3  # two figure-scale errors and the figure-missing warning


def test_the_seed_numbers_its_pairs_from_0_and_english_alone_after_them() -> None:
    rows = [row.split("\t") for row in bitext("align", PANZHOU).splitlines()[1:]]
    ids = [int(row[0]) for row in rows]
    assert sorted(ids) == list(range(17))  # 6 pairs, 11 English-only sentences
    paired = [int(row[0]) for row in rows if row[1]]
    alone = [int(row[0]) for row in rows if not row[1]]
    assert paired == [0, 1, 2, 3, 4, 5]
    assert alone == list(range(6, 17))  # in document order, after the last pair
    assert ids[:3] == [6, 0, 7]  # the rows stay in document order: the title first
    pairs = json.loads(bitext("check", "--format", "json", PANZHOU))["files"][0]["pairs"]
    assert [p["id"] for p in pairs] == paired
    zh_texts = {int(row[0]): row[1] for row in rows if row[1]}
    assert all(zh_texts[p["id"]].startswith(p["zh"]["text"][:10]) for p in pairs)


def test_two_files_number_their_beads_from_0_as_check_pair_does() -> None:
    beads = [row.split("\t")[0] for row in bitext("align", ZH, EN).splitlines()[1:]]
    pairs = json.loads(bitext("check", "--format", "json", "--pair", ZH, EN))["files"][0]["pairs"]
    assert beads == [str(p["id"]) for p in pairs] == ["0", "1", "2", "3", "4"]


def test_english_left_alone_in_two_files_is_numbered_after_the_pairs() -> None:
    """A bead of English alone is no pair in ``check --pair``: the export numbers it
    after the last pair, so the beads with Chinese keep check's numbers."""
    zh = Document("a.zh.txt", "投入资金 387.75 万元。\n培训 8 期。\n", "utf-8")
    en = Document("a.en.txt", "Invested 3,877.5 million yuan.\nA note.\nEight sessions.\n", "utf-8")
    beads = [Bead((0,), (0,), 2.0), Bead((), (1,), 0.0), Bead((1,), (2,), 2.0)]
    alignment = Alignment(zh, en, [(0, 15), (16, 24)], [(0, 30), (31, 38), (39, 54)], beads)
    units = units_from_alignment(alignment, with_notes=False)
    assert [(u.id, u.en) for u in units] == [
        (0, "Invested 3,877.5 million yuan."),
        (2, "A note."),
        (1, "Eight sessions."),
    ]
