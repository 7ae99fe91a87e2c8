"""The command line, through click's CliRunner: output, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.cli import main

from .conftest import FIXTURES, SEEDS

PANZHOU = str(SEEDS / "panzhou.txt")
LVSHUNKOU = str(SEEDS / "lvshunkou.txt")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_panzhou_exits_1_and_prints_the_findings() -> None:
    code, out, err = run("check", PANZHOU)
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == PANZHOU
    assert (
        f"{PANZHOU}:5:566: error figure-scale “3,877.5 million yuan” is 1,000 times "
        "“387.75 万元” (3,877,500); “3.8775 million yuan” is right"
    ) in lines
    assert (
        f"{PANZHOU}:11:154: error figure-scale “RMB5.628 million” is 10 times “56.28 万元” "
        "(562,800); “RMB562,800” is right"
    ) in lines
    assert (
        f"{PANZHOU}:7:159: warning figure-missing “选派 6 名教师”: 6 has no counterpart in the "
        "English"
    ) in lines
    assert lines[-1] == "2 errors, 1 warning, 4 info in 6 pairs (1 file)"


def test_plain_output_marks_disagreeing_figures_and_fits_80_columns() -> None:
    _, out, _ = run("check", PANZHOU)
    assert "zh  ⟦387.75万元⟧,开发专岗公益岗位457个" in out
    assert "en  A total of ⟦3,877.5 million yuan⟧ of social assistance funds were invested" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal
    assert max(len(line) for line in out.splitlines() if line.isascii()) <= 80


SIGNATURE = (
    "bitext:0.1.0|clean:mojibake+gbk-mojibake+newlines+invisible+spaces+width+\n"
    "hard-wraps+zh-punctuation+cjk-spacing+en-punctuation+digit-grouping+repeats|\n"
    "align:mixed-dp|min-confidence:0.2"
)
"""The reproducibility signature, broken after its separators at 80 columns, above the
summary line."""


def test_check_big5_bulletin_exact_output() -> None:
    code, out, _ = run(
        "check",
        "--pairs",
        "all",
        "--show-cleaning",
        str(FIXTURES / "encodings" / "taichung.big5.txt"),
    )
    assert code == 1
    path = FIXTURES / "encodings" / "taichung.big5.txt"
    assert (
        out
        == f"""{path} (read as big5)
-- pair 0 · line 1
zh  [臺中市]推動長照服務成果
en  (no English translation)
{path}:1:1: warning untranslated “[臺中市] 推動長照服務成果” has no English translation

-- pair 1 · line 3 · confidence 0.86
zh  今年市府持續擴大長期照顧服務。
en  This year the city government continued to expand long-term care services.

-- pair 2 · line 3 · confidence 0.97
zh  市府投入1.25億元,新增36處長照據點。
en  The city government invested NT$125 million to add 36 long-term care
    stations.

-- pair 3 · line 3 · confidence 0.92
zh  全年補助⟦4.8萬名⟧長者使用居家服務。
en  Throughout the year it subsidized ⟦480,000⟧ seniors to use home-care
    services.
{path}:3:252: error figure-scale “480,000” is 10 times “4.8 萬名” (48,000); “48,000” is right

-- pair 4 · line 5 · confidence 0.93
zh  衛生局表示,明年將再增加12名照顧管理專員。
en  The Health Bureau said it would add 12 more care managers next year.

{path}:3:96: info clean-cjk-spacing spaces around a number inside Chinese are removed (8 fixes; first: “市府投入 1.25” → “市府投入1.25”)
{path}:3:104: info clean-zh-punctuation half-width , ; : inside Chinese become full width (2 fixes; first: “5 億元,新增 3” → “5 億元，新增 3”)

