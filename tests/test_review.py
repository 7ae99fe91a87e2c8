"""``bitext review``: the session as a library, the Textual screen driven by its own
headless pilot (real key presses), and the files it writes, checked again by
``bitext check``."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.widgets import Label, Static

from bitext.check import check_document
from bitext.cli import main
from bitext.model import Document
from bitext.read import read_document
from bitext.review import Refused, ReviewSession, review_file
from bitext.review.app import DiffScreen, EditScreen, ReviewApp

from .conftest import FIXTURES, PANZHOU_FINDINGS, ROOT, SEEDS

SEED = (SEEDS / "panzhou.txt").read_bytes()
WRONG_SCALE = "A total of 3,877.5 million yuan"
FIXED_SCALE = "A total of 3.8775 million yuan"
SECOND = '\nThe second is the "group-type"'
IGNORE_MISSING = "bitext: ignore figure-missing -- accepted in review"
PANZHOU = PANZHOU_FINDINGS
"""What seeds/panzhou.txt draws, in the order the review steps through it."""


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of seeds/panzhou.txt in the current directory (a temporary one), by the
    relative path a user types."""
    (tmp_path / "panzhou.txt").write_bytes(SEED)
    monkeypatch.chdir(tmp_path)
    return Path("panzhou.txt")


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with its one ``old`` replaced (an error when it has none or two)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def checked(*args: str) -> tuple[list[tuple[str, int | None]], str]:
    """The (rule, pair) of each finding ``bitext check ARGS`` reports, and its stderr."""
    result = CliRunner().invoke(main, ["check", *args, "--format", "jsonl", "--isolated"])
    assert result.exit_code in (0, 1), result.output
    findings = [json.loads(line) for line in result.stdout.splitlines()]
    return [(f["rule"], f["pair"]) for f in findings], result.stderr


def drive(app: ReviewApp, keys: Callable[[Any], Coroutine[Any, Any, None]]) -> None:
    """Run ``app`` headless at 120×40 and press what ``keys`` presses."""

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await keys(pilot)

    asyncio.run(run())


def shown(app: ReviewApp, widget: str) -> str:
    """The plain text of one part of the screen (``#header``, ``#en``, ``#message``…)."""
    return str(app.query_one(widget, Static).content)


# --- the screen, driven by key presses ---------------------------------------------------


def test_fix_one_accept_one_save_and_check_again(seed: Path) -> None:
    """The review of the seed: fix the figure-scale error, accept the missing 6 in an
    ignore comment, save; the file has exactly those two changes, and bitext check
    reports exactly the rest."""
    app = ReviewApp(review_file(seed))
    seen: dict[str, str] = {}

    async def keys(pilot: Any) -> None:
        await pilot.press("n")  # finding 2: “3,877.5 million yuan” for 387.75 万元
        seen["before"] = shown(app, "#en")
        await pilot.press("f")
        seen["header"] = shown(app, "#header")
        seen["after"] = shown(app, "#en")
        seen["state"] = shown(app, "#suggestion")
        await pilot.press("n", "a")  # finding 3: 选派 6 名教师, the 6 missing in English
        await pilot.press("s")
        seen["saved"] = shown(app, "#message")
        await pilot.press("q")  # nothing unsaved: no question
        seen["running"] = str(app.is_running)

    drive(app, keys)
    expected = replaced(SEED.decode(), WRONG_SCALE, FIXED_SCALE)
    expected = replaced(expected, SECOND, f"\n{IGNORE_MISSING}{SECOND}")
    assert seed.read_bytes() == expected.encode("utf-8")
    rules, _ = checked(str(seed))
    assert rules == [PANZHOU[0], PANZHOU[3], *PANZHOU[4:]]
    assert "3,877.5 million yuan" in seen["before"]
    assert "3.8775 million yuan" in seen["after"] and "3,877.5" not in seen["after"]
    assert seen["header"] == (
        "bitext review panzhou.txt  finding 2 of 4 · 1 fixed · unsaved changes"
    )
    assert "state: fixed: “3,877.5 million yuan” → “3.8775 million yuan”" in seen["state"]
    assert seen["saved"] == "saved panzhou.txt"
    assert seen["running"] == "False"
    assert sorted(p.name for p in seed.parent.iterdir()) == ["panzhou.txt"]


