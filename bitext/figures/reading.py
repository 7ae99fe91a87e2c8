"""What the Chinese and English readers share: how a figure is made (:func:`figure_of`),
what both languages write alike (:func:`date_stamps`), and the order readers take turns
in: a reader is a registry entry, and readers take turns in the order of their registry.

Each language lists its readers in precedence order (:data:`bitext.figures.zh.READERS`,
:data:`bitext.figures.en.READERS`). They read the same text one after the other, and
each reads only where no reader before it took the text: where two readers would read
overlapping figures, the one listed first wins. Three sorts of reader:

* :func:`whole` forms, read whole by a pattern (下午 3 时 30 分, "October 1"): each
  figure found is kept when it overlaps nothing taken before it;
* :func:`nothing` but text that holds no figure (一些, "one of", telephone numbers): it
  takes its matches, so that no reader after it reads a figure there;
* the plain numbers, last: a reader of its own, which skips what was taken.

What the readers found is placed in the original text at the end (:func:`placed`).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

import regex

from bitext.cache.patterns import compile as _compile
from bitext.figures.values import (
    DATE_STAMP,
    Occupied,
    clock_digits,
    date_stamp,
    significant,
    tidy,
)
from bitext.model import Approx, Figure, Kind

Read = Callable[[str, Occupied], list[Figure]]
"""Figures in a text outside the spans taken so far; marks the spans it takes."""


_DIGIT = regex.compile(r"\d")
_WORD = regex.compile(r"\w+")


class Keywords:
    """Every word a gate asks for (:class:`Needs`), each given a bit, and which of them each
    whitespace-free chunk of text holds (kept: a chunk is looked up far more often than
    it is new). A word without whitespace is in a text only inside one of its chunks
    (``str.split()``), so the words of a text are the words of its chunks, found once per
    text for every gate, each test a bit test (:meth:`Gates.open`) instead of a substring
    search of the text.

    >>> keywords = Keywords()
    >>> [keywords.bit(word) for word in ("one", "more than", "one")]
    [1, 4, 1]
    >>> keywords.held("there are more than one") == 1 | 2 | 4, keywords.held("no more")
    (True, 2)
    """

    LONGEST = 40
    """A chunk longer than this is no word of English (a web address), and seldom seen
    twice: a text with one is tested word by word instead."""
    CJK = "\u3000"
    """Where CJK begins (its punctuation, then kana, Han, full width forms): Chinese runs
    on without spaces, so a chunk that holds CJK is a phrase, seldom seen twice, and a text
    with one is tested word by word too."""
    KEPT = 1 << 16
    """How many chunks are kept before they are all forgotten."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}
        self.by_start: dict[str, list[tuple[str, int]]] = {}
        """Whitespace-free words by their first two characters (or one, when that is all)."""
        self.spaced: list[tuple[int, str, int]] = []
        """Words with whitespace: the bit of their longest chunk, the word, its bit."""
        self.spaced_parts = 0
        """The bits of those chunks: a text holds none of those words without one."""
        self.whole_bits: dict[str, int] = {}
        """Words looked for as whole words (:attr:`Needs.whole`), with their bits."""
        self.of_chunk: dict[str, int] = {}

    def _next_bit(self) -> int:
        """A bit no word has yet; what was found in the chunks kept is then not all there is."""
        self.of_chunk.clear()
        clues.cache_clear()
        return 1 << (len(self.bits) + len(self.whole_bits))

    def whole_bit(self, word: str) -> int:
        """The bit of ``word`` (case folded) as a whole word, given it when it has none yet."""
        bit = self.whole_bits.get(word)
        if bit is None:
            bit = self.whole_bits[word] = self._next_bit()
        return bit

    def bit(self, word: str) -> int:
        """The bit of ``word`` (case folded), given it when it has none yet."""
        bit = self.bits.get(word)
        if bit is not None:
            return bit
        if not word:
            raise ValueError("a gate's word is never empty")
        chunks = word.split()
        part = self.bit(max(chunks, key=len)) if chunks != [word] else 0
        bit = self.bits[word] = self._next_bit()
        if part:
            self.spaced.append((part, word, bit))
            self.spaced_parts |= part
        else:
            self.by_start.setdefault(word[:2], []).append((word, bit))
        return bit

    def held(self, folded: str) -> int | None:
        """The bits of the words ``folded`` holds, or None where a chunk is too long to
        look for them chunk by chunk, or holds CJK."""
        if folded[:1] >= self.CJK or folded[-1:] >= self.CJK:
            return None  # Chinese, most likely: saves looking for a chunk to find it
        chunks = folded.split()
        try:  # the chunks looked up and their bits joined without a step of Python each;
            # most chunks hold no word, and joining a large number with 0 still copies it
            held = functools.reduce(
                operator.or_, filter(None, map(self.of_chunk.__getitem__, chunks)), 0
            )
        except KeyError:
            held = self._learned(chunks)
            if held is None:
                return None
        if held & self.spaced_parts:
            for part, word, bit in self.spaced:
                if held & part and word in folded:
                    held |= bit
        return held

    def _learned(self, chunks: list[str]) -> int | None:
        """:meth:`held`, with the chunks not yet kept looked into and kept."""
        held = 0
        of_chunk = self.of_chunk
        for chunk in chunks:
            bits = of_chunk.get(chunk)
            if bits is None:
                if len(chunk) > self.LONGEST or max(chunk) >= self.CJK:
                    return None
                if len(of_chunk) >= self.KEPT:
                    of_chunk.clear()
                bits = of_chunk[chunk] = self._in_chunk(chunk)
            held |= bits
        return held

    def _in_chunk(self, chunk: str) -> int:
        """The bits of the whitespace-free words ``chunk`` holds: those that start at one
        of its positions with the character or two there."""
        bits = 0
        for i in range(len(chunk)):
            for start in (chunk[i], chunk[i : i + 2]):
                for word, bit in self.by_start.get(start, ()):
                    if chunk.startswith(word, i):
                        bits |= bit
        if self.whole_bits:  # a whole word lies in one chunk: whitespace is no \w
            for word in _WORD.findall(chunk):
                bits |= self.whole_bits.get(word, 0)
        return bits


