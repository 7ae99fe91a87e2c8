"""Bilingual CAT and MT files (XLIFF, TMX, PO, TSV/CSV) read as the pairs they hold.

The files are written by translate-toolkit's own storage classes from the seed's six
pairs (fixtures/pairs/panzhou.zh.txt and .en.txt, a pair a line) and two WMT21 lines
whose figure errors are labelled in benchmarks/mt_eval/labels.jsonl (wmt21-346 and
wmt21-801). Checked unit by unit, they must give exactly the seed's figure findings and
the two labelled errors, each at its unit and at its figure's line and column in the
file.
"""

from __future__ import annotations

import csv as csv_module
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from translate.storage import po, tmx, xliff, xliff2

from bitext.cli import main

from .conftest import ROOT

PAIRS = ROOT / "fixtures" / "pairs"
ZH = (PAIRS / "panzhou.zh.txt").read_text(encoding="utf-8").splitlines()
EN = (PAIRS / "panzhou.en.txt").read_text(encoding="utf-8").splitlines()
WMT = [
    (  # wmt21-346 HappyNewYear: 1.92万公顷 is 19,200 hectares, not 19.2 million
        "自2009年以来，宁夏相关部门已累计投入湿地保护工程项目资金约34.5亿元人民币，目前，"
        "银川湿地面积为1.92万公顷，湿地保护率达78.5%，有自然湖泊、沼泽湿地近200个，"
        "拥有5处国家湿地公园、1处国家城市湿地公园、6处自治区级湿地公园、8处市级公园。",
        "Since 2009, the relevant departments in Ningxia have invested a total of about RMB "
        "3.45 billion in wetland protection projects. At present, the area of Yinchuan "
        "wetlands is 19.2 million hectares, with a wetland protection rate of 78.5 per cent. "
        "There are nearly 200 natural lakes and swamp wetlands, with five national wetland "
        "parks, one national urban wetland park, six autonomous region-level wetland parks "
        "and eight municipal parks.",
    ),
    (  # wmt21-801 Machine_Translation: 4,178,027 cases lose a digit
        "数据显示，美国是全球疫情最严重的国家，累计确诊病例4178027例，累计死亡146460例。",
        "Data shows that the United States is the most seriously affected country in the "
        "world, with a total of 417,027 confirmed cases and 146,460 deaths.",
    ),
]
UNITS = [(f"p{i}", zh, en) for i, (zh, en) in enumerate(zip(ZH, EN, strict=True), 1)] + [
    (f"w{i}", zh, en) for i, (zh, en) in enumerate(WMT, 1)
]

EXPECTED = [
    # (unit index, rule, severity, Chinese figure, English figure)
    (1, "figure-unverifiable", "info", None, "2018"),
    (2, "figure-scale", "error", "387.75 万元", "3,877.5 million yuan"),
    (4, "figure-missing", "warning", "6 名", None),
    (5, "figure-scale", "error", "56.28 万元", "RMB5.628 million"),
    (6, "figure-scale", "error", "1.92万公顷", "19.2 million hectares"),
    (7, "figure-value", "error", "4178027例", "417,027"),
]
"""The seed's figure findings (as tests/test_translation_pairs.py PANZHOU_FINDINGS) and
the two WMT lines' labelled errors."""


def _xliff(path: Path, units: list[tuple[str, str, str]] = UNITS) -> Path:
    store = xliff.xlifffile(sourcelanguage="zh", targetlanguage="en")
    for ident, zh, en in units:
        unit = store.addsourceunit(zh)
        unit.setid(ident)
        if en:
            unit.target = en
            unit.xmlelement.find(unit.namespaced("target")).set("state", "translated")
    path.write_bytes(bytes(store))
    return path


def _xliff2(path: Path, units: list[tuple[str, str, str]] = UNITS) -> Path:
    store = xliff2.Xliff2File(sourcelanguage="zh", targetlanguage="en")
    for ident, zh, en in units:
        unit = store.addsourceunit(zh)
        unit.setid(ident)
        unit.target = en
    path.write_bytes(bytes(store))
    return path


def _po(path: Path, units: list[tuple[str, str, str]] = UNITS) -> Path:
    store = po.pofile()
    for ident, zh, en in units:
        unit = store.addsourceunit(zh)
        unit.target = en
        unit.setcontext(ident)
    path.write_bytes(bytes(store))
    return path


def _tmx(path: Path, units: list[tuple[str, str, str]] = UNITS) -> Path:
    store = tmx.tmxfile(sourcelanguage="zh", targetlanguage="en")
    for ident, zh, en in units:
        store.addtranslation(zh, "zh", en, "en")
        store.units[-1].xmlelement.set("tuid", ident)
    path.write_bytes(bytes(store))
    return path


def _check(path: Path) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--isolated"])
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, report, result.stderr


