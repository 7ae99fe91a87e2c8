"""A review of one file's findings, one at a time: the library under ``bitext review``.

A :class:`ReviewSession` holds the report of one file (a mixed bulletin, or an English
file checked against its Chinese source), which finding is on screen, and what the
reviewer decided for each: its certain fix applied (:func:`bitext.fix.fix_for`), its
English figure edited by hand, or the finding accepted as it is. Nothing touches the
disk until :meth:`ReviewSession.save`, which writes the file atomically (and the
baseline, for findings accepted there); quitting without saving leaves every byte as it
was. Every change is an :class:`bitext.fix.Edit` into the text as it was read, so the
findings' offsets stay valid however many are handled.

An accepted finding goes where the reviewer says:

- ``inline``: a ``bitext: ignore RULE -- accepted in review`` line (in Markdown, inside
  ``<!-- … -->``) right before the paragraph that holds it, in the file's own line
  ending, as :mod:`bitext.check.suppress` reads it. The comment covers every finding of
  that rule in the paragraph, and the session shows those as covered. Findings accepted
  in one paragraph share one line. In a translation pair the comment goes in the
  English file, so a finding only on the Chinese side (a figure missing in the English)
  cannot be accepted inline: it goes to the baseline.
- ``baseline``: an entry in a baseline file (:mod:`bitext.report.baseline`), by default
  ``bitext-baseline.json`` beside the file, which ``bitext check --baseline`` honours.
  Its fingerprints are those of the file as saved (a fix in the same sentence changes
  a fingerprint), and the entries already there are kept.

The session is the state and the rules; ``bitext.review.app`` is a Textual view over it.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from bitext.atomic import write_atomic, write_atomic_bytes
from bitext.check import DEFAULT_CONFIG, CheckConfig, check_document, check_translation
from bitext.check.rules import RULES
from bitext.check.suppress import read_suppressions
from bitext.fix import Edit, NotFixed, fix_for, fixed_bytes, fixed_text, unified_diff
from bitext.model import Document, FileReport, Finding, InputError, Report
from bitext.read import is_cat_file
from bitext.read.document import decode, read_document
from bitext.report.baseline import apply_baseline, baseline_json, file_key, read_baseline
from bitext.report.cleaning import without_cleaning
from bitext.report.locate import primary_side, primary_span

ACCEPT_MODES = ("inline", "baseline")
"""Where an accepted finding goes: an ignore comment in the file, or the baseline file."""

DEFAULT_BASELINE = "bitext-baseline.json"
"""The baseline file's name beside the reviewed file when none is given."""

REASON = "accepted in review"
"""The reason an ignore comment written by the review gives (after ``--``)."""

MARKDOWN = (".md", ".markdown")
"""Files whose ignore comments go inside ``<!-- … -->``, so a rendered page hides them."""

NOT_REVIEWED = (
    "bitext review edits plain text and Markdown files; "
    "a Word document or a CAT file takes bitext check --fix"
)
"""Why a Word document, an HTML page or a bilingual CAT file is not reviewed: an ignore
comment has no place in them (and an HTML page is not rewritten at all)."""


class Refused(Exception):
    """What the session cannot do for the finding on screen; the message says why."""


class Action(NamedTuple):
    """What the reviewer did with one finding."""

    kind: str
    """``fixed`` (the certain fix), ``edited`` (the English figure by hand) or ``accepted``."""
    edit: Edit | None = None
    """The change to the file, for ``fixed`` and ``edited``."""
    to: str | None = None
    """Where an accepted finding goes: ``inline`` or ``baseline``."""


class _Paragraph(NamedTuple):
    """A paragraph as :mod:`bitext.check.suppress` sees it: its first line starts at
    ``start``, its last ends at ``end``; ``newline`` is the line ending to write."""

    start: int
    end: int
    newline: str


