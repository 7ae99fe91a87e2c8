"""Hostile and broken inputs: each ends with exit code 2 and one clear line on stderr, or
with a correct result, in time (and memory) linear in its size. Each claim of linear cost
is checked by :func:`~tests.conftest.assert_linear_time` or
:func:`~tests.conftest.assert_linear_memory`: twice the input must cost less than three
times as much, at a size where one run takes about 0.3 s (measuring coverage, as the tests
always do). An input at full size (megabytes, 100,000 figures) takes seconds: its test is
marked ``slow``, which ``pytest -m "not slow"`` leaves out and CI runs, and the bound on
the same input at a smaller size is a test of its own, which runs every time (but for the
pair of figures, whose smallest size to measure still takes seconds).

Input files are never modified (every test compares their bytes before and after), and
every output file is written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

import bitext
from bitext import atomic
from bitext.clean import clean
from bitext.cli import main
from bitext.figures import extract

from .conftest import SEEDS, assert_linear_memory, assert_linear_time, panzhou_text, peak_bytes

BULLETIN = "投入56.28万元。 Invested RMB5.628 million.\n"
"""One pair with a scale error: exit code 1 from `bitext check`."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def fingerprint(path: Path) -> tuple[int, int, str]:
    """Size, modification time and digest: what must not change in an input file."""
    info = path.stat()
    return info.st_size, info.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def one_error_line(err: str, message: str) -> None:
    assert err == f"bitext: error: {message}\n"


# --- size -------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    with path.open("wb") as file:  # sparse: 50 MB on paper, a few bytes on disk
        file.write(BULLETIN.encode())
        file.truncate(50_000_000)
    before = fingerprint(path)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    one_error_line(
        err, f"{path}: file is too large (50.0 MB; the limit is 16 MB) — is it really a bulletin?"
    )
    assert fingerprint(path) == before
    # Refused on its size alone: reading up to the 16 MB limit first would hold 16 MB.
    assert peak_bytes(partial(run, "check", str(path))) < 1_000_000


def one_line(n: int) -> str:
    """Runs of text without punctuation, 2n figures and 150n spaces, then the seed
    bulletin's lines joined into one: five megabytes for n = 10,000."""
    seed = panzhou_text().replace("\n", " ")
    line = "盘州市对口帮扶工作推动结对关系建立" * (3 * n) + " the county built schools " * (8 * n)
    return line + " 投入" + "、".join(f"{i}人" for i in range(2 * n)) + " " * (150 * n) + seed


@pytest.mark.slow
def test_a_5_mb_single_line_is_checked(tmp_path: Path) -> None:
    """Five megabytes without a line break, checked as the seed is."""
    seed = panzhou_text().replace("\n", " ")
    line = one_line(10_000)
    data = line.encode()
    assert len(data) > 5_000_000 and b"\n" not in data
    path = tmp_path / "one line.txt"
    path.write_bytes(data)
    before = fingerprint(path)
    report = bitext.check_paths([str(path)]).files[0]
    assert fingerprint(path) == before
    start = len(line) - len(seed)

    def figure_findings(findings: tuple[bitext.Finding, ...], after: int) -> list[tuple]:
        return [
            (f.rule, f.zh and f.zh.text, f.en and f.en.text)
            for f in findings
            if f.rule.startswith("figure") and (f.zh or f.en).start >= after  # type: ignore[union-attr]
        ]

    assert figure_findings(report.findings, start) == [
        ("figure-unverifiable", None, "2018"),
        ("figure-scale", "387.75 万元", "3,877.5 million yuan"),
        ("figure-missing", "6 名", None),
        ("figure-scale", "56.28 万元", "RMB5.628 million"),
    ]
    assert figure_findings(report.findings, start) == figure_findings(
        bitext.check_text(seed).findings, 0
    )


def test_a_single_line_is_checked_in_linear_time() -> None:
    """The line above at an 80th and a 40th of its size."""
    assert_linear_time(lambda n: partial(bitext.check_text, one_line(n)), 125)


def figures_paragraph(n: int) -> str:
    return "盘州市帮扶" + "、".join(f"{i}人" for i in range(n)) + "。"


@pytest.mark.slow
def test_100000_figures_in_one_paragraph(tmp_path: Path) -> None:
    paragraph = figures_paragraph(100_000)
    path = tmp_path / "figures.txt"
    path.write_text(paragraph, encoding="utf-8")
    report = bitext.check_paths([str(path)]).files[0]
    assert len(report.figures) == 100_000
    assert [f.text for f in report.figures[:3]] == ["0人", "1人", "2人"]
    assert report.figures[-1].text == "99999人"
    assert [f.rule for f in report.findings] == ["untranslated"]


