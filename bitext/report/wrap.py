"""Line breaking for the reports people read: Chinese and English, figures kept whole.

A terminal's own wrapping cuts where the width runs out: ``实现旅游收入97`` / ``.5亿元``,
``增长7.`` / ``3%``, a ``。`` at the start of a line. :func:`break_lines` breaks
English at spaces and Chinese between characters, as a typesetter would:

- a figure is never split: the runs given as ``keep`` (the figures the reader read)
  and every number with its unit or scale (``387.75万元``, ``7.3%``,
  ``3,877.5 million yuan``, ``RMB5.628 million``) stay on one line;
- a closing mark (``，。、；：？！）》”`` …) never starts a line and an opening one
  (``（《“`` …) never ends one: the character before it goes down with it (kinsoku);
- only a run longer than the whole width is cut, where it must be.

>>> text = "盘州市实现旅游收入97.5亿元，同比增长7.3%。"
>>> [text[a:b] for a, b in break_lines(text, 20)]
['盘州市实现旅游收入', '97.5亿元，同比增长', '7.3%。']
>>> text = "A total of 3,877.5 million yuan was spent"
>>> [text[a:b] for a, b in break_lines(text, 20)]
['A total of', '3,877.5 million yuan', 'was spent']
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from rich.cells import cell_len

from bitext.cache.patterns import compile as _compile

CLOSING = frozenset(
    "，。、；：？！）］｝〕〉》」』】〗〙〛”’…‥·・々〜～％‰"  # Chinese
    ",.;:!?)]}%"  # Latin
    "⟧"  # the plain report's marks around a figure
)
"""Characters that never start a line."""

OPENING = frozenset("（［｛〔〈《「『【〖〘〚“‘([{⟦")
"""Characters that never end a line."""

_CJK = _compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026]")

_CURRENCY = r"(?:RMB|CNY|USD|HKD|NTD|US\$|HK\$|NT\$|\$|¥|￥|€|£)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mn|bn)"
_UNIT = (
    r"(?:yuan|RMB|US\s+dollars|dollars|euros|pounds|percentage\s+points?|per\s*cent|"
    r"points|square\s+(?:kilo)?met(?:er|re)s|(?:kilo)?met(?:er|re)s|km|kilograms|kg|"
    r"tonnes|tons|mu|hectares|people|persons|households|times)"
)
NUMBER = _compile(
    rf"(?:{_CURRENCY}\s?)?[-+]?\d(?:[\d,.]*\d)?(?:[-–—~～]\d(?:[\d,.]*\d)?)?"
    r"(?:\s?[%‰％]"
    r"|\s?[万亿千百十]*\p{Han}"
    rf"|\s+{_SCALE}(?:\s+{_UNIT})?\b"
    rf"|\s*{_UNIT}\b)?",
    regex.IGNORECASE,
)
"""A number with its currency, scale and unit: one run a line break must not split.

>>> [m.group() for m in NUMBER.finditer("增长7.3%，投入387.75 万元; RMB 5.628 million yuan, 4 points")]
['7.3%', '387.75 万元', 'RMB 5.628 million yuan', '4 points']
"""


def number_runs(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`NUMBER` in ``text``."""
    return [match.span() for match in NUMBER.finditer(text)]


def break_opportunities(text: str, keep: Iterable[tuple[int, int]] = ()) -> list[bool]:
    """``ok[i]``: a line may end before ``text[i]`` (``0 < i < len(text)``)."""
    n = len(text)
    ok = [False] * (n + 1)
    for i in range(1, n):
        before, after = text[i - 1], text[i]
        if before.isspace() or after.isspace():
            following = _next_visible(text, i)
            ok[i] = following is None or text[following] not in CLOSING
        elif after in CLOSING or before in OPENING:
            ok[i] = False
        else:
            ok[i] = bool(_CJK.match(before) or _CJK.match(after))
    for start, end in [*keep, *number_runs(text)]:
        for i in range(max(start + 1, 1), min(end, n)):
            ok[i] = False
    return ok


def _next_visible(text: str, i: int) -> int | None:
    while i < len(text) and text[i].isspace():
        i += 1
    return i if i < len(text) else None


def break_lines(
    text: str, width: int, keep: Iterable[tuple[int, int]] = (), first: int | None = None
) -> list[tuple[int, int]]:
    """``text`` broken into lines of at most ``width`` terminal cells (``first`` for the
    first line, when it differs), as ``(start, end)`` offsets; the spaces at a break are
    dropped, and a line never starts or ends with a space. ``keep`` are runs to keep
    whole, besides the numbers."""
    ok = break_opportunities(text, keep)
    cells = [cell_len(ch) for ch in text]
    lines: list[tuple[int, int]] = []
    start = _skip_spaces(text, 0)
    limit = first if first is not None else width
    while start < len(text):
        used, best, i = 0, None, start
        while i < len(text):
            if i > start and ok[i]:
                best = i
            if used + cells[i] > max(limit, 1) and not text[i].isspace():
                break
            used += cells[i]
            i += 1
        if i == len(text):
            end = len(text)
        elif best is not None:
            end = best
        else:  # a run longer than the line: cut it where the width runs out
            end = max(i, start + 1)
        lines.append((start, _strip_end(text, start, end)))
        start = _skip_spaces(text, end)
        limit = width
    return lines


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` cells, the lines after the first led by
    ``indent``: the plain-text counterpart of :func:`break_lines`.

    >>> wrap("投入资金387.75万元，帮扶学生45人。", 16, "  ")
    ['投入资金', '  387.75万元，帮', '  扶学生45人。']
    """
    spans = break_lines(text, width - cell_len(indent), first=width)
    return [("" if k == 0 else indent) + text[a:b] for k, (a, b) in enumerate(spans)]


def break_signature(signature: str, width: int) -> list[str]:
    """A reproducibility signature in lines of at most ``width`` cells, broken only after
    its ``|`` separators, and after a ``+`` only inside a part longer than a line: joined
    without spaces, the lines give the signature back.

    >>> break_signature("bitext:0.1.0|clean:a+b+c|align:mixed-dp", 16)
    ['bitext:0.1.0|', 'clean:a+b+c|', 'align:mixed-dp']
    """
    lines: list[str] = []
    line = ""
    for part in regex.findall(r"[^|]+\|?|\|", signature):
        if len(line) + len(part) <= width:
            line += part
            continue
        if line and len(part) <= width:
            lines.append(line)
            line = part
            continue
        for piece in regex.findall(r"[^+]+\+?|\+", part):
            if line and len(line) + len(piece) > width:
                lines.append(line)
                line = ""
            line += piece
    if line:
        lines.append(line)
    return lines
