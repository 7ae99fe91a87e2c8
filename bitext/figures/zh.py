"""Figures in Chinese text, normalized to values.

A figure is a number token (Arabic, full-width or Chinese numerals) read
together with what surrounds it: a multiplier (387.75 万), an approximation
(近, 约, 余, 多, 左右, 上万, 数十), a sign, a percent sign or 百分之, 个百分点,
成, 倍, 翻一番, 分之, a currency or unit (:mod:`bitext.figures.units`),
年/月/日/号, 第 for ordinals, and a second number for a range (5至10万元).

Chinese numerals are everywhere in ordinary words (一些, 统一, 十分, 万一), so
a Chinese-numeral token only counts when a unit, a classifier or a
multiplier says it is a quantity. Small Chinese numerals (一名教师, 第二) are
*soft*: English often renders them as "a" or leaves them implicit. Numbers in
Latin text embedded in the Chinese ("(Representation of the People Act 1983)")
and digits glued to Latin letters (5G) are no quantities. Names and codes (十四五,
十九大, 五一, B-52, 415-575-4444) are :mod:`bitext.figures.names`'s: this reader leaves
the spans of :func:`~bitext.figures.names.shielded` alone
(:func:`~bitext.figures.names.shield`).

The readers are the entries of :data:`READERS`, in precedence order; each reads
only where no reader before it took the text, so where two would read overlapping
figures the one listed first wins (:mod:`bitext.figures.reading`). Forms read whole
come first, the longer or more specific before the shorter: 20世纪90年代末 is one
decade (decade before century), 20：30-21:30 two times of day, not a score 30-21
(colon-clock before score), 零时许 a clock time with its 许 (clock before midnight).
Then names, codes and words with numerals in them take their text (names), and plain
numbers (number) come last, outside everything taken: the 3 and 30 of 下午3时30分
are not read again as numbers.

>>> [(f.text, f.value, f.unit) for f in extract("投入 387.75 万元,培训 8 期")]
[('387.75 万元', Decimal('3877500'), 'CNY'), ('8 期', Decimal('8'), None)]
"""

from __future__ import annotations

import functools
import itertools
from decimal import Decimal
from typing import NamedTuple

import regex

from bitext.cache.patterns import compile as _compile
from bitext.figures import names
from bitext.figures.reading import (
    DIGIT,
    Alternatives,
    Gates,
    Reader,
    date_stamps,
    figure_of,
    one_of,
    placed,
    read_in_turn,
    whole,
)
from bitext.figures.units import Dimension, longest_first, spellings
from bitext.figures.values import (
    MULTIPLIERS,
    SOFT_LIMIT,
    Occupied,
    after,
    ahead,
    clock_value,
    date_value,
    ends_at,
    is_digit_sequence,
    parse_arabic,
    parse_chinese,
    roman_value,
    share,
    tidy,
    too_long,
)
from bitext.hans import simplified
from bitext.model import Approx, Figure, Kind

CLASSIFIERS = (
    "个名位人家所项条次期批件台辆套座处种类块张本篇份户村镇乡县省市国届场轮季间栋层排行列"
    "组队支只头匹棵株架艘枚颗粒首部集章节起宗笔例门床幢股趟遍回番元角分级枪球局盘杆"
    "页杯瓶碗盒箱袋桶"
)
APPROX_BEFORE = {
    "大约": Approx.ABOUT, "约合": Approx.ABOUT, "约": Approx.ABOUT, "将近": Approx.UNDER, "接近": Approx.UNDER,
    "近": Approx.UNDER, "超过": Approx.OVER, "逾": Approx.OVER, "超": Approx.OVER, "多达": Approx.ABOUT, "高于": Approx.OVER,
    "至少": Approx.OVER, "不到": Approx.UNDER, "不足": Approx.UNDER, "低于": Approx.UNDER, "最多": Approx.UNDER,
    "上": Approx.VAGUE, "数": Approx.VAGUE, "几": Approx.VAGUE, "不低于": Approx.OVER, "不少于": Approx.OVER,
    "不超过": Approx.UNDER, "不高于": Approx.UNDER, "不多于": Approx.UNDER,
}  # fmt: skip
APPROX_AFTER = {
    "余": Approx.OVER, "多": Approx.OVER, "来": Approx.OVER, "几": Approx.VAGUE, "以上": Approx.OVER, "出头": Approx.OVER,
    "以下": Approx.UNDER, "左右": Approx.ABOUT, "上下": Approx.ABOUT, "许": Approx.ABOUT,
}  # fmt: skip

_AR = r"(?>[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)"
_CN = r"[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?[万亿]*"
_AR_MULT = r"(?:\s?(?:万亿|千万|百万|个亿(?!元以上|元级)|亿|万|千(?![米克瓦卡焦帕兆])))?"
"""20个亿 is two billion; 20 个亿元以上项目 is twenty projects of a hundred million or more."""
NUMBER = _compile(
    rf"(?P<ar>(?<![0-9０-９][.．])(?<![0-9０-９][,，](?=[0-9]{{3}}(?![0-9])))(?<![0-9０-９.．\p{{Latin}}]){_AR}(?![0-9０-９]))(?P<armult>{_AR_MULT})"
    rf"|(?P<cn>{_CN})"
)
_SMALL_CN = r"[一二三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九]"
_SMALL = rf"[0-9０-９]{{1,2}}|{_SMALL_CN}"
"""An hour or a minute: 0 to 99 in digits or well-formed numerals (十一, 二十三, 五十九), so
that 十一二点 ("11 or 12 o'clock") is no hour "十一二" that cn2an cannot parse. An hour in
numerals starts where no numeral precedes it (its digits likewise): 周五17时 is 17:00."""

_APPROX_BEFORE = _compile(
    "(?<![节制签条合公预邀相婚纽])(?:"  # 纽约: 新华社纽约7月26日电 is New York, not "about July"
    + "|".join(sorted(APPROX_BEFORE, key=len, reverse=True))
    + r")\s*$"
)
_APPROX_AFTER = _compile(r"\s*(?:" + "|".join(sorted(APPROX_AFTER, key=len, reverse=True)) + ")")
_PERCENT_AFTER = _compile(
    r"\s*(?:%|％|‰|个百分点|百分点|成(?![为功本立果长交员都绩就熟型品年人效])|倍)"
)
_RANGE_JOIN = _compile(r"\s*(?:至|到|-|—|–|~|～|－)\s*")
_DATE_UNIT = _compile(r"\s*(?:年(?!代|级|龄|纪|轻|均)|月份?|日|号)")
_GLUED_LATIN = _compile(r"\s?([A-Za-z]+(?:/[A-Za-z]+)?)")
"""Letters after digits, with a per-unit (km/h): 100km/h is a speed, not 100 km."""
_SIGN = _compile(r"(?:(?:^|(?<=[\s(（为是达至到降跌了在率值：:，,]))[-−－]|负\s*|地下\s*)$")
_RANGE_DASH = _compile(r"[0-9０-９%％‰]\s*[-−－]\s*$")
"""15% -30%: a dash after a figure joins a range; the second end is no negative number."""
_LETTER_ZERO = _compile(r"(?<=[一二三四五六七八九〇零])[OＯ○](?=[一二三四五六七八九〇零])")
"""六O二厂, 二○一八: a letter O or a circle written for 〇."""
_SPEED = _compile(r"时速\s*$")
_NAMED_BY_DIGITS = _compile(r"[一二三四五六七八九][〇零][一二三四五六七八九〇零]+")
"""六〇二厂: a number read out digit by digit with a zero in it is the number 602."""
_PERIOD = r"(?:(?P<period>上午|下午|凌晨|晚上|早上|早晨|中午|傍晚|夜间|夜里|晚|早)|(?<!\s))\s*"
r"""Where a clock starts: at its part of the day (下午, 晚) or where the spaces before it
start (?<!\s): tried at every space of a long run, \s* made the search quadratic."""
_CLOCK = _compile(
    rf"{_PERIOD}"
    rf"(?P<h>(?<![0-9０-９])[0-9０-９]{{1,2}}|(?<![零〇一二两三四五六七八九十])(?:{_SMALL_CN}))\s*(?P<mark>时|点(?=\s*{_SMALL}\s*分)|点(?![零〇一二三四五六七八九0-9]))"
    rf"(?:\s*(?P<m>{_SMALL})\s*分)?(?P<half>半)?(?P<approx>左右|许)?"
)
_COLON_CLOCK = _compile(
    rf"{_PERIOD}"
    r"(?<![0-9.:])(?P<h>[0-2]?[0-9])(?:[:：](?P<m>[0-5][0-9])(?:[:：](?P<s>[0-5][0-9]))?(?![0-9:])"
    r"|[Hh](?P<m>[0-5][0-9])(?![0-9]))"
)
"""07:30, 19:44:50, 晚7:30, and 08H00 as Macao's notices write it."""
_HOUR_MARK = _compile(r"[0-9０-９零〇一二两三四五六七八九十]\s*[时点]")
"""What every :data:`_CLOCK` holds: the last character of its hour (a digit, or a numeral
of :data:`_SMALL_CN`), then its 时 or 点. Scanning for it costs a fifth of scanning for
the pattern, which tries its parts of the day and its lookbehinds at every character."""
_COLON_MINUTES = _compile(r"[0-9][:：Hh][0-5][0-9]")
"""What every :data:`_COLON_CLOCK` holds: its hour's last digit, a colon (or H) and its
minutes; a scan for it costs a fiftieth of one for the pattern."""
_COLON_CLOCK_MARKS = (":", "：", "H", "h")
"""What every :data:`_COLON_CLOCK` holds after its hour, its reader's gate: a text without
one has no such clock, and the pattern, which has no fixed start, costs a scan."""
_CLOCK_ORPHAN = _compile(r"(?:^|(?<=\s))[:：][0-5][0-9](?![0-9:：])")
_DURATION = _compile(
    r"(?:(?P<h>[0-9]{1,2})\s*小时\s*)?(?P<m>[0-9]{1,3})\s*分(?:钟)?\s*(?P<s>[0-9]{1,2})\s*秒"
    r"\s*(?P<f>[0-9]{1,3})?(?![0-9])"
)
_SLASH_FRACTION = _compile(r"(?<![0-9/.])(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})(?![0-9/.])")
_POST_DECADES = _compile(r"(?P<d>[0-9]0)(?=(?:\s*[、和]\s*[0-9]0)*\s*后)")
"""80后, 80、90后: the generations born in the 1980s and 1990s."""
_APPROX_AFTER_UNIT = _compile(r"\s*(?:以上|以下|左右|上下)")
_REMAINDER = _compile(r"(?P<n>[0-9]{1,4})(?P<w>万)?(?![0-9.])")
_SHARED_POINTS = _compile(r"个\s*[、和及]\s*[0-9.]+\s*个百分点")
_SCORE = Alternatives.of(
    (
        r"(?<![0-9.])(?P<a>[0-9]{1,3})\s*(?:比|(?P<dash>-))\s*(?P<b>[0-9]{1,3})(?![0-9.%％])",
        r"(?<![0-9.:：])(?P<a>[0-9]{1,2})[:：](?P<b>[0-9])(?![0-9.:：])",  # 3:0 (a clock has 3:00)
    )
)
_SCORE_JOIN = _compile(r"[0-9]\s*[比:：-]\s*[0-9]")
"""What every :data:`_SCORE` holds: a digit, 比, a dash or a colon, and a digit, spaces
allowed between (none in 3:0); a scan for it costs a twentieth of one for the pattern."""
_SCORE_MARKS = ("比", "-", ":", "：")
"""What every :data:`_SCORE` holds between its numbers, its reader's gate: a text without one
has no score."""
_RATIO = _compile(
    r"(?<![0-9.])(?P<a>[0-9]+(?:\.[0-9]+)?)\s*∶\s*(?P<b>[0-9]+(?:\.[0-9]+)?)(?![0-9])"
)
"""1∶1, 2∶1, 1∶50000: the ratio sign (U+2236) joins one ratio, never two counts."""
_STREAK = _compile(r"(?P<n>[0-9]{1,2}|[二两三四五六七八九十]{1,3})连(?P<how>胜|败|负)")
_SUCCESSIVE = _compile(
    r"(?<![0-9零〇一二两三四五六七八九十百千万])(?P<n>[0-9]{1,2}|[二两三四五六七八九十]{1,3})"
    r"连(?=[丰冠涨跌降增升霸任])."
)
"""十八连丰, 四连冠, 五连涨, 三连任: a run of successive harvests, titles, rises or terms."""
_DECADE = _compile(
    r"(?:(?P<c>[0-9]{2}|[一二]?十[一二三四五六七八九]?)\s*世纪\s*|上世纪\s*)?"
    r"(?:(?P<first>[一二三四五六七八])(?=[二三四五六七八九]十))?"
    r"(?P<d>(?:1[5-9]|20)?[0-9]0|[一二三四五六七八九]十)\s*年代"
)
_CENTURY = _compile(
    r"(?:(?<![0-9])(?P<first>[0-9]{1,2}|[一二]?十[一二三四五六七八九]?)\s*(?:世纪)?\s*[-—–~～至到]\s*)?"
    r"(?P<c>[0-9]{1,2}|[一二]?十[一二三四五六七八九]?)\s*世纪"
)
"""20 世纪, and 18-19世纪 (the 18th to the 19th century), a range of centuries."""
_VAGUE = _compile(
    r"成千上万|成千上百|成百上千|数以万计|数以千计|数以百万计|数以亿计|万千(?![瓦克米卡焦])"
)
_VAGUE_VALUES = {"成千上万": 1000, "成千上百": 100, "成百上千": 100, "数以万计": 10**4, "数以千计": 1000,
                 "数以百万计": 10**6, "数以亿计": 10**8, "万千": 1000}  # fmt: skip
