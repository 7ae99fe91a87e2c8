"""``bitext check --fix`` and ``--diff`` (bitext.fix): only certain corrections are
written, into the English figure's span only, and a second check finds none of them."""

from __future__ import annotations

import codecs
import json
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.check import check_file, check_pair
from bitext.cli import main
from bitext.fix import Edit, NotFixed, fix_for, fixed_bytes, fixed_text, plan, save, unified_diff
from bitext.fix.plan import TWO_CORRECTIONS
from bitext.model import Document, Figure, FileReport, Finding, InputError, Kind, Severity

from .conftest import SEEDS, SHARED

SCALE_1 = ("3,877.5 million yuan", "3.8775 million yuan")
SCALE_2 = ("RMB5.628 million", "RMB562,800")


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def findings(path: Path | str) -> list[tuple[str, str]]:
    """(rule, message) of each finding of a check of ``path``, as JSON gives them."""
    _, out, _ = run("check", str(path), "--format", "json", "--fail-on", "never")
    return [(f["rule"], f["message"]) for f in json.loads(out)["files"][0]["findings"]]


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(SEEDS / "panzhou.txt", tmp_path / "panzhou.txt")
    monkeypatch.chdir(tmp_path)
    return Path("panzhou.txt")


# --- the seed ----------------------------------------------------------------------


