"""The cleaning rules: each finds the edits that repair one kind of damage.

A rule is a pure function ``text -> list[Edit]``; :mod:`bitext.clean` applies the
rules in order and keeps the map back to the original. Every rule is careful in
the same ways: it never changes a digit, a letter's identity or a word, only the
form of characters (width, mojibake, punctuation shape) and the whitespace
between them, so a figure's value and a sentence's meaning survive cleaning.

Chinese and English conventions differ, so several rules look at the characters
around an edit: a comma between two Chinese characters is a full-width "，", one
between English words is ", "; a space between 市 and 6 is damage, one between
"in" and 2018 is not.

>>> [e.replacement for e in zh_punctuation("机制,切实深化")]
['，']
>>> [(e.start, e.end, e.replacement) for e in cjk_digit_spacing("大连市 6 家")]
[(3, 4, ''), (5, 6, '')]
>>> [e.replacement for e in en_space_before_punctuation("Panzhou , 457 students .")]
['', '']
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable
from importlib import resources
from typing import NamedTuple

import regex

from bitext.cache.patterns import compile as _compile


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` (offsets in the rule's input)."""

    start: int
    end: int
    replacement: str


def _regex_edits(
    pattern: re.Pattern[str] | regex.Pattern[str],
    replacement: str | Callable[[re.Match[str] | regex.Match[str]], str],
) -> Callable[[str], list[Edit]]:
    def find(text: str) -> list[Edit]:
        edits = []
        for match in pattern.finditer(text):
            new = replacement if isinstance(replacement, str) else replacement(match)
            if new != match.group():
                edits.append(Edit(match.start(), match.end(), new))
        return edits

    return find


_Finder = Callable[[str], list[Edit]]


def _only_if(
    needed: Callable[[str], object], within: Callable[[str], object] | None = None
) -> Callable[[_Finder], _Finder]:
    """Run the rule on a text only if ``needed(text)``: a cheap test that every text the
    rule edits passes (each says why it is necessary). Nearly every text needs no
    cleaning, and a test that scans for one telling character is several times faster
    than the rule's own patterns. The rule without its test stays ``__wrapped__``, the
    test is its ``needed``, and ``within`` a broader test that every text passing
    ``needed`` passes: :func:`bitext.clean.clean` asks a test that several rules share
    once a text, and not at all when its broader test said no.

    >>> rule = _only_if(lambda text: "," in text)(lambda text: [Edit(0, 1, "")])
    >>> rule("x"), rule.__wrapped__("x"), rule.needed("a,b")
    ([], [Edit(start=0, end=1, replacement='')], True)
    """

    def gate(find: _Finder) -> _Finder:
        @functools.wraps(find)
        def gated(text: str) -> list[Edit]:
            return find(text) if needed(text) else []

        gated.needed = needed  # type: ignore[attr-defined]
        gated.within = within  # type: ignore[attr-defined]
        return gated

    return gate


# --- characters ---------------------------------------------------------------------


def _runs_of(members: str, least: int = 1) -> re.Pattern[str]:
    """Runs of at least ``least`` of the characters of the class body ``members``.

    Spelt ``[m][m]*`` rather than ``[m]+``: the standard library's ``re`` then skips
    straight to a member of the class instead of trying the pattern at every position,
    three times faster on text that holds none, which is nearly every text.

    >>> [m.group() for m in _runs_of("ab", 2).finditer("a ab bab")]
    ['ab', 'bab']
    """
    return re.compile(f"[{members}]" * least + f"[{members}]*")


_CARRIAGE_RETURN = re.compile("\r")
"""What every line end :func:`newlines` edits starts with: found at C speed, where the rule's
own pattern takes as long as a scan for a class."""
newlines = _only_if(_CARRIAGE_RETURN.search)(_regex_edits(re.compile(r"\r\n?"), "\n"))
"""CRLF and CR line ends become LF."""

_INVISIBLE = r"\u200b-\u200d\u2060\ufeff\u00ad"
_ODD_SPACE = r"\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ODD_CHARACTER = re.compile(f"[{_INVISIBLE}{_ODD_SPACE}]")
"""A character that :func:`invisible` or :func:`spaces` edits: every edit of theirs starts
at one."""

_MOJIBAKE_CHARACTERS = (
    r"\u00c0-\u00ff\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    r"\u20ac\u2122"
)
"""The characters that UTF-8 bytes turn into when read as Windows-1252 or Latin-1."""
_MOJIBAKE_RUN = _runs_of(_MOJIBAKE_CHARACTERS, least=2)
"""A run of :data:`_MOJIBAKE_CHARACTERS` (扶 = e6 89 b6 → "æ‰¶")."""
_UNUSUAL_CHARACTER = re.compile(f"[{_MOJIBAKE_CHARACTERS}{_INVISIBLE}{_ODD_SPACE}]")
"""A character that :func:`mojibake`, :func:`invisible` or :func:`spaces` looks for."""


