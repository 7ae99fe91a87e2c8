"""Numbers that are not quantities: names and codes, on either side.

A number can say what a thing is called rather than how much of it there is. Such a
number gets one of two kinds (:class:`bitext.model.Kind`):

``name``
    a number inside a name, a title, an event named by its date, a road or an idiom:
    十四五, 七国集团, 《拆弹专家2》, 六一 (June 1), 北一路, 事半功倍, "G20", the title “June 4th Orphan
    Education Fund”. Its ``value`` is the number it spells. It is compared only where
    both sides spell it: the same number agrees, another one is a ``figure-value`` (十四五
    → "15th Five-Year Plan"); a name whose number the other side leaves out ("Singles'
    Day", "Shock Wave") is no finding.
``code``
    an identifier written with digits: model and standard codes (B-52, LP700-4, "Boeing
    737", Porsche 911 in Chinese text, GB/T 2260-2007), telephone and service numbers
    (0871-6512345, 110), ISBN, stock and policy numbers, list markers (1、, "2."). Its
    ``digits`` are its exact digit string; it is not a value ("010-65123456" is not 10).
    The same digits on both sides agree; other digits under the same letters (COVID-1 →
    "COVID-1000") are a ``figure-value``; a code whose letters stay on the other side
    without its digits (CMV-22 → "CMV-") is ``figure-missing``; a code the other side
    leaves out or writes in words is no finding.

Neither ever pairs with a quantity: "Boeing 737" is no 737 名. Set phrases whose numerals
state nothing (一些, 统一, "one of", "no one") get no figure.

:data:`FORMS` lists every form with what it reads, why, and a real example. The readers
(:mod:`bitext.figures.zh`, :mod:`bitext.figures.en`) leave the spans of :func:`shielded`
alone; :func:`apply` then turns their output into the final figures: what they read
inside a title becomes a name, and the names and codes found here are added, with the
Latin tokens holding digits that no reader took (5G, "G20", iPhone7). How the two kinds
compare is :func:`bitext.figures.compare.relate`'s; what is reported is
:mod:`bitext.check.judge`'s.

>>> [(f.text, f.kind.value, f.digits) for f in read("这是COVID-19,又不是COVID-1", "zh")]
[('COVID-19', 'code', '19'), ('COVID-1', 'code', '1')]
>>> [(f.text, f.kind.value, str(f.value)) for f in read("五一劳动节假期", "zh")]
[('五', 'name', '5'), ('一', 'name', '1')]
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

import regex

from bitext.cache.patterns import compile as _compile
from bitext.figures.reading import DIGIT, Gates, Needs, Read, digit_or, one_of, whole_words
from bitext.figures.units import longest_first, spellings
from bitext.figures.values import FULL_WIDTH_DIGITS, Occupied, parse_arabic, parse_chinese
from bitext.hans import simplified
from bitext.model import Figure, Kind

Number = tuple[int, int, Decimal, str]
"""A number a form reads: start, end, value and digit string."""


class Form(NamedTuple):
    """One way a number is part of a name or a code.

    ``kind`` is the kind of the figures the form gives, or None for a set phrase whose
    numerals state nothing. ``read`` turns a match into its numbers (None: the whole
    match is one code). A form that ``wraps`` gives no figures of its own: the reader
    reads the numbers in its span, and they become names (a title's numbers are read as
    any others are). ``when`` says which matches count where a pattern alone cannot (a
    quotation in title case).
    """

    name: str
    lang: str
    kind: Kind | None
    pattern: regex.Pattern[str]
    explain: str
    example: str
    read: Callable[[regex.Match[str]], list[Number]] | None = None
    wraps: bool = False
    when: Callable[[regex.Match[str]], bool] | None = None
    needs: Needs | None = None
    """The pattern's gate (:class:`~bitext.figures.reading.Needs`): a text without it
    is not searched."""
    starts: regex.Pattern[str] | None = None
    """The marks a match starts right after, when it does not start the text (a list
    marker's colon, the character before a code's run of letters and digits, which its
    lookbehind asks for): the pattern is then tried there alone (:func:`_matches`), not
    searched for through the whole text."""


# --- reading the numbers of a match --------------------------------------------

_NUMERAL_VALUES = {
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10, "百": 100, "千": 1000, "万": 10000, "卅": 30, "半": 50, "双": 2, "倍": 2, "〇": 0,
    "零": 0,
}  # fmt: skip
"""What a numeral of an idiom spells: 半 is "half" (50%), 倍 and 双 are two."""
_DIGIT = _compile(r"[0-9０-９]")


def numeral_value(token: str) -> Decimal:
    """The number a token of a name spells: Arabic, Chinese, or Chinese read digit by
    digit (九一八 is 9 and 18, 一八 is 18).

    >>> numeral_value("十九"), numeral_value("一八"), numeral_value("１５"), numeral_value("卅")
    (Decimal('19'), Decimal('18'), Decimal('15'), Decimal('30'))
    """
    if _DIGIT.match(token):
        return parse_arabic(token)[0]
    if len(token) == 1:
        return Decimal(_NUMERAL_VALUES[token])
    if not regex.search("[十百千万]", token):
        return Decimal("".join(str(_NUMERAL_VALUES[ch]) for ch in token))
    return parse_chinese(token)


def _digits_of(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", "")


def _groups(match: regex.Match[str]) -> list[Number]:
    """Every named group of the match that took part, in order: 六一 → 6 and 1."""
    numbers = []
    for name in match.re.groupindex:
        if match.group(name) is None:
            continue
        value = numeral_value(match.group(name))
        numbers.append((match.start(name), match.end(name), value, _digits_of(value)))
    return sorted(numbers)


def _whole(match: regex.Match[str]) -> list[Number]:
    """The number of group ``n`` as the whole match's: 十九大 is 19."""
    value = numeral_value(match.group("n"))
    return [(match.start(), match.end(), value, _digits_of(value))]


_GROUP_WORDS = {"Seven": Decimal(7), "Eight": Decimal(8), "Twenty": Decimal(20)}


def _group(match: regex.Match[str]) -> list[Number]:
    """The G20 or the Group of Twenty: 20."""
    token = match.group("n")
    value = _GROUP_WORDS[token] if token in _GROUP_WORDS else numeral_value(token)
    return [(match.start(), match.end(), value, _digits_of(value))]


def _each_numeral(match: regex.Match[str]) -> list[Number]:
    """Every numeral of an idiom on its own: 千家万户 → 1000 and 10000."""
    return [
        (
            match.start() + k,
            match.start() + k + 1,
            Decimal(_NUMERAL_VALUES[ch]),
            str(_NUMERAL_VALUES[ch]),
        )
        for k, ch in enumerate(match.group())
        if ch in _NUMERAL_VALUES
    ]


def _fifty(match: regex.Match[str]) -> list[Number]:
    """五毛 spells 50 (cents): "fifty-cent"."""
    return [(match.start(), match.end(), Decimal(50), "50")]


def _dotted_date(match: regex.Match[str]) -> list[Number]:
    """8·11 is written "8.11" in English: the number 8.11."""
    text = match.group("n")
    value = Decimal(regex.sub(r"\s*[·・]\s*", ".", text))
    return [(match.start(), match.end(), value, code_digits(text))]


