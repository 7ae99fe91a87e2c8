"""The pipeline: read → clean → segment → align → figures → findings.

:func:`check_document` runs every stage on one document and returns a
:class:`~bitext.model.FileReport` whose offsets all point into the original
text. The stages work on the cleaned view; :func:`_relocate` maps their
results back at the end, in one place.

Rules (stable names, documented in the README):

==================== ======== =====================================================
rule                 severity meaning
==================== ======== =====================================================
figure-scale         error    same digits, wrong power of ten (the 万/亿 trap)
figure-value         error    a different number in the same role
figure-unit          error    value kept, currency or unit changed
figure-missing       warning  a Chinese figure with no English counterpart
figure-extra         warning  an English figure with no Chinese source
figure-unverifiable  info     the counterpart is in text the other side lacks
untranslated         warning  a Chinese fragment with no English translation
pair-uncertain       info     the aligner doubts a pair; its figures were not compared
==================== ======== =====================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import regex

from bitext import __version__
from bitext.align.lexicon import Lexicon, load_lexicon
from bitext.align.mixed import AlignParams, align_mixed
from bitext.align.signals import Features, read_features
from bitext.clean import DEFAULT_RULES, Cleaned, clean
from bitext.clean import signature as clean_signature
from bitext.figures.compare import FigureMatch, match_figures
from bitext.figures.suggest import rewrite
from bitext.figures.values import format_number
from bitext.io import collect_paths, read_document
from bitext.model import (
    Document,
    Figure,
    FileReport,
    Finding,
    Pair,
    Report,
    Severity,
    Span,
)
from bitext.segment import segment

RULES: dict[str, tuple[Severity, str]] = {
    "figure-scale": (Severity.ERROR, "same digits, wrong power of ten (the 万/亿 trap)"),
    "figure-value": (Severity.ERROR, "a different number in the same role"),
    "figure-unit": (Severity.ERROR, "value kept, currency or unit changed"),
    "figure-missing": (Severity.WARNING, "a Chinese figure with no English counterpart"),
    "figure-extra": (Severity.WARNING, "an English figure with no Chinese source"),
    "figure-unverifiable": (Severity.INFO, "the counterpart is in text the other side lacks"),
    "untranslated": (Severity.WARNING, "a Chinese fragment with no English translation"),
    "pair-uncertain": (Severity.INFO, "the aligner doubts a pair; figures not compared"),
}


class CheckConfig(NamedTuple):
    """Everything that changes what ``check`` reports."""

    clean_rules: tuple[str, ...] = DEFAULT_RULES
    align: AlignParams = AlignParams()
    min_confidence: float = 0.2
    """Pairs the aligner believes less than this are not compared figure by figure."""
    disabled: frozenset[str] = frozenset()


DEFAULT_CONFIG = CheckConfig()


def signature(config: CheckConfig = DEFAULT_CONFIG) -> str:
    """A reproducibility signature, as sacrebleu prints for its metrics."""
    return (
        f"bitext:{__version__}|clean:{clean_signature(config.clean_rules)}"
        f"|align:mixed-dp|min-confidence:{config.min_confidence}"
    )


def check_paths(paths: Iterable[str], config: CheckConfig = DEFAULT_CONFIG) -> Report:
    """Check files and directories (recursing into *.txt and *.md)."""
    reports = tuple(check_document(read_document(p), config) for p in collect_paths(list(paths)))
    return Report(reports, signature(config))


def check_text(
    text: str, path: str | None = None, config: CheckConfig = DEFAULT_CONFIG
) -> FileReport:
    """Check a bulletin given as a string.

    >>> report = check_text("培训 8 期。 Trained 18 sessions.")
    >>> [(f.rule, f.zh.text, f.en.text) for f in report.findings]
    [('figure-value', '8 期', '18')]
    """
    return check_document(Document(path, text, "utf-8"), config)


def check_document(document: Document, config: CheckConfig = DEFAULT_CONFIG) -> FileReport:
    """Run the whole pipeline on one document."""
    view = clean(document.text, config.clean_rules)
    spans = segment(view.text)
    if not any(s.lang == "zh" for s in spans):
        report = FileReport(document, tuple(spans), (), (), ("no Chinese text to check",))
        return _relocate(report, view)
    lexicon = load_lexicon()
    features = [_features(view.text, s, lexicon) for s in spans]
    pairs = align_mixed(spans, features, config.align)
    by_span = dict(zip(spans, features, strict=True))
    pairs = [_mark_truncation(p, view.text, by_span) for p in pairs]
    findings = [f for p in pairs for f in _pair_findings(p, view.text, by_span, config)]
    findings = [f for f in findings if f.rule not in config.disabled]
    figures = tuple(f for p in pairs for s in (*p.zh, *p.en) for f in by_span[s].figures)
    report = FileReport(document, tuple(spans), tuple(pairs), tuple(findings), (), figures)
    return _relocate(report, view)


def _features(text: str, span: Span, lexicon: Lexicon) -> Features:
    return read_features(text[span.start : span.end], span.lang, lexicon, span.start)


# --- truncation -------------------------------------------------------------------

_HEAD_CUT = regex.compile(
    r"^(?:[年月日号万亿千百元%％个名位家所项条次期人岁倍成的了着过们地得之与和及或等，、。；：）)》」』”’,.;:!?！？]"
    r"|[0-9]{3}(?![0-9]))"
)
_SENTENCE_END = regex.compile(r"[。！？!?…”’」』）)\"'》；;]$")
_INTERNAL_PUNCTUATION = regex.compile(r"[，,、；;]")
HEADLINE_LENGTH = 25
LONG_ENGLISH = 1.65
"""English this many times longer than the Chinese predicts: the Chinese lost text."""


def _mark_truncation(pair: Pair, text: str, features: dict[Span, Features]) -> Pair:
    """Does the Chinese side look cut (it starts mid-sentence or stops short)?"""
    if not pair.zh or not pair.en:
        return pair
    zh_start, zh_end = pair.zh_range  # type: ignore[misc]
    zh_text = text[zh_start:zh_end]
    head = bool(_HEAD_CUT.match(zh_text))
    tail = not _SENTENCE_END.search(zh_text) and (
        len(zh_text) > HEADLINE_LENGTH or bool(_INTERNAL_PUNCTUATION.search(zh_text))
    )
    zh_length = sum(features[s].length for s in pair.zh)
    en_length = sum(features[s].length for s in pair.en)
    long = en_length > LONG_ENGLISH * 3.6 * zh_length
    if not (head or tail or long):
        return pair
    side = "head" if head or (long and not tail) else "tail"
    return pair._replace(zh_truncated=True, en_covered=(0, 0) if side == "head" else (1, 1))


def _cut_side(pair: Pair) -> str | None:
    if not pair.zh_truncated:
        return None
    return "head" if pair.en_covered == (0, 0) else "tail"


# --- findings ---------------------------------------------------------------------

_ONE = regex.compile(r"\b(?:a|an|one|single|each|per|sole|alone)\b", regex.IGNORECASE)
_TWO = regex.compile(r"\b(?:both|two|pair|couple|double|twice|second)\b", regex.IGNORECASE)


def _pair_findings(
    pair: Pair, text: str, features: dict[Span, Features], config: CheckConfig
) -> list[Finding]:
    if not pair.en:
        start, end = pair.zh_range  # type: ignore[misc]
        snippet = _shorten(text[start:end])
        return [
            _finding(
                "untranslated", f"“{snippet}” has no English translation", pair, where=(start, end)
            )
        ]
    zh_figures = [f for s in pair.zh for f in features[s].figures]
    en_figures = [f for s in pair.en for f in features[s].figures]
    if not zh_figures and not en_figures:
        return []
    if pair.score < config.min_confidence:
        message = f"the aligner is unsure of this pair (confidence {pair.score:.2f}); figures not compared"
        return [_finding("pair-uncertain", message, pair, where=pair.zh_range)]
    matches = match_figures(zh_figures, en_figures)
    en_text = " ".join(text[s.start : s.end] for s in pair.en)
    cut = _cut_side(pair)
    anchors = [m.en.start for m in matches if m.zh is not None and m.en is not None]
    findings = []
    for match in matches:
        finding = _judge(match, pair, cut, anchors, en_text, text)
        if finding is not None:
            findings.append(finding)
    return findings


def _judge(
    match: FigureMatch,
    pair: Pair,
    cut: str | None,
    anchors: Sequence[int],
    en_text: str,
    text: str,
) -> Finding | None:
    zh, en = match.zh, match.en
    if match.relation == "same":
        return None
    if match.relation == "scale":
        assert zh is not None and en is not None
        ratio = en.value / zh.value
        how = f"{format_number(ratio)} times" if ratio > 1 else f"1/{format_number(1 / ratio)} of"
        suggestion = rewrite(en.text, zh.value)
        advice = f"“{suggestion}” is right" if suggestion else "check the power of ten"
        message = f"“{en.text}” is {how} “{zh.text}” ({format_number(zh.value)}); {advice}"
        return _finding("figure-scale", message, pair, zh=zh, en=en, suggestion=suggestion)
    if match.relation == "value":
        assert zh is not None and en is not None
        suggestion = rewrite(en.text, zh.value)
        message = f"“{en.text}” ({format_number(en.value)}) does not match “{zh.text}” ({format_number(zh.value)})"
        return _finding("figure-value", message, pair, zh=zh, en=en, suggestion=suggestion)
    if match.relation == "unit":
        assert zh is not None and en is not None
        message = (
            f"“{en.text}” keeps the number of “{zh.text}” but not its unit ({zh.unit} → {en.unit})"
        )
        return _finding("figure-unit", message, pair, zh=zh, en=en)
    if match.relation == "missing":
        assert zh is not None
        return _judge_missing(zh, pair, cut, en_text, text)
    assert en is not None
    return _judge_extra(en, pair, cut, anchors)


def _judge_missing(
    zh: Figure, pair: Pair, cut: str | None, en_text: str, text: str
) -> Finding | None:
    if zh.soft:
        return None
    if zh.kind == "count" and (
        (zh.value == 1 and _ONE.search(en_text)) or (zh.value == 2 and _TWO.search(en_text))
    ):
        return None  # 一名 → "a", 两国 → "both countries"
    zh_start, zh_end = pair.zh_range  # type: ignore[misc]
    at_cut = (cut == "head" and zh.start == zh_start) or (cut == "tail" and zh.end == zh_end)
    if at_cut and _partial_in(zh, en_text, cut):
        message = f"“{zh.text}” is cut off where the Chinese fragment was; it cannot be checked"
        return _finding("figure-unverifiable", message, pair, zh=zh)
    context = _context(text, zh)
    return _finding(
        "figure-missing",
        f"{context}: {format_number(zh.value)} has no counterpart in the English",
        pair,
        zh=zh,
    )


def _partial_in(zh: Figure, en_text: str, cut: str | None) -> bool:
    """The cut figure's digits are the tail (or head) of a number in the English."""
    digits = regex.sub(r"\D", "", zh.text)
    if not digits:
        return True
    for number in regex.findall(r"\d[\d,.]*", en_text):
        plain = regex.sub(r"\D", "", number)
        if (cut == "head" and plain.endswith(digits)) or (
            cut == "tail" and plain.startswith(digits)
        ):
            return True
    return False


