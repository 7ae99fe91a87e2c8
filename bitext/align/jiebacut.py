"""Jieba's segmentation as jieba-rs does it (``rjieba``), in Python, from a table that
a run reads only as far as its text needs.

rjieba builds its whole prefix dictionary (349,046 words) when it is imported, 0.1 s
with the interpreter locked, while a one-file run cuts a few hundred characters. This
module gives the same words as ``rjieba.cut(text, hmm)`` and ``rjieba.tokenize(text,
"default", hmm)`` (``tests/test_zhseg.py`` holds it to every Chinese line of the
corpora) from jieba's own ``dict.txt`` and HMM tables (``jieba.finalseg``), which hold
the words, frequencies and probabilities jieba-rs 0.11 (in rjieba 0.2.2) embeds. They
are stored once in bitext's cache as one entry per character (:class:`_Dictionary`):
its frequency as a word, its HMM emission probabilities and the words that start with
it, grouped by their second character. A run decodes the entries of the characters its
texts hold, and parses a group the first time a text holds its two characters.

The steps are jieba-rs's:

1. The text splits into blocks of CJK ideographs (U+4E00–U+9FFF, U+3400–U+4DBF, the
   compatibility block and the extensions beyond U+FFFF), ASCII letters and digits and
   ``+#&._%-``. Between blocks each character is a word, but ``\\r\\n`` is one.
2. A block is cut along the most probable route through the dictionary words it holds:
   the highest sum of ``ln(freq) - ln(total)``, summed from the block's end; a
   character that is no word counts as frequency 1 where no word starts; between equal
   scores, the longer word.
3. With the HMM on, the characters the route takes one by one are gathered into runs:
   one character stays a word, a run that is a dictionary word stays split into
   characters, any other run goes to the HMM, which cuts each stretch of U+4E00–U+9FD5
   with Viterbi and the rest into letter-digit tokens (``WES-5.4.5``, ``3.14``,
   ``50%``) and what lies between them. With it off, a run of ASCII letters and digits
   becomes one word.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections.abc import Callable, Iterator
from importlib import resources
from typing import NamedTuple

import regex

from bitext.cache.tables import cached, package_version

MIN_FLOAT = -3.14e100
"""The log probability jieba's HMM gives what its tables lack."""

_BLOCK = regex.compile(
    r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0002A6DF\U0002A700-\U0002EBEF"
    r"\U0002F800-\U0002FA1Fa-zA-Z0-9+#&._%\-]+"
)
"""What jieba-rs segments with the dictionary (its ``is_han_default``)."""
_OUTSIDE = regex.compile(r"\r\n|.", regex.DOTALL)
"""A word of the text between blocks."""
_HMM_HAN = regex.compile(r"[\u4E00-\u9FD5]+")
"""The characters jieba's HMM tables cover, cut by Viterbi."""
_ALNUM_TOKEN = regex.compile(r"[a-zA-Z0-9]+(?:[._\-][a-zA-Z0-9]+)*%?")
"""A letter-digit token inside a run the HMM cuts: runs joined by ``.``, ``_`` or ``-``,
then an optional ``%`` (jieba-rs's ``skip_match_len``)."""
_ASCII_ALNUM = regex.compile(r"[a-zA-Z0-9]")

B, E, M, S = range(4)
"""The HMM's states (begin, end, middle of a word, single), in jieba-rs's order: a tie
between two ways into a state goes to the one from the state listed later."""
_IMPOSSIBLE = MIN_FLOAT / 2
"""Below this a score holds :data:`MIN_FLOAT`: a way the tables rule out. Such ways tie
with each other (the sum absorbs the rest) and are settled as jieba-rs settles them."""
TIE = 1e-9
"""Two ways into a state closer than this tie (their scores are -10 to -10,000)."""


class Tie(Exception):
    """The HMM scores two ways of cutting a run alike, or within rounding of it: a
    character said over and over ("慰慰慰慰慰": 慰慰 then 慰慰慰, or the other way round).
    Which one rjieba takes then turns on the last bits of its own tables' sums, which
    this module does not have; ``strict`` cuts raise this instead of guessing, and
    :mod:`bitext.align.zhseg` hands such a text to rjieba."""