def test_the_figures_of_one_paragraph_are_read_in_linear_time() -> None:
    """The paragraph above with 2,500 and 5,000 figures."""
    assert_linear_time(lambda n: partial(bitext.check_text, figures_paragraph(n)), 2_500)


def figures_pair(n: int) -> tuple[str, str]:
    zh = "投入" + "，".join(f"{i}万元" for i in range(1, n + 1)) + "。"
    en = "Invested " + ", ".join(f"{i * 10_000:,} yuan" for i in range(1, n + 1)) + "."
    return zh, en


@pytest.mark.slow
def test_a_pair_of_5000_figures_a_side_is_matched_figure_by_figure() -> None:
    zh, en = figures_pair(5000)
    report = bitext.check_pair(zh, en)
    assert len(report.figures) == 10_000
    assert report.findings == ()
    wrong = en.replace("20,000 yuan,", "200,000 yuan,", 1)
    findings = bitext.check_pair(zh, wrong).findings
    assert [(f.rule, f.zh.text, f.en.text) for f in findings] == [  # type: ignore[union-attr]
        ("figure-scale", "2万元", "200,000 yuan")
    ]


@pytest.mark.slow
def test_the_figures_of_a_pair_are_matched_in_linear_time() -> None:
    """Every Chinese figure was compared with every English one: 2,000 a side took 7 s.
    Up to 200 a side still are (:data:`bitext.figures.compare.PAIR_BUDGET`), so at 400
    and 800 a side the cost is mostly that budget's (about a second a run in a test run,
    hence slow); compared all with all, 800 a side take four times as long as 400."""
    assert_linear_time(lambda n: partial(bitext.check_pair, *figures_pair(n)), 400)


@pytest.mark.parametrize(
    ("run_of", "expected", "n"),
    [
        # width: each comma looked for its neighbours across the run
        ("，", "untranslated", 25_000),
        # _IDIOMS: [几数百千万]+年一遇 tried at every 万
        ("万", "untranslated", 40_000),
        # _BLOCKED: a model name (Su-27) tried at every letter
        ("a", "untranslated", 300_000),
        # zh-punctuation: [ \t]* tried at every space
        (" ", "untranslated", 600_000),
    ],
)
def test_long_runs_of_one_character_take_linear_time(run_of: str, expected: str, n: int) -> None:
    report = bitext.check_text("今年投入" + run_of * 200_000 + "5万元。")
    assert [f.rule for f in report.findings if not f.rule.startswith("clean-")] == [expected]
    assert_linear_time(lambda n: partial(bitext.check_text, "今年投入" + run_of * n + "5万元。"), n)


def lines_and_blank_lines(n: int) -> str:
    return "培训8期 trained 8 sessions\n" * (n // 1000) + "\n" * n + "x"


def test_a_paragraph_of_a_million_lines_and_a_million_blank_lines() -> None:
    """paragraphs() used one regex per paragraph, which ran out of memory on 5 MB."""
    report = bitext.check_text(lines_and_blank_lines(1_000_000))
    assert len({s.paragraph for s in report.spans}) == 2
    assert_linear_memory(lambda n: partial(bitext.check_text, lines_and_blank_lines(n)), 250_000)


# --- what is not a text file ------------------------------------------------------


def test_a_file_of_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "zeros.txt"
    path.write_bytes(b"\x00" * 100_000)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    one_error_line(err, f"{path}: binary file (contains NUL bytes), not a text bulletin")


def test_one_bad_byte_in_a_utf8_file_is_named_by_its_offset(tmp_path: Path) -> None:
    """Not silently read as GB18030 (which decodes most UTF-8 Chinese into nonsense)."""
    good = panzhou_text().encode()
    offset = good.index("盘州".encode()) + 3  # between two characters
    path = tmp_path / "damaged.txt"
    path.write_bytes(good[:offset] + b"\xff" + good[offset:])
    before = fingerprint(path)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    one_error_line(err, f"{path}: not valid UTF-8 at byte {offset} (the rest of the file is UTF-8)")
    assert fingerprint(path) == before


def test_gb18030_is_still_read_as_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(panzhou_text().encode("gb18030"))
    assert bitext.read_document(path).encoding == "gb18030"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    outcome: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: outcome.append(run("check", str(path))))
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with path.open("wb"):
            pass
        worker.join()
        pytest.fail("bitext waited on the FIFO")
    code, out, err = outcome[0]
    assert (code, out) == (2, "")
    one_error_line(err, f"{path}: is a named pipe (FIFO), not a regular file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist on this system")
    code, out, err = run("check", device)
    assert (code, out) == (2, "")
    one_error_line(err, f"{device}: is a character device, not a regular file")