def _findings(file: dict) -> list[tuple]:
    units = {pair["id"]: pair["unit"] for pair in file["pairs"]}
    return [
        (
            units[f["pair"]],
            f["rule"],
            f["severity"],
            f["zh"] and f["zh"]["text"],
            f["en"] and f["en"]["text"].replace('"\n"', ""),
        )
        for f in file["findings"]
        if f["rule"].startswith("figure-")
    ]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _expected_at(raw: str, unit: str, target_marker: str, figure: str) -> tuple[int, int]:
    """Line and column of ``figure``'s first word in the target of ``unit``: the unit's
    id, then its target's opening, then the word, searched in that order in the file."""
    start = raw.index(target_marker, raw.index(unit))
    return _line_col(raw, raw.index(figure.split()[0], start))


@pytest.mark.parametrize(
    ("write", "name", "marker"),
    [
        (_xliff, "units.xlf", "<target"),
        (_xliff2, "units2.xlf", "<target"),
        (_po, "units.po", "msgstr"),
        (_tmx, "units.tmx", '<tuv xml:lang="en"'),
    ],
)
def test_every_format_reports_the_seeds_findings_at_their_unit_and_target(
    tmp_path: Path, write, name: str, marker: str
) -> None:
    path = write(tmp_path / name)
    raw = path.read_text(encoding="utf-8")
    code, report, _ = _check(path)
    assert code == 1
    [file] = report["files"]
    assert [pair["unit"] for pair in file["pairs"]] == [u for u, _, _ in UNITS]
    assert _findings(file) == [(UNITS[i][0], *rest) for i, *rest in EXPECTED]
    assert file["notes"] == []
    for finding in file["findings"]:
        if finding["en"]:
            unit = UNITS[finding["pair"]][0]
            first = finding["en"]["text"].split()[0]
            at = _expected_at(raw, unit, marker, first)
            assert (finding["en"]["line"], finding["en"]["col"]) == at
            assert raw[finding["en"]["start"] :].startswith(first)
            assert finding["message"].startswith(f"unit {unit}: ")
    # Each pair is its unit's text: the Chinese side in the source, not the target.
    for pair in file["pairs"]:
        assert raw[pair["zh"]["start"] :].startswith(UNITS[pair["id"]][1][:4])


def test_markup_and_entities_stay_out_of_the_pairs(tmp_path: Path) -> None:
    path = tmp_path / "inline.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="a" source-language="zh" target-language="en" datatype="plaintext">'
        "<body>\n"
        '<trans-unit id="t1">\n'
        '<source>投入<g id="1">387.75 万元</g><x id="2"/>&amp;培训 8 期。</source>\n'
        '<target state="translated">Invested &amp; <g id="1">3,877.5 million yuan</g>'
        '<x id="2"/>, 8 sessions.</target>\n'
        "</trans-unit>\n</body></file></xliff>\n",
        encoding="utf-8",
    )
    code, report, _ = _check(path)
    assert code == 1
    [file] = report["files"]
    [finding] = [f for f in file["findings"] if f["rule"].startswith("figure-")]
    assert (finding["rule"], finding["zh"]["text"], finding["en"]["text"]) == (
        "figure-scale",
        "387.75 万元",
        "3,877.5 million yuan",
    )
    # <target state="translated"> is 27 characters, "Invested &amp; " 15, <g id="1"> 10
    assert (finding["en"]["line"], finding["en"]["col"]) == (6, 53)
    assert "<" not in finding["message"] and "&amp;" not in finding["message"]


def test_fuzzy_obsolete_and_untranslated_units(tmp_path: Path) -> None:
    """A fuzzy entry is checked and says so; an obsolete one is not a unit; one without a
    translation is reported untranslated."""
    store = po.pofile()
    fuzzy = store.addsourceunit(ZH[2])
    fuzzy.target = EN[2]
    fuzzy.setcontext("p3")
    fuzzy.markfuzzy(True)
    empty = store.addsourceunit(ZH[4])
    empty.setcontext("p5")
    old = store.addsourceunit(ZH[5])
    old.target = EN[5]
    old.setcontext("p6")
    old.makeobsolete()
    path = tmp_path / "states.po"
    path.write_bytes(bytes(store))
    assert "#~ msgstr" in path.read_text(encoding="utf-8")
    code, report, _ = _check(path)
    assert code == 1
    [file] = report["files"]
    assert [pair["unit"] for pair in file["pairs"]] == ["p3", "p5"]
    assert [(f["rule"], f["message"].split(":")[0]) for f in file["findings"]] == [
        ("figure-scale", "unit p3 (fuzzy)"),
        ("untranslated", "unit p5"),
    ]


def test_an_xliff_needs_review_state_is_fuzzy_and_translate_no_is_skipped(tmp_path: Path) -> None:
    path = _xliff(tmp_path / "states.xlf", UNITS[2:3] + UNITS[5:6])
    text = path.read_text(encoding="utf-8")
    text = text.replace('state="translated"', 'state="needs-review-translation"', 1)
    text = text.replace(
        '<trans-unit xml:space="preserve" id="p6"', '<trans-unit translate="no" id="p6"'
    )
    path.write_text(text, encoding="utf-8")
    _, report, _ = _check(path)
    [file] = report["files"]
    assert [f["message"].split(":")[0] for f in file["findings"]] == ["unit p3 (fuzzy)"]


