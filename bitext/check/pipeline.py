"""The pipeline: read → clean → segment → align → judge → back to the file's offsets.

:func:`check_document` runs every stage on one document and returns a
:class:`~bitext.model.FileReport` whose offsets all point into the original text. The
stages work on the cleaned view; :func:`_report` maps their results back at the end, in
one place, and only then writes the findings' messages, from the text as the user has
it. Each stage is called through its package: :func:`bitext.clean.clean`,
:func:`bitext.segment.segment`, :func:`bitext.align.pair_bulletin`, then the judge
(:mod:`bitext.check.judge`) on each pair. The rules are :data:`bitext.check.rules.RULES`.
"""

from __future__ import annotations

import bisect
import datetime
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import regex

from bitext.align import (
    Lexicon,
    Paired,
    chinese_words,
    english_cut,
    english_words,
    head_cut_kind,
    latin_translates,
    load_lexicon,
    pair_bulletin,
    pair_parallel,
    pair_translation,
    phrase_translations,
)
from bitext.cache import once
from bitext.check.batch import ordered_imap, ordered_map
from bitext.check.findings import Draft, Quote, relocate, render, say
from bitext.check.judge import PairView, judge
from bitext.check.rules import RULES, SILENT_CLEAN_RULES
from bitext.check.settings import DEFAULT_CONFIG, CheckConfig, signature
from bitext.check.suppress import read_suppressions
from bitext.clean import RULES as CLEAN_RULES
from bitext.clean import Cleaned, Fix, clean, fix_in_context
from bitext.figures import match_figures, reference_date
from bitext.model import (
    Document,
    Figure,
    FileReport,
    Finding,
    InputError,
    Kind,
    Pair,
    Report,
    Span,
)
from bitext.read import (
    DEFAULT_INCLUDE,
    Job,
    Unit,
    collect_files,
    is_cat_file,
    pair_translations,
    read_document,
    read_units,
    readable,
)
from bitext.segment import segment

T = TypeVar("T")
NO_CHINESE = "no Chinese text to check"
_HAN = regex.compile(r"\p{Han}")


def check_paths(
    paths: Iterable[str],
    config: CheckConfig = DEFAULT_CONFIG,
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    jobs: int = 1,
) -> Report:
    """Check files and directories (recursing into files that ``include`` globs pick,
    *.txt and *.md by default; see :mod:`bitext.read.files`), with ``jobs`` processes.
    Files named as a translation pair (``NAME.zh.txt`` and ``NAME.en.txt``, see
    :func:`bitext.read.pair_translations`) are checked as one."""
    files = pair_translations(collect_files(paths, include, exclude))
    return check_files(files, config, jobs=jobs)


