"""jsonl and github reports are written file by file as checks finish (no report held),
and say exactly what the whole-report renderers say."""

from __future__ import annotations

import gc
import shutil
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import bitext
from bitext.cli import commands, main
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
    for fmt, flags in (("jsonl", ()), ("github", ()), ("github", ("--show-cleaning",))):
        whole = render(report, fmt, show_cleaning=bool(flags))
        assert whole.count("\n") >= 7
        for jobs in ("1", "2"):
            args = (*map(str, FILES), "--format", fmt, *flags, "--jobs", jobs)
            assert _run(*args) == (1, whole)


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


@pytest.mark.parametrize("fmt", commands.STREAMED)
def test_a_streamed_run_holds_no_earlier_report(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive of any size streams in constant memory: the memory held as each file's
    report comes grows by about one report from the first file to the second (the
    previous one is let go only as the next arrives), and not after. A run that kept its
    reports would grow by one report a file."""
    files = []
    for i in range(5):
        files.append(tmp_path / f"{i}.txt")
        shutil.copy(SEEDS / "lvshunkou.txt", files[-1])
    held: list[int] = []
    check = commands.iter_check_files

    def measured(*args: object, **kwargs: object) -> Iterator[bitext.FileReport]:
        for report in check(*args, **kwargs):
            gc.collect()
            held.append(tracemalloc.get_traced_memory()[0])
            yield report

    monkeypatch.setattr(commands, "iter_check_files", measured)
    tracemalloc.start()
    try:
        code, _ = _run(
            *map(str, files), "--format", fmt, "--jobs", "1", "-o", str(tmp_path / "out")
        )
    finally:
        tracemalloc.stop()
    assert code in (0, 1) and len(held) == len(files)
    one_report = held[1] - held[0]
    assert held[-1] - held[1] < one_report / 2, [size - held[0] for size in held]
