"""The rest of the input edge (issue 15): ``-`` reads standard input in ``check`` and
``clean``, and ``bitext clean DIR`` cleans a tree into ``-o DIR`` or ``--in-place``."""

from __future__ import annotations

import codecs
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.cli import main
from bitext.cli.commands import read_stream
from bitext.read.document import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
PANZHOU = ROOT / "seeds" / "panzhou.txt"
SUMMARY = "2 errors, 1 warning, 4 info in 6 pairs (1 file)"

DAMAGED = "投入 56.28 万元,资助学生。\nInvested RMB５.６２８ million .\n"
CLEANED = "投入56.28万元，资助学生。\nInvested RMB5.628 million.\n"
DAMAGED_FIXES = "6 fixes: width 2, zh-punctuation 1, cjk-spacing 2, en-punctuation 1"
GB_DAMAGED = "资助 12 名学生,发放 3.6 万元。\n"
GB_CLEANED = "资助12名学生，发放3.6万元。\n"
GB_FIXES = "5 fixes: zh-punctuation 1, cjk-spacing 4"
CLEAN_TEXT = "盘州市投入资金387.75万元。\nPanzhou invested RMB3.8775 million.\n"


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


# --- check - ------------------------------------------------------------------------------


def test_check_stdin_reports_as_the_file_does_under_the_name_stdin() -> None:
    code, out, err = _run("check", "-", stdin=PANZHOU.read_bytes())
    file_code, file_out, _ = _run("check", str(PANZHOU))
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == "<stdin>"
    assert out.splitlines()[-1] == SUMMARY
    assert out == file_out.replace(str(PANZHOU), "<stdin>") and file_code == 1


def test_check_stdin_json_has_the_files_findings() -> None:
    stdin = json.loads(_run("check", "--format", "json", "-", stdin=PANZHOU.read_bytes())[1])
    named = json.loads(_run("check", "--format", "json", str(PANZHOU))[1])
    assert [f["path"] for f in stdin["files"]] == ["<stdin>"]
    assert stdin["files"][0]["findings"] == named["files"][0]["findings"]


def test_check_stdin_decodes_gb18030_bytes() -> None:
    data = PANZHOU.read_text(encoding="utf-8").encode("gb18030")
    code, out, _ = _run("check", "--format", "json", "-", stdin=data)
    report = json.loads(out)
    assert code == 1 and report["files"][0]["encoding"] == "gb18030"
    assert _run("check", "-", stdin=data)[1].splitlines()[-1] == SUMMARY


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"", "<stdin>: file is empty"),
        (b" \n\n", "<stdin>: file is empty"),
        (b"\x00\x01\x02" * 100, "<stdin>: binary file (contains NUL bytes), not a text bulletin"),
    ],
)
def test_check_bad_stdin_is_one_line_and_exit_2(stdin: bytes, message: str) -> None:
    assert _run("check", "-", stdin=stdin) == (2, "", f"bitext: error: {message}\n")


def test_stdin_goes_alone() -> None:
    message = "bitext: error: - (standard input) goes alone, without other paths or --pair\n"
    assert _run("check", "-", str(PANZHOU), stdin=b"x") == (2, "", message)


def test_stdin_over_the_size_limit_is_refused_before_decoding() -> None:
    message = (
        "bitext: error: <stdin>: input is too large (over the 16 MB limit) — "
        "is it really a bulletin?\n"
    )
    too_large = "万".encode() * (MAX_BYTES // 3 + 1)
    assert _run("check", "-", stdin=too_large) == (2, "", message)
    assert _run("clean", "-", stdin=too_large) == (2, "", message)
    at_the_limit = io.BytesIO(b"a" * 99 + b"\n")
    assert read_stream(at_the_limit, max_bytes=100).text == "a" * 99 + "\n"


# --- clean - ------------------------------------------------------------------------------


def test_clean_stdin_writes_the_cleaned_text_to_stdout() -> None:
    assert _run("clean", "-", stdin=DAMAGED.encode()) == (0, CLEANED, "")
    assert _run("clean", "-", stdin=GB_DAMAGED.encode("gb18030")) == (0, GB_CLEANED, "")


def test_clean_stdin_check_diff_and_explain_name_it_stdin() -> None:
    data = DAMAGED.encode()
    assert _run("clean", "--check", "-", stdin=data) == (
        1,
        f"would clean <stdin>: {DAMAGED_FIXES}\n",
        "",
    )
    assert _run("clean", "--check", "-", stdin=CLEAN_TEXT.encode()) == (0, "<stdin>: clean\n", "")
    code, out, _ = _run("clean", "--diff", "-", stdin=data)
    assert code == 0 and out.startswith("--- <stdin>\t(original)\n+++ <stdin>\t(cleaned)\n")
    code, out, _ = _run("clean", "--explain", "-", stdin=data)
    assert out.splitlines()[0] == "<stdin>:1:3 cjk-spacing “投入 56.2” → “投入56.2”"


def test_clean_stdin_o_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "clean.txt"
    assert _run("clean", "-", "-o", str(out), stdin=DAMAGED.encode()) == (0, "", "")
    assert out.read_bytes() == CLEANED.encode()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--in-place"], "--in-place rewrites files; standard input is not one"),
        (["-", "OTHER"], "- (standard input) goes alone, without other paths"),
    ],
)
def test_clean_stdin_refusals(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(PANZHOU) if a == "OTHER" else a for a in args]
    assert _run("clean", *args, stdin=DAMAGED.encode()) == (2, "", f"bitext: error: {message}\n")


