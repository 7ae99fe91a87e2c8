"""Suppression comments: a known, accepted discrepancy marked in the bulletin itself.

Bulletins are plain text or Markdown, with no comment syntax of their own, so a
directive is a line that holds nothing else::

    bitext: ignore figure-scale
    bitext: ignore figure-scale, figure-missing -- the source's own error, confirmed
    bitext: ignore
    bitext: ignore-file
    bitext: ignore-file figure-extra
    <!-- bitext: ignore figure-value -->

``ignore RULE…`` drops findings of those rules in the paragraph that follows the
directive (the next lines up to a blank line; blank lines and other directives between
are skipped, so two directives can stack); ``ignore`` alone drops every finding there.
``ignore-file`` does the same for the whole file. A finding is in a paragraph when its
Chinese figure, its English figure or the text it is about starts there. Anything after
`` -- `` is a reason for people and is not read. In Markdown the directive may sit in
an HTML comment, so it does not show when the page is rendered.

A directive line is blanked before the bulletin is checked (same length, so offsets do
not move): it is not English to be paired with the Chinese. A directive naming a rule
that does not exist stops the run (exit code 2), because a typo there would silently
suppress nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import NamedTuple

from bitext.model import Finding, InputError

_DIRECTIVE = re.compile(
    r"[ \t]*(?:<!--[ \t]*)?bitext:[ \t]*(?P<kind>ignore-file|ignore)(?![\w-])"
    r"(?P<rules>.*?)(?:[ \t]--[ \t].*?)?(?:[ \t]*-->)?[ \t]*"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_RULE_SEPARATOR = re.compile(r"[\s,]+")


class Directive(NamedTuple):
    """One directive: the rules it silences (empty: all) over ``start:end`` of the text."""

    line: int
    rules: frozenset[str]
    start: int
    end: int

    def covers(self, finding: Finding) -> bool:
        if self.rules and finding.rule not in self.rules:
            return False
        return any(self.start <= position < self.end for position in _positions(finding))


class Suppressions(NamedTuple):
    """The directives of a text, and the text with their lines blanked for checking."""

    text: str
    directives: tuple[Directive, ...] = ()

    def apply(self, findings: Iterable[Finding]) -> tuple[Finding, ...]:
        """``findings`` without those a directive covers."""
        return tuple(f for f in findings if not any(d.covers(f) for d in self.directives))


def read_suppressions(text: str, path: str | None, known_rules: Collection[str]) -> Suppressions:
    """The directives in ``text``; an unknown rule name is an :class:`InputError`.

    >>> s = read_suppressions("bitext: ignore figure-scale\\n投入。 In.\\n", None, ["figure-scale"])
    >>> s.directives
    (Directive(line=1, rules=frozenset({'figure-scale'}), start=28, end=35),)
    >>> repr(s.text[:28])
    "'                           \\\\n'"
    """
    if "bitext:" not in text:
        return Suppressions(text)
    lines = _lines(text)
    matches = [_DIRECTIVE.fullmatch(text[start:end]) for start, end in lines]
    text_lines = [
        match is None and bool(text[start:end].strip())
        for match, (start, end) in zip(matches, lines, strict=True)
    ]
    directives = []
    masked = list(text)
    for number, ((start, end), match) in enumerate(zip(lines, matches, strict=True)):
        if match is None:
            continue
        masked[start:end] = " " * (end - start)
        rules = _rules(match.group("rules"), path, number + 1, known_rules)
        whole_file = match.group("kind") == "ignore-file"
        region = (0, len(text)) if whole_file else _next_paragraph(lines, text_lines, number)
        directives.append(Directive(number + 1, rules, *region))
    return Suppressions("".join(masked), tuple(directives))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line break; CRLF, LF and CR end a line, as
    for :meth:`bitext.model.Document.line_col`."""
    lines, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append((start, match.start()))
        start = match.end()
    if start < len(text):
        lines.append((start, len(text)))
    return lines


def _rules(
    listed: str, path: str | None, line: int, known_rules: Collection[str]
) -> frozenset[str]:
    rules = frozenset(name for name in _RULE_SEPARATOR.split(listed) if name)
    unknown = sorted(rules - set(known_rules))
    if unknown:
        where = f"{path or '<text>'}:{line}"
        raise InputError(f"{where}: unknown rule {unknown[0]!r} in a bitext: ignore comment")
    return rules


def _next_paragraph(
    lines: list[tuple[int, int]], text_lines: list[bool], directive: int
) -> tuple[int, int]:
    """Offsets of the paragraph after line ``directive``: its text lines up to a blank or
    directive line, after skipping blank and directive lines. (0, 0) when there is none."""
    first = directive + 1
    while first < len(lines) and not text_lines[first]:
        first += 1
    if first == len(lines):
        return 0, 0
    last = first
    while last + 1 < len(lines) and text_lines[last + 1]:
        last += 1
    return lines[first][0], lines[last][1]


def _positions(finding: Finding) -> list[int]:
    positions = [figure.start for figure in (finding.zh, finding.en) if figure is not None]
    if finding.where is not None:
        positions.append(finding.where[0])
    return positions


__all__ = ["Directive", "Suppressions", "read_suppressions"]