def check_files(
    files: Sequence[str | Job],
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
    reports = ordered_map(check, [_named(f) for f in files], jobs, _warm_up, on_file)
    return Report(tuple(reports), signature(config))


def iter_check_files(
    files: Sequence[str | Job], config: CheckConfig = DEFAULT_CONFIG, *, jobs: int = 1
) -> Iterator[FileReport]:
    """:func:`check_files` one file report at a time, in the order given, so a caller
    can write each out and let it go."""
    if jobs > 1 and len(files) > 1:
        load_lexicon()
    check = functools.partial(check_file, config=config)
    yield from ordered_imap(check, [_named(f) for f in files], jobs, _warm_up)


def check_file(path: str | tuple[str, str], config: CheckConfig = DEFAULT_CONFIG) -> FileReport:
    """Read and check one file, or a Chinese file and its translation (what a worker
    process does per job)."""
    if isinstance(path, tuple):
        zh, en = path
        return check_translation(read_document(zh), read_document(en), config)
    if is_cat_file(path):
        document = read_document(path)
        return check_units(document, read_units(document), config)
    return check_document(read_document(path), config)


def _named(job: str | Job) -> str | tuple[str, str]:
    """A job as the names a worker process is sent."""
    if isinstance(job, tuple):
        return str(job[0]), str(job[1])
    return str(job)


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

    ``bitext: ignore`` comment lines (:mod:`bitext.check.suppress`) are blanked before
    cleaning, so they are not read as English, and the findings they cover are dropped.
    """
    suppressions = read_suppressions(readable(document.text), document.path, RULES)
    view = clean(suppressions.text, config.clean_rules)
    report = _check_view(document, view, config)
    cleaning = configured(cleaning_findings(view.fixes, document.text), config)
    return report._replace(findings=suppressions.apply(report.findings + cleaning))


def _check_view(document: Document, view: Cleaned, config: CheckConfig) -> FileReport:
    if not _HAN.search(view.text):
        unpaired = Paired(tuple(segment(view.text)), {}, ())
        return _report(document, view, unpaired, [], config, (NO_CHINESE,))
    lexicon = load_lexicon()
    spans = segment(view.text, functools.partial(latin_translates, lexicon))
    paired = pair_bulletin(view.text, spans, config.align, lexicon)
    return _report(document, view, paired, _judge(view.text, paired, config, lexicon), config)


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
        rule = RULES[f"clean-{name}"]
        findings.append(Finding(rule.id, rule.severity, message, where=(first.start, first.end)))
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
    zh_spans, en_spans = _sides(segment(view.text, tag=False), view, len(zh))
    lexicon = load_lexicon()
    paired = pair_translation(view.text, zh_spans, en_spans, lexicon, words=False)
    drafts = _judge(view.text, paired, config, lexicon, whole=True)
    return _report(Document(None, text, "utf-8"), view, paired, drafts, config)


def _sides(spans: Iterable[Span], view: Cleaned, zh_end: int) -> tuple[list[Span], list[Span]]:
    """The spans of the Chinese, which starts the document and ends at ``zh_end``, and
    those of the English after it, each tagged with its language: a span's start, mapped
    back to the document, tells its side (one read of it per span, not one per side).

    >>> view = clean("投入 6 家。\\n\\nSix firms.")
    >>> _sides(segment(view.text, tag=False), view, 6)
    ([Span(start=0, end=5, lang='zh', paragraph=0)], [Span(start=7, end=17, lang='en', paragraph=1)])
    """
    zh: list[Span] = []
    en: list[Span] = []
    for span in spans:
        at = view.to_original(span.start)
        if at < zh_end:
            zh.append(Span(span.start, span.end, "zh", span.paragraph))
        elif at > zh_end:
            en.append(Span(span.start, span.end, "en", span.paragraph))
    return zh, en


def check_translation(
    zh: Document, en: Document, config: CheckConfig = DEFAULT_CONFIG, split: str = "auto"
) -> FileReport:
    """Check a Chinese document against its English translation in another file.

    The two files are paired sentence by sentence by the two-file aligner (``split`` as
    :func:`bitext.align.files.split_sentences`), and each bead is judged as a known
    translation. The report's ``document`` is the English file and its ``source`` the
    Chinese one; every offset points into its own file.

    >>> zh = Document("a.zh.txt", "投入 387.75 万元。", "utf-8")
    >>> en = Document("a.en.txt", "Invested 3,877.5 million yuan.", "utf-8")
    >>> report = check_translation(zh, en)
    >>> [(f.rule, f.zh.start, f.en.start, f.en.text) for f in report.findings if f.zh]
    [('figure-scale', 3, 9, '3,877.5 million yuan')]
    >>> [(f.rule, f.side, f.where) for f in report.findings if not f.zh]
    [('clean-cjk-spacing', 'zh', (2, 3))]
    """
    _check_sides(zh, en)
    zh_text, en_text = readable(zh.text), readable(en.text)
    joined = Document(en.path, f"{zh_text}\n\n{en_text}", en.encoding)
    base = len(zh_text) + 2
    suppressions = read_suppressions(joined.text, en.path, RULES)
    view = clean(suppressions.text, config.clean_rules)
    en_start = _first_at_or_after(view, base)
    lexicon = load_lexicon()
    paired = pair_parallel(view.text, (0, en_start), (en_start, len(view.text)), split, lexicon)
    drafts = _judge(view.text, paired, config, lexicon, whole=True)
    report = _report(joined, view, paired, drafts, config)
    cleaning = configured(cleaning_findings(view.fixes, joined.text), config)
    report = report._replace(findings=suppressions.apply(report.findings + cleaning))
    return _split_at(report, base, zh, en)


def check_units(
    document: Document, units: Sequence[Unit], config: CheckConfig = DEFAULT_CONFIG
) -> FileReport:
    """Check the units of a bilingual file (XLIFF, TMX, PO, TSV: :mod:`bitext.read.cat`),
    each as a known translation: no pairing step, the figures compared per unit.

    The units are joined into one text (each source, a blank line, its target, a blank
    line), read and judged there as :func:`check_pair` does, with the date the whole
    file is told from; then every offset is moved to the character in ``document`` (the
    file) that it was read from. Pair ``i`` is the ``i``-th unit and carries its id, and
    each finding's message names the unit (and says if it is fuzzy). The Chinese side is
    not cleaned into findings: a translator does not own the source.
    """
    pieces: list[str] = []
    where: list[tuple[int, int]] = []
    sides: list[tuple[int, int, int, int]] = []
    for unit in units:
        ranges = []
        for text, located in ((unit.source, unit.source_at), (unit.target, unit.target_at)):
            start = len(where)
            pieces.append(text + "\n\n")
            where.extend(located)
            end = located[-1][1] if located else unit.at
            where.extend([(end, end)] * 2)
            ranges.extend((start, start + len(text)))
        sides.append(tuple(ranges))  # type: ignore[arg-type]
    text = readable("".join(pieces))
    where.append(where[-1] if where else (0, 0))
    view = clean(text, config.clean_rules)
    spans = [(view.to_original(s.start), s) for s in segment(view.text, tag=False)]
    starts = [at for at, _ in spans]  # in order, so each unit's spans are a slice

    def within(start: int, end: int, lang: str) -> list[Span]:
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [s._replace(lang=lang) for _, s in spans[low:high]]

    lexicon = load_lexicon()
    all_spans: list[Span] = []
    features = {}
    pairs = []
    for index, (unit, side) in enumerate(zip(units, sides, strict=True)):
        zh_start, zh_end, en_start, en_end = side
        zh, en = within(zh_start, zh_end, "zh"), within(en_start, en_end, "en")
        one = pair_translation(view.text, zh, en, lexicon, words=False)
        all_spans.extend(one.spans)
        features.update(one.features)
        pairs.extend(p._replace(id=index, unit=unit.id) for p in one.pairs)
    paired = Paired(tuple(all_spans), features, tuple(pairs), words=False)
    drafts = _judge(view.text, paired, config, lexicon, whole=True)
    report = _report(Document(document.path, text, "utf-8"), view, paired, drafts, config)
    return _in_file(report, document, units, where)


def _in_file(
    report: FileReport, document: Document, units: Sequence[Unit], where: list[tuple[int, int]]
) -> FileReport:
    """A report on the joined units as a report on the file they were read from."""

    def move(_lang: str, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return where[start][0], where[start][0]
        return where[start][0], where[end - 1][1]

    def named(f: Finding) -> Finding:
        if f.pair is None:
            return f
        unit = units[f.pair]
        state = " (fuzzy)" if unit.status == "fuzzy" else ""
        return f._replace(message=f"unit {unit.id}{state}: {f.message}")

    notes = tuple(
        f"unit {unit.id}: its text could not be located in the file; "
        "its findings point at the unit's start"
        for unit in units
        if not unit.located
    )
    moved = _moved(report, move)
    return moved._replace(
        document=document,
        findings=tuple(map(named, moved.findings)),
        notes=report.notes + notes,
    )


def _check_sides(zh: Document, en: Document) -> None:
    """Refuse a pair whose Chinese file has no Chinese, naming the likely mistake."""
    if not _HAN.search(zh.text):
        swapped = " (are they the wrong way round?)" if _HAN.search(en.text) else ""
        raise InputError(f"{zh.path}: no Chinese text to check{swapped}")


def _first_at_or_after(view: Cleaned, offset: int) -> int:
    """The first view offset that maps to ``offset`` or later in the original."""
    return bisect.bisect_left(range(len(view.text)), offset, key=view.to_original)


def _split_at(report: FileReport, base: int, zh: Document, en: Document) -> FileReport:
    """A report on ``zh`` + two newlines + ``en`` as a report on the two files: offsets
    from ``base`` on move into the English file."""

    def side(f: Finding) -> Finding:
        return f._replace(side="en") if f.where is not None and f.where[0] >= base else f

    def move(lang: str, start: int, end: int) -> tuple[int, int]:
        return (start - base, end - base) if lang == "en" else (start, end)

    sided = report._replace(findings=tuple(map(side, report.findings)))
    return _moved(sided, move)._replace(document=en, source=zh)


Move = Callable[[str, int, int], tuple[int, int]]
"""(side, start, end) in one text → (start, end) in another."""


def _moved(report: FileReport, move: Move) -> FileReport:
    """``report`` with every offset moved by ``move``, each by the side it is on."""

    def span(s: Span) -> Span:
        start, end = move(s.lang, s.start, s.end)
        return s._replace(start=start, end=end)

    def figure(f: Figure) -> Figure:
        start, end = move(f.lang, f.start, f.end)
        return f._replace(start=start, end=end)

    def finding(f: Finding) -> Finding:
        return f._replace(
            zh=f.zh and figure(f.zh),
            en=f.en and figure(f.en),
            where=move(f.side, *f.where) if f.where else None,
        )

    return report._replace(
        spans=tuple(map(span, report.spans)),
        pairs=tuple(
            p._replace(zh=tuple(map(span, p.zh)), en=tuple(map(span, p.en))) for p in report.pairs
        ),
        findings=tuple(map(finding, report.findings)),
        figures=tuple(map(figure, report.figures)),
    )


def uncertain(confidence: float) -> str:
    """The ``pair-uncertain`` message: the aligner doubts a pair, so its figures are not
    compared (here and in exported units, :mod:`bitext.export.sources`)."""
    return f"the aligner is unsure of this pair (confidence {confidence:.2f}); figures not compared"


def configured(findings: Iterable[Finding], config: CheckConfig) -> tuple[Finding, ...]:
    """``findings`` as the configuration wants them: disabled rules dropped, severities
    overridden (so ``--fail-on``, counts and every format agree on them)."""
    overrides = dict(config.severity)
    return tuple(
        f._replace(severity=overrides.get(f.rule, f.severity))
        for f in findings
        if f.rule not in config.disabled
    )


# --- findings ---------------------------------------------------------------------


def _judge(
    text: str, paired: Paired, config: CheckConfig, lexicon: Lexicon, whole: bool = False
) -> list[Draft]:
    """Findings for the aligned pairs, offsets still in ``text`` (the cleaned view).
    ``whole`` pairs are known translations of each other (:func:`check_pair`): a
    machine translation that stops short has lost its figures, see
    :func:`bitext.align.english_cut`."""
    zh_figures = (f for s in paired.spans if s.lang == "zh" for f in paired.features[s].figures)
    story = once(lambda: reference_date(zh_figures, stamps_only=True))
    return [
        draft
        for pair in paired.pairs
        for draft in _pair_findings(pair, text, paired, config, lexicon, whole, story)
    ]


def _pair_findings(
    pair: Pair,
    text: str,
    paired: Paired,
    config: CheckConfig,
    lexicon: Lexicon,
    whole: bool = False,
    story: Callable[[], datetime.date | None] = lambda: None,
) -> list[Draft]:
    """Findings for one pair; ``story()`` is the date the document is told from, which
    a date in the pair itself overrides (:func:`bitext.figures.dates.reference_date`)."""

    def make(rule: str, message: tuple[str | Quote, ...], **figures: object) -> Draft:
        return Draft(rule, message, pair.id, **figures)  # type: ignore[arg-type]

    features = paired.features
    if not pair.en:
        start, end = pair.zh_range  # type: ignore[misc]
        message = say(Quote(start, end, limit=30), " has no English translation")
        return [make("untranslated", message, where=(start, end))]
    zh_figures = [f for s in pair.zh for f in features[s].figures]
    en_figures = [f for s in pair.en for f in features[s].figures]
    if not zh_figures and not en_figures:
        return []
    if pair.score < (config.min_pair_confidence if whole else config.min_confidence):
        return [make("pair-uncertain", say(uncertain(pair.score)), where=pair.zh_range)]
    zh_features = _Lazy(lambda: paired.with_words(text, pair.zh, lexicon))
    en_features = _Lazy(lambda: paired.with_words(text, pair.en, lexicon))
    # The date the story is told from places the day an English weekday stands for, and
    # is asked for nothing else (match_figures and the judge): most pairs have no weekday.
    weekday = any(f.kind == Kind.WEEKDAY for f in en_figures)
    reference = (reference_date(zh_figures) or story()) if weekday else None
    matches = match_figures(zh_figures, en_figures, config.tolerance, reference)
    # Only a Chinese figure left alone asks whether the English stops short of it.
    missing = any(match.en is None for match in matches)
    view = PairView(
        pair=pair,
        text=text,
        matches=matches,
        cut=pair.zh_cut,
        cut_kind=head_cut_kind(text[slice(*pair.zh_range)]) if pair.zh_cut == "head" else None,  # type: ignore[misc]
        english=_Lazy(lambda: english_words(pair, text, zh_features)),
        en_cut=english_cut(pair, text, whole) if missing else None,
        chinese=_Lazy(lambda: chinese_words(pair, text, zh_features, en_features, lexicon)),
        reference=reference,
        translate=functools.partial(phrase_translations, lexicon),
    )
    return judge(view, make)


class _Lazy(Sequence[T]):
    """A sequence made on first use: most pairs' figures all agree, and the judge never
    asks for the words around them, which are the dearest part of a pair to read."""

    def __init__(self, make: Callable[[], Sequence[T]]) -> None:
        self._make: Callable[[], Sequence[T]] | None = make
        self._items: Sequence[T] = ()

    def _made(self) -> Sequence[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    def __getitem__(self, index):  # type: ignore[no-untyped-def,override]
        return self._made()[index]

    def __len__(self) -> int:
        return len(self._made())

    def __iter__(self) -> Iterator[T]:
        return iter(self._made())


# --- back to the original text ----------------------------------------------------


def _report(
    document: Document,
    view: Cleaned,
    paired: Paired,
    drafts: Sequence[Draft],
    config: CheckConfig,
    notes: tuple[str, ...] = (),
) -> FileReport:
    """The report in the document's offsets: every span, pair and figure mapped back from
    the cleaned view, then each finding written from the document's own text."""
    span, figure = _mappings(view, document.text)
    figures = [f for p in paired.pairs for s in (*p.zh, *p.en) for f in paired.features[s].figures]
    findings = [
        render(relocate(d, view.span_to_original, figure), document.text, RULES[d.rule].severity)
        for d in drafts
    ]
    pairs: Iterable[Pair] = paired.pairs
    if view.layers:  # else the view is the document, and every offset is already its own
        pairs = (p._replace(zh=tuple(map(span, p.zh)), en=tuple(map(span, p.en))) for p in pairs)
        figures = list(map(figure, figures))
    return FileReport(
        document,
        tuple(map(span, paired.spans)),
        tuple(pairs),
        configured(findings, config),
        notes,
        tuple(figures),
    )


def _mappings(
    view: Cleaned, original: str
) -> tuple[Callable[[Span], Span], Callable[[Figure], Figure]]:
    """Functions that map a span and a figure from the cleaned view into ``original``."""
    if not view.layers:
        return (lambda s: s), (lambda f: f)

    def span(s: Span) -> Span:
        start, end = view.span_to_original(s.start, s.end)
        return s._replace(start=start, end=end)

    def figure(f: Figure) -> Figure:
        start, end = view.span_to_original(f.start, f.end)
        return f._replace(start=start, end=end, text=original[start:end])

    return span, figure