def test_diff_on_the_seed_shows_the_two_scale_fixes_and_exits_1(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    assert SCALE_1[0] in lines[4] and SCALE_2[0] in lines[10]
    expected = (
        "--- panzhou.txt\t(original)\n+++ panzhou.txt\t(fixed)\n@@ -2,11 +2,11 @@\n"
        + "".join(" " + line for line in lines[1:4])
        + "-"
        + lines[4]
        + "+"
        + lines[4].replace(*SCALE_1)
        + "".join(" " + line for line in lines[5:10])
        + "-"
        + lines[10]
        + "+"
        + lines[10].replace(*SCALE_2)
        + " "
        + lines[11]
    )
    assert len(lines) == 12
    before = seed.read_bytes()
    code, out, err = run("check", "--diff", str(seed))
    assert (code, out, err) == (1, expected, "")
    assert seed.read_bytes() == before  # --diff writes nothing


def test_fix_on_the_seed_writes_the_two_fixes_and_the_rerun_has_only_the_rest(
    seed: Path,
) -> None:
    original = seed.read_bytes()
    before = findings(seed)
    code, out, err = run("check", "--fix", str(seed), "--format", "json")
    assert code == 0  # what remains is a warning and notes: below --fail-on error
    assert err.splitlines() == [
        "panzhou.txt: fixed 2 findings",
        "panzhou.txt:7:159: figure-missing: not fixed: nothing to replace: the English lacks "
        "the figure",
        "Found 7 findings (2 fixed, 5 remaining).",
    ]
    remaining = json.loads(out)["files"][0]["findings"]
    fixed = [f for f in before if f[0] == "figure-scale"]
    assert len(fixed) == 2
    assert [(f["rule"], f["message"]) for f in remaining] == [f for f in before if f not in fixed]
    assert findings(seed) == [f for f in before if f not in fixed]
    new = seed.read_bytes()
    assert new == original.replace(SCALE_1[0].encode(), SCALE_1[1].encode(), 1).replace(
        SCALE_2[0].encode(), SCALE_2[1].encode(), 1
    )
    assert original.count(SCALE_1[0].encode()) == original.count(SCALE_2[0].encode()) == 1


def test_bytes_outside_the_fixed_spans_are_the_file_s_own(seed: Path) -> None:
    original = seed.read_bytes()
    report = check_file(str(seed))
    fixes = plan(report)
    assert [(e.new, report.document.text[e.start : e.end]) for e in fixes.edits] == [
        SCALE_1[::-1],
        SCALE_2[::-1],
    ]
    save(fixes.document, fixes.edits)
    _assert_same_outside(original, seed.read_bytes(), report.document.text, fixes.edits)


def test_a_second_fix_changes_nothing_and_diff_then_exits_0(seed: Path) -> None:
    run("check", "--fix", str(seed))
    fixed = seed.read_bytes()
    stat = seed.stat()
    code, _, err = run("check", "--fix", str(seed), "--format", "json")
    assert seed.read_bytes() == fixed and seed.stat().st_mtime_ns == stat.st_mtime_ns
    assert err.splitlines()[-1] == "Found 5 findings (0 fixed, 5 remaining)."
    assert code == 0
    assert run("check", "--diff", str(seed)) == (0, "", "")


def test_fix_and_diff_together_is_diff(seed: Path) -> None:
    before = seed.read_bytes()
    code, out, _ = run("check", "--fix", "--diff", str(seed))
    assert code == 1 and out.startswith("--- panzhou.txt\t(original)\n")
    assert seed.read_bytes() == before


def test_diff_goes_to_output_when_asked(seed: Path) -> None:
    _, shown, _ = run("check", "--diff", str(seed))
    before = seed.read_bytes()
    assert run("check", "--diff", str(seed), "-o", "fix.diff") == (1, "", "")
    assert Path("fix.diff").read_text(encoding="utf-8") == shown
    assert seed.read_bytes() == before


def test_fix_writes_the_remaining_report_to_output(seed: Path) -> None:
    code, out, _ = run("check", "--fix", str(seed), "--format", "json", "-o", "left.json")
    assert (code, out) == (0, "")
    left = json.loads(Path("left.json").read_text(encoding="utf-8"))
    assert Counter(f["rule"] for f in left["files"][0]["findings"]) == Counter(
        {"figure-unverifiable": 1, "figure-missing": 1, "clean-zh-punctuation": 1,
         "clean-en-punctuation": 1, "clean-cjk-spacing": 1}
    )  # fmt: skip


def test_fix_exits_1_when_an_error_remains(tmp_path: Path) -> None:
    path = tmp_path / "swap.txt"
    path.write_text("培训 1234 人,完成 82 项。 Trained 1,284 people and did 28 projects.\n")
    code, _, err = run("check", "--fix", str(path), "--format", "json")
    assert code == 1
    assert err.splitlines()[0] == f"{path}: fixed 1 finding"
    assert err.splitlines()[1] == (
        f"{path}:1:49: figure-value: not fixed: no single correction: the value differs in "
        "more than one digit"
    )
    assert path.read_text() == (
        "培训 1234 人,完成 82 项。 Trained 1,234 people and did 28 projects.\n"
    )


# --- what is certain ---------------------------------------------------------------


def _fixes(zh: str, en: str) -> list[tuple[str, str]]:
    """Each finding's English figure and what --fix does with it."""
    report = check_pair(zh, en)
    out = []
    for finding in report.findings:
        fix = fix_for(report, finding)
        said = fix.new if isinstance(fix, Edit) else f"not fixed: {fix.reason}"
        out.append((finding.en.text if finding.en else "", said))
    return out


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ("投入 387.75 万元。", "Invested 3,877.5 million yuan.", [SCALE_1]),
        ("投入 56.28 万元。", "Invested RMB5.628 million.", [SCALE_2]),
        ("培训 1234 人。", "Trained 1,284 people.", [("1,284", "1,234")]),
        (
            "培训 82 人。",
            "Trained 28 people.",
            [("28", "not fixed: no single correction: the value differs in more than one digit")],
        ),
        (
            "培训 1234 人。",
            "Trained 134 people.",
            [("134", "not fixed: no single correction: the number of digits differs")],
        ),
        ("3 月出发。", "Left in April.", [("April.", "not fixed: a month is corrected by hand")]),
        (
            "2020 年 7 月 25 日出发。",
            "Left on July 26, 2020.",
            [("July 26, 2020", "not fixed: a date is corrected by hand")],
        ),
        (  # the suggestion would be "1,000,000-20 million yuan"
            "收入 100-200 万元。",
            "An income of 10-20 million yuan.",
            [
                (
                    "10-20 million yuan",
                    "not fixed: no single correction: a range or a score has two numbers",
                )
            ],
        ),
        (
            "增长 3 个百分点。",
            "Up 3%.",
            [("3%", "not fixed: no certain correction: a unit is reworded by hand")],
        ),
        (
            "选派 6 名教师和 3 名医生。",
            "Sent 6 teachers and doctors.",
            [("", "not fixed: nothing to replace: the English lacks the figure")],
        ),
    ],
)
def test_only_a_scale_or_a_single_digit_is_certain(
    zh: str, en: str, expected: list[tuple[str, str]]
) -> None:
    assert _fixes(zh, en) == expected