KEYWORDS = Keywords()
"""The words of every gate made with :meth:`Gates.of`."""


class Clues(NamedTuple):
    """What the gates (:class:`Needs`) ask of a text, read once for all its readers."""

    folded: str
    """The text case folded (``str.casefold``): a superset of what a case-insensitive
    pattern matches, ``ſ`` and ``K`` (Kelvin) folded as ``regex.IGNORECASE`` folds them."""
    digit: bool
    """Whether the text holds a decimal digit (``\\d``: ASCII, full width or any other)."""
    held: int | None = None
    """The bits of the :data:`KEYWORDS` the folded text holds; None where they are not
    known (a text with a long chunk), and the words are looked for one by one."""

    @classmethod
    def of(cls, text: str) -> Clues:
        # İ folds to i and a combining dot, which would part "FİRST" from "first": the
        # one letter regex.IGNORECASE matches with an ASCII one that casefold() expands.
        folded = text.casefold().replace("i\u0307", "i")
        return cls(folded, _DIGIT.search(text) is not None, KEYWORDS.held(folded))


@functools.lru_cache(maxsize=256)
def clues(text: str) -> Clues:
    """The :class:`Clues` of ``text``, kept: the names reader and the forms it tries read
    the text the figure readers read."""
    return Clues.of(text)


class Needs(NamedTuple):
    """What every text a pattern can match in holds: a digit (when ``digit``) or one of
    ``words`` (case folded), and one of ``also`` when there are any, read off the pattern
    itself. Every alternative of the level pattern names its word ("Level II", "Type II",
    "I-grade", "five-star"), so a text without one of those words holds no level; every
    alternative of the clock pattern has a digit or "o'clock"; a score 3:0 holds a digit
    and a colon. A gate is checked in :class:`Clues` with ``in``, far cheaper than running
    the pattern, and skips most readers on most texts. It must be a necessary condition,
    never a guess: ``tests/test_fast_paths.py`` runs every gated pattern on the corpora's
    texts its gate turns away and asserts it finds nothing.

    >>> level = Needs(("level", "class"))
    >>> level.met(Clues.of("a Class IV hurricane")), level.met(Clues.of("7 storms"))
    (True, False)
    >>> score = DIGIT.and_one_of(":")
    >>> score.met(Clues.of("won 3:0")), score.met(Clues.of("won 3-0")), score.met(Clues.of("a:b"))
    (True, False, False)
    """

    words: tuple[str, ...] = ()
    digit: bool = False
    also: tuple[str, ...] = ()
    """Words (case folded) one of which every match holds as well as the digit or word."""
    whole: tuple[str, ...] = ()
    """Words (case folded) that meet the gate as ``words`` do, but only as whole words of
    the text (:func:`whole_words`): "one" in "money" is none."""

    def met(self, clues: Clues) -> bool:
        folded = clues.folded
        # Loops, not any(): gates are met a million times a corpus, and a generator
        # costs twice as much.
        if not (self.digit and clues.digit):
            for word in self.words:
                if word in folded:
                    break
            else:
                if not self.whole or set(self.whole).isdisjoint(_WORD.findall(folded)):
                    return False
        if not self.also:
            return True
        for word in self.also:  # noqa: SIM110
            if word in folded:
                return True
        return False

    def and_one_of(self, *words: str) -> Needs:
        """This gate, and one of ``words`` as well (in any case)."""
        return self._replace(also=one_of(*words).words)


