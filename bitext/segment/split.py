"""Split a mixed bulletin into Chinese and English sentence spans.

A mixed paragraph interleaves Chinese fragments with English sentences::

    The first is … in pairs. 年以来,大连市 6 家… 关系。 Since 2018 , 6 municipal …

Three steps, each a function:

1. :func:`paragraphs` and lines: a blank line ends a paragraph, a line break
   ends a sentence.
2. :func:`script_runs`: maximal Chinese runs, from a Han character (or CJK
   punctuation) to the last one before English resumes. Latin words inside
   Chinese (人名 Frank Galicia, 电台 KGO) stay in the run; a stretch of Latin
   text after a finished Chinese sentence, or a long one with English
   sentence structure, ends it. A run takes along what is attached to it: the
   figure it starts with ("387.75 万元"), a short name that leads into it
   ("… time. Louis Galicia 称"), closing quotes after it.
3. :func:`sentences`: Chinese runs split after 。！？ and at ；(a clause the
   aligner may pair on its own), English after . ! ? unless the period
   belongs to an abbreviation, an initial or a number.

Every span is tagged: ``zh`` for Chinese runs, ``en`` or ``other`` for Latin
text (see :mod:`bitext.segment.language`), ``other`` for text with no letters at all.

>>> text = "The first. 年以来,大连市 6 家部门结对。 Since 2018 , 6 departments paired."
>>> [(s.lang, text[s.start:s.end]) for s in segment(text)]
[('en', 'The first.'), ('zh', '年以来,大连市 6 家部门结对。'), ('en', 'Since 2018 , 6 departments paired.')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

import regex

from bitext.cache import once
from bitext.cache.patterns import compile as _compile
from bitext.model import Span
from bitext.segment.language import detect_latin

_ZH_STRONG_CLASS = (
    r"[[^\x00-\x7f]&&\p{Han}\p{Hiragana}\p{Katakana}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20"
    r"\uff3b-\uff40\uff5b-\uff65]"
)
"""The set tests "not ASCII" first (regex.V1): most characters scanned are ASCII, and that
test is four times quicker than the property lookups."""
ZH_STRONG = _compile(_ZH_STRONG_CLASS, regex.V1)
"""Characters that only Chinese text uses: Han, kana, CJK and full-width punctuation."""
_ZH_STRETCH = _compile(rf"{_ZH_STRONG_CLASS}(?:[^\p{{Latin}}]*{_ZH_STRONG_CLASS})*", regex.V1)
"""Strong Chinese characters with no Latin letter between them, from the first to the last:
a gap without a Latin letter never ends a run (:func:`_separates`)."""

_HAN = _compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")

ZH_SENTENCE_END = "。！？!?…"
ZH_CLAUSE_END = "；;"
CLOSERS = "”’\"'）)】」』》〕］]“"

_LATIN_WORD = _compile(r"\p{Latin}[\p{Latin}\p{M}'’.\-]*")
_EN_BOUNDARY = _compile(r"[.!?]+[\"”’')\]]*(?=\s|$)")
_LEAD_TOKEN = _compile(
    r"[^\s,]*[\p{Lu}\d][^\s,]*|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
    r"|&|of|de|la|van|von|der|[·\-–—]|[“\"‘'(（\[《【#•%‰)）]+|[\u2460-\u249b\u2776-\u2793]"
)
"""What may lead into a Chinese sentence: a capitalized word or a number ("2,000 亿美元"),
a connector inside a name, an opening quote or bracket."""
_QUOTES = _compile(r"[“”\"‘’']+")
_ZH_CLAUSE_START = _compile(r"[，,、；;：:。！？!?（(“\"]")
_CONNECTOR = _compile(r"&|of|de|la|van|von|der|[·\-–—]")
_LEAD_SYMBOLS = _compile(r"[^\p{L}]+")
_TRAILING = _compile(
    r"(?:[!?.:;,…*]|[”’）)】」』》〕］\]]|[“\"'](?![\p{Latin}\d])|\s+(?=[。！？，；：”’）】」』》〕］]))*"
)
"""What closes a Chinese run: its stops and closing quotes, and an opening quote written
as a closing one; a quote glued to the Latin after it opens the English (…收获。”“Follow
your heart…), unless it closes a straight quote the Chinese opened (:func:`_extend_forward`).
Full-width marks are the Chinese's even after a space (…康复 。 ” “Their diseases…)."""
_LATIN_TAIL = _compile(r"\s*[—–-]\s*(?P<name>[^\n。！？!?.\p{Han}]{1,60}?)[。！？!?]")
"""A name after a dash that ends the sentence belongs to the Chinese sentence before it."""
_ATTACHED_NUMBER = _compile(r"(?>(?:\s*[\d０-９][\d０-９,.，．%％‰]*+)+)(?![-/:–—]\d)")
"""Digits a Chinese run ends with, unless they open a date stamp ("2020-07-26 Source")."""
_TOKEN = _compile(r"\S+")
_ZH_SPLIT = _compile(
    r"[" + regex.escape(ZH_SENTENCE_END + ZH_CLAUSE_END) + r"]+[" + regex.escape(CLOSERS) + r"]*"
)
_ZH_STOP = re.compile("[" + re.escape(ZH_SENTENCE_END + ZH_CLAUSE_END) + "]")
"""The stops a :data:`_ZH_SPLIT` starts with; a split that ends before the run does starts
before its last character. Most Chinese runs are one sentence with its stop at the end."""
_SENTENCE_START = _compile(r"\s+[\p{Lu}\d\"“‘'(\[]")
_ABBREVIATION = _compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Co|Corp|Inc|Ltd|Jr|Sr|vs|etc|Gov|Sen|Rep|Gen|Col|"
    r"Lt|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|dept|Dept|Fig|"
    r"Vol|pp|e\.g|i\.e|a\.m|p\.m|U\.S|U\.K|U\.N|E\.U)|\b\p{Lu})\.$"
)

