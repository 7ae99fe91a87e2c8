"""The verdict on one pair of a corpus: do its Chinese and English figures agree?

Each pair is checked as a known translation (:func:`bitext.check.check_pair`: cleaned,
split into sentences, paired, figures compared), and its findings are summed up in one
of four verdicts, in this order of precedence:

- ``no-figures``: neither side has a figure (the report reads none), so there is
  nothing to compare; digit-string filters call these pairs agreeing too;
- ``disagree``: a figure rule found a discrepancy at severity error or warning
  (``figure-scale``, ``-value``, ``-unit``, ``-direction``, ``-missing``, ``-extra``,
  at their default or configured severities). The verdict names the first such
  finding's rule and its two figures;
- ``unverifiable``: the only figure findings say the figures cannot be checked either
  way: ``figure-unverifiable`` (the counterpart would be in text the other side lacks),
  ``figure-weekday`` (a weekday for a day of a month the pair does not give) or
  ``pair-uncertain`` (the aligner doubts that one side translates the other);
- ``agree``: the pair has figures and none of those findings.

Cleaning notices (``clean-*``) never count: they say how the text is typed, not what it
says. ``untranslated`` (Chinese with no English beside it, as when the English side is
empty) counts as ``disagree`` only when that Chinese holds a figure, which the
translation then lost; its figures are the first such Chinese figure and none. A rule
turned off in the configuration is not reported, so it does not count; a rule set to
``info`` does not make a pair disagree.

>>> judge(Line(10, "投入3个班次。", "")).figures
(('3个', '3'), None)

A pair whose Chinese side is empty has nothing for the check to pair the English with,
so its English is read alone: a figure there is ``figure-extra``.

>>> judge(Line(11, "", "Shipped 3 batches.")).figures
(None, ('3', '3'))

>>> judge(Line(7, "2030万元", "20.3 million yuan")).verdict
'agree'
>>> verdict = judge(Line(8, "拨付资金2030万元。", "It allocated 203 million yuan."))
>>> verdict.verdict, verdict.rule, verdict.figures
('disagree', 'figure-scale', (('2030万元', '20300000'), ('203 million yuan', '203000000')))
>>> judge(Line(9, "各地加强灾后救助。", "Relief was stepped up everywhere.")).verdict
'no-figures'

A verdict is written as a TSV line (line number, verdict, rule, Chinese, English; the
rule is empty unless the pair disagrees or is unverifiable, so ``cut -f4,5`` gives the
corpus back) or as a JSON object with its keys always in the same order:

>>> print(render(verdict, "tsv"), end="")  # doctest: +NORMALIZE_WHITESPACE
8  disagree  figure-scale  拨付资金2030万元。  It allocated 203 million yuan.
>>> print(render(verdict, "jsonl"), end="")  # doctest: +NORMALIZE_WHITESPACE
{"line": 8, "zh": "拨付资金2030万元。", "en": "It allocated 203 million yuan.",
 "verdict": "disagree", "rule": "figure-scale", "figures":
 {"zh": {"text": "2030万元", "value": "20300000"},
  "en": {"text": "203 million yuan", "value": "203000000"}}}
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import NamedTuple

from bitext.check import DEFAULT_CONFIG, CheckConfig, check_pair
from bitext.clean import clean
from bitext.corpus.read import Line
from bitext.figures import extract
from bitext.model import BitextError, Figure, Finding, Severity

UNVERIFIABLE_RULES = frozenset({"figure-unverifiable", "figure-weekday", "pair-uncertain"})
"""Findings that say a figure cannot be checked, rather than that it is wrong."""

COUNTED_SEVERITIES = frozenset({Severity.ERROR, Severity.WARNING})
"""The severities at which a figure finding makes a pair disagree."""

FigureText = tuple[str, str]
"""A figure as the verdict keeps it: its text as written and its value."""


class Verdict(NamedTuple):
    """The verdict on the pair on line ``number``; ``rule`` and ``figures`` (Chinese,
    English; None for a side the finding has no figure on) come from the finding that
    decided it, and are empty for ``agree`` and ``no-figures``."""

    number: int
    zh: str
    en: str
    verdict: str
    rule: str = ""
    figures: tuple[FigureText | None, FigureText | None] | None = None


def judge(line: Line, config: CheckConfig = DEFAULT_CONFIG) -> Verdict:
    """The verdict on ``line``'s pair (see the module's documentation). A pair that
    bitext cannot read (:class:`~bitext.model.BitextError`) is ``unverifiable``."""
    if not line.zh.strip():
        return _english_alone(line, config)
    try:
        report = check_pair(line.zh, line.en, config)
    except BitextError:
        return Verdict(line.number, line.zh, line.en, "unverifiable", "unreadable")
    if not report.figures:
        return Verdict(line.number, line.zh, line.en, "no-figures")
    doubtful = None
    for finding in report.findings:
        if finding.rule in UNVERIFIABLE_RULES:
            doubtful = doubtful or finding
        elif finding.severity not in COUNTED_SEVERITIES:
            continue
        elif finding.rule.startswith("figure-"):
            return _decided(line, "disagree", finding)
        elif finding.rule == "untranslated" and finding.where is not None:
            start, end = finding.where
            lost = [f for f in report.figures if f.lang == "zh" and start <= f.start < end]
            if lost:
                return _decided(line, "disagree", finding._replace(zh=lost[0]))
    if doubtful is not None:
        return _decided(line, "unverifiable", doubtful)
    return Verdict(line.number, line.zh, line.en, "agree")


def _english_alone(line: Line, config: CheckConfig) -> Verdict:
    """The verdict on a pair with no Chinese: its English figures, read in the cleaned
    text as the check reads them, have no source."""
    figures = [f for f in extract(clean(line.en, config.clean_rules).text, "en") if not f.soft]
    if not figures or "figure-extra" in config.disabled:
        return Verdict(line.number, line.zh, line.en, "no-figures" if not figures else "agree")
    return Verdict(
        line.number, line.zh, line.en, "disagree", "figure-extra", (None, _figure(figures[0]))
    )


def _decided(line: Line, verdict: str, finding: Finding) -> Verdict:
    figures = (_figure(finding.zh), _figure(finding.en))
    return Verdict(line.number, line.zh, line.en, verdict, finding.rule, figures)


def _figure(figure: Figure | None) -> FigureText | None:
    return None if figure is None else (figure.text, _number(figure.value))


def _number(value: Decimal) -> str:
    """A value as plain digits, never an exponent.

    >>> _number(Decimal("2.03E+7")), _number(Decimal("0.50")), _number(Decimal("-3"))
    ('20300000', '0.5', '-3')
    """
    text = format(value.normalize(), "f")
    return text


def render(verdict: Verdict, output_format: str) -> str:
    """``verdict`` as one line of ``output_format`` (tsv or jsonl), with its line end."""
    if output_format == "tsv":
        fields = (str(verdict.number), verdict.verdict, verdict.rule, verdict.zh, verdict.en)
        return "\t".join(fields) + "\n"
    figures = None
    if verdict.figures is not None:
        zh, en = (
            None if figure is None else {"text": figure[0], "value": figure[1]}
            for figure in verdict.figures
        )
        figures = {"zh": zh, "en": en}
    record = {
        "line": verdict.number,
        "zh": verdict.zh,
        "en": verdict.en,
        "verdict": verdict.verdict,
        "rule": verdict.rule or None,
        "figures": figures,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


__all__ = [
    "COUNTED_SEVERITIES",
    "UNVERIFIABLE_RULES",
    "Verdict",
    "judge",
    "render",
]
