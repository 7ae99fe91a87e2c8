"""The export formats: exact golden files, and what other tools make of them.

``UNITS`` is a small hand-made alignment that covers what a writer must get right: a
1-1 pair with a figure note, a 1-2 pair, a 1-0 bead (Chinese left untranslated), a 0-1
bead (English with no Chinese), and text with ``<``, ``&``, both quotes, a backslash,
a tab, a line feed and a form feed (a control character XML cannot hold). Its output
in every format is in ``fixtures/export/units.FORMAT``; after an intended change,
regenerate them with::

    .venv/bin/python -c "import tests.test_export as t; t.write_golden_files()"

and read the diff. Then the TMX is checked against the TMX 1.4 DTD, the XLIFF against
the XLIFF 1.2 strict schema (when a copy is installed), both are read back with
translate-toolkit, the beads with the MAC scorer, and the TMX is loaded into OmegaT.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx as tt_tmx
from translate.storage import xliff as tt_xliff

from bitext.export import FORMATS, ExportInfo, Unit, export
from bitext.model import BitextError

from .conftest import FIXTURES, SHARED

GOLDEN = FIXTURES / "export"
TMX_DTD = GOLDEN / "tmx14.dtd"

INFO = ExportInfo(
    source_zh="panzhou.zh.txt",
    source_en="panzhou.en.txt",
    tool_version="0.1.0",
    signature="bitext:0.1.0|clean:newlines+invisible+spaces|align:mixed-dp|min-confidence:0.2",
)

SCALE_NOTE = (
    "figure-scale: “3,877.5 million yuan” is 1,000 times “387.75 万元”; "
    "“3.8775 million yuan” is right"
)

UNITS = (  # numbered as `bitext align` numbers them: pairs from 0, then English alone
    Unit(
        0,
        "共投入社会救助资金387.75万元。",
        "A total of 3,877.5 million yuan of social assistance funds were invested.",
        (0,),
        (0,),
        0.973,
        (SCALE_NOTE,),
    ),
    Unit(
        1,
        "开发专岗公益岗位457个，慰问贫困残疾人10人。",
        "457 specialized public welfare posts were developed. "
        "10 poor disabled people were visited.",
        (1,),
        (1, 2),
        0.881,
    ),
    Unit(2, "（盘州市残联供稿）", "", (2,), (), 0.64),
    Unit(4, "", "Photo: Panzhou Disabled Persons' Federation", (), (3,), 0.55),
    Unit(
        3,
        "“残疾人证”办理&审核\t共12人\n（含补办\x0c<2>次）。",
        'The "disability card" <batch 2> processing & review\\audit:\tfor 21 people\n'
        "(the federation's\x0c reissues).",
        (3, 4),
        (4,),
        0.5,
        (
            "figure-value: “21 people” is not “12人”; “12 people” is right",
            "figure-extra: “batch 2” has no Chinese source",
        ),
    ),
)

BOTH_SIDES = [u for u in UNITS if u.zh and u.en]
WITH_CHINESE = [u for u in UNITS if u.zh]


def golden_path(fmt: str) -> Path:
    return GOLDEN / f"units.{fmt}"


def write_golden_files() -> None:
    """Rewrite every golden file from ``UNITS`` (run by hand, then review the diff)."""
    for fmt in FORMATS:
        golden_path(fmt).write_text(export(UNITS, fmt, INFO), encoding="utf-8", newline="")


def xml_clean(text: str) -> str:
    """What the XML formats keep of the sample text: the form feed is dropped."""
    return text.replace("\x0c", "")


# -- golden files and the registry ------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_is_the_golden_file(fmt: str) -> None:
    expected = golden_path(fmt).read_bytes().decode("utf-8")
    assert export(UNITS, fmt, INFO) == expected


def test_the_registry_names_the_five_formats() -> None:
    assert list(FORMATS) == ["beads", "tsv", "json", "tmx", "xliff"]


def test_an_unknown_format_is_a_one_line_error() -> None:
    with pytest.raises(BitextError, match=r"unknown export format 'csv' \(use one of: beads, "):
        export(UNITS, "csv", INFO)


def test_every_format_writes_a_document_for_no_units() -> None:
    assert export([], "beads", INFO) == ""
    assert export([], "tsv", INFO) == "id\tzh\ten\tscore\tnotes\n"
    assert json.loads(export([], "json", INFO))["units"] == []
    assert tmx_dtd().validate(parse(export([], "tmx", INFO)))
    assert parse(export([], "xliff", INFO)).getroot().tag == f"{{{XLIFF_NS}}}xliff"


# -- beads, TSV, JSON --------------------------------------------------------------------


def test_beads_are_what_the_mac_scorer_reads(tmp_path: Path) -> None:
    script = SHARED / "bench" / "mac_score.py"
    if not script.is_file():
        pytest.skip("shared/bench/mac_score.py is not beside the repository")
    spec = importlib.util.spec_from_file_location("mac_score", script)
    assert spec and spec.loader
    mac_score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mac_score)
    path = tmp_path / "001.txt"
    path.write_text(export(UNITS, "beads", INFO), encoding="utf-8")
    beads = mac_score.read_alignments(str(path))
    assert beads == [(u.zh_lines, u.en_lines) for u in UNITS]
    assert mac_score.score([(beads, beads)])["f1_strict"] == 1.0


def test_tsv_keeps_one_bead_a_line_and_unescapes_to_the_text() -> None:
    header, *rows = export(UNITS, "tsv", INFO).split("\n")[:-1]
    assert header.split("\t") == ["id", "zh", "en", "score", "notes"]
    fields = [row.split("\t") for row in rows]
    assert [len(f) for f in fields] == [5] * len(UNITS)
    assert [(unescape(zh), unescape(en)) for _, zh, en, _, _ in fields] == [
        (xml_clean(u.zh), xml_clean(u.en)) for u in UNITS
    ]
    assert fields[4][4].split(" | ") == list(UNITS[4].notes)


def unescape(field: str) -> str:
    """The reverse of the TSV escapes, as a script reading the file would write it."""
    escapes = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    out, i = [], 0
    while i < len(field):
        pair = field[i : i + 2]
        out.append(escapes.get(pair, field[i]))
        i += 2 if pair in escapes else 1
    return "".join(out)


def test_json_is_lossless() -> None:
    data = json.loads(export(UNITS, "json", INFO))
    assert (data["version"], data["tool"]["name"], data["source"]) == (
        1,
        "bitext",
        {"zh": "panzhou.zh.txt", "en": "panzhou.en.txt"},
    )
    units = tuple(
        Unit(
            u["id"], u["zh"], u["en"], tuple(u["zh_lines"]), tuple(u["en_lines"]), u["score"],
            tuple(u["notes"]),
        )
        for u in data["units"]
    )  # fmt: skip
    assert units == UNITS


# -- TMX -----------------------------------------------------------------------------------


def parse(document: str) -> etree._ElementTree:
    """Parse as a CAT tool would, but never reaching for the DTD or the network."""
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    return etree.ElementTree(etree.fromstring(document.encode("utf-8"), parser))


def tmx_dtd() -> etree.DTD:
    return etree.DTD(str(TMX_DTD))


def test_tmx_validates_against_the_tmx14_dtd() -> None:
    dtd = tmx_dtd()
    assert dtd.validate(parse(export(UNITS, "tmx", INFO))), dtd.error_log.filter_from_errors()


OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


def test_the_fixture_dtd_is_the_published_one() -> None:
    """Below its provenance comment, fixtures/export/tmx14.dtd is the DTD OmegaT ships."""
    if not OMEGAT_JAR.is_file():
        pytest.skip("OmegaT is not installed (Debian package omegat)")
    with zipfile.ZipFile(OMEGAT_JAR) as jar:
        published = jar.read("schemas/tmx14.dtd")
    ours = TMX_DTD.read_bytes()
    assert ours.endswith(published)
    assert ours[: -len(published)].decode("ascii").count("<!--") == 1


def test_translate_toolkit_reads_every_tmx_unit() -> None:
    store = tt_tmx.tmxfile.parsestring(export(UNITS, "tmx", INFO).encode("utf-8"))
    assert [(u.source, u.target) for u in store.units] == [
        (xml_clean(u.zh), xml_clean(u.en)) for u in BOTH_SIDES
    ]
    assert [u.getnotes() for u in store.units] == ["\n".join(u.notes) for u in BOTH_SIDES]


def test_tmx_units_carry_their_id_and_score() -> None:
    root = parse(export(UNITS, "tmx", INFO)).getroot()
    assert [
        (tu.get("tuid"), tu.findtext("prop[@type='x-bitext-score']")) for tu in root.iter("tu")
    ] == [("0", "0.973"), ("1", "0.881"), ("3", "0.500")]
    header = root.find("header")
    assert header is not None
    assert header.findtext("prop[@type='x-bitext-signature']") == INFO.signature


# -- XLIFF ---------------------------------------------------------------------------------

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_SCHEMAS = Path("/usr/share/php/Symfony/Component/Translation/Resources/schemas")
"""Debian's php-symfony-translation ships the OASIS XLIFF 1.2 strict schema and xml.xsd."""