def test_quit_with_unsaved_changes_asks_and_leaves_the_file_as_it_was(seed: Path) -> None:
    app = ReviewApp(review_file(seed))
    screens: list[str] = []

    async def keys(pilot: Any) -> None:
        await pilot.press("n", "f", "n", "a", "q")
        screens.append(type(app.screen).__name__)
        screens.append(str(app.screen.query_one(Label).content))
        await pilot.press("n")  # stay
        screens.append(type(app.screen).__name__)
        screens.append(shown(app, "#header"))
        await pilot.press("q")
        screens.append(type(app.screen).__name__)
        await pilot.press("y")  # quit without saving
        screens.append(str(app.is_running))

    drive(app, keys)
    assert screens == [
        "QuitScreen",
        "Unsaved: 1 fixed, 1 accepted inline. Quit without saving? (y: quit, n: stay)",
        "Screen",
        "bitext review panzhou.txt  finding 3 of 4 · 1 fixed · 1 accepted inline · unsaved changes",
        "QuitScreen",
        "False",
    ]
    assert seed.read_bytes() == SEED
    assert sorted(p.name for p in seed.parent.iterdir()) == ["panzhou.txt"]


def test_edit_the_english_figure_by_hand(seed: Path) -> None:
    """e opens the figure in an input line: Escape cancels, Enter applies."""
    app = ReviewApp(review_file(seed))
    seen: list[str] = []

    async def keys(pilot: Any) -> None:
        await pilot.press("n", "n", "n")  # finding 4: “RMB5.628 million” for 56.28 万元
        await pilot.press("e")
        assert isinstance(app.screen, EditScreen)
        seen.append(app.screen.query_one("#figure").value)
        await pilot.press("escape")
        seen.append(shown(app, "#message"))
        await pilot.press("e", *"RMB562", "comma", *"800", "enter")
        seen.append(shown(app, "#message"))
        seen.append(shown(app, "#en"))
        await pilot.press("s", "q")

    drive(app, keys)
    assert seen[:3] == ["RMB5.628 million", "edit cancelled", "edited: “RMB562,800”"]
    assert "Invested RMB562,800 in Dalian's assistance funds" in seen[3]
    assert seed.read_bytes() == replaced(
        SEED.decode(), "Invested RMB5.628 million", "Invested RMB562,800"
    ).encode("utf-8")
    rules, _ = checked(str(seed))
    assert rules == [*PANZHOU[:3], *PANZHOU[4:]]


def test_accept_to_the_baseline_hides_the_finding_from_check(seed: Path) -> None:
    """--accept-to baseline (here b, in the inline mode): the file is not touched, the
    baseline beside it records the finding, and check --baseline honours it."""
    app = ReviewApp(review_file(seed))

    async def keys(pilot: Any) -> None:
        await pilot.press("n", "n", "b", "s", "q")

    drive(app, keys)
    assert seed.read_bytes() == SEED
    baseline = seed.parent / "bitext-baseline.json"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert [(e["rule"], e["line"]) for e in data["files"]["panzhou.txt"]] == [("figure-missing", 7)]
    rules, notes = checked(str(seed), "--baseline", str(baseline))
    assert rules == [*PANZHOU[:2], *PANZHOU[3:]]
    assert "1 finding in the baseline not shown" in notes
    assert len(review_file(seed)) == 3  # a new review does not show it again