_SENTENCE_OPENERS = (
    "The|This|These|Those|There|It|It's|He|She|We|They|I'm|In|On|At|From|For|After|Before|"
    "According|When|While|But|However|Today|Yesterday|Since|During|Some|Many|Most|Our|His|"
    "Her|Their|Its|Meanwhile|Earlier|Later"
)
_OPENS_SENTENCE = _compile(rf"(?:{_SENTENCE_OPENERS}|A|An|As|If|With|By|To)")
_UNPUNCTUATED = _compile(rf"(?<=[\p{{Ll}}\d] )(?:{_SENTENCE_OPENERS})\b(?=\s\S)")

MAX_LEAD_TOKENS = 5
"""A name that leads into a Chinese sentence is short: "Sons & Daughters 餐馆"."""

MIN_ENGLISH_WORDS = 4
"""Latin text inside a Chinese sentence this long, partly lower case, is English."""

NUMBER_FOLLOWERS = (
    "万亿千百十年月日号时点分秒个位名人家所项条元角倍成岁%％多余"
    "次期批件台辆套座处种类块张本篇份户村镇乡县省市国届场轮季间栋层架艘枚颗只头款部集"
)
"""What follows a number that belongs to Chinese text: "13.5 亿英镑", "2017 年", "2000 架"
(units, date parts and the common classifiers)."""


Translates = Callable[[str, str], bool]
"""``translates(chinese, latin)``: does the Latin text translate the Chinese phrase?"""


def segment(text: str, translates: Translates | None = None, *, tag: bool = True) -> list[Span]:
    """All language spans of ``text`` in order, with paragraph numbers. ``translates``
    lets a Latin phrase inside a Chinese line that translates the Chinese phrase just
    before it end the run ("韩长赋说 Han Changfu said 持续…"). Without ``tag`` the Latin
    spans are not identified (langdetect is not asked): each is ``latin``, for a caller
    that knows the language of each side (:func:`bitext.check.check_pair`). The spans are
    the same either way.

    >>> [s.lang for s in segment("投入 6 家。 Six firms invested.")]
    ['zh', 'en']
    >>> [s.lang for s in segment("投入 6 家。 Six firms invested.", tag=False)]
    ['zh', 'latin']
    """
    spans: list[Span] = []
    spaced = once(functools.partial(spaces_scripts, text))
    for number, (start, end) in enumerate(paragraphs(text)):
        for line_start, line_end in _lines_of(text, start, end):
            runs = script_runs(text, line_start, line_end, translates, spaced)
            for run_start, run_end, is_zh in runs:
                for s, e in sentences(text, run_start, run_end, is_zh):
                    lang = _tag(text[s:e], is_zh) if tag else "zh" if is_zh else "latin"
                    spans.append(Span(s, e, lang, number))
    return spans


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Blocks separated by blank lines, as (start, end) with surrounding space trimmed.

    >>> list(paragraphs("a\\nb\\n\\n  c\\n"))
    [(0, 3), (7, 8)]
    """
    # Not one regex over a whole paragraph (\S(?:.|\n(?![ \t]*\n))*): the regex module
    # keeps state for each repetition, and a 5 MB line ran out of memory.
    pos = 0
    while (first := _NON_SPACE.search(text, pos)) is not None:
        start = first.start()
        blank = _BEFORE_BLANK_LINE.search(text, start)
        if blank is None:  # the last paragraph: nothing but space can follow it
            yield start, _rstrip(text, start, len(text))
            return
        yield start, _rstrip(text, start, blank.start())
        pos = blank.start()


_NON_SPACE = _compile(r"\S")
_BEFORE_BLANK_LINE = re.compile(r"\n[ \t]*\n")
"""The line break that ends a paragraph (where a match starts): a blank (or white) line
follows it. The standard library's ``re`` skips to a line break twice as fast as ``regex``."""