_FIRST = _compile(r"首(?=[次届个批位家座款台次轮期])|头号")
_HALF = _compile(r"一半|半数|过半")
_PERCENT_WITHOUT_ZHI = _compile(r"百分(?P<n>[一二两三四五六七八九十百]+)(?![分之点])")
"""百分百, 百分二百: a percentage said without 之 ("we give 200%")."""
_HALF_A = _compile(r"(?<![0-9零〇一二两三四五六七八九十百千万上下前后多大过])半(?![场分球角人期])")
"""半米, 半页纸, 半年: half a unit or a thing. Not the halves of a whole (上半年, the
first half of the year; 大半 most of it), a half-time (半场) or a hemisphere (半球)."""
_AND_A_HALF = _compile(
    r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*"
    r"(?:(?P<before>年|天|周|小时|分钟)半|个半(?P<after>小时|月|钟头|星期))"
)
_HALF_UNITS = {"年": "years", "天": "day", "周": "week", "星期": "week", "小时": "h", "钟头": "h",
               "分钟": "min", "月": "month-count"}  # fmt: skip
"""Duration words of 一年半 and 两个半小时, with their unit codes. 年 and 月 are no unit
spelling in the registry: after a plain number they make a year or a month (2018 年)."""
_YEAR_AHEAD = _compile(r"年|\s*(?:至|到|-|—|~|～)\s*[零〇一二三四五六七八九]{4}年")
"""二〇一八年, and 二零一八 in 二零一八至二零二二年."""
_BARE_AMOUNT = _compile(
    r"(?:万亿|亿|千万|百万)(?:元|美元|欧元|英镑|市值|规模|级)|[百千万](?:日|天)|[百千](?:元|块)"
    r"|(?<=每)[百千万]|[百千万](?=[人名位家户个辆台套件册本部座所项条只头株棵篇字亩吨班校])"
    r"|[百千万](?=年(?!代|级|龄|纪|轻|均))"
)
"""万亿市值, 亿元级, 千万美元, 百日: a bare multiplier before money or time is one of it;
万名 (10,000 teachers), 万亩, 千人, 百班 (a hundred classes) and 百年 (a century) before what they count. 万元 alone
stays a unit: "单位：万元" heads a table."""
_BARE_MULTIPLIERS = ("百", "千", "万")
_MIDNIGHT = _compile(r"零点(?![零〇一二三四五六七八九十0-9])|零时")
_ROMAN = _compile(
    r"(?P<r>[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|(?<![A-Za-z])[IVX]{1,4}(?![A-Za-z]))\s*(?:级|(?=类|期|型|号))"
)
_SCHOOL_GRADE = _compile(r"(?<![0-9一二三四五六七八九十])(?P<n>[一二三四五六七八九]|[1-9])\s*年级")
"""二年级: the second grade at school, "Grade 2" (年级 is no year)."""
_CLOCK_RANGE = _compile(r"(?P<a>[0-9]{1,2})\s*[-—–至到~～]\s*(?P<b>[0-9]{1,2})\s*(?:时|点)(?!间)")
_TWO_MONTHS = _compile(r"(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九十])月")
_ADJACENT = _compile(
    r"(?<![零〇一二两三四五六七八九十百千万亿点])(?P<tens>[二三四五六七八九]?十)?"
    r"(?P<run>[一二两三四五六七八九]{2,})(?P<place>[十百千万亿]*)"
)
"""五六百米, 两三个小时, 十七八岁, 百分之七八十: neighbouring numerals are an approximate
range (500 to 600 metres), never one number (七八 is no 78)."""
_NEIGHBOURS = _compile(r"[一二两三四五六七八九]{2}")
"""What every :data:`_ADJACENT` holds: two numerals of its run side by side. A scan for
them costs half of one for the pattern, which tries its lookbehind and tens everywhere."""
_DIGIT_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_LEVEL_AFTER = _compile(r"间\s*[一二三四五六七八九十]+\s*级")
_NOT_AFTER_ADJACENT = _compile(r"\s*(?:十?年代|月|日|号|点|时)")
"""七八月, 五六点, 六七十年代: months, clocks and decades, left to their readers."""
_STARS = _compile(
    r"(?<![0-9零〇一二两三四五六七八九十百千万])(?:(?P<n>[一二两三四五六七1-7])\s*星级"
    r"|(?P<n>[一二两四五1-5])\s*星(?![期球座系]))"
)
"""五星好评, 四星级酒店: a rating in stars ("five-star"). 三星 alone is Samsung and 北斗七星 the
Big Dipper; 一星期 is a week."""
_EVENING = ("下午", "晚上", "傍晚", "夜间", "夜里", "晚")
_COUNT, _MEASURE, _LEVEL, _MONEY, _ORDINAL = (
    Kind.COUNT, Kind.MEASURE, Kind.LEVEL, Kind.MONEY, Kind.ORDINAL,
)  # fmt: skip
_YEAR, _MONTH, _DAY = Kind.YEAR, Kind.MONTH, Kind.DAY
_PERCENT, _PP, _MULTIPLE, _FRACTION = Kind.PERCENT, Kind.PP, Kind.MULTIPLE, Kind.FRACTION
_VAGUE_APPROX = Approx.VAGUE
"""The kinds the number reader gives, as names of this module: it asks a dozen of them a
number, and ``Kind.COUNT`` looks the member up through the enum's class each time (0.1 to
0.2 µs on Python 3.11, ten times a module name)."""


def extract(text: str, base: int = 0) -> list[Figure]:
    """Figures in a Chinese span; offsets are ``base`` + positions in ``text``.

    Traditional characters are read through :func:`bitext.hans.simplified` (萬 as 万);
    each figure's ``text`` is quoted from ``text`` as given.
    """
    return [figure for _, figure in readings(text, base)]


def readings(text: str, base: int = 0) -> list[tuple[str, Figure]]:
    """The figures of :func:`extract`, each with the name of the reader that read it.

    >>> [(name, f.text) for name, f in readings("下午3时30分，投入387.75万元")]
    [('clock', '下午3时30分'), ('number', '387.75万元')]
    """
    view = reading_view(text)
    return placed(
        _whole_dates(_days_at_large(read_in_turn(view, READERS, gates=_GATES), view), view),
        text,
        base,
    )


def reading_view(text: str) -> str:
    """The text as the readers read it, of the same length: simplified characters (萬 as
    万), and a letter O or a circle between numerals as 〇 (六O二厂, 二○一八).

    >>> reading_view("二○一八年投入一萬元")
    '二〇一八年投入一万元'
    """
    view = simplified(text)
    if "O" not in view and "Ｏ" not in view and "○" not in view:
        return view  # most texts: no letter O or circle (what _LETTER_ZERO replaces)
    return _LETTER_ZERO.sub("〇", view)