def test_clean_empty_stdin_is_one_line() -> None:
    assert _run("clean", "-", stdin=b"") == (2, "", "bitext: error: <stdin>: file is empty\n")


# --- clean DIR -----------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Three bulletins (one damaged UTF-8, one damaged GB18030, one clean) and a file a
    walk passes over."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes(DAMAGED.encode())
    (root / "sub" / "b.txt").write_bytes(GB_DAMAGED.encode("gb18030"))
    (root / "c.md").write_bytes(CLEAN_TEXT.encode())
    (root / "notes.csv").write_bytes(b"a, b\n")
    return root


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_clean_dir_o_mirrors_the_tree_in_utf8(tree: Path, tmp_path: Path) -> None:
    before = _snapshot(tree)
    out = tmp_path / "out"
    code, stdout, err = _run("clean", str(tree), "-o", str(out))
    assert (code, err) == (0, "")
    assert stdout == (
        f"cleaned {tree / 'a.txt'}: {DAMAGED_FIXES}\n"
        f"cleaned {tree / 'sub' / 'b.txt'}: {GB_FIXES}\n"
        f"wrote 3 files to {out}: 2 cleaned, 1 already clean\n"
    )
    assert {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()} == {
        "a.txt": CLEANED.encode(),
        "sub/b.txt": GB_CLEANED.encode(),
        "c.md": CLEAN_TEXT.encode(),
    }
    assert _snapshot(tree) == before


def test_clean_dir_o_inside_the_tree_skips_an_earlier_runs_output(tree: Path) -> None:
    out = tree / "cleaned"
    assert _run("clean", str(tree), "-o", str(out))[0] == 0
    code, stdout, _ = _run("clean", str(tree), "-o", str(out))
    assert code == 0 and stdout.endswith(f"wrote 3 files to {out}: 2 cleaned, 1 already clean\n")
    assert not (out / "cleaned").exists()


def test_clean_dir_o_the_dir_itself_is_refused(tree: Path) -> None:
    before = _snapshot(tree)
    assert _run("clean", str(tree), "-o", str(tree)) == (
        2,
        "",
        f"bitext: error: {tree}: -o would overwrite the input; use --in-place to rewrite it\n",
    )
    assert _snapshot(tree) == before


def test_clean_dir_without_o_or_in_place_is_refused(tree: Path) -> None:
    before = _snapshot(tree)
    assert _run("clean", str(tree)) == (
        2,
        "",
        f"bitext: error: {tree}: is a directory; give -o DIR to write its cleaned files "
        "there, or --in-place to rewrite them\n",
    )
    assert _snapshot(tree) == before


def test_clean_in_place_rewrites_only_what_needs_it_in_its_own_encoding(tree: Path) -> None:
    past = 1_600_000_000_000_000_000
    for path in tree.rglob("*"):
        os.utime(path, ns=(past, past))
    code, stdout, err = _run("clean", "--in-place", str(tree))
    assert (code, err) == (0, "")
    assert stdout == (
        f"cleaned {tree / 'a.txt'}: {DAMAGED_FIXES}\n"
        f"cleaned {tree / 'sub' / 'b.txt'}: {GB_FIXES}\n"
        "2 files cleaned, 1 already clean\n"
    )
    after = _snapshot(tree)
    assert after["a.txt"][0] == CLEANED.encode()
    assert after["sub/b.txt"][0] == GB_CLEANED.encode("gb18030")  # still GB18030
    assert after["a.txt"][1] != past and after["sub/b.txt"][1] != past
    assert after["c.md"] == (CLEAN_TEXT.encode(), past)  # a clean file is not touched
    assert after["notes.csv"] == (b"a, b\n", past)  # nor a file the walk passes over
    assert sorted(after) == ["a.txt", "c.md", "notes.csv", "sub/b.txt"]  # no temporary left
    assert _run("clean", "--check", str(tree))[0] == 0


def test_clean_in_place_keeps_a_bom_and_its_byte_order(tmp_path: Path) -> None:
    be = tmp_path / "be.txt"
    be.write_bytes(codecs.BOM_UTF16_BE + DAMAGED.encode("utf-16-be"))
    sig = tmp_path / "sig.txt"
    sig.write_bytes(codecs.BOM_UTF8 + DAMAGED.encode())
    mode = 0o640
    be.chmod(mode)
    assert _run("clean", "--in-place", str(be), str(sig))[0] == 0
    assert be.read_bytes() == codecs.BOM_UTF16_BE + CLEANED.encode("utf-16-be")
    assert sig.read_bytes() == codecs.BOM_UTF8 + CLEANED.encode()
    assert be.stat().st_mode & 0o777 == mode


