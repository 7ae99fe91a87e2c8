"""jsonl and github reports are written file by file as checks finish (no report held),
and say exactly what the whole-report renderers say."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import bitext
from bitext.cli import main
from bitext.report import render

from .conftest import FIXTURES, SEEDS

FILES = [
    SEEDS / "lvshunkou.txt",
    SEEDS / "panzhou.txt",
    FIXTURES / "encodings" / "taichung.big5.txt",
]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout


def test_streamed_formats_match_the_whole_report_for_any_jobs() -> None:
    report = bitext.check_paths([str(f) for f in FILES])
    for fmt in ("jsonl", "github"):
        whole = render(report, fmt)
        assert whole.count("\n") >= 8
        for jobs in ("1", "2"):
            assert _run(*map(str, FILES), "--format", fmt, "--jobs", jobs) == (1, whole)


def test_streamed_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    code, stdout = _run(*map(str, FILES), "--format", "jsonl", "-o", str(out), "--jobs", "2")
    assert (code, stdout) == (1, "")
    report = bitext.check_paths([str(f) for f in FILES])
    assert out.read_text(encoding="utf-8") == render(report, "jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.jsonl"]


def test_streamed_run_honours_the_baseline(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    seed = str(SEEDS / "panzhou.txt")
    assert (
        CliRunner().invoke(main, ["check", seed, "--write-baseline", str(baseline)]).exit_code == 0
    )
    result = CliRunner().invoke(
        main, ["check", seed, "--format", "jsonl", "--baseline", str(baseline)]
    )
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "bitext: note: 7 findings in the baseline not shown\n"