def _numbers(text: str, taken: Occupied) -> list[Figure]:
    """Number tokens read with what surrounds them (:func:`_read`), where no reader before
    took the text; runs too long to be a quantity are skipped."""
    figures = []
    pos = 0
    latin = _LATIN.search(text) is not None  # no Latin phrase without a Latin letter
    while (match := NUMBER.search(text, pos)) is not None:
        pos = match.end()
        if taken.covers(match.start()) or (latin and _in_latin_phrase(text, *match.span())):
            continue
        ar, armult, cn = match.group("ar", "armult", "cn")
        if too_long(ar or cn or ""):
            continue
        figure, pos = _read(text, match, _Groups(ar, (armult or "").strip(), cn))
        if figure is not None:
            figures.append(figure)
            taken.add(figure.start, figure.end)
    return figures


def _in_latin_phrase(text: str, start: int, end: int) -> bool:
    """A number inside Latin text embedded in the Chinese: "(… People Act 1983)",
    "iPhone 7" — a Latin word before it and no Chinese unit after it."""
    if ends_at(_LATIN_BEFORE, text, start) is None:
        return False
    following = after(text, end)[0][:1]
    return not following or following not in _UNIT_STARTS


_LATIN_BEFORE = _compile(r"\p{Latin}[\p{Latin}'.]+\s*$")
_LATIN = _compile(r"\p{Latin}")


# --- forms read whole -------------------------------------------------------------


def _small(token: str) -> int:
    return int(parse_arabic(token)[0]) if token[0].isdigit() else int(parse_chinese(token))


def _clocks(text: str) -> list[Figure]:
    """下午 3 时 30 分, 7 点半, 8 时许 → seconds after midnight (下午 and 晚 add twelve
    hours); see :func:`_is_clock` for when 点 and 时 mark a time."""
    if _HOUR_MARK.search(text) is None:
        return []  # most texts with 时 or 点 (时间, 同时): no hour before it
    figures = []
    for match in _CLOCK.finditer(text):
        hour = _small(match.group("h"))
        minute = _small(match.group("m")) if match.group("m") else 0
        period = match.group("period")
        if hour > 24 or minute >= 60 or not _is_clock(text, match):
            continue
        if period in _EVENING and hour < 12:
            hour += 12
        half = 30 if match.group("half") else 0
        step = 60 if match.group("m") or match.group("half") else 3600
        start = match.start("period") if period else match.start("h")
        approx = Approx.ABOUT if match.group("approx") else None
        value = clock_value(hour, minute + half)
        figures.append(
            _figure(text, start, match.end(), value, Kind.CLOCK, step=Decimal(step), approx=approx)
        )
    return figures


def _colon_clocks(text: str) -> list[Figure]:
    """07:30 and 19:44:50 written the English way inside Chinese; 晚7:30 is 19:30."""
    if _COLON_MINUTES.search(text) is None:
        return []  # most texts with a digit and a colon: no minutes after it
    figures: list[Figure] = []
    for m in _COLON_CLOCK.finditer(text):
        hour = int(m.group("h"))
        if m.group("period") in _EVENING and hour < 12:
            hour += 12
        seconds = clock_value(hour, int(m.group("m")), int(m.group("s") or 0))
        start = m.start("period") if m.group("period") else m.start("h")
        if hour <= 24:
            figures.append(_figure(text, start, m.end(), seconds, Kind.CLOCK, step=Decimal(60)))
    return figures


def _clock_orphans(text: str, taken: Occupied) -> list[Figure]:
    """The minutes a clock cut at a fragment's edge leaves (":06 就下单" of 19:06) are no
    figure: taken, so that no reader after reads them; a number after a label's colon is
    one (评分：45, 数量:10个).

    >>> [f.text for f in extract(":06 就下单 2 小时了")], [f.text for f in extract("评分：45")]
    (['2 小时'], ['45'])
    """
    for m in _CLOCK_ORPHAN.finditer(text):
        if after(text, m.end())[0][:1] not in _UNIT_STARTS:
            taken.add(*m.span())
    return []


_DATE_PARTS = (Kind.YEAR, Kind.MONTH, Kind.DAY)


def _whole_dates(found: list[tuple[str, Figure]], text: str) -> list[tuple[str, Figure]]:
    """A year, month and day written one after the other are one date, credited to the
    reader of its first part: 2024年3月15日, 2014 年 8 月, 新华社北京3月5日电. A part on its
    own stays what it is (2018 年, 10 月份, 26 日), and so does a range (2019-2020赛季).

    >>> [(f.text, f.value, f.kind.value) for f in extract("2017 年 12 月 28 日贵州茅台发布公告")]
    [('2017 年 12 月 28 日', Decimal('20171228'), 'date')]
    >>> [(f.text, f.kind.value) for f in extract("7月17和22日")]
    [('7月17', 'date'), ('22日', 'day')]
    """
    if len(found) < 2:
        return found  # no two parts to join (most texts)
    joined: list[tuple[str, Figure]] = []
    run: list[tuple[str, Figure]] = []
    for named in found:
        if run and _continues_date(run[-1][1], named[1], text):
            run.append(named)
            continue
        joined += _one_date(run, text)
        run = [named] if _is_date_part(named[1]) else []
        if not run:
            joined.append(named)
    return joined + _one_date(run, text)


def _is_date_part(figure: Figure) -> bool:
    return figure.kind in _DATE_PARTS and figure.high is None and figure.approx is None


def _continues_date(last: Figure, figure: Figure, text: str) -> bool:
    """``figure`` is the next part of the date ``last`` ends: the month after the year,
    the day after the month, with nothing but spaces between."""
    return (
        _is_date_part(figure)
        and _DATE_PARTS.index(figure.kind) == _DATE_PARTS.index(last.kind) + 1
        and not text[last.end : figure.start].strip()
    )


def _one_date(run: list[tuple[str, Figure]], text: str) -> list[tuple[str, Figure]]:
    """The date the parts of a ``run`` make; a lone part as it is."""
    if len(run) < 2:
        return run
    parts = [figure for _, figure in run]
    given = {f.kind: int(f.value) for f in parts}
    value = date_value(given.get(Kind.YEAR), given.get(Kind.MONTH), given.get(Kind.DAY))
    soft = all(f.soft for f in parts)
    date = _figure(text, parts[0].start, parts[-1].end, value, Kind.DATE, soft=soft)
    return [(run[0][0], date)]


_DAY_BEFORE = _compile(r"[日号]\s*$")


def _days_at_large(found: list[tuple[str, Figure]], text: str) -> list[tuple[str, Figure]]:
    """Clocks a translation may leave to the date they belong to: 0—24时 and 0时至24时 are
    the whole day (7月25日0—24时 → "on July 25"), 零点 or 0时 right after a day its start
    (从当地时间26日零点起 → "starting on the 26th"). They are soft; an English that says
    them still pairs with them.

    >>> [(f.text, f.soft) for f in extract("7月25日0—24时，福建省报告新增1例")][1:3]
    [('0', True), ('24时', True)]
    """
    soft = set()
    for k, (_, figure) in enumerate(found):
        if figure.kind != Kind.CLOCK or figure.value != 0:
            continue
        if ends_at(_DAY_BEFORE, text, figure.start):
            soft.add(k)
        nxt = found[k + 1][1] if k + 1 < len(found) else None
        joined = nxt is not None and _RANGE_JOIN.fullmatch(text[figure.end : nxt.start])
        if joined and nxt.kind == Kind.CLOCK and nxt.value == clock_value(24):
            soft.update((k, k + 1))
    if not soft:
        return found  # most texts: no clock at midnight or round the clock
    return [(name, f._replace(soft=True) if k in soft else f) for k, (name, f) in enumerate(found)]


def _is_clock(text: str, match: regex.Match[str]) -> bool:
    """时 after an hour is a time; 点 only with something that says so (三点建议 is not),
    and a Chinese-numeral hour only with a part of the day or minutes (高三时, 一时 are not)."""
    context = (
        match.group("period") or match.group("m") or match.group("half") or match.group("approx")
    )
    if not match.group("h")[0].isdigit() and not context:
        before = text[max(0, match.start() - 1) : match.start()]
        return before in ("日", "天", "号") and match.group("mark") == "时"
    if match.group("mark") == "时":
        return True
    if match.group("period") or match.group("m") or match.group("half") or match.group("approx"):
        return True
    after = text[match.end() : match.end() + 1]
    before = text[max(0, match.start() - 2) : match.start()]
    if after in ("钟", "整") or before.endswith(("日", "天", "晚", "早")):
        return True
    return match.group("h")[0].isdigit() and after in _AFTER_AN_HOUR


_AFTER_AN_HOUR = ("，", ",", "。", "、", " ", "", "了", "多", "前", "后", "到", "至", "起")
"""What may follow 7 点 when it is a time: a stop, 多 (7点多, a little past seven), 前 or 后,
and the 到 / 至 / 起 of a span of time (从 7 点到现在 9:30)."""


def _durations(text: str) -> list[Figure]:
    """Race times: 1 分 57 秒 79 is 117.79 seconds."""
    figures = []
    for match in _DURATION.finditer(text):
        fraction = match.group("f") or ""
        whole = clock_value(*(int(match.group(g) or 0) for g in ("h", "m", "s")))
        seconds = Decimal(f"{whole}.{fraction or 0}")
        step = Decimal(1).scaleb(-len(fraction)) if fraction else Decimal(1)
        figures.append(_figure(text, match.start(), match.end(), seconds, Kind.CLOCK, step=step))
    return figures


def _scores(text: str) -> list[Figure]:
    """2 比 0, 3-1, 3:0: a score, the first number its value, the second its ``high``."""
    if _SCORE_JOIN.search(text) is None:
        return []  # most texts with a digit and a dash or a colon: no two numbers it joins
    figures: list[Figure] = []
    for match in _SCORE.finditer(text):
        a, b = Decimal(match.group("a")), Decimal(match.group("b"))
        if match.group("dash") and b >= a:
            continue  # 5-10 is a range
        figures.append(_figure(text, match.start(), match.end(), a, Kind.SCORE, high=b))
    return figures


def _ratios(text: str) -> list[Figure]:
    """1∶1配资调整为2∶1: two ratios, each compared as a score is (the English reads "2:1"
    so), its first number the value and its second the ``high``.

    >>> [(f.text, str(f.value), str(f.high)) for f in extract("目前1∶1配资调整为2∶1")]
    [('1∶1', '1', '1'), ('2∶1', '2', '1')]
    """
    return [
        _figure(text, *m.span(), Decimal(m.group("a")), Kind.SCORE, high=Decimal(m.group("b")))
        for m in _RATIO.finditer(text)
    ]