def review_file(
    path: str | Path,
    source: str | Path | None = None,
    *,
    config: CheckConfig = DEFAULT_CONFIG,
    accept_to: str = "inline",
    baseline: str | Path | None = None,
    show_cleaning: bool = False,
) -> ReviewSession:
    """Read and check ``path`` (a mixed bulletin, or with ``source`` the English file
    of a translation whose Chinese is ``source``), as ``bitext check`` does; its
    cleaning notices are reviewed only when ``show_cleaning`` (they are not problems of
    the translation, and ``bitext check`` does not list them either).

    The baseline file (``baseline``, else ``bitext-baseline.json`` beside ``path``) is
    read when it exists: the findings it records are not reviewed again, and findings
    accepted to the baseline are added to it. An unreadable file, or one the review
    cannot rewrite, is an :class:`InputError`.
    """
    path = Path(path)
    if str(path) == "-":
        raise InputError("bitext review edits a file; standard input is not one")
    if is_cat_file(path):
        raise InputError(f"{path}: {NOT_REVIEWED}")
    document = read_document(path)
    if document.encoding == "docx" or document.encoding.startswith("html/"):
        raise InputError(f"{path}: {NOT_REVIEWED}")
    if source is None:
        report = check_document(document, config)
    else:
        report = check_translation(read_document(source), document, config)
    baseline_path = Path(baseline) if baseline is not None else path.parent / DEFAULT_BASELINE
    if baseline_path.exists():
        filtered, _ = apply_baseline(Report((report,), ""), read_baseline(baseline_path))
        report = filtered.files[0]
    if not show_cleaning:
        report = without_cleaning(Report((report,), "")).files[0]
    return ReviewSession(report, config=config, accept_to=accept_to, baseline=baseline_path)