def test_an_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    path = tmp_path / "secret.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    path.chmod(0)
    try:
        code, out, err = run("check", str(path))
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert (code, out) == (2, "")
    one_error_line(err, f"{path}: cannot read: Permission denied")


def test_a_read_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as an unreadable file, for a run as root (where chmod cannot)."""
    path = tmp_path / "secret.txt"
    path.write_text(BULLETIN, encoding="utf-8")

    def refuse(*_args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    one_error_line(err, f"{path}: cannot read: Permission denied")


def test_a_symbolic_link_loop_in_a_directory_is_skipped_with_one_line(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    (reports / "old").mkdir(parents=True)
    (reports / "old" / "b.txt").write_text(BULLETIN, encoding="utf-8")
    (reports / "old" / "up").symlink_to("..")
    (reports / "self").symlink_to("self")
    code, out, err = run("check", "--format", "json", str(reports))
    assert code == 1
    assert [f["path"] for f in json.loads(out)["files"]] == [str(reports / "old" / "b.txt")]
    assert err.splitlines() == [
        f"bitext: warning: {reports / 'old' / 'up'}: symbolic link loop, skipped",
        f"bitext: warning: {reports / 'self'}: symbolic link loop, skipped",
    ]


def test_a_path_with_spaces_and_chinese_characters(tmp_path: Path) -> None:
    folder = tmp_path / "盘州 对口帮扶" / "2018 年"
    folder.mkdir(parents=True)
    path = folder / "盘州 bulletin.txt"
    path.write_bytes((SEEDS / "panzhou.txt").read_bytes())
    before = fingerprint(path)
    code, out, _ = run("check", "--format", "json", str(tmp_path / "盘州 对口帮扶"))
    assert code == 1
    (entry,) = json.loads(out)["files"]
    assert entry["path"] == str(path)
    assert entry["summary"]["errors"] == 2
    code, out, _ = run("check", "--format", "sarif", str(path))
    assert "%E7%9B%98%E5%B7%9E%20bulletin.txt" in out
    assert fingerprint(path) == before


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(
    tmp_path: Path,
) -> None:
    """A name with a byte that is not UTF-8 reached the report formats as a lone
    surrogate, which SARIF, -o and --write-baseline could not encode."""
    name = os.fsdecode(b"bad\xff name.txt")
    path = tmp_path / name
    path.write_text(BULLETIN, encoding="utf-8")
    shown = str(tmp_path / "bad\ufffd name.txt")
    for fmt in ("json", "sarif", "github", "html", "rich"):
        output = tmp_path / f"report.{fmt}"
        code, _, err = run("check", "--format", fmt, "-o", str(output), str(path))
        assert (code, err) == (1, "")
        assert shown in output.read_text(encoding="utf-8") or fmt == "sarif"
    code, _, err = run("check", "--write-baseline", str(tmp_path / "baseline.json"), str(path))
    assert code == 0 and "wrote 1 finding" in err


# --- outputs ----------------------------------------------------------------------


@pytest.fixture
def bulletin(tmp_path: Path) -> Path:
    path = tmp_path / "bulletin.txt"
    path.write_text("投入56.28万元,培训 8 期。 Invested RMB5.628 million.\n", encoding="utf-8")
    return path


OUTPUTS = {
    "check -o": lambda src, dst: ("check", "--format", "json", "-o", dst, src),
    "clean -o": lambda src, dst: ("clean", "-o", dst, src),
    "align -o": lambda src, dst: ("align", "--format", "tmx", "-o", dst, src),
    "--write-baseline": lambda src, dst: ("check", "--write-baseline", dst, src),
}


@pytest.mark.parametrize("command", OUTPUTS)
def test_each_output_is_written_whole_and_the_input_is_left_alone(
    command: str, bulletin: Path, tmp_path: Path
) -> None:
    destination = tmp_path / "out" / "result"
    destination.parent.mkdir()
    before = fingerprint(bulletin)
    code, _, err = run(*OUTPUTS[command](str(bulletin), str(destination)))
    assert code in (0, 1), err
    assert destination.read_text(encoding="utf-8")
    assert sorted(p.name for p in destination.parent.iterdir()) == ["result"]
    assert fingerprint(bulletin) == before


@pytest.mark.parametrize("command", OUTPUTS)
def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    command: str, bulletin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    destination = tmp_path / "out" / "result"
    destination.parent.mkdir()
    destination.write_text("the previous report\n", encoding="utf-8")
    destination.chmod(0o640)

    def disk_full(_descriptor: int) -> None:  # the data is written, then flushing fails
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    code, out, err = run(*OUTPUTS[command](str(bulletin), str(destination)))
    assert (code, out) == (2, "")
    one_error_line(err, f"{destination}: cannot write: No space left on device")
    assert destination.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in destination.parent.iterdir()) == ["result"]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    destination = tmp_path / "report.json"
    destination.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic.write_atomic(destination, "half \ud800 a report")  # fails before the disk
    original_replace = atomic.os.replace

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    atomic.os.replace = interrupted  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            atomic.write_atomic(destination, "new\n")
    finally:
        atomic.os.replace = original_replace  # type: ignore[assignment]
    assert destination.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_usual(
    tmp_path: Path,
) -> None:
    kept = tmp_path / "kept.json"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o600)
    atomic.write_atomic(kept, "new\n")
    assert (kept.read_text(encoding="utf-8"), stat.S_IMODE(kept.stat().st_mode)) == ("new\n", 0o600)
    umask = os.umask(0o022)
    os.umask(umask)
    new = tmp_path / "new.json"
    atomic.write_atomic(new, "x\n")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask


def test_cleaning_a_file_in_place_is_refused_and_leaves_it_alone(bulletin: Path) -> None:
    before = fingerprint(bulletin)
    code, _, err = run("clean", "-o", str(bulletin), str(bulletin))
    assert code == 2
    one_error_line(
        err, f"{bulletin}: -o would overwrite the input; write the cleaned text elsewhere"
    )
    assert fingerprint(bulletin) == before
    assert clean(bulletin.read_text(encoding="utf-8")).fixes  # it did need cleaning


def test_a_long_run_of_mojibake_is_repaired_in_linear_memory() -> None:
    """Each space fixed inside a run the mojibake rule repaired quoted the whole run:
    40,000 of them took 4.8 GB, 160,000 were killed for lack of memory."""
    report = bitext.check_text(mojibake_run(160_000))
    assert {"clean-mojibake", "clean-spaces"} <= {f.rule for f in report.findings}
    assert_linear_memory(lambda n: partial(bitext.check_text, mojibake_run(n)), 10_000)


def mojibake_run(n: int) -> str:
    return "今年投入5万元" + "ã\x80\x80" * n + " This year invested 50,000 yuan."


def test_spaces_after_a_list_of_figures() -> None:
    """The clock patterns began with \\s* and were tried at every space of a run."""
    figures = "、".join(f"{i}人" for i in range(1000))
    report = bitext.check_text("投入" + figures + " " * 300_000 + "Invested 5 yuan.")
    assert len([f for f in report.figures if f.lang == "zh"]) == 1000
    assert_linear_time(
        lambda n: partial(bitext.check_text, "投入" + figures + " " * n + "Invested 5 yuan."),
        300_000,
    )


def test_many_month_names_in_one_sentence() -> None:
    """Each month name searched the whole text before it for "in", "on", "March, …"."""
    figures = extract(month_names(10_000), "en")
    assert len(figures) == 30_001
    assert [(f.text, f.kind) for f in figures[:3]] == [
        ("May", "month"),
        ("June", "month"),
        ("July", "month"),
    ]
    assert (figures[-1].text, figures[-1].value) == ("50,000 yuan", 50_000)
    assert_linear_time(lambda n: partial(extract, month_names(n), "en"), 1_500)


def month_names(n: int) -> str:
    return "In " + "May, June and July, " * n + "invested 50,000 yuan."


@pytest.mark.parametrize(
    ("lang", "form", "n"),
    [
        ("zh", "下午3时", 6_000),  # each special form was checked against every one before it
        ("en", "October 1, ", 3_000),  # the days after a month: finditer with \G ran to the end
    ],
)
def test_reading_figures_takes_linear_time(lang: str, form: str, n: int) -> None:
    assert len(extract(form * n, lang)) >= n
    assert_linear_time(lambda n: partial(extract, form * n, lang), n)