def test_two_corrections_for_one_figure_fix_neither() -> None:
    report = check_pair("投入 387.75 万元。", "Invested 3,877.5 million yuan.")
    (scale,) = report.findings
    other = scale._replace(message="another", suggestion="3,877,500 yuan")
    both = report._replace(findings=(scale, other))
    fixes = plan(both)
    assert fixes.edits == ()
    assert fixes.not_fixed == (NotFixed(scale, TWO_CORRECTIONS), NotFixed(other, TWO_CORRECTIONS))
    same = report._replace(findings=(scale, scale._replace(message="again")))
    assert [e.new for e in plan(same).edits] == ["3.8775 million yuan"]


def test_a_figure_not_written_as_read_is_not_fixed() -> None:
    text = "投入 387.75 万元。 Invested 3,877.5 million yuan."
    start = text.index("3,877.5")
    en = Figure(
        start, start + 20, "3,877.5 million yuan", "en", Decimal(3877500000), Kind.MONEY, "CNY"
    )
    finding = Finding(
        "figure-scale", Severity.ERROR, "…", 0, en=en, suggestion="3.8775 million yuan"
    )
    report = FileReport(Document("x.txt", text.replace("3,877.5", "3,877.6"), "utf-8"), (), (), ())
    assert fix_for(report, finding) == NotFixed(
        finding, "the figure is not written in the file as read (markup inside)"
    )
    assert isinstance(
        fix_for(report._replace(document=report.document._replace(text=text)), finding), Edit
    )


def test_edits_that_overlap_are_refused() -> None:
    document = Document("x.txt", "abcdef", "utf-8")
    with pytest.raises(ValueError, match="overlap"):
        fixed_text(document, [Edit(1, 3, "X"), Edit(2, 4, "Y")])
    assert fixed_text(document, [Edit(4, 5, "E"), Edit(1, 3, "X"), Edit(0, 0, ">")]) == ">aXdEf"


# --- encodings, line ends, links -------------------------------------------------------