def cut(text: str, hmm: bool = True, *, strict: bool = False) -> list[str]:
    """``text`` cut into words, as ``rjieba.cut(text, hmm)`` does; where the HMM scores
    two ways alike, :class:`Tie` is raised if ``strict``, and one is taken otherwise.

    >>> cut("他来到了网易杭研大厦")  # 杭研 is no word of the dictionary: the HMM finds it
    ['他', '来到', '了', '网易', '杭研', '大厦']
    >>> cut("他来到了网易杭研大厦", hmm=False)
    ['他', '来到', '了', '网易', '杭', '研', '大厦']
    >>> cut("全市2023年GDP增长5.8%，达到1,234.5亿元。")
    ['全市', '2023', '年', 'GDP', '增长', '5.8%', '，', '达到', '1', ',', '234.5', '亿元', '。']
    >>> cut("版本WES-5.4.5与x_1相同")
    ['版本', 'WES-5.4.5', '与', 'x_1', '相同']
    >>> cut(" 两个　空格\\r\\n换行\\t")
    [' ', '两个', '\\u3000', '空格', '\\r\\n', '换行', '\\t']
    >>> cut("𠀀𠀁是扩展字，鿖鿗也是")  # CJK extensions: dictionary blocks, outside the HMM's
    ['𠀀𠀁', '是', '扩展', '字', '，', '鿖鿗', '也', '是']
    >>> cut("")
    []
    """
    words: list[str] = []
    at = 0
    for block in _BLOCK.finditer(text):
        words += _OUTSIDE.findall(text, at, block.start())
        _cut_block(block.group(), hmm, words.append, strict)
        at = block.end()
    words += _OUTSIDE.findall(text, at)
    return words


def tokenize(text: str, hmm: bool = True, *, strict: bool = False) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for each word of ``text``, as ``rjieba.tokenize(text,
    "default", hmm)`` gives them (offsets in characters); ``strict`` as :func:`cut`.

    >>> tokenize("永和服装饰品有限公司")
    [('永和', 0, 2), ('服装', 2, 4), ('饰品', 4, 6), ('有限公司', 6, 10)]
    """
    tokens = []
    start = 0
    for word in cut(text, hmm, strict=strict):
        end = start + len(word)
        tokens.append((word, start, end))
        start = end
    return tokens


def _cut_block(block: str, hmm: bool, emit: Callable[[str], object], strict: bool) -> None:
    """Emit the words of a block along its best route; the single characters the route
    leaves in a row go together to :func:`_cut_singles`."""
    ends = _Dictionary.get().route(block)
    n = len(block)
    x = 0
    left = -1  # start of the run of single characters, -1 for none
    while x < n:
        y = ends[x]
        if y - x == 1 and (hmm or _ASCII_ALNUM.match(block, x)):
            if left < 0:
                left = x
        else:
            if left >= 0:
                _cut_singles(block[left:x], hmm, emit, strict)
                left = -1
            emit(block[x:y])
        x = y
    if left >= 0:
        _cut_singles(block[left:], hmm, emit, strict)


def _cut_singles(run: str, hmm: bool, emit: Callable[[str], object], strict: bool) -> None:
    """Emit a run of characters the route took one by one: without the HMM it is a run
    of ASCII letters and digits, one word; with it, see the module's docstring."""
    if not hmm or len(run) == 1:
        emit(run)
    elif _Dictionary.get().is_word(run):
        for char in run:
            emit(char)
    else:
        for word in _hmm_cut(run, strict):
            emit(word)


def _hmm_cut(run: str, strict: bool) -> Iterator[str]:
    """The words jieba's HMM finds in ``run``."""
    at = 0
    for han in _HMM_HAN.finditer(run):
        yield from _cut_outside_hmm(run[at : han.start()])
        word = han.group()
        if len(word) == 1:
            yield word
        else:
            yield from _viterbi_cut(word, strict)
        at = han.end()
    yield from _cut_outside_hmm(run[at:])


def _cut_outside_hmm(text: str) -> Iterator[str]:
    """The letter-digit tokens of ``text`` and each stretch between them, whole."""
    at = 0
    for token in _ALNUM_TOKEN.finditer(text):
        if token.start() > at:
            yield text[at : token.start()]
        yield token.group()
        at = token.end()
    if at < len(text):
        yield text[at:]


def _viterbi_cut(han: str, strict: bool = False) -> Iterator[str]:
    """``han`` (two or more characters the HMM covers) cut along its most probable
    states: a word runs from a B to the next E, or is an S.

    >>> list(_viterbi_cut("小明硕士毕业于中国科学院计算所"))
    ['小明', '硕士', '毕业于', '中国', '科学院', '计算', '所']
    """
    states = _viterbi(han, strict)
    begin = end = 0
    for i, state in enumerate(states):
        if state == B:
            begin = i
        elif state == E:
            yield han[begin : i + 1]
            end = i + 1
        elif state == S:
            yield han[i]
            end = i + 1
    if end < len(han):
        yield han[end:]


