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
figure-direction     error    a rise rendered as a fall, or the reverse
figure-missing       warning  a Chinese figure with no English counterpart
figure-extra         warning  an English figure with no Chinese source
figure-unverifiable  info     the counterpart is in text the other side lacks
untranslated         warning  a Chinese fragment with no English translation
pair-uncertain       info     the aligner doubts a pair; its figures were not compared
==================== ======== =====================================================
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import regex

from bitext import __version__
from bitext.align.coverage import (
    chinese_words,
    cut_side,
    english_cut,
    english_words,
    head_cut_kind,
)
from bitext.align.lexicon import Lexicon, latin_translates, load_lexicon, phrase_translations
from bitext.align.mixed import AlignParams, absorb_stranded_english, align_mixed
from bitext.align.runon import cut_run_on
from bitext.align.signals import Features, read_features
from bitext.batch import ordered_imap, ordered_map
from bitext.clean import DEFAULT_RULES, Cleaned, Fix, clean, fix_in_context
from bitext.clean import RULES as CLEAN_RULES
from bitext.clean import signature as clean_signature
from bitext.figures.compare import match_figures
from bitext.figures.dates import reference_date
from bitext.figures.judge import PairView, context_quote, judge
from bitext.io import read_document, readable
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
from bitext.paths import DEFAULT_INCLUDE, collect_files
from bitext.segment import segment
from bitext.suppress import read_suppressions

SILENT_CLEAN_RULES = frozenset({"newlines"})
"""Cleaning that is not damage: Windows line ends are how the file was saved."""

RULES: dict[str, tuple[Severity, str]] = {
    "figure-scale": (Severity.ERROR, "same digits, wrong power of ten (the 万/亿 trap)"),
    "figure-value": (Severity.ERROR, "a different number in the same role"),
    "figure-unit": (Severity.ERROR, "value kept, currency or unit changed"),
    "figure-direction": (Severity.ERROR, "a rise rendered as a fall, or the reverse"),
    "figure-missing": (Severity.WARNING, "a Chinese figure with no English counterpart"),
    "figure-extra": (Severity.WARNING, "an English figure with no Chinese source"),
    "figure-weekday": (Severity.WARNING, "a weekday for a day whose month the text lacks"),
    "figure-unverifiable": (Severity.INFO, "the counterpart is in text the other side lacks"),
    "untranslated": (Severity.WARNING, "a Chinese fragment with no English translation"),
    "pair-uncertain": (Severity.INFO, "the aligner doubts a pair; figures not compared"),
    **{
        f"clean-{name}": (Severity.INFO, f"the file needed cleaning: {rule.description}")
        for name, rule in CLEAN_RULES.items()
        if name not in SILENT_CLEAN_RULES
    },
}


class CheckConfig(NamedTuple):
    """Everything that changes what ``check`` reports."""

    clean_rules: tuple[str, ...] = DEFAULT_RULES
    align: AlignParams = AlignParams()
    min_confidence: float = 0.2
    """Pairs the aligner believes less than this are not compared figure by figure."""
    disabled: frozenset[str] = frozenset()
    """Rules not reported."""
    severity: tuple[tuple[str, Severity], ...] = ()
    """(rule, severity) pairs, sorted, that override the rules' default severities."""
    tolerance: Decimal = Decimal(0)
    """Amounts whose relative difference is at most this agree; 0 wants the same value
    (up to the rounding the English shows). See :func:`bitext.figures.compare.relate`."""


DEFAULT_CONFIG = CheckConfig()
NO_CHINESE = "no Chinese text to check"
_HAN = regex.compile(r"\p{Han}")