def test_a_tsv_and_a_csv_are_a_unit_a_row(tmp_path: Path) -> None:
    tsv = tmp_path / "units.tsv"
    tsv.write_text("zh\ten\n" + "".join(f"{z}\t{e}\n" for _, z, e in UNITS), encoding="utf-8")
    _, report, _ = _check(tsv)
    [file] = report["files"]
    rows = [str(n) for n in range(2, len(UNITS) + 2)]
    assert _findings(file) == [(rows[i], *rest) for i, *rest in EXPECTED]
    lines = tsv.read_text(encoding="utf-8").splitlines()
    for finding in file["findings"]:
        if finding["en"]:
            line = int(file["pairs"][finding["pair"]]["unit"])
            target = lines[line - 1].index("\t") + 1
            col = lines[line - 1].index(finding["en"]["text"], target) + 1
            assert (finding["en"]["line"], finding["en"]["col"]) == (line, col)
    csv = tmp_path / "units.csv"
    with csv.open("w", encoding="utf-8", newline="") as out:
        writer = csv_module.writer(out, lineterminator="\n")
        writer.writerows([("id", "zh", "en"), *UNITS])
    _, report, _ = _check(csv)
    [file] = report["files"]
    assert _findings(file) == [(UNITS[i][0], *rest) for i, *rest in EXPECTED]


def test_a_directory_picks_up_xliff_tmx_and_po(tmp_path: Path) -> None:
    _xliff(tmp_path / "a.xlf", UNITS[2:3])
    _po(tmp_path / "b.po", UNITS[2:3])
    _tmx(tmp_path / "c.tmx", UNITS[2:3])
    code, report, _ = _check(tmp_path)
    assert code == 1
    assert [Path(f["path"]).name for f in report["files"]] == ["a.xlf", "b.po", "c.tmx"]
    assert all(f["summary"]["errors"] == 1 for f in report["files"])


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bad.xlf", "<xliff version='1.2'><file><body><trans-unit>", "not a valid XLIFF file"),
        ("bad.tmx", "<tmx version='1.4'><body><tu>", "not a valid TMX file"),
        ("bad.po", 'msgid "a\nmsgstr "b"\n', "not a valid PO file"),
    ],
)
def test_a_malformed_file_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--isolated"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"bitext: error: {path}: {reason}")


def test_a_text_check_does_not_import_translate_toolkit(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("培训 8 期。 Trained 18 sessions.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from bitext.check import check_paths\n"
        f"check_paths([{str(text)!r}])\n"
        "assert not any(m.startswith('translate') for m in sys.modules), 'imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_omegat_writes_a_tmx_and_a_po_that_report_the_seeds_findings(tmp_path: Path) -> None:
    """OmegaT fills a PO file from a memory of the seed's pairs and exports its project
    memory as TMX 1.1 (``lang`` rather than ``xml:lang``, units in its own order)."""
    omegat = shutil.which("omegat")
    if omegat is None:
        pytest.skip("OmegaT is not installed (Debian package omegat)")
    from .test_export import OMEGAT_PROJECT

    root = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (root / folder).mkdir(parents=True)
    (root / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    memory = tmx.tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
    source = po.pofile()
    for zh, en in zip(ZH, EN, strict=True):
        memory.addtranslation(zh, "zh-CN", en, "en-US")
        source.addsourceunit(zh)
    (root / "tm" / "auto" / "seed.tmx").write_bytes(bytes(memory))
    (root / "source" / "seed.po").write_bytes(bytes(source))
    command = [
        omegat, str(root), "--mode=console-translate", f"--config-dir={tmp_path / 'config'}",
        "--disable-project-locking", "--no-team", "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    seed = sorted(tuple(rest) for _, *rest in EXPECTED[:4])
    for path in (root / "project-omegat.tmx", root / "target" / "seed.po"):
        raw = path.read_text(encoding="utf-8")
        code, report, _ = _check(path)
        assert code == 1
        [file] = report["files"]
        assert sorted(finding[1:] for finding in _findings(file)) == seed
        assert file["notes"] == []
        for finding in file["findings"]:
            if finding["en"]:
                start = finding["en"]["start"]
                assert raw[start:].startswith(finding["en"]["text"])
                assert (finding["en"]["line"], finding["en"]["col"]) == _line_col(raw, start)


def test_a_file_without_units_is_checked_and_clean(tmp_path: Path) -> None:
    path = _xliff(tmp_path / "empty.xlf", [])
    code, report, _ = _check(path)
    assert code == 0
    assert report["files"][0]["pairs"] == []


def test_without_translate_toolkit_the_extra_is_named_in_one_line(tmp_path: Path) -> None:
    path = _xliff(tmp_path / "units.xlf", UNITS[:1])
    code = (
        "import sys\n"
        "sys.modules['translate'] = None  # as if it were not installed\n"
        "from bitext.cli import main\n"
        f"main(['check', {str(path)!r}, '--isolated'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr == (
        f"bitext: error: {path}: reading XLIFF, TMX or PO files needs translate-toolkit: "
        "pip install 'bitext[cat]'\n"
    )