def test_clean_in_place_goes_on_past_a_file_it_cannot_read(tree: Path) -> None:
    (tree / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, stdout, err = _run("clean", "--in-place", str(tree))
    assert code == 2
    assert err == (
        f"bitext: error: {tree / 'bad.txt'}: binary file (contains NUL bytes), "
        "not a text bulletin\n"
    )
    assert stdout.endswith("2 files cleaned, 1 already clean\n")
    assert (tree / "a.txt").read_bytes() == CLEANED.encode()


def test_clean_in_place_refuses_text_its_encoding_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "tw.txt"
    original = "市府投入 1.25 億元。\n".encode("big5")
    path.write_bytes(original)
    code, stdout, err = _run("clean", "--in-place", "--enable", "traditional", str(path))
    assert (code, stdout) == (2, "0 files cleaned, 0 already clean\n")
    assert err == (
        f"bitext: error: {path}: the cleaned text has 亿 (U+4EBF, line 1), which big5 "
        "cannot hold; write UTF-8 with -o DIR instead\n"
    )
    assert path.read_bytes() == original


def test_clean_in_place_does_not_go_with_o_or_reports(tree: Path, tmp_path: Path) -> None:
    message = (
        "bitext: error: --in-place rewrites the files; it does not go with -o, --check, "
        "--diff or --explain\n"
    )
    for extra in (["-o", str(tmp_path / "x")], ["--check"], ["--diff"]):
        assert _run("clean", "--in-place", str(tree), *extra) == (2, "", message)


def test_clean_check_on_a_directory_lists_each_file_and_exits_1(tree: Path) -> None:
    before = _snapshot(tree)
    assert _run("clean", "--check", str(tree)) == (
        1,
        f"would clean {tree / 'a.txt'}: {DAMAGED_FIXES}\n"
        f"{tree / 'c.md'}: clean\n"
        f"would clean {tree / 'sub' / 'b.txt'}: {GB_FIXES}\n",
        "",
    )
    assert _snapshot(tree) == before


def test_clean_check_on_a_clean_directory_exits_0(tree: Path) -> None:
    assert _run("clean", "--check", "--include", "*.md", str(tree)) == (
        0,
        f"{tree / 'c.md'}: clean\n",
        "",
    )
    assert _run("clean", "--check", "--exclude", "sub", "--exclude", "a.txt", str(tree))[0] == 0


def test_clean_walks_plain_text_only_and_rewrites_no_markup(tree: Path) -> None:
    """A bilingual CAT file in the tree is not walked; named by --include, a page or a
    Word document is one error line and stays as it was."""
    tmx = '<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>5 万</seg></tuv></tu></body></tmx>'
    tmx_bytes = tmx.encode()
    (tree / "memory.tmx").write_bytes(tmx_bytes)
    page = "<p>投入 5 万元,资助学生。</p>\n".encode()
    (tree / "page.html").write_bytes(page)
    assert _run("clean", "--check", str(tree))[1].count("\n") == 3  # a.txt, c.md, sub/b.txt
    code, stdout, err = _run("clean", "--in-place", "--include", "*.html", str(tree))
    assert (code, stdout) == (2, "0 files cleaned, 0 already clean\n")
    assert err == (
        f"bitext: error: {tree / 'page.html'}: not a plain text file; -o DIR and --in-place "
        "rewrite plain text only\n"
    )
    assert (tree / "page.html").read_bytes() == page
    assert (tree / "memory.tmx").read_bytes() == tmx_bytes


def test_check_stdin_jsonl_is_the_streamed_files_lines() -> None:
    code, out, _ = _run("check", "--format", "jsonl", "-", stdin=PANZHOU.read_bytes())
    file_out = _run("check", "--format", "jsonl", str(PANZHOU))[1]
    assert code == 1 and out.count("\n") == 7
    assert out == file_out.replace(json.dumps(str(PANZHOU)), json.dumps("<stdin>"))


def test_clean_check_goes_on_past_a_file_it_cannot_read(tree: Path) -> None:
    missing = tree / "missing.txt"
    assert _run("clean", "--check", str(missing), str(tree / "c.md")) == (
        2,
        f"{tree / 'c.md'}: clean\n",
        f"bitext: error: {missing}: no such file or directory\n",
    )


def test_clean_dir_o_naming_a_file_is_refused(tree: Path) -> None:
    assert _run("clean", str(tree), "-o", str(tree / "a.txt")) == (
        2,
        "",
        f"bitext: error: {tree / 'a.txt'}: not a directory; -o takes a directory when "
        "cleaning one\n",
    )
    assert (tree / "a.txt").read_bytes() == DAMAGED.encode()


def test_clean_in_place_through_a_symbolic_link_rewrites_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(DAMAGED.encode())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert _run("clean", "--in-place", str(link)) == (
        0,
        f"cleaned {link}: {DAMAGED_FIXES}\n1 file cleaned, 0 already clean\n",
        "",
    )
    assert link.is_symlink() and target.read_bytes() == CLEANED.encode()
