"""Figures in Chinese text, normalized to values.

A figure is a number token (Arabic or Chinese numerals) read together with what
surrounds it: a multiplier (387.75 万), an approximation (近, 约, 余, 多,
左右), a percent sign or 百分之, 个百分点, 成, 倍, a currency or unit, 年/月/日,
第 for ordinals, and a second number for a range (5至10万元).

Chinese numerals are everywhere in ordinary words (一些, 统一, 十分, 万一), so
a Chinese-numeral token only counts when a unit, a classifier or a
multiplier says it is a quantity. Small Chinese numerals (一名教师) are
*soft*: English often renders them as "a" or leaves them implicit.

>>> [(f.text, f.value, f.unit) for f in extract("投入 387.75 万元,培训 8 期")]
[('387.75 万元', Decimal('3877500'), 'CNY'), ('8 期', Decimal('8'), None)]
"""

from __future__ import annotations

from decimal import Decimal

import regex

from bitext.figures.values import (
    MULTIPLIERS,
    is_digit_sequence,
    parse_arabic,
    parse_chinese,
    significant,
    tidy,
)
from bitext.hans import simplified
from bitext.model import Figure

_AR = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?[万亿]*"
_AR_MULT = r"(?:\s?(?:万亿|亿|万|千(?![米克瓦卡焦帕兆])|百万|千万))?"

NUMBER = regex.compile(
    rf"(?P<ar>(?<![0-9０-９.．,，\p{{Latin}}]){_AR}(?![0-9０-９]|\p{{Latin}}))(?P<armult>{_AR_MULT})"
    rf"|(?P<cn>{_CN})"
)

CURRENCIES = {
    "人民币": "CNY",
    "元人民币": "CNY",
    "元": "CNY",
    "块": "CNY",
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "新台币": "TWD",
    "韩元": "KRW",
    "卢布": "RUB",
    "澳元": "AUD",
    "加元": "CAD",
    "瑞郎": "CHF",
    "瑞士法郎": "CHF",
    "法郎": "CHF",
    "卢比": "INR",
    "新加坡元": "SGD",
    "泰铢": "THB",
}

MEASURES = {
    "平方公里": "km2",
    "平方千米": "km2",
    "平方米": "m2",
    "立方米": "m3",
    "公里": "km",
    "千米": "km",
    "厘米": "cm",
    "毫米": "mm",
    "米": "m",
    "公顷": "ha",
    "亩": "mu",
    "万吨": "t",
    "吨": "t",
    "公斤": "kg",
    "千克": "kg",
    "克": "g",
    "斤": "jin",
    "千瓦时": "kWh",
    "千瓦": "kW",
    "兆瓦": "MW",
    "升": "l",
    "岁": "age",
    "摄氏度": "C",
    "小时": "h",
    "分钟": "min",
    "秒": "s",
    "天": "day",
    "周": "week",
    "个月": "month-count",
    "年": "year",
}

CLASSIFIERS = (
    "个名位人家所项条次期批件台辆套座处种类块张本篇份户村镇乡县省市国届场轮季间栋层排行列"
    "组队支只头匹棵株架艘枚颗粒首部集章节起宗笔例所门床幢股趟遍回番户元角分多余来倍成"
)

