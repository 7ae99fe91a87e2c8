"""The cleaning rules: each finds the edits that repair one kind of damage.

A rule is a pure function ``text -> list[Edit]``; :mod:`bitext.clean` applies the
rules in order and keeps the map back to the original. Every rule is careful in
the same ways: it never changes a digit, a letter's identity or a word, only the
form of characters (width, mojibake, punctuation shape) and the whitespace
between them, so a figure's value and a sentence's meaning survive cleaning.

Chinese and English conventions differ, so several rules look at the characters
around an edit: a comma between two Chinese characters is a full-width "，", one
between English words is ", "; a space between 市 and 6 is damage, one between
"in" and 2018 is not.

>>> [e.replacement for e in zh_punctuation("机制,切实深化")]
['，']
>>> [(e.start, e.end, e.replacement) for e in cjk_digit_spacing("大连市 6 家")]
[(3, 4, ''), (5, 6, '')]
>>> [e.replacement for e in en_space_before_punctuation("Panzhou , 457 students .")]
['', '']
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

import regex


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` (offsets in the rule's input)."""

    start: int
    end: int
    replacement: str


def _regex_edits(
    pattern: regex.Pattern[str], replacement: str | Callable[[regex.Match[str]], str]
) -> Callable[[str], list[Edit]]:
    def find(text: str) -> list[Edit]:
        edits = []
        for match in pattern.finditer(text):
            new = replacement if isinstance(replacement, str) else replacement(match)
            if new != match.group():
                edits.append(Edit(match.start(), match.end(), new))
        return edits

    return find


# --- characters ---------------------------------------------------------------------

newlines = _regex_edits(regex.compile(r"\r\n?"), "\n")
"""CRLF and CR line ends become LF."""

invisible = _regex_edits(regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]+"), "")
"""Zero-width characters, word joiners, soft hyphens and stray BOMs go."""

spaces = _regex_edits(regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]"), " ")
"""No-break, ideographic and other Unicode spaces become plain spaces."""

_MOJIBAKE_RUN = regex.compile(
    r"[\u00c0-\u00ff\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    r"\u20ac\u2122]{2,}"
)
"""A run of the characters that UTF-8 bytes turn into when read as Windows-1252 or
Latin-1 (扶 = e6 89 b6 → "æ‰¶")."""


def mojibake(text: str) -> list[Edit]:
    """Text that was UTF-8 read as Windows-1252 ("æ‰¶è´«èµ„é‡‘" → 扶贫资金), repaired by
    ftfy run by run; a run ftfy leaves alone (café, Zürich) stays."""
    edits = []
    for match in _MOJIBAKE_RUN.finditer(text):
        from ftfy import fix_encoding  # only files with suspicious runs pay for ftfy

        fixed = fix_encoding(match.group())
        if fixed != match.group():
            edits.append(Edit(match.start(), match.end(), fixed))
    return edits


_FULL_WIDTH_ALNUM = regex.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_FULL_WIDTH_PUNCT = regex.compile(r"[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e]")
_HAN_OR_CJK_PUNCT = regex.compile(r"[\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]")
_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")


def width(text: str) -> list[Edit]:
    """Full-width letters and digits become ASCII everywhere (２０１８ → 2018, ＧＤＰ →
    GDP); full-width punctuation only between English words ("Panzhou，457" →
    "Panzhou, 457"), since ，（）： are right in Chinese."""
    edits = [
        Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()))
        for m in _FULL_WIDTH_ALNUM.finditer(text)
    ]
    for match in _FULL_WIDTH_PUNCT.finditer(text):
        before, after = _neighbour(text, match.start(), -1), _neighbour(text, match.end(), 1)
        if _is_english_context(before, after):
            ascii_form = unicodedata.normalize("NFKC", match.group())
            if ascii_form in ",;:!?)" and text[match.end() : match.end() + 1].isalnum():
                ascii_form += " "
            edits.append(Edit(match.start(), match.end(), ascii_form))
    return edits


def _neighbour(text: str, at: int, step: int) -> str:
    """The nearest character that is not a space, before (step -1) or after ``at``."""
    k = at - 1 if step < 0 else at
    while 0 <= k < len(text) and text[k] in " \t":
        k += step
    return text[k] if 0 <= k < len(text) else ""


def _is_english_context(before: str, after: str) -> bool:
    sides = [c for c in (before, after) if c and c != "\n"]
    if not sides or any(_HAN_OR_CJK_PUNCT.match(c) for c in sides):
        return False
    return any(_LATIN_OR_DIGIT.match(unicodedata.normalize("NFKC", c)) for c in sides)


# --- punctuation and spacing by language -------------------------------------------

_ZH_BEFORE = r"[\p{Han}”’」』）》]"
_ZH_AFTER = r"(?:[\p{Han}“‘「『（《]|[0-9]+(?:\.[0-9]+)?\s?[\p{Han}%％])"
_ZH_PUNCTUATION = regex.compile(rf"(?<={_ZH_BEFORE})[ \t]*([,;:?!])[ \t]*(?={_ZH_AFTER})")
_FULL_FORM = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def zh_punctuation(text: str) -> list[Edit]:
    """Half-width , ; : ? ! between Chinese ("机制,切实" → "机制，切实") become full
    width, and spaces around them go. A comma between digits (1,000) or before
    English is left alone."""
    return [
        Edit(m.start(), m.end(), _FULL_FORM[m.group(1)]) for m in _ZH_PUNCTUATION.finditer(text)
    ]


