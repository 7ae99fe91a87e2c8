"""Cleaning notices stay out of CI output (GitHub annotations, SARIF results) unless
asked for with ``--show-cleaning`` or ``show-cleaning = true``; the terminal report,
JSON and JSONL keep them, and the exit code never depends on one left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.cli import main

PANZHOU = str(Path(__file__).parent.parent / "seeds" / "panzhou.txt")

FIGURES = [
    "::notice file={p},line=5,col=153,endLine=5,endColumn=157,title=bitext (figure-unverifiable)"
    "::“2018” cannot be checked: the Chinese fragment lost its head, where its counterpart "
    "would be",
    "::error file={p},line=5,col=566,endLine=5,endColumn=586,title=bitext (figure-scale)"
    "::“3,877.5 million yuan” is 1,000 times “387.75 万元” (3,877,500); “3.8775 million yuan” "
    "is right",
    "::warning file={p},line=7,col=159,endLine=7,endColumn=162,title=bitext (figure-missing)"
    "::“选派 6 名教师”: 6 has no counterpart in the English",
    "::error file={p},line=11,col=154,endLine=11,endColumn=170,title=bitext (figure-scale)"
    "::“RMB5.628 million” is 10 times “56.28 万元” (562,800); “RMB562,800” is right",
]
"""panzhou's figure findings as annotations: 2 errors, 1 warning, 1 notice."""
CLEANING = [
    "::notice file={p},line=3,col=12,endLine=3,endColumn=13,title=bitext (clean-zh-punctuation)"
    "::half-width , ; : inside Chinese become full width (10 fixes; first: “合作机制,切实深化” → "
    "“合作机制，切实深化”)",
    "::notice file={p},line=3,col=374,endLine=3,endColumn=375,title=bitext "
    "(clean-en-punctuation)::spaces before English punctuation are removed (7 fixes; first: "
    "“vels , an” → “vels, an”)",
    "::notice file={p},line=5,col=60,endLine=5,endColumn=61,title=bitext (clean-cjk-spacing)"
    "::spaces around a number inside Chinese are removed (30 fixes; first: “,大连市 6 家市” → "
    "“,大连市6 家市”)",
]
"""panzhou's cleaning notices as annotations."""
FIGURE_RULES = ["figure-unverifiable", "figure-scale", "figure-missing", "figure-scale"]
CLEAN_RULES = ["clean-zh-punctuation", "clean-en-punctuation", "clean-cjk-spacing"]
SPACED = "培训 8 期。 Trained 8 sessions.\n"
"""Nothing wrong with the translation; one cleaning notice (clean-cjk-spacing)."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, [*args, "--jobs", "1"])
    return result.exit_code, result.stdout, result.stderr


def annotations(lines: list[str]) -> str:
    return "".join(line.format(p=PANZHOU) + "\n" for line in lines)


def sarif_rules(out: str) -> list[str]:
    return [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]]


def test_github_annotations_are_the_figure_findings_alone() -> None:
    code, out, err = run("check", "--isolated", "--format", "github", PANZHOU)
    assert (code, out, err) == (1, annotations(FIGURES), "")


def test_show_cleaning_brings_the_cleaning_notices_back() -> None:
    code, out, _ = run("check", "--isolated", "--format", "github", "--show-cleaning", PANZHOU)
    assert (code, out) == (1, annotations(FIGURES + CLEANING))


def test_sarif_results_leave_out_cleaning_but_the_driver_lists_its_rules() -> None:
    code, out, _ = run("check", "--isolated", "--format", "sarif", PANZHOU)
    assert (code, sarif_rules(out)) == (1, FIGURE_RULES)
    listed = [r["id"] for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]]
    assert set(CLEAN_RULES) <= set(listed)
    code, out, _ = run("check", "--isolated", "--format", "sarif", "--show-cleaning", PANZHOU)
    assert (code, sarif_rules(out)) == (1, FIGURE_RULES + CLEAN_RULES)


@pytest.mark.parametrize("flag", [(), ("--show-cleaning",)])
def test_json_and_jsonl_keep_the_cleaning_notices_and_the_terminal_counts_them(
    flag: tuple[str, ...],
) -> None:
    _, out, _ = run("check", "--isolated", "--format", "json", *flag, PANZHOU)
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == (
        FIGURE_RULES + CLEAN_RULES
    )
    _, out, _ = run("check", "--isolated", "--format", "jsonl", *flag, PANZHOU)
    assert [json.loads(line)["rule"] for line in out.splitlines()] == FIGURE_RULES + CLEAN_RULES
    _, out, _ = run("check", "--isolated", *flag, PANZHOU)
    assert out.endswith("2 errors, 1 warning, 4 info in 6 pairs (1 file)\n")
    listed = [rule for rule in CLEAN_RULES if f" info {rule} " in out]
    if flag:
        assert listed == CLEAN_RULES
    else:  # the terminal counts them in its summary and says how to list them
        assert listed == []
        assert "3 cleaning notices not listed (--show-cleaning lists them)\n" in out


@pytest.fixture
def spaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "spaced.txt").write_text(SPACED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_configuration_key_shows_cleaning(spaced: Path) -> None:
    assert run("check", "--format", "github", "spaced.txt")[:2] == (0, "")
    (spaced / "bitext.toml").write_text("show-cleaning = true\n", encoding="utf-8")
    code, out, _ = run("check", "--format", "github", "spaced.txt")
    assert (code, out) == (
        0,
        "::notice file=spaced.txt,line=1,col=3,endLine=1,endColumn=4,title=bitext "
        "(clean-cjk-spacing)::spaces around a number inside Chinese are removed (2 fixes; "
        "first: “培训 8 期。” → “培训8 期。”)\n",
    )
    assert sarif_rules(run("check", "--format", "sarif", "spaced.txt")[1]) == ["clean-cjk-spacing"]
    (spaced / "bitext.toml").write_text("show-cleaning = false\n", encoding="utf-8")
    assert run("check", "--format", "github", "spaced.txt")[:2] == (0, "")
    assert (
        run("check", "--format", "github", "--show-cleaning", "spaced.txt")[1].count(
            "clean-cjk-spacing"
        )
        == 1
    )


def test_a_bad_value_is_one_line_naming_the_key(spaced: Path) -> None:
    (spaced / "bitext.toml").write_text('show-cleaning = "yes"\n', encoding="utf-8")
    assert run("check", "--format", "github", "spaced.txt") == (
        2,
        "",
        "bitext: error: bitext.toml: show-cleaning: must be true or false (got 'yes')\n",
    )


def test_the_exit_code_never_depends_on_a_hidden_notice(spaced: Path) -> None:
    """A notice left out cannot fail the run, even with --fail-on warning; a cleaning rule
    raised to error gates the run, and so it is shown."""
    for fmt in ("github", "sarif"):
        assert run("check", "--format", fmt, "--fail-on", "warning", "spaced.txt")[0] == 0
    (spaced / "bitext.toml").write_text(
        '[severity]\nclean-cjk-spacing = "error"\n', encoding="utf-8"
    )
    code, out, _ = run("check", "--format", "github", "spaced.txt")
    assert (code, out.startswith("::error ")) == (1, True)
    code, out, _ = run("check", "--format", "sarif", "spaced.txt")
    assert (code, sarif_rules(out)) == (1, ["clean-cjk-spacing"])