_APPROX_BEFORE = regex.compile(
    r"(?:大约|约合|约|将近|接近|近|超过|逾|超|多达|不到|不足|低于|高于|至少|最多|上|数|几)\s*$"
)
_APPROX_KIND = {
    "大约": "about",
    "约合": "about",
    "约": "about",
    "将近": "under",
    "接近": "under",
    "近": "under",
    "超过": "over",
    "逾": "over",
    "超": "over",
    "多达": "about",
    "高于": "over",
    "至少": "over",
    "不到": "under",
    "不足": "under",
    "低于": "under",
    "最多": "under",
    "上": "about",
    "数": "about",
    "几": "about",
}
_APPROX_AFTER = regex.compile(r"\s*(?:余|多|来|左右|上下|以上|以下|出头)")
_PERCENT_AFTER = regex.compile(
    r"\s*(?:%|％|‰|个百分点|百分点|成(?![为功本立果长交员都绩就熟型品年人效])|倍)"
)
_RANGE_JOIN = regex.compile(r"\s*(?:至|到|-|—|–|~|～|－)\s*")
_DATE_UNIT = regex.compile(r"\s*(?:年(?!代|级|龄|纪|轻|均)|月份?|日|号)")
_IDIOMS = regex.compile(
    r"一对一|一带一路|一些|一起|一样|一直|一定|一般|一切|一旦|一致|一体|一方面|一边|一道|一同|"
    r"一度|一律|一贯|一向|一举|一线|一流|之一|唯一|统一|万一|十分|百姓|千万|万物|百货|一下|一点|"
    r"一部分|一系列|一批批|一次性|第一时间|一把手|一刀切|三农|两会|两岸|双方|一国两制|四个全面|"
    r"五四|三八|一二|零距离|零容忍|一条龙|一揽子|一站式|万众|千方百计|百花|十全十美|九死一生"
)
_SOFT_LIMIT = Decimal(10)


def extract(text: str, base: int = 0) -> list[Figure]:
    """Figures in a Chinese span; offsets are ``base`` + positions in ``text``.

    Traditional characters are read through :func:`bitext.hans.simplified` (萬 as 万);
    each figure's ``text`` is quoted from ``text`` as given.
    """
    view = simplified(text)
    idiom_spans = [m.span() for m in _IDIOMS.finditer(view)]
    figures: list[Figure] = []
    pos = 0
    while True:
        match = NUMBER.search(view, pos)
        if match is None:
            return [f._replace(text=text[f.start - base : f.end - base]) for f in figures]
        pos = match.end()
        if any(a <= match.start() < b for a, b in idiom_spans):
            continue
        figure, pos = _read(view, match, base)
        if figure is not None:
            figures.append(figure)


def _read(text: str, match: regex.Match[str], base: int) -> tuple[Figure | None, int]:
    """Read one figure around a number token; return it and where scanning resumes."""
    start, end = match.span()
    before = text[max(0, start - 4) : start]
    prefix = _APPROX_BEFORE.search(before)
    number = _number(match, bare_ok=bool(prefix) and prefix.group().strip() in "上数几")
    if number is None:
        return None, end
    value, step, is_cn = number
    if before.endswith("第"):
        return _figure(text, start - 1, end, base, value, "ordinal"), end
    if before.endswith("百分之"):
        return _figure(text, start - 3, end, base, value, "percent", unit="%"), end
    if text.startswith("分之", end) and not match.group("ar"):
        return _fraction(text, match, base, value)
    if is_cn and is_digit_sequence(match.group("cn")) and not text.startswith("年", end):
        return None, end  # 三五个 is "three or five"; phone numbers are read digit by digit

    value, high, step, end = _range(text, match, value, step)
    approx, value, high, end = _approximation(text, end, value, high)
    fig_start = start
    if prefix:
        approx = approx or _APPROX_KIND[prefix.group().strip()]
        fig_start = start - len(prefix.group())

    kind, unit, end = _unit(text, end)
    if kind == "percent-sign":
        return _percent(text, fig_start, end, base, value, step, approx, high), end
    if kind is None:
        if is_cn and not regex.search("[万亿]", text[start:end]) and not approx and high is None:
            return None, end  # a bare Chinese numeral is a word, not a quantity
        kind = "count"
    if kind == "year" and value < 1000:
        kind, unit = "count", "years"
    soft = is_cn and value <= _SOFT_LIMIT and high is None
    figure = _figure(
        text,
        fig_start,
        end,
        base,
        value,
        kind,
        unit=unit,
        high=high,
        approx=approx,
        step=step,
        soft=soft,
    )
    return figure, end


