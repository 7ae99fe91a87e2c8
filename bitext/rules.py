"""What each rule means, for people: ``bitext rules``, SARIF rule metadata, the HTML report.

The registry the checker uses is :data:`bitext.check.RULES` (id → default severity and a
one-line description). This module adds what a reader needs on top of it, keyed by the
same ids: a longer explanation and an example. It never lists rules of its own, so a rule
added to ``check.RULES`` shows up everywhere at once. The ``clean-*`` rules are explained
from the cleaning registry (:data:`bitext.clean.RULES`: description, before/after
example); any other rule without an entry in :data:`DETAILS` falls back to its one-line
description and no example, rather than failing.

>>> rule_info("figure-scale").severity.value
'error'
>>> rule_info("clean-something-new", Severity.INFO).example is None
True
"""

from __future__ import annotations

import json
from typing import NamedTuple

from bitext.check import RULES
from bitext.clean import RULES as CLEAN_RULES
from bitext.model import Severity


class RuleInfo(NamedTuple):
    """A rule as documentation shows it."""

    id: str
    severity: Severity
    description: str
    """One line, from ``check.RULES``."""
    explanation: str
    """A few sentences: what the rule catches and why it matters."""
    example: str | None
    """A Chinese figure and an English rendering the rule reports, or None."""


DETAILS: dict[str, tuple[str, str]] = {
    "figure-scale": (
        "The English has the Chinese figure's digits at the wrong power of ten, the usual "
        "slip with 万 (10^4) and 亿 (10^8), which English counts in thousands and millions. "
        "The suggestion gives the figure at the right scale.",
        '387.75 万元 → "3,877.5 million yuan": 1,000 times the Chinese; '
        '"3.8775 million yuan" is right',
    ),
    "figure-value": (
        "A figure in the English plays the role of a Chinese figure (same kind, same unit) "
        "but is a different number.",
        '培训 8 期 → "trained 18 sessions": a different number',
    ),
    "figure-unit": (
        "The number is kept but its unit or currency changed, so the value is wrong: 亩 "
        "are not acres, 斤 are half a kilogram.",
        '增长 3% → "rose 3 percentage points": value kept, unit changed',
    ),
    "figure-direction": (
        "The number is kept but the change it measures goes the other way: a fall "
        "(下降, 减少) written as a rise, or a rise as a fall. The value comparison cannot "
        "see it; the words around the figure on each side can.",
        '同比下降 2.1% → "rose 2.1% year on year": a fall rendered as a rise',
    ),
    "figure-missing": (
        "A Chinese figure has no counterpart in the English translation next to it: the "
        "translation lost a number.",
        '选派 6 名教师 → "Go to Hongguo Shatuo Elementary School…": the 6 is lost',
    ),
    "figure-extra": (
        "An English figure has no source in the Chinese it translates: a number was added "
        "or the Chinese one was misread beyond recognition.",
        '培训 8 期 → "trained 8 sessions of 20 people": 20 has no Chinese source',
    ),
    "figure-weekday": (
        "An English weekday stands where the Chinese gives a day of the month (25日 → "
        '"said on Friday"), and the text gives no month and year to tell which weekday that '
        "day was. Where a date stamp or a full date does, a wrong weekday is a "
        "`figure-value` and a right one no finding.",
        '25日 → "on Friday": check that the 25th was a Friday',
    ),
    "figure-unverifiable": (
        "The figure's counterpart would be in text the other side lacks (a Chinese "
        "fragment that lost its head or tail), so it cannot be checked either way.",
        '年以来… → "Since 2018, …": the Chinese lost its head, so 2018 cannot be checked',
    ),
    "untranslated": (
        "A Chinese fragment has no English translation next to it.",
        "[臺中市]推動長照服務成果 followed directly by the next Chinese sentence",
    ),
    "pair-uncertain": (
        "The aligner doubts that this English translates this Chinese, so bitext does not "
        "compare their figures rather than report findings that may be wrong.",
        "a Chinese sentence next to English about something else (confidence under 0.2)",
    ),
}
"""Rule id → (explanation, example) for every rule of ``check.RULES`` that is not a
``clean-*`` rule (tested)."""


def rule_info(rule: str, severity: Severity | None = None) -> RuleInfo:
    """What to show for ``rule``; ``severity`` is used when the registry lacks the rule.

    A ``clean-*`` rule is explained from the cleaning rule it reports (its description
    and before/after example), so a new cleaning rule is documented where it is written.
    """
    default, description = RULES.get(rule, (severity or Severity.WARNING, rule))
    details = DETAILS.get(rule) or _cleaning_details(rule)
    explanation, example = details or (description, None)
    return RuleInfo(rule, default, description, explanation, example)


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


def all_rules() -> list[RuleInfo]:
    """Every rule of the checker's registry, in its order."""
    return [rule_info(rule) for rule in RULES]


def rules_text(rules: list[RuleInfo]) -> str:
    """What ``bitext rules`` prints: id, severity and description in columns, the example
    under the description.

    >>> print(rules_text([rule_info("figure-value")]), end="")
    figure-value  error  a different number in the same role
                         example: 培训 8 期 → "trained 18 sessions": a different number
    """
    id_width = max((len(rule.id) for rule in rules), default=0)
    severity_width = max((len(rule.severity.value) for rule in rules), default=0)
    indent = " " * (id_width + severity_width + 4)
    lines = []
    for rule in rules:
        lines.append(
            f"{rule.id:<{id_width}}  {rule.severity.value:<{severity_width}}  {rule.description}"
        )
        if rule.example:
            lines.append(f"{indent}example: {rule.example}")
    return "".join(line + "\n" for line in lines)


def rules_json(rules: list[RuleInfo]) -> str:
    """What ``bitext rules --format json`` prints: a list of objects, one per rule."""
    data = [
        {
            "id": rule.id,
            "severity": rule.severity.value,
            "description": rule.description,
            "explanation": rule.explanation,
            "example": rule.example,
        }
        for rule in rules
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["DETAILS", "RuleInfo", "all_rules", "rule_info", "rules_json", "rules_text"]