def test_next_and_previous_stop_at_the_ends(seed: Path) -> None:
    app = ReviewApp(review_file(seed))
    seen: list[tuple[int, str]] = []

    async def keys(pilot: Any) -> None:
        await pilot.press("p")
        seen.append((app.session.index, shown(app, "#message")))
        await pilot.press(*["right"] * 3)
        seen.append((app.session.index, shown(app, "#message")))
        await pilot.press("n")
        seen.append((app.session.index, shown(app, "#message")))
        await pilot.press("left")
        seen.append((app.session.index, shown(app, "#message")))

    drive(app, keys)
    assert seen == [
        (0, "this is the first finding"),
        (3, ""),
        (3, "this is the last finding"),
        (2, ""),
    ]


def test_a_finding_without_a_certain_fix_says_why(seed: Path) -> None:
    app = ReviewApp(review_file(seed))
    seen: list[str] = []

    async def keys(pilot: Any) -> None:
        await pilot.press("f")  # finding 1: “2018”, whose Chinese lost its head
        seen.append(shown(app, "#message"))
        seen.append(shown(app, "#finding"))
        await pilot.press("n", "n", "e")  # finding 3 has no English figure to edit
        seen.append(shown(app, "#message"))
        await pilot.press("q")

    drive(app, keys)
    assert seen[0] == "no fix: nothing to correct: the figure cannot be checked"
    assert seen[1].startswith("panzhou.txt:5:153 info figure-unverifiable “2018”")
    assert seen[2] == "this finding has no English figure to edit"
    assert seed.read_bytes() == SEED


def test_cleaning_notices_are_reviewed_only_when_asked(seed: Path) -> None:
    """As ``bitext check`` lists them: what cleaning repaired is not the translation's."""
    figures = [rule for rule, _ in PANZHOU[:4]]
    assert [f.rule for f in review_file(seed).findings] == figures
    assert [f.rule for f in review_file(seed, show_cleaning=True).findings] == [
        rule for rule, _ in PANZHOU
    ]


def test_a_finding_outside_a_pair_shows_its_line(seed: Path) -> None:
    app = ReviewApp(review_file(seed, show_cleaning=True))
    seen: list[Any] = []

    async def keys(pilot: Any) -> None:
        await pilot.press(*["n"] * 4)  # finding 5: clean-zh-punctuation, line 3
        seen.append(shown(app, "#pair-title"))
        seen.append(app.query_one("#pair").display)
        seen.append(shown(app, "#context")[:15])
        await pilot.press("u")
        seen.append(shown(app, "#message"))

    drive(app, keys)
    assert seen == [
        "line 3 · not in a pair",
        False,
        "“一对一”帮扶合作机制,切实深",
        "nothing to undo",
    ]


