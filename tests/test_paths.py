"""Which files `bitext check` reads (include/exclude, symlinks) and checking them in parallel."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import bitext
from bitext.check.batch import chunk_size
from bitext.cli import main
from bitext.read.files import anchor, collect_files

from .conftest import FIXTURES, SEEDS

SCALE = "投入56.28万元。 Invested RMB5.628 million.\n"
"""A one-pair bulletin with one figure-scale error: quick to check."""


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80", **(env or {})}).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """reports/ with text files, a CSV, a drafts/ directory and a nested directory; the
    current directory is tmp_path, so paths in reports are relative."""
    for name in ("b.md", "a.txt", "c.csv", "drafts/x.txt", "2019/q1/D.TXT", "2019/q1/e.txt"):
        path = tmp_path / "reports" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SCALE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("reports")


def names(paths: list[Path]) -> list[str]:
    return [path.as_posix() for path in paths]


def test_directories_are_walked_in_sorted_order_for_txt_and_md(tree: Path) -> None:
    assert names(collect_files([tree])) == [
        "reports/2019/q1/D.TXT",
        "reports/2019/q1/e.txt",
        "reports/a.txt",
        "reports/b.md",
        "reports/drafts/x.txt",
    ]


def test_include_replaces_the_default_globs(tree: Path) -> None:
    assert names(collect_files([tree], include=["*.csv", "e.*"])) == [
        "reports/2019/q1/e.txt",
        "reports/c.csv",
    ]


def test_exclude_by_name_prunes_directories_and_drops_files(tree: Path) -> None:
    assert names(collect_files([tree], exclude=["drafts", "*.md", "2019"])) == ["reports/a.txt"]


def test_exclude_with_a_slash_matches_the_path_from_where_it_was_written(tree: Path) -> None:
    assert names(collect_files([tree], exclude=["reports/2019/q1/*"])) == [
        "reports/a.txt",
        "reports/b.md",
        "reports/drafts/x.txt",
    ]
    # The same glob written for another directory (a config file's) is anchored there.
    anchored = anchor(["reports/2019/q1/*"], Path.cwd() / "elsewhere")
    assert len(collect_files([tree], exclude=anchored)) == 5


def test_named_files_ignore_include_but_honour_exclude(tree: Path) -> None:
    assert names(collect_files([tree / "c.csv"])) == ["reports/c.csv"]
    named = [tree / "b.md", tree / "drafts" / "x.txt", tree / "a.txt"]
    assert names(collect_files(named, exclude=["*.md", "drafts"])) == ["reports/a.txt"]
    assert names(collect_files(named, exclude=["reports/drafts/*"])) == [
        "reports/b.md",
        "reports/a.txt",
    ]


def test_a_file_reached_twice_is_checked_once_where_it_came_first(tree: Path) -> None:
    found = names(collect_files([tree / "b.md", tree, tree / "a.txt"]))
    assert found[0] == "reports/b.md"
    assert found.count("reports/b.md") == 1 and found.count("reports/a.txt") == 1


def test_a_directory_linked_twice_is_read_once(tree: Path) -> None:
    (tree / "alias").symlink_to(Path("2019"), target_is_directory=True)
    found = names(collect_files([tree]))
    assert found[:2] == ["reports/2019/q1/D.TXT", "reports/2019/q1/e.txt"]
    assert len(found) == 5


def test_symlink_loops_are_skipped_with_one_line_each(tree: Path) -> None:
    (tree / "2019" / "up").symlink_to(Path(".."), target_is_directory=True)
    (tree / "self").symlink_to("self")
    code, out, err = run("check", str(tree), "--format", "jsonl", "-j", "1")
    assert code == 1
    assert err == (
        "bitext: warning: reports/2019/up: symbolic link loop, skipped\n"
        "bitext: warning: reports/self: symbolic link loop, skipped\n"
    )
    assert [json.loads(line)["path"] for line in out.splitlines()] == [
        "reports/2019/q1/D.TXT",
        "reports/2019/q1/e.txt",
        "reports/a.txt",
        "reports/b.md",
        "reports/drafts/x.txt",
    ]


def test_cli_include_and_exclude(tree: Path) -> None:
    args = ("check", str(tree), "--format", "jsonl", "-j", "1")
    code, out, _ = run(*args, "--include", "*.md", "--include", "*.csv", "--exclude", "c.*")
    assert code == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == ["reports/b.md"]


def test_nothing_left_after_exclude_names_the_globs(tree: Path) -> None:
    code, out, err = run("check", str(tree), "--exclude", "*.txt", "--exclude", "*.md")
    assert (code, out) == (2, "")
    assert err == (
        "bitext: error: reports: directory holds no files matching *.txt, *.md, *.xlf, "
        "*.xliff, *.tmx, *.po, *.docx, *.html, *.htm (excluding *.txt, *.md)\n"
    )


def test_every_named_file_excluded_is_an_empty_clean_run(tree: Path) -> None:
    code, out, _ = run("check", str(tree / "b.md"), "--exclude", "*.md", "--format", "json")
    assert code == 0
    assert json.loads(out)["files"] == []


def test_jobs_2_writes_the_same_bytes_as_jobs_1() -> None:
    paths = [str(SEEDS), str(FIXTURES / "encodings"), str(SEEDS / "panzhou.txt")]
    one = run("check", *paths, "--format", "json", "--jobs", "1")
    two = run("check", *paths, "--format", "json", "--jobs", "2")
    assert one == two
    assert one[0] == 1
    files = [f["path"] for f in json.loads(one[1])["files"]]
    assert [Path(f).name for f in files] == [
        "lvshunkou.txt",
        "panzhou.txt",
        "README.md",
        "taichung.big5.txt",
    ]


def test_an_unreadable_file_fails_the_parallel_run_in_one_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(SCALE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    code, out, err = run("check", str(tmp_path), "--jobs", "2")
    assert (code, out) == (2, "")
    assert err == f"bitext: error: {tmp_path / 'b.txt'}: file is empty\n"


def test_progress_bar_only_on_a_terminal_and_for_many_files(tmp_path: Path) -> None:
    for number in range(20):
        (tmp_path / f"b{number:02}.txt").write_text(SCALE, encoding="utf-8")
    args = ("check", str(tmp_path), "--format", "json", "-j", "1")
    piped = run(*args, env={"FORCE_COLOR": None, "TTY_COMPATIBLE": None})
    on_terminal = run(*args, env={"FORCE_COLOR": "1"})
    assert piped[2] == ""
    assert "checking" in on_terminal[2] and "20/20" in on_terminal[2]
    assert on_terminal[:2] == piped[:2]  # the report itself is unchanged


def test_library_check_paths_takes_the_same_options(tree: Path) -> None:
    report = bitext.check_paths([str(tree)], include=["*.md"], exclude=["drafts"], jobs=1)
    assert [f.document.path for f in report.files] == [os.path.join("reports", "b.md")]
    assert [f.rule for f in report.files[0].findings] == ["figure-scale"]


def test_chunks_are_small_enough_to_balance_and_report_progress() -> None:
    assert chunk_size(3, 2) == 1
    assert chunk_size(250, 2) == 8
    assert chunk_size(40, 2) == 5
