"""The values that flow between bitext's stages.

Every stage is a pure function of the one before it, so the types here are
immutable NamedTuples. Offsets are 0-based code-point indices into a text, end
exclusive, exactly as Python slices a ``str``. Which text depends on the stage:
segmentation, alignment and figure extraction work on the cleaned view; the
report that :func:`bitext.check.check_document` returns has been relocated so
that every offset points into the ORIGINAL document text.
"""

from __future__ import annotations

import bisect
import functools
import re
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple


class BitextError(Exception):
    """Base of the errors bitext reports to the user as one line (exit code 2)."""


class InputError(BitextError):
    """A path that cannot be read as a text bulletin."""


class Severity(StrEnum):
    """How much a finding matters; ``rank`` orders them for ``--fail-on``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Document(NamedTuple):
    """A decoded file: ``text`` is never changed after reading.

    >>> doc = Document("x.txt", "ab\\r\\ncd\\n", "utf-8")
    >>> doc.line_col(4)
    (2, 1)
    """

    path: str | None
    text: str
    encoding: str

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` (CRLF, LF and CR all end a line)."""
        starts = _line_starts(self.text)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


@functools.lru_cache(maxsize=16)
def _line_starts(text: str) -> list[int]:
    """Offsets where lines begin; cached because reports ask for many positions."""
    starts = [0]
    for match in _LINE_BREAK.finditer(text):
        starts.append(match.end())
    return starts


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Span(NamedTuple):
    """A run of one language: a sentence, or a clause of one.

    ``lang`` is ``zh``, ``en`` or ``other`` (Latin script that is not English).
    ``paragraph`` counts blank-line separated blocks from 0.
    """

    start: int
    end: int
    lang: str
    paragraph: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


class Pair(NamedTuple):
    """One alignment bead: Chinese spans with the English that translates them.

    A 1-0 bead has ``en == ()``; a 0-1 bead has ``zh == ()``. ``score`` is the
    aligner's confidence in [0, 1]. ``zh_cut`` is ``head`` or ``tail`` when the
    Chinese lost that part (so some of the English has no Chinese counterpart).
    """

    id: int
    zh: tuple[Span, ...]
    en: tuple[Span, ...]
    score: float
    zh_cut: str | None = None

    @property
    def zh_truncated(self) -> bool:
        return self.zh_cut is not None

    @property
    def zh_range(self) -> tuple[int, int] | None:
        return (self.zh[0].start, self.zh[-1].end) if self.zh else None

    @property
    def en_range(self) -> tuple[int, int] | None:
        return (self.en[0].start, self.en[-1].end) if self.en else None


class Figure(NamedTuple):
    """A number as a value: what the text says, normalized.

    ``value`` is the number the text means (387.75 万 → 3877500); ``high`` is
    the top of a range. ``unit`` is a normalized unit (``CNY``, ``USD``, ``%``,
    ``pp``, ``x`` …) or None. ``kind`` is one of count, money, percent, pp,
    multiple, year, month, day, date, ordinal, fraction. ``approx`` is None for
    an exact figure, else ``over``, ``under`` or ``about``. ``step`` is the
    smallest change the text can express (3.88 million → 10000), used as the
    rounding tolerance; ``digits`` are the significant digits, which stay the
    same when only the power of ten is wrong. ``soft`` marks figures a
    translation often leaves implicit (一名教师 → "a teacher").
    """

    start: int
    end: int
    text: str
    lang: str
    value: Decimal
    kind: str
    unit: str | None = None
    high: Decimal | None = None
    approx: str | None = None
    step: Decimal = Decimal(1)
    digits: str = ""
    soft: bool = False


class Finding(NamedTuple):
    """Something a reviewer should look at.

    ``zh`` / ``en`` are the figures involved (None where that side has none);
    ``where`` is the span the finding is about when it concerns text rather
    than a figure (an untranslated fragment). ``suggestion`` is a corrected
    English rendering where one can be given.
    """

    rule: str
    severity: Severity
    message: str
    pair: int | None = None
    zh: Figure | None = None
    en: Figure | None = None
    where: tuple[int, int] | None = None
    suggestion: str | None = None


class FileReport(NamedTuple):
    """Everything bitext found in one document."""

    document: Document
    spans: tuple[Span, ...]
    pairs: tuple[Pair, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    """Every figure read in a paired span, for highlighting."""

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)


class Report(NamedTuple):
    """The result of one run over one or more documents."""

    files: tuple[FileReport, ...]
    signature: str

    def fails(self, fail_on: str) -> bool:
        """True when a finding is at or above ``fail_on`` (error, warning or never)."""
        if fail_on == "never":
            return False
        threshold = Severity(fail_on).rank
        return any(f.severity.rank >= threshold for r in self.files for f in r.findings)


__all__ = [
    "BitextError",
    "Document",
    "Figure",
    "FileReport",
    "Finding",
    "InputError",
    "Pair",
    "Report",
    "Severity",
    "Span",
]