class _LocalXmlXsd(etree.Resolver):
    """The schema imports xml.xsd from the W3C's site; read the copy beside it instead."""

    def resolve(self, url: str, pubid: str, context: object) -> object:
        if url.endswith("/xml.xsd"):
            return self.resolve_filename(str(XLIFF_SCHEMAS / "xml.xsd"), context)
        return None


def xliff_schema() -> etree.XMLSchema:
    strict = XLIFF_SCHEMAS / "xliff-core-1.2-strict.xsd"
    if not strict.is_file():
        pytest.skip(
            "the XLIFF 1.2 strict schema is not installed "
            "(Debian package php-symfony-translation ships it; no PyPI package does)"
        )
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(strict), parser))


@pytest.mark.parametrize("units", [UNITS, ()], ids=["units", "empty"])
def test_xliff_validates_against_the_xliff12_strict_schema(units: tuple[Unit, ...]) -> None:
    schema = xliff_schema()
    assert schema.validate(parse(export(units, "xliff", INFO))), schema.error_log


def test_translate_toolkit_reads_every_xliff_unit() -> None:
    store = tt_xliff.xlifffile.parsestring(export(UNITS, "xliff", INFO).encode("utf-8"))
    assert [(u.source, u.target or "") for u in store.units] == [
        (xml_clean(u.zh), xml_clean(u.en)) for u in WITH_CHINESE
    ]
    assert [u.getnotes("bitext") for u in store.units] == ["\n".join(u.notes) for u in WITH_CHINESE]
    assert store.getsourcelanguage() == "zh-CN"
    assert store.gettargetlanguage() == "en-US"