def _unusual_characters(text: str) -> bool:
    """Whether ``text`` holds an :data:`_UNUSUAL_CHARACTER`: seven texts in ten have none,
    and then neither :func:`mojibake` nor :func:`invisible` nor :func:`spaces` has anything
    to do. (Remembering the last answer for the three would save two short scans, but
    would keep the last text alive after its run: a streamed archive must hold none.)

    >>> _unusual_characters("a\\u00a0b"), _unusual_characters("ab")
    (True, False)
    """
    return _UNUSUAL_CHARACTER.search(text) is not None


def _odd_characters(text: str) -> bool:
    """Whether ``text`` holds an :data:`_ODD_CHARACTER` (one of the unusual ones).

    >>> _odd_characters("a\\u00a0b"), _odd_characters("a’b")
    (True, False)
    """
    return _ODD_CHARACTER.search(text) is not None


invisible = _only_if(_odd_characters, within=_unusual_characters)(
    _regex_edits(_runs_of(_INVISIBLE), "")
)
"""Zero-width characters, word joiners, soft hyphens and stray BOMs go."""

spaces = _only_if(_odd_characters, within=_unusual_characters)(
    _regex_edits(re.compile(f"[{_ODD_SPACE}]"), " ")
)
"""No-break, ideographic and other Unicode spaces become plain spaces."""


@_only_if(_unusual_characters)
def mojibake(text: str) -> list[Edit]:
    """Text that was UTF-8 read as Windows-1252 ("æ‰¶è´«èµ„é‡‘" → 扶贫资金), repaired by
    ftfy run by run; a run ftfy leaves alone (café, Zürich) stays."""
    edits = []
    for match in _MOJIBAKE_RUN.finditer(text):
        fixed = _fixed_encoding(match.group())
        if fixed != match.group():
            edits.append(Edit(match.start(), match.end(), fixed))
    return edits


@functools.lru_cache(maxsize=4096)
def _fixed_encoding(run: str) -> str:
    """ftfy's repair of ``run``, remembered: the same few runs (curly quotes side by side,
    ”“) come back text after text, and ftfy takes 20 µs over each."""
    from ftfy import fix_encoding  # only files with suspicious runs pay for ftfy

    return fix_encoding(run)


_GBK_CHARACTERS = (
    "\u00a4\u00a7-\u00a8\u00b0-\u00b1\u00b7\u00d7\u00e0-\u00e1\u00e8-\u00ea\u00ec-\u00ed"
    "\u00f2-\u00f3\u00f7\u00f9-\u00fa\u00fc\u0101\u0113\u011b\u012b\u0144\u0148\u014d"
    "\u016b\u01ce\u01d0\u01d2\u01d4\u01d6\u01d8\u01da\u01dc\u01f9\u0251\u0261\u02c7"
    "\u02c9-\u02cb\u02d9\u0391-\u03a1\u03a3-\u03a9\u03b1-\u03c1\u03c3-\u03c9\u0401"
    "\u0410-\u044f\u0451\u2010\u2013-\u2016\u2018-\u2019\u201c-\u201d\u2025-\u2026\u2030"
    "\u2032-\u2033\u2035\u203b\u20ac\u2103\u2105\u2109\u2116\u2121\u2160-\u216b"
    "\u2170-\u2179\u2190-\u2193\u2196-\u2199\u2208\u220f\u2211\u2215\u221a\u221d-\u2220"
    "\u2223\u2225\u2227-\u222b\u222e\u2234-\u2237\u223d\u2248\u224c\u2252\u2260-\u2261"
    "\u2264-\u2267\u226e-\u226f\u2295\u2299\u22a5\u22bf\u2312\u2460-\u2469\u2474-\u249b"
    "\u2500-\u254b\u2550-\u2573\u2581-\u258f\u2593-\u2595\u25a0-\u25a1\u25b2-\u25b3"
    "\u25bc-\u25bd\u25c6-\u25c7\u25cb\u25ce-\u25cf\u25e2-\u25e5\u2605-\u2606\u2609\u2640"
    "\u2642\u2e81\u2e84\u2e88\u2e8b-\u2e8c\u2e97\u2ea7\u2eaa\u2eae\u2eb3\u2eb6-\u2eb7"
    "\u2ebb\u2eca\u2ff0-\u2ffb\u3000-\u3003\u3005-\u3017\u301d-\u301e\u3021-\u3029\u303e"
    "\u3041-\u3093\u309b-\u309e\u30a1-\u30f6\u30fc-\u30fe\u3105-\u3129\u3220-\u3229\u3231"
    "\u32a3\u338e-\u338f\u339c-\u339e\u33a1\u33c4\u33ce\u33d1-\u33d2\u33d5\u3447\u3473"
    "\u359e\u360e\u361a\u3918\u396e\u39cf-\u39d0\u39df\u3a73\u3b4e\u3c6e\u3ce0\u4056"
    "\u415f\u4337\u43ac\u43b1\u43dd\u44d6\u464c\u4661\u4723\u4729\u477c\u478d\u4947\u497a"
    "\u497d\u4982-\u4983\u4985-\u4986\u499b\u499f\u49b6-\u49b7\u4c77\u4c9f-\u4ca3"
    "\u4d13-\u4d19\u4dae\u4e00-\u9fa5\ue000-\ue76b\ue76d-\ue7c7\ue7c9-\ue7e6\ue7f4-\ue814"
    "\ue816-\ue818\ue81e\ue826\ue82b-\ue82c\ue831-\ue832\ue83b\ue843\ue854-\ue855\ue864"
    "\uf92c\uf979\uf995\uf9e7\uf9f1\ufa0c-\ufa0f\ufa11\ufa13-\ufa14\ufa18\ufa1f-\ufa21"
    "\ufa23-\ufa24\ufa27-\ufa29\ufe30-\ufe31\ufe33-\ufe44\ufe49-\ufe52\ufe54-\ufe57"
    "\ufe59-\ufe66\ufe68-\ufe6b\uff01-\uff5e\uffe0-\uffe5\ufffd"
)
"""Every character that a GBK or GB18030 decoder makes of two bytes, and U+FFFD (a byte it
could not decode), as the ranges of a class: written out, since working them out from
the codec (tests/test_clean_gates.py does) took a one-file ``bitext check`` 20 ms."""