def _double(match: regex.Match[str]) -> list[Number]:
    """双十一 is the 11th of the 11th month: two numbers, each spelt by the same 十一."""
    value = numeral_value(match.group("n"))
    return [(match.start(), match.end(), value, _digits_of(value))] * 2


_DIGIT_RUN = _compile(r"[0-9０-９]+(?:[-－][0-9０-９]+)*")


def _each_code(match: regex.Match[str]) -> list[Number]:
    """Every run of digits in the match's ``codes`` group is one code: 尾号比如6666，8888."""
    start = match.start("codes")
    return [
        (start + m.start(), start + m.end(), Decimal(0), code_digits(m.group()))
        for m in _DIGIT_RUN.finditer(match.group("codes"))
    ]


def _marker(match: regex.Match[str]) -> list[Number]:
    """A list marker's number: 2. → 2, （一） → 1, ③ → 3."""
    token = match.group("n")
    value = Decimal(ord(token) - ord("①") + 1) if "①" <= token <= "⑳" else numeral_value(token)
    return [(match.start("marker"), match.end("marker"), value, _digits_of(value))]


def code_digits(text: str) -> str:
    """The exact digit string of a code: separators dropped, leading zeros kept.

    >>> code_digits("0871-6512345"), code_digits("GB/T 2260-2007"), code_digits("ＬＰ７００")
    ('08716512345', '22602007', '700')
    """
    return _NOT_A_DIGIT.sub("", text.translate(FULL_WIDTH_DIGITS))


_NOT_A_DIGIT = _compile(r"\D")


# --- the forms ------------------------------------------------------------------


def _starting(first: str, pattern: str) -> str:
    """``pattern`` behind a lookahead for ``first``, what each of its matches starts with:
    the same matches, but the regex engine skips ahead to where one can start instead of
    trying the whole pattern at every position (a telephone number is found five times
    faster).

    >>> _compile(_starting("[0-9]", r"(?<![0-9])1[0-9]{2}(?![0-9])")).findall("拨打120或1100")
    ['120']
    """
    return f"(?={first})(?:{pattern})"


_HAN_NUMERAL = "一二三四五六七八九十"
_MONTH = r"[一二三四五六七八九]"
_DAY = r"[一二三][〇一二三四五六七八九]|[一二三四五六七八九卅]"
"""A day named with its month is said digit by digit (九一八, 六一; 五卅 is the 30th):
六十五 is sixty-five, not 15 June."""
_EVENT_PAIR_TEXT = rf"(?P<m>{_MONTH})\s?[·・]?\s?(?P<d>{_DAY})|(?P<m>十)(?P<d>一)"
"""A month and a day said digit by digit (九一八); of October only 十一, National Day:
十四 is fourteen."""
_EVENT_AFTER = (
    r"档|节(?![目省约能点奏日])|妇女节|儿童节|劳动节|青年节|建军节|国庆节|购物节|假期|假日|长假|黄金周|"
    r"期间|前夕|当天|当日|当年|晚会|活动|大楼|勋章|运动|事件|事变|惨案|起义|讲话|建党|大促|促销|"
    r"难属|遇难者|死难者|纪念日"
)
"""What makes two Chinese numerals a day named by its date: 五一档, 六一儿童节, 九一八事变."""

_ZH_WORDS = (
    r"一对一|一带一路|万众|百花|一些|一起|一样|一直|一定|一般|一切|一旦|一致|一体|一方面|一边|一道|一同|"
    r"一度|一律|一贯|一向|一举|一线|一流|(?<!分)之一|唯一|统一|万一|十分(?!之)|百姓|千万(?=[不别要记注小])|万物|百货|"
    r"一下|一点(?![零〇一二三四五六七八九])|一部分|一系列|一批批|一次性|第一时间|一把手|一刀切|三农|两会|"
    r"两岸|双方|一国两制|四个全面|零距离|零容忍|一条龙|一揽子|一站式|一时间|一时|同一时间|两个一百年|"
    r"万人迷|万家乐|百家乐|百家姓|万户侯|"
    r"[一二三多]元(?=论|化)|(?<![几数百千万])[几数百千万]+十?年一遇"
)
"""Words built with a numeral that state no number (一些 "some", 统一 "unify", 十分 "very",
一元论 "monism", 百年一遇 "once in a century", 万人迷 "a heartthrob"). 十分之一 is a tenth and
百分之一 1% (之一 after 分 is no "one of"). (?<!…): a run of 万 is scanned once."""

_ZH_IDIOMS = (
    "事半功倍|千方百计|十全十美|九死一生|一心一意|三心二意|一五一十|七上八下|乱七八糟|四面八方|五湖四海|"
    "千家万户|万无一失|一年四季|有朝一日|万众一心|一举两得|一石二鸟|三番五次|三言两语|千军万马|千辛万苦|"
    "千言万语|千变万化|千差万别|千丝万缕|万紫千红|百发百中|百战百胜|千篇一律|五花八门|五颜六色|七嘴八舌|"
    "十拿九稳|一干二净|一清二楚|接二连三|丢三落四|一日千里|一落千丈|一本万利|九牛一毛|百花齐放|百家争鸣|"
    "千钧一发|一诺千金|一刻千金|千载难逢|半途而废|事倍功半|万人空巷|万家灯火|万家万户|千人一面|千校一面|千城一面|千村一面|"
    "千部一腔|千头万绪|千门万户"
)
"""Idioms whose numerals a translation may keep word for word (事半功倍 → "half the work,
double the results", 千家万户 → "thousands of households") or leave out."""

_EN_PHRASES = (
    r"one[\s-](?:on|to|by|for)[\s-]one",
    r"one[\s-](?:of|another|another's|day(?!\s(?:after|before|later|earlier|ago)\b)|time|way|side|"
    r"stop|off|party|child|China|country|belt|sided|way)",
    r"no\sone",
    r"some\s?one",
    r"any\s?one",
    r"every\s?one",
    r"the\sone",
    r"this\sone",
    r"that\sone",
    r"one's",
    r"ones",
    r"at\sone\spoint",
    r"one\sor\stwo",
    r"first\sof\sall",
    r"a\slot",
    r"a\scouple",
    r"a\sbit",
    r"a\slittle",
    r"at\sfirst",
    r"at\sonce",
    r"Long\sMarch(?:[\s-][IVX]+)?",
)
"""Set phrases with "one" and "a" that state no number: "one of", "no one", "a lot"; and
the Long March, which is no month."""
_EN_WORDS = r"\b(?:" + "|".join(_EN_PHRASES) + r")\b"

_NOT_LITERAL = _compile(
    r"\\.(?:\{[^}]*\})?"  # an escape: \s, \b, \p{L}
    r"|\[[^\]]*\]"  # a class
    r"|(?P<group>\((?:\\.|[^()\\]|(?&group))*\))"  # a group, with the groups inside it
    r"|.(?=[?*+{])"  # a character a quantifier may leave out or repeat
    r"|[?*+{}.^$]"
)


