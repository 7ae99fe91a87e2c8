"""Figures in Chinese text, normalized to values.

A figure is a number token (Arabic, full-width or Chinese numerals) read
together with what surrounds it: a multiplier (387.75 万), an approximation
(近, 约, 余, 多, 左右, 上万, 数十), a sign, a percent sign or 百分之, 个百分点,
成, 倍, 翻一番, 分之, a currency or unit, 年/月/日/号, 第 for ordinals, and a
second number for a range (5至10万元). Some forms are read whole before plain
numbers: clock times (下午 3 时 30 分), scores (2 比 0) and decades (20 世纪 90
年代).

Chinese numerals are everywhere in ordinary words (一些, 统一, 十分, 万一), so
a Chinese-numeral token only counts when a unit, a classifier or a
multiplier says it is a quantity. Small Chinese numerals (一名教师, 第二) are
*soft*: English often renders them as "a" or leaves them implicit. Numbers in
Latin text embedded in the Chinese ("(Representation of the People Act 1983)")
and digits glued to Latin letters (5G) are no quantities. Names and codes (十四五,
十九大, 五一, B-52, 415-575-4444) are :mod:`bitext.figures.names`'s: this reader
leaves the spans of :func:`~bitext.figures.names.shielded` alone.

>>> [(f.text, f.value, f.unit) for f in extract("投入 387.75 万元,培训 8 期")]
[('387.75 万元', Decimal('3877500'), 'CNY'), ('8 期', Decimal('8'), None)]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from decimal import Decimal

import regex

from bitext.figures import names
from bitext.figures.units import Dimension, longest_first, spellings
from bitext.figures.values import (
    DATE_STAMP,
    MULTIPLIERS,
    after,
    clock_digits,
    date_stamp_parts,
    ends_at,
    is_digit_sequence,
    parse_arabic,
    parse_chinese,
    share,
    significant,
    tidy,
    too_long,
)
from bitext.hans import simplified
from bitext.model import Approx, Figure, Kind

CLASSIFIERS = (
    "个名位人家所项条次期批件台辆套座处种类块张本篇份户村镇乡县省市国届场轮季间栋层排行列"
    "组队支只头匹棵株架艘枚颗粒首部集章节起宗笔例门床幢股趟遍回番元角分级枪球局盘杆"
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
NUMBER = regex.compile(
    rf"(?P<ar>(?<![0-9０-９][.．])(?<![0-9０-９][,，](?=[0-9]{{3}}(?![0-9])))(?<![0-9０-９.．\p{{Latin}}]){_AR}(?![0-9０-９]))(?P<armult>{_AR_MULT})"
    rf"|(?P<cn>{_CN})"
)
_SMALL = r"[0-9０-９]{1,2}|[零〇一二两三四五六七八九十]{1,3}"

_APPROX_BEFORE = regex.compile(
    "(?<![节制签条合公预邀相婚])(?:"
    + "|".join(sorted(APPROX_BEFORE, key=len, reverse=True))
    + r")\s*$"
)
_APPROX_AFTER = regex.compile(
    r"\s*(?:" + "|".join(sorted(APPROX_AFTER, key=len, reverse=True)) + ")"
)
_PERCENT_AFTER = regex.compile(
    r"\s*(?:%|％|‰|个百分点|百分点|成(?![为功本立果长交员都绩就熟型品年人效])|倍)"
)
_RANGE_JOIN = regex.compile(r"\s*(?:至|到|-|—|–|~|～|－)\s*")
_DATE_UNIT = regex.compile(r"\s*(?:年(?!代|级|龄|纪|轻|均)|月份?|日|号)")
_GLUED_LATIN = regex.compile(r"\s?([A-Za-z]+)")
_SIGN = regex.compile(r"(?:(?:^|(?<=[\s(（为是达至到降跌了在率值：:，,]))[-−－]|负\s*|地下\s*)$")
_HAN = regex.compile(r"\p{Han}")
_LETTER_ZERO = regex.compile(r"(?<=[一二三四五六七八九〇零])[OＯ○](?=[一二三四五六七八九〇零])")
"""六O二厂, 二○一八: a letter O or a circle written for 〇."""
_SPEED = regex.compile(r"时速\s*$")
_NAMED_BY_DIGITS = regex.compile(r"[一二三四五六七八九][〇零][一二三四五六七八九〇零]+")
"""六〇二厂: a number read out digit by digit with a zero in it is the number 602."""
_CLOCK = regex.compile(
    rf"(?:(?P<period>上午|下午|凌晨|晚上|早上|早晨|中午|傍晚|夜间|夜里|晚|早)|(?<!\s))\s*"
    rf"(?P<h>{_SMALL})\s*(?P<mark>时|点(?=\s*{_SMALL}\s*分)|点(?![零〇一二三四五六七八九0-9]))"
    rf"(?:\s*(?P<m>{_SMALL})\s*分)?(?P<half>半)?(?P<approx>左右|许)?"
)
r"""A clock starts at its period word or where the spaces before it start (?<!\s): tried
at every space of a long run, \s* made the search quadratic."""
_COLON_CLOCK = regex.compile(
    r"(?:(?P<period>上午|下午|凌晨|晚上|早上|早晨|中午|傍晚|夜间|夜里|晚|早)|(?<!\s))\s*"
    r"(?<![0-9.:])(?P<h>[0-2]?[0-9])[:：](?P<m>[0-5][0-9])(?:[:：](?P<s>[0-5][0-9]))?(?![0-9:])"
)
_DURATION = regex.compile(
    r"(?:(?P<h>[0-9]{1,2})\s*小时\s*)?(?P<m>[0-9]{1,3})\s*分(?:钟)?\s*(?P<s>[0-9]{1,2})\s*秒"
    r"\s*(?P<f>[0-9]{1,3})?(?![0-9])"
)
_SLASH_FRACTION = regex.compile(r"(?<![0-9/.])(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})(?![0-9/.])")
_POST_DECADES = regex.compile(r"(?P<d>[0-9]0)(?=(?:\s*[、和]\s*[0-9]0)*\s*后)")
"""80后, 80、90后: the generations born in the 1980s and 1990s."""
_APPROX_AFTER_UNIT = regex.compile(r"\s*(?:以上|以下|左右|上下)")
_REMAINDER = regex.compile(r"(?P<n>[0-9]{1,4})(?P<w>万)?(?![0-9.])")
_SHARED_POINTS = regex.compile(r"个\s*[、和及]\s*[0-9.]+\s*个百分点")
_SCORE = regex.compile(
    r"(?<![0-9.])(?P<a>[0-9]{1,3})\s*(?:比|(?P<dash>-))\s*(?P<b>[0-9]{1,3})(?![0-9.%％])"
    r"|(?<![0-9.:：])(?P<a>[0-9]{1,2})[:：](?P<b>[0-9])(?![0-9.:：])"  # 3:0 (a clock has 3:00)
)
_STREAK = regex.compile(r"(?P<n>[0-9]{1,2}|[二两三四五六七八九十]{1,3})连(?P<how>胜|败|负)")
_DECADE = regex.compile(
    r"(?:(?P<c>[0-9]{2}|[一二]?十[一二三四五六七八九]?)\s*世纪\s*|上世纪\s*)?"
    r"(?P<d>(?:1[5-9]|20)?[0-9]0|[一二三四五六七八九]十)\s*年代"
)
_CENTURY = regex.compile(r"(?P<c>[0-9]{1,2}|[一二]?十[一二三四五六七八九]?)\s*世纪")
_VAGUE = regex.compile(
    r"成千上万|成千上百|数以万计|数以千计|数以百万计|数以亿计|万千(?![瓦克米卡焦])"
)
_VAGUE_VALUES = {"成千上万": 1000, "成千上百": 100, "数以万计": 10**4, "数以千计": 1000,
                 "数以百万计": 10**6, "数以亿计": 10**8, "万千": 1000}  # fmt: skip
_FIRST = regex.compile(r"首(?=[次届个批位家座款台次轮期])|头号")
_HALF = regex.compile(r"一半|半数|过半")
_AND_A_HALF = regex.compile(
    r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*"
    r"(?:(?P<before>年|天|周|小时|分钟)半|个半(?P<after>小时|月|钟头|星期))"
)
_HALF_UNITS = {"年": "years", "天": "day", "周": "week", "星期": "week", "小时": "h", "钟头": "h",
               "分钟": "min", "月": "month-count"}  # fmt: skip
_YEAR_AHEAD = regex.compile(r"年|\s*(?:至|到|-|—|~|～)\s*[零〇一二三四五六七八九]{4}年")
"""二〇一八年, and 二零一八 in 二零一八至二零二二年."""
_BARE_AMOUNT = regex.compile(
    r"(?:万亿|亿|千万|百万)(?:元|美元|欧元|英镑|市值|规模|级)|[百千万](?:日|天)|[百千](?:元|块)"
    r"|(?<=每)[百千万]|[百千](?=[户人家个名])"
)
"""万亿市值, 亿元级, 千万美元, 百日: a bare multiplier before money or time is one of it."""
_MIDNIGHT = regex.compile(r"零点(?![零〇一二三四五六七八九十0-9])|零时")
_ROMAN = regex.compile(
    r"(?P<r>[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|(?<![A-Za-z])[IVX]{1,4}(?![A-Za-z]))\s*(?:级|(?=类|期|型|号))"
)
_ROMAN_VALUES = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10}
_CLOCK_RANGE = regex.compile(
    r"(?P<a>[0-9]{1,2})\s*[-—–至到~～]\s*(?P<b>[0-9]{1,2})\s*(?:时|点)(?!间)"
)
_TWO_MONTHS = regex.compile(r"(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九十])月")
_EVENING = ("下午", "晚上", "傍晚", "夜间", "夜里", "晚")
_SOFT_LIMIT = Decimal(10)


def extract(text: str, base: int = 0) -> list[Figure]:
    """Figures in a Chinese span; offsets are ``base`` + positions in ``text``.

    Traditional characters are read through :func:`bitext.hans.simplified` (萬 as 万);
    each figure's ``text`` is quoted from ``text`` as given.
    """
    view = _LETTER_ZERO.sub("〇", simplified(text))
    figures = _special_forms(view)
    taken = _merge([*((f.start, f.end) for f in figures), *names.shielded(view, "zh")])
    pos = 0
    while (match := NUMBER.search(view, pos)) is not None:
        pos = match.end()
        if _inside(match.start(), taken) or _in_latin_phrase(view, *match.span()):
            continue
        if too_long(match.group("ar") or match.group("cn") or ""):
            continue
        figure, pos = _read(view, match)
        if figure is not None:
            figures.append(figure)
    figures.sort(key=lambda f: f.start)
    return [
        f._replace(
            start=f.start + base,
            end=f.end + base,
            text=text[f.start : f.end],
        )
        for f in figures
    ]


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones merged, for :func:`_inside` to bisect: a
    paragraph can hold a hundred thousand figures, too many to test one by one.

    >>> _merge([(5, 8), (0, 2), (1, 3), (7, 9)])
    [(0, 3), (5, 9)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(position: int, merged: list[tuple[int, int]]) -> bool:
    """``position`` lies in one of the ``merged`` spans (see :func:`_merge`)."""
    k = bisect.bisect_right(merged, position, key=lambda span: span[0]) - 1
    return k >= 0 and merged[k][0] <= position < merged[k][1]


def _in_latin_phrase(text: str, start: int, end: int) -> bool:
    """A number inside Latin text embedded in the Chinese: "(… People Act 1983)",
    "iPhone 7" — a Latin word before it and no Chinese unit after it."""
    word = ends_at(_LATIN_BEFORE, text, start)
    following = after(text, end)[0][:1]
    return word is not None and (not following or following not in _UNIT_STARTS)


_LATIN_BEFORE = regex.compile(r"\p{Latin}[\p{Latin}'.]+\s*$")


# --- forms read whole -------------------------------------------------------------


def _special_forms(text: str) -> list[Figure]:
    found: list[Figure] = []
    readers = (
        _date_stamps,
        _slash_fractions,
        _post_decades,
        _decades,
        _centuries,
        _clocks,
        _colon_clocks,
        _durations,
        _scores,
        _doublings,
        _vague,
        _firsts,
        _and_a_half,
        _halves,
        _midnights,
        _romans,
        _clock_ranges,
        _two_months,
    )
    for reader in readers:
        for figure in reader(text):
            if not any(f.start < figure.end and figure.start < f.end for f in found):
                found.append(figure)
    return found


def _small(token: str) -> int:
    return int(parse_arabic(token)[0]) if token[0].isdigit() else int(parse_chinese(token))


def _clocks(text: str) -> list[Figure]:
    figures = []
    for match in _CLOCK.finditer(text):
        hour = _small(match.group("h"))
        minute = _small(match.group("m")) if match.group("m") else 0
        period = match.group("period")
        if hour > 24 or minute >= 60 or not _is_clock(text, match):
            continue
        if period in _EVENING and hour < 12:
            hour += 12
        seconds = hour * 3600 + minute * 60 + (1800 if match.group("half") else 0)
        step = 60 if match.group("m") or match.group("half") else 3600
        start = match.start("period") if period else match.start("h")
        approx = Approx.ABOUT if match.group("approx") else None
        figures.append(
            _figure(
                text,
                start,
                match.end(),
                Decimal(seconds),
                Kind.CLOCK,
                step=Decimal(step),
                approx=approx,
            )
        )
    return figures


def _colon_clocks(text: str) -> list[Figure]:
    """07:30 and 19:44:50 written the English way inside Chinese; 晚7:30 is 19:30."""
    figures = []
    for m in _COLON_CLOCK.finditer(text):
        hour = int(m.group("h"))
        if m.group("period") in _EVENING and hour < 12:
            hour += 12
        seconds = hour * 3600 + int(m.group("m")) * 60 + int(m.group("s") or 0)
        if hour <= 24:
            figures.append(
                _figure(text, m.start(), m.end(), Decimal(seconds), Kind.CLOCK, step=Decimal(60))
            )
    return figures


def _date_stamps(text: str) -> list[Figure]:
    """2020-07-26: its year, month and day."""
    return [
        _figure(text, start, end, value, kind)
        for match in DATE_STAMP.finditer(text)
        for start, end, value, kind in date_stamp_parts(match)
    ]


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
    return match.group("h")[0].isdigit() and after in (
        "，",
        ",",
        "。",
        "、",
        " ",
        "",
        "了",
        "多",
        "前",
        "后",
    )


def _durations(text: str) -> list[Figure]:
    """Race times: 1 分 57 秒 79 is 117.79 seconds."""
    figures = []
    for match in _DURATION.finditer(text):
        fraction = match.group("f") or ""
        whole = (
            int(match.group("h") or 0) * 3600 + int(match.group("m")) * 60 + int(match.group("s"))
        )
        seconds = Decimal(f"{whole}.{fraction or 0}")
        step = Decimal(1).scaleb(-len(fraction)) if fraction else Decimal(1)
        figures.append(_figure(text, match.start(), match.end(), seconds, Kind.CLOCK, step=step))
    return figures


def _scores(text: str) -> list[Figure]:
    figures = []
    for match in _SCORE.finditer(text):
        a, b = Decimal(match.group("a")), Decimal(match.group("b"))
        if match.group("dash") and b >= a:
            continue  # 5-10 is a range
        figures.append(_figure(text, match.start(), match.end(), a, Kind.SCORE, high=b))
    for match in _STREAK.finditer(text):  # 四连胜 is a 4-0 record
        count = Decimal(_small(match.group("n")))
        won = match.group("how") == "胜"
        figures.append(
            _figure(text, *match.span(), count if won else Decimal(0), Kind.SCORE,
                    high=Decimal(0) if won else count)
        )  # fmt: skip
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
    return [
        _figure(text, m.start(), m.end(), Decimal(m.group("d")), Kind.DECADE)
        for m in _POST_DECADES.finditer(text)
    ]


def _decades(text: str) -> list[Figure]:
    figures = []
    for match in _DECADE.finditer(text):
        decade = int(match.group("d")) if match.group("d").isdigit() else _small(match.group("d"))
        century = match.group("c")
        if century:
            value = (_small(century) - 1) * 100 + decade
        else:  # 上世纪 80 年代, from this century, is the 1980s
            value = 1900 + decade if match.group().startswith("上世纪") and decade < 100 else decade
        figures.append(_figure(text, match.start(), match.end(), Decimal(value), Kind.DECADE))
    return figures


def _centuries(text: str) -> list[Figure]:
    return [
        _figure(text, m.start(), m.end(), Decimal(_small(m.group("c"))), Kind.ORDINAL)
        for m in _CENTURY.finditer(text)
    ]


_DOUBLINGS = regex.compile(r"翻(?:了)?(?P<n>一|两|二|三|四)番")


def _doublings(text: str) -> list[Figure]:
    """翻一番 doubles (×2), 翻两番 quadruples (×4)."""
    return [
        _figure(
            text, m.start(), m.end(), Decimal(2) ** _small(m.group("n")), Kind.MULTIPLE, unit="x"
        )
        for m in _DOUBLINGS.finditer(text)
    ]


def _midnights(text: str) -> list[Figure]:
    return [
        _figure(text, m.start(), m.end(), Decimal(0), Kind.CLOCK) for m in _MIDNIGHT.finditer(text)
    ]


def roman_value(numeral: str) -> int:
    """Ⅲ → 3, IV → 4.

    >>> roman_value("IV"), roman_value("Ⅲ")
    (4, 3)
    """
    if numeral in _ROMAN_VALUES:
        return _ROMAN_VALUES[numeral]
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for k, ch in enumerate(numeral):
        value = values[ch]
        total += -value if k + 1 < len(numeral) and values[numeral[k + 1]] > value else value
    return total


def _romans(text: str) -> list[Figure]:
    """Ⅲ级, II 级: levels written in Roman numerals."""
    return [
        _figure(text, m.start(), m.end(), Decimal(roman_value(m.group("r"))), Kind.COUNT)
        for m in _ROMAN.finditer(text)
    ]


def _clock_ranges(text: str) -> list[Figure]:
    """0-24 时: two clock times."""
    figures = []
    for m in _CLOCK_RANGE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= 24:
            figures.append(
                _figure(
                    text,
                    m.start("a"),
                    m.end("a"),
                    Decimal(a * 3600),
                    Kind.CLOCK,
                    step=Decimal(3600),
                )
            )
            figures.append(
                _figure(
                    text, m.start("b"), m.end(), Decimal(b * 3600), Kind.CLOCK, step=Decimal(3600)
                )
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


def _vague(text: str) -> list[Figure]:
    """成千上万 spans thousands to tens of thousands; 数以万计 is tens of thousands."""
    figures = []
    for m in _VAGUE.finditer(text):
        value = Decimal(_VAGUE_VALUES[m.group()])
        high = value * 10 if m.group().startswith(("成千上", "万千")) else None
        figures.append(_figure(text, *m.span(), value, Kind.COUNT, high=high, approx=Approx.VAGUE))
    return figures


# --- plain numbers ----------------------------------------------------------------


def _read(text: str, match: regex.Match[str]) -> tuple[Figure | None, int]:
    """Read one figure around a number token; return it and where scanning resumes."""
    start, end = match.span()
    before = text[max(0, start - 4) : start]
    if regex.search(r"[A-Za-z]\s?/\s?$", before):
        return None, end  # 28.4mg/100ml: 100 ml is the measure's denominator
    prefix = _APPROX_BEFORE.search(before)
    if prefix and prefix.group().strip() == "上" and match.group()[:1] not in "百千万亿":
        prefix = None  # 上百人 is "hundreds"; 以上37℃ is no approximation
    bare_ok = bool(
        prefix or _APPROX_AFTER.match(text, end) or _BARE_AMOUNT.match(text, match.start())
    )
    number = _number(match, bare_ok=bare_ok)
    if number is None:
        return None, end
    value, step, is_cn = number
    rest = (
        _REMAINDER.match(text, end)
        if (match.group("armult") or "").strip() in ("万", "亿")
        else None
    )
    if rest:  # 2万4801, 3亿5000万
        value += parse_arabic(rest.group("n"))[0] * (MULTIPLIERS["万"] if rest.group("w") else 1)
        step, end = Decimal(1), rest.end()
    if before.endswith("第"):
        soft = is_cn and value <= _SOFT_LIMIT
        return _figure(text, start - 1, end, value, Kind.ORDINAL, soft=soft), end
    if before.endswith("百分之"):
        return _figure(text, start - 3, end, value, Kind.PERCENT, unit="%"), end
    if text.startswith("分之", end) and not match.group("ar"):
        return _fraction(text, match, value)
    if (
        is_cn
        and is_digit_sequence(match.group("cn"))
        and not _YEAR_AHEAD.match(text, end)
        and not _NAMED_BY_DIGITS.fullmatch(match.group("cn"))
    ):
        return None, end  # 三五个 is "three or five"; phone numbers are read digit by digit
    if match.group("ar"):
        glued = _GLUED_LATIN.match(text, end)
        if glued and not match.group("armult"):
            unit = _LATIN_UNITS.get(glued.group(1))
            if unit is None and glued.group().startswith(" "):
                glued = None  # 2017 NU Muses: a number before a Latin name
            elif unit is None:
                return None, glued.end()  # 5G, 3D: a code, not a quantity
        if glued and not match.group("armult"):
            figure = _figure(text, start, glued.end(), value, Kind.MEASURE, unit=unit, step=step)
            return figure, glued.end()

    sign = _SIGN.search(before)
    fig_start = start
    if sign:
        value, fig_start = -value, start - len(sign.group())
    value, high, step, end = _range(text, match, value, step, end)
    approx, value, high, end = _approximation(text, end, value, high)
    if prefix and not sign:
        approx = approx or APPROX_BEFORE[prefix.group().strip()]
        fig_start = start - len(prefix.group())

    percent = _PERCENT_AFTER.match(text, end)
    if percent:
        end = percent.end()
        return _percent(text, fig_start, end, value, step, approx, high), end
    kind, unit, end = _unit(text, end)
    if kind == Kind.COUNT and _SHARED_POINTS.match(text, end - 1):
        kind, unit = Kind.PP, "pp"  # 1.1个和0.2个百分点: both are percentage points
    if unit == "km" and ends_at(_SPEED, text, fig_start):
        unit = "km/h"  # 时速 350 公里 is 350 km/h
    if kind is None:
        bare = not regex.search("[万亿]", text[start:end]) and not approx and high is None
        named = _NAMED_BY_DIGITS.fullmatch(match.group("cn") or "")
        if is_cn and bare and not bare_ok and not named:
            return None, end  # a bare Chinese numeral is a word, not a quantity
        kind = Kind.COUNT
    if (
        kind == Kind.COUNT
        and unit is None
        and high is not None
        and _year_span(value, high, text, start)
    ):
        kind = Kind.YEAR  # (1999-2019): a span of years
    if kind == Kind.COUNT and unit is None and before.rstrip().endswith("月") and 1 <= value <= 31:
        kind = Kind.DAY  # 7月17和22日
    kind, unit = _date_kind(kind, unit, value)
    after_unit = _APPROX_AFTER_UNIT.match(text, end)
    if after_unit and not approx:  # 18 岁以上, 100 元左右
        approx = APPROX_AFTER[after_unit.group().strip()]
        end = after_unit.end()
    if (
        kind == Kind.DAY
        and is_cn
        and text[end - 1] == "日"
        and before[-1:] not in ("月", "至", "到", "、", "和")
    ):
        kind, unit = Kind.COUNT, "day"  # 一日, 三日: days, not a date
    soft = (
        is_cn
        and value <= _SOFT_LIMIT
        and high is None
        and kind in (Kind.COUNT, Kind.MEASURE)
        and approx != Approx.VAGUE  # 数十款 is "dozens of": a figure the English must keep
    )
    figure = _figure(
        text, fig_start, end, value, kind, unit=unit, high=high, approx=approx, step=step, soft=soft
    )
    return figure, end


def _year_span(low: Decimal, high: Decimal, text: str, start: int) -> bool:
    return text[start : start + 4].isdigit() and all(
        1900 <= v <= 2100 and v == v.to_integral_value() for v in (low, high)
    )


def _date_kind(kind: Kind, unit: str | None, value: Decimal) -> tuple[Kind, str | None]:
    """18 年 is a duration, 2018 年 a year; 13 月 is no month, 32 日 no day."""
    if kind == Kind.YEAR and not (1000 <= value <= 2200 and value == value.to_integral_value()):
        return Kind.COUNT, "years"  # 18 年, 1.1 亿年: a number of years
    if kind == Kind.MONTH and not 1 <= value <= 12:
        return Kind.COUNT, None
    if kind == Kind.DAY and not 1 <= value <= 31:
        return Kind.COUNT, None
    return kind, unit


def _range(
    text: str, match: regex.Match[str], value: Decimal, step: Decimal, end: int
) -> tuple[Decimal, Decimal | None, Decimal, int]:
    """A second number after 至/到/-: 5至10万元 is 50,000 to 100,000 yuan."""
    joined = _RANGE_JOIN.match(text, end)
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
    suffix = _APPROX_AFTER.match(text, end)
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
    if match.group("ar"):
        value, step = parse_arabic(match.group("ar"))
        mult = match.group("armult").strip()
        if mult:
            value, step = value * MULTIPLIERS[mult], step * MULTIPLIERS[mult]
        return value, step, False
    token = match.group("cn")
    if token in ("万", "亿", "千", "百", "万亿") and not bare_ok:
        return None  # 万元 is "ten-thousand yuan" only after 上/数/几 or before 余
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


_MULTIPLIER_AFTER = regex.compile(r"(?:[万亿]|千(?![米克瓦卡焦帕兆]))+")


def _unit(text: str, pos: int) -> tuple[Kind | None, str | None, int]:
    """Kind and unit after a number: money, date part, measure or classifier."""
    rest, skipped = after(text, pos)
    for name in _CURRENCY_ORDER:
        if rest.startswith(name):
            return Kind.MONEY, _CURRENCIES[name], pos + skipped + len(name)
    if rest.startswith("周年"):
        return Kind.ORDINAL, None, pos + skipped + 2  # 65 周年: the 65th anniversary
    date = _DATE_UNIT.match(text, pos)
    if date:
        unit = date.group().strip()[0]
        return (
            {"年": Kind.YEAR, "月": Kind.MONTH, "日": Kind.DAY, "号": Kind.DAY}[unit],
            None,
            date.end(),
        )
    for name in _MEASURE_ORDER:
        if rest.startswith(name):
            return Kind.MEASURE, _MEASURES[name], pos + skipped + len(name)
    if rest[:1] and rest[0] in CLASSIFIERS:
        return Kind.COUNT, None, pos + skipped + 1
    return None, None, pos


_CURRENCIES = spellings("zh", lambda unit: unit.dimension == Dimension.MONEY)
_MEASURES = spellings("zh", lambda unit: unit.dimension != Dimension.MONEY)
_LATIN_UNITS = spellings("zh_latin")
_CURRENCY_ORDER = longest_first(_CURRENCIES)
_MEASURE_ORDER = longest_first(_MEASURES)
_UNIT_STARTS = frozenset(
    "".join(n[0] for n in spellings("zh")) + CLASSIFIERS + "年月日号万亿千百%％倍成余多"
)


def _percent(
    text: str,
    start: int,
    end: int,
    value: Decimal,
    step: Decimal,
    approx: Approx | None,
    high: Decimal | None,
) -> Figure:
    """Percent, per mille, percentage points, 成 (tenths) and 倍 (multiples)."""
    mark = text[start:end].rstrip()
    kind, unit, factor = Kind.PERCENT, "%", Decimal(1)
    if mark.endswith("百分点"):
        kind, unit = Kind.PP, "pp"
    elif mark.endswith("倍"):
        kind, unit = Kind.MULTIPLE, "x"
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
    return _figure(
        text, match.start(), end, value, Kind.FRACTION, unit="%", step=Decimal("0.01")
    ), end


def _figure(
    text: str,
    start: int,
    end: int,
    value: Decimal,
    kind: Kind,
    *,
    unit: str | None = None,
    high: Decimal | None = None,
    approx: Approx | None = None,
    step: Decimal = Decimal(1),
    soft: bool = False,
) -> Figure:
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        lang="zh",
        value=tidy(value),
        kind=kind,
        unit=unit,
        high=tidy(high) if high is not None else None,
        approx=approx,
        step=tidy(step),
        digits=clock_digits(value) if kind == Kind.CLOCK else significant(value),
        soft=soft,
    )