def _streaks(text: str) -> list[Figure]:
    """四连胜 is a 4-0 record, 三连败 0-3."""
    figures = []
    for match in _STREAK.finditer(text):
        count = Decimal(_small(match.group("n")))
        won = match.group("how") == "胜"
        figures.append(
            _figure(text, *match.span(), count if won else Decimal(0), Kind.SCORE,
                    high=Decimal(0) if won else count)
        )  # fmt: skip
    return figures


def _successive(text: str) -> list[Figure]:
    """十八连丰 is 18 good harvests in a row ("the 18th consecutive bumper harvest"), 五连涨
    five rises in a row: a count (soft when small, as 四连冠 is "the fourth straight")."""
    figures = []
    for m in _SUCCESSIVE.finditer(text):
        count = Decimal(_small(m.group("n")))
        soft = not m.group("n").isdigit() and count <= SOFT_LIMIT
        figures.append(_figure(text, *m.span(), count, Kind.COUNT, soft=soft))
    return figures


def _slash_fractions(text: str) -> list[Figure]:
    """2/3 in Chinese text is a fraction (as a percentage)."""
    return [
        _figure(text, m.start(), m.end(), share(Decimal(m.group("a")), Decimal(m.group("b"))),
                Kind.FRACTION, unit="%", step=Decimal("0.01"))
        for m in _SLASH_FRACTION.finditer(text)
        if int(m.group("b")) > int(m.group("a")) > 0
    ]  # fmt: skip


def _post_decades(text: str) -> list[Figure]:
    """80后, 80、90后: the generations born in the 1980s and 1990s."""
    return [
        _figure(text, m.start(), m.end(), Decimal(m.group("d")), Kind.DECADE)
        for m in _POST_DECADES.finditer(text)
    ]


def _decades(text: str) -> list[Figure]:
    """20 世纪 90 年代 is 1990; 上世纪 80 年代 1980; 90 年代 alone 90 (the century left to
    context, which the comparison allows); 20世纪六七十年代 two decades, the 1960s and the
    1970s (neighbouring numerals, as 七八月 are two months).

    >>> [(f.text, str(f.value)) for f in extract("20世纪六七十年代，受人为大量捕杀")]
    [('20世纪六', '1960'), ('七十年代', '1970')]
    """
    figures = []
    for match in _DECADE.finditer(text):
        decade = int(match.group("d")) if match.group("d").isdigit() else _small(match.group("d"))
        century = match.group("c")
        if century:
            base = (_small(century) - 1) * 100
        else:  # 上世纪 80 年代, from this century, is the 1980s
            base = 1900 if match.group().startswith("上世纪") and decade < 100 else 0
        first = _small(match.group("first")) * 10 if match.group("first") else None
        if first is not None and first + 10 == decade:
            split = match.start("d")
            figures.append(_figure(text, match.start(), split, Decimal(base + first), Kind.DECADE))
            figures.append(_figure(text, split, match.end(), Decimal(base + decade), Kind.DECADE))
        else:
            start = match.start("d") if first is not None and not century else match.start()
            figures.append(_figure(text, start, match.end(), Decimal(base + decade), Kind.DECADE))
    return figures


def _centuries(text: str) -> list[Figure]:
    """20 世纪: the 20th century, an ordinal; 18-19世纪 the 18th to the 19th, its ends the
    ends of a range ("the 18th-19th century").

    >>> [(f.text, str(f.value), str(f.high)) for f in extract("18-19世纪，英国功利主义伦理学")]
    [('18-19世纪', '18', '19')]
    """
    figures = []
    for m in _CENTURY.finditer(text):
        last = Decimal(_small(m.group("c")))
        first = Decimal(_small(m.group("first"))) if m.group("first") else None
        if first is not None and first >= last:
            first = None  # 12-20世纪 is no range of centuries to read as one
            start = m.start("c")
        else:
            start = m.start()
        value, high = (first, last) if first is not None else (last, None)
        figures.append(_figure(text, start, m.end(), value, Kind.ORDINAL, high=high))
    return figures


_DOUBLINGS = _compile(r"翻(?:了)?(?P<n>一|两|二|三|四)番")


def _doublings(text: str) -> list[Figure]:
    """翻一番 doubles (×2), 翻两番 quadruples (×4)."""
    return [
        _figure(
            text, m.start(), m.end(), Decimal(2) ** _small(m.group("n")), Kind.MULTIPLE, unit="x"
        )
        for m in _DOUBLINGS.finditer(text)
    ]


def _midnights(text: str) -> list[Figure]:
    """零点, 零时: midnight, the clock time 0."""
    return [
        _figure(text, m.start(), m.end(), Decimal(0), Kind.CLOCK) for m in _MIDNIGHT.finditer(text)
    ]


def _romans(text: str) -> list[Figure]:
    """Ⅲ级, II 级, Ⅳ类: levels written in Roman numerals, :attr:`Kind.LEVEL` on both sides
    ("Level III", "Class IV")."""
    return [
        _figure(text, m.start(), m.end(), Decimal(roman_value(m.group("r"))), Kind.LEVEL)
        for m in _ROMAN.finditer(text)
    ]


_BELOW_GROUND = _compile(
    r"(?:负|地下)\s*(?P<n>[一二两三四五六七八九]|[1-9])\s*(?:层|楼)"
    r"|负(?P<n>[一二两三四五六七八九])(?=\s*(?:到|至|、|和)?\s*负[一二两三四五六七八九])"
    r"|(?<=负[一二两三四五六七八九]\s*(?:到|至|、|和)?\s*)负(?P<n>[一二两三四五六七八九])"
)
"""负二层, 地下一楼, and floors beside another without their 层: 负二到负一, 负一负二."""


def _floors_below_ground(text: str) -> list[Figure]:
    """负二层, 地下一楼: a floor below ground, a level below zero ("B2", "the second
    basement level").

    >>> [(f.text, str(f.value)) for f in extract("停车场位于负二层，超市在负一楼，负二到负一")]
    [('负二层', '-2'), ('负一楼', '-1'), ('负二', '-2'), ('负一', '-1')]
    >>> [f.text for f in extract("负一负二都是停车的地方")]
    ['负一', '负二']
    """
    return [
        _figure(text, *m.span(), Decimal(-_small(m.group("n"))), Kind.LEVEL)
        for m in _BELOW_GROUND.finditer(text)
    ]


def _school_grades(text: str) -> list[Figure]:
    """二年级: a school grade, a level ("Grade 2"); soft, as a small Chinese numeral is."""
    return [
        _figure(text, m.start(), m.end(), Decimal(_small(m.group("n"))), Kind.LEVEL, soft=True)
        for m in _SCHOOL_GRADE.finditer(text)
    ]


def _clock_ranges(text: str) -> list[Figure]:
    """0-24 时: two clock times."""
    figures = []
    for m in _CLOCK_RANGE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= 24:
            an_hour = Decimal(3600)
            figures.append(_figure(text, *m.span("a"), clock_value(a), Kind.CLOCK, step=an_hour))
            figures.append(
                _figure(text, m.start("b"), m.end(), clock_value(b), Kind.CLOCK, step=an_hour)
            )
    return figures


def _two_months(text: str) -> list[Figure]:
    """七八月: July and August."""
    figures = []
    for m in _TWO_MONTHS.finditer(text):
        a, b = _small(m.group("a")), _small(m.group("b"))
        if b == a + 1:
            figures.append(_figure(text, m.start("a"), m.end("a"), Decimal(a), Kind.MONTH))
            figures.append(_figure(text, m.start("b"), m.end(), Decimal(b), Kind.MONTH))
    return figures


def _adjacent_ranges(text: str) -> list[Figure]:
    """Neighbouring numerals: 五六百米 is 500 to 600 m, 一两年 one or two years and 三四五个人
    three to five people, an approximate range; 三四五六年级 (grades 3, 4, 5 and 6),
    二四五年级 and 第三四名 list ranks one by one. They need a unit, a place (五六百) or
    百分之 to be a quantity: 一二 alone is a list marker, 三四线城市 a tier of cities.

    >>> [(f.text, str(f.value), str(f.high)) for f in extract("走出五六百米，十七八岁")]
    [('五六百米', '500', '600'), ('十七八岁', '17', '18')]
    """
    if _NEIGHBOURS.search(text) is None:
        return []  # most texts: no two numerals side by side
    figures: list[Figure] = []
    for m in _ADJACENT.finditer(text):
        numbers = [_DIGIT_VALUES[ch] for ch in m.group("run")]
        grades = text.startswith("年级", m.end()) and len(set(numbers)) == len(numbers)
        if any(b != a + 1 for a, b in itertools.pairwise(numbers)) and not grades:
            continue  # 一九八九 is read digit by digit, 三五 is "three or five"; 二四五年级 lists
        if not _NOT_AFTER_ADJACENT.match(text, m.end()):
            figures += _adjacent_figures(text, m, numbers)
    return figures


def _adjacent_figures(text: str, m: regex.Match[str], numbers: list[int]) -> list[Figure]:
    """The figures of one run of neighbouring numerals, with what follows it."""
    start, end = m.start(), m.end()
    tens = _small(m.group("tens")) if m.group("tens") else 0
    step = Decimal(1)
    for ch in m.group("place"):
        step *= MULTIPLIERS[ch]
    low, high = (tens + numbers[0]) * step, (tens + numbers[-1]) * step
    if text.endswith("百分之", 0, start):
        return [_figure(text, start - 3, end, low, Kind.PERCENT, unit="%", high=high,
                        approx=Approx.ABOUT, step=step)]  # fmt: skip
    percent = _PERCENT_AFTER.match(text, end)
    if percent:  # 七八成, 两三倍
        return [_shares(text, start, percent.end(), low, step, high, Approx.ABOUT)]
    if text.startswith("年级", end):  # 三四五六年级: grades listed one by one
        kind, unit, unit_end = Kind.ORDINAL, None, end + 2
    elif _LEVEL_AFTER.match(text, end):  # 南风二三间四级: wind force 2 to 3, at times 4
        kind, unit, unit_end = Kind.LEVEL, None, end + 1
    else:
        kind, unit, unit_end = _unit(text, end)
    if kind is None and not m.group("place"):
        return []
    kind, unit = _date_kind(kind or Kind.COUNT, unit, low)
    if text.endswith("第", 0, start):  # 第三四名: the third and the fourth
        kind, unit, start = Kind.ORDINAL, None, start - 1
    if kind == Kind.ORDINAL:  # listed one by one, the first with 第, the last with 年级
        run = m.start("run")
        edges = [start, *range(run + 1, run + len(numbers)), unit_end]
        return [
            _figure(text, a, b, Decimal(tens + n), kind, soft=tens + n <= SOFT_LIMIT)
            for (a, b), n in zip(itertools.pairwise(edges), numbers, strict=True)
        ]
    soft = high <= SOFT_LIMIT and kind in (Kind.COUNT, Kind.MEASURE)
    return [_figure(text, start, unit_end, low, kind, unit=unit, high=high, approx=Approx.ABOUT,
                    step=step, soft=soft)]  # fmt: skip