@functools.cache
def _gbk_run() -> re.Pattern[str]:
    """Two or more of :data:`_GBK_CHARACTERS`: what UTF-8 Chinese turns into when read as
    GBK. The standard library's ``re`` scans this class of 24,000 characters thirty times
    faster than ``regex``: a pass over every corpus file takes a fifth of a second.
    Compiled on first use (5 ms), by the files that are cleaned."""
    return _runs_of(_GBK_CHARACTERS, least=2)


_UTF8_LEAD = range(0xC2, 0xF5)
_LOST_CHARACTER = re.compile("[\udce0-\udcef][\udc80-\udcbf\udcff]{0,2}|\udcff")
"""A Chinese character a decoder lost a byte of, its bytes as ``surrogateescape`` shows
them: the start of a three-byte character cut short, where the decoder dropped a byte or
replaced it with U+FFFD (here 0xFF), or such a replaced byte on its own."""
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
"""Any other byte that is not UTF-8 (a continuation byte with no start, 0xC0): real
Chinese encoded as GBK is full of them, mojibake never has one."""
_NEVER_LOST = re.compile("[\udcc0-\udcdf\udcf0-\udcfe]")
"""The stray bytes that :data:`_LOST_CHARACTER` never takes, whatever surrounds them (it
takes only 0xE0-0xEF, 0x80-0xBF and 0xFF): one of them alone proves a stray byte, and
real Chinese read back this way nearly always holds one."""


@functools.cache
def _han() -> re.Pattern[str]:
    """A Han character. Compiled on first use, as :func:`_chinese_text`: the standard
    library's ``re`` takes milliseconds over classes this large, and only a run whose
    bytes could be mojibake's asks (no file of the corpora has one)."""
    return re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@functools.cache
def _chinese_text() -> re.Pattern[str]:
    """What a repaired run may hold: Han, CJK and full-width punctuation, ASCII, Latin-1
    symbols (° ×), letterlike and number forms (℃ Ⅳ), circled numbers and shapes. Two GBK
    characters that happen to be valid UTF-8 tend to make Cyrillic, Greek or Hebrew."""
    return re.compile(
        r"[\x20-\x7e\u00a0-\u00ff\u2010-\u206f\u2100-\u218f\u2460-\u26ff\u3000-\u303f"
        r"\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\ufffd]*"
    )


_MORE_COMMON = 1.0
"""How much more common the repair's Han characters must be than the garbled ones
(:func:`_commonness` must rise by this much). Over the WMT17, 18, 21 and 22 Chinese lines
read as GBK and as GB18030, 99% of the runs rise by more than 3; three in 31,000 (names
such as 杨迪, whose garbled form 鏉ㄨ开 jieba's dictionary itself holds) rise by less
than 1 and stay. It is the second guard: no run of real text in the corpora gets past
the bytes (:data:`_STRAY_BYTE`) to be compared, and the two that got past a looser test
of them fell by 9 and 11."""