class ReviewSession:
    """The findings of one file, the one on screen, and what was decided for each.

    ``report`` is the file's report (its findings in the order reviewed); ``config``
    checks the file again when a baseline is written; ``accept_to`` is where
    :meth:`accept` sends a finding unless told; ``baseline`` is the baseline file.
    """

    def __init__(
        self,
        report: FileReport,
        *,
        config: CheckConfig = DEFAULT_CONFIG,
        accept_to: str = "inline",
        baseline: str | Path | None = None,
    ) -> None:
        if accept_to not in ACCEPT_MODES:
            raise ValueError(f"accept_to is one of {ACCEPT_MODES}, not {accept_to!r}")
        self.report = report
        self.document = report.document
        self.findings = report.findings
        self.config = config
        self.accept_to = accept_to
        path = self.document.path or "."
        self.baseline = (
            Path(baseline) if baseline is not None else Path(path).parent / DEFAULT_BASELINE
        )
        self.index = 0
        self._actions: dict[int, Action] = {}
        self._saved: dict[int, Action] = {}
        self._saved_edits: list[Edit] = []
        self._on_disk = self.document
        """The file as it is on disk: as read, then as last saved."""
        self._lines = _Lines(self.document.text)
        self._baseline_before = _read_json(self.baseline)

    # --- moving -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def current(self) -> Finding:
        """The finding on screen."""
        return self.findings[self.index]

    def next(self) -> bool:
        """Go to the next finding; False (and stay) at the last one."""
        if self.index + 1 >= len(self.findings):
            return False
        self.index += 1
        return True

    def previous(self) -> bool:
        """Go to the previous finding; False (and stay) at the first one."""
        if self.index == 0:
            return False
        self.index -= 1
        return True

    # --- deciding -----------------------------------------------------------------------

    def apply_fix(self) -> Edit:
        """Apply the certain fix of the finding on screen (:func:`bitext.fix.fix_for`);
        :class:`Refused` with the fixer's reason when there is none."""
        result = fix_for(self.report, self.current)
        if isinstance(result, NotFixed):
            raise Refused(result.reason)
        self._change(Action("fixed", result))
        return result

    def edit_figure(self, text: str) -> Edit | None:
        """Replace the English figure of the finding on screen with ``text``; None when
        ``text`` is what the file has (an earlier change is undone)."""
        figure = self.current.en
        if figure is None:
            raise Refused("this finding has no English figure to edit")
        if not text.strip():
            raise Refused("an empty figure is not applied; Escape cancels the edit")
        if text == self.figure_text():
            raise Refused("the figure is unchanged")
        if text == figure.text:  # back to what the file says: nothing to change
            self.undo()
            return None
        edit = Edit(figure.start, figure.end, text, self.current)
        self._change(Action("edited", edit))
        return edit

    def accept(self, to: str | None = None) -> str:
        """Accept the finding on screen as it is, into ``to`` (``inline`` or ``baseline``;
        the session's ``accept_to`` by default). Where it goes."""
        to = to or self.accept_to
        if to not in ACCEPT_MODES:
            raise ValueError(f"accept to one of {ACCEPT_MODES}, not {to!r}")
        if to == "inline":
            self._paragraph(self.current)  # refused here, not when saving
        self._change(Action("accepted", to=to))
        return to

    def undo(self) -> Action | None:
        """Forget what was decided for the finding on screen; what it was, or None."""
        return self._actions.pop(self.index, None)

    def _change(self, action: Action) -> None:
        if action.edit is not None:
            for other, done in self._actions.items():
                edit = done.edit
                if other != self.index and edit and _overlap(edit, action.edit):
                    raise Refused(
                        f"this figure is changed for finding {other + 1} already; "
                        "undo that change first (u)"
                    )
        self._actions[self.index] = action

    # --- what was decided ---------------------------------------------------------------

    def action(self, index: int | None = None) -> Action | None:
        """What was decided for finding ``index`` (the one on screen by default)."""
        return self._actions.get(self.index if index is None else index)

    def figure_text(self, index: int | None = None) -> str:
        """The English figure of finding ``index`` as the file will have it."""
        index = self.index if index is None else index
        done = self._actions.get(index)
        if done is not None and done.edit is not None:
            return done.edit.new
        figure = self.findings[index].en
        return figure.text if figure is not None else ""

    def covered_by(self, index: int | None = None) -> int | None:
        """The finding whose inline comment also covers finding ``index`` (one of its
        rule in the same paragraph), or None."""
        index = self.index if index is None else index
        if index in self._actions:
            return None
        finding = self.findings[index]
        for other, done in sorted(self._actions.items()):
            if done.to != "inline" or self.findings[other].rule != finding.rule:
                continue
            paragraph = self._paragraph(self.findings[other])
            if any(paragraph.start <= p < paragraph.end for p in self._positions(finding)):
                return other
        return None

    def state(self, index: int | None = None) -> str:
        """``open``, ``fixed``, ``edited``, ``accepted inline``, ``accepted to the
        baseline`` or ``covered by finding N``, for finding ``index``."""
        index = self.index if index is None else index
        done = self._actions.get(index)
        if done is None:
            other = self.covered_by(index)
            return "open" if other is None else f"covered by finding {other + 1}"
        if done.kind != "accepted":
            return done.kind
        return "accepted inline" if done.to == "inline" else "accepted to the baseline"

    def counts(self) -> dict[str, int]:
        """How many findings are in each state, without the open ones."""
        counted: dict[str, int] = {}
        for index in range(len(self.findings)):
            state = self.state(index)
            if state != "open":
                state = "covered" if state.startswith("covered") else state
                counted[state] = counted.get(state, 0) + 1
        return counted

    @property
    def dirty(self) -> bool:
        """True when something was decided (or undone) since the last save."""
        return self._actions != self._saved

    # --- the file as it will be ---------------------------------------------------------

    def edits(self) -> list[Edit]:
        """Every change to the file, in file order: the fixes and edited figures, and an
        ignore line (finding None) before each paragraph with an accepted finding."""
        edits = [done.edit for done in self._actions.values() if done.edit is not None]
        rules: dict[_Paragraph, set[str]] = {}
        for index, done in self._actions.items():
            if done.to == "inline":
                finding = self.findings[index]
                rules.setdefault(self._paragraph(finding), set()).add(finding.rule)
        for paragraph, names in rules.items():
            line = self._directive(sorted(names), paragraph.newline)
            edits.append(Edit(paragraph.start, paragraph.start, line))
        return sorted(edits, key=lambda edit: (edit.start, edit.end))

    def saved_bytes(self) -> bytes:
        """The whole file as :meth:`save` writes it, in its own encoding: its bytes on
        disk, re-encoded only where something changed (:func:`bitext.fix.fixed_bytes`)."""
        return fixed_bytes(*self._rewrite(self.edits()))

    def diff(self) -> str:
        """What :meth:`save` would change in the file, as a unified diff ("" for nothing)."""
        return unified_diff(*self._rewrite(self.edits()))

    def _rewrite(self, edits: list[Edit]) -> tuple[Document, list[Edit]]:
        """The document on disk and the edits that make it the file as decided: ``edits``
        until the first save, then the one stretch between the last save and now."""
        if self._on_disk is self.document:
            return self.document, edits
        return self._on_disk, _difference(self._on_disk.text, fixed_text(self.document, edits))

    def baseline_text(self, saved: bytes | None = None) -> str | None:
        """The baseline file as :meth:`save` writes it: the entries it had when the
        review began, and those of the findings accepted to it, fingerprinted in the file
        as saved (``saved``, by default :meth:`saved_bytes`). None when no finding is
        accepted to the baseline and it had none of this review's to forget."""
        accepted = [i for i, done in self._actions.items() if done.to == "baseline"]
        saved_accepted = [i for i, done in self._saved.items() if done.to == "baseline"]
        if not accepted and not saved_accepted:
            return None
        report = self._checked(self.saved_bytes() if saved is None else saved)
        fresh = json.loads(baseline_json(Report((report,), ""), self.baseline.parent))
        key = file_key(self.document.path, self.baseline.parent)
        wanted = {self._moved_key(self.findings[i]) for i in accepted}
        entries = [
            entry
            for finding, entry in zip(report.findings, fresh["files"].get(key, []), strict=True)
            if _key(finding) in wanted
        ]
        data = dict(self._baseline_before or {**fresh, "files": {}})
        data.update({name: fresh[name] for name in ("version", "tool", "fingerprints")})
        files = dict(data.get("files") or {})
        kept = files.get(key, [])
        known = {entry["fingerprint"] for entry in kept}
        files[key] = [*kept, *(entry for entry in entries if entry["fingerprint"] not in known)]
        data["files"] = dict(sorted((name, found) for name, found in files.items() if found))
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self) -> str:
        """Write the file (atomically, in its own encoding; only when it changes) and the
        baseline (when a finding is accepted to it); what was written, in a line."""
        if self.document.path is None:
            raise Refused("a text that was not read from a file cannot be saved")
        edits = self.edits()
        data = fixed_bytes(*self._rewrite(edits))
        baseline = self.baseline_text(data)
        written = []
        if edits != self._saved_edits:
            write_atomic_bytes(os.path.realpath(self.document.path), data)  # a link stays one
            written.append(self.document.path)
            text = fixed_text(self.document, edits)
            self._on_disk = Document(self.document.path, text, self.document.encoding)
        if baseline is not None:
            write_atomic(self.baseline, baseline)
            written.append(str(self.baseline))
        self._saved = dict(self._actions)
        self._saved_edits = edits
        if not written:
            return "nothing to save"
        return f"saved {' and '.join(written)}"

    # --- where things go ----------------------------------------------------------------

    def _positions(self, finding: Finding) -> list[int]:
        """Where ``finding`` is in the file the review edits (the English one of a pair),
        as an ignore comment sees it: its figures' starts and the start of its text."""
        paired = self.report.source is not None
        positions = [
            figure.start
            for figure in (finding.zh, finding.en)
            if figure is not None and not (paired and figure.lang == "zh")
        ]
        if finding.where is not None and not (paired and finding.side == "zh"):
            positions.append(finding.where[0])
        return positions

    def _paragraph(self, finding: Finding) -> _Paragraph:
        """The paragraph an ignore comment for ``finding`` goes before."""
        positions = self._positions(finding)
        if not positions:
            raise Refused(
                "this finding is in the Chinese file only; an ignore comment in the English "
                "file cannot cover it: accept it to the baseline (b)"
            )
        span = primary_span(finding)
        first = span[0] if span and span[0] in positions else positions[0]
        return self._lines.paragraph(first)

    def _directive(self, rules: Sequence[str], newline: str) -> str:
        comment = f"bitext: ignore {', '.join(rules)} -- {REASON}"
        if Path(self.document.path or "").suffix.lower() in MARKDOWN:
            comment = f"<!-- {comment} -->"
        return comment + newline

    def _checked(self, saved: bytes) -> FileReport:
        """The report on the file as saved, read as ``bitext check`` reads it."""
        text, encoding = decode(saved, self.document.path or "<text>")
        document = Document(self.document.path, text, encoding)
        if self.report.source is not None:
            return check_translation(self.report.source, document, self.config)
        return check_document(document, self.config)

    def _moved_key(self, finding: Finding) -> tuple[str, str, int | None]:
        """``finding``'s :func:`_key` in the file as saved: its place moved by the edits."""
        rule, side, start = _key(finding)
        if start is None or (self.report.source is not None and side == "zh"):
            return rule, side, start
        return rule, side, _moved(start, self.edits())


