"""A cleaned view of a document that never loses the way back to the original.

Bulletins arrive damaged: mojibake (UTF-8 read as Windows-1252 or as GBK), full-width digits, half-width commas inside
Chinese, spaces wedged around numbers and before English punctuation, zero-width
characters, hard-wrapped lines, repeated paragraphs. The later stages work on a
cleaned view, but every offset they report must point into the file the user
gave, so each cleaning rule records where its edits were and :class:`Cleaned`
maps any cleaned offset back.

A rule (:mod:`bitext.clean.rules`) is a function from text to a list of
:class:`Edit`; the rules in :data:`RULES` run one after another in registry
order, each on the output of the previous one, and each leaves a :class:`_Layer`
that maps its output offsets to its input offsets.

>>> view = clean("a\\u200bb\\r\\nc")
>>> view.text
'ab\\nc'
>>> view.to_original(3), view.span_to_original(1, 3)
(5, (2, 5))
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from typing import NamedTuple

from bitext.clean import rules
from bitext.clean.rules import Edit
from bitext.model import BitextError, closest


class Fix(NamedTuple):
    """One edit as a user sees it: offsets into the ORIGINAL document."""

    rule: str
    start: int
    end: int
    before: str
    after: str


class Rule(NamedTuple):
    """A named cleaning rule, on or off by default, with an example of what it fixes."""

    name: str
    description: str
    find: Callable[[str], list[Edit]]
    default: bool = True
    example: tuple[str, str] = ("", "")


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


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            "mojibake", "UTF-8 read as Windows-1252 is repaired (ftfy)", rules.mojibake,
            example=("æ‰¶è´«èµ„é‡‘", "扶贫资金"),
        ),
        Rule(
            "gbk-mojibake", "UTF-8 Chinese read as GBK or GB18030 is repaired where the repair "
            "is far more common Chinese", rules.gbk_mojibake,
            example=("鎵惰传璧勯噾", "扶贫资金"),
        ),
        Rule("newlines", "CRLF and CR line ends become LF", rules.newlines,
             example=("a\r\nb", "a\nb")),
        Rule(
            "invisible", "zero-width characters, soft hyphens and stray BOMs are removed",
            rules.invisible, example=("扶\u200b贫", "扶贫"),
        ),
        Rule(
            "spaces", "no-break, ideographic and other Unicode spaces become plain spaces",
            rules.spaces, example=("a\u00a0b", "a b"),
        ),
        Rule(
            "width", "full-width letters and digits, a full-width comma grouping thousands, "
            "and full-width punctuation in English become ASCII", rules.width, example=("２０１８ ＧＤＰ", "2018 GDP"),
        ),
        Rule(
            "hard-wraps", "lines broken inside a sentence at a fixed width are joined",
            rules.hard_wraps,
            example=(
                "盘州市筹集扶贫资金457万元，用于帮\n助贫困村的农户发展产业，培训教师8\n"
                "期，共培训人员120人次，覆盖全县\n各个乡镇。\n",
                "盘州市筹集扶贫资金457万元，用于帮助贫困村的农户发展产业，培训教师8期，"
                "共培训人员120人次，覆盖全县各个乡镇。\n",
            ),
        ),
        Rule(
            "zh-punctuation", "half-width , ; : inside Chinese become full width",
            rules.zh_punctuation, example=("机制,切实", "机制，切实"),
        ),
        Rule(
            "cjk-spacing", "spaces around a number inside Chinese are removed",
            rules.cjk_digit_spacing, example=("大连市 6 家", "大连市6家"),
        ),
        Rule(
            "en-punctuation", "spaces before English punctuation are removed",
            rules.en_space_before_punctuation, example=("Panzhou , 457", "Panzhou, 457"),
        ),
        Rule(
            "digit-grouping", "a space after a thousands comma is removed",
            rules.digit_grouping, example=("4, 000", "4,000"),
        ),
        Rule(
            "repeats", "a paragraph repeating the one before it is removed", rules.repeats,
            example=(
                "Four attackers were killed.\n\nFour attackers were killed.\n",
                "Four attackers were killed.\n",
            ),
        ),
        Rule(
            "traditional", "traditional characters become simplified (OpenCC)",
            rules.traditional, default=False, example=("萬元", "万元"),
        ),
    )
}  # fmt: skip
"""Every rule, in the order they run: encoding damage first, then characters, lines,
the rules that look at the characters around them, and repeated paragraphs last, so
two copies damaged differently still compare equal."""

DEFAULT_RULES: tuple[str, ...] = tuple(name for name, rule in RULES.items() if rule.default)


REPORT_PREFIX = "clean-"
"""``bitext check`` reports cleaning rule NAME as ``clean-NAME``; both names mean the rule."""


def rule_name(name: str) -> str:
    """The cleaning rule ``name`` names, under either of its names (``hard-wraps`` or the
    report's ``clean-hard-wraps``); a :class:`BitextError` if there is none.

    >>> rule_name("clean-hard-wraps"), rule_name("hard-wraps")
    ('hard-wraps', 'hard-wraps')
    """
    if name in RULES:
        return name
    if name.startswith(REPORT_PREFIX) and name.removeprefix(REPORT_PREFIX) in RULES:
        return name.removeprefix(REPORT_PREFIX)
    # Matched without the prefix, which every reported name shares: clean-nope is not
    # a misspelt clean-spaces.
    bare = name.removeprefix(REPORT_PREFIX)
    close = closest(bare, RULES)
    hint = (
        f"; did you mean {name[: len(name) - len(bare)] + close!r}?"
        if close
        else f" (rules: {', '.join(RULES)})"
    )
    raise BitextError(f"unknown cleaning rule {name!r}{hint}")


def resolve_rules(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> tuple[str, ...]:
    """The default rules with ``enable`` added and ``disable`` removed, in registry order;
    a rule may be named as ``bitext check`` reports it (``clean-repeats``).

    >>> resolve_rules(enable=["traditional"], disable=["clean-repeats", "hard-wraps"])[-3:]
    ('en-punctuation', 'digit-grouping', 'traditional')
    """
    enabled = {rule_name(name) for name in enable}
    disabled = {rule_name(name) for name in disable}
    wanted = (set(DEFAULT_RULES) | enabled) - disabled
    return tuple(name for name in RULES if name in wanted)


@functools.lru_cache(maxsize=64)
def _in_order(rule_names: tuple[str, ...]) -> tuple[Rule, ...]:
    """The rules named, in registry order: worked out once per set of names, not once per
    text, since a run cleans every text with the same rules.

    >>> [rule.name for rule in _in_order(("repeats", "newlines", "nope"))]
    ['newlines', 'repeats']
    """
    wanted = set(rule_names)
    return tuple(rule for name, rule in RULES.items() if name in wanted)


_Gate = Callable[[str], object]


class _Step(NamedTuple):
    """A rule as :func:`clean` runs it: its gate (``rules._only_if``) asked first, then the
    rule without the gate."""

    name: str
    find: Callable[[str], list[Edit]]
    needed: _Gate | None
    """The rule's gate, if it has one."""
    within: _Gate | None
    """A broader gate, which every text passing ``needed`` passes."""
    shared: bool
    """Whether the gate's answer is kept until a rule changes the text (another rule asks
    it too, or has it as its ``within``), or kept answers are looked at (``within`` is
    another rule's gate)."""


@functools.lru_cache(maxsize=64)
def _steps(rule_names: tuple[str, ...]) -> tuple[_Step, ...]:
    """The rules named, in registry order, with their gates taken out of them.

    >>> [step.name for step in _steps(DEFAULT_RULES) if step.shared]
    ['mojibake', 'invisible', 'spaces']
    >>> [step.name for step in _steps(("mojibake", "spaces", "repeats")) if step.shared]
    ['mojibake', 'spaces']
    """
    rules_in_order = _in_order(rule_names)
    gates = [getattr(rule.find, "needed", None) for rule in rules_in_order]
    withins = [getattr(rule.find, "within", None) for rule in rules_in_order]
    return tuple(
        _Step(
            rule.name,
            getattr(rule.find, "__wrapped__", rule.find),
            needed,
            within,
            needed is not None
            and (
                gates.count(needed) > 1
                or needed in withins
                or (within is not None and within in gates)
            ),
        )
        for rule, needed, within in zip(rules_in_order, gates, withins, strict=True)
    )


def _passes(answers: dict[_Gate, object], needed: _Gate, within: _Gate | None, text: str) -> object:
    """``needed(text)``, asked once however many rules share the gate, and not at all when
    an earlier rule's broader gate ``within`` turned the text away; ``answers`` keeps what
    the shared gates said of ``text``."""
    if within is not None and not answers.get(within, True):
        return False
    if needed not in answers:
        answers[needed] = needed(text)
    return answers[needed]


def clean(text: str, rule_names: Iterable[str] = DEFAULT_RULES) -> Cleaned:
    """Apply the rules named in ``rule_names``, in registry order, and keep the map
    back to ``text``."""
    layers: list[_Layer] = []
    fixes: list[Fix] = []
    current = text
    answers: dict[_Gate, object] = {}
    for name, find, needed, within, shared in _steps(tuple(rule_names)):
        if needed is not None and not (
            _passes(answers, needed, within, current) if shared else needed(current)
        ):
            continue
        edits = find(current)
        if not edits:
            continue
        answers = {}  # the gates are asked again of the edited text
        partial = Cleaned(current, tuple(layers), ())
        # One copy per original span: after a repaired run, every fix inside it maps back
        # to the whole run, and a copy each took memory quadratic in the run (4.8 GB for
        # 40,000 ideographic spaces turned into mojibake).
        befores: dict[tuple[int, int], str] = {}
        for edit in edits:
            start, end = partial.span_to_original(edit.start, edit.end)
            if (start, end) not in befores:
                befores[start, end] = text[start:end]
            fixes.append(Fix(name, start, end, befores[start, end], edit.replacement))
        current, layer = _apply(current, edits)
        layers.append(layer)
    fixes.sort(key=lambda f: (f.start, f.end))
    return Cleaned(current, tuple(layers), tuple(fixes))


def signature(rule_names: Iterable[str] = DEFAULT_RULES) -> str:
    """The cleaning rules in force, for reproducibility signatures."""
    wanted = set(rule_names)
    return "+".join(name for name in RULES if name in wanted) or "none"


def fix_in_context(fix: Fix, text: str, radius: int = 4) -> tuple[str, str]:
    """The fixed text with a few characters around it, before and after the fix,
    invisible characters shown as <U+200B>."""
    head = text[max(0, fix.start - radius) : fix.start]
    tail = text[fix.end : fix.end + radius]
    head, tail = head.rsplit("\n", 1)[-1], tail.split("\n", 1)[0]
    return _visible(head + fix.before + tail), _visible(head + fix.after + tail)


def _visible(text: str) -> str:
    return "".join(c if c.isprintable() or c == " " else f"<U+{ord(c):04X}>" for c in text)
