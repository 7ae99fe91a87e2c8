"""The conventions of the ecosystem's CLIs (issue 16, item 6): list options take commas as
ruff's do, a rule has one name in every command, ``bitext rules RULE`` explains one rule,
and every ``--help`` shows examples and exit codes without cutting a summary."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.check.rules import RULES
from bitext.clean import DEFAULT_RULES, resolve_rules
from bitext.clean import RULES as CLEAN_RULES
from bitext.cli import main
from bitext.cli.config import Overrides, load_settings

PANZHOU = "seeds/panzhou.txt"
WRAPPED_BEFORE, WRAPPED_AFTER = CLEAN_RULES["hard-wraps"].example


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rules_of(jsonl: str) -> list[str]:
    return [json.loads(line)["rule"] for line in jsonl.splitlines()]


# --- comma-separated lists ---------------------------------------------------------------


def test_check_disable_takes_a_comma_list_like_the_repeated_option() -> None:
    code, full, _ = run("check", PANZHOU, "--format", "jsonl", "--isolated")
    assert code == 1
    assert rules_of(full) == [
        "figure-unverifiable",
        "figure-scale",
        "figure-missing",
        "figure-scale",
        "clean-zh-punctuation",
        "clean-en-punctuation",
        "clean-cjk-spacing",
    ]
    repeated = run(
        "check", PANZHOU, "--format", "jsonl", "--isolated",
        "--disable", "figure-scale", "--disable", "figure-missing", "--disable", "clean-cjk-spacing",
    )  # fmt: skip
    commas = run(
        "check", PANZHOU, "--format", "jsonl", "--isolated",
        "--disable", "figure-scale,figure-missing", "--disable", ",clean-cjk-spacing,,",
    )  # fmt: skip
    assert commas == repeated
    code, out, err = commas
    assert (code, err) == (0, "")
    assert rules_of(out) == ["figure-unverifiable", "clean-zh-punctuation", "clean-en-punctuation"]


def test_an_unknown_rule_in_a_comma_list_is_one_line_with_the_closest_id() -> None:
    code, out, err = run("check", PANZHOU, "--isolated", "--disable", "figure-extra,figure-sclae")
    assert (code, out) == (2, "")
    assert (
        err
        == "bitext: error: --disable: unknown rule 'figure-sclae'; did you mean 'figure-scale'?\n"
    )


def test_include_and_exclude_take_comma_lists(tmp_path: Path) -> None:
    text = Path(PANZHOU).read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.md", "d.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    commas = run("check", str(tmp_path), "--isolated", "--format", "json",
                 "--include", "*.txt,*.md", "--exclude", "a.txt,,c.md")  # fmt: skip
    repeated = run("check", str(tmp_path), "--isolated", "--format", "json",
                   "--include", "*.txt", "--include", "*.md",
                   "--exclude", "a.txt", "--exclude", "c.md")  # fmt: skip
    assert commas == repeated
    files = [Path(f["path"]).name for f in json.loads(commas[1])["files"]]
    assert files == ["b.txt", "d.txt"]


def test_clean_enable_and_disable_take_comma_lists(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text("萬元 , 机制,切实\n\n" + WRAPPED_BEFORE, encoding="utf-8")
    code, out, err = run("clean", str(path), "--enable", "traditional,",
                         "--disable", "hard-wraps,zh-punctuation")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "万元 , 机制,切实\n\n" + WRAPPED_BEFORE
    assert run("clean", str(path), "--enable", "traditional",
               "--disable", "hard-wraps", "--disable", "zh-punctuation") == (0, out, "")  # fmt: skip


# --- one name a rule ---------------------------------------------------------------------


def test_clean_disable_takes_the_name_check_reports(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED_BEFORE, encoding="utf-8")
    assert run("clean", str(path)) == (0, WRAPPED_AFTER, "")
    bare = run("clean", str(path), "--disable", "hard-wraps")
    assert bare == (0, WRAPPED_BEFORE, "")
    assert run("clean", str(path), "--disable", "clean-hard-wraps") == bare
    assert resolve_rules(disable=["clean-repeats"]) == resolve_rules(disable=["repeats"])
    assert resolve_rules(enable=["clean-traditional"]) == (*DEFAULT_RULES, "traditional")


def test_clean_refuses_an_unknown_rule_in_either_form() -> None:
    code, out, err = run("clean", PANZHOU, "--disable", "clean-nope")
    assert (code, out) == (2, "")
    assert err == (
        "bitext: error: unknown cleaning rule 'clean-nope' (rules: "
        + ", ".join(CLEAN_RULES)
        + ")\n"
    )


@pytest.mark.parametrize(
    ("name", "hint"),
    [("hard-wrap", "'hard-wraps'"), ("clean-hardwrap", "'clean-hard-wraps'")],
)
def test_clean_names_the_closest_rule_for_a_typo(name: str, hint: str) -> None:
    code, out, err = run("clean", PANZHOU, "--disable", name)
    assert (code, out) == (2, "")
    assert err == f"bitext: error: unknown cleaning rule {name!r}; did you mean {hint}?\n"


def test_check_disable_points_a_cleaning_name_at_the_reported_one() -> None:
    code, out, err = run("check", PANZHOU, "--isolated", "--disable", "cjk-spacing")
    assert (code, out) == (2, "")
    assert err == (
        "bitext: error: --disable: unknown rule 'cjk-spacing'; cleaning rule cjk-spacing is "
        "reported as 'clean-cjk-spacing' (clean-disable stops the cleaning)\n"
    )


def test_configuration_files_take_the_same_names(tmp_path: Path) -> None:
    config = tmp_path / "bitext.toml"
    config.write_text('clean-disable = ["clean-hard-wraps", "repeats"]\n', encoding="utf-8")
    settings = load_settings(config_file=config)
    assert settings.check.clean_rules == resolve_rules(disable=["hard-wraps", "repeats"])
    assert "hard-wraps" not in settings.check.clean_rules
    config.write_text('disable = ["hard-wraps"]\n', encoding="utf-8")
    code, out, err = run("check", PANZHOU, "--config", str(config))
    assert (code, out) == (2, "")
    assert err == (
        f"bitext: error: {os.path.relpath(config)}: disable: unknown rule 'hard-wraps'; cleaning rule "
        "hard-wraps is reported as 'clean-hard-wraps' (clean-disable stops the cleaning)\n"
    )
    settings = load_settings(Overrides(disable=("clean-cjk-spacing",)), isolated=True)
    assert settings.check.disabled == {"clean-cjk-spacing"}


# --- bitext rules RULE -------------------------------------------------------------------

FIGURE_SCALE = """\
figure-scale (error): same digits, wrong power of ten (the 万/亿 trap)

