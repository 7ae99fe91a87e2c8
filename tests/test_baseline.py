"""Baselines (--write-baseline, --baseline) and `bitext: ignore` comments in bulletins."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.check.pipeline import check_text
from bitext.check.suppress import read_suppressions
from bitext.cli import main
from bitext.model import InputError
from bitext.report.fingerprints import KEY, fingerprints

from .conftest import PANZHOU_FINDINGS, SEEDS, panzhou_text

NEW_PARAGRAPH = "\n大连市投入8万元。 Dalian invested 800,000 yuan.\n"
"""A paragraph with a new figure-scale error."""
PANZHOU_RULES = PANZHOU_FINDINGS
"""What seeds/panzhou.txt draws: (rule, pair)."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, [*args, "--jobs", "1"])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """reports/panzhou.txt, a copy of the seed, with tmp_path as the current directory."""
    (tmp_path / "reports").mkdir()
    shutil.copy(SEEDS / "panzhou.txt", tmp_path / "reports" / "panzhou.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "reports" / "panzhou.txt"


def rules_and_pairs(out: str) -> list[tuple[str, int | None]]:
    return [(f["rule"], f["pair"]) for f in map(json.loads, out.splitlines())]


# --- baseline -------------------------------------------------------------------------


def test_write_baseline_records_every_finding_and_exits_0(archive: Path) -> None:
    code, out, err = run("check", "reports", "--write-baseline", "bitext-baseline.json")
    assert (code, out) == (0, "")
    assert err == "bitext: note: wrote 7 findings in 1 file to bitext-baseline.json\n"
    data = json.loads(Path("bitext-baseline.json").read_text(encoding="utf-8"))
    assert list(data) == ["version", "tool", "fingerprints", "files"]
    assert (data["version"], data["fingerprints"]) == (1, KEY)
    entries = data["files"]["reports/panzhou.txt"]
    assert [e["rule"] for e in entries] == [rule for rule, _ in PANZHOU_RULES]
    assert entries[1] == {
        "fingerprint": entries[1]["fingerprint"],
        "rule": "figure-scale",
        "line": 5,
        "message": "“3,877.5 million yuan” is 1,000 times “387.75 万元” (3,877,500); "
        "“3.8775 million yuan” is right",
    }
    report = check_text(panzhou_text(), "reports/panzhou.txt")
    assert [e["fingerprint"] for e in entries] == fingerprints(report)  # SARIF's, too


def test_baseline_reports_only_the_new_finding(archive: Path) -> None:
    run("check", "reports", "--write-baseline", "bitext-baseline.json")
    code, out, err = run("check", "reports", "--baseline", "bitext-baseline.json")
    assert (code, err) == (0, "bitext: note: 7 findings in the baseline not shown\n")
    assert out.splitlines()[-1] == "0 errors, 0 warnings, 0 info in 6 pairs (1 file)"
    # A paragraph added on top moves every line; one with a new error is appended.
    edited = "New first paragraph.\n\n" + archive.read_text(encoding="utf-8") + NEW_PARAGRAPH
    archive.write_text(edited, encoding="utf-8")
    code, out, err = run(
        "check", "reports", "--baseline", "bitext-baseline.json", "--format", "jsonl"
    )
    assert (code, err) == (1, "bitext: note: 7 findings in the baseline not shown\n")
    assert rules_and_pairs(out) == [("figure-scale", 6)]
    assert json.loads(out)["en"]["text"] == "800,000 yuan"


def test_baseline_run_is_marked_in_the_signature(archive: Path) -> None:
    run("check", "reports", "--write-baseline", "base.json")
    digest = hashlib.sha256(Path("base.json").read_bytes()).hexdigest()[:12]
    out = run("check", "reports", "--baseline", "base.json", "--format", "json")[1]
    assert json.loads(out)["tool"]["signature"].endswith(f"|min-confidence:0.2|baseline:{digest}")


def test_baseline_matches_from_a_subdirectory(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("check", "reports", "--write-baseline", "base.json")
    monkeypatch.chdir(archive.parent)
    code, out, _ = run("check", ".", "--baseline", "../base.json", "--format", "jsonl")
    assert (code, out) == (0, "")


def test_baseline_exit_code_counts_only_what_is_left(archive: Path) -> None:
    run("check", "reports", "--write-baseline", "base.json", "--disable", "figure-missing")
    code, out, _ = run(
        "check", "reports", "--baseline", "base.json", "--format", "jsonl", "--fail-on", "warning"
    )
    assert (code, rules_and_pairs(out)) == (1, [("figure-missing", 4)])
    assert run("check", "reports", "--baseline", "base.json")[0] == 0  # a warning: no fail


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: cannot read baseline: No such file or directory"),
        ("[]", "base.json: not a bitext baseline (no files table)"),
        ("{", "base.json: not a bitext baseline (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
        ('{"version": 2, "files": {}}', "base.json: not a bitext baseline (version 2, expected 1)"),
        ('{"version": 1, "fingerprints": "bitext/v0", "files": {}}', "base.json: not a bitext baseline (fingerprints 'bitext/v0'; rewrite it with this bitext)"),
        ('{"version": 1, "fingerprints": "bitext/v1", "files": {"a": [{}]}}', "base.json: not a bitext baseline ('fingerprint')"),
    ],
)  # fmt: skip
def test_a_bad_baseline_is_one_line(archive: Path, content: str | None, message: str) -> None:
    if content is not None:
        Path("base.json").write_text(content, encoding="utf-8")
    assert run("check", "reports", "--baseline", "base.json") == (
        2,
        "",
        f"bitext: error: {message}\n",
    )


def test_write_baseline_does_not_go_with_a_report_or_a_baseline(archive: Path) -> None:
    message = (
        "bitext: error: --write-baseline writes no report; it goes without --baseline and -o\n"
    )
    assert run("check", "reports", "--write-baseline", "b.json", "-o", "r.txt") == (2, "", message)
    assert run("check", "reports", "--write-baseline", "b.json", "--baseline", "b.json")[0] == 2
    assert not Path("b.json").exists()


# --- bitext: ignore comments ------------------------------------------------------------


def with_lines(text: str, inserts: dict[int, str]) -> str:
    """``text`` with a line inserted before each 1-based line number of ``inserts``."""
    lines = text.split("\n")
    for number in sorted(inserts, reverse=True):
        lines.insert(number - 1, inserts[number])
    return "\n".join(lines)


def findings(text: str) -> list[tuple[str, int | None]]:
    return [(f.rule, f.pair) for f in check_text(text, "x.txt").findings]


def test_ignore_comments_suppress_in_the_next_paragraph_only() -> None:
    text = with_lines(
        panzhou_text(),
        {
            7: "<!-- bitext: ignore figure-missing, figure-scale -->",
            11: "bitext: ignore figure-scale -- RMB5.628 million is the published figure",
        },
    )
    assert findings(text) == [
        ("figure-unverifiable", 1),
        ("figure-scale", 2),  # line 5: before the first comment, not after it
        ("clean-zh-punctuation", None),
        ("clean-en-punctuation", None),
        ("clean-cjk-spacing", None),
    ]


def test_comment_lines_are_not_read_as_english() -> None:
    plain = check_text(panzhou_text())
    commented = check_text(with_lines(panzhou_text(), {5: "bitext: ignore figure-value", 3: ""}))
    assert [p.score for p in commented.pairs] == [p.score for p in plain.pairs]
    assert [len(p.en) for p in commented.pairs] == [len(p.en) for p in plain.pairs]


def test_bare_ignore_covers_every_rule_and_comments_stack_over_blank_lines() -> None:
    text = with_lines(panzhou_text(), {5: "bitext: ignore", 7: "bitext: ignore figure-missing"})
    text = with_lines(text, {7: "bitext: ignore figure-value"})  # stacked, then a blank line
    # clean-cjk-spacing goes too: its first fix, where it is reported, is on line 5.
    assert findings(text) == [
        ("figure-scale", 5),
        ("clean-zh-punctuation", None),
        ("clean-en-punctuation", None),
    ]


def test_ignore_file_with_and_without_rules() -> None:
    tail = "\n\nbitext: ignore-file\n"
    assert findings(panzhou_text() + tail) == []
    only = findings("bitext: ignore-file figure-scale clean-cjk-spacing\n" + panzhou_text())
    assert only == [
        ("figure-unverifiable", 1),
        ("figure-missing", 4),
        ("clean-zh-punctuation", None),
        ("clean-en-punctuation", None),
    ]


def test_comments_work_in_crlf_files() -> None:
    text = with_lines(panzhou_text(), {11: "bitext: ignore figure-scale"}).replace("\n", "\r\n")
    assert ("figure-scale", 5) not in findings(text)
    assert ("figure-scale", 2) in findings(text)


def test_an_unknown_rule_in_a_comment_stops_the_run(archive: Path) -> None:
    archive.write_text(
        with_lines(panzhou_text(), {11: "bitext: ignore figure-scael"}), encoding="utf-8"
    )
    code, out, err = run("check", "reports")
    assert (code, out) == (2, "")
    assert err == (
        "bitext: error: reports/panzhou.txt:11: unknown rule 'figure-scael' in a bitext: "
        "ignore comment\n"
    )


def test_text_that_merely_mentions_the_syntax_is_not_a_comment() -> None:
    text = "See bitext: ignore figure-scale.\nbitext: ignored\nbitext: ignore-files\n"
    assert read_suppressions(text, None, ["figure-scale"]).directives == ()
    with pytest.raises(InputError, match=r"<text>:1: unknown rule ':'"):
        read_suppressions("bitext: ignore: figure-scale", None, ["figure-scale"])