def signature(config: CheckConfig = DEFAULT_CONFIG) -> str:
    """A reproducibility signature, as sacrebleu prints for its metrics: every setting
    that changes what is reported. Settings left at their defaults are not listed, so the
    usual signature stays short and a configured run cannot pass for a default one.

    >>> config = CheckConfig(disabled=frozenset({"figure-extra"}), tolerance=Decimal("0.01"))
    >>> signature(config).split("|")[2:]
    ['align:mixed-dp', 'min-confidence:0.2', 'disable:figure-extra', 'tolerance:0.01']
    """
    parts = [
        f"bitext:{__version__}",
        f"clean:{clean_signature(config.clean_rules)}",
        "align:mixed-dp",
        f"min-confidence:{config.min_confidence}",
    ]
    if config.disabled:
        parts.append("disable:" + "+".join(sorted(config.disabled)))
    if config.severity:
        parts.append("severity:" + "+".join(f"{r}={s.value}" for r, s in config.severity))
    if config.tolerance:
        parts.append(f"tolerance:{config.tolerance}")
    return "|".join(parts)


def check_paths(
    paths: Iterable[str],
    config: CheckConfig = DEFAULT_CONFIG,
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    jobs: int = 1,
) -> Report:
    """Check files and directories (recursing into files that ``include`` globs pick,
    *.txt and *.md by default; see :mod:`bitext.paths`), with ``jobs`` processes."""
    return check_files(collect_files(paths, include, exclude), config, jobs=jobs)


def check_files(
    files: Sequence[str | Path],
    config: CheckConfig = DEFAULT_CONFIG,
    *,
    jobs: int = 1,
    on_file: Callable[[FileReport], None] | None = None,
) -> Report:
    """Check ``files`` in ``jobs`` worker processes; the report is the same for any
    ``jobs`` (files in the order given). ``on_file`` sees each file's report as it comes."""
    if jobs > 1 and len(files) > 1:
        load_lexicon()  # built once here, so workers find it cached (or inherit it)
    check = functools.partial(check_file, config=config)
    reports = ordered_map(check, [str(f) for f in files], jobs, _warm_up, on_file)
    return Report(tuple(reports), signature(config))


def iter_check_files(
    files: Sequence[str | Path], config: CheckConfig = DEFAULT_CONFIG, *, jobs: int = 1
) -> Iterator[FileReport]:
    """:func:`check_files` one file report at a time, in the order given, so a caller
    can write each out and let it go."""
    if jobs > 1 and len(files) > 1:
        load_lexicon()
    check = functools.partial(check_file, config=config)
    yield from ordered_imap(check, [str(f) for f in files], jobs, _warm_up)


def check_file(path: str, config: CheckConfig = DEFAULT_CONFIG) -> FileReport:
    """Read and check one file (what a worker process does per file)."""
    return check_document(read_document(path), config)


def _warm_up() -> None:
    """Load the lexicon once per worker process rather than on its first file."""
    load_lexicon()


def check_text(
    text: str, path: str | None = None, config: CheckConfig = DEFAULT_CONFIG
) -> FileReport:
    """Check a bulletin given as a string.

    >>> report = check_text("培训 8 期。 Trained 18 sessions.")
    >>> [(f.rule, f.zh and f.zh.text, f.en and f.en.text) for f in report.findings]
    [('figure-value', '8 期', '18'), ('clean-cjk-spacing', None, None)]
    """
    return check_document(Document(path, text, "utf-8"), config)


def check_document(document: Document, config: CheckConfig = DEFAULT_CONFIG) -> FileReport:
    """Run the whole pipeline on one document.

    ``bitext: ignore`` comment lines (:mod:`bitext.suppress`) are blanked before
    cleaning, so they are not read as English, and the findings they cover are dropped.
    """
    suppressions = read_suppressions(readable(document.text), document.path, RULES)
    view = clean(suppressions.text, config.clean_rules)
    report = _check_view(document, view, config)
    cleaning = configured(cleaning_findings(view.fixes, document.text), config)
    return report._replace(findings=suppressions.apply(report.findings + cleaning))