def test_xliff_states_send_the_translator_to_the_figures() -> None:
    root = parse(export(UNITS, "xliff", INFO)).getroot()
    ns = {"x": XLIFF_NS}
    states = {
        tu.get("id"): [t.get("state") for t in tu.findall("x:target", ns)]
        for tu in root.iterfind(".//x:trans-unit", ns)
    }
    assert states == {
        "0": ["needs-review-translation"],
        "1": ["translated"],
        "2": [],  # untranslated: no target at all
        "3": ["needs-review-translation"],
    }


# -- OmegaT --------------------------------------------------------------------------------

OMEGAT_PROJECT = """\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>zh-CN</source_lang>
    <target_lang>en-US</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
  </project>
</omegat>
"""
"""A project that keeps each paragraph of the source as one segment (no sentence rules)."""

OMEGAT_UNITS = (
    *UNITS[:4],
    Unit(
        6,
        "“残疾人证”<第2批>办理&审核共12人。",
        'The "disability card" <batch 2> & review: 12 people.',
        (3,),
        (4,),
        0.9,
    ),
)
"""One-line beads (a plain-text segment is a paragraph), escapes included."""


def omegat_project(root: Path, tmx: str, chinese: list[str]) -> Path:
    """A minimal OmegaT project: bitext's TMX in tm/auto, the Chinese as one paragraph each.

    OmegaT 3.6 fills a segment from an exact match only for memories in ``tm/auto``
    (those in ``tm/`` are only shown as matches), and it knows a project by its
    ``omegat.project`` file and ``omegat/`` folder.
    """
    for folder in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (root / folder).mkdir(parents=True)
    (root / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    (root / "tm" / "auto" / "bitext.tmx").write_text(tmx, encoding="utf-8")
    (root / "source" / "bulletin.txt").write_text("\n\n".join(chinese) + "\n", encoding="utf-8")
    return root


def test_omegat_fills_the_translation_from_the_tmx(tmp_path: Path) -> None:
    omegat = shutil.which("omegat")
    if omegat is None:
        pytest.skip("OmegaT is not installed (Debian package omegat)")
    tmx = export(OMEGAT_UNITS, "tmx", INFO)
    segments = [seg.text or "" for seg in parse(tmx).iterfind("body/tu/tuv[1]/seg")]
    untranslated = [u.zh for u in OMEGAT_UNITS if u.zh and not u.en]
    project = omegat_project(tmp_path / "project", tmx, segments + untranslated)
    command = [
        omegat, str(project), "--mode=console-translate", f"--config-dir={tmp_path / 'config'}",
        "--disable-project-locking", "--no-team", "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    translated = (project / "target" / "bulletin.txt").read_text(encoding="utf-8")
    english = [u.en for u in OMEGAT_UNITS if u.zh and u.en]
    assert translated == "\n\n".join(english + untranslated) + "\n"
