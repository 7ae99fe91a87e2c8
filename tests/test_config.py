"""Configuration files: where they are found, what each key does, precedence, bad files."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.check import CheckConfig, check_text, signature
from bitext.cli import main
from bitext.cli.config import Overrides, find_config, load_settings
from bitext.figures import extract
from bitext.figures.compare import relate
from bitext.model import Severity

SCALE = "投入56.28万元。 Invested RMB5.628 million.\n"
"""figure-scale (error) and nothing else."""
MISSING = "选派6名教师。 Teachers were sent.\n"
"""figure-missing (warning) and nothing else."""
SPACED = "培训 8 期。 Trained 18 sessions.\n"
"""figure-value (error) and clean-cjk-spacing (info)."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, [*args, "--jobs", "1"])
    return result.exit_code, result.stdout, result.stderr


def rules(out: str) -> list[tuple[str, str]]:
    """(rule, severity) of every finding in a jsonl report."""
    return [(f["rule"], f["severity"]) for f in map(json.loads, out.splitlines())]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory with three one-pair bulletins, as the current directory."""
    for name, text in (("scale.txt", SCALE), ("missing.txt", MISSING), ("spaced.txt", SPACED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- finding the file ---------------------------------------------------------------


def test_the_nearest_file_wins_and_bitext_toml_before_pyproject(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "bitext.toml").write_text("", encoding="utf-8")
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(deep) == tmp_path / "bitext.toml"  # pyproject without the table: passed
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.bitext]\n", encoding="utf-8")
    assert find_config(deep) == tmp_path / "a" / "pyproject.toml"
    (tmp_path / "a" / "bitext.toml").write_text("", encoding="utf-8")
    assert find_config(deep) == tmp_path / "a" / "bitext.toml"


def test_defaults_without_any_file(project: Path) -> None:
    settings = load_settings()
    assert settings.source is None
    assert (settings.fail_on, settings.check) == ("error", CheckConfig())
    text = ("*.txt", "*.md")
    cat = ("*.xlf", "*.xliff", "*.tmx", "*.po")  # CAT and MT files (bitext.read.cat)
    pages = ("*.docx", "*.html", "*.htm")
    assert settings.include == (*text, *cat, *pages) and settings.exclude == ()


# --- each key -----------------------------------------------------------------------


def test_fail_on_from_the_file_and_the_command_line_over_it(project: Path) -> None:
    assert run("check", "missing.txt")[0] == 0
    (project / "bitext.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert run("check", "missing.txt")[0] == 1
    assert run("check", "missing.txt", "--fail-on", "error")[0] == 0
    assert run("check", "missing.txt", "--isolated")[0] == 0


def test_disable_from_the_file_and_the_command_line_add_up(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.bitext]\ndisable = ["clean-cjk-spacing"]\n', encoding="utf-8"
    )
    code, out, _ = run("check", "spaced.txt", "--format", "jsonl")
    assert (code, rules(out)) == (1, [("figure-value", "error")])
    code, out, _ = run("check", "spaced.txt", "--format", "jsonl", "--disable", "figure-value")
    assert (code, out) == (0, "")
    code, out, _ = run("check", "spaced.txt", "--format", "jsonl", "--isolated")
    assert rules(out) == [("figure-value", "error"), ("clean-cjk-spacing", "info")]


def test_severity_overrides_change_the_exit_code_and_every_format(project: Path) -> None:
    (project / "bitext.toml").write_text(
        '[severity]\nfigure-scale = "warning"\nfigure-missing = "error"\n', encoding="utf-8"
    )
    code, out, _ = run("check", "scale.txt", "missing.txt", "--format", "jsonl")
    assert code == 1  # the missing figure is an error now
    assert rules(out) == [("figure-scale", "warning"), ("figure-missing", "error")]
    code, out, _ = run("check", "scale.txt", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["files"][0]["summary"] == {"pairs": 1, "errors": 0, "warnings": 1, "info": 0}
    assert data["tool"]["signature"].endswith("|severity:figure-missing=error+figure-scale=warning")


def test_tolerance_lets_close_amounts_agree(project: Path) -> None:
    (project / "close.txt").write_text(
        "投入3877.5万元。 Invested 38.76 million yuan.\n", encoding="utf-8"
    )
    code, out, _ = run("check", "close.txt", "--format", "jsonl")
    assert (code, rules(out)) == (1, [("figure-value", "error")])
    (project / "bitext.toml").write_text("tolerance = 0.001\n", encoding="utf-8")
    assert run("check", "close.txt", "--format", "jsonl")[:2] == (0, "")
    code, out, _ = run("check", "close.txt", "--format", "jsonl", "--tolerance", "0.0001")
    assert (code, rules(out)) == (1, [("figure-value", "error")])


def test_tolerance_is_for_amounts_not_years_and_is_in_the_signature() -> None:
    config = CheckConfig(tolerance=Decimal("0.01"))
    zh, en = extract("2018年", "zh")[0], extract("in 2019", "en")[0]
    assert relate(zh, en, Decimal("0.01")).name == "value"  # type: ignore[union-attr]
    report = check_text("2018年投入100万元。 In 2019 it invested 1.005 million yuan.", None, config)
    assert [f.rule for f in report.findings] == ["figure-value"]
    assert signature(config).endswith("|tolerance:0.01")
    assert "tolerance" not in signature(CheckConfig())


def test_cleaning_rules_from_the_file(project: Path) -> None:
    (project / "bitext.toml").write_text(
        'clean-disable = ["cjk-spacing"]\nclean-enable = ["traditional"]\n', encoding="utf-8"
    )
    settings = load_settings()
    assert "cjk-spacing" not in settings.check.clean_rules
    assert settings.check.clean_rules[-1] == "traditional"
    out = run("check", "spaced.txt", "--format", "json")[1]
    data = json.loads(out)
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["figure-value"]
    assert "+cjk-spacing+" not in data["tool"]["signature"]
    assert "+traditional|" in data["tool"]["signature"]


def test_include_and_exclude_in_the_file_are_relative_to_the_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("reports/a.txt", "reports/old/b.txt", "reports/c.text"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(SCALE, encoding="utf-8")
    (project / "bitext.toml").write_text(
        'include = ["*.txt", "*.text"]\nexclude = ["reports/old"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(project / "reports")
    code, out, _ = run("check", ".", "--format", "jsonl")
    assert (code, [json.loads(line)["path"] for line in out.splitlines()]) == (
        1,
        ["a.txt", "c.text"],
    )
    code, out, _ = run("check", ".", "--format", "jsonl", "--include", "*.txt")
    assert [json.loads(line)["path"] for line in out.splitlines()] == ["a.txt"]


def test_an_explicit_config_file_and_isolated(project: Path) -> None:
    (project / "strict.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (project / "bitext.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert run("check", "missing.txt")[0] == 0
    assert run("check", "missing.txt", "--config", "strict.toml")[0] == 1
    assert load_settings(Overrides(), "strict.toml").source == Path("strict.toml")


# --- bad files: one line naming the file and the key, exit code 2 ------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bitext.toml", 'fial-on = "warning"', "bitext.toml: unknown key fial-on; did you mean 'fail-on'?"),
        ("bitext.toml", 'fail-on = "fatal"', "bitext.toml: fail-on: must be one of error, warning, never (got 'fatal')"),
        ("bitext.toml", 'disable = "figure-extra"', "bitext.toml: disable: must be a list of strings (got 'figure-extra')"),
        ("pyproject.toml", '[tool.bitext]\ndisable = ["figure-sclae"]', "pyproject.toml: tool.bitext.disable: unknown rule 'figure-sclae'; did you mean 'figure-scale'?"),
        ("bitext.toml", '[severity]\nfigure-scale = "fatal"', "bitext.toml: severity: figure-scale: must be one of error, warning, info (got 'fatal')"),
        ("bitext.toml", "tolerance = 1.5", "bitext.toml: tolerance: must be at least 0 and less than 1, a fraction (got 1.5)"),
        ("bitext.toml", 'tolerance = "1%"', "bitext.toml: tolerance: must be a number (got '1%')"),
        ("bitext.toml", 'clean-enable = ["tradition"]', "bitext.toml: clean-enable: unknown cleaning rule 'tradition'; did you mean 'traditional'?"),
        ("bitext.toml", "fail-on = warning", "bitext.toml: invalid TOML: Invalid value (at line 1, column 11)"),
        ("pyproject.toml", "[tool.bitext]\njobs = 4", "pyproject.toml: unknown key tool.bitext.jobs (keys: fail-on, disable, severity, tolerance, clean-enable, clean-disable, include, exclude, show-cleaning)"),
    ],
)  # fmt: skip
def test_bad_configuration_is_one_line_naming_file_and_key(
    project: Path, name: str, content: str, message: str
) -> None:
    (project / name).write_text(content + "\n", encoding="utf-8")
    assert run("check", "scale.txt") == (2, "", f"bitext: error: {message}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--config", "none.toml"), "none.toml: cannot read: No such file or directory"),
        (("--config", "pyproject.toml"), "pyproject.toml: no [tool.bitext] table"),
        (("--config", "bitext.toml", "--isolated"), "--config and --isolated do not go together"),
        (("--disable", "figure-scal"), "--disable: unknown rule 'figure-scal'; did you mean 'figure-scale'?"),
        (("--tolerance", "2"), "--tolerance: must be at least 0 and less than 1, a fraction (got 2.0)"),
    ],
)  # fmt: skip
def test_bad_options_are_one_line(project: Path, args: tuple[str, ...], message: str) -> None:
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert run("check", "scale.txt", *args) == (2, "", f"bitext: error: {message}\n")


def test_a_bad_file_is_ignored_with_isolated(project: Path) -> None:
    (project / "bitext.toml").write_text("nonsense = 1\n", encoding="utf-8")
    assert run("check", "scale.txt", "--isolated")[0] == 1


def test_severity_values_are_kept_sorted_for_a_stable_signature(project: Path) -> None:
    (project / "bitext.toml").write_text(
        '[severity]\nuntranslated = "info"\nfigure-extra = "error"\n', encoding="utf-8"
    )
    assert load_settings().check.severity == (
        ("figure-extra", Severity.ERROR),
        ("untranslated", Severity.INFO),
    )