def one_of(*words: str) -> Needs:
    """The gate of a pattern every match of which holds one of ``words``, in any case. A
    word that holds another of them is left out: a text with "eighteen" holds "eight", so
    the gate is the same with one test fewer.

    >>> one_of("eight", "Eighteen", "ten", "eleven").words
    ('eight', 'ten', 'eleven')
    """
    folded = tuple(dict.fromkeys(word.casefold() for word in words))
    return Needs(tuple(w for w in folded if not any(o != w and o in w for o in folded)))


def whole_words(*words: str) -> Needs:
    """The gate of a pattern every match of which holds one of ``words`` (in any case) as
    a whole word: a run of ``\\w`` (letters, digits, marks, "_") with none right before or
    after it, as a match that starts and ends with the word at a word boundary (``\\b``)
    holds it. The text is case folded first, which makes no character a word character
    that was none, nor the other way round.

    >>> several = whole_words("several", "few")
    >>> [several.met(Clues.of(t)) for t in ("a FEW days", "fewer than", "curfew", "few-")]
    [True, False, False, True]
    """
    return Needs(whole=tuple(dict.fromkeys(word.casefold() for word in words)))


def digit_or(*words: str) -> Needs:
    """The gate of a pattern every match of which holds a digit or one of ``words``."""
    return one_of(*words)._replace(digit=True)


DIGIT = Needs(digit=True)
"""The gate of a pattern every match of which holds a digit."""


class Gates(NamedTuple):
    """The distinct gates of a registry's entries (its readers, or the names forms), each
    checked once per text: many entries share one (a digit gates a dozen readers), and
    checking a gate costs about as much as running a cheap pattern. Made with :meth:`of`,
    which gives their words bits (:class:`Keywords`): a text's gates are then checked with
    a bit test each.

    >>> gates = Gates.of([DIGIT, None, one_of("level"), DIGIT])
    >>> opened = gates.open("Level II")
    >>> [opened[gate] for gate in gates.of_entry]
    [False, True, True, False]
    """

    needs: tuple[Needs, ...]
    of_entry: tuple[int, ...]
    """The index in :meth:`open`'s list of each entry's gate, in the registry's order; an
    entry without a gate has the last, which every text meets."""
    bits: tuple[tuple[bool, int, int], ...] = ()
    """Each gate as bits of :data:`KEYWORDS`: whether a digit meets it, the bits of its
    words, the bits of its words ``also`` (none when it has none)."""
    finders: tuple[WordFinder, WordFinder] | None = None
    """The words whose presence can change what :meth:`open` answers for a text without
    a digit, and for one with a digit."""
    seen: dict[int, tuple[list[bool], tuple[int, ...]]] = {}  # noqa: RUF012 (of() gives each its own)
    """What :meth:`open` and :meth:`open_entries` answered, by the bits of the words that
    can change it the text holds and whether it holds a digit: all the answer depends on,
    and far fewer than the texts."""

    @classmethod
    def of(cls, gates: Iterable[Needs | None]) -> Gates:
        listed = tuple(gates)
        needs = tuple(dict.fromkeys(gate for gate in listed if gate is not None))
        bits = tuple(
            (need.digit, _bits_of(need.words) | _whole_bits_of(need.whole), _bits_of(need.also))
            for need in needs
        )
        of_entry = tuple(len(needs) if g is None else needs.index(g) for g in listed)
        finders = (WordFinder.of(needs, digit=False), WordFinder.of(needs, digit=True))
        return cls(needs, of_entry, bits, finders, {})

    def open(self, text: str) -> list[bool]:
        """Whether ``text`` meets each gate (:meth:`Needs.met`, checked with the bits of the
        words the text holds), and a last True for the entries without one."""
        return self._answer(text)[0].copy()

    def open_entries(self, text: str) -> tuple[int, ...]:
        """The indexes of the entries whose gate ``text`` meets (:meth:`open`), in order: a
        text meets few of them (four readers of 32, two names forms of 12 or 22), which
        are then run without asking each entry.

        >>> Gates.of([DIGIT, None, one_of("level"), DIGIT]).open_entries("Level II")
        (1, 2)
        """
        return self._answer(text)[1]

    def _answer(self, text: str) -> tuple[list[bool], tuple[int, ...]]:
        """:meth:`open` and :meth:`open_entries`, kept by the words that matter."""
        folded, digit, held = clues(text)
        if self.finders is None:  # gates not made by of()
            return self._with_entries(self._open_word_by_word(folded, digit))
        finder = self.finders[digit]
        held = finder.held(folded) if held is None else held & finder.mask
        key = held << 1 | digit
        answer = self.seen.get(key)
        if answer is None:
            if len(self.seen) >= KEYWORDS.KEPT:
                self.seen.clear()
            answer = self.seen[key] = self._with_entries(self._opened(digit, held))
        return answer

    def _with_entries(self, opened: list[bool]) -> tuple[list[bool], tuple[int, ...]]:
        """``opened``, and the indexes of the entries whose gate it opens."""
        return opened, tuple(i for i, gate in enumerate(self.of_entry) if opened[gate])

    def _opened(self, digit: bool, held: int) -> list[bool]:
        """:meth:`open` for a text that holds the words of bits ``held`` (and a digit or not)."""
        opened = [
            ((has_digit and digit) or held & words != 0) and (not also or held & also != 0)
            for has_digit, words, also in self.bits
        ]
        opened.append(True)
        return opened

    def _open_word_by_word(self, folded: str, digit: bool) -> list[bool]:
        """:meth:`open` for gates whose words have no bits (not made by :meth:`of`): each
        gate asked with :meth:`Needs.met`."""
        clues = Clues(folded, digit)
        return [need.met(clues) for need in self.needs] + [True]