def _check_view(document: Document, view: Cleaned, config: CheckConfig) -> FileReport:
    if not _HAN.search(view.text):
        report = FileReport(document, tuple(segment(view.text)), (), (), (NO_CHINESE,))
        return _relocate(report, view)
    lexicon = load_lexicon()
    spans = segment(view.text, functools.partial(latin_translates, lexicon))
    features = [_features(view.text, s, lexicon) for s in spans]
    pairs = align_mixed(spans, features, config.align)
    pairs = absorb_stranded_english(pairs, spans, features, config.align)
    pairs, spans, features = cut_run_on(pairs, spans, features, view.text, lexicon, config.align)
    report = _judge_pairs(document, view.text, spans, features, pairs, config, lexicon)
    return _relocate(report, view)


def cleaning_findings(fixes: Sequence[Fix], text: str) -> list[Finding]:
    """One info finding per cleaning rule that changed something, at its first fix, so a
    reviewer knows the file was damaged (``bitext clean --explain`` lists every fix).

    >>> view = clean("投入 6 家,共 3 人")
    >>> for finding in cleaning_findings(view.fixes, "投入 6 家,共 3 人"):
    ...     print(finding.message)
    spaces around a number inside Chinese are removed (4 fixes; first: “投入 6 家,” → “投入6 家,”)
    half-width , ; : inside Chinese become full width (1 fix: “ 6 家,共 3 ” → “ 6 家，共 3 ”)
    """
    by_rule: dict[str, list[Fix]] = {}
    for fix in fixes:
        if fix.rule not in SILENT_CLEAN_RULES:
            by_rule.setdefault(fix.rule, []).append(fix)
    findings = []
    for name, found in by_rule.items():
        first = found[0]
        count = f"{len(found)} fixes; first" if len(found) > 1 else "1 fix"
        before, after = fix_in_context(first, text)
        message = f"{CLEAN_RULES[name].description} ({count}: “{before}” → “{after}”)"
        rule = f"clean-{name}"
        findings.append(Finding(rule, RULES[rule][0], message, where=(first.start, first.end)))
    return sorted(findings, key=lambda f: f.where or (0, 0))


def check_pair(zh: str, en: str, config: CheckConfig = DEFAULT_CONFIG) -> FileReport:
    """Check one Chinese text against its known English translation, without alignment.

    The report's document is ``zh``, a blank line and ``en``, so English offsets
    start after the Chinese. The figures are read in the cleaned view, as in a document
    ("About 4, 000 soldiers" is 4,000), and located in the text as given.

    >>> report = check_pair("投入 387.75 万元。", "Invested 3,877.5 million yuan.")
    >>> [(f.rule, f.zh.text, f.en.text, f.suggestion) for f in report.findings]
    [('figure-scale', '387.75 万元', '3,877.5 million yuan', '3.8775 million yuan')]
    """
    text = readable(f"{zh}\n\n{en}")
    view = clean(text, config.clean_rules)
    spans = segment(view.text)
    zh_spans = tuple(s._replace(lang="zh") for s in spans if view.to_original(s.start) < len(zh))
    en_spans = tuple(s._replace(lang="en") for s in spans if view.to_original(s.start) > len(zh))
    lexicon = load_lexicon()
    all_spans = [*zh_spans, *en_spans]
    features = [_features(view.text, s, lexicon) for s in all_spans]
    pair = Pair(0, zh_spans, en_spans, 1.0)
    pairs = [pair] if zh_spans else []
    document = Document(None, text, "utf-8")
    report = _judge_pairs(document, view.text, all_spans, features, pairs, config, lexicon, True)
    return _relocate(report, view)