def _literal_words(phrase: str) -> list[str]:
    r"""The words every match of ``phrase`` (a pattern with no ``|`` outside its groups)
    holds as written: its letters outside groups, classes and escapes, less those a
    quantifier makes optional.

    >>> _literal_words(r"some\s?one"), _literal_words(r"Long\sMarch(?:[\s-][IVX]+)?")
    (['some', 'one'], ['Long', 'March'])
    """
    bare = _NOT_LITERAL.sub(" ", phrase)
    if "|" in bare:
        raise ValueError(f"{phrase!r} is an alternation: no word of it is in every match")
    return regex.findall(r"\p{L}+", bare)


def _gate_of(phrases: Sequence[str]) -> Needs:
    r"""The gate of the alternation of ``phrases`` (:data:`_EN_WORDS`), as whole words
    (:func:`whole_words`): each phrase's literal word that most phrases share (a bare "a"
    only when it has no word of three letters or more, being in every text). Every match
    opens and closes at a word boundary, and a phrase parts its words with whitespace, a
    hyphen or an apostrophe, none of them ``\w``: each literal word is a whole word of
    every match. An optional space (``\s?``) parts two words or joins them into one ("some
    one", "someone"), so such a phrase gives a word each way. Whole words turn away texts
    with "one" only inside "money" or "phone": 210 of WMT21's English lines pass, not 364.

    >>> _gate_of(_EN_PHRASES).whole[:6]
    ('one', 'someone', 'anyone', 'everyone', 'ones', 'first')
    """
    ways = [way for p in phrases for way in dict.fromkeys(_with_and_without_space(p))]
    literal = [[word.casefold() for word in _literal_words(way)] for way in ways]
    return whole_words(*_most_shared(literal, prefer=lambda word: len(word) >= 3))


def _most_shared(choices: list[list[str]], prefer: Callable[[str], bool]) -> list[str]:
    """From each of ``choices`` (the literal words or characters of an alternative), the
    one ``prefer`` picks, then the one most alternatives share (so that the gate has few
    words), then the longest: each alternative's gate word.

    >>> _most_shared([["a", "lot"], ["lot", "of"], ["bit"]], prefer=lambda w: len(w) >= 3)
    ['lot', 'lot', 'bit']
    """
    shared = Counter(item for items in choices for item in set(items))
    return [
        max(items, key=lambda item: (prefer(item), shared[item], len(item))) for items in choices
    ]


def _with_and_without_space(phrase: str) -> tuple[str, str]:
    r"""``phrase`` with each optional space (``\s?``) a space, and with none.

    >>> _with_and_without_space(r"some\s?one")
    ('some\\sone', 'someone')
    """
    return phrase.replace(r"\s?", r"\s"), phrase.replace(r"\s?", "")


_PIECE = _compile(r"\\.|\[[^\]]*\]|(?P<group>\((?:\\.|[^()\\]|(?&group))*\))|.", regex.DOTALL)
"""One piece of a pattern: an escape, a class, a group with the groups inside it, or a
character."""