The English has the Chinese figure's digits at the wrong power of ten, the usual
slip with 万 (10^4) and 亿 (10^8), which English counts in thousands and
millions. The suggestion gives the figure at the right scale.

example: 387.75 万元 → "3,877.5 million yuan": 1,000 times the Chinese;
"3.8775 million yuan" is right
"""
"""``bitext rules figure-scale`` at 80 columns."""


def test_rules_rule_explains_one_rule() -> None:
    assert run("rules", "figure-scale") == (0, FIGURE_SCALE, "")


def test_rules_rule_as_json_is_the_one_object_of_the_list() -> None:
    code, out, err = run("rules", "figure-weekday", "--format", "json")
    assert (code, err) == (0, "")
    listed = json.loads(run("rules", "--format", "json")[1])
    assert json.loads(out) == next(r for r in listed if r["id"] == "figure-weekday")
    assert json.loads(out)["severity"] == "warning"


def test_rules_takes_a_cleaning_rule_by_either_name() -> None:
    code, out, err = run("rules", "hard-wraps")
    assert (code, err) == (0, "")
    assert out == run("rules", "clean-hard-wraps")[1]
    assert out.splitlines()[:2] == [
        "clean-hard-wraps (info): the file needed cleaning: lines broken inside a",
        "sentence at a fixed width are joined",
    ]
    assert out.split("\n\n")[-1].startswith("example: “盘州市筹集扶贫资金457万元，用于帮\\n助")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("figure-sclae", "unknown rule 'figure-sclae'; did you mean 'figure-scale'?"),
        ("newlines", "unknown rule 'newlines' (see `bitext rules`)"),
    ],
)
def test_rules_refuses_an_unknown_rule_in_one_line(name: str, message: str) -> None:
    assert run("rules", name) == (2, "", f"bitext: error: {message}\n")


def test_every_rule_explains_itself_with_an_example() -> None:
    for rule in RULES:
        code, out, _ = run("rules", rule)
        assert code == 0, rule
        assert out.startswith(f"{rule} ("), rule
        assert "\nexample: " in out, rule


# --- --help ------------------------------------------------------------------------------


def test_top_level_help_gives_every_command_its_whole_summary() -> None:
    code, out, _ = run("--help")
    assert code == 0
    listed = out.split("Commands:\n", 1)[1].splitlines()
    assert listed == [
        "  align   Pair Chinese with English and export the pairs.",
        "  check   Check bulletins and translations, and report figure errors.",
        "  clean   Repair damaged text; input files change only with --in-place.",
        "  filter  Filter a parallel corpus by whether each pair's figures agree.",
        "  review  Step through a file's findings: fix, edit or accept each, then save.",
        "  rules   List the rules with their examples, or explain one.",
    ]
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        first = (command.help or "").split("\n\n", 1)[0]
        assert [name, " ".join(first.split())] in [line.split(maxsplit=1) for line in listed], name


@pytest.mark.parametrize(
    "command", [[], ["check"], ["clean"], ["rules"], ["align"], ["review"], ["filter"]]
)
def test_every_help_has_examples_and_exit_codes(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    examples = out.split("  Examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples and all(
        line.startswith("    bitext ") or "| bitext " in line for line in examples
    )
    codes = out.split("  Exit codes:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in codes] == (
        ["0", "2"] if command in (["rules"], ["align"], ["review"], ["filter"]) else ["0", "1", "2"]
    )


def test_check_help_shows_its_examples_unwrapped() -> None:
    out = run("check", "--help")[1]
    assert "\n    bitext check --pair report.zh.txt report.en.txt\n" in out
    assert "\n    0  no finding at or above --fail-on\n" in out