def gbk_mojibake(text: str) -> list[Edit]:
    """UTF-8 Chinese that was read as GBK or GB18030 ("鐩樺窞甯傛姇鍏ユ壎璐" → 盘州市投入扶贫),
    repaired run by run: the run is encoded back to GBK and decoded as UTF-8.

    A run is repaired only when the repair is clearly the text: its bytes start a UTF-8
    character and every byte that is not UTF-8 belongs to a character the decoder lost a
    byte of (:data:`_LOST_CHARACTER`; real Chinese read back this way is full of stray
    bytes); it holds two Han characters, or one if the decoder marked a lost byte with
    U+FFFD (real text never holds one), and nothing foreign (:func:`_chinese_text`); it
    loses, beyond the marked bytes, no more characters than it restores; and its Han
    characters are far more common (:data:`_MORE_COMMON`).

    Odd byte counts lose bytes: a decoder replaces a byte it cannot pair with U+FFFD (or
    drops it), so the character that held it cannot be recovered and becomes U+FFFD; the
    rest of the run is repaired, and a run that is only such a character and the
    decoder's U+FFFD (宸� for 已) becomes U+FFFD. GBK read as UTF-8 is not repaired: nearly
    every byte becomes U+FFFD and the text is gone.

    >>> [e.replacement for e in gbk_mojibake("鐩樺窞甯傛姇鍏ユ壎璐\ue0a5祫閲�5涓囧厓")]
    ['盘州市投入扶贫资�', '万元']
    >>> gbk_mojibake("盘州市投入扶贫资金5万元，鎵樺叧系") == []
    True
    """
    edits = []
    for match in _gbk_run().finditer(text):
        if not _may_start_utf8(text[match.start()]):
            continue  # nine runs in ten of real Chinese
        repaired = _repaired(match.group())
        if repaired is not None:
            edits.append(Edit(match.start(), match.end(), repaired))
    return edits


def _repaired(run: str) -> str | None:
    """The UTF-8 text ``run`` was garbled from, or None when that is not clearly so."""
    data = _gbk_bytes(run)
    if data[0] not in _UTF8_LEAD:
        return None
    decoded = data.decode("utf-8", "surrogateescape")
    if _NEVER_LOST.search(decoded):
        return None  # real Chinese nearly always has one: no need to look for lost characters
    repaired, lost = _LOST_CHARACTER.subn("\ufffd", decoded)
    if _STRAY_BYTE.search(repaired):
        return None
    known = run.count("\ufffd")
    han = len(_han().findall(repaired))
    if not han:
        return repaired if known and repaired == "\ufffd" * lost else None  # 宸� is 已, lost
    if (
        (han < 2 and not known)
        or lost - known > han
        or not _chinese_text().fullmatch(repaired)
        or _commonness(repaired) < _commonness(run) + _MORE_COMMON
    ):
        return None
    return repaired


_UTF8_TWO_OR_FOUR_LEAD = (*range(0xC2, 0xE0), *range(0xF0, 0xF5))
_UTF8_CONTINUATION = range(0x80, 0xC0)


@functools.cache
def _may_start_utf8(first: str) -> bool:
    """Whether a run that starts with ``first`` may pass :func:`_repaired`, which needs
    the run's bytes to start a UTF-8 character: the first byte a lead (:data:`_UTF8_LEAD`),
    and after a lead of two or four bytes a continuation byte, or that lead is a stray
    byte :data:`_NEVER_LOST` finds (a lead of three may start a lost character). Asked of
    the first character alone, and remembered: the same few characters open most runs.

    >>> _may_start_utf8("鐩"), _may_start_utf8("盘"), _may_start_utf8("\\ufffd")
    (True, False, False)
    """
    data = _gbk_bytes(first)
    if data[0] not in _UTF8_LEAD:
        return False
    return len(data) < 2 or data[0] not in _UTF8_TWO_OR_FOUR_LEAD or data[1] in _UTF8_CONTINUATION


def _gbk_bytes(run: str) -> bytes:
    """The bytes a GBK decoder made ``run`` of, 0xFF where it wrote U+FFFD for a byte it
    could not decode; a run without U+FFFD, nearly every one, is encoded at once."""
    if "\ufffd" not in run:
        return run.encode("gb18030")
    return b"\xff".join(part.encode("gb18030") for part in run.split("\ufffd"))


def _commonness(text: str) -> float:
    """The mean over the Han characters of log(1 + the character's frequency)."""
    frequencies = _character_frequencies()
    scores = [math.log1p(frequencies.get(c, 0)) for c in _han().findall(text)]
    return sum(scores) / len(scores) if scores else 0.0