class WordFinder(NamedTuple):
    """The words of some gates that can change whether a text meets them, found in a text
    whose words :data:`KEYWORDS` does not know (Chinese) in one scan for their first
    characters: most texts hold few of them, and a word is only where its first
    character is. A text with a digit meets a gate met by a digit whatever its words but
    those ``also``; a text without one meets no gate that only a digit meets.

    >>> needs = [one_of("连胜", "连"), whole_words("few"), DIGIT.and_one_of("后")]
    >>> held = WordFinder.of(needs, digit=False).held("三连 few 后")
    >>> held == KEYWORDS.bit("连") | KEYWORDS.whole_bit("few")  # no digit: 后 cannot matter
    True
    >>> WordFinder.of(needs, digit=True).held("三连 后") == KEYWORDS.bit("连") | KEYWORDS.bit("后")
    True
    """

    firsts: re.Pattern[str]
    """Any first character of the words: a class of the standard library's ``re``, which
    scans a text for one three times faster than ``regex`` does."""
    by_first: dict[str, tuple[int, tuple[tuple[str, int], ...]]]
    """By first character: the bits of the one-character words, and the longer words with
    their bits."""
    whole: tuple[tuple[str, ...], tuple[int, ...]]
    """The whole words (:attr:`Needs.whole`), and their bits."""
    mask: int
    """The bits of all the words."""

    @classmethod
    def of(cls, needs: Iterable[Needs], *, digit: bool) -> WordFinder:
        """The words of ``needs`` that can change whether a text with a digit (or
        without, as ``digit`` says) meets them."""
        words: dict[str, None] = {}
        whole: dict[str, None] = {}
        for need in needs:
            if need.digit and digit:  # met but for ``also``
                words.update(dict.fromkeys(need.also))
            elif need.words or need.whole:  # a gate of neither is never met without a digit
                words.update(dict.fromkeys((*need.words, *need.also)))
                whole.update(dict.fromkeys(need.whole))
        by_first: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {}
        for word in words:
            single, longer = by_first.get(word[0], (0, ()))
            if len(word) == 1:
                single |= KEYWORDS.bit(word)
            else:
                longer = (*longer, (word, KEYWORDS.bit(word)))
            by_first[word[0]] = single, longer
        firsts = re.compile("[" + "".join(map(re.escape, by_first)) + "]" if words else "(?!)")
        whole_bits = tuple(map(KEYWORDS.whole_bit, whole))
        mask = _bits_of(words) | sum(whole_bits)  # distinct powers of two: sum is union
        return cls(firsts, by_first, (tuple(whole), whole_bits), mask)

    def held(self, folded: str) -> int:
        """The bits of the words ``folded`` holds, found as :meth:`Needs.met` finds them:
        with ``in``, or as whole words."""
        held = 0
        for first in set(self.firsts.findall(folded)):
            single, longer = self.by_first[first]
            held |= single
            for word, bit in longer:
                if word in folded:
                    held |= bit
        whole, bits = self.whole
        if whole:
            found = set(_WORD.findall(folded))
            for word, bit in zip(whole, bits, strict=True):
                if word in found:
                    held |= bit
        return held