def _lines_of(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The lines of the paragraph ``text[start:end]`` (:func:`paragraphs`), as
    :func:`_lines` finds them: a paragraph of one line (each side of a pair) is its line,
    and needs no generator. Its end is stripped already, and so is its start unless it is
    a character that ``str.isspace`` counts and ``\\S`` does not (U+001C).

    >>> t = "a b\\n c"
    >>> _lines_of(t, 0, 3), [t[s:e] for s, e in _lines_of(t, 0, len(t))]
    (((0, 3),), ['a b', 'c'])
    """
    if text.find("\n", start, end) < 0 and not text[start].isspace():
        return ((start, end),)
    return _lines(text, start, end)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]``, stripped. Found with str.find: a regex
    scan cost twice as much on a short paragraph.

    >>> t = "a \\n\\n  b\\n"
    >>> [t[s:e] for s, e in _lines(t, 0, len(t))]
    ['a', 'b']
    """
    while start < end:
        stop = text.find("\n", start, end)
        if stop < 0:
            stop = end
        s, e = _strip(text, start, stop)
        if s < e:
            yield s, e
        start = stop + 1


def spaces_scripts(text: str) -> bool:
    """Does the writer put a space between Chinese and Latin text as a rule? Then Latin
    glued to a Chinese character was written as part of the Chinese (品牌：mesobiosystem
    Brand: mesobiosystem); in a text that glues everything it says nothing. A text with no
    Latin after a finished Chinese sentence shows no habit and is taken as spaced.

    >>> spaces_scripts("人名Frank称。 He said."), spaces_scripts("称。He said. 人名 Frank 称。")
    (True, False)
    """
    glued = sum(
        1
        for match in _GLUED_SCRIPTS.finditer(text)
        if not _UNTRANSLATED.match(text, match.end() - 1)  # 。）pic.twitter.com/…: the Chinese's
    )
    return len(_SPACED_SCRIPTS.findall(text)) >= glued


ScriptHabit = Callable[[], bool]
"""``spaced()``: does the text space its scripts apart (:func:`spaces_scripts`)? A question,
not a flag: only Latin glued to the end of a Chinese run asks it (29 of 9,784 WMT pairs),
and judging every text took a tenth of their segmentation."""


def _assume_spaced() -> bool:
    """The habit of a text with none shown (:func:`spaces_scripts`)."""
    return True


_SPACED_SCRIPTS = _compile(r"[。！？][”’」』）]*[ \t]+\p{Latin}")
_GLUED_SCRIPTS = _compile(r"[。！？][”’」』）]*\p{Latin}")
"""Latin after a finished Chinese sentence, spaced from it or glued to it: where the
writer's habit shows (inside a sentence a glued name is the rule either way)."""


def script_runs(
    text: str,
    start: int,
    end: int,
    translates: Translates | None = None,
    spaced: ScriptHabit = _assume_spaced,
) -> list[tuple[int, int, bool]]:
    """Split one line into alternating Chinese and non-Chinese runs: (start, end, is_zh)."""
    groups = _zh_groups(text, start, end, translates)
    runs: list[tuple[int, int, bool]] = []
    cursor = start
    for k, (first, last) in enumerate(groups):
        limit = groups[k + 1][0] if k + 1 < len(groups) else end
        after_translation = k > 0 and not _is_english_gap(
            text[groups[k - 1][1]], text[cursor:first]
        )
        if after_translation:  # the Latin before is a translation: only a figure leads in
            run_start = _number_lead(text, cursor, first)
            if run_start > cursor and text[run_start - 1] in _OPENERS:
                run_start -= 1  # …(Wudaokou) [薄荷]环境: the bracket glued to the Chinese
        else:
            before = text[runs[-1][0] : cursor] if runs and runs[-1][2] else ""
            run_start = _extend_back(text, cursor, first, before)
        run_end = _extend_forward(text, last + 1, limit, spaced, run_start)
        _add_latin(runs, text, cursor, run_start)
        runs.append((run_start, run_end, True))
        cursor = run_end
    _add_latin(runs, text, cursor, end)
    return runs


def _zh_groups(
    text: str, start: int, end: int, translates: Translates | None = None
) -> list[tuple[int, int]]:
    """Positions of the first and last strong Chinese character of each run."""
    if text[start:end].isascii():
        return []  # no strong Chinese character is ASCII: an English line, scanned in C
    groups: list[tuple[int, int]] = []
    # One match a stretch, not one a character: only a gap with a Latin letter can separate.
    for match in _ZH_STRETCH.finditer(text, start, end):
        first, last = match.start(), match.end() - 1
        if groups and not _separates(text, groups[-1], first, translates):
            groups[-1] = (groups[-1][0], last)
        else:
            groups.append((first, last))
    return [
        (a, b)
        for a, b in groups
        if _COMMON_HAN_FIRST <= text[a] <= _COMMON_HAN_LAST or _HAN.search(text, a, b + 1)
    ]


_COMMON_HAN_FIRST, _COMMON_HAN_LAST = "\u4e00", "\u9fa5"
"""The common ideographs (those of GB2312 and GBK), all of them Han: a stretch that opens
with one, nearly every stretch, holds Han without a search for it."""


def english_boundaries(text: str, start: int, end: int, next_must_open: bool = False) -> list[int]:
    """Ends of English sentences in ``text[start:end]``: after . ! ? that no abbreviation,
    initial or number claims; with ``next_must_open``, only where a sentence can begin next.

    >>> t = "Mr. Putin met U.S. envoys. They talked. 2 hours."
    >>> [t[:i] for i in english_boundaries(t, 0, len(t), True)]
    ['Mr. Putin met U.S. envoys.', 'Mr. Putin met U.S. envoys. They talked.']

    A stop between a number and its scale word ends nothing:

    >>> t = "over 1.1. Billion mu of land."
    >>> english_boundaries(t, 0, len(t), True)
    []

    A list item's number opens the item after it:

    >>> t = "No quote yet 1. OMEGA watches; 4. Participate"
    >>> [t[:i] for i in english_boundaries(t, 0, len(t), True)]
    ['No quote yet ', 'No quote yet 1. OMEGA watches; ']
    """
    if not _stop_before_last(text, start, end):
        return []  # four English lines in five: one sentence, or none ended
    cuts = []
    for match in _EN_BOUNDARY.finditer(text, start, end):
        if match.end() >= end:
            continue
        if _ABBREVIATION.search(text, max(start, match.start() - 8), match.start() + 1):
            continue
        if next_must_open and not _SENTENCE_START.match(text, match.end(), end):
            continue
        if _SCALE_AFTER_DIGITS.match(text, match.start() - 1, end):
            continue  # "over 1.1. Billion mu": a stray stop inside the number
        marker = _list_marker(text, start, match.end())
        if marker is not None and _SENTENCE_START.match(text, match.end(), end):
            if marker > start:
                cuts.append(marker)  # "No quote yet 1. OMEGA watches": the 1. opens
            continue
        cuts.append(match.end())
    return cuts


def _stop_before_last(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a . ! or ? before its last character, as each
    boundary :func:`english_boundaries` keeps does (it ends before ``end``). Three finds in
    C, against a regex scan of the whole run.

    >>> _stop_before_last("Six firms invested.", 0, 19), _stop_before_last("U.S. firms", 0, 10)
    (False, True)
    """
    stop = end - 1
    return (
        text.find(".", start, stop) >= 0
        or text.find("?", start, stop) >= 0
        or text.find("!", start, stop) >= 0
    )


_SCALE_AFTER_DIGITS = _compile(r"[0-9]\.\s+(?:[Bb]illion|[Mm]illion|[Tt]rillion)\b(?!s)")
"""A stop between a number and its singular scale word: no sentence starts with "Billion"."""
_LIST_MARKER = _compile(
    r"(?:^|(?<=[;:]\s*)|(?<=\b(?!(?:to|at|by|of|in|on|from|since|until|till|than|about|"
    r"around|over|under|and|or|is|are|was|were|be|been)\s)\p{Ll}+\s))\(?[0-9]{1,2}\s?[.)]$"
)
"""A list item's number ("1.", "4 .", "(2)") after a clause end or after a word that takes
no number ("No quote yet 1. OMEGA…", not "since August 10." or "rose to 7."): the period
after it ends no sentence."""


def _list_marker(text: str, start: int, end: int) -> int | None:
    """Where a list item's number ending at ``end`` starts, if one does: at the start of
    the run, or after what :data:`_LIST_MARKER` allows before it.

    >>> t = "2.非产品质量问题，需要退换货。 2000. If you need to exchange it, contact us."
    >>> [t[s.start : s.end] for s in segment(t)]
    ['2.非产品质量问题，需要退换货。', '2000. If you need to exchange it, contact us.']
    """
    at_start = _LIST_MARKER_ALONE.fullmatch(text, start, end)
    if at_start is not None:
        return start
    marker = _LIST_MARKER.search(text, max(start, end - 10), end)
    return marker.start() if marker is not None else None


_LIST_MARKER_ALONE = _compile(r"\s*\(?[0-9]{0,4}\s?[.)]")
"""What opens an English run before its first sentence is a list item's number, whatever
its digits ("2000. If you need…", a marker written wrong), or the dot a dropped number left
(". Exchange or return…"): nothing at the start of a run is a sentence by itself."""


def unpunctuated_boundaries(text: str, start: int, end: int) -> list[int]:
    """Where an English sentence ends without a stop: a headline or a translated phrase
    run into the next sentence ("…my family are here as well I'm very pleased…"). Only
    a word that opens sentences, after a lower-case word or a number, counts; other
    run-on English is cut by the aligner (:mod:`bitext.align.runon`).

    >>> t = "Snapchat filter is criticized There will be more. A visit to Beijing on Monday"
    >>> [t[:i] for i in unpunctuated_boundaries(t, 0, len(t))]
    ['Snapchat filter is criticized']
    """
    first = _SPACED_OPENER.search(text, start, end)
    if first is None:
        return []
    # No boundary opens before the first spaced opener: look from it (the lookbehind
    # still sees the word before it).
    found = _UNPUNCTUATED.finditer(text, first.start() + 1, end)
    return [m.start() - 1 for m in found if m.start() > start]


_OPENER_INITIALS = "".join(sorted({opener[0] for opener in _SENTENCE_OPENERS.split("|")}))
_SPACED_OPENER = re.compile(f" (?=[{_OPENER_INITIALS}])(?:{_SENTENCE_OPENERS})")
"""What every boundary :func:`unpunctuated_boundaries` keeps holds inside the run: the
space before the opener (a match at ``start`` is dropped) and the opener. The standard
library's ``re`` finds it in a third less time than :data:`_UNPUNCTUATED` takes over a run
without one (five English lines in six), and in half the time again when the letter after
each space is looked at once rather than by each of the forty-odd openers."""


def _separates(text: str, group: tuple[int, int], pos: int, translates: Translates | None) -> bool:
    """Does the Latin text between a Chinese run and the Chinese at ``pos`` end the run?"""
    last = group[1]
    gap = text[last + 1 : pos]
    if _is_english_gap(text[last], gap):
        return True
    if translates is None or not _LATIN_WORD.search(gap):
        return False
    run = text[group[0] : last + 1]
    if _is_bracketed(gap):
        # A bracketed byline after a bracketed byline translates it: （记者李俐） (Journalist:
        # Li Li); any other bracket glosses the word before it.
        return text[last] in "）)" and _LABEL.match(gap) is not None and translates(run, gap)
    closed = run + gap[: len(gap) - len(gap.lstrip(CLOSERS))]  # 五道口店) Wudaokou: ASCII )
    if translates(_last_clause(closed), gap):
        return True
    # A header translated whole: "来源：央视网 作者：朱延静 Source: cctv.com Author: Zhu
    # Yanjing" (or "作者：林奥 Author: Lin Ao") answers the run, not its last clause.
    long = len(_LATIN_WORD.findall(gap)) >= MIN_ENGLISH_WORDS
    if (long or _LABEL.match(gap) is not None) and translates(run, gap):
        return True
    return _labels_item(text, pos, _last_clause(closed), gap, translates)


_ITEM_KEY = _compile(r"\p{Han}(?:\s?\p{Han}){0,5}\s*[：:]")
_SPEECH = _compile(
    r"(?:说|表示|指出|称|认为|介绍|强调|透露|坦言|问|答|回答|告诉|写道|提到)\s*[：:]"
)


def _labels_item(text: str, pos: int, label: str, gap: str, translates: Translates) -> bool:
    """A bilingual label in a list of items: "产品参数 Product Specifications 尺寸：…" — the
    Chinese after the Latin opens the next "key：value" item, so the Latin is the label's
    translation when one of its words translates the label, not a name inside a sentence
    (a name is followed by what it does: "Louis Galicia 说：")."""
    if not _ITEM_KEY.match(text, pos) or _SPEECH.match(text, pos):
        return False
    words = _LATIN_WORD.findall(gap)
    if not 1 < len(words) <= 6 or _ZH_CLAUSE_START.search(label[-1:]):
        return False
    return any(translates(label, f" {word},") for word in words)


def _last_clause(run: str) -> str:
    """The last clause of a Chinese run, with the bracket that ends it: a name's bracketed
    part belongs to the name.

    >>> _last_clause("OK，日昌餐馆(五道口店)"), _last_clause("表示,加利西亚")
    ('日昌餐馆(五道口店)', '加利西亚')
    """
    bracket = _FINAL_BRACKET.search(run)
    head = run[: bracket.start()] if bracket else run
    return _ZH_CLAUSE_START.split(head)[-1] + run[len(head) :]


_OPENERS = "[(“\"‘'《【"
_FINAL_BRACKET = _compile(r"[(（][^()（）]*[)）]$")

_LABEL = _compile(r"\s*[(（]?\p{Lu}\p{Ll}+:")
"""A Latin label opening a gap: "Author:", "(Journalist:"."""


def _is_bracketed(gap: str) -> bool:
    """Latin in brackets glosses the Chinese before it, whatever closes or follows it:
    “终极五人组”(Final Five)，因为…, 大都会警察局 (Metropolitan Police),说…, 泰勒·拉克
    (Taylor Ruck) 1.61 秒.

    >>> _is_bracketed("”(Final Five)"), _is_bracketed(" (Metropolitan Police),")
    (True, True)
    >>> _is_bracketed(" (Taylor Ruck) 1.61 "), _is_bracketed(" (Taylor Ruck) swam ")
    (True, False)

    A quote that closes the Chinese may stand apart from the bracket: 线上“民主峰会 ” (
    Summit for Democracy)星期五…

    >>> _is_bracketed(" ” ( Summit for Democracy)")
    True
    """
    stripped = gap.strip().lstrip("”’\"' ").rstrip(",.;:0123456789 ")
    return stripped[:1] in "“\"‘'(（《【[" and stripped[-1:] in CLOSERS + "》"


def _is_english_gap(before: str, gap: str) -> bool:
    """Does the Latin text between two Chinese characters hold English sentences?

    >>> _is_english_gap("。", " Since 2018 , 6 departments paired. ")
    True
    >>> _is_english_gap("的", " Frank Galicia ")
    False
    >>> _is_english_gap("。", " Louis Galicia ")
    False

    A sentence written against the Chinese on both sides ends with its stop; a name does
    not, whatever follows it:

    >>> _is_english_gap("了", "I'm good now."), _is_english_gap("了", "iPhone X.")
    (True, False)
    """
    words = _LATIN_WORD.findall(gap)
    if not words:
        return False
    if english_boundaries(gap, 0, len(gap)):
        return True
    if before in ZH_SENTENCE_END + ZH_CLAUSE_END:
        return not _is_lead_in(gap)
    lower = sum(1 for w in words if w[0].islower())
    if lower >= 2 and english_boundaries(gap + " ", 0, len(gap) + 1):
        return True  # 不吃了I'm good now.我一定会投诉: a sentence glued to the Chinese after it
    quoted = gap.lstrip()[:1] in "“\"‘'(（《【[" and gap.rstrip()[-1:] in CLOSERS + "》"
    return len(words) >= MIN_ENGLISH_WORDS and lower >= 2 and not quoted


def _is_lead_in(fragment: str) -> bool:
    """A short name or number that begins a Chinese sentence ("Louis Galicia 称")."""
    tokens = _tokens(fragment, 0, len(fragment))
    return 0 < len(tokens) <= MAX_LEAD_TOKENS and all(_LEAD_TOKEN.fullmatch(t) for t in tokens)


def _extend_back(text: str, lower: int, first: int, before: str = "") -> int:
    """Where a Chinese run really starts: take along the name, figure or quote that leads
    into it, but nothing before the last English sentence end. When English words come
    before the lead without a sentence end between (a headline), only a figure that a
    Chinese unit follows, or an opening quote, is taken: "… to Fife 13.5 亿英镑" starts at
    13.5, "… to December 8 并发表" at 并. Nothing that the Chinese run ``before`` ends with
    leads in: it is the English copy of it.

    >>> t = "打理。）pic.twitter.com/Ux (Apple photo. ) pic.twitter.com/Ux 救助款常常"
    >>> t[_extend_back(t, 22, t.index("救"), t[:22]) :]
    '救助款常常'
    >>> t[_extend_back(t, 22, t.index("救")) :]
    ') pic.twitter.com/Ux 救助款常常'
    """
    if lower == first:
        return first  # nothing stands before the Chinese to lead into it (most runs)
    boundaries = english_boundaries(text, lower, first)
    tail = boundaries[-1] if boundaries else lower
    tokens = _tokens(text, tail, first, lower)
    lead = _count_from_end(tokens[-MAX_LEAD_TOKENS:], _LEAD_TOKEN)
    repeated = _repeated_after(text, first, tokens[len(tokens) - lead :])
    if repeated:  # "…after-sale service Red Hat Linux 系统管理大全 Red Hat Linux System…"
        start = first
        for token in repeated[::-1]:
            start = text.rindex(token, tail, start)
        return start
    copied = [k for k, t in enumerate(tokens) if _LATIN_WORD.search(t) and before.endswith(t)]
    if copied:  # …打理。）pic.twitter.com/… (Apple Daily photo…) pic.twitter.com/… 救助款
        lead = min(lead, len(tokens) - copied[-1] - 1)
    if lead < len(tokens):
        lead = _count_from_end(tokens[len(tokens) - lead :], _LEAD_SYMBOLS)
        numbers = tokens[len(tokens) - lead :]
        if any(ch.isdigit() for ch in "".join(numbers)) and not _opens_chinese(
            numbers, text[first]
        ):
            lead = 0
    while lead and _CONNECTOR.fullmatch(tokens[-lead]):
        lead -= 1
    start = first
    for token in tokens[len(tokens) - lead :][::-1]:
        start = text.rindex(token, tail, start)
        if _QUOTES.fullmatch(token) and (
            text[start + len(token)].isspace() or not _opens_quote(text, lower, start)
        ):
            return _strip(text, start + len(token), first)[0]  # closes the quote before it
    return start


def _tokens(text: str, start: int, end: int, english_start: int | None = None) -> list[str]:
    """The words of ``text[start:end]``, with a number or an opening quote glued to the end
    of the last one split off: in text that does not space its scripts the figure or quote
    that opens the Chinese is glued to the English before it ("…Liu Xiacun7月25日", "…was
    released.7月18日", "…million.“遵循…"). A straight quote is split off only when it opens
    (:func:`_opens_quote`, counting from ``english_start``).

    >>> _tokens("Edited by Liu Xiacun7", 0, 21), _tokens("COVID-19", 0, 8)
    (['Edited', 'by', 'Liu', 'Xiacun', '7'], ['COVID-19'])
    """
    tokens = [t.group() for t in _TOKEN.finditer(text, start, end)]
    glued = _GLUED_LEAD.fullmatch(tokens[-1]) if tokens else None
    quote_start = start if english_start is None else english_start
    if glued is not None and _opens_quote(text, quote_start, end - len(glued.group("lead"))):
        tokens[-1:] = [glued.group("head"), glued.group("lead")]
    return tokens


_GLUED_LEAD = _compile(
    r"(?P<head>.*?(?:\p{Ll}|\p{L}[.,!?;:)\]”\"']+))"
    r"(?P<lead>[0-9][0-9,.:/-]*|[“‘\"'(\[]+)"
)
"""A number or an opening quote glued to a word or its stop; not a code (L2, G20, MP3)."""


def _opens_quote(text: str, start: int, pos: int) -> bool:
    """Does the quote at ``pos`` open the Chinese after it, rather than close the English
    that runs from ``start``? A straight quote opens when the English has closed its own
    quotes and the Chinese closes this one ("他说…"); otherwise it closes a quote the
    English opened, here or a line before (…the United States."不同寻常的是…). An opening
    quote typed for a closing one closes the English that opened one (“Follow your heart …
    never expected. “虽说是…).

    >>> _opens_quote('He said "no."他说', 0, 12), _opens_quote('States."不同寻常', 0, 7)
    (False, False)
    >>> _opens_quote('It is over."我们会赢。"他说。', 0, 11)
    True
    >>> _opens_quote("“Go. “他说", 0, 5), _opens_quote("“Go.” “他说", 0, 6)
    (False, True)
    """
    if text[pos] == '"':
        return not _unclosed(text, start, pos) and _unclosed(text, pos + 1, _chinese_end(text, pos))
    if text[pos] == "“":
        return text.count("“", start, pos) <= text.count("”", start, pos)
    return True


def _unclosed(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` leave a straight quote open (an odd number of them)?"""
    return text.count('"', start, end) % 2 == 1


def _chinese_end(text: str, pos: int) -> int:
    """Where the Chinese from ``pos`` gives way to Latin text, or its line ends."""
    latin = _LATIN_OR_LINE_END.search(text, pos)
    return latin.start() if latin else len(text)


_LATIN_OR_LINE_END = _compile(r"\p{Latin}|\n")


def _repeated_after(text: str, first: int, lead: list[str]) -> list[str]:
    """The Latin words leading into the Chinese at ``first`` that the English after that
    Chinese opens with word for word: they are part of the Chinese (a product's name, "Red
    Hat Linux 系统管理大全（附光盘） Red Hat Linux System Management…"), even after English that
    ends without a stop.

    >>> _repeated_after("service Red Hat Linux 系统管理大全 Red Hat Linux System", 22, ["Red", "Hat", "Linux"])
    ['Red', 'Hat', 'Linux']
    """
    words = [w for w in lead if _LATIN_WORD.fullmatch(w)]
    if not words or len(words) != len(lead):
        return []
    line_end = text.find("\n", first)
    english = _LATIN_LETTER.search(text, first, line_end if line_end >= 0 else len(text))
    if english is None or not text.startswith(" ".join(words), english.start()):
        return []
    return words


_LATIN_LETTER = _compile(r"\p{Latin}")
"""The first Latin letter after a Chinese run's first character, within its line."""


def _number_lead(text: str, lower: int, first: int) -> int:
    """Where a Chinese run starts that follows its translation: at the number that leads
    into it when a Chinese unit follows ("…Minister - Xinhua 7月25日电" starts at 7), or at
    the time stamp of a byline ("…-ChinaNews.com 14:40:44 来源" starts at 14).

    >>> text = "Prime Minister - Xinhua 7月25日电"
    >>> text[_number_lead(text, 0, text.index("月")):]
    '7月25日电'
    >>> text = "In Huston-ChinaNews.com 14:40:44 来源:央视网"
    >>> text[_number_lead(text, 0, text.index("来")):]
    '14:40:44 来源:央视网'
    """
    token = _LAST_TOKEN.search(text, lower, first)
    if token is None or not any(ch.isdigit() for ch in token.group(1)):
        return first
    return token.start(1) if _opens_chinese([token.group(1)], text[first]) else first


_LAST_TOKEN = _compile(r"(?:^|\s)([0-9][0-9,.:/-]*)\s*$")
_ENDS_ENGLISH = _compile(r"[0-9][0-9,.:/-]*[0-9]{3}\.")


def _opens_chinese(numbers: list[str], first: str) -> bool:
    """Does a figure standing between English and Chinese belong to the Chinese? It does
    when a Chinese unit follows it ("… to Fife 13.5 亿英镑", "… Xinhuanet 2000 架波音"),
    when it carries its own percent sign and the Chinese clause goes on ("… immune . ” 89 %
    ，每日…", not "… rates at 2.5% 此前…"), or when it is a time stamp that opens a Chinese
    byline ("… ChineNews.com -07-26 07:01:37 来源").

    >>> _opens_chinese(["2000"], "架"), _opens_chinese(["89", "%"], "，")
    (True, True)
    >>> _opens_chinese(["2.5%"], "此")
    False
    >>> _opens_chinese(["-07-26", "07:01:37"], "来"), _opens_chinese(["December", "8"], "并")
    (True, False)
    >>> _opens_chinese(["②"], "完")
    True

    A number with its stop ends the English sentence it closes ("…in July 2016.国民经济");
    a list item's number is short ("1.瑞士"):

    >>> _opens_chinese(["2016."], "国"), _opens_chinese(["1."], "国")
    (False, True)
    """
    if _ENDS_ENGLISH.fullmatch(numbers[-1]):
        return False
    if first in "）)" and numbers[-1].isdigit() and len(numbers[-1]) <= 2:
        return True  # …our store, 1）合作快递…: a list item's number
    if first in NUMBER_FOLLOWERS or first in "、．":  # 1、瑞士…: a list item's number
        return True
    if _LIST_SYMBOL.fullmatch(numbers[-1]):  # ①完善制度: a list item's mark
        return True
    if numbers[-1].endswith(("%", "％", "‰")) and first in "，,、；;：:":
        return True
    return all(_STAMP.fullmatch(token) for token in numbers)


_LIST_SYMBOL = _compile(r"[\u2460-\u249b\u2776-\u2793]")
"""①, ⑴, ⒈, ❶: a number written as a list mark."""
_STAMP = _compile(r"[-/]?[0-9]{1,4}(?:[-/:][0-9]{1,4})+")
"""A date or clock stamp: 2020-07-26, -07-26 (its year cut off), 07:01:37."""


def _count_from_end(tokens: list[str], pattern: regex.Pattern[str]) -> int:
    count = 0
    while count < len(tokens) and pattern.fullmatch(tokens[-1 - count]):
        count += 1
    return count


def _extend_forward(
    text: str,
    pos: int,
    limit: int,
    spaced: ScriptHabit = _assume_spaced,
    start: int | None = None,
) -> int:
    """Where a Chinese run really ends: its punctuation and closing quotes, a short Latin
    name that a dash leads on to and a sentence end closes (…换代车型 — Aventador
    LP700-4！, its ！ made ASCII by cleaning), and the digits of a figure it ends with when
    no sentence end closes it and the English after it does not open with them
    (:func:`_opens_english`).

    >>> t = "Murcielago的换代车型 — Aventador LP700-4! It is Lamborghini's flagship."
    >>> [t[s.start : s.end] for s in segment(t)]
    ['Murcielago的换代车型 — Aventador LP700-4!', "It is Lamborghini's flagship."]
    """
    if pos == limit and not text.startswith('"', pos):  # a quote is looked at past the limit
        return pos  # nothing follows the Chinese to take along (most runs end their line)
    tail = _LATIN_TAIL.match(text, pos, limit)
    if tail is not None and _is_lead_in(tail.group("name")):
        pos = tail.end()
    end = _TRAILING.match(text, pos, limit).end()
    if text.startswith('"', end) and _unclosed(text, pos if start is None else start, end):
        end = _TRAILING.match(text, end + 1, limit).end()  # "…成功。"He said: the Chinese's
    copied = _copied_tail(text, end, limit, spaced)
    if copied > end:
        end = _TRAILING.match(text, copied, limit).end()
    if text[end - 1] not in ZH_SENTENCE_END + ZH_CLAUSE_END + ".":
        number = _ATTACHED_NUMBER.match(text, end, limit)
        if number and not _opens_english(number):
            end = _TRAILING.match(text, number.end(), limit).end()
    return end


def _copied_tail(text: str, pos: int, limit: int, spaced: ScriptHabit = _assume_spaced) -> int:
    """Where the Latin that ends a Chinese line ends, when the English after it copies it
    word for word. Latin written against the Chinese is its own (品牌：mesobiosystem Brand:
    mesobiosystem, 【中商海外直订】Descriptive Catalogue of … Walter [Zhongnan …] Descriptive
    Catalogue of … Walter); apart from it, a placeholder, handle, URL or emoji is, when the
    English ends a sentence with its copy (用 #PRS_ORG#! Please … use it again #PRS_ORG#!):
    it is never a translation on its own, but the English may open with it ("有 #PRS_ORG#
    作证，… #PRS_ORG# can testify for me …"). After a closing mark only Latin written
    against it counts (…打理。）pic.twitter.com/UxID9ZGjzm (Apple Daily photo…)); after a
    stop, only a URL, handle or placeholder: an English word there opens the English, even
    one the English repeats later (…参观了工厂。The delegates… The…). Where the text glues
    everything (``spaced()`` false, :func:`spaces_scripts`) being written against the
    Chinese says nothing, except for a URL or handle.

    >>> t = "电话是 #PHONENUMBER# Okay, the phone number is #PHONENUMBER#."
    >>> t[: _copied_tail(t, 3, len(t))]
    '电话是 #PHONENUMBER#'
    >>> t = "冤枉我 #NAME# can testify, and #NAME# wronged me."
    >>> _copied_tail(t, 3, len(t))
    3
    """
    first = _TAIL_TOKEN.match(text, pos, limit)
    if first is None:
        return pos
    untranslated = _UNTRANSLATED.fullmatch(first.group("token")) is not None
    # A URL or handle glued to the Chinese is its own even where everything is glued.
    glued = first.start("token") == pos and (untranslated or spaced())
    if text[pos - 1] in ZH_SENTENCE_END and not untranslated:
        return pos  # 参观了工厂。The delegates…: "The" recurring later is no copy
    finished = text[pos - 1] in ZH_SENTENCE_END + CLOSERS
    if not glued and (finished or not untranslated):
        return pos
    if _OPENS_SENTENCE.fullmatch(first.group("token")):
        return pos  # 工厂The delegates… opens the English
    copy_ends = "" if glued else _ENDS_SENTENCE
    end = pos
    for match in _TAIL_TOKEN.finditer(text, pos, limit):
        if not glued and not _UNTRANSLATED.fullmatch(match.group("token")):
            break
        phrase = regex.escape(text[first.start("token") : match.end("token")])
        if regex.search(phrase + copy_ends, text[match.end() : limit]):
            end = match.end()
        elif glued:
            break
    return end


_ENDS_SENTENCE = r"(?:[.!?~…]+[)\]\"”’']*(?:\s|$)|\s*$)"
_TAIL_TOKEN = _compile(r"\s*(?P<token>[^\s\p{Han}]+?)(?=[!?.,;:…]*(?:\s|$))")
_UNTRANSLATED = _compile(
    r"#\p{Lu}[\p{Lu}_]*#|[#@][\p{L}\p{N}_]+|(?:https?://|www\.)\S+"
    r"|[\w.-]+\.(?:com|cn|net|org|gov|edu|io)(?:/\S*)?|[\p{Extended_Pictographic}\p{So}]+"
)
"""What is never a translation on its own: a placeholder of anonymized text (#PRS_ORG#),
a hashtag or handle, a URL, emoji. Not a figure or code: an English headline opens with
its figure and repeats it ("…入学考试 2022 Ye Zinan … 2022 edition", "…刹车电阻 CN1
connector CN1 signal…")."""


def _opens_english(number: regex.Match[str]) -> bool:
    """Does a number between a Chinese run and English words open the English? It does
    unless it carries a percent sign: headlines are translated figure first ("…-中新网 58
    Apps that…", "…正装） 4. Hanhoo…"), while "…增长 6.8% GDP grew…" ends the Chinese. A
    list item's number opens the English even before a bracket ("…整箱四瓶 1. [Baijiu…"); a
    bare number before a bracket ends a Chinese title ("…口语情景 100 [Wenxuan…"). (A year
    ending a list of titles, "…一块巧克力 2022 Grandmother's…", goes wrong.)

    >>> _opens_english(_ATTACHED_NUMBER.match("58 款-中新网 58 Apps", 8))
    True
    >>> _opens_english(_ATTACHED_NUMBER.match("占约 20%. According to", 2))
    False
    >>> _opens_english(_ATTACHED_NUMBER.match("四瓶 1. [Baijiu", 2))
    True
    >>> _opens_english(_ATTACHED_NUMBER.match("情景 100 [Wenxuan", 2))
    False
    """
    digits = number.group().rstrip()
    if digits.endswith(("%", "％", "‰")) or digits.rstrip(".,").endswith(("%", "％", "‰")):
        return False
    pattern = _LIST_ITEM_OPENS if digits.endswith((".", ")", "）")) else _LATIN_AFTER_NUMBER
    return pattern.match(number.string, number.end()) is not None


_LATIN_AFTER_NUMBER = _compile(r"[\s.,:;)）]*\p{Latin}")
_LIST_ITEM_OPENS = _compile(r"[\s.,:;)）\[【(（\"“‘]*\p{Latin}")


def _add_latin(runs: list[tuple[int, int, bool]], text: str, start: int, end: int) -> None:
    if start >= end:
        return  # the gap before or after a Chinese run, mostly
    start, end = _strip(text, start, end)
    if start < end:
        runs.append((start, end, False))


def sentences(text: str, start: int, end: int, is_zh: bool) -> list[tuple[int, int]]:
    """Split a run into sentences (Chinese runs also at ；)."""
    cuts = [start]
    if is_zh:
        if _ZH_STOP.search(text, start, end - 1):  # where every split that is kept starts
            cuts += [m.end() for m in _ZH_SPLIT.finditer(text, start, end) if m.end() < end]
    else:
        cuts += english_boundaries(text, start, end, next_must_open=True)
        cuts += unpunctuated_boundaries(text, start, end)
        cuts.sort()
    if len(cuts) == 1:  # one piece, nothing to merge (most runs)
        a, b = _strip(text, start, end)
        return [(a, b)] if a < b else []
    cuts.append(end)
    pieces = [_strip(text, a, b) for a, b in itertools.pairwise(cuts)]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if a >= b:
            continue
        if merged and not is_zh and not _WORDLIKE.search(text, a, b):
            merged[-1] = (merged[-1][0], b)  # "… never expected. “": a stray quote ends it
        else:
            merged.append((a, b))
    return merged


_WORDLIKE = _compile(r"[\p{L}\p{N}]")
_LETTER = _compile(r"\p{L}")


def _tag(sentence: str, is_zh: bool) -> str:
    if is_zh:
        return "zh"
    if not _LETTER.search(sentence):
        return "other"
    return detect_latin(sentence)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():  # _rstrip, without a second call
        end -= 1
    return start, end


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