@functools.cache
def _character_frequencies() -> dict[str, int]:
    """How often each character occurs: the summed frequencies of the words of jieba's
    dictionary that use it (的 370,114; 盘 19,618; 窞 55). Read once, in 0.7 s, and only
    for a run whose bytes are mojibake's: no file of the corpora has one."""
    frequencies: dict[str, int] = {}
    with (resources.files("jieba") / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, frequency = line.split(" ", 2)[:2]
            for char in set(word):
                frequencies[char] = frequencies.get(char, 0) + int(frequency)
    return frequencies


_FULL_WIDTH_ALNUM = r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
_FULL_WIDTH_DECIMAL = _compile(r"(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])")
"""４．５: a full-width full stop between digits is a decimal point."""
_DIGIT = r"[0-9\uff10-\uff19]"
_FULL_WIDTH_GROUPED = _compile(
    rf"(?<!{_DIGIT}|[.,\uff0c\uff0e]){_DIGIT}{{1,3}}(?:\uff0c{_DIGIT}{{3}})+(?!{_DIGIT}|[,\uff0c]{_DIGIT})"
)
"""２，３５０: full-width commas grouping thousands, every group after the first of exactly
three digits, the first of one to three. "1，2，3项" is a list of small numbers and
"２０１８年，３５０" a year and a count, so neither matches; "３５０，６００" is two numbers
(:data:`_LIST_OF_HUNDREDS`), "３５０，０００" one."""
_FULL_WIDTH_COMMA_IN_NUMBER = _compile(rf"(?<={_DIGIT})\uff0c(?={_DIGIT})")
"""Every match of :data:`_FULL_WIDTH_GROUPED` holds one; most Chinese text holds none."""
_FULL_WIDTH_PUNCT = _compile(r"[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e]")
_CHINESE_TELLING = r"[\p{Han}\u3000-\u303f\uff5f-\uff65]"
"""The characters of :data:`_HAN_OR_CJK_PUNCT` that :class:`_Neighbours` does not skip."""
_OFF_CHINESE = rf"(?<!{_CHINESE_TELLING}.)(?!{_CHINESE_TELLING})(?<={_FULL_WIDTH_PUNCT.pattern})"
_FULL_WIDTH_PUNCT_OFF_CHINESE = _compile(rf"[\uff01-\uff5e]{_OFF_CHINESE}")
"""Full-width punctuation with no Chinese right beside it. Next to Chinese it is in
Chinese: the neighbour :class:`_Neighbours` finds on that side is that character, and
:func:`_is_english_context` says no. Nearly all of it is next to Chinese, so it is
not even looked at. Spelt as any full-width form that then proves punctuation: the
``regex`` module finds a character of one range three times faster than one of four."""
_FULL_WIDTH_TO_LOOK_AT = _compile(
    rf"[\uff01-\uff5e](?:(?<={_FULL_WIDTH_ALNUM})(?P<alnum>{_FULL_WIDTH_ALNUM}*)|{_OFF_CHINESE})"
)
"""A run of full-width letters and digits, or a match of
:data:`_FULL_WIDTH_PUNCT_OFF_CHINESE`: what :func:`width` looks at, found in one scan
for the one range both start in (two scans took twice as long).

>>> [m.group() for m in _FULL_WIDTH_TO_LOOK_AT.finditer("ＧＤＰ增长，Panzhou，457人，")]
['ＧＤＰ', '，']
"""
_HAN_OR_CJK_PUNCT = _compile(r"[\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]")
_LATIN = _compile(r"[A-Za-z]")


def width(text: str) -> list[Edit]:
    """Full-width letters and digits become ASCII everywhere (２０１８ → 2018, ＧＤＰ →
    GDP), and so does a full-width comma grouping thousands (２，３５０万元 → 2,350万元,
    :data:`_FULL_WIDTH_GROUPED`); other full-width punctuation only between English words
    ("Panzhou，457" → "Panzhou, 457"), since ，（）： are right in Chinese."""
    letters: list[regex.Match[str]] = []
    marks: list[regex.Match[str]] = []
    for match in _FULL_WIDTH_TO_LOOK_AT.finditer(text):
        (marks if match.group("alnum") is None else letters).append(match)
    edits = [Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group())) for m in letters]
    if "\uff0e" in text:  # every decimal point matched is this full stop
        edits += [Edit(m.start(), m.end(), ".") for m in _FULL_WIDTH_DECIMAL.finditer(text)]
    grouping: frozenset[int] = frozenset()
    if _FULL_WIDTH_COMMA_IN_NUMBER.search(text):  # every grouped number holds one
        grouping = _grouping_commas(text)
        edits += [Edit(at, at + 1, ",") for at in sorted(grouping)]
    neighbours = None  # made for the first mark off Chinese: most texts have none
    for match in marks:
        if _FULL_WIDTH_DECIMAL.match(text, match.start()) or match.start() in grouping:
            continue
        neighbours = neighbours or _Neighbours(text)
        before, after = neighbours.before(match.start()), neighbours.after(match.end())
        if _is_english_context(before, after):
            ascii_form = unicodedata.normalize("NFKC", match.group())
            if ascii_form in ",;:!?)" and text[match.end() : match.end() + 1].isalnum():
                ascii_form += " "
            edits.append(Edit(match.start(), match.end(), ascii_form))
    return edits


