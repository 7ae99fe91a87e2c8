"""The rules: one registry of what ``bitext check`` reports.

Each rule has a stable kebab-case id, a default severity, a one-line description, a few
sentences of explanation and an example. Everything that lists rules reads them here: the
checker (severities), config validation, ``bitext rules``, SARIF rule metadata, the HTML
report and the generated rule reference in ``docs/rules.md``. The ``clean-*`` rules come
from the cleaning registry (:data:`bitext.clean.RULES`: description, before/after
example), so a new cleaning rule is documented where it is written.

>>> RULES["figure-scale"].severity.value
'error'
>>> rule_info("clean-something-new", Severity.INFO).example is None
True
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import NamedTuple

from bitext.clean import RULES as CLEAN_RULES
from bitext.model import BitextError, Severity, did_you_mean


class RuleInfo(NamedTuple):
    """A rule: what the checker needs (id, severity) and what a reader needs."""

    id: str
    severity: Severity
    description: str
    """One line."""
    explanation: str
    """A few sentences: what the rule catches and why it matters."""
    example: str | None
    """A Chinese figure and an English rendering the rule reports, or None."""


Mark = Callable[[Severity, str], str]
"""Styles a severity's name (the terminal's colour) in :func:`rules_text` and
:func:`rule_text`."""
Wrap = Callable[[str, int], list[str]]
"""Breaks text into lines of at most so many terminal cells."""


SILENT_CLEAN_RULES = frozenset({"newlines"})
"""Cleaning that is not damage: Windows line ends are how the file was saved."""

_FIGURE_RULES = (
    RuleInfo(
        "figure-scale",
        Severity.ERROR,
        "same digits, wrong power of ten (the 万/亿 trap)",
        "The English has the Chinese figure's digits at the wrong power of ten, the usual "
        "slip with 万 (10^4) and 亿 (10^8), which English counts in thousands and millions. "
        "The suggestion gives the figure at the right scale.",
        '387.75 万元 → "3,877.5 million yuan": 1,000 times the Chinese; '
        '"3.8775 million yuan" is right',
    ),
    RuleInfo(
        "figure-value",
        Severity.ERROR,
        "a different number in the same role",
        "A figure in the English plays the role of a Chinese figure (same kind, same unit) "
        "but is a different number.",
        '培训 8 期 → "trained 18 sessions": a different number',
    ),
    RuleInfo(
        "figure-unit",
        Severity.ERROR,
        "value kept, currency or unit changed",
        "The number is kept but its unit or currency changed, so the value is wrong: 亩 "
        "are not acres, 斤 are half a kilogram.",
        '增长 3% → "rose 3 percentage points": value kept, unit changed',
    ),
    RuleInfo(
        "figure-direction",
        Severity.ERROR,
        "a rise rendered as a fall, or the reverse",
        "The number is kept but the change it measures goes the other way: a fall "
        "(下降, 减少) written as a rise, or a rise as a fall. The value comparison cannot "
        "see it; the words around the figure on each side can.",
        '同比下降 2.1% → "rose 2.1% year on year": a fall rendered as a rise',
    ),
    RuleInfo(
        "figure-missing",
        Severity.WARNING,
        "a Chinese figure with no English counterpart",
        "A Chinese figure has no counterpart in the English translation next to it: the "
        "translation lost a number.",
        '选派 6 名教师 → "Go to Hongguo Shatuo Elementary School…": the 6 is lost',
    ),
    RuleInfo(
        "figure-extra",
        Severity.WARNING,
        "an English figure with no Chinese source",
        "An English figure has no source in the Chinese it translates: a number was added "
        "or the Chinese one was misread beyond recognition.",
        '培训 8 期 → "trained 8 sessions of 20 people": 20 has no Chinese source',
    ),
    RuleInfo(
        "figure-weekday",
        Severity.WARNING,
        "a weekday for a day whose month the text lacks",
        "An English weekday stands where the Chinese gives a day of the month (25日 → "
        '"said on Friday"), and the text gives no month and year to tell which weekday that '
        "day was. Where a date stamp or a full date does, a wrong weekday is a "
        "`figure-value` and a right one no finding.",
        '25日 → "on Friday": check that the 25th was a Friday',
    ),
    RuleInfo(
        "figure-unverifiable",
        Severity.INFO,
        "the counterpart is in text the other side lacks",
        "The figure's counterpart would be in text the other side lacks (a Chinese "
        "fragment that lost its head or tail), so it cannot be checked either way.",
        '年以来… → "Since 2018, …": the Chinese lost its head, so 2018 cannot be checked',
    ),
    RuleInfo(
        "untranslated",
        Severity.WARNING,
        "a Chinese fragment with no English translation",
        "A Chinese fragment has no English translation next to it.",
        "[臺中市]推動長照服務成果 followed directly by the next Chinese sentence",
    ),
    RuleInfo(
        "pair-uncertain",
        Severity.INFO,
        "the aligner doubts a pair; figures not compared",
        "The aligner doubts that this English translates this Chinese, so bitext does not "
        "compare their figures rather than report findings that may be wrong.",
        "a Chinese sentence next to English about something else (confidence under 0.2)",
    ),
)


def _cleaning_details(rule: str) -> tuple[str, str | None] | None:
    """Explanation and example of ``clean-NAME`` from cleaning rule NAME, if there is one.

    >>> _cleaning_details("clean-cjk-spacing")[1]
    '“大连市 6 家” → “大连市6家”'
    """
    cleaning = CLEAN_RULES.get(rule.removeprefix("clean-")) if rule.startswith("clean-") else None
    if cleaning is None:
        return None
    explanation = (
        f"{cleaning.description[:1].upper()}{cleaning.description[1:]}. bitext checks a cleaned "
        "view of the file and reports positions in the file as given; this finding says the "
        "file itself has the damage (the first place is shown, with the number of places)."
    )
    before, after = cleaning.example
    example = f"“{_shown(before)}” → “{_shown(after)}”" if before or after else None
    return explanation, example


def _shown(text: str) -> str:
    """``text`` with line ends as ``\\n`` and other invisible characters as ``<U+200B>``."""
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return "".join(c if c.isprintable() or c == " " else f"<U+{ord(c):04X}>" for c in text)


def _cleaning_rule(name: str, description: str) -> RuleInfo:
    explanation, example = _cleaning_details(f"clean-{name}") or (description, None)
    return RuleInfo(
        f"clean-{name}",
        Severity.INFO,
        f"the file needed cleaning: {description}",
        explanation,
        example,
    )


RULES: dict[str, RuleInfo] = {
    **{rule.id: rule for rule in _FIGURE_RULES},
    **{
        f"clean-{name}": _cleaning_rule(name, rule.description)
        for name, rule in CLEAN_RULES.items()
        if name not in SILENT_CLEAN_RULES
    },
}
"""Rule id → rule, in the order ``bitext rules`` lists them."""


def rule_info(rule: str, severity: Severity | None = None) -> RuleInfo:
    """The rule ``rule``; one the registry lacks (a baseline from another version, a
    cleaning rule added since) is described by its id, with ``severity``."""
    if rule in RULES:
        return RULES[rule]
    details = _cleaning_details(rule)
    explanation, example = details or (rule, None)
    return RuleInfo(rule, severity or Severity.WARNING, rule, explanation, example)


def find_rule(name: str) -> RuleInfo:
    """The rule ``name`` of the registry; a cleaning rule may go by its cleaning name
    (``hard-wraps`` for ``clean-hard-wraps``). A name it lacks raises a
    :class:`BitextError` with the closest id.

    >>> find_rule("hard-wraps").id
    'clean-hard-wraps'
    >>> find_rule("figure-sclae")
    Traceback (most recent call last):
    ...
    bitext.model.BitextError: unknown rule 'figure-sclae'; did you mean 'figure-scale'?
    """
    for candidate in (name, f"clean-{name}"):
        if candidate in RULES:
            return RULES[candidate]
    raise BitextError(f"unknown rule {name!r}{did_you_mean(name, RULES, ' (see `bitext rules`)')}")


def rule_text(
    rule: RuleInfo, width: int = 88, mark: Mark | None = None, wrap: Wrap | None = None
) -> str:
    """What ``bitext rules RULE`` prints: the id and severity, the description, the
    explanation and the example, each wrapped at ``width`` by ``wrap`` (at spaces unless
    told); ``mark`` styles the severity.

    >>> print(rule_text(rule_info("figure-value")), end="")
    figure-value (error): a different number in the same role
    <BLANKLINE>
    A figure in the English plays the role of a Chinese figure (same kind, same unit) but is
    a different number.
    <BLANKLINE>
    example: 培训 8 期 → "trained 18 sessions": a different number
    """
    wrap = wrap or _wrap_words
    severity = (mark or _unmarked)(rule.severity, rule.severity.value)
    head = wrap(f"{rule.id} ({rule.severity.value}): {rule.description}", width)
    head[0] = head[0].replace(f"({rule.severity.value})", f"({severity})", 1)
    lines = [*head, "", *wrap(rule.explanation, width)]
    if rule.example:
        lines += ["", *wrap(f"example: {rule.example}", width)]
    return "".join(line + "\n" for line in lines)


def rule_json(rule: RuleInfo) -> dict[str, str | None]:
    """A rule as ``bitext rules --format json`` gives it."""
    return {
        "id": rule.id,
        "severity": rule.severity.value,
        "description": rule.description,
        "explanation": rule.explanation,
        "example": rule.example,
    }


def all_rules() -> list[RuleInfo]:
    """Every rule of the registry, in its order."""
    return list(RULES.values())


def rules_text(
    rules: list[RuleInfo],
    width: int | None = None,
    mark: Mark | None = None,
    wrap: Wrap | None = None,
) -> str:
    """What ``bitext rules`` prints: id, severity and description in columns, the example
    under the description. With a ``width`` the description and the example wrap (by
    ``wrap``, at spaces unless told) in their column; ``mark`` styles the severity.

    >>> print(rules_text([rule_info("figure-value")]), end="")
    figure-value  error  a different number in the same role
                         example: 培训 8 期 → "trained 18 sessions": a different number
    >>> print(rules_text([rule_info("figure-value")], width=48), end="")
    figure-value  error  a different number in the
                         same role
                         example: 培训 8 期 → "trained
                         18 sessions": a different
                         number
    """
    mark = mark or _unmarked
    id_width = max((len(rule.id) for rule in rules), default=0)
    severity_width = max((len(rule.severity.value) for rule in rules), default=0)
    indent = " " * (id_width + severity_width + 4)
    column = max((width or 0) - len(indent), MIN_COLUMN) if width else None
    lines = []
    for rule in rules:
        severity = mark(rule.severity, f"{rule.severity.value:<{severity_width}}")
        texts = [rule.description, *([f"example: {rule.example}"] if rule.example else [])]
        body = [
            line
            for text in texts
            for line in ((wrap or _wrap_words)(text, column) if column else [text])
        ]
        lines.append(f"{rule.id:<{id_width}}  {severity}  {body[0]}".rstrip())
        lines += [f"{indent}{line}" for line in body[1:]]
    return "".join(line + "\n" for line in lines)


MIN_COLUMN = 24
"""The narrowest the description column of :func:`rules_text` gets."""


def _wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces only."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _unmarked(_severity: Severity, text: str) -> str:
    return text


def rules_json(rules: list[RuleInfo]) -> str:
    """What ``bitext rules --format json`` prints: a list of objects, one per rule."""
    return json.dumps([rule_json(rule) for rule in rules], ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "RULES",
    "RuleInfo",
    "all_rules",
    "find_rule",
    "rule_info",
    "rule_json",
    "rule_text",
    "rules_json",
    "rules_text",
]