def _stars(text: str) -> list[Figure]:
    """五星点评 "five-star reviews", 5星级: a rating, a level as the English "five-star" is,
    soft as a small count is.

    >>> [(f.text, f.soft) for f in extract("五星好评，三星手机，5星级服务")]
    [('五星', True), ('5星级', False)]
    """
    figures = []
    for m in _STARS.finditer(text):
        stars = m.group("n")
        figures.append(
            _figure(text, *m.span(), Decimal(_small(stars)), Kind.LEVEL, soft=not stars.isdigit())
        )
    return figures


_WEEKDAY = _compile(r"(?:周|星期|礼拜)(?P<d>[一二三四五六日天])(?![年刊报末边围期])")
_WEEKDAY_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def _weekdays(text: str) -> list[Figure]:
    """周六, 星期五, 礼拜天: soft weekdays ("Saturday" renders 周六; neither is a number).

    >>> [(f.text, f.value) for f in extract("英国政府周六（7月25日）晚间临时决定")][:1]
    [('周六', Decimal('6'))]
    """
    return [
        _figure(text, *m.span(), Decimal(_WEEKDAY_NUMBERS[m.group("d")]), Kind.WEEKDAY, soft=True)
        for m in _WEEKDAY.finditer(text)
    ]


def _firsts(text: str) -> list[Figure]:
    """首次, 首届, 头号: the first."""
    return [
        _figure(text, m.start(), m.end() + (m.group() == "首"), Decimal(1), Kind.ORDINAL, soft=True)
        for m in _FIRST.finditer(text)
    ]


def _and_a_half(text: str) -> list[Figure]:
    """一年半, 两个半小时: a duration and a half."""
    figures = []
    for match in _AND_A_HALF.finditer(text):
        unit = _HALF_UNITS[match.group("before") or match.group("after")]
        value = Decimal(_small(match.group("n"))) + Decimal("0.5")
        figures.append(
            _figure(text, *match.span(), value, Kind.MEASURE, unit=unit, step=Decimal("0.5"))
        )
    return figures


def _halves(text: str) -> list[Figure]:
    """一半, 半数: half, as a percentage; 过半 is more than half."""
    return [
        _figure(text, m.start(), m.end(), Decimal(50), Kind.FRACTION, unit="%",
                approx=Approx.OVER if m.group() == "过半" else None)
        for m in _HALF.finditer(text)
    ]  # fmt: skip


_VOLUMES = _compile(
    r"(?P<parts>上[、,，]?(?P<mid>中[、,，]?)?下)\s*(?:两|三)?\s*(?P<unit>册|卷|集|篇|部)"
)


def _volumes(text: str) -> list[Figure]:
    """上下册, 上中下卷: the volumes of a book or series, 1 to 2 (or 3), as the English
    numbers them ("Volumes 1 & 2"); soft, as the English may say "two volumes" or
    name none.

    >>> [(f.text, str(f.value), str(f.high)) for f in extract("《儿童歌曲集》(上下册)，上中下卷")]
    [('上下册', '1', '2'), ('上中下卷', '1', '3')]
    """
    return [
        _figure(text, *m.span(), Decimal(1), Kind.ORDINAL, high=Decimal(3 if m.group("mid") else 2),
                soft=True)
        for m in _VOLUMES.finditer(text)
    ]  # fmt: skip


def _halves_of_one(text: str) -> list[Figure]:
    """半米 is 0.5 m ("about 0.5 meters", "half a meter"), 半小时 30 minutes, 半页 half a
    page; soft, as small numbers are.

    >>> [(f.text, str(f.value), f.unit) for f in extract("把床抬高了大概半米，上半年")]
    [('半米', '0.5', 'm')]
    """
    figures = []
    for m in _HALF_A.finditer(text):
        kind, unit, end = _unit(text, m.end())
        if kind == Kind.YEAR:
            kind, unit = Kind.COUNT, "years"
        if kind in (Kind.COUNT, Kind.MEASURE):
            half = Decimal("0.5")
            figures.append(
                _figure(text, m.start(), end, half, kind, unit=unit, step=half, soft=True)
            )
    return figures


def _percents_without_zhi(text: str) -> list[Figure]:
    """百分二百 is 200%, 百分百 100%: said without 之, a percentage is talk, as often "we
    give our all" or "totally" as a share, so it is soft (so is 百分之百).

    >>> [(f.text, str(f.value)) for f in extract("只要顾客喜欢我们都尽百分二百的力去完成")]
    [('百分二百', '200')]
    """
    return [
        _figure(text, *m.span(), parse_chinese(m.group("n")), Kind.PERCENT, unit="%", soft=True)
        for m in _PERCENT_WITHOUT_ZHI.finditer(text)
    ]


def _vague(text: str) -> list[Figure]:
    """成千上万 spans thousands to tens of thousands, 成百上千 hundreds to thousands; 数以万计
    is tens of thousands."""
    figures = []
    for m in _VAGUE.finditer(text):
        value = Decimal(_VAGUE_VALUES[m.group()])
        high = value * 10 if m.group().startswith(("成千上", "成百上", "万千")) else None
        figures.append(_figure(text, *m.span(), value, Kind.COUNT, high=high, approx=Approx.VAGUE))
    return figures


# --- plain numbers ----------------------------------------------------------------


class _Groups(NamedTuple):
    """The groups of a :data:`NUMBER` match, read once: a reader asks for them a dozen
    times a number, and ``match.group`` by name costs about as much as a short search."""

    ar: str | None
    """The Arabic digits (387.75), or None."""
    armult: str
    """The multiplier after them, stripped (万 of 387.75 万), or ""."""
    cn: str | None
    """The Chinese numeral (三千八百), or None."""


class _Token(NamedTuple):
    """A number token being read: what it says so far, and where its figure lies."""

    match: regex.Match[str]
    groups: _Groups
    before: str
    """The four characters before the token (第, 百分之, a sign, 约)."""
    start: int
    """Where the figure starts: a sign or an approximation before the token moves it."""
    end: int
    """Where the figure ends so far, and where scanning resumes."""
    value: Decimal
    step: Decimal
    is_cn: bool
    """Written in Chinese numerals (which ordinary words are full of)."""
    bare_ok: bool
    """A bare 万 or 百 may be a number here (上万, 数百, 万余)."""
    prefix: regex.Match[str] | None
    """An approximation before the token (约, 近, 上)."""
    high: Decimal | None = None
    approx: Approx | None = None
    kind: Kind | None = None
    unit: str | None = None


def _read(text: str, match: regex.Match[str], groups: _Groups) -> tuple[Figure | None, int]:
    """Read one figure around a number token; return it (None for no figure) and where
    scanning resumes. The steps, in order: the token and the number it makes; marks
    that decide the figure at once (第, 百分之, 分之); numerals read digit by digit and
    Latin units or codes glued to the digits; then sign, range and approximation, a
    percent mark, the unit, the calendar, and whether the figure is soft."""
    token = _token(text, match, groups)
    if token is None:
        return None, match.end()
    marked = _marked(text, token)
    if marked is not None:
        return marked
    if _digit_by_digit(text, token):
        return None, token.end
    glued = _glued(text, token)
    if glued is not None:
        return glued
    token = _around(text, token)
    percent = (
        _PERCENT_AFTER.match(text, token.end)
        if text[token.end : token.end + 1] in _PERCENT_LEADS
        else None
    )
    if percent:
        return _percent(text, token, percent.end()), percent.end()
    token = _with_unit(text, token)
    if token.kind is None:
        if _bare_word(text, token):
            return None, token.end
        token = token._replace(kind=_bare_kind(text, token))
    token = _days_not_dates(text, _approx_after_unit(text, _in_calendar(text, token)))
    return _finish(text, token), token.end


def _token(text: str, match: regex.Match[str], groups: _Groups) -> _Token | None:
    """The number a token makes, with the remainder after 万 or 亿 (2万4801); None for
    a denominator (28.4mg/100ml) or a bare 万 that is a word (万元 alone).

    >>> [f.text for f in extract("共发出2万4801张报生纸；结果为28.4mg/100ml")]
    ['2万4801张', '28.4mg']
    """
    start, end = match.span()
    before = text[max(0, start - 4) : start]
    if "/" in before and _DENOMINATOR.search(before):  # a denominator's slash is before it
        return None
    prefix = _APPROX_BEFORE.search(before) if _closes(before, _APPROX_BEFORE_LASTS) else None
    cn = groups.cn
    if prefix and prefix.group().strip() == "上" and (cn is None or cn[0] not in "百千万亿"):
        prefix = None  # 上百人 is "hundreds"; 以上37℃ is no approximation
    bare_ok = (
        cn is not None
        and bool(  # Arabic digits are never bare
            prefix
            or (text[end : end + 1] in _APPROX_AFTER_LEADS and _APPROX_AFTER.match(text, end))
            or _BARE_AMOUNT.match(text, start)
            or before.endswith("百分之")  # 百分之百
            or (cn in ("十", "千", "万") and text.startswith("分之", end))  # 千分之三
        )
    )
    number = _value(groups, bare_ok=bare_ok)
    if number is None:
        return None
    value, step, is_cn = number
    rest = _REMAINDER.match(text, end) if groups.armult in ("万", "亿") else None
    if rest:  # 2万4801, 3亿5000万
        value += parse_arabic(rest.group("n"))[0] * (MULTIPLIERS["万"] if rest.group("w") else 1)
        step, end = Decimal(1), rest.end()
    return _Token(match, groups, before, start, end, value, step, is_cn, bare_ok, prefix)


_DENOMINATOR = _compile(r"[A-Za-z]\s?/\s?$")


