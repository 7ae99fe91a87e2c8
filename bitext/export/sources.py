"""Aligned pairs as export units, with their figure findings as notes.

Two sources give pairs: a mixed bulletin that ``bitext check`` has read
(:func:`units_from_report`), and two files aligned sentence by sentence
(:func:`units_from_alignment`). Either way each bead becomes a
:class:`~bitext.export.Unit` whose notes are the bead's figure findings at warning
or error ("figure-scale: …"), so a translation memory or an XLIFF file carries
what a reviewer must look at.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from bitext.align import MIN_CONFIDENCE, Alignment
from bitext.check import check_pair, uncertain
from bitext.clean import signature as clean_signature
from bitext.export import Unit
from bitext.model import FileReport, Finding, Pair, Severity, Span
from bitext.version import __version__


def units_from_report(report: FileReport) -> list[Unit]:
    """One unit per pair of a checked bulletin, and one per English-only sentence (0-1),
    in document order. A pair's unit has the pair's id, the number ``bitext check`` gives
    it (from 0); the English-only sentences are numbered on after the last pair, in
    document order. Line ids count the bulletin's Chinese and its English sentences
    separately, from 0."""
    en_text = report.document_for("en").text
    zh_ids = _numbered(report.spans, "zh")
    en_ids = _numbered(report.spans, "en")
    placed: list[tuple[int, Unit]] = []
    for pair, (zh, en) in zip(report.pairs, report.pair_texts(), strict=True):
        findings = (f for f in report.findings if f.pair == pair.id)
        unit = _pair_unit(pair, zh, en, zh_ids, en_ids, findings)
        placed.append((_position((pair.zh or pair.en)[0], report), unit))
    paired = {span for pair in report.pairs for span in pair.en}
    alone = [(span, number) for span, number in en_ids.items() if span not in paired]
    first = max((pair.id for pair in report.pairs), default=-1) + 1
    for n, (span, number) in enumerate(sorted(alone, key=lambda item: item[0].start), first):
        unit = Unit(n, "", en_text[span.start : span.end], (), (number,), 0.0)
        placed.append((_position(span, report), unit))
    placed.sort(key=lambda item: item[0])
    return [unit for _, unit in placed]


def units_from_alignment(
    alignment: Alignment, with_notes: bool = True, min_confidence: float = MIN_CONFIDENCE
) -> list[Unit]:
    """One unit per bead of two aligned files, in order; ``with_notes`` compares each
    bead's figures, except across a bead the aligner believes less than
    ``min_confidence``, which gets a ``pair-uncertain`` note instead (as ``bitext check``
    reports it). A bead with Chinese has the number ``bitext check --pair`` gives its
    pair (from 0); English-only beads, which are no pair, are numbered after the last."""
    with_chinese = sum(1 for bead in alignment.beads if bead.zh)
    numbers = {"zh": itertools.count(), "en": itertools.count(with_chinese)}
    units = []
    for bead in alignment.beads:
        zh, en = alignment.zh_text(bead), alignment.en_text(bead)
        notes: tuple[str, ...] = ()
        if with_notes and zh and en:
            notes = _bead_notes(zh, en, bead.confidence, min_confidence)
        number = next(numbers["zh" if bead.zh else "en"])
        units.append(Unit(number, zh, en, bead.zh, bead.en, bead.confidence, notes))
    return units


def alignment_signature(
    split: str, min_confidence: float = MIN_CONFIDENCE, with_notes: bool = True
) -> str:
    """The reproducibility signature of a two-file alignment; ``notes:off`` when the
    beads' figures were not compared.

    >>> alignment_signature("lines", with_notes=False).split("|")[2:]
    ['align:parallel-dp', 'min-confidence:0.45', 'split:lines', 'notes:off']
    """
    notes = "" if with_notes else "|notes:off"
    return (
        f"bitext:{__version__}|clean:{clean_signature(())}|align:parallel-dp"
        f"|min-confidence:{min_confidence}|split:{split}{notes}"
    )


def _bead_notes(zh: str, en: str, confidence: float, min_confidence: float) -> tuple[str, ...]:
    if confidence < min_confidence:
        return (f"pair-uncertain: {uncertain(confidence)}",)
    return _notes(check_pair(zh, en).findings)


def _numbered(spans: Iterable[Span], lang: str) -> dict[Span, int]:
    return {span: k for k, span in enumerate(s for s in spans if s.lang == lang)}


def _position(span: Span, report: FileReport) -> int:
    """Where a unit goes in document order: a translation pair's units follow the
    Chinese file, and English left alone comes after them."""
    if report.source is not None and span.lang == "en":
        return len(report.source.text) + span.start
    return span.start


def _pair_unit(
    pair: Pair,
    zh: str,
    en: str,
    zh_ids: dict[Span, int],
    en_ids: dict[Span, int],
    findings: Iterable[Finding],
) -> Unit:
    return Unit(
        id=pair.id,
        zh=zh,
        en=en,
        zh_lines=tuple(zh_ids[s] for s in pair.zh),
        en_lines=tuple(en_ids[s] for s in pair.en),
        score=pair.score,
        notes=_notes(findings),
    )


def _notes(findings: Iterable[Finding]) -> tuple[str, ...]:
    return tuple(f"{f.rule}: {f.message}" for f in findings if f.severity is not Severity.INFO)