def _bits_of(words: Iterable[str]) -> int:
    """The bits of ``words`` in :data:`KEYWORDS`."""
    bits = 0
    for word in words:
        bits |= KEYWORDS.bit(word)
    return bits


def _whole_bits_of(words: Iterable[str]) -> int:
    """The bits of ``words`` as whole words in :data:`KEYWORDS`."""
    bits = 0
    for word in words:
        bits |= KEYWORDS.whole_bit(word)
    return bits


class Alternatives(NamedTuple):
    """A pattern that is an alternation, searched for alternative by alternative: each
    alternative is searched for on its own, and the whole pattern is matched only where
    the first of them matches (where the alternation would match, the same alternative
    winning). The ``regex`` module runs an alternation whose alternatives open with a word
    boundary or a lookbehind several times slower than it runs them one by one. Each
    alternative is searched for again only once the search has passed where it matched,
    and one whose gate (``needs``, :class:`Needs`) a text fails is not searched for in it.

    >>> both = Alternatives.of([r"\\b(?P<h>\\d+)\\s?pm\\b", r"\\b(?P<w>noon)\\b"])
    >>> [(m.group(), m.group("h")) for m in both.finditer("at noon, at 3 pm")]
    [('noon', None), ('3 pm', '3')]
    """

    whole: regex.Pattern[str]
    alternatives: tuple[regex.Pattern[str], ...]
    gates: Gates

    @classmethod
    def of(
        cls,
        alternatives: Sequence[str],
        flags: int = 0,
        needs: Sequence[Needs | None] | None = None,
    ) -> Alternatives:
        return cls(
            _compile("|".join(alternatives), flags),
            tuple(_compile(alternative, flags) for alternative in alternatives),
            Gates.of(needs or [None] * len(alternatives)),
        )

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The matches of ``whole.finditer(text)`` (no alternative matches empty text)."""
        opened = self.gates.open(text)
        starts: list[int | None] = [-1 if opened[gate] else None for gate in self.gates.of_entry]
        pos = 0
        while True:
            for i, alternative in enumerate(self.alternatives):
                start = starts[i]
                if start is not None and start < pos:
                    found = alternative.search(text, pos)
                    starts[i] = found.start() if found is not None else None
            first = min((start for start in starts if start is not None), default=None)
            if first is None:
                return
            match = self.whole.match(text, first)
            assert match is not None  # an alternative matches there, so the alternation does
            yield match
            pos = match.end()


class Reader(NamedTuple):
    """One entry of a language's registry of readers."""

    name: str
    read: Read
    about: str
    needs: Needs | None = None
    """The reader's gate: what every text it reads a figure in (or takes a span of)
    holds. A text without it is not read at all, which changes nothing but the time; a
    reader without ``needs`` reads every text."""


def whole(find: Callable[[str], Iterable[Figure]]) -> Read:
    """A reader of forms read whole: keeps each figure ``find`` finds that overlaps nothing
    taken, in the order found, and takes its span."""

    @functools.wraps(find)
    def read(text: str, taken: Occupied) -> list[Figure]:
        kept = []
        for figure in find(text):
            if not taken.overlaps(figure.start, figure.end):
                kept.append(figure)
                taken.add(figure.start, figure.end)
        return kept

    return read


def nothing(pattern: regex.Pattern[str]) -> Read:
    """A reader of text that holds no figure: it takes every match of ``pattern``."""

    def read(text: str, taken: Occupied) -> list[Figure]:
        for match in pattern.finditer(text):
            taken.add(*match.span())
        return []

    read.__doc__ = f"Takes the matches of {pattern.pattern[:60]!r}…"
    return read