_SPACES = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.isspace`` accepts; the ``regex`` module's ``\\s`` matches no
other (``tests/test_zh_fast_paths.py``)."""


def _opening(leads: str) -> frozenset[str]:
    r"""The characters a pattern that opens with white space (``\s*``) and then one of
    ``leads`` can start with: where the character after a number is none of them, the
    pattern cannot match there. A pattern costs about as much to try as this test (a
    slice and a set lookup, ``text[pos : pos + 1] in opening``), and after most numbers
    none of them can match.

    >>> [text[1:2] in _opening("万") for text in ("5 万元", "5万元", "5元")]
    [True, True, False]
    """
    return frozenset(leads) | _SPACES


def _closes(before: str, lasts: frozenset[str]) -> bool:
    r"""Whether a pattern anchored at the end (``…\s*$``) whose words end in one of
    ``lasts`` can match in ``before``: only where its last character that is no space is
    one of them (the spaces ``\s*`` matches, and ``$`` before a final newline, are spaces
    ``str.rstrip`` strips).

    >>> _closes("投入约 ", frozenset("约")), _closes("投入", frozenset("约"))
    (True, False)
    """
    return before.rstrip()[-1:] in lasts


_APPROX_BEFORE_LASTS = frozenset(word[-1] for word in APPROX_BEFORE)
"""The last characters of the approximations before a number (约, 超过), which
:data:`_APPROX_BEFORE` ends with, spaces aside."""
_APPROX_AFTER_LEADS = _opening("".join(word[0] for word in APPROX_AFTER))
"""The first characters of the approximations after a number (余, 左右), which
:data:`_APPROX_AFTER` opens with, or a space (:func:`_opening`)."""
_SIGN_LASTS = frozenset("-−－负下")
"""What :data:`_SIGN` (a dash, 负, 地下) and :data:`_RANGE_DASH` (a dash) end with, spaces
aside."""
_RANGE_JOIN_LEADS = _opening("至到-—–~～－")
"""What :data:`_RANGE_JOIN` opens with, or a space."""
_AROUND_LEADS = _RANGE_JOIN_LEADS | _APPROX_AFTER_LEADS
"""What a range (:func:`_range`) or an approximation (:func:`_approximation`) after a
number opens with: where the character after it is none of them, neither is read."""
_PERCENT_LEADS = _opening("%％‰个百成倍")
"""What :data:`_PERCENT_AFTER` opens with (个百分点, 百分点), or a space."""
_DATE_UNIT_LEADS = _opening("年月日号")
"""What :data:`_DATE_UNIT` opens with, or a space."""
_APPROX_AFTER_UNIT_LEADS = _opening("以左上")
"""What :data:`_APPROX_AFTER_UNIT` (以上, 以下, 左右, 上下) opens with, or a space."""
_GLUED_LATIN_LEADS = _opening("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
"""What :data:`_GLUED_LATIN` opens with, or a space."""


def _marked(text: str, token: _Token) -> tuple[Figure | None, int] | None:
    """A mark that makes the figure at once: 第 an ordinal, 百分之 a percentage, 分之 a
    fraction; None when there is none.

    >>> [(f.text, f.kind.value) for f in extract("第十届，面积的百分之八十二，有四分之一")]
    [('第十', 'ordinal'), ('百分之八十二', 'percent'), ('四分之一', 'fraction')]
    """
    start, end, value = token.match.start(), token.end, token.value
    if token.before.endswith("第"):
        soft = token.is_cn and value <= SOFT_LIMIT
        return _figure(text, start - 1, end, value, _ORDINAL, soft=soft), end
    if token.before.endswith("百分之"):  # 百分之百 is soft, as 百分百 is
        whole = token.groups.cn == "百"
        return _figure(text, start - 3, end, value, _PERCENT, unit="%", soft=whole), end
    if text.startswith("分之", end) and not token.groups.ar:
        return _fraction(text, token.match, value)
    return None


def _digit_by_digit(text: str, token: _Token) -> bool:
    """Chinese digits read one by one are no quantity (三五个 is "three or five", a
    telephone number is read so), unless they write a year (二零一七年) or a name (六〇二厂).

    >>> [f.text for f in extract("三五个人；二零一七年十月十八日")]
    ['二零一七年十月十八日']
    """
    numeral = token.groups.cn
    return (
        token.is_cn
        and is_digit_sequence(numeral)
        and not _YEAR_AHEAD.match(text, token.end)
        and not _NAMED_BY_DIGITS.fullmatch(numeral)
    )


def _glued(text: str, token: _Token) -> tuple[Figure | None, int] | None:
    """Latin letters right after Arabic digits: a unit makes a measure (3.5mm), other
    letters a code (5G), which is no figure; None when no letters follow.

    >>> [(f.text, f.unit) for f in extract("取消3.5mm耳机接口，利用5G技术，到100km/h")]
    [('3.5mm', 'mm'), ('100km/h', 'km/h')]
    """
    if not token.groups.ar or token.groups.armult:
        return None
    if text[token.end : token.end + 1] not in _GLUED_LATIN_LEADS:
        return None
    glued = _GLUED_LATIN.match(text, token.end)
    if glued is None:
        return None
    if glued.group(1) not in _LATIN_UNITS and "/" in glued.group(1):  # 28.4mg/L: mg
        glued = _GLUED_LATIN.match(text, token.end, glued.start(1) + glued.group(1).index("/"))
    unit = _LATIN_UNITS.get(glued.group(1))
    if unit is None and glued.group().startswith(" "):
        return None  # 2017 NU Muses: a number before a Latin name
    if unit is None:
        return None, glued.end()  # 5G, 3D: a code, not a quantity
    figure = _figure(
        text, token.start, glued.end(), token.value, _MEASURE, unit=unit, step=token.step
    )
    return figure, glued.end()


def _around(text: str, token: _Token) -> _Token:
    """A sign before the number, a second number after it (a range) and an approximation
    before or after it.

    >>> [(f.text, str(f.value), f.high, f.approx) for f in extract("气温为-5℃")]
    [('-5℃', '-5', None, None)]
    >>> [(f.text, str(f.high), f.approx.value) for f in extract("整合资金1850多万元")]
    [('1850多万元', 'None', 'over')]
    >>> [(f.text, str(f.value), str(f.high)) for f in extract("从600-700万卢布起")]
    [('600-700万卢布', '6000000', '7000000')]
    >>> [(f.text, f.approx.value) for f in extract("每年接待约800万参观者")]
    [('约800万', 'about')]
    """
    if not (
        token.prefix
        or text[token.end : token.end + 1] in _AROUND_LEADS
        or _closes(token.before, _SIGN_LASTS)
    ):
        return token  # most numbers: none of them, and the steps below would find none
    match, start = token.match, token.start
    value, step, end = token.value, token.step, token.end
    sign = None
    if _closes(token.before, _SIGN_LASTS) and not _RANGE_DASH.search(token.before):
        sign = _SIGN.search(token.before)
    if sign:
        value, start = -value, start - len(sign.group())
    value, high, step, end = _range(text, match, value, step, end)
    approx, value, high, end = _approximation(text, end, value, high)
    prefix = token.prefix
    if prefix and not sign:
        approx = approx or APPROX_BEFORE[prefix.group().strip()]
        start = match.start() - len(prefix.group())
    if (start, end, value, step, high, approx) == (
        token.start,
        token.end,
        token.value,
        token.step,
        None,
        None,
    ):
        return token  # nothing around the number (most numbers): no new token
    return token._replace(start=start, end=end, value=value, step=step, high=high, approx=approx)


def _with_unit(text: str, token: _Token) -> _Token:
    """The kind and unit the words after the number give (:func:`_unit`); 时速 makes
    kilometres a speed, and "1.1个和0.2个百分点" makes both percentage points.

    >>> [(f.text, f.unit) for f in extract("设计时速350公里；比上月上升1.1个和0.2个百分点")]
    [('350公里', 'km/h'), ('1.1个', 'pp'), ('0.2个百分点', 'pp')]
    """
    kind, unit, end = _unit(text, token.end)
    if kind is None:
        return token  # nothing after it: the token as it was
    if kind == _COUNT and text[end - 1] == "个" and _SHARED_POINTS.match(text, end - 1):
        kind, unit = _PP, "pp"  # 1.1个和0.2个百分点: both are percentage points
    if unit == "km" and ends_at(_SPEED, text, token.start):
        unit = "km/h"  # 时速 350 公里 is 350 km/h
    return token._replace(kind=kind, unit=unit, end=end)


def _bare_word(text: str, token: _Token) -> bool:
    """A Chinese numeral with nothing that makes it a quantity (no unit, multiplier or
    approximation) is part of a word.

    >>> extract("三思而行")
    []
    """
    match = token.match
    bare = (
        not _has_multiplier_word(text[match.start() : token.end])
        and not token.approx
        and token.high is None
    )
    named = _NAMED_BY_DIGITS.fullmatch(token.groups.cn or "")
    return token.is_cn and bare and not token.bare_ok and not named


def _has_multiplier_word(read: str) -> bool:
    """万 or 亿 somewhere in what was read (三万, 十亿人): the numeral is a quantity."""
    return "万" in read or "亿" in read


def _bare_kind(text: str, token: _Token) -> Kind:
    """What a number with nothing after it counts is: four digits from 1900 to 2099 with no
    multiplier, range or approximation are a year (苹果2016秋季发布会, 《2020的第一场战役》,
    （2020版）), never printed as a count ("2,016"); anything else a count.

    >>> [(f.text, f.kind.value) for f in extract("苹果2016秋季发布会，共2000余人")]
    [('2016', 'year'), ('2000余人', 'count')]
    """
    plain = not (token.groups.armult or token.approx or token.high is not None)
    year = plain and _BARE_YEAR.fullmatch(token.groups.ar or "")
    return _YEAR if year else _COUNT


_BARE_YEAR = _compile(r"(?:19|20)[0-9]{2}")


def _in_calendar(text: str, token: _Token) -> _Token:
    """Years, months and days: a span of years (2014-2025), a day after a month (7月17和22
    日), a cohort (2015 级 is the class that entered in 2015, a year, where 四级 is a
    level), and numbers too large for a date part (18 年 is a number of years).

    >>> [(f.text, f.kind.value, f.unit) for f in extract("总体规划（2014-2025）")]
    [('2014-2025', 'year', None)]
    >>> [(name, f.text, f.kind.value) for name, f in readings("7月17和22日")]
    [('number', '7月17', 'date'), ('number', '22日', 'day')]
    >>> [(f.text, f.kind.value, f.unit) for f in extract("已有18年")]
    [('18年', 'count', 'years')]
    >>> [(f.text, f.kind.value) for f in extract("学院 2015 级的学生，四级响应")]
    [('2015 级', 'year'), ('四级', 'level')]
    """
    kind, unit, value, high = token.kind, token.unit, token.value, token.high
    if (
        kind == _COUNT
        and unit is None
        and high is not None
        and _year_span(value, high, text, token.match.start())
    ):
        kind = _YEAR  # (1999-2019): a span of years
    before = token.before.rstrip()
    if kind == _COUNT and unit is None and before.endswith("月") and 1 <= value <= 31:
        kind = _DAY  # 7月17和22日
    if kind == _YEAR and token.groups.cn in _BARE_MULTIPLIERS:
        kind, unit = _COUNT, "years"  # 千年 is a millennium, never the year 1000
    if kind == _LEVEL and token.groups.ar and 1900 <= value <= 2100:
        kind = _YEAR  # 2015 级的学生: the class that entered in 2015
    kind, unit = _date_kind(kind, unit, value)  # type: ignore[arg-type]
    if (kind, unit) == (token.kind, token.unit):
        return token
    return token._replace(kind=kind, unit=unit)


def _approx_after_unit(text: str, token: _Token) -> _Token:
    """以上, 以下, 左右 after the unit: 60 岁以上, 100 元左右.

    >>> [(f.text, f.approx.value) for f in extract("60岁以上的人口")]
    [('60岁以上', 'over')]
    """
    if token.approx or text[token.end : token.end + 1] not in _APPROX_AFTER_UNIT_LEADS:
        return token
    after_unit = _APPROX_AFTER_UNIT.match(text, token.end)
    if after_unit is None:
        return token
    return token._replace(approx=APPROX_AFTER[after_unit.group().strip()], end=after_unit.end())


def _days_not_dates(text: str, token: _Token) -> _Token:
    """一日, 三日 with no month before them are a number of days, not a date; so is N日
    after 为期/连续/长达/满/持续/历时/实施 or before 内/以内/之内 (实施14日集中隔离 is a 14-day
    quarantine, 15日内 within 15 days); otherwise 14日 is the 14th.

    >>> [(f.text, f.kind.value, f.unit) for f in extract("国情咨文前一日，实施14日集中隔离")]
    [('一日', 'count', 'day'), ('14日', 'count', 'day')]
    """
    if token.kind != _DAY:
        return token
    numeral = (
        token.is_cn
        and text[token.end - 1] == "日"
        and token.before[-1:] not in ("月", "至", "到", "、", "和")
    )
    span = ends_at(_DAYS_BEFORE, text, token.start) or _DAYS_AFTER.match(text, token.end)
    if numeral or span:
        return token._replace(kind=_COUNT, unit="day")
    return token


_DAYS_BEFORE = _compile(r"(?:为期|连续|长达|满|持续|历时|实施|超过|不超过)\s*$")
_DAYS_AFTER = _compile(r"\s*(?:内|以内|之内)")


def _finish(text: str, token: _Token) -> Figure:
    """The figure a token makes; a small Chinese numeral counting things is soft (一个人
    may be "a person"), and so are a bare 百年 or 千年, which the English names with a word
    ("a century", as 十年 is "a decade"), and a bare 万 (保万家洁净 "clean your home"; 每万人
    is "per 10,000 people").

    >>> [(f.text, f.soft) for f in extract("一个人的健康，数十款产品，百年党史，每万人")]
    [('一个', True), ('数十', False), ('百年', True), ('万人', False)]
    """
    small = (
        token.is_cn
        and token.value <= SOFT_LIMIT
        and token.high is None
        and token.kind in (_COUNT, _MEASURE, _LEVEL)
        and token.approx != _VAGUE_APPROX  # 数十款 is "dozens of": a figure the English must keep
    )
    bare = token.groups.cn if token.groups.cn in _BARE_MULTIPLIERS else None
    century = bare is not None and token.unit == "years"
    myriad = bare == "万" and not (token.prefix or token.approx or token.before.endswith("每"))
    return _figure(
        text,
        token.start,
        token.end,
        token.value,
        token.kind,  # type: ignore[arg-type]
        unit=token.unit,
        high=token.high,
        approx=token.approx,
        step=token.step,
        soft=small or century or myriad,
    )


def _year_span(low: Decimal, high: Decimal, text: str, start: int) -> bool:
    return text[start : start + 4].isdigit() and all(
        1900 <= v <= 2100 and v == v.to_integral_value() for v in (low, high)
    )


def _date_kind(kind: Kind, unit: str | None, value: Decimal) -> tuple[Kind, str | None]:
    """18 年 is a duration, 2018 年 a year; 13 月 is no month, 32 日 no day."""
    if kind == _YEAR and not (1000 <= value <= 2200 and value == value.to_integral_value()):
        return _COUNT, "years"  # 18 年, 1.1 亿年: a number of years
    if kind == _MONTH and not 1 <= value <= 12:
        return _COUNT, None
    if kind == _DAY and not 1 <= value <= 31:
        return _COUNT, None
    return kind, unit


def _range(
    text: str, match: regex.Match[str], value: Decimal, step: Decimal, end: int
) -> tuple[Decimal, Decimal | None, Decimal, int]:
    """A second number after 至/到/-: 5至10万元 is 50,000 to 100,000 yuan."""
    joined = _RANGE_JOIN.match(text, end) if text[end : end + 1] in _RANGE_JOIN_LEADS else None
    second = NUMBER.match(text, joined.end()) if joined else None
    parsed = _number(second) if second else None
    if parsed is None or parsed[0] <= value:
        return value, None, step, end
    high = parsed[0]
    if _has_multiplier(second) and not _has_multiplier(match):
        scaled = value * _multiplier_of(second)
        if scaled <= high:
            value = scaled
    return value, high, min(step, parsed[1]), second.end()


def _approximation(
    text: str, end: int, value: Decimal, high: Decimal | None
) -> tuple[Approx | None, Decimal, Decimal | None, int]:
    """余/多/左右 after a number; 十余万 and 十几千 put the multiplier after 余 and 几."""
    suffix = _APPROX_AFTER.match(text, end) if text[end : end + 1] in _APPROX_AFTER_LEADS else None
    if not suffix:
        return None, value, high, end
    approx = APPROX_AFTER[suffix.group().strip()]
    end = suffix.end()
    multiplier = _MULTIPLIER_AFTER.match(text, end)
    if multiplier:
        for ch in multiplier.group():
            value *= MULTIPLIERS[ch]
            high = high * MULTIPLIERS[ch] if high is not None else None
        end = multiplier.end()
    return approx, value, high, end


def _number(
    match: regex.Match[str] | None, bare_ok: bool = False
) -> tuple[Decimal, Decimal, bool] | None:
    """Value, step and whether Chinese numerals were used; None for no number."""
    if match is None:
        return None
    ar, armult, cn = match.group("ar", "armult", "cn")
    return _value(_Groups(ar, (armult or "").strip(), cn), bare_ok)


def _value(groups: _Groups, bare_ok: bool = False) -> tuple[Decimal, Decimal, bool] | None:
    """The :func:`_number` of a match's ``groups``."""
    if groups.ar:
        value, step = parse_arabic(groups.ar)
        mult = groups.armult
        if mult:
            value, step = value * MULTIPLIERS[mult], step * MULTIPLIERS[mult]
        return value, step, False
    token = groups.cn
    if token in ("万", "亿", "千", "百", "万亿") and not bare_ok:
        return None  # 万元 is "ten-thousand yuan" only after 上/数/几 or before 余
    return _chinese(token)