BULLETIN = "共投入资金 387.75 万元。 A total of 3,877.5 million yuan was invested.\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("gb18030", b""), ("big5", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE)],
)  # fmt: skip
def test_a_file_is_rewritten_in_its_own_encoding(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = BULLETIN if encoding != "big5" else BULLETIN.replace("资", "資")
    path = tmp_path / "x.txt"
    original = bom + text.encode(encoding)
    path.write_bytes(original)
    code, _, _ = run("check", "--fix", str(path), "--format", "json")
    assert code == 0
    assert path.read_bytes() == bom + text.replace(*SCALE_1).encode(encoding)
    head, _, tail = original.partition(SCALE_1[0].encode(encoding))
    assert path.read_bytes().startswith(head) and path.read_bytes().endswith(tail)


def test_crlf_line_ends_stay(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    original = ("第一段。 First.\r\n\r\n" + BULLETIN.replace("\n", "\r\n")).encode()
    path.write_bytes(original)
    run("check", "--fix", str(path))
    assert path.read_bytes() == original.replace(SCALE_1[0].encode(), SCALE_1[1].encode())
    assert path.read_bytes().count(b"\r\n") == 3


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(BULLETIN, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("check", "--fix", str(link))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == BULLETIN.replace(*SCALE_1)


def test_a_file_changed_since_it_was_checked_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    fixes = plan(check_file(str(path)))
    path.write_text(BULLETIN + "More.\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed since it was checked"):
        fixed_bytes(fixes.document, fixes.edits)


def test_a_correction_the_encoding_cannot_hold_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(BULLETIN.encode("gb18030"))
    document = check_file(str(path)).document
    assert document.encoding == "gb18030"
    assert fixed_bytes(document, [Edit(0, 0, "€")]).startswith("€".encode("gb18030"))
    path.write_bytes(BULLETIN.replace("资", "資").encode("big5"))
    document = check_file(str(path)).document
    with pytest.raises(InputError, match="big5 cannot hold"):
        fixed_bytes(document, [Edit(0, 0, "😀")])


# --- what --fix refuses ---------------------------------------------------------------


def test_fix_on_standard_input_is_refused_and_diff_works() -> None:
    data = BULLETIN.encode()
    code, out, err = run("check", "--fix", "-", stdin=data)
    assert (code, out, err) == (
        2,
        "",
        "bitext: error: --fix does not rewrite standard input; use --diff\n",
    )
    code, out, err = run("check", "--diff", "-", stdin=data)
    assert (code, err) == (1, "")
    assert out == (
        "--- <stdin>\t(original)\n+++ <stdin>\t(fixed)\n@@ -1 +1 @@\n"
        f"-{BULLETIN}+{BULLETIN.replace(*SCALE_1)}"
    )


def test_fix_with_write_baseline_is_refused(seed: Path) -> None:
    for option in ("--fix", "--diff"):
        code, out, err = run("check", option, "--write-baseline", "b.json", str(seed))
        assert (code, out) == (2, "")
        assert err == (
            "bitext: error: --write-baseline records findings; it goes without --fix and --diff\n"
        )
    assert not Path("b.json").exists()


def test_an_html_page_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = f"<html><body><p>{BULLETIN}</p></body></html>\n"
    path.write_text(page, encoding="utf-8")
    code, _, err = run("check", "--fix", str(path), "--format", "json")
    assert path.read_text(encoding="utf-8") == page
    assert err.splitlines() == [
        f"{path}:1:{page.index(SCALE_1[0]) + 1}: figure-scale: not fixed: bitext does not "
        "rewrite HTML pages",
        "Found 2 findings (0 fixed, 2 remaining).",
    ]
    assert code == 1
    assert run("check", "--diff", str(path)) == (0, "", "")


def test_unified_diff_of_no_edit_is_empty() -> None:
    assert unified_diff(Document("x.txt", "abc", "utf-8"), []) == ""


# --- the bench -----------------------------------------------------------------------

BENCH = SHARED / "bench"
SETS = ("dev", "dev-wmt21", "dev-wmt22")
STRIDE = 8
"""Every 8th bulletin of each set is fixed in the test (32, 18 and 17 of them);
docs/commands.md gives the counts over all of them."""


FIXED_IN_SAMPLE = {"dev": 13, "dev-wmt21": 8, "dev-wmt22": 5}
"""Injected scale and digit errors of the sample that have a certain fix (all of them are
fixed); ``benchmarks/fix_bench.py`` counts them over every bulletin."""


def _assert_same_outside(old: bytes, new: bytes, text: str, edits: tuple[Edit, ...]) -> None:
    """Every byte outside the edited spans is as it was (UTF-8 files)."""
    position = shift = 0
    for edit in sorted(edits):
        start = len(text[: edit.start].encode())
        end = len(text[: edit.end].encode())
        assert new[position + shift : start + shift] == old[position:start]
        new_length = len(edit.new.encode())
        assert new[start + shift : start + shift + new_length] == edit.new.encode()
        shift += new_length - (end - start)
        position = end
    assert new[position + shift :] == old[position:]


@pytest.mark.parametrize("name", SETS)
def test_bench_fixes_the_certain_injected_errors_and_nothing_else(
    name: str, tmp_path: Path
) -> None:
    directory = BENCH / name
    if not directory.is_dir():
        pytest.skip(f"{directory} is absent")
    bulletins = sorted(directory.glob("*.txt"))[::STRIDE]
    copies = []
    for bulletin in bulletins:
        shutil.copy(bulletin, tmp_path / bulletin.name)
        copies.append(tmp_path / bulletin.name)
    reports = {Path(r.document.path).name: r for r in map(check_file, map(str, copies))}
    plans = {name: plan(r) for name, r in reports.items()}
    code, _, err = run(
        "check", "--fix", "--format", "json", "--fail-on", "never", *map(str, copies)
    )
    assert code == 0, err
    fixed_injected = 0
    for bulletin, copy in zip(bulletins, copies, strict=True):
        report, fixes = reports[copy.name], plans[copy.name]
        text = report.document.text
        for edit in fixes.edits:  # every fix is certain
            finding = edit.finding
            assert finding is not None and finding.rule in ("figure-scale", "figure-value")
            assert isinstance(fix_for(report, finding), Edit)
            assert edit.new == finding.suggestion and text[edit.start : edit.end] == finding.en.text
        key = json.loads(bulletin.with_suffix(".json").read_text(encoding="utf-8"))
        for injected in key["injected"]:
            if injected["kind"] not in ("scale", "wan", "digit") or injected["en"] is None:
                continue
            start, end = injected["en"]
            for finding in report.findings:
                if finding.en is None or not (finding.en.start < end and start < finding.en.end):
                    continue
                fix = fix_for(report, finding)
                if isinstance(fix, Edit):
                    assert fix in fixes.edits
                    fixed_injected += 1
        _assert_same_outside(bulletin.read_bytes(), copy.read_bytes(), text, fixes.edits)
        assert copy.read_bytes().decode() == fixed_text(report.document, fixes.edits)
        before = Counter((f.rule, f.zh and f.zh.text) for f in report.findings)
        fixed = Counter((e.finding.rule, e.finding.zh and e.finding.zh.text) for e in fixes.edits)
        after = Counter((f.rule, f.zh and f.zh.text) for f in check_file(str(copy)).findings)
        assert not (after - (before - fixed)), copy.name  # nothing new, none of the fixed
    assert fixed_injected == FIXED_IN_SAMPLE[name]


def test_a_translation_pair_is_fixed_in_its_english_file(tmp_path: Path) -> None:
    zh, en = tmp_path / "r.zh.txt", tmp_path / "r.en.txt"
    zh.write_text("共投入社会帮扶资金 387.75 万元。\n培训致富带头人 1479 人。\n", encoding="utf-8")
    en.write_text("A total of 3,877.5 million yuan was invested.\n1,429 leaders were trained.\n")
    chinese = zh.read_bytes()
    code, _, err = run("check", "--fix", "--pair", str(zh), str(en), "--format", "json")
    assert code == 0
    assert err.splitlines()[0] == f"{en}: fixed 2 findings"
    assert (
        en.read_text()
        == "A total of 3.8775 million yuan was invested.\n1,479 leaders were trained.\n"
    )
    assert zh.read_bytes() == chinese


def test_a_file_that_cannot_be_written_is_one_error_and_the_others_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (good, bad):
        path.write_text(BULLETIN, encoding="utf-8")
    import bitext.fix.write

    real = bitext.fix.write.write_atomic_bytes

    def refuse(path: str, data: bytes) -> None:
        if path.endswith("b.txt"):
            raise InputError(f"{path}: cannot write: Read-only file system")
        real(path, data)

    monkeypatch.setattr(bitext.fix.write, "write_atomic_bytes", refuse)
    code, _, err = run("check", "--fix", str(good), str(bad), "--format", "json")
    assert code == 2
    assert err.splitlines()[:2] == [
        f"{good}: fixed 1 finding",
        f"bitext: error: {bad}: cannot write: Read-only file system",
    ]
    assert good.read_text(encoding="utf-8") == BULLETIN.replace(*SCALE_1)
    assert bad.read_text(encoding="utf-8") == BULLETIN


def test_findings_in_the_baseline_are_not_fixed(seed: Path) -> None:
    original = seed.read_bytes()
    assert run("check", "--write-baseline", "b.json", str(seed))[0] == 0
    code, out, err = run("check", "--fix", "--baseline", "b.json", str(seed), "--format", "json")
    assert seed.read_bytes() == original
    assert err.splitlines()[-1] == "Found 0 findings (0 fixed, 0 remaining)."
    assert (code, json.loads(out)["files"][0]["findings"]) == (0, [])


def test_the_remaining_report_is_shaped_by_statistics(seed: Path) -> None:
    code, out, _ = run("check", "--fix", "--statistics", str(seed))
    assert code == 0
    assert out.splitlines()[:5] == [
        "1  figure-missing        warning",
        "1  clean-cjk-spacing     info",
        "1  clean-en-punctuation  info",
        "1  clean-zh-punctuation  info",
        "1  figure-unverifiable   info",
    ]