def _key(finding: Finding) -> tuple[str, str, int | None]:
    """What recognises a finding in the file after edits elsewhere: its rule, and the
    side and start of the text it points at."""
    span = primary_span(finding)
    return finding.rule, primary_side(finding), span[0] if span else None


def _moved(position: int, edits: Sequence[Edit]) -> int:
    """``position`` in the text after ``edits`` (a position inside a replaced stretch
    moves to its start)."""
    shift = 0
    for edit in edits:
        if edit.end <= position:
            shift += len(edit.new) - (edit.end - edit.start)
        elif edit.start < position:
            return edit.start + shift
    return position + shift


def _difference(old: str, new: str) -> list[Edit]:
    """The one edit that makes ``old`` into ``new``: the stretch between what they
    share at the start and at the end (none when they are equal).

    >>> _difference("a 3,877.5 b", "a 3.8775 b")
    [Edit(start=3, end=8, new='.877', finding=None)]
    """
    if old == new:
        return []
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return [Edit(head, len(old) - tail, new[head : len(new) - tail])]


def _overlap(a: Edit, b: Edit) -> bool:
    return a.start < b.end and b.start < a.end


_LINE = re.compile(r"[^\r\n]*(\r\n|\r|\n|$)")


class _Lines:
    """The lines of a text, to find the paragraph around an offset as
    :mod:`bitext.check.suppress` reads one: the lines that hold text (not blank, not an
    ignore comment) next to each other.

    >>> _Lines("a\\r\\n\\r\\nb\\r\\nc d\\r\\n\\r\\ne").paragraph(8)
    _Paragraph(start=5, end=11, newline='\\r\\n')
    """

    def __init__(self, text: str) -> None:
        self.lines: list[tuple[int, int, str]] = []  # start, end, line ending
        for match in _LINE.finditer(text):
            if match.start() == len(text) and self.lines:
                break
            self.lines.append((match.start(), match.start(1), match.group(1)))
            if not match.group(1):
                break
        self.starts = [start for start, _, _ in self.lines]
        directives = _directive_lines(text)
        self.text_lines = [
            number not in directives and bool(text[start:end].strip())
            for number, (start, end, _) in enumerate(self.lines)
        ]
        self._found: dict[int, _Paragraph] = {}

    def paragraph(self, position: int) -> _Paragraph:
        """The paragraph around ``position``, with the line ending to write before it."""
        number = bisect.bisect_right(self.starts, position) - 1
        if number in self._found:
            return self._found[number]
        first = last = number
        while first > 0 and self.text_lines[first - 1]:
            first -= 1
        while last + 1 < len(self.lines) and self.text_lines[last + 1]:
            last += 1
        endings = (ending for _, _, ending in self.lines if ending)
        newline = self.lines[first - 1][2] if first > 0 else next(endings, "\n")
        paragraph = _Paragraph(self.lines[first][0], self.lines[last][1], newline)
        self._found[number] = paragraph
        return paragraph


def _directive_lines(text: str) -> frozenset[int]:
    """The 0-based numbers of the lines of ``text`` that are ignore comments."""
    if "bitext:" not in text:
        return frozenset()
    return frozenset(d.line - 1 for d in read_suppressions(text, None, RULES).directives)


def _read_json(path: Path) -> dict[str, Any] | None:
    """The baseline file as JSON, or None when there is none (a bad one was refused
    by :func:`bitext.report.baseline.read_baseline` when the review began)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


__all__ = [
    "ACCEPT_MODES",
    "DEFAULT_BASELINE",
    "Action",
    "Refused",
    "ReviewSession",
    "review_file",
]