def _judge_pairs(
    document: Document,
    text: str,
    spans: Sequence[Span],
    features: Sequence[Features],
    pairs: Sequence[Pair],
    config: CheckConfig,
    lexicon: Lexicon,
    whole: bool = False,
) -> FileReport:
    """Findings for aligned pairs (offsets still in ``text``, the cleaned view). ``whole``
    pairs are known translations of each other (:func:`check_pair`): only what the text
    itself shows (a Chinese that starts in mid-figure, an English in lower case) makes a
    side a piece; a missing stop does not (a machine translation that stops short has
    lost its figures, see :func:`bitext.align.coverage.english_cut`)."""
    by_span = dict(zip(spans, features, strict=True))
    pairs = [p._replace(zh_cut=cut_side(p, text, by_span, whole=whole)) for p in pairs]
    zh_figures = (f for s in spans if s.lang == "zh" for f in by_span[s].figures)
    story = reference_date(zh_figures, stamps_only=True)
    findings = [
        f for p in pairs for f in _pair_findings(p, text, by_span, config, lexicon, whole, story)
    ]
    findings = configured(findings, config)
    figures = tuple(f for p in pairs for s in (*p.zh, *p.en) for f in by_span[s].figures)
    return FileReport(document, tuple(spans), tuple(pairs), tuple(findings), (), figures)


def configured(findings: Iterable[Finding], config: CheckConfig) -> tuple[Finding, ...]:
    """``findings`` as the configuration wants them: disabled rules dropped, severities
    overridden (so ``--fail-on``, counts and every format agree on them)."""
    overrides = dict(config.severity)
    return tuple(
        f._replace(severity=overrides.get(f.rule, f.severity))
        for f in findings
        if f.rule not in config.disabled
    )


def _features(text: str, span: Span, lexicon: Lexicon) -> Features:
    return read_features(text[span.start : span.end], span.lang, lexicon, span.start)


# --- findings ---------------------------------------------------------------------


def _pair_findings(
    pair: Pair,
    text: str,
    features: dict[Span, Features],
    config: CheckConfig,
    lexicon: Lexicon,
    whole: bool = False,
    story: datetime.date | None = None,
) -> list[Finding]:
    """Findings for one pair; ``story`` is the date the document is told from, which
    a date in the pair itself overrides (:func:`bitext.figures.dates.reference_date`)."""

    def make(rule: str, message: str, **figures: object) -> Finding:
        return Finding(rule, RULES[rule][0], message, pair.id, **figures)  # type: ignore[arg-type]

    if not pair.en:
        start, end = pair.zh_range  # type: ignore[misc]
        message = f"“{_shorten(text[start:end])}” has no English translation"
        return [make("untranslated", message, where=(start, end))]
    zh_figures = [f for s in pair.zh for f in features[s].figures]
    en_figures = [f for s in pair.en for f in features[s].figures]
    if not zh_figures and not en_figures:
        return []
    if pair.score < config.min_confidence:
        message = (
            f"the aligner is unsure of this pair (confidence {pair.score:.2f}); "
            "figures not compared"
        )
        return [make("pair-uncertain", message, where=pair.zh_range)]
    zh_features = [features[s] for s in pair.zh]
    reference = reference_date(zh_figures) or story
    view = PairView(
        pair=pair,
        text=text,
        matches=match_figures(zh_figures, en_figures, config.tolerance, reference),
        cut=pair.zh_cut,
        cut_kind=head_cut_kind(text[slice(*pair.zh_range)]) if pair.zh_cut == "head" else None,  # type: ignore[misc]
        english=english_words(pair, text, zh_features),
        en_cut=english_cut(pair, text, whole),
        chinese=chinese_words(pair, text, zh_features, [features[s] for s in pair.en], lexicon),
        reference=reference,
        translate=functools.partial(phrase_translations, lexicon),
    )
    return judge(view, make)


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        zh, en = figure(f.zh), figure(f.en)
        message = f.message
        # Messages quote the cleaned view; quote the file as the user has it instead.
        for before, after in ((f.zh, zh), (f.en, en)):
            if before is not None and after is not None:
                message = message.replace(f"“{before.text}”", f"“{after.text}”")
                message = message.replace(
                    context_quote(view.text, before), context_quote(original, after)
                )
        return f._replace(zh=zh, en=en, where=where, message=message)

    return report._replace(
        figures=tuple(figure(f) for f in report.figures),
        spans=tuple(span(s) for s in report.spans),
        pairs=tuple(pair(p) for p in report.pairs),
        findings=tuple(finding(f) for f in report.findings),
    )