def _viterbi(han: str, strict: bool = False) -> list[int]:
    """The most probable state of each character of ``han``.

    Each state is reached from one of two states (B from E or S, E from B or M, M from
    B or M, S from E or S); between equal scores the later of the two wins, and at the
    end S wins over E, as in jieba-rs. The sums are added in jieba-rs's order, so that
    the scores, and their ties, are the same to the last bit; but not the tables' last
    bits, so a tie between two possible ways raises :class:`Tie` when ``strict``.

    >>> _viterbi("慰慰慰慰慰", strict=True)
    Traceback (most recent call last):
    ...
    bitext.align.jiebacut.Tie: 慰慰慰慰慰
    """
    dictionary = _Dictionary.get()
    (s_b, s_e, s_m, s_s), trans = dictionary.start, dictionary.trans
    t_eb, t_sb, t_be, t_me, t_bm, t_mm, t_es, t_ss = (
        trans[E][B],
        trans[S][B],
        trans[B][E],
        trans[M][E],
        trans[B][M],
        trans[M][M],
        trans[E][S],
        trans[S][S],
    )
    chars = dictionary.chars
    e_b, e_e, e_m, e_s = chars[han[0]].emission
    v_b, v_e, v_m, v_s = s_b + e_b, s_e + e_e, s_m + e_m, s_s + e_s
    came_from: list[tuple[int, int, int, int]] = []
    for c in han[1:]:
        e_b, e_e, e_m, e_s = chars[c].emission
        b_from_e, b_from_s = v_e + t_eb + e_b, v_s + t_sb + e_b
        e_from_b, e_from_m = v_b + t_be + e_e, v_m + t_me + e_e
        m_from_b, m_from_m = v_b + t_bm + e_m, v_m + t_mm + e_m
        s_from_e, s_from_s = v_e + t_es + e_s, v_s + t_ss + e_s
        if strict and (
            _tied(b_from_e, b_from_s)
            or _tied(e_from_b, e_from_m)
            or _tied(m_from_b, m_from_m)
            or _tied(s_from_e, s_from_s)
        ):
            raise Tie(han)
        n_b, p_b = (b_from_e, E) if b_from_e > b_from_s else (b_from_s, S)
        n_e, p_e = (e_from_b, B) if e_from_b > e_from_m else (e_from_m, M)
        n_m, p_m = (m_from_b, B) if m_from_b > m_from_m else (m_from_m, M)
        n_s, p_s = (s_from_e, E) if s_from_e > s_from_s else (s_from_s, S)
        came_from.append((p_b, p_e, p_m, p_s))
        v_b, v_e, v_m, v_s = n_b, n_e, n_m, n_s
    if strict and _tied(v_e, v_s):
        raise Tie(han)
    state = E if v_e > v_s else S
    states = [state]
    for step in reversed(came_from):
        state = step[state]
        states.append(state)
    states.reverse()
    return states


def _tied(one: float, other: float) -> bool:
    """Whether two ways into a state that the tables allow score alike (:data:`TIE`)."""
    return one > _IMPOSSIBLE and -TIE <= one - other <= TIE


class _Dictionary:
    """Jieba's dictionary and HMM tables as the cache holds them: one UTF-8 entry for
    each character, decoded and parsed the first time a text holds the character (a
    pair's words the first time a text holds the pair). The entries lie end to end in
    one ``bytes``, in the order of a string of their characters, with their offsets:
    the 4 MB load in 3 ms, where a dict of the 15,000 entries took 7 to 10.

    An entry's lines are: the character's frequency as a word (``-`` if it is none) and
    its emission probabilities in states B, E, M, S (none if the HMM lacks it); the
    second characters of the words that start with it; then, for each of these in turn,
    the words that start with both, as pairs of the word's rest and its frequency."""

    def __init__(
        self,
        total: int,
        start: tuple[float, ...],
        trans: tuple[tuple[float, ...], ...],
        entries: tuple[str, array[int], bytes],
    ) -> None:
        self.log_total = math.log(total)
        self.start, self.trans = start, trans
        self._keys, self._offsets, self._entries = entries
        self.chars = _Chars(self._read_char)
        """What the dictionary and the HMM know of each character, read when first asked."""

    @staticmethod
    @functools.cache
    def get() -> _Dictionary:
        key = [package_version("jieba"), "cut-entries-4"]
        return _Dictionary(*cached("zh-cut", key, _build))

    def _read_char(self, char: str) -> _Char:
        index = self._keys.find(char)
        lines = [b"-", b""]
        if index >= 0:
            lines = self._entries[self._offsets[index] : self._offsets[index + 1]].split(b"\n")
        frequency, *emission = lines[0].decode().split(" ")
        return _Char(
            None if frequency == "-" else math.log(int(frequency)),
            tuple(map(float, emission)) if emission else (MIN_FLOAT,) * 4,
            _Pairs(lines[1].decode(), lines[2:]),
        )

    def is_word(self, text: str) -> bool:
        first = self.chars[text[0]]
        if len(text) == 1:
            return first.log_freq is not None
        return text[2:] in first.pairs[text[1]].rests

    def route(self, block: str) -> list[int]:
        """Where the best route through ``block`` goes from each character: the end of
        the word it takes there. Scores are summed from the end, as jieba-rs sums them."""
        n = len(block)
        log_total = self.log_total
        chars = self.chars
        scores = [0.0] * (n + 1)
        ends = list(range(1, n + 2))
        for i in range(n - 1, -1, -1):
            char = chars[block[i]]
            # A character that is no word is taken alone only where no word starts.
            best, best_end = -math.inf, -1
            if char.log_freq is not None:
                best, best_end = char.log_freq - log_total + scores[i + 1], i + 1
            if i + 1 < n:
                rests, lengths = char.pairs[block[i + 1]]
                for length in lengths:
                    end = i + length
                    if end > n:
                        break
                    log_freq = rests.get(block[i + 2 : end])
                    if log_freq is not None:
                        score = log_freq - log_total + scores[end]
                        if score >= best:  # on a tie, the longer word (jieba-rs)
                            best, best_end = score, end
            if best_end < 0:
                best, best_end = (0.0 - log_total) + scores[i + 1], i + 1
            scores[i], ends[i] = best, best_end
        return ends