def _grouping_commas(text: str) -> frozenset[int]:
    """Where the full-width commas that group thousands (:data:`_FULL_WIDTH_GROUPED`) are.

    >>> sorted(_grouping_commas("２，３５０万元，３５０，６００"))
    [1]
    """
    grouping = set()
    for number in _FULL_WIDTH_GROUPED.finditer(text):
        ascii_digits = unicodedata.normalize("NFKC", number.group())  # ， → ,
        if not _LIST_OF_HUNDREDS.fullmatch(ascii_digits.replace(",", ", ")):
            grouping.update(
                m.start()
                for m in regex.finditer("\uff0c", text, pos=number.start(), endpos=number.end())
            )
    return frozenset(grouping)


class _Neighbours:
    """The nearest character before or after a position that says which language is
    spoken there: spaces, digits and punctuation are skipped (“，6 个” is Chinese).

    Positions must be asked for left to right. Each answer is remembered, so a run of
    ten thousand full-width commas is scanned once, not once per comma (that was
    quadratic: 20,000 of them took three minutes).

    >>> neighbours = _Neighbours("Panzhou，，457 people")
    >>> neighbours.before(7), neighbours.after(8), neighbours.before(8), neighbours.after(9)
    ('u', 'p', 'u', 'p')
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scanned = 0
        """Characters before this position have been looked at for :meth:`before`."""
        self._before = ""
        self._after = -1
        """Where the telling character after the last position asked for is."""

    def before(self, at: int) -> str:
        found = _TELLING.search(self.text, self._scanned, at)
        if found:
            self._before = found.group()
        self._scanned = max(self._scanned, at)
        return self._before

    def after(self, at: int) -> str:
        if self._after < at:
            found = _TELLING_AFTER.search(self.text, at)
            self._after = found.start() if found else len(self.text)
        return self.text[self._after : self._after + 1]


_NEUTRAL = r"[ \t0-9\uff10-\uff19.,;:%'\"\-\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e]"
"""Skipped when looking for the language around a character: digits, ASCII punctuation,
and full-width punctuation (whose own fate depends on its neighbours)."""
_TELLING = _compile(rf"(?r)(?!{_NEUTRAL})[\s\S]")
_TELLING_AFTER = _compile(rf"(?!{_NEUTRAL})[\s\S]")


def _is_english_context(before: str, after: str) -> bool:
    sides = [c for c in (before, after) if c and c != "\n"]
    if not sides or any(_HAN_OR_CJK_PUNCT.match(c) for c in sides):
        return False
    return any(_LATIN.match(unicodedata.normalize("NFKC", c)) for c in sides)


# --- punctuation and spacing by language -------------------------------------------

_ZH_BEFORE = r"(?:[\p{Han}”’」』）》]|\p{Han}[ \t]*[0-9.]+[ \t]*[%％]?)"
"""Chinese, or a number that Chinese leads into (45人,; 3.5%,)."""
_ZH_AFTER = r"(?:[\p{Han}“‘「『（《]|[0-9]+(?:\.[0-9]+)?\s?[\p{Han}%％])"
_ZH_PUNCTUATION = _compile(rf"(?<![ \t])(?<={_ZH_BEFORE})[ \t]*([,;:])[ \t]*(?={_ZH_AFTER})")
"""(?<![ \t]): a match starts where its spaces start, so that a long run of spaces is
scanned once, not once per space (quadratic: 40,000 spaces took 8 s)."""
_FULL_FORM = {",": "，", ";": "；", ":": "："}


_HALF_WIDTH_AFTER_CHINESE = _compile(
    r"(?<=[^\x00-\x7f][ \t0-9.%]*)[,;:](?=[ \t]*[^\x00-\x2f\x3a-\x7f])"
)
"""What every match of :data:`_ZH_PUNCTUATION` holds: before the mark Chinese (never
ASCII), perhaps then a number and a per cent sign; after it Chinese or a digit."""


@_only_if(_HALF_WIDTH_AFTER_CHINESE.search)
def zh_punctuation(text: str) -> list[Edit]:
    """Half-width , ; : between Chinese ("机制,切实" → "机制，切实") become full width,
    and spaces around them go. A comma between digits (1,000) or before English is
    left alone, and so is "?" between Chinese characters: in damaged files it is more
    often a character the encoding lost (尼尔?布莱克 for 尼尔·布莱克) than a question."""
    return [
        Edit(m.start(), m.end(), _FULL_FORM[m.group(1)])
        for m in _ZH_PUNCTUATION.finditer(text)
        if not _THOUSANDS_COMMA.fullmatch(text, m.start() - 1, m.end() + 1)
    ]


_THOUSANDS_COMMA = _compile(r"[0-9],[0-9]")


_SPACED_NUMBER = _compile(
    r"(?:^|(?<=[\p{Han}，、；：（“]))(?=[ \t0-9])([ \t]*)[0-9]+(?:[.,][0-9]+)*(?:([ \t]*)[%％])?"
    r"([ \t]*)(?=[\p{Han}。、；：）”]|，(?![0-9]{3}(?![0-9])))",
    regex.MULTILINE,
)
"""A number spaced inside Chinese. Not one before a full-width comma and three digits
("5 ，000"): without the space that is a thousands comma, which ``width`` makes ASCII, so
a second cleaning would change the text again. (?=[ \t0-9]) asks first what the spaces
and digits need: any other position fails before the lookbehind's Han test, and the scan
is four times quicker."""


_SPACE_BEFORE_NUMBER = _compile(r"(?<=(?:^|[^\x00-\x7f])[ \t]+)[0-9]", regex.MULTILINE)
_SPACE_AFTER_NUMBER = re.compile(r"[0-9%％][ \t]+[^\x00-\x24\x26-\x7f]")
"""A space after a number and before Chinese (never ASCII) or a per cent sign; ``re``
finds a digit twice as fast as ``regex`` here."""


def _spaces_a_number(text: str) -> bool:
    """Whether ``text`` has a space that :func:`cjk_digit_spacing` may remove: its first
    group lies between a line start or Chinese and a digit, its second between a digit and
    a per cent sign, its third between a digit or per cent sign and Chinese."""
    return bool(_SPACE_BEFORE_NUMBER.search(text) or _SPACE_AFTER_NUMBER.search(text))


@_only_if(_spaces_a_number)
def cjk_digit_spacing(text: str) -> list[Edit]:
    """Spaces wedged around a number inside Chinese go ("大连市 6 家" → "大连市6家",
    "387.75 万元" after Chinese → "387.75万元"). A number between English and
    Chinese keeps its space: it may belong to the English."""
    edits = []
    for match in _SPACED_NUMBER.finditer(text):
        for group in (1, 2, 3):
            if match.end(group) > match.start(group):
                edits.append(Edit(match.start(group), match.end(group), ""))
    return edits


_SPACE_BEFORE_PUNCT = _compile(
    r"(?<=[A-Za-z0-9)\]%'\"”’])[ \t]+(?=[,.;:!?](?:[ \t\n]|$))(?![.][ \t]+[.])"
)
"""Not before a spaced ellipsis (". . .")."""


_SPACE_THEN_PUNCT = re.compile(r" [,.;:!?]")
"""Searched for apart from a tab, which is rare: a literal first character is found fast."""


def _spaced_punctuation(text: str) -> bool:
    """Whether ``text`` has a space or tab right before a mark, as every match of
    :data:`_SPACE_BEFORE_PUNCT` does."""
    return "\t" in text or bool(_SPACE_THEN_PUNCT.search(text))


@_only_if(_spaced_punctuation)
def en_space_before_punctuation(text: str) -> list[Edit]:
    """A space before English punctuation goes ("Panzhou , 457" → "Panzhou, 457",
    "students ." → "students."); "… and ." and decimals (".5") are not touched."""
    return [Edit(m.start(), m.end(), "") for m in _SPACE_BEFORE_PUNCT.finditer(text)]


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_SPLIT_THOUSANDS = _compile(
    rf"(?<![0-9.,])(?<!{_MONTH}\s)[0-9]{{1,3}}(?:,[ \t][0-9]{{3}})+(?![0-9]|,[0-9])"
)
"""Not after a month: "July 25, 135 cases" is a date and a count."""
_LIST_OF_HUNDREDS = _compile(r"[0-9]{3},[ \t](?!000)[0-9]{3}(?![0-9])")
""""rackets 500, 600" is a list; "414, 000" and "4, 404" are split thousands."""


_SPLIT_GROUP = _compile(r"[0-9],[ \t][0-9]{3}")
"""What every match of :data:`_SPLIT_THOUSANDS` holds."""


@_only_if(_SPLIT_GROUP.search)
def digit_grouping(text: str) -> list[Edit]:
    """A space after a thousands comma goes ("4, 000" → "4,000"): every group after the
    first has exactly three digits, so "2, 3 and 4" is a list and stays."""
    edits = []
    for match in _SPLIT_THOUSANDS.finditer(text):
        if _LIST_OF_HUNDREDS.fullmatch(match.group()):
            continue
        for gap in regex.finditer(r",([ \t]+)", match.group()):
            edits.append(Edit(match.start() + gap.start(1), match.start() + gap.end(1), ""))
    return edits


# --- lines and paragraphs ----------------------------------------------------------

_LINE_END = _compile(r"[。！？!?.…:：;；\"”’」』）)》\]]$")
_WRAP_SHARE = 0.75
"""A line this close to the document's wrap width was broken by the width, not the writer."""