_SPACED_NUMBER = regex.compile(
    r"(?<=[\p{Han}，、；：（“])([ \t]+)[0-9]+(?:[.,][0-9]+)*(?:%|％)?([ \t]+)(?=\p{Han})"
)


def cjk_digit_spacing(text: str) -> list[Edit]:
    """Spaces wedged around a number inside Chinese go ("大连市 6 家" → "大连市6家",
    "387.75 万元" after Chinese → "387.75万元"). A number between English and
    Chinese keeps its space: it may belong to the English."""
    edits = []
    for match in _SPACED_NUMBER.finditer(text):
        for group in (1, 2):
            edits.append(Edit(match.start(group), match.end(group), ""))
    return edits


_SPACE_BEFORE_PUNCT = regex.compile(r"(?<=[A-Za-z0-9)\]%'\"”’])[ \t]+(?=[,.;:!?](?:[ \t\n]|$))")


def en_space_before_punctuation(text: str) -> list[Edit]:
    """A space before English punctuation goes ("Panzhou , 457" → "Panzhou, 457",
    "students ." → "students."); "… and ." and decimals (".5") are not touched."""
    return [Edit(m.start(), m.end(), "") for m in _SPACE_BEFORE_PUNCT.finditer(text)]


_SPLIT_THOUSANDS = regex.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[ \t][0-9]{3})+(?![0-9]|,[0-9])")


def digit_grouping(text: str) -> list[Edit]:
    """A space after a thousands comma goes ("4, 000" → "4,000"): every group after the
    first has exactly three digits, so "2, 3 and 4" is a list and stays."""
    edits = []
    for match in _SPLIT_THOUSANDS.finditer(text):
        for gap in regex.finditer(r",([ \t]+)", match.group()):
            edits.append(Edit(match.start() + gap.start(1), match.start() + gap.end(1), ""))
    return edits


# --- lines and paragraphs ----------------------------------------------------------

_LINE_END = regex.compile(r"[。！？!?.…:：;；\"”’」』）)》\]]$")
_WRAP_SHARE = 0.75
"""A line this close to the document's wrap width was broken by the width, not the writer."""


def hard_wraps(text: str) -> list[Edit]:
    """Lines broken by a fixed width inside a sentence are joined: English with a
    space, Chinese with nothing. A document is hard-wrapped when several of its lines
    stop mid-sentence at about the same display width; a short line (a headline, a
    list item) or one that ends a sentence is never joined to the next."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return []
    edits = []
    position = 0
    for line, following in itertools.pairwise(lines):
        position += len(line)
        if _wrapped(line, following, width):
            joiner = "" if _ends_chinese(line) and _starts_chinese(following) else " "
            trailing = len(line) - len(line.rstrip(" \t"))
            leading = len(following) - len(following.lstrip(" \t"))
            edits.append(Edit(position - trailing, position + 1 + leading, joiner))
        position += 1
    return edits


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _wrap_width(lines: list[str]) -> int | None:
    """The width the document was wrapped at: the commonest width of lines that stop
    mid-sentence with text after them, if at least three do so within 10% of it."""
    widths = sorted(
        _display_width(line.rstrip())
        for line, following in itertools.pairwise(lines)
        if line.strip() and following.strip() and not _LINE_END.search(line.rstrip())
    )
    if len(widths) < 3:
        return None
    top = widths[-1]
    close = [w for w in widths if w >= 0.9 * top]
    if len(close) < 3 or top < 30:
        return None
    return top


def _wrapped(line: str, following: str, width: int) -> bool:
    body = line.rstrip()
    return (
        bool(body)
        and bool(following.strip())
        and not _LINE_END.search(body)
        and _display_width(body) >= _WRAP_SHARE * width
    )


def _ends_chinese(line: str) -> bool:
    return bool(regex.search(r"[\p{Han}，、]\s*$", line))


def _starts_chinese(line: str) -> bool:
    return bool(regex.match(r"\s*[\p{Han}0-9“（]", line))


_PARAGRAPH = regex.compile(r"[^\n]+(?:\n[^\n]+)*")
_MIN_REPEAT = 20
"""Shorter paragraphs (a "1." or a dateline) may repeat on purpose."""


def repeats(text: str) -> list[Edit]:
    """A paragraph that repeats the one just before it (a copy-paste slip), ignoring
    spaces, is removed together with the blank lines that separated them."""
    edits = []
    previous: regex.Match[str] | None = None
    for match in _PARAGRAPH.finditer(text):
        key = "".join(match.group().split())
        repeated = previous is not None and key == "".join(previous.group().split())
        if repeated and len(key) >= _MIN_REPEAT:
            edits.append(Edit(previous.end(), match.end(), ""))  # type: ignore[union-attr]
            continue  # the kept copy stays the one to compare with
        previous = match
    return edits


# --- characters of another standard ------------------------------------------------


def traditional(text: str) -> list[Edit]:
    """Traditional characters become simplified (OpenCC, character by character so
    nothing moves): 萬 → 万, 臺灣 → 台湾. Off by default: a bulletin from Hong Kong or
    Taiwan is written so on purpose."""
    from bitext.hans import simplified

    converted = simplified(text)
    edits = []
    start = None
    for k, (old, new) in enumerate(zip(text, converted, strict=True)):
        if old != new and start is None:
            start = k
        elif old == new and start is not None:
            edits.append(Edit(start, k, converted[start:k]))
            start = None
    if start is not None:
        edits.append(Edit(start, len(text), converted[start:]))
    return edits
