"""A cleaned view of a document that never loses the way back to the original.

Bulletins arrive with Windows newlines, zero-width characters and exotic
spaces. The later stages work on a cleaned view, but every offset they report
must point into the file the user gave, so each cleaning rule records where
its edits were and :class:`Cleaned` maps any cleaned offset back.

A rule is a function from text to a list of :class:`Edit`; rules run one after
another, each on the output of the previous one, and each leaves a
:class:`_Layer` that maps its output offsets to its input offsets.

>>> view = clean("a\\u200bb\\r\\nc")
>>> view.text
'ab\\nc'
>>> view.to_original(3), view.span_to_original(1, 3)
(5, (2, 5))
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import NamedTuple

import regex


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` (offsets in the rule's input)."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    """One edit as a user sees it: offsets into the ORIGINAL document."""

    rule: str
    start: int
    end: int
    before: str
    after: str


class Rule(NamedTuple):
    name: str
    description: str
    find: Callable[[str], list[Edit]]


class _Piece(NamedTuple):
    out_start: int
    out_end: int
    in_start: int
    in_end: int
    copied: bool


class _Layer(NamedTuple):
    """Maps offsets of one rule's output back to its input."""

    starts: list[int]
    pieces: list[_Piece]

    def back(self, offset: int, is_end: bool) -> int:
        """The input offset of output ``offset``; an end maps to the end of its piece."""
        if not self.pieces:
            return offset
        probe = offset - 1 if is_end and offset > 0 else offset
        piece = self.pieces[max(0, bisect.bisect_right(self.starts, probe) - 1)]
        if piece.copied:
            return piece.in_start + (offset - piece.out_start)
        return piece.in_end if is_end or offset >= piece.out_end else piece.in_start


class Cleaned(NamedTuple):
    """The cleaned text, the layers that map it back, and the fixes made."""

    text: str
    layers: tuple[_Layer, ...]
    fixes: tuple[Fix, ...]

    def to_original(self, offset: int, is_end: bool = False) -> int:
        for layer in reversed(self.layers):
            offset = layer.back(offset, is_end)
        return offset

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self.to_original(start)
            return at, at
        return self.to_original(start), self.to_original(end, is_end=True)


def _apply(text: str, edits: list[Edit]) -> tuple[str, _Layer]:
    out: list[str] = []
    pieces: list[_Piece] = []
    pos = out_len = 0
    for edit in sorted(edits):
        if edit.start < pos:
            continue  # overlapping edits: the first one wins
        if edit.start > pos:
            length = edit.start - pos
            out.append(text[pos : edit.start])
            pieces.append(_Piece(out_len, out_len + length, pos, edit.start, True))
            out_len += length
        out.append(edit.replacement)
        pieces.append(_Piece(out_len, out_len + len(edit.replacement), edit.start, edit.end, False))
        out_len += len(edit.replacement)
        pos = edit.end
    if pos < len(text):
        out.append(text[pos:])
        pieces.append(_Piece(out_len, out_len + len(text) - pos, pos, len(text), True))
    pieces = [p for p in pieces if p.out_end > p.out_start or not p.copied]
    return "".join(out), _Layer([p.out_start for p in pieces], pieces)


def _regex_rule(pattern: str, replacement: str | Callable[[regex.Match[str]], str]) -> Callable:
    compiled = regex.compile(pattern)

    def find(text: str) -> list[Edit]:
        edits = []
        for match in compiled.finditer(text):
            new = replacement if isinstance(replacement, str) else replacement(match)
            if new != match.group():
                edits.append(Edit(match.start(), match.end(), new))
        return edits

    return find


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("newlines", "CRLF and CR line ends become LF", _regex_rule(r"\r\n?", "\n")),
        Rule(
            "invisible",
            "zero-width characters, soft hyphens and stray BOMs are removed",
            _regex_rule(r"[\u200b-\u200d\u2060\ufeff\u00ad]+", ""),
        ),
        Rule(
            "spaces",
            "no-break, ideographic and other Unicode spaces become plain spaces",
            _regex_rule(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " "),
        ),
    )
}

DEFAULT_RULES: tuple[str, ...] = tuple(RULES)


def clean(text: str, rules: Iterable[str] = DEFAULT_RULES) -> Cleaned:
    """Apply ``rules`` in order and keep the map back to ``text``."""
    layers: list[_Layer] = []
    fixes: list[Fix] = []
    current = text
    for name in rules:
        rule = RULES[name]
        edits = rule.find(current)
        if not edits:
            continue
        partial = Cleaned(current, tuple(layers), ())
        for edit in edits:
            start, end = partial.span_to_original(edit.start, edit.end)
            fixes.append(Fix(name, start, end, text[start:end], edit.replacement))
        current, layer = _apply(current, edits)
        layers.append(layer)
    fixes.sort(key=lambda f: (f.start, f.end))
    return Cleaned(current, tuple(layers), tuple(fixes))


def signature(rules: Iterable[str] = DEFAULT_RULES) -> str:
    """The cleaning rules in force, for reproducibility signatures."""
    return "+".join(rules) or "none"