def _range(
    text: str, match: regex.Match[str], value: Decimal, step: Decimal
) -> tuple[Decimal, Decimal | None, Decimal, int]:
    """A second number after 至/到/-: 5至10万元 is 50,000 to 100,000 yuan."""
    end = match.end()
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
) -> tuple[str | None, Decimal, Decimal | None, int]:
    """余/多/左右 after a number; 十余万 puts the multiplier after 余."""
    suffix = _APPROX_AFTER.match(text, end)
    if not suffix:
        return None, value, high, end
    word = suffix.group().strip()
    approx = {"以下": "under", "左右": "about", "上下": "about"}.get(word, "over")
    end = suffix.end()
    multiplier = regex.match(r"[万亿]+", text[end:])
    if multiplier:
        for ch in multiplier.group():
            value *= MULTIPLIERS[ch]
            high = high * MULTIPLIERS[ch] if high is not None else None
        end += multiplier.end()
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
        return None  # 万元 is "ten-thousand yuan" only after 上/数/几
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
    "十": Decimal(10),
    "拾": Decimal(10),
    "百": Decimal(100),
    "佰": Decimal(100),
    "千": Decimal(1000),
    "仟": Decimal(1000),
}


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


def _unit(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """Kind and unit after a number: percent, money, measure, date part or classifier."""
    percent = _PERCENT_AFTER.match(text, pos)
    if percent:
        return "percent-sign", percent.group().strip(), percent.end()
    rest = text[pos:].lstrip()
    skipped = len(text) - pos - len(rest)
    for name in sorted(CURRENCIES, key=len, reverse=True):
        if rest.startswith(name):
            return "money", CURRENCIES[name], pos + skipped + len(name)
    date = _DATE_UNIT.match(text, pos)
    if date:
        unit = date.group().strip()[0]
        return {"年": "year", "月": "month", "日": "day", "号": "day"}[unit], None, date.end()
    for name in sorted(MEASURES, key=len, reverse=True):
        if rest.startswith(name):
            return "measure", MEASURES[name], pos + skipped + len(name)
    if rest[:1] and rest[0] in CLASSIFIERS:
        return "count", None, pos + skipped + 1
    return None, None, pos


def _percent(
    text: str,
    start: int,
    end: int,
    base: int,
    value: Decimal,
    step: Decimal,
    approx: str | None,
    high: Decimal | None,
) -> Figure:
    """Percent, per mille, percentage points, 成 (tenths) and 倍 (multiples)."""
    mark = text[start:end].rstrip()
    kind, unit, factor = "percent", "%", Decimal(1)
    if mark.endswith("百分点"):
        kind, unit = "pp", "pp"
    elif mark.endswith("倍"):
        kind, unit = "multiple", "x"
    elif mark.endswith("成"):
        factor = Decimal(10)
    elif mark.endswith("‰"):
        factor = Decimal("0.1")
    return _figure(
        text,
        start,
        end,
        base,
        value * factor,
        kind,
        unit=unit,
        high=high * factor if high is not None else None,
        approx=approx,
        step=step * factor,
    )


def _fraction(
    text: str, match: regex.Match[str], base: int, denominator: Decimal
) -> tuple[Figure | None, int]:
    numerator_match = NUMBER.match(text, match.end() + 2)
    parsed = _number(numerator_match)
    if parsed is None or denominator == 0:
        return None, match.end() + 2
    value = parsed[0] / denominator * 100
    end = numerator_match.end()
    return (
        _figure(text, match.start(), end, base, value, "fraction", unit="%", step=Decimal("0.01")),
        end,
    )


def _figure(
    text: str,
    start: int,
    end: int,
    base: int,
    value: Decimal,
    kind: str,
    *,
    unit: str | None = None,
    high: Decimal | None = None,
    approx: str | None = None,
    step: Decimal = Decimal(1),
    soft: bool = False,
) -> Figure:
    return Figure(
        start=base + start,
        end=base + end,
        text=text[start:end],
        lang="zh",
        value=tidy(value),
        kind=kind,
        unit=unit,
        high=tidy(high) if high is not None else None,
        approx=approx,
        step=tidy(step),
        digits=significant(value),
        soft=soft,
    )
