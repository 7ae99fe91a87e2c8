"""The values that flow between bitext's stages.

Every stage is a pure function of the one before it, so the types here are
immutable NamedTuples. Offsets are 0-based code-point indices into a text, end
exclusive, exactly as Python slices a ``str``. Which text depends on the stage:
segmentation, alignment and figure extraction work on the cleaned view; the
report that :func:`bitext.check.pipeline.check_document` returns has been relocated so
that every offset points into the ORIGINAL document text.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple


class BitextError(Exception):
    """Base of the errors bitext reports to the user as one line (exit code 2)."""


class InputError(BitextError):
    """A path that cannot be read as a text bulletin."""


def did_you_mean(name: str, choices: Iterable[str], otherwise: str) -> str:
    """The end of an error about an unknown ``name``: the closest of ``choices``, or
    ``otherwise`` when none is close (a typo gets its fix, a guess gets the list).

    >>> did_you_mean("figure-sclae", ["figure-scale", "figure-value"], " (see `bitext rules`)")
    "; did you mean 'figure-scale'?"
    >>> did_you_mean("nothing", ["figure-scale"], " (see `bitext rules`)")
    ' (see `bitext rules`)'
    """
    close = closest(name, choices)
    return f"; did you mean {close!r}?" if close else otherwise


def closest(name: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` that ``name`` most likely misspells, if any."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return close[0] if close else None


class Severity(StrEnum):
    """How much a finding matters; ``rank`` orders them for ``--fail-on``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Kind(StrEnum):
    """What a figure is; figures of one kind (or of kinds that may stand for each other,
    :data:`bitext.figures.compare.GROUPS`) are compared.

    ========  ==============================================================================
    count     a number of things: 8 期, 5万余人, "hundreds of"; 18 年 (a number of years)
    money     an amount in a currency: 387.75 万元, RMB5.628 million
    measure   a quantity in a unit of measure: 6000 亩, 2 小时, 20kg, "three decades"
    percent   a percentage: 12%, 百分之五, 3 成 (30), 5‰ (0.5)
    pp        percentage points: 1.1 个百分点, "0.2 percentage points"
    multiple  a multiple: 3 倍, 翻一番 (2), "three times"
    year      a year of the calendar: 2018 年, "in 2018", FY17
    month     a month of the calendar: 10 月, "October"; 1 to 6 for "the first six months"
    day       a day of the month: 1 日, "October 1"
    date      a date of two or three parts read as one: 2024年3月15日, "March 15, 2024",
              2020-07-26, 3月15日, "March 2024"; ``value`` is YYYYMMDD with 00 for a part
              the text does not give (20240315, 315) and 99 for a part no calendar has
              (the day of "2020-07-260")
    weekday   a day of the week, 1 (Monday) to 7: 周五, 星期六, "Friday"; soft (a week
              holds no number), but checked where it stands for a day (25日 → "Friday")
    ordinal   a rank: 第三, "the 19th", 十九大, 十四五, 20 世纪, 65 周年
    fraction  a share as a percentage: 三分之一, "a third", 一半, 2/3
    clock     a time of day or a race time, in seconds: 下午 3 时 (54000), 7.50am, 1 分 57 秒 79
    score     a score, a record or a ratio, ``value`` to ``high``: 2 比 0, "3:0", 四连胜 (4 to 0), 1∶1
    decade    a decade or a generation: 90 年代, "the 1990s", 80后
    level     a level, class, grade or phase: Ⅱ级, Ⅳ类, 二年级, "Level II", "Class IV"
    name      a number inside a name, a title or an idiom: 十四五, 《拆弹专家2》, 六一, "Porsche 911"
    code      an identifier written with digits, compared digit for digit: B-52, 0871-6512345, 1、
    ========  ==============================================================================

    Names and codes are explained in :mod:`bitext.figures.names`.
    """

    COUNT = "count"
    MONEY = "money"
    MEASURE = "measure"
    PERCENT = "percent"
    PP = "pp"
    MULTIPLE = "multiple"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    DATE = "date"
    WEEKDAY = "weekday"
    ORDINAL = "ordinal"
    FRACTION = "fraction"
    CLOCK = "clock"
    SCORE = "score"
    DECADE = "decade"
    LEVEL = "level"
    NAME = "name"
    CODE = "code"


class Approx(StrEnum):
    """How a figure that is not exact relates to its value.

    =====  =========================================================================
    over   its value or more: 5万余, 以上, "more than", "at least"
    under  its value or less: 近, 不到, "nearly", "up to"
    about  around its value: 约, 左右, "about", "some"
    vague  an order of magnitude: 数十, 上万, 成千上万, "dozens of", "hundreds of"
    =====  =========================================================================
    """

    OVER = "over"
    UNDER = "under"
    ABOUT = "about"
    VAGUE = "vague"