@functools.lru_cache(maxsize=4096)
def _chinese(token: str) -> tuple[Decimal, Decimal, bool] | None:
    """The :func:`_number` of a Chinese numeral, kept for the next time: it depends on the
    numeral alone, text repeats the same few (一, 两, 十二), and a numeral cn2an refuses
    (:func:`~bitext.figures.values.parse_chinese` keeps no refusal) costs it 50 µs each
    time."""
    try:
        value = parse_chinese(token)
    except (ValueError, TypeError, KeyError, ArithmeticError):
        return None
    return value, _cn_step(token), True


def _cn_step(token: str) -> Decimal:
    """Place value of the last digit a Chinese numeral states: 三千八百 → 100.

    >>> _cn_step("三千八百"), _cn_step("七点五万"), _cn_step("两亿")
    (Decimal('100'), Decimal('1000'), Decimal('100000000'))
    """
    body = token.rstrip("万亿")
    factor = Decimal(1)
    for ch in token[len(body) :]:
        factor *= MULTIPLIERS[ch]
    if "点" in body:
        return tidy(Decimal(1).scaleb(-len(body.split("点")[1])) * factor)
    return tidy(_PLACE.get(body[-1:], Decimal(1)) * factor)


_PLACE = {
    "十": Decimal(10), "拾": Decimal(10), "百": Decimal(100), "佰": Decimal(100),
    "千": Decimal(1000), "仟": Decimal(1000),
}  # fmt: skip


def _has_multiplier(match: regex.Match[str]) -> bool:
    if match.group("ar"):
        return bool(match.group("armult").strip())
    return match.group("cn")[-1] in "万亿"


def _multiplier_of(match: regex.Match[str]) -> Decimal:
    if match.group("ar"):
        return MULTIPLIERS[match.group("armult").strip()]
    factor = Decimal(1)
    for ch in reversed(match.group("cn")):
        if ch not in "万亿":
            break
        factor *= MULTIPLIERS[ch]
    return factor


_MULTIPLIER_AFTER = _compile(r"(?:[万亿]|千(?![米克瓦卡焦帕兆]))+")


def _unit(text: str, pos: int) -> tuple[Kind | None, str | None, int]:
    """Kind and unit after a number: money, date part, measure or classifier."""
    if text[pos : pos + 1] in _SPACES:
        rest, skipped = after(text, pos)
    else:  # most numbers: no space to skip, which is what after() would find
        rest, skipped = ahead(text, pos), 0
    for name in _CURRENCY_ORDER.get(rest[:1], ()):
        if rest.startswith(name):
            return _MONEY, _CURRENCIES[name], pos + skipped + len(name)
    if rest.startswith("周年"):
        return _ORDINAL, None, pos + skipped + 2  # 65 周年: the 65th anniversary
    date = _DATE_UNIT.match(text, pos) if text[pos : pos + 1] in _DATE_UNIT_LEADS else None
    if date:
        unit = date.group().strip()[0]
        return (
            _DATE_KINDS[unit],
            None,
            date.end(),
        )
    for name in _MEASURE_ORDER.get(rest[:1], ()):
        if rest.startswith(name):
            return _MEASURE, _MEASURES[name], pos + skipped + len(name)
    if rest[:1] and rest[0] in CLASSIFIERS:
        kind = _LEVEL if rest[0] in _LEVEL_CLASSIFIERS else _COUNT
        return kind, None, pos + skipped + 1
    return None, None, pos