{SIGNATURE}
1 error, 1 warning, 2 info in 5 pairs (1 file)
"""
    )


def test_english_only_bulletin_exits_0() -> None:
    code, out, _ = run("check", LVSHUNKOU)
    assert code == 0
    assert (
        out
        == f"{LVSHUNKOU}\n  no Chinese text to check\n\n{SIGNATURE}\n0 errors, 0 warnings, 0 info in 0 pairs (1 file)\n"
    )


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_with_errors(fail_on: str, expected: int) -> None:
    assert run("check", PANZHOU, "--fail-on", fail_on)[0] == expected


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on_with_only_a_warning(tmp_path: Path, fail_on: str, expected: int) -> None:
    path = tmp_path / "warning.txt"
    path.write_text(
        "选派6名教师到小学开展教育帮扶工作。 Teachers went to the primary schools to help.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(path), "--fail-on", fail_on)
    assert code == expected
    assert out.splitlines()[-1] == "0 errors, 1 warning, 0 info in 1 pair (1 file)"


def test_json_follows_the_contract() -> None:
    code, out, _ = run("check", PANZHOU, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["version"] == 1
    assert report["tool"]["name"] == "bitext"
    assert set(report["tool"]) >= {"name", "version"}
    (file,) = report["files"]
    assert file["path"] == PANZHOU
    assert file["summary"] == {"pairs": 6, "errors": 2, "warnings": 1, "info": 4}
    pair = file["pairs"][2]
    assert {k: pair[k] for k in ("id", "score", "zh_truncated")} == {
        "id": 2, "score": 1.0, "zh_truncated": True,
    }  # fmt: skip
    assert {k: pair["zh"][k] for k in ("start", "end", "line", "col")} == {
        "start": 1074, "end": 1155, "line": 5, "col": 473,
    }  # fmt: skip
    assert pair["zh"]["text"].startswith("387.75 万元,开发专岗") and pair["zh"]["text"].endswith(
        "45 人。"
    )
    assert pair["en"]["text"].startswith("A total of 3,877.5 million yuan")
    scale = file["findings"][1]
    assert scale == {
        "rule": "figure-scale",
        "severity": "error",
        "message": "“3,877.5 million yuan” is 1,000 times “387.75 万元” (3,877,500); "
        "“3.8775 million yuan” is right",
        "pair": 2,
        "zh": {"start": 1074, "end": 1083, "line": 5, "col": 473, "end_line": 5, "end_col": 482,
               "text": "387.75 万元", "value": 3877500, "unit": "CNY", "kind": "money"},
        "en": {"start": 1167, "end": 1187, "line": 5, "col": 566, "end_line": 5, "end_col": 586,
               "text": "3,877.5 million yuan", "value": 3877500000, "unit": "CNY", "kind": "money"},
        "suggestion": "3.8775 million yuan",
    }  # fmt: skip
    missing = file["findings"][2]
    assert (missing["rule"], missing["severity"], missing["en"]) == (
        "figure-missing",
        "warning",
        None,
    )
    assert missing["zh"]["text"] == "6 名"


def test_json_to_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run("check", PANZHOU, "--format", "json", "-o", str(target))
    assert (code, out) == (1, "")
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["summary"]["errors"] == 2


def test_directory_is_checked_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes((SEEDS / "panzhou.txt").read_bytes())
    (tmp_path / "b.md").write_bytes((SEEDS / "lvshunkou.txt").read_bytes())
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    assert code == 1
    paths = [Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out)["files"]]
    assert paths == ["b.md", "sub/a.txt"]


def test_input_file_is_never_modified(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    original = (SEEDS / "panzhou.txt").read_bytes()
    path.write_bytes(original)
    before = path.stat().st_mtime_ns
    run("check", str(path), "--format", "json", "-o", str(tmp_path / "out.json"))
    assert path.read_bytes() == original
    assert path.stat().st_mtime_ns == before


def _bad(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    if name == "missing.txt":
        return str(path)
    if name == "empty-dir":
        path.mkdir()
        (path / "notes.json").write_text("{}", encoding="utf-8")
        return str(path)
    content = {
        "empty.txt": b"",
        "blank.txt": b" \n\n\t\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "undecodable.txt": "盘州".encode("gb18030") + b"\xff\xfe\xff abc",
    }.get(name)
    if content is not None:
        path.write_bytes(content)
    elif name == "huge.txt":
        with open(path, "wb") as handle:
            handle.truncate(50 * 1024 * 1024)
    return str(path)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "missing.txt: no such file or directory"),
        (
            "empty-dir",
            "empty-dir: directory holds no bulletins (.txt, .md, .docx, .html, or CAT files .xlf, .tmx, .po)",
        ),
        ("empty.txt", "empty.txt: file is empty"),
        ("blank.txt", "blank.txt: file is empty"),
        ("binary.txt", "binary.txt: binary file (contains NUL bytes), not a text bulletin"),
        (
            "undecodable.txt",
            "undecodable.txt: cannot decode: not UTF-8 (bad byte at 0), GB18030 or Big5",
        ),
        (
            "huge.txt",
            "huge.txt: file is too large (52.4 MB; the limit is 16 MB) — is it really a bulletin?",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, name: str, message: str) -> None:
    path = _bad(tmp_path, name)
    code, out, err = run("check", path)
    assert code == 2
    assert out == ""
    assert err == f"bitext: error: {tmp_path / message}\n"
    assert "Traceback" not in err


def test_unwritable_output_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run(
        "check", PANZHOU, "--format", "json", "-o", str(tmp_path / "no" / "dir" / "r.json")
    )
    assert code == 2
    assert err.startswith("bitext: error: ") and err.count("\n") == 1


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == 2
    assert run("check", PANZHOU, "--format", "yaml")[0] == 2
    assert run("check", PANZHOU, "--fail-on", "sometimes")[0] == 2


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("bitext, version ")