def _judge_extra(en: Figure, pair: Pair, cut: str | None, anchors: Sequence[int]) -> Finding | None:
    if en.soft:
        return None
    uncovered = cut is not None and (
        not anchors
        or (cut == "head" and en.start < min(anchors))
        or (cut == "tail" and en.start > max(anchors))
    )
    if uncovered:
        message = (
            f"“{en.text}” cannot be checked: the Chinese fragment lost its {cut}, "
            "where its counterpart would be"
        )
        return _finding("figure-unverifiable", message, pair, en=en)
    return _finding("figure-extra", f"“{en.text}” has no counterpart in the Chinese", pair, en=en)


def _context(text: str, figure: Figure) -> str:
    """The figure with a few characters of Chinese around it: “选派 6 名教师”."""
    start = max(figure.start - 3, 0)
    end = min(figure.end + 2, len(text))
    snippet = regex.sub(r"\s+", " ", text[start:end]).strip(" ，,。、；;：:")
    return f"“{snippet}”"


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(
    rule: str,
    message: str,
    pair: Pair,
    *,
    zh: Figure | None = None,
    en: Figure | None = None,
    where: tuple[int, int] | None = None,
    suggestion: str | None = None,
) -> Finding:
    severity = RULES[rule][0]
    return Finding(rule, severity, message, pair.id, zh, en, where, suggestion)


# --- back to the original text ----------------------------------------------------


def _relocate(report: FileReport, view: Cleaned) -> FileReport:
    """Map every offset from the cleaned view back into the document text."""
    original = report.document.text
    if not view.layers:
        return report

    def span(s: Span) -> Span:
        start, end = view.span_to_original(s.start, s.end)
        return s._replace(start=start, end=end)

    def figure(f: Figure | None) -> Figure | None:
        if f is None:
            return None
        start, end = view.span_to_original(f.start, f.end)
        return f._replace(start=start, end=end, text=original[start:end])

    def pair(p: Pair) -> Pair:
        return p._replace(zh=tuple(span(s) for s in p.zh), en=tuple(span(s) for s in p.en))

    def finding(f: Finding) -> Finding:
        where = view.span_to_original(*f.where) if f.where else None
        return f._replace(zh=figure(f.zh), en=figure(f.en), where=where)

    return report._replace(
        figures=tuple(figure(f) for f in report.figures),
        spans=tuple(span(s) for s in report.spans),
        pairs=tuple(pair(p) for p in report.pairs),
        findings=tuple(finding(f) for f in report.findings),
    )