_DATE_KINDS = {"年": _YEAR, "月": _MONTH, "日": _DAY, "号": _DAY}
_LEVEL_CLASSIFIERS = "级"
"""四级应急响应, 6.1 级地震: 级 names a level on a scale (:attr:`Kind.LEVEL`), not a count."""


_CURRENCIES = spellings("zh", lambda unit: unit.dimension == Dimension.MONEY)
_MEASURES = spellings("zh", lambda unit: unit.dimension != Dimension.MONEY)
_LATIN_UNITS = spellings("zh_latin")


def _by_first_character(spelled: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The spellings to try in turn (:func:`~bitext.figures.units.longest_first`), grouped
    by their first character: only those starting with the character after a number can
    follow it, so :func:`_unit` tries those alone, in the same order.

    >>> _by_first_character({"米": "m", "平方米": "m2", "毫米": "mm", "平方公里": "km2"})
    {'平': ('平方公里', '平方米'), '毫': ('毫米',), '米': ('米',)}
    """
    groups: dict[str, tuple[str, ...]] = {}
    for name in longest_first(spelled):
        groups[name[0]] = (*groups.get(name[0], ()), name)
    return groups


_CURRENCY_ORDER = _by_first_character(_CURRENCIES)
_MEASURE_ORDER = _by_first_character(_MEASURES)
_UNIT_STARTS = frozenset(
    "".join(n[0] for n in spellings("zh")) + CLASSIFIERS + "年月日号万亿千百%％倍成余多"
)


_INCREASE_BY = _compile(r"(?:增长|增加|提高|上升|上涨|提升|扩大|增|涨|翻)了?\s*$")
"""增长1.5倍: a rise BY 1.5 times, to 2.5 times the old level."""
_LEVEL_OF = _compile(r"(?:的|为|是|达|达到|相当于|约|近)\s*$")
"""是去年的3倍, 为…3倍: the new level itself."""


def _multiple_sense(text: str, start: int, value: Decimal) -> str:
    """Which multiple a 倍 figure states: the rise (``x+``: 增长2倍 is three times the old
    level, and 一倍 is always a rise), the level (``x``: 是去年的3倍), or either (``x?``: 超过
    3倍 alone).

    >>> [_multiple_sense(t, t.index("2"), Decimal(2)) for t in ("增长2倍", "是去年的2倍", "超过2倍")]
    ['x+', 'x', 'x?']
    """
    before = text[max(0, start - 8) : start]
    if _INCREASE_BY.search(before) or value <= 1:
        return "x+"
    if _LEVEL_OF.search(before) or text.startswith("倍于", start):
        return "x"
    return "x?"


def _percent(text: str, token: _Token, end: int) -> Figure:
    """Percent, per mille, percentage points, 成 (tenths) and 倍 (multiples).

    >>> [(f.text, str(f.value), f.kind.value) for f in extract("增长12%，下降3成，提高2倍")]
    [('12%', '12', 'percent'), ('3成', '30', 'percent'), ('2倍', '2', 'multiple')]
    """
    return _shares(text, token.start, end, token.value, token.step, token.high, token.approx)


def _shares(
    text: str,
    start: int,
    end: int,
    value: Decimal,
    step: Decimal,
    high: Decimal | None,
    approx: Approx | None,
) -> Figure:
    """The figure of :func:`_percent`, from ``start`` to the mark that ends at ``end``."""
    mark = text[start:end].rstrip()
    kind, unit, factor = _PERCENT, "%", Decimal(1)
    if mark.endswith("百分点"):
        kind, unit = _PP, "pp"
    elif mark.endswith("倍"):
        kind, unit = _MULTIPLE, _multiple_sense(text, start, value)
    elif mark.endswith("成"):
        factor = Decimal(10)
    elif mark.endswith("‰"):
        factor = Decimal("0.1")
    return _figure(
        text, start, end, value * factor, kind, unit=unit,
        high=high * factor if high is not None else None, approx=approx, step=step * factor,
    )  # fmt: skip


def _fraction(
    text: str, match: regex.Match[str], denominator: Decimal
) -> tuple[Figure | None, int]:
    """三分之一: one third, as a percentage."""
    numerator_match = NUMBER.match(text, match.end() + 2)
    parsed = _number(numerator_match)
    if parsed is None or denominator == 0:
        return None, match.end() + 2
    end = numerator_match.end()
    value = share(parsed[0], denominator)
    return _figure(text, match.start(), end, value, _FRACTION, unit="%", step=Decimal("0.01")), end


_figure = functools.partial(figure_of, "zh")
"""A Chinese figure of ``text[start:end]`` (:func:`bitext.figures.reading.figure_of`)."""


# --- the registry -------------------------------------------------------------------

READERS = (
    Reader(
        "date-stamp",
        date_stamps("zh"),
        "2020-07-26: one date",
        DIGIT.and_one_of("-", "/", "."),  # the separators DATE_STAMP allows
    ),
    Reader(
        "slash-fraction",
        whole(_slash_fractions),
        "2/3: a fraction, as a percentage",
        DIGIT.and_one_of("/"),
    ),
    Reader(
        "post-decade",
        whole(_post_decades),
        "80后, 80、90后: the generation of a decade",
        DIGIT.and_one_of("后"),
    ),
    Reader(
        "decade",
        whole(_decades),
        "20 世纪 90 年代, 上世纪 80 年代, 90 年代: a decade",
        one_of("年代"),
    ),
    Reader(
        "century",
        whole(_centuries),
        "20 世纪, 18-19世纪: a century or two, an ordinal",
        one_of("世纪"),
    ),
    Reader(
        "clock",
        whole(_clocks),
        "下午 3 时 30 分, 7 点半, 8 时许: a time of day",
        one_of("时", "点"),
    ),
    Reader(
        "colon-clock",
        whole(_colon_clocks),
        "07:30, 晚7:30, 19:44:50, 08H00: a time of day",
        DIGIT.and_one_of(*_COLON_CLOCK_MARKS),
    ),
    Reader(
        "clock-orphan",
        _clock_orphans,
        ":06 at a fragment's start: what is left of a clock",
        DIGIT.and_one_of(":", "："),
    ),
    Reader(
        "race-time",
        whole(_durations),
        "1 分 57 秒 79: a race time, in seconds",
        DIGIT.and_one_of("秒"),
    ),
    Reader(
        "ratio",
        whole(_ratios),
        "1∶1, 2∶1: a ratio, compared as a score",
        DIGIT.and_one_of("∶"),
    ),
    Reader("score", whole(_scores), "2 比 0, 3-1, 3:0: a score", DIGIT.and_one_of(*_SCORE_MARKS)),
    Reader(
        "streak",
        whole(_streaks),
        "四连胜: a record of straight wins (4-0) or losses",
        one_of("连胜", "连败", "连负"),
    ),
    Reader(
        "successive",
        whole(_successive),
        "十八连丰, 五连涨: a count of successive events",
        one_of("连"),
    ),
    Reader(
        "doubling",
        whole(_doublings),
        "翻一番, 翻两番: doubled (×2), quadrupled (×4)",
        one_of("番"),
    ),
    Reader(
        "vague",
        whole(_vague),
        "成千上万, 数以万计: an order of magnitude",
        one_of("成千", "成百", "数以", "万千"),
    ),
    Reader("first", whole(_firsts), "首次, 首届, 头号: the first", one_of("首", "头号")),
    Reader(
        "and-a-half", whole(_and_a_half), "一年半, 两个半小时: a duration and a half", one_of("半")
    ),
    Reader("half", whole(_halves), "一半, 半数, 过半: half, as a percentage", one_of("半")),
    Reader(
        "half-of-one",
        whole(_halves_of_one),
        "半米, 半小时, 半页纸: half of one unit or thing",
        one_of("半"),
    ),
    Reader(
        "percent-without-zhi",
        whole(_percents_without_zhi),
        "百分百, 百分二百: a percentage",
        one_of("百分"),
    ),
    Reader("midnight", whole(_midnights), "零点, 零时: midnight", one_of("零点", "零时")),
    Reader(
        "roman",
        whole(_romans),
        "Ⅲ级, II 级, Ⅳ类: a level in Roman numerals",
        one_of(*"ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX"),
    ),
    Reader(
        "school-grade", whole(_school_grades), "二年级: a school grade, a level", one_of("年级")
    ),
    Reader(
        "below-ground",
        whole(_floors_below_ground),
        "负二层, 地下一楼: floor -2, -1",
        one_of("负", "地下"),
    ),
    Reader(
        "clock-range",
        whole(_clock_ranges),
        "0-24 时: two times of day",
        DIGIT.and_one_of("时", "点"),
    ),
    Reader("two-months", whole(_two_months), "七八月: two months, July and August", one_of("月")),
    Reader(
        "adjacent", whole(_adjacent_ranges), "五六百米, 两三个, 三四五六年级: neighbouring numerals"
    ),
    Reader("stars", whole(_stars), "五星好评, 四星级酒店: a rating in stars", one_of("星")),
    Reader("volumes", whole(_volumes), "上下册, 上中下卷: volumes 1 to 2 (or 3)", one_of("下")),
    Reader(
        "weekday",
        whole(_weekdays),
        "周六, 星期五, 礼拜天: a day of the week (soft)",
        one_of("周", "星期", "礼拜"),
    ),
    Reader(
        "names",
        names.shield("zh"),
        "十九大, 十四五, 五一, 一带一路, B-52, 415-575-4444: names, codes and set phrases",
    ),
    Reader("number", _numbers, "387.75 万元, 三千八百人, 5至10万元, 第十四: numbers"),
)
"""Every reader of Chinese figures, in precedence order (see the module docstring). A
reader's gate is read off its pattern: every match holds the digit or one of the words
(年代 ends every decade); ``tests/test_fast_paths.py`` holds them to it. The plain
numbers and the neighbouring numerals have none: most texts hold a numeral, and asking
costs more than reading."""
_GATES = Gates.of(reader.needs for reader in READERS)
"""The readers' gates, each checked once per text."""