class _Pair(NamedTuple):
    rests: dict[str, float]
    """The words without their first two characters, and their ``ln(freq)``."""
    lengths: tuple[int, ...]
    """The words' lengths, shortest first."""


_NO_WORDS = _Pair({}, ())


class _Pairs(dict[str, _Pair]):
    """Second character → the words that start with a character and it, read from
    their line of the character's entry when first asked. The line is found by the
    place of the second character in the string of them all: a run asks for few of
    them, and a dict of them all took 40 µs a character to build."""

    def __init__(self, seconds: str, lines: list[bytes]) -> None:
        super().__init__()
        self._seconds, self._lines = seconds, lines

    def __missing__(self, second: str) -> _Pair:
        index = self._seconds.find(second)
        if index < 0:
            found = self[second] = _NO_WORDS
            return found
        fields = self._lines[index].decode().split(" ")
        rests = fields[::2]
        found = self[second] = _Pair(
            dict(zip(rests, map(math.log, map(int, fields[1::2])), strict=True)),
            tuple(sorted({len(rest) + 2 for rest in rests})),
        )
        return found


class _Char(NamedTuple):
    log_freq: float | None
    """``ln(freq)`` of the character as a word, None if it is none."""
    emission: tuple[float, ...]
    """Its emission log probabilities in states B, E, M, S."""
    pairs: _Pairs
    """The words that start with it, by their second character."""


class _Chars(dict[str, _Char]):
    """Character → :class:`_Char`, read by ``read`` when first asked."""

    def __init__(self, read: Callable[[str], _Char]) -> None:
        super().__init__()
        self._read = read

    def __missing__(self, char: str) -> _Char:
        found = self[char] = self._read(char)
        return found


def _build() -> tuple[
    int, tuple[float, ...], tuple[tuple[float, ...], ...], tuple[str, array[int], bytes]
]:
    """The entries from jieba's ``dict.txt`` and HMM tables, with the dictionary's total
    frequency (every line counts, as in jieba-rs) and the HMM's start and transition
    probabilities. A word with a character outside every block can never be matched
    and is left out; so is a word of frequency 0 (jieba's dictionary has none; jieba-rs
    would weigh it ``ln 0``)."""
    from jieba.finalseg import prob_emit, prob_start, prob_trans

    text = (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")
    total = 0
    frequencies: dict[str, int] = {}
    for line in text.splitlines():
        word, count, *_ = line.split(" ")
        total += int(count)
        frequencies[word] = int(count)  # a repeated word: the last line
    heads: dict[str, list[str]] = {}
    pairs: dict[str, dict[str, list[str]]] = {}
    for word, count in sorted(frequencies.items()):
        if not count or not _BLOCK.fullmatch(word):
            continue
        if len(word) == 1:
            heads[word] = [str(count)]
        else:
            pairs.setdefault(word[0], {}).setdefault(word[1], []).append(f"{word[2:]} {count}")
    names = "BEMS"
    emissions = prob_emit.P
    for char in set().union(*emissions.values()):
        if _HMM_HAN.fullmatch(char):
            probabilities = [repr(emissions[s].get(char, MIN_FLOAT)) for s in names]
            heads.setdefault(char, ["-"]).extend(probabilities)
    keys = "".join(sorted(heads.keys() | pairs.keys()))
    offsets, entries = array("L", [0]), bytearray()
    for char in keys:
        by_second = pairs.get(char, {})
        lines = [" ".join(heads.get(char, ["-"])), "".join(by_second)]
        lines += (" ".join(words) for words in by_second.values())
        entries += "\n".join(lines).encode()
        offsets.append(len(entries))
    start = tuple(prob_start.P[s] for s in names)
    trans = tuple(tuple(prob_trans.P[a].get(b, MIN_FLOAT) for b in names) for a in names)
    return total, start, trans, (keys, offsets, bytes(entries))