def _has_four_lines(text: str) -> bool:
    """:func:`_wrap_width` needs three lines with a line after each."""
    return text.count("\n") >= 3


@_only_if(_has_four_lines)
def hard_wraps(text: str) -> list[Edit]:
    """Lines broken by a fixed width inside a sentence are joined: English with a
    space, Chinese with nothing. A document is hard-wrapped when several of its lines
    stop mid-sentence at about the same display width; a short line (a headline, a
    list item) or one that ends a sentence is never joined to the next."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return []
    edits = []
    position = 0
    for line, following in itertools.pairwise(lines):
        position += len(line)
        if _wrapped(line, following, width):
            joiner = "" if _joins_without_space(line.rstrip(), following.lstrip()) else " "
            trailing = len(line) - len(line.rstrip(" \t"))
            leading = len(following) - len(following.lstrip(" \t"))
            edits.append(Edit(position - trailing, position + 1 + leading, joiner))
        position += 1
    return edits


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _wrap_width(lines: list[str]) -> int | None:
    """The width the document was wrapped at: the commonest width of lines that stop
    mid-sentence with text after them, if at least three do so within 10% of it."""
    widths = sorted(
        _display_width(line.rstrip())
        for line, following in itertools.pairwise(lines)
        if line.strip() and following.strip() and not _LINE_END.search(line.rstrip())
    )
    if len(widths) < 3:
        return None
    top = widths[-1]
    close = [w for w in widths if w >= 0.9 * top]
    if len(close) < 3 or top < 30:
        return None
    return top


def _wrapped(line: str, following: str, width: int) -> bool:
    body = line.rstrip()
    return (
        bool(body)
        and bool(following.strip())
        and not _LINE_END.search(body)
        and _display_width(body) >= _WRAP_SHARE * width
    )


def _joins_without_space(line: str, following: str) -> bool:
    """Chinese is wrapped anywhere, even inside a number ("387\\n.75万元"), and joined
    without a space; English is wrapped between words."""
    last, first = line[-1:], following[:1]
    if _LATIN.match(last) or _LATIN.match(first):
        return False
    if _HAN_OR_CJK_PUNCT.match(last) or _HAN_OR_CJK_PUNCT.match(first):
        return True
    han = len(regex.findall(r"\p{Han}", line))
    return han > len(regex.findall(r"[A-Za-z]", line))


_MIN_REPEAT = 20
"""Shorter lines (a "1." or a dateline) may repeat on purpose."""


def repeats(text: str) -> list[Edit]:
    """A line or paragraph that repeats the one just before it (a copy-paste slip),
    ignoring spaces, is removed together with the line breaks that separated them."""
    edits = []
    previous, previous_end = "", 0
    end = -1
    for line in text.split("\n"):
        end += 1 + len(line)  # where this line ends
        if not line or line.isspace():
            continue
        if _repeats(line, previous):
            edits.append(Edit(previous_end, end, ""))
        previous, previous_end = line, end
    return edits


def _repeats(line: str, previous: str) -> bool:
    """Whether ``line`` is ``previous`` again, ignoring spaces, and long enough to count.
    The first characters are compared first: they differ for nearly every two lines, and
    without them no words need splitting.

    >>> _repeats(" Four attackers were killed .", "Four attackers were  killed.")
    True
    """
    if line.lstrip()[:1] != previous.lstrip()[:1]:
        return False
    key = "".join(line.split())
    return len(key) >= _MIN_REPEAT and key == "".join(previous.split())


# --- characters of another standard ------------------------------------------------


def traditional(text: str) -> list[Edit]:
    """Traditional characters become simplified (OpenCC, character by character so
    nothing moves): 萬 → 万, 臺灣 → 台湾. Off by default: a bulletin from Hong Kong or
    Taiwan is written so on purpose."""
    from bitext.hans import simplified

    converted = simplified(text)
    edits = []
    start = None
    for k, (old, new) in enumerate(zip(text, converted, strict=True)):
        if old != new and start is None:
            start = k
        elif old == new and start is not None:
            edits.append(Edit(start, k, converted[start:k]))
            start = None
    if start is not None:
        edits.append(Edit(start, len(text), converted[start:]))
    return edits