class Places:
    """Where the runs of a document's extracted text come from, for a file that is not
    plain text (a Word document, an HTML page).

    Each run starts at an offset into ``Document.text`` and has a ``label`` naming its
    place in the file ("paragraph 12", "table 1, row 3, cell 2", "footnote 2"; "" for
    none) and, where the file has lines (HTML), the 1-based line and column in the file
    of the run's first character. A run is a block of a Word document, or a stretch of
    an HTML page's text without a tag, an entity or a gap between words, so the columns
    inside it count as they do in the file.

    >>> places = Places([(0, "paragraph 1", None, None), (10, "table 1, row 1, cell 1", None, None)])
    >>> places.label(3), places.label(12), places.source(12)
    ('paragraph 1', 'table 1, row 1, cell 1', None)
    >>> html = Places([(0, "", 4, 9), (6, "", 5, 3)])
    >>> html.source(2), html.source(6), html.source(8)
    ((4, 11), (5, 3), (5, 5))
    """

    __slots__ = ("_cols", "_labels", "_lines", "_starts")

    def __init__(self, runs: list[tuple[int, str, int | None, int | None]]) -> None:
        self._starts = [run[0] for run in runs]
        self._labels = [run[1] for run in runs]
        self._lines = [run[2] for run in runs]
        self._cols = [run[3] for run in runs]

    def __len__(self) -> int:
        return len(self._starts)

    def __repr__(self) -> str:
        return f"Places({len(self)} runs)"

    def _run(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index if index >= 0 else None

    def label(self, offset: int) -> str:
        """The label of the run that ``offset`` falls in ("" where there is none)."""
        index = self._run(offset)
        return "" if index is None else self._labels[index]

    def source(self, offset: int) -> tuple[int, int] | None:
        """The 1-based line and column in the file of ``offset``, or None where the
        file has no lines (a Word document)."""
        index = self._run(offset)
        if index is None or self._lines[index] is None:
            return None
        return self._lines[index], self._cols[index] + offset - self._starts[index]


class Document(NamedTuple):
    """A decoded file: ``text`` is never changed after reading.

    A Word document or an HTML page is read into the text it shows, and ``places`` says
    where each run of that text comes from: :meth:`line_col` then gives the line and
    column in the HTML file, and :meth:`place` the paragraph or table cell of a Word
    document. Offsets are into ``text`` all the same.

    >>> doc = Document("x.txt", "ab\\r\\ncd\\n", "utf-8")
    >>> doc.line_col(4), doc.place(4)
    ((2, 1), '')
    """

    path: str | None
    text: str
    encoding: str
    places: Places | None = None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` (CRLF, LF and CR all end a line); in
        the file a page was read from, where it has lines (HTML)."""
        if self.places is not None:
            source = self.places.source(offset)
            if source is not None:
                return source
        starts = _line_starts(self.text)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def place(self, offset: int) -> str:
        """The label of the place of ``offset`` in a Word document ("paragraph 3",
        "table 1, row 2, cell 1"); "" for a text file or an HTML page."""
        return "" if self.places is None else self.places.label(offset)


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
    unit: str | None = None
    """The id of the translation unit this pair is, in a bilingual file (XLIFF, TMX,
    PO, TSV; :mod:`bitext.read.cat`); None for a pair the aligner made."""

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
    the top of a range (or the second number of a score). ``unit`` is the code of
    a unit in :data:`bitext.figures.units.UNITS` (``CNY``, ``km``, ``%``, ``pp``,
    ``x`` …) or None. ``kind`` is a :class:`Kind`. ``approx`` is None for an exact
    figure, else an :class:`Approx` (over, under, about, vague). ``step`` is the
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
    kind: Kind
    unit: str | None = None
    high: Decimal | None = None
    approx: Approx | None = None
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
    side: str = "zh"
    """The side ``where`` is on ("zh" or "en"): in a translation pair's report the two
    sides are two files (:attr:`FileReport.source`)."""


class FileReport(NamedTuple):
    """Everything bitext found in one document, or in a translation and its source.

    A mixed bulletin is one ``document``. A Chinese file checked against its English
    translation (``bitext check --pair``) is reported as the English ``document`` with
    its Chinese ``source``: Chinese spans and figures point into the source, English ones
    into the document (:meth:`document_for`).
    """

    document: Document
    spans: tuple[Span, ...]
    pairs: tuple[Pair, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    """Every figure read in a paired span, for highlighting."""
    source: Document | None = None
    """The Chinese file of a translation pair; None for a mixed bulletin."""

    def document_for(self, lang: str) -> Document:
        """The document that offsets on side ``lang`` ("zh" or "en") point into."""
        if self.source is not None and lang == "zh":
            return self.source
        return self.document

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def pair_texts(self) -> list[tuple[str, str]]:
        """Each pair as (Chinese, English) text of the document; "" for a missing side."""
        zh, en = self.document_for("zh").text, self.document_for("en").text
        return [
            (
                zh[slice(*p.zh_range)] if p.zh_range else "",
                en[slice(*p.en_range)] if p.en_range else "",
            )
            for p in self.pairs
        ]

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
    "Approx",
    "BitextError",
    "Document",
    "Figure",
    "FileReport",
    "Finding",
    "InputError",
    "Kind",
    "Pair",
    "Report",
    "Severity",
    "Span",
]