def _alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern``: its pieces between the ``|`` outside its groups.

    >>> _alternatives(r"一些|[一二三多]元(?=论|化)|(?<!分)之一")
    ['一些', '[一二三多]元(?=论|化)', '(?<!分)之一']
    """
    alternatives = [""]
    for piece in _PIECE.finditer(pattern):
        if piece.group() == "|":
            alternatives.append("")
        else:
            alternatives[-1] += piece.group()
    return alternatives


def _han_gate_of(pattern: str) -> Needs:
    """The gate of a Chinese alternation: for each alternative, a character of its literal
    words (:func:`_literal_words`), which each of its matches holds: a numeral where it has
    one (most lines, 54% of WMT21's, hold none), the one most alternatives hold.

    >>> _han_gate_of(_ZH_IDIOMS).words
    ('半', '千', '十', '一', '三', '八', '五', '百', '九', '万')
    >>> _han_gate_of(r"一些|[一二三多]元(?=论|化)|(?<![几数])[几数]+十?年一遇").words
    ('一', '元')
    """
    literal = [sorted("".join(_literal_words(a))) for a in _alternatives(pattern)]
    return one_of(*_most_shared(literal, prefer=_NUMERAL_VALUES.__contains__))


_CODE_WORDS = r"COVID|SARS|MERS|H\d+N\d+"
"""Disease and virus names written in lower case too ("covid-19")."""
_CURRENCY_LETTERS = (
    "(?:" + "|".join(c for c in longest_first(spellings("en_prefix")) if c.isalpha()) + ")"
)
"""Currency codes before digits make an amount ("RUB6-7 million"), not a code."""

_STANDARD_BODIES = (
    r"GB|GB/T|GB/Z|ISO|IEC|EN|ASTM|DIN|JIS|ANSI|IEEE|JGJ|JTG|HJ|YY|QB|SN|NB|DL|SL|CJJ|TB|DB\d{2}"
)


_EMERGENCY_AFTER = "报警|接警|指挥|急救|热线|接到|电话|求助|平台|服务|中心|投诉|举报|出警"
_EMERGENCY_BEFORE = "拨打|致电|拨通|拨"
_EMERGENCY_WORDS = (*_EMERGENCY_AFTER.split("|"), *_EMERGENCY_BEFORE.split("|"))
"""What a service number holds, after it or before it: a text with none has none."""
_CODE_LABEL = (
    "电话|热线|手机|传真|邮编|邮政编码|编号|型号|代码|尾号|车牌号?|工号|学号|账号|帐号|"
    "订单号|单号|保单号|文号|证书号|注册号|身份证号|货号|批号|房号|QQ号?|微信号"
)
_CODE_LABELS = _CODE_LABEL.replace("号?", "").split("|")
"""The words that name a code (车牌 of 车牌号?), one of which a labelled code holds."""
_MODEL_NAME = (
    "Model|Windows|iPhone|iPad|Galaxy|Boeing|Airbus|Android|iOS|Xbox|PlayStation|"
    r"Type|Mark|Version|Mate|Note|Pixel|Long\sMarch"
)
_MODEL_WORDS = _MODEL_NAME.replace(r"\sMarch", "").split("|")
"""The names before a model's number (Long of Long March), one of which a model holds."""


_ZH_MARKER_NEEDS = digit_or("、", "(", "（", *map(chr, range(ord("①"), ord("⑳") + 1)))
"""What every Chinese list marker holds: its digits, its 、 after numerals, its opening
bracket or its circled number."""


def _zh_forms() -> list[Form]:
    return [
        Form(
            "title",
            "zh",
            Kind.NAME,
            _compile(r"《[^《》\n]{1,80}》|〈[^〈〉\n]{1,80}〉"),
            "A title in 《》: its numbers are part of the title, which a translation may render "
            "by another name.",
            "《拆弹专家2》近日宣布将于12月24日上映",
            wraps=True,
            needs=one_of("《", "〈"),
        ),
        Form(
            "edition",
            "zh",
            Kind.NAME,
            _compile(
                r"[（(]\s*[0-9]{4}\s*年?\s*版\s*[)）]"
                r"|[0-9]{1,3}\s*周年\p{Han}{0,6}?版(?![权面块图税本])"
            ),
            "An edition named by its year or anniversary: （2020版）, 20周年精华珍藏版.",
            "“部级领导干部历史文化讲座”20周年精华珍藏版",
            wraps=True,
            needs=DIGIT.and_one_of("版"),
        ),
        Form(
            "idiom",
            "zh",
            Kind.NAME,
            _compile(_ZH_IDIOMS),
            "An idiom: its numerals are figures of speech.",
            "有可能达到事半功倍的效果",
            read=_each_numeral,
            needs=_han_gate_of(_ZH_IDIOMS),
        ),
        Form(
            "words",
            "zh",
            None,
            _compile(_ZH_WORDS),
            "A word built with a numeral that states no number.",
            "统一部署，十分重要",
            needs=_han_gate_of(_ZH_WORDS),
        ),
        Form(
            "plan",
            "zh",
            Kind.NAME,
            _compile(
                r"(?P<n>十[一二三四五六七八九])五(?=规划|时期|期间|计划|[”’\"'」]|以来|末|初|中|开局|收官)"
            ),
            "A five-year plan named by its number: 十四五 is the 14th Five-Year Plan.",
            "“十四五”实现良好开局",
            read=_whole,
            needs=one_of("五"),
        ),
        Form(
            "congress",
            "zh",
            Kind.NAME,
            _compile(r"(?P<n>二?十[一二三四五六七八九]|二十)大(?![学型量家小约])"),
            "A Party congress named by its number: 十九大 is the 19th National Congress.",
            "学习贯彻十九大精神",
            read=_whole,
            needs=one_of("大"),
        ),
        Form(
            "group",
            "zh",
            Kind.NAME,
            _compile(r"(?P<n>[二三四五六七八九十]{1,3}|[0-9]{1,2})国集团"),
            "A group of countries named by their number: 七国集团 is the G7.",
            "二十国集团领导人峰会",
            read=_whole,
            needs=one_of("国集团"),
        ),
        Form(
            "craft",
            "zh",
            Kind.NAME,
            _compile(
                r"(?:长征|神舟|嫦娥|天宫|天舟|天问|风云|东方红|实践|高分|北斗|资源|海洋|遥感|天链|快舟|卫星)"
                r"(?P<n>[一二三四五六七八九十]+|[0-9]+)号"
            ),
            "A rocket, spacecraft or satellite named by its number: 嫦娥五号 is Chang'e-5.",
            "嫦娥五号探测器",
            read=_whole,
            needs=one_of("号"),
        ),
        Form(
            "road",
            "zh",
            Kind.NAME,
            _compile(
                r"(?<=[东西南北中经纬])(?P<n>[一二三四五六七八九十]{1,3})(?=路|街|巷|大道|马路)"
                r"|(?P<n>[二三四五六七])环(?=路|线|内|外|以内|以外|沿线|上|[，。、；：,;\s]|$)"
            ),
            "A road named by its number: 北一路 is North 1st Road, 三环 the Third Ring Road.",
            "高铁北一路555号",
            read=_groups,
            needs=one_of("路", "街", "巷", "环"),
        ),
        Form(
            "double-date",
            "zh",
            Kind.NAME,
            _compile(r"双(?P<n>十一|十二)"),
            "A shopping day named by its doubled date: 双十一 is 11 November.",
            "双十一购物节",
            read=_double,
            needs=one_of("双十"),
        ),
        Form(
            "event-date",
            "zh",
            Kind.NAME,
            _compile(
                rf"(?<![{_HAN_NUMERAL}百千万亿两第])(?:(?P<m>{_MONTH})\s?[·・]?\s?(?P<d>{_DAY})|(?P<m>十)(?P<d>一))"
                rf"(?![{_HAN_NUMERAL}百千万亿两点])"
                rf"(?:(?=\s*(?:{_EVENT_AFTER}))|(?<=(?:《[^》\n]{{0,20}}|庆|庆祝|欢度|纪念)"
                rf"(?:{_EVENT_PAIR_TEXT}))|(?<=[“\"「](?:{_EVENT_PAIR_TEXT}))(?=[”\"」]))"
            ),
            "A day named by its date: 五一 (1 May), 六一 (1 June), 九一八 (18 September), when an "
            "event word follows, a celebrating verb precedes, it stands alone in quotes (“六一”) "
            "or in a title (《六四孤儿教育基金》).",
            "五一档票房冠军",
            read=_groups,
            needs=one_of(*_HAN_NUMERAL),  # its month: 一 to 九, or 十 (十一)
        ),
        Form(
            "fifty-cent",
            "zh",
            Kind.NAME,
            _compile(r"五毛(?![钱])"),
            '五毛, the "fifty-cent" paid commenters: a name that spells 50 (cents).',
            "当反贼骂你五毛",
            read=_fifty,
            needs=one_of("五毛"),
        ),
        Form(
            "event-label",
            "zh",
            Kind.NAME,
            _compile(r"(?<![0-9])(?P<n>[0-9]{1,2}\s*[·・]\s*[0-9]{1,2})(?![0-9])"),
            "An event named by its date with a middle dot: 8·11汇改, written “8.11” in English.",
            "“8·11”汇改",
            read=_dotted_date,
            needs=DIGIT.and_one_of("·", "・"),
        ),
        *_code_forms("zh"),
        Form(
            "latin-dash",
            "zh",
            Kind.CODE,
            _compile(
                r"(?<![A-Za-z0-9\-－])[A-Za-z][A-Za-z0-9]*(?:[-－][A-Za-z0-9]+)*?[-－][0-9][A-Za-z0-9]*"
            ),
            "Latin letters joined to digits by a dash: a model or a name (B-52, COVID-19, "
            "LP700-4, Su-27).",
            "以及B-2 和B-52 等可携带核弹头的轰炸机",
            needs=DIGIT.and_one_of("-", "－"),
        ),
        Form(
            "emergency",
            "zh",
            Kind.CODE,
            _compile(
                _starting(
                    "[0-9]",
                    r"(?<![0-9])(?:110|119|120|122|12345|12315|12320|12306|12348|12369|12358)(?![0-9])"
                    rf"(?=\s*(?:{_EMERGENCY_AFTER}))"
                    rf"|(?<=(?:{_EMERGENCY_BEFORE})\s?)[0-9]{{3,5}}(?![0-9])",
                )
            ),
            "A service number (110 the police, 120 the ambulance, 12345 the city hotline).",
            "阿荣旗公安局110接到报警",
            needs=DIGIT.and_one_of(*_EMERGENCY_WORDS),
        ),
        Form(
            "labelled-code",
            "zh",
            Kind.CODE,
            _compile(
                rf"(?:{_CODE_LABEL})[号码]?"
                r"(?:是|为|：|:|\s|比如|如|例如|即){0,3}"
                r"(?P<codes>[0-9]+(?:[-－][0-9]+)*(?:\s?[，,、及和或]\s?[0-9]+(?:[-－][0-9]+)*)*)(?![0-9.])"
            ),
            "A number a word names as a code: a telephone, postcode, serial or policy number.",
            "保单尾号比如6666，8888这种特殊保单号段",
            read=_each_code,
            needs=DIGIT.and_one_of(*_CODE_LABELS),
        ),
        Form(
            "list-marker",
            "zh",
            Kind.CODE,
            _compile(
                _starting(
                    r"[\s(（0-9０-９一二三四五六七八九十①-⑳]",
                    r"(?:^|(?<=[。；;：\n!?！？]|(?<![0-9])[:]))\s*(?P<marker>"
                    r"(?P<n>[0-9０-９]{1,3})\s?[.．、](?![0-9０-９一二三四五六七八九十])"
                    r"|[（(](?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]"
                    r"|(?P<n>[一二三四五六七八九十]{1,3})、"
                    r"|(?P<n>[①-⑳]))",
                )
            ),
            "A list marker at the start of a sentence or after a colon: 1、, 2., （一）, ③. It "
            "names an item; it counts nothing.",
            "2.本店有仿品吗？",
            read=_marker,
            needs=_ZH_MARKER_NEEDS,
        ),
    ]


def _code_forms(lang: str) -> list[Form]:
    """Codes written the same way in both languages."""
    return [
        Form(
            "standard",
            lang,
            Kind.CODE,
            _compile(
                rf"(?<![A-Za-z])(?:{_STANDARD_BODIES})\s?[0-9]+(?:\.[0-9]+)*(?:[-—–:][0-9]{{2,4}})?"
                r"|ISBN[:：\s]*[0-9][0-9-]{8,16}[0-9Xx]"
            ),
            "A standard or a book number: GB/T 2260-2007, ISO 9001:2015, ISBN 978-7-5124-1581-2.",
            "执行GB/T 2260-2007标准",
            needs=DIGIT.and_one_of(*_STANDARD_BODIES.replace(r"\d{2}", "").split("|"), "ISBN"),
        ),
        Form(
            "stock",
            lang,
            Kind.CODE,
            _compile(r"(?<![0-9])[0-9]{4,6}\.(?:SH|SZ|HK|SS)\b"),
            "A stock code with its exchange: 600606.SH.",
            "绿地控股（600606.SH）",
            needs=DIGIT.and_one_of(".SH", ".SZ", ".HK", ".SS"),
        ),
        Form(
            "phone",
            lang,
            Kind.CODE,
            _PHONES[lang],
            "A telephone number: 0871-6512345, 415-575-4444.",
            _PHONE_EXAMPLES[lang],
            needs=_PHONE_NEEDS[lang],
        ),
        Form(
            "dotted",
            lang,
            Kind.CODE,
            # The first group is written once, before the two ways to go on: the regex module
            # scans an alternation of branches opening with a lookbehind 20 times slower. A
            # dot follows the first group either way, so it takes its whole run of digits.
            _compile(
                r"(?<![0-9.])[0-9]{1,4}"
                r"(?:(?:\.[0-9]{1,4}){3,}(?:/[0-9]{1,4}(?:\.[0-9]{1,4})+)*(?![0-9])"
                r"|(?:\.\s?[0-9]{1,4}){4,}(?:/[0-9]{1,4}(?:\.\s?[0-9]{1,4})+)*(?![0-9]))"
            ),
            "Four or more groups of digits joined by dots: a model number or an address "
            "(424.10.0.20.02.002, 192.168.1.1); a translation may space them out.",
            "石英女表424.10.0.20.02.002/27.60.55.001",
            needs=DIGIT.and_one_of("."),
        ),
        Form(
            "leading-zeros",
            lang,
            Kind.CODE,
            _compile(r"(?<![0-9.,])0[0-9]{5,}(?![0-9])"),
            "Six digits or more with a leading zero: a code (the stock code 000651), never an "
            "amount. Fewer digits with a leading zero are more often a number written wrong "
            '(0215 for 2015) or a piece of one (the 000 of "50, 000").',
            "格力电器（000651）",
            needs=DIGIT.and_one_of("0"),
        ),
    ]


_PHONES = {
    "zh": _compile(
        _starting(
            "[(（0-9]",
            r"(?<![0-9])[0-9]{3,4}[-－][0-9]{3,4}[-－][0-9]{3,4}(?![0-9])"
            r"|(?<![0-9])[(（]?0[0-9]{2,3}[)）]?[-－][0-9]{7,8}(?![0-9])",
        )
    ),
    "en": _compile(
        _starting(
            "[(0-9]",
            r"\(?\b[0-9]{3}\)?[\s.-][0-9]{3,4}[\s.-][0-9]{4}\b|\b0[0-9]{2,3}-[0-9]{7,8}\b",
        )
    ),
}
_PHONE_EXAMPLES = {"zh": "咨询电话0871-6512345", "en": "call 415-575-4444 for tickets"}
_PHONE_NEEDS = {"zh": DIGIT.and_one_of("-", "－"), "en": DIGIT}
"""A Chinese telephone number's groups are joined by dashes; an English one's may be
joined by spaces, which every text has."""


_DASH_DIGITS = tuple(f"-{digit}" for digit in range(10))
"""A dash and a digit after it, one of which every English latin-dash code holds."""
_RUN_WITH_DASH_DIGIT = _compile(r"[^\p{L}0-9-](?=[\p{L}\d-]*-[0-9])")
"""What an English latin-dash code starts right after when it does not start the text:
a character that is no letter, digit or dash (its lookbehind), before a run of letters,
digits (``\\d`` in H5N1) and dashes that holds a dash and a digit, as the code does up
to its end. Tried only there (:attr:`Form.starts`), the pattern is no longer tried at
each letter of each word, where its lookahead for a dash scanned the rest of the word."""


def _en_forms() -> list[Form]:
    return [
        Form(
            "model",
            "en",
            Kind.CODE,
            _compile(
                rf"\b(?:{_MODEL_NAME})[\s-](?P<n>[0-9]+)(?=[A-Za-z]*\b)",
                regex.IGNORECASE,
            ),
            'A product or craft named by its number, a model code: "Boeing 737", "iPhone 15".',
            "the Boeing 737 Max",
            needs=DIGIT.and_one_of(*_MODEL_WORDS),
        ),
        Form(
            "group",
            "en",
            Kind.NAME,
            _compile(r"\bG(?P<n>[0-9]{1,2})\b|\bGroup\sof\s(?P<n>Seven|Eight|Twenty)\b"),
            "A group of countries named by their number: the G7, the Group of Twenty (七国集团, "
            "二十国集团).",
            "the G20 summit in Hangzhou",
            read=_group,
            needs=digit_or("group"),
        ),
        Form(
            "words",
            "en",
            None,
            _compile(_EN_WORDS, regex.IGNORECASE),
            'A set phrase with "one" or "a" that states no number.',
            "one of the largest",
            needs=_gate_of(_EN_PHRASES),
        ),
        Form(
            "latin-dash",
            "en",
            Kind.CODE,
            _compile(
                _starting(  # a letter, then letters and digits (H5N1) up to the dash
                    r"\p{L}[\p{L}\d]*-",
                    rf"(?<![\p{{L}}0-9-])(?:(?i:{_CODE_WORDS})|(?!{_CURRENCY_LETTERS}[0-9])\p{{Lu}}[\p{{L}}0-9]*)"
                    r"(?:-[\p{L}0-9]+)*?(?>-[0-9]+)(?!['’]?s\b)[\p{L}0-9]*",
                )
            ),
            'An upper-case name joined to digits by a dash (COVID-19, Su-27, A-380; "tons-150" '
            'is none), and a disease in any case ("covid-19").',
            "symptoms of covid-19 patients",
            needs=one_of(*_DASH_DIGITS),  # its (?>-[0-9]+): most dashes join words
            starts=_RUN_WITH_DASH_DIGIT,
        ),
        Form(
            "hash",
            "en",
            Kind.CODE,
            _compile(r"#[0-9]+"),
            "A number after #: an item or a ticket.",
            "Meal order #1024 was late",
            needs=DIGIT.and_one_of("#"),
        ),
        *_code_forms("en"),
        Form(
            "list-marker",
            "en",
            Kind.CODE,
            _compile(
                _starting(
                    r"[\s(\[0-9]",
                    r"(?:^|(?<=[\p{L}\s][:;]\s))\s*(?P<marker>[(\[]?(?P<n>[0-9]{1,4})\s?[.)\]])"
                    r"(?=\s+[\p{L}\"“(\[])",
                )
            ),
            'A list marker at the start of a sentence or after a colon: "2. Does the store…".',
            "2. Does the store have counterfeits?",
            read=_marker,
            needs=DIGIT,
            starts=_compile(r"[:;]\s"),  # what its lookbehind asks for
        ),
        Form(
            "quoted-title",
            "en",
            Kind.NAME,
            _QUOTED,
            "A title in quotes, in title case: its numbers are part of the title.",
            "MCDF established the “June 4th Orphan Education Fund”",
            wraps=True,
            when=lambda m: _title_cased(m.group("t")),
            needs=one_of('"', "“"),
        ),
    ]


_QUOTED = _compile(r"[“\"](?P<t>[^“”\"\n]{2,100})[”\"]")
_WORD = _compile(r"[\p{L}0-9][\p{L}0-9'’&.-]*")
MAX_TITLE_WORDS = 12


def _title_cased(quoted: str) -> bool:
    """Quoted words in title case, as a title is written ("June 4th Orphan Education
    Fund"), not a quoted sentence: every word of four letters or more capitalised, at least
    two of them, and no more than :data:`MAX_TITLE_WORDS` words.

    >>> _title_cased("June 4th Orphan Education Fund"), _title_cased("This is COVID-19, folks!")
    (True, False)
    """
    words = _WORD.findall(quoted)
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    return (
        len(words) <= MAX_TITLE_WORDS
        and len(long_words) >= 2
        and all(w[0].isupper() for w in long_words)
    )


_LIST_STUB = {"zh": _compile(r"^\s*[.．、]"), "en": _compile(r"^\s*[.)\]]\s")}
"""A list marker whose number was dropped leaves its dot: ". Exchange or return…"."""

FORMS: dict[str, list[Form]] = {"zh": _zh_forms(), "en": _en_forms()}
"""Every form, by language, in the order tried: a form takes no number an earlier one took."""


# --- finding names and codes -----------------------------------------------------


_GATES = {lang: Gates.of(form.needs for form in forms) for lang, forms in FORMS.items()}
"""The forms' gates, each checked once per text: many forms share one (a digit gates
most codes)."""
_NO_GATES = Gates.of(())


class Found(NamedTuple):
    """What the forms find in one text (offsets into the text): names and codes, the spans
    of the forms that read them (where a reader's figure is dropped), all spans the
    readers leave alone (those and set phrases), and the spans whose reader figures
    become names."""

    figures: tuple[Figure, ...]
    claims: tuple[tuple[int, int], ...]
    shields: tuple[tuple[int, int], ...]
    wraps: tuple[tuple[int, int], ...]


def shielded(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of ``text`` the reader of ``lang`` leaves alone: names, codes and set
    phrases read here."""
    return list(find(text, lang).shields)


def shield(lang: str) -> Read:
    """The reader, in ``lang``'s registry, that takes the spans of :func:`shielded`: no
    reader after it reads a figure in a name, a code or a set phrase (:func:`apply` reads
    those).

    >>> from bitext.figures.values import Occupied
    >>> taken = Occupied()
    >>> shield("en")("one of the Boeing 737 jets", taken), taken.covers(0)
    ([], True)
    """

    def read(text: str, taken: Occupied) -> list[Figure]:
        """Takes the spans of names, codes and set phrases."""
        for start, end in shielded(text, lang):
            taken.add(start, end)
        return []

    return read


def read(text: str, lang: str) -> list[Figure]:
    """The names and codes the forms find in ``text`` (not those the readers' output
    makes names, see :func:`apply`)."""
    return list(find(text, lang).figures)


@functools.lru_cache(maxsize=64)
def find(text: str, lang: str) -> Found:
    """Names, codes, set phrases and wrapped spans of ``text``, each form in turn."""
    view = simplified(text) if lang == "zh" else text
    taken = Occupied()
    figures: list[Figure] = []
    claims: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    wraps: list[tuple[int, int]] = []
    forms = FORMS.get(lang, ())
    for form in map(forms.__getitem__, _GATES.get(lang, _NO_GATES).open_entries(view)):
        for match in _matches(form, view):
            if taken.overlaps(*match.span()) or (form.when and not form.when(match)):
                continue
            if form.wraps:
                wraps.append(match.span())
                continue
            taken.add(*match.span())
            if form.kind is None:
                words.append(match.span())
                continue
            numbers = form.read(match) if form.read else [_whole_code(match)]
            figures += [_figure(text, lang, form.kind, number) for number in numbers]
            claims.append(match.span())
    if not (figures or claims or words or wraps):
        return _NOTHING  # most texts: no form matched (and no event can be said again)
    if lang == "zh":
        figures += _repeated_events(view, text, figures, taken)
    figures.sort(key=lambda f: f.start)
    claims += [(f.start, f.end) for f in figures]
    shields = sorted({*claims, *words})
    return Found(tuple(figures), tuple(sorted(set(claims))), tuple(shields), tuple(wraps))


_NOTHING = Found((), (), (), ())
"""What the forms find in most texts."""


def _matches(form: Form, text: str) -> Iterable[regex.Match[str]]:
    """The matches of ``form.pattern.finditer(text)``. A form that gives its ``starts``
    matches only at the start of the text and right after them (its ``^`` or its
    lookbehind), so the pattern is tried there alone, in order, each place after the last
    match's end as a search would resume: a list marker's pattern searched for through a
    line tries every space ("2. Does…" and "Note: 1. Take…" in English; a Chinese line
    is searched, as its pattern tries only numerals and a few marks, as fast as its
    marks are found).

    >>> marker = next(f for f in FORMS["en"] if f.name == "list-marker")
    >>> [m.group("marker") for m in _matches(marker, "1. Sign up. Steps: 2. Pay; 3 days")]
    ['1.', '2.']
    """
    if form.starts is None:
        return form.pattern.finditer(text)
    found = []
    pos = 0
    for start in itertools.chain((0,), (mark.end() for mark in form.starts.finditer(text))):
        if start < pos:
            continue
        match = form.pattern.match(text, start)
        if match is not None:
            found.append(match)
            pos = match.end()
    return found


def _whole_code(match: regex.Match[str]) -> Number:
    return (match.start(), match.end(), Decimal(0), code_digits(match.group()))


def _figure(text: str, lang: str, kind: Kind, number: Number) -> Figure:
    start, end, value, digits = number
    if kind == Kind.CODE:
        value = Decimal(int(digits)) if digits else Decimal(0)
    return Figure(
        start=start, end=end, text=text[start:end], lang=lang, value=value, kind=kind, digits=digits
    )


def _repeated_events(
    view: str, text: str, figures: Sequence[Figure], taken: Occupied
) -> list[Figure]:
    """A day named by its date, said again in the same text without the word that made it
    one, is the same name: 《六四孤儿教育基金》… 所有六四孤儿."""
    events = {
        view[f.start : g.end]
        for f, g in itertools.pairwise(figures)
        if f.kind == g.kind == Kind.NAME
        and f.end == g.start
        and _is_event_pair(view[f.start : g.end])
    }
    found: list[Figure] = []
    for event in events:
        for match in regex.finditer(
            rf"(?<![{_HAN_NUMERAL}]){regex.escape(event)}(?![{_HAN_NUMERAL}])", view
        ):
            if taken.overlaps(*match.span()):
                continue
            again = _EVENT_PAIR.fullmatch(view, *match.span())
            if again is not None:
                found += [_figure(text, "zh", Kind.NAME, n) for n in _groups(again)]
                taken.add(*match.span())
    return found


_EVENT_PAIR = _compile(_EVENT_PAIR_TEXT)


def _is_event_pair(token: str) -> bool:
    return _EVENT_PAIR.fullmatch(token) is not None


# --- the pass over the readers' output ------------------------------------------


def apply(figures: Iterable[Figure], text: str, lang: str, base: int = 0) -> list[Figure]:
    """The readers' ``figures`` of ``text`` (offsets ``base`` + positions) as names and
    codes make them: a figure where a form read a name or a code is dropped (十九大 is a
    name, not an ordinal), one inside a title becomes a name, a bare count of eleven digits
    or more becomes a code (:func:`_long_code`), and the names and codes found here are
    added, with Latin tokens holding digits that no reader took (5G, "G20").

    >>> from bitext.figures import extract
    >>> [(f.text, f.kind.value) for f in extract("导演执导过《十月围城》", "zh")]
    [('十月', 'name')]
    """
    found = find(text, lang)
    if found is _NOTHING:  # most texts: no claim or wrap to look up
        kept = [_as_code(f) if _long_code(f) else f for f in figures]
    else:
        kept = _kept(figures, found, base)
    added = list(found.figures)
    if _LEFTOVER_CLUE[lang].search(text) is not None and _LATIN.search(text) is not None:
        # what every leftover code holds: a digit (in English, next to a letter), and a
        # Latin letter (_leftover_codes keeps no token without one)
        taken = Occupied([*((f.start - base, f.end - base) for f in kept), *found.shields])
        added += _leftover_codes(text, lang, taken)
    added = [f._replace(start=f.start + base, end=f.end + base) for f in added]
    return sorted([*kept, *added], key=lambda f: f.start)


def _kept(figures: Iterable[Figure], found: Found, base: int) -> list[Figure]:
    """The readers' ``figures`` less those where a form read a name or a code, a long
    count as a code and a figure inside a title as a name (:func:`apply`)."""
    claims, wraps = Occupied(found.claims), Occupied(found.wraps)
    kept: list[Figure] = []
    for figure in figures:
        start, end = figure.start - base, figure.end - base
        if claims.overlaps(start, end):
            continue
        if _long_code(figure):
            figure = _as_code(figure)
        elif wraps.overlaps(start, end) and not figure.soft:
            figure = figure._replace(kind=Kind.NAME)  # soft ones ("Double") stay soft
        kept.append(figure)
    return kept


def _as_code(figure: Figure) -> Figure:
    return figure._replace(kind=Kind.CODE, digits=code_digits(figure.text))


LONG_CODE = 11
"""Digits in a row that make a code, not an amount: a mobile number has 11, an ISBN 13,
an ID number 18. Amounts that large are written with 万/亿 or separators."""


def _long_code(figure: Figure) -> bool:
    """A bare count of :data:`LONG_CODE` digits or more: 9787512415812 is an ISBN. (A
    figure with a unit, 9999…元, stays an amount.)"""
    if figure.kind != Kind.COUNT or figure.unit is not None or figure.high is not None:
        return False
    digits = figure.text.strip().translate(FULL_WIDTH_DIGITS)
    return len(digits) >= LONG_CODE and digits.isdigit()


_LEFTOVER = {
    "zh": _compile(
        _starting(  # the Latin word before the token, or the token
            r"[\p{Latin}0-9]",
            r"(?:(?<![\p{Latin}0-9])\p{Latin}[\p{Latin}'.]*\s?)?(?<![\p{Latin}0-9.])"
            r"(?=[\p{Latin}0-9]*[0-9])[\p{Latin}0-9]+(?:[-.][\p{Latin}0-9]+)*",
        )
    ),
    "en": _compile(r"[\p{L}0-9]*[0-9][\p{L}0-9]*"),
}
"""A Latin token that holds digits: in Chinese text with the Latin word before it
("Porsche 911", 5G, iPhone7); in English a whole run of letters and digits that holds a
digit, which is a code when it holds a letter too (G20, 8K) and no full stop comes before
it (:func:`_leftover_codes`). The English pattern opens with no lookbehind: the ``regex``
module would check one at every position of the text, twice the time of the search."""


_LEFTOVER_CLUE = {
    "zh": _compile(r"[0-9]"),
    "en": _compile(r"[0-9](?:(?=\p{L})|(?<=\p{L}[0-9]))"),
}
"""What every leftover code holds (:func:`_leftover_codes`): a digit (``[0-9]``) in
Chinese; in English a digit next to a letter, since its run of letters and digits holds
a letter and a digit, and the first character that is no digit on the way from one to
the other is a letter. A text without it holds no leftover code, and most texts hold
none (three in four Chinese lines, three in four English lines with a digit and a Latin
letter), so :func:`apply` looks for none there.

>>> [bool(_LEFTOVER_CLUE["en"].search(t)) for t in ("G20 and 5 G", "the 5G", "COVID-19")]
[True, True, False]
"""


_LATIN = _compile(r"\p{Latin}")


def _leftover_codes(text: str, lang: str, taken: Occupied) -> list[Figure]:
    """Latin tokens with digits that no reader and no form took: codes and model names."""
    codes = []
    for match in _LEFTOVER[lang].finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end) or not _LATIN.search(match.group()):
            continue
        if lang == "en" and text[start - 1 : start] == ".":
            continue  # the rest of a dotted name (www.12377.cn), no token of its own
        codes.append(_figure(text, lang, Kind.CODE, _whole_code(match)))
    return codes


# --- what compare and judge ask ---------------------------------------------------

_PREFIX = _compile(r"^[^0-9]*")
_CLASSIFIED = _compile(r"[^\P{Han}零〇一二两三四五六七八九十百千万亿]")
"""A Han character that is no numeral: the measure word of 737 名."""


def code_key(figure: Figure) -> str:
    """What a code is called apart from its digits, to tell two codes of one thing
    (COVID-19 and COVID-1000) from two different codes (B-52 and F-35C): its letters
    before the first digit, in upper case; "#" for a list marker.

    >>> from bitext.figures import extract
    >>> [code_key(f) for f in extract("换代车型LP700-4与Porsche 911", "zh")]
    ['LP', 'PORSCHE']
    """
    if is_marker(figure):
        return "#"
    return regex.sub(r"[^\p{L}]", "", _PREFIX.match(figure.text).group()).upper()


_MARKER_TEXT = _compile(
    r"^\s*(?:[(\[（](?:[0-9０-９]{1,4}|[一二三四五六七八九十]{1,3})[)\]）]"
    r"|(?:[0-9０-９]{1,4}|[一二三四五六七八九十]{1,3})\s?[.．、)\]]|[①-⑳])$"
)


def is_marker(figure: Figure) -> bool:
    """A list marker: 2., 1、, （一）, (3), ③."""
    return figure.kind == Kind.CODE and _MARKER_TEXT.match(figure.text) is not None


def spells(code: Figure, other: Figure) -> bool:
    """``other``, a figure of the readers, is written as ``code`` is: the same text ("4K"
    read as 4,000 for the code 4K), a plain number with the code's digits (110 for the
    service number 110; "911" for Porsche 911), or a Chinese rank of its number (Ⅱ级 for
    "L2", 2型 for "Type 2"). A quantity with a unit or a Chinese measure word never is
    ("737 名" is no Boeing 737)."""
    if other.text.strip().lower() == code.text.strip().lower():
        return True
    if other.kind == Kind.NAME:  # 七国集团 for "G7": a name spelt in Chinese numerals
        return _digits_of(other.value) == code.digits
    if not (plain(other) or _rank(other)):
        return False
    written = code_digits(other.text)
    if not written and other.lang == "zh":  # Ⅱ级 for "L2": a rank spelt without digits
        written = _digits_of(other.value)
    if written == code.digits:
        return True
    # One end of a range, whose text holds both: "6666 and 8888" for the codes 6666, 8888.
    return _stands_alone(code.digits, other.text) and _digits_of(other.value) == code.digits


def _stands_alone(digits: str, text: str) -> bool:
    """``digits`` are in ``text`` with no digit 0-9 right before or after them.

    >>> _stands_alone("6666", "6666 and 8888"), _stands_alone("666", "6666 and 8888")
    (True, False)
    """
    at = text.find(digits)
    while at >= 0:
        end = at + len(digits)
        if (at == 0 or text[at - 1] not in _ASCII_DIGITS) and (
            end == len(text) or text[end] not in _ASCII_DIGITS
        ):
            return True
        at = text.find(digits, at + 1)
    return False


_ASCII_DIGITS = frozenset("0123456789")


def plain(figure: Figure) -> bool:
    """A bare number: no unit, no currency and, in Chinese, no measure word after it (911,
    "the 14th", 25日, "half" are plain; 737 名, 5万元, 3% are not)."""
    if figure.kind in _QUANTITIES or (figure.unit is not None and figure.kind not in _SHARES):
        return False
    if figure.lang != "zh" or figure.kind != Kind.COUNT:
        return True
    return _CLASSIFIED.search(figure.text) is None


_RANK = _compile(r"^[\s0-9０-９零〇一二两三四五六七八九十ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX]+\s*[级型号类期代版]$")


def _rank(figure: Figure) -> bool:
    """A Chinese count or level of a rank or a type, which codes name too: Ⅱ级, 2型, 5号."""
    return (
        figure.lang == "zh"
        and figure.kind in (Kind.COUNT, Kind.LEVEL)
        and _RANK.match(figure.text) is not None
    )


_QUANTITIES = frozenset({Kind.MONEY, Kind.MEASURE, Kind.PERCENT, Kind.PP})
_SHARES = frozenset({Kind.FRACTION, Kind.MULTIPLE})
"""Shares an idiom spells in words: "half" (事半功倍), "double"."""


def stub(code: Figure, other_text: str) -> str | None:
    """What is left of ``code`` in ``other_text`` when its digits were dropped there: its
    letters and dash with no digits after them (CMV-22 → "CMV- Osprey"), or the dot of a
    list marker opening the text (". Exchange or return…")."""
    if is_marker(code):
        left = _LIST_STUB["en" if code.lang == "zh" else "zh"].search(other_text)
        return left.group().strip() if left else None
    letters = regex.match(r"[\p{Latin}]+[-－]", code.text)
    if letters is None:
        return None
    prefix = regex.escape(letters.group()[:-1])
    left = regex.search(
        rf"(?<![\p{{L}}0-9]){prefix}[-－](?!\s*[0-9])", other_text, regex.IGNORECASE
    )
    return left.group() if left else None


def in_code(figure: Figure, other_text: str, codes: Iterable[Figure] = ()) -> bool:
    """A number of one side that the other writes inside a code: glued to its letters (卡-52
    and "Ka-52", 737Classic and "737 Classic"), or a piece of one of ``codes`` that the
    text split at its dots ("424.10. 0.20. 02.002/27.60. 55.001", whose sentences a
    translation's full stops cut, for 424.10.0.20.02.002/27.60.55.001).

    >>> from bitext.figures import extract
    >>> in_code(extract("卡-52直升机", "zh")[0], "a Ka-52 helicopter")
    True
    >>> code = extract("石英女表424.10.0.20.02.002/27.60.55.001", "zh")[0]
    >>> [(f.text, in_code(f, "", [code])) for f in extract("Watch 424.10. 0.20", "en")]
    [('424.10', True), ('0.20', True)]
    """
    if figure.kind == Kind.COUNT and figure.unit is None and figure.text.isdigit():
        glued = rf"(?:[A-Za-z]-?{figure.text}(?![0-9])|(?<![0-9]){figure.text}[A-Za-z])"
        if regex.search(glued, other_text) is not None:
            return True
    digits = code_digits(figure.text)
    if len(digits) < MIN_PIECE or not regex.search(r"[0-9][.．/-][0-9]", figure.text):
        return False
    return any(len(code.digits) >= LONG_CODE and digits in code.digits for code in codes)


MIN_PIECE = 3
"""Digits a piece of a split code keeps: "0.20" is one, "1.5" could be anything."""


def corrected(code: Figure, wrong: Figure) -> str | None:
    """``wrong`` with ``code``'s digits, where its digits are one run: "COVID-1000" for
    COVID-1 → "COVID-1"."""
    runs = regex.findall(r"[0-9]+", wrong.text)
    if len(runs) != 1 or not code.digits:
        return None
    return wrong.text.replace(runs[0], code.digits)
