"""A Chinese file checked against its English translation in another file.

fixtures/pairs/panzhou.zh.txt and panzhou.en.txt are the seed bulletin's six pairs, a
pair a line, split into two files: checked as a pair they must give exactly the
bulletin's figure findings, each located in its own file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import bitext
from bitext.cli import main
from bitext.read import pair_translations

from .conftest import ROOT

PAIRS = ROOT / "fixtures" / "pairs"
ZH, EN = PAIRS / "panzhou.zh.txt", PAIRS / "panzhou.en.txt"

PANZHOU_FINDINGS = [
    ("figure-unverifiable", "info", None, (2, 7, "2018")),
    ("figure-scale", "error", (3, 1, "387.75 万元"), (3, 12, "3,877.5 million yuan")),
    ("figure-missing", "warning", (5, 4, "6 名"), None),
    ("figure-scale", "error", (6, 1, "56.28 万元"), (6, 10, "RMB5.628 million")),
]
"""(rule, severity, Chinese figure, English figure) as (line, col, text) in its file."""


def _figures(report: dict) -> list[tuple]:
    def where(figure: dict | None) -> tuple | None:
        return figure and (figure["line"], figure["col"], figure["text"])

    return [
        (f["rule"], f["severity"], where(f["zh"]), where(f["en"]))
        for f in report["findings"]
        if f["rule"].startswith("figure-")
    ]


def _json(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json", "--isolated"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_a_pair_given_with_pair_reports_the_bulletins_findings_in_each_file() -> None:
    code, report, stderr = _json("--pair", str(ZH), str(EN))
    assert (code, stderr) == (1, "")
    [file] = report["files"]
    assert (file["path"], file["source"]["path"]) == (str(EN), str(ZH))
    assert _figures(file) == PANZHOU_FINDINGS
    assert file["summary"] == {"pairs": 5, "errors": 2, "warnings": 1, "info": 4}


def test_files_named_as_a_pair_are_paired_on_their_own(tmp_path: Path) -> None:
    for name in ("panzhou.zh.txt", "panzhou.en.txt"):
        shutil.copy(PAIRS / name, tmp_path / name)
    code, report, _ = _json(str(tmp_path))
    assert code == 1
    [file] = report["files"]
    assert file["source"]["path"].endswith("panzhou.zh.txt")
    assert _figures(file) == PANZHOU_FINDINGS


def test_the_naming_habits_of_translation_pairs() -> None:
    files = [Path(p) for p in ("a_zh.docx", "a_en.docx", "zh/b.txt", "en/b.txt", "c.txt")]
    assert pair_translations(files) == [
        (Path("a_zh.docx"), Path("a_en.docx")),
        (Path("zh/b.txt"), Path("en/b.txt")),
        Path("c.txt"),
    ]
    # An English file without its Chinese, or a Chinese one without its English, stays alone.
    assert pair_translations([Path("x.en.txt"), Path("y.zh.txt")]) == [
        Path("x.en.txt"),
        Path("y.zh.txt"),
    ]


def test_sarif_points_at_the_english_file_with_the_chinese_figure_related() -> None:
    result = CliRunner().invoke(
        main, ["check", "--pair", str(ZH), str(EN), "--format", "sarif", "--isolated"]
    )
    run = json.loads(result.stdout)["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        f"{EN.as_uri()}",
        f"{ZH.as_uri()}",
    ]
    scale = next(r for r in run["results"] if r["ruleId"] == "figure-scale")
    location = scale["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["index"] == 0
    assert (location["region"]["startLine"], location["region"]["snippet"]["text"]) == (
        3,
        "3,877.5 million yuan",
    )
    related = scale["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["index"] == 1
    assert (related["region"]["startLine"], related["region"]["snippet"]["text"]) == (
        3,
        "387.75 万元",
    )
    missing = next(r for r in run["results"] if r["ruleId"] == "figure-missing")
    assert missing["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1


def test_github_annotations_name_the_file_each_finding_is_in() -> None:
    result = CliRunner().invoke(
        main, ["check", "--pair", str(ZH), str(EN), "--format", "github", "--isolated"]
    )
    lines = [line for line in result.stdout.splitlines() if "figure-" in line]
    assert [line.split(",title")[0] for line in lines] == [
        f"::notice file={EN},line=2,col=7,endLine=2,endColumn=11",
        f"::error file={EN},line=3,col=12,endLine=3,endColumn=32",
        f"::warning file={ZH},line=5,col=4,endLine=5,endColumn=7",
        f"::error file={EN},line=6,col=10,endLine=6,endColumn=26",
    ]


def test_a_baseline_of_a_pair_accepts_its_findings(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    args = ["check", "--pair", str(ZH), str(EN), "--isolated"]
    assert CliRunner().invoke(main, [*args, "--write-baseline", str(baseline)]).exit_code == 0
    result = CliRunner().invoke(main, [*args, "--baseline", str(baseline), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["files"][0]["findings"] == []


def test_two_files_checked_as_bulletins_get_the_pair_command(tmp_path: Path) -> None:
    zh, en = tmp_path / "bulletin.txt", tmp_path / "translation.txt"
    shutil.copy(ZH, zh)
    shutil.copy(EN, en)
    result = CliRunner().invoke(main, ["check", str(zh), str(en), "--isolated"])
    assert result.stderr == (
        f"bitext: warning: {zh} holds only Chinese and {en} only English; if one translates "
        f"the other, check them as a pair: bitext check --pair {zh} {en}\n"
    )
    # Named as a pair, the same files need no hint: they are checked as one.
    result = CliRunner().invoke(main, ["check", str(ZH), str(EN), "--isolated"])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.endswith("2 errors, 1 warning, 4 info in 5 pairs (1 file)\n")


def test_a_pair_the_wrong_way_round_is_refused_with_the_reason() -> None:
    result = CliRunner().invoke(main, ["check", "--pair", str(EN), str(ZH), "--isolated"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"bitext: error: {EN}: no Chinese text to check (are they the wrong way round?)\n"
    )


def test_check_wants_files_or_a_pair() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "give the files to check, or --pair ZH EN" in result.stderr


def test_the_library_checks_a_pair_of_documents() -> None:
    report = bitext.check_translation(bitext.read_document(ZH), bitext.read_document(EN))
    assert (report.source.path, report.document.path) == (str(ZH), str(EN))
    assert [(f.rule, f.zh and f.zh.text) for f in report.findings if f.zh] == [
        ("figure-scale", "387.75 万元"),
        ("figure-missing", "6 名"),
        ("figure-scale", "56.28 万元"),
    ]