def read_in_turn(
    text: str,
    readers: Sequence[Reader],
    taken: Occupied | None = None,
    gates: Gates | None = None,
) -> list[tuple[str, Figure]]:
    """Every figure the ``readers`` read in ``text``, each with the name of its reader,
    sorted by position (figures at one position in reader order). ``gates`` are the
    readers' (:meth:`Gates.of` their ``needs``), given by a registry that keeps them."""
    taken = Occupied() if taken is None else taken
    gates = gates or Gates.of(reader.needs for reader in readers)
    found = [
        (reader.name, f)
        for reader in map(readers.__getitem__, gates.open_entries(text))
        for f in reader.read(text, taken)
    ]
    return sorted(found, key=lambda named: named[1].start)


def placed(found: Iterable[tuple[str, Figure]], text: str, base: int) -> list[tuple[str, Figure]]:
    """The figures ``found`` in a reading of ``text`` (the text itself, or a view of the same
    length), placed in the original: offsets ``base`` on, and each figure's ``text`` quoted
    from ``text`` as given.

    >>> found = [("number", figure_of("zh", "一万元", 0, 3, Decimal(10000), Kind.MONEY, "CNY"))]
    >>> [(name, f.start, f.text) for name, f in placed(found, "一萬元", 100)]
    [('number', 100, '一萬元')]
    """
    return [
        (name, f._replace(start=f.start + base, end=f.end + base, text=text[f.start : f.end]))
        for name, f in found
    ]


def figure_of(
    lang: str,
    text: str,
    start: int,
    end: int,
    value: Decimal,
    kind: Kind,
    unit: str | None = None,
    *,
    high: Decimal | None = None,
    approx: Approx | None = None,
    step: Decimal = Decimal(1),
    soft: bool = False,
) -> Figure:
    """The figure ``text[start:end]`` says in ``lang``: its numbers tidied
    (:func:`~bitext.figures.values.tidy`), its digits those a comparison matches (a clock's
    as it shows them, any other value's significant digits).

    >>> f = figure_of("zh", "投入387.750万元", 2, 11, Decimal("3877500.000"), Kind.MONEY, "CNY")
    >>> f.text, f.value, f.digits
    ('387.750万元', Decimal('3877500'), '38775')
    >>> figure_of("en", "at 7:30 pm", 3, 10, Decimal(70200), Kind.CLOCK, step=Decimal(60)).digits
    '1930'
    """
    # Zero is never kept: -0 equals 0 but tidies to -0.
    tidy_value, digits = _tidied(value) if value else (tidy(value), significant(value))
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        lang=lang,
        value=tidy_value,
        kind=kind,
        unit=unit,
        high=None if high is None else _tidied(high)[0] if high else tidy(high),
        approx=approx,
        step=_tidied(step)[0] if step else tidy(step),
        digits=clock_digits(value) if kind == Kind.CLOCK else digits,
        soft=soft,
    )


@functools.lru_cache(maxsize=4096)
def _tidied(value: Decimal) -> tuple[Decimal, str]:
    """``value`` tidied (:func:`~bitext.figures.values.tidy`) and its significant digits,
    kept: the two cost most of :func:`figure_of`, and a corpus says the same values (years,
    days, steps of 1) again and again. Equal values (``3E+2``, ``300``) share a slot, which
    is sound because both answers depend on the value alone, not on how it is written, for
    all but zero (``-0`` tidies to ``-0``): never ask for zero here. Both depend on the
    decimal context's precision too, which bitext never changes.

    >>> _tidied(Decimal("3877500.000")), _tidied(Decimal("3.8775E+6"))
    ((Decimal('3877500'), '38775'), (Decimal('3877500'), '38775'))
    """
    return tidy(value), significant(value)


def date_stamps(lang: str) -> Read:
    """The reader of date stamps in ``lang``: 2020-07-26 is one date in both languages
    (:data:`~bitext.figures.values.DATE_STAMP`).

    >>> [(f.text, f.value) for f in date_stamps("en")("on 2020-07-26, at 9", Occupied())]
    [('2020-07-26', Decimal('20200726'))]
    """

    def find(text: str) -> list[Figure]:
        """2020-07-26, 2020-07-2605:03:17: one date."""
        return [figure_of(lang, text, *date_stamp(m), Kind.DATE) for m in DATE_STAMP.finditer(text)]

    return whole(find)