def test_d_shows_what_saving_would_change(seed: Path) -> None:
    app = ReviewApp(review_file(seed))
    seen: list[str] = []

    async def keys(pilot: Any) -> None:
        await pilot.press("d")
        seen.append(shown(app, "#message"))
        await pilot.press("n", "f", "d")
        assert isinstance(app.screen, DiffScreen)
        seen.append(str(app.screen.query_one("#diff", Static).content))
        await pilot.press("escape")
        seen.append(type(app.screen).__name__)
        await pilot.press("q", "y")

    drive(app, keys)
    assert seen[0] == "nothing to save: the file stays as it is"
    lines = seen[1].splitlines()
    assert lines[:3] == [
        "--- panzhou.txt\t(original)",
        "+++ panzhou.txt\t(fixed)",
        "@@ -2,7 +2,7 @@",
    ]
    changed = [line[:1] for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-", "+"]
    assert FIXED_SCALE in lines[lines.index(next(x for x in lines if x.startswith("+The first")))]
    assert seen[2] == "Screen"
    assert seed.read_bytes() == SEED


def test_a_pair_names_both_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("panzhou.zh.txt", "panzhou.en.txt"):
        shutil.copy(FIXTURES / "pairs" / name, name)
    app = ReviewApp(review_file("panzhou.en.txt", "panzhou.zh.txt"))
    seen: list[str] = []

    async def keys(pilot: Any) -> None:
        await pilot.press("n")
        seen.extend([shown(app, "#header"), shown(app, "#pair-title"), shown(app, "#finding")])
        await pilot.press("q")

    drive(app, keys)
    assert seen[0] == "bitext review panzhou.zh.txt → panzhou.en.txt  finding 2 of 4"
    assert seen[1] == "pair 1 · line 3 · confidence 0.96 · Chinese fragment is cut"
    assert seen[2].startswith("panzhou.en.txt:3:12 error figure-scale “3,877.5 million yuan”")


def test_the_screenshot_script_draws_the_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/screenshots.py review: the seed on its first error, every Chinese run as
    wide as the cells it takes (two a character)."""
    monkeypatch.chdir(tmp_path)  # the script moves to the repository; this moves back
    monkeypatch.syspath_prepend(str(ROOT / "docs"))
    screenshots = __import__("screenshots")
    target = tmp_path / "review.svg"
    screenshots.review(target)
    svg = target.read_text(encoding="utf-8")
    assert "finding&#160;2&#160;of&#160;4" in svg
    assert ">3,877.5&#160;million&#160;yuan<" in svg
    assert re.search(r'textLength="122"[^>]*>387\.75万元</text>', svg)  # 10 cells of 12.2
    assert (SEEDS / "panzhou.txt").read_bytes() == SEED


# --- the session, without a screen -------------------------------------------------------


def test_session_undo_and_save_twice(seed: Path) -> None:
    """Each save writes the file as decided now: an undone fix is undone on disk."""
    session = review_file(seed)
    session.next()
    session.apply_fix()
    assert session.dirty
    assert session.save() == f"saved {seed}"
    assert not session.dirty
    assert seed.read_bytes() == replaced(SEED.decode(), WRONG_SCALE, FIXED_SCALE).encode()
    assert session.save() == "nothing to save"
    assert session.diff() == ""
    assert session.undo() is not None and session.state() == "open"
    changed = [line for line in session.diff().splitlines() if line[:1] in "+-"]
    assert [line[:11] for line in changed] == [
        "--- panzhou",
        "+++ panzhou",
        "-The first ",
        "+The first ",
    ]
    assert FIXED_SCALE in changed[2] and WRONG_SCALE in changed[3]
    session.save()
    assert seed.read_bytes() == SEED


def test_session_accepts_a_paragraph_s_findings_in_one_comment(seed: Path) -> None:
    session = review_file(seed)
    session.accept()  # figure-unverifiable, line 5
    session.next()
    session.accept("inline")  # figure-scale, the same paragraph
    assert [edit.new for edit in session.edits()] == [
        "bitext: ignore figure-scale, figure-unverifiable -- accepted in review\n"
    ]
    session.save()
    rules, _ = checked(str(seed))
    assert rules == [PANZHOU[2], PANZHOU[3], *PANZHOU[4:]]


def test_an_inline_comment_covers_the_rule_in_its_whole_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(
        "投入 387.75 万元，支出 56.28 万元。 Invested 3,877.5 million yuan and spent "
        "RMB5.628 million.\n",
        encoding="utf-8",
    )
    session = review_file(path)
    assert [f.rule for f in session.findings][:2] == ["figure-scale", "figure-scale"]
    session.accept()
    assert [session.state(i) for i in range(2)] == ["accepted inline", "covered by finding 1"]
    assert session.counts() == {"accepted inline": 1, "covered": 1}
    session.save()
    assert path.read_text(encoding="utf-8").startswith(
        "bitext: ignore figure-scale -- accepted in review\n投入"
    )
    assert [f.rule for f in check_document(read_document(path)).findings] == ["clean-cjk-spacing"]


@pytest.mark.parametrize(
    ("name", "encoding", "newline", "comment"),
    [
        ("crlf.txt", "utf-8", "\r\n", IGNORE_MISSING),
        ("gb.txt", "gb18030", "\n", IGNORE_MISSING),
        ("bom.txt", "utf-8-sig", "\n", IGNORE_MISSING),
        ("wide.txt", "utf-16", "\r\n", IGNORE_MISSING),
        ("page.md", "utf-8", "\n", f"<!-- {IGNORE_MISSING} -->"),
    ],
)
def test_the_file_keeps_its_encoding_line_endings_and_comment_syntax(
    tmp_path: Path, name: str, encoding: str, newline: str, comment: str
) -> None:
    text = SEED.decode().replace("\n", newline)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    session = review_file(path)
    session.next()
    session.apply_fix()
    session.next()
    session.accept()
    session.save()
    second = SECOND.replace("\n", newline)
    expected = replaced(text, WRONG_SCALE, FIXED_SCALE)
    expected = replaced(expected, second, f"{newline}{comment}{second}")
    assert path.read_bytes() == expected.encode(encoding)
    rules = [(f.rule, f.pair) for f in check_document(read_document(path)).findings]
    assert rules == [PANZHOU[0], PANZHOU[3], *PANZHOU[4:]]


def test_a_translation_pair_edits_the_english_file(tmp_path: Path) -> None:
    """--pair: the English file is fixed and gets the comments; a finding only in the
    Chinese file goes to the baseline, which check --pair --baseline honours."""
    zh, en = tmp_path / "panzhou.zh.txt", tmp_path / "panzhou.en.txt"
    shutil.copy(FIXTURES / "pairs" / "panzhou.zh.txt", zh)
    shutil.copy(FIXTURES / "pairs" / "panzhou.en.txt", en)
    before_zh, before_en = zh.read_bytes(), en.read_text(encoding="utf-8")
    session = review_file(en, zh)
    assert [f.rule for f in session.findings] == [
        "figure-unverifiable",
        "figure-scale",
        "figure-missing",
        "figure-scale",
    ]
    session.next()
    session.apply_fix()
    session.next()
    with pytest.raises(Refused, match="in the Chinese file only"):
        session.accept("inline")
    session.accept("baseline")
    session.index = 0
    session.accept("inline")  # “2018” is in the English file
    session.save()
    assert zh.read_bytes() == before_zh
    after = replaced(before_en, "3,877.5 million yuan", "3.8775 million yuan")
    # The English file has no blank line: its one paragraph starts the file.
    comment = "bitext: ignore figure-unverifiable -- accepted in review\n"
    assert en.read_text(encoding="utf-8") == comment + after
    rules, _ = checked(
        "--pair", str(zh), str(en), "--baseline", str(tmp_path / "bitext-baseline.json")
    )
    assert rules == [
        ("figure-scale", 4),
        ("clean-zh-punctuation", None),
        ("clean-cjk-spacing", None),
        ("clean-en-punctuation", None),
    ]


def test_a_baseline_keeps_what_it_had(seed: Path) -> None:
    """Accepting into an existing baseline adds to it: the entries of other files and
    this file's earlier ones stay."""
    other = seed.parent / "other.txt"
    other.write_text("投入 56.28 万元。 Invested RMB5.628 million.\n", encoding="utf-8")
    baseline = seed.parent / "accepted.json"
    CliRunner().invoke(main, ["check", str(other), "--isolated", "--write-baseline", str(baseline)])
    before = json.loads(baseline.read_text(encoding="utf-8"))
    session = review_file(seed, accept_to="baseline", baseline=baseline)
    session.accept()
    session.save()
    after = json.loads(baseline.read_text(encoding="utf-8"))
    assert after["files"]["other.txt"] == before["files"]["other.txt"]
    assert [e["rule"] for e in after["files"]["panzhou.txt"]] == ["figure-unverifiable"]
    session.undo()
    session.save()  # undone after saving: gone from the baseline again
    assert json.loads(baseline.read_text(encoding="utf-8")) == before


def test_a_fix_in_the_sentence_of_a_baselined_finding_is_fingerprinted_as_saved(
    tmp_path: Path,
) -> None:
    """The baseline's fingerprint is that of the file as saved, where the sentence holds
    the fixed figure: check --baseline hides the accepted finding after the fix."""
    path = tmp_path / "one.txt"
    path.write_text(
        "投入 387.75 万元，支出 56.28 万元。 Invested 3,877.5 million yuan and spent "
        "RMB5.628 million.\n",
        encoding="utf-8",
    )
    session = review_file(path)
    session.apply_fix()
    session.next()
    session.accept("baseline")
    session.save()
    rules, notes = checked(str(path), "--baseline", str(tmp_path / "bitext-baseline.json"))
    assert [rule for rule, _ in rules if rule.startswith("figure")] == []
    assert "1 finding in the baseline not shown" in notes


def test_two_changes_to_one_figure_are_refused(seed: Path) -> None:
    report = review_file(seed).report
    scale = report.findings[1]
    twice = report._replace(findings=(scale, scale._replace(rule="figure-value")))
    session = ReviewSession(twice)
    session.edit_figure("3.8775 million yuan")
    session.next()
    with pytest.raises(Refused, match="changed for finding 1 already"):
        session.edit_figure("3.9 million yuan")
    session.previous()
    assert session.edit_figure("3,877.5 million yuan") is None  # back as the file has it
    assert session.state() == "open" and session.edits() == []


def test_a_changed_file_is_not_overwritten(seed: Path) -> None:
    session = review_file(seed)
    session.next()
    session.apply_fix()
    seed.write_bytes(SEED + b"\n")
    with pytest.raises(Exception, match="changed since it was checked"):
        session.save()
    assert seed.read_bytes() == SEED + b"\n"


def test_a_text_not_read_from_a_file_cannot_be_saved() -> None:
    session = ReviewSession(check_document(Document(None, SEED.decode(), "utf-8")))
    with pytest.raises(Refused, match="not read from a file"):
        session.save()


# --- the command ---------------------------------------------------------------------------


def review(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["review", *args])
    return result.exit_code, result.stderr


def test_the_command_without_textual_says_how_to_get_it(
    seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textual", None)  # import textual fails
    assert review(str(seed)) == (
        2,
        "bitext: error: bitext review needs Textual: pip install 'bitext[review]'\n",
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file or directory"),
        (
            "units.xlf",
            "<xliff/>",
            "units.xlf: bitext review edits plain text and Markdown files; "
            "a Word document or a CAT file takes bitext check --fix",
        ),
        (
            "page.html",
            "<p>投入 56.28 万元。 Invested RMB5.628 million.</p>",
            "page.html: bitext review edits plain text and Markdown files; "
            "a Word document or a CAT file takes bitext check --fix",
        ),
        ("-", None, "bitext review edits a file; standard input is not one"),
        ("panzhou.txt", "", "bitext review needs a terminal (for a report, use bitext check)"),
    ],
)
def test_the_command_refuses_in_one_line(
    seed: Path, name: str, content: str | None, message: str
) -> None:
    if content:
        (seed.parent / name).write_text(content, encoding="utf-8")
    assert review(name) == (2, f"bitext: error: {message}\n")
    assert seed.read_bytes() == SEED


def test_the_command_with_nothing_to_review_says_so(tmp_path: Path) -> None:
    path = tmp_path / "fine.txt"
    path.write_text("投入56.28万元。 Invested RMB562,800.\n", encoding="utf-8")
    assert review(str(path)) == (0, f"bitext: note: {path}: no findings to review\n")


def test_the_command_takes_a_file_or_a_pair() -> None:
    result = CliRunner().invoke(main, ["review"])
    assert result.exit_code == 2
    assert "give one FILE to review, or --pair ZH EN" in result.output


def test_bitext_check_does_not_load_textual() -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bitext", "check", "seeds/panzhou.txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1  # the seed's errors
    imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()]
    assert "bitext.cli.review" in imported  # the command is registered …
    assert [name for name in imported if name.split(".")[0] == "textual"] == []  # … lazily
