"""``bitext check --fix`` on bilingual files (XLIFF, PO, TSV, CSV) and Word documents:
the correction lands in the English of the unit or paragraph, escaped as the format
wants, and everything else in the file stays as it was."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.check import check_file
from bitext.cli import main
from bitext.fix import plan
from bitext.fix.plan import _written
from bitext.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fix"
SCALE_1 = ("3,877.5 million yuan", "3.8775 million yuan")
SCALE_2 = ("RMB5.628 million", "RMB562,800")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rules(path: Path) -> list[tuple[str, str]]:
    _, out, _ = run("check", str(path), "--format", "json", "--fail-on", "never")
    return [(f["rule"], f["message"]) for f in json.loads(out)["files"][0]["findings"]]


# --- XLIFF and PO ---------------------------------------------------------------------


def test_xliff_fix_writes_the_target_and_leaves_a_fuzzy_unit(tmp_path: Path) -> None:
    pytest.importorskip("translate.storage")
    from translate.storage import xliff

    path = tmp_path / "units.xlf"
    shutil.copy(FIXTURES / "units.xlf", path)
    original = path.read_bytes()
    before = rules(path)
    code, _, err = run("check", "--fix", str(path), "--format", "json")
    assert err.splitlines() == [
        f"{path}: fixed 1 finding",
        f"{path}:11:73: figure-extra: not fixed: nothing certain to write: the Chinese has no "
        "such figure",
        f"{path}:15:59: figure-scale: not fixed: the unit is fuzzy: a translator has not "
        "finished it",
        "Found 3 findings (1 fixed, 2 remaining).",
    ]
    assert code == 1  # the fuzzy unit's scale error remains
    assert path.read_bytes() == original.replace(SCALE_1[0].encode(), SCALE_1[1].encode())
    assert b"&amp; grants" in path.read_bytes() and b"&lt;in 2019&gt;" in path.read_bytes()
    targets = [str(u.target) for u in xliff.xlifffile.parsestring(path.read_bytes()).units]
    assert (
        targets[0]
        == "A total of 3.8775 million yuan of social assistance funds & grants was invested."
    )
    assert rules(path) == before[1:]


def test_po_fix_writes_the_msgstr_and_keeps_its_lines(tmp_path: Path) -> None:
    pytest.importorskip("translate.storage")
    from translate.storage import pypo

    path = tmp_path / "units.po"
    shutil.copy(FIXTURES / "units.po", path)
    original = path.read_bytes()
    code, out, err = run("check", "--diff", str(path))
    assert code == 1 and err == ""
    assert out.splitlines()[6:8] == [
        '-"A total of 3,877.5 million yuan of \\"social assistance\\" funds "',
        '+"A total of 3.8775 million yuan of \\"social assistance\\" funds "',
    ]
    code, _, err = run("check", "--fix", str(path), "--format", "json")
    assert code == 0
    assert err.splitlines() == [
        f"{path}: fixed 1 finding",
        "Found 1 finding (1 fixed, 0 remaining).",
    ]
    assert path.read_bytes() == original.replace(SCALE_1[0].encode(), SCALE_1[1].encode())
    units = [u for u in pypo.pofile.parsestring(path.read_bytes()).units if not u.isheader()]
    assert str(units[0].target) == (
        'A total of 3.8775 million yuan of "social assistance" funds was invested.'
    )
    assert rules(path) == []


def test_corrections_are_escaped_for_the_format() -> None:
    xml = Document("a.xlf", "", "utf-8")
    po = Document("a.po", "", "utf-8")
    assert _written(xml, 0, 0, "R&D <1,000>") == "R&amp;D &lt;1,000&gt;"
    assert _written(po, 0, 0, 'a "b" \\c') == 'a \\"b\\" \\\\c'


def test_a_figure_with_an_entity_inside_is_not_fixed(tmp_path: Path) -> None:
    pytest.importorskip("translate.storage")
    path = tmp_path / "entity.xlf"
    text = (FIXTURES / "units.xlf").read_text(encoding="utf-8")
    path.write_text(text.replace("3,877.5 million", "3,877.5&#160;million"), encoding="utf-8")
    fixes = plan(check_file(str(path)))
    assert fixes.edits == ()
    assert next(n.reason for n in fixes.not_fixed if n.finding.rule == "figure-scale") == (
        "the figure is not written in the file as read (markup inside)"
    )


# --- TSV and CSV --------------------------------------------------------------------

ROWS = [
    ("共投入社会帮扶资金 387.75 万元。", "A total of 3,877.5 million yuan was invested."),
    ("投入大连帮扶资金 56.28 万元。", "Invested RMB5.628 million in assistance funds."),
]


def test_tsv_fix_writes_both_rows(tmp_path: Path) -> None:
    path = tmp_path / "units.tsv"
    original = "".join(f"{zh}\t{en}\r\n" for zh, en in ROWS)
    path.write_bytes(original.encode())
    assert run("check", "--fix", str(path), "--format", "json")[0] == 0
    assert path.read_bytes() == original.replace(*SCALE_1).replace(*SCALE_2).encode()


def test_csv_fix_leaves_a_correction_with_a_comma_in_an_unquoted_cell(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    original = f'source,target\n{ROWS[0][0]},"{ROWS[0][1]}"\n{ROWS[1][0]},{ROWS[1][1]}\n'
    path.write_text(original, encoding="utf-8")
    code, _, err = run("check", "--fix", str(path), "--format", "json")
    assert code == 1
    assert err.splitlines()[1] == (
        f"{path}:3:29: figure-scale: not fixed: the correction would split its cell "
        "(a comma unquoted)"
    )
    assert path.read_text(encoding="utf-8") == original.replace(*SCALE_1)


# --- Word documents -------------------------------------------------------------------


def _bulletin(path: Path) -> None:
    """A Word bulletin: a header and a table of Chinese and English cells; the
    first English figure is split over a bold run and a plain one."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.sections[0].header.paragraphs[
        0
    ].text = "投入大连帮扶资金 56.28 万元。 Invested RMB5.628 million in Dalian's assistance funds."
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "共投入社会帮扶资金 387.75 万元。"
    paragraph = table.cell(0, 1).paragraphs[0]
    paragraph.add_run("A total of ")
    paragraph.add_run("3,877.5 mil").bold = True
    paragraph.add_run("lion yuan of social assistance funds was invested.")
    table.cell(1, 0).text = "投入大连帮扶资金 56.28 万元。"
    table.cell(1, 1).text = "Invested RMB5.628 million in Dalian's assistance funds."
    document.save(str(path))


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_docx_fix_rewrites_the_runs_and_nothing_else(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    path = tmp_path / "bulletin.docx"
    _bulletin(path)
    original = path.read_bytes()
    text = check_file(str(path)).document.text
    code, out, err = run("check", "--diff", str(path))
    assert code == 1 and err == ""
    assert [line for line in out.splitlines() if line[:1] in "+-"][2:] == [
        "-A total of 3,877.5 million yuan of social assistance funds was invested.",
        "+A total of 3.8775 million yuan of social assistance funds was invested.",
        "-Invested RMB5.628 million in Dalian's assistance funds.",
        "+Invested RMB562,800 in Dalian's assistance funds.",
    ]
    code, _, err = run("check", "--fix", str(path), "--format", "json")
    assert err.splitlines() == [
        f"{path}: fixed 2 findings",
        f"{path}:1:29 (header): figure-scale: not fixed: only the body of a Word document is "
        "rewritten, not its headers",
        "Found 4 findings (2 fixed, 2 remaining).",
    ]
    assert code == 1  # the header's error remains
    old, new = _members(original), _members(path.read_bytes())
    assert list(old) == list(new)
    assert [name for name in old if old[name] != new[name]] == ["word/document.xml"]
    head, _, tail = text.replace(*SCALE_1).rpartition(SCALE_2[0])  # the table's, not the header's
    assert check_file(str(path)).document.text == head + SCALE_2[1] + tail
    cells = docx.Document(str(path)).tables[0].rows[0].cells
    assert [(r.text, r.bold) for r in cells[1].paragraphs[0].runs] == [
        ("A total of ", None),
        ("3.8775 million yuan", True),
        (" of social assistance funds was invested.", None),
    ]
    assert [rule for rule, _ in rules(path)].count("figure-scale") == 1  # the header's


def test_docx_diff_writes_nothing(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    path = tmp_path / "bulletin.docx"
    _bulletin(path)
    original = path.read_bytes()
    run("check", "--diff", str(path))
    assert path.read_bytes() == original
