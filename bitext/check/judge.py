"""Turn the figure assignment of one pair into findings.

:func:`bitext.figures.compare.match_figures` says which figures pair up and
how; this module decides what a reviewer is told about each outcome:

* a wrong power of ten, a wrong number or a swapped unit is an error, with the
  right English where it can be written; so is a rise written as a fall, or the
  reverse (:mod:`bitext.figures.direction`);
* a Chinese figure the English lacks is a warning — unless it is one the
  English renders without digits (一名 → "a") or a small Chinese numeral, or
  it was cut off with the fragment;
* an English figure the Chinese lacks is a warning — unless the Chinese could
  not have it: its fragment lost the part where it would be (年以来… for
  "Since 2018"), the English around it translates nothing in the Chinese, or
  it spells out what the Chinese leaves to context (今年 → "2016", 11 日 →
  "August 11"). Those are ``figure-unverifiable`` (info).

Names and codes (:mod:`bitext.figures.names`) are judged only where both sides spell
them: a wrong one is a ``figure-value``; one the other side leaves out is no finding,
except a code whose letters stay there without its digits (CMV-22 → "CMV-"), which is a
``figure-missing``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import NamedTuple

import regex

from bitext.align import ChineseWord, EnglishWord, context_coverage, stem
from bitext.align.cuts import stops_mid_clause
from bitext.cache.patterns import compile as _compile
from bitext.check.findings import Draft, Quote, around, say
from bitext.figures import names, units
from bitext.figures.compare import (
    GROUPS,
    FigureMatch,
    RelationName,
    calendar_parts,
    written_wrong,
)
from bitext.figures.dates import day_named
from bitext.figures.direction import Direction, direction, may_change
from bitext.figures.suggest import date, month, rewrite, unit_swap
from bitext.figures.values import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    date_parts,
    format_number,
    is_calendar_date,
    shown,
)
from bitext.model import Approx, Figure, Kind, Pair

_ONE = _compile(r"\b(?:a|an|one|single|each|per|sole|alone)\b", regex.IGNORECASE)
_TWO = _compile(r"\b(?:both|two|pair|couple|double|twice|second)\b", regex.IGNORECASE)
_RELATIVE_YEAR = _compile(r"今年|去年|明年|前年|本年|当年|同年|上年|次年|年初|年底|年末|年内")
_RELATIVE_EDITION = _compile(r"本届|此届|该届|当届|本次|此次|这次|该次|本期|本轮|新一届")
_RELATIVE_MONTH = _compile(r"本月|上月|当月|同月|次月|下月|月初|月底|月末|月中")
_RELATIVE_DAY = _compile(
    r"今天|昨天|明天|今日|昨日|明日|当天|当日|同日|次日|日前|近日|本周|上周|周[一二三四五六日末]"
)
_NONE = _compile(
    r"\b(?:none|zero|nil|nobody|neither|not\s+any"
    r"|no(?!\s+(?:more|less|fewer|longer|later|earlier|sooner|other|one\s+else)\b))\b",
    regex.IGNORECASE,
)
_CLAUSE_END = _compile(r"[；;。！？!?]")
_COLLAPSED = _compile(
    r"\b(?:all|both|each|respectively|likewise|the\s+same"
    r"|as\s+(?:will|would|do|does|did|is|are|was|were|has|have|had|must|should|can))\b",
    regex.IGNORECASE,
)
_DATE_PARTS = (Kind.YEAR, Kind.MONTH, Kind.DAY, Kind.DATE)

MIN_CONTEXT_WORDS = 3
"""An English figure whose neighbourhood has at least this many content words, none of
them accounted for by the Chinese, sits in text the Chinese does not have."""


MIN_TAIL_WORDS = 3
"""Content words after the last translated English word that make an untranslated tail."""


class PairView(NamedTuple):
    """What the judge needs to know about one pair."""

    pair: Pair
    text: str
    matches: Sequence[FigureMatch]
    cut: str | None
    cut_kind: str | None
    english: Sequence[EnglishWord]
    en_cut: str | None = None
    """Where the English looks cut (:func:`bitext.align.english_cut`): asked only about a
    Chinese figure left alone (:func:`_missing`), so a caller may leave it None where the
    matches leave none alone."""
    chinese: Sequence[ChineseWord] = ()
    reference: datetime.date | None = None
    """The date the story is told from (:func:`bitext.figures.dates.reference_date`), which
    places the day an English weekday stands for; None where the English has no weekday."""

    translate: Callable[[str], frozenset[str]] | None = None
    """Stems of the English translations of the Chinese words of a text (the lexicon)."""


def judge(view: PairView, make: Callable[..., Draft]) -> list[Draft]:
    """Findings for one pair; ``make(rule, message, zh=, en=, suggestion=)`` builds one."""
    # What these read explains figures left alone or different: where all agree, each
    # would be empty.
    agreed = all(match.relation == RelationName.SAME for match in view.matches)
    context_dates = set() if agreed else _completed_dates(view)
    cut_figures = set() if agreed else _figures_lost_in_cut(view)
    partial = {} if agreed else _cut_off_figures(view)
    cut_figures |= {en.start for _, en in partial.values() if en is not None}
    summed = set() if agreed else _totals_and_parts(view.matches)
    turnable = _may_turn_round(view)
    findings: list[Draft | None] = []
    for match in view.matches:
        if (match.zh or match.en) in summed:
            continue
        if match.zh is not None and match.en is not None:
            findings += _paired(match, match.zh, match.en, partial, make, view)
            if turnable:
                findings.append(_turned_round(match.zh, match.en, view.text, make))
        elif match.zh is not None:
            findings.append(_missing(match.zh, view, partial, make))
        elif match.en is not None:
            findings.append(_extra(match.en, view, make, context_dates, cut_figures))
    return [f for f in findings if f is not None]


def _totals_and_parts(matches: Sequence[FigureMatch]) -> set[Figure]:
    """Figures left alone that a sum accounts for: one side gives a total, the other its
    parts. 共抽调了 1500 名学生演员以及其他专业演员共计 2000 余人 → "1,500 student actors
    … and other 500 professional actors": 2000 is 1500 and 500, so neither the 2000 nor
    the 500 is lost or added. Only whole numbers of one kind and unit, exact but for the
    total's 余/多 (at least)."""
    alone_zh = [m.zh for m in matches if m.en is None and m.zh is not None and _summable(m.zh)]
    alone_en = [m.en for m in matches if m.zh is None and m.en is not None and _summable(m.en)]
    if not alone_zh or not alone_en:
        return set()  # a total and a part left alone are one on each side
    paired = [(m.zh, m.en) for m in matches if m.zh is not None and m.en is not None]
    for zh in alone_zh:
        for en in alone_en:
            for part_zh, part_en in paired:
                if not (_summable(part_zh) and _same_measure(zh, en, part_zh, part_en)):
                    continue
                if zh.value == part_zh.value + en.value or en.value == part_en.value + zh.value:
                    return {zh, en}
    return set()


def _summable(figure: Figure) -> bool:
    return (
        figure.kind in (Kind.COUNT, Kind.MONEY, Kind.MEASURE)
        and figure.high is None
        and not figure.soft
        and figure.value == int(figure.value)
        and figure.approx in (None, Approx.OVER)
    )


def _same_measure(*figures: Figure) -> bool:
    return len({(f.kind, f.unit) for f in figures}) == 1


def _paired(
    match: FigureMatch,
    zh: Figure,
    en: Figure,
    partial: dict[int, tuple[Figure, Figure | None]],
    make: Callable[..., Draft],
    view: PairView,
) -> list[Draft]:
    if match.relation == RelationName.SAME:  # first: most figures agree
        unit_word = _gloss_without_number(zh, en, view)
        if not unit_word:
            return []
        message = say(
            zh, " is given only by its gloss ", en, f": the number before “{unit_word}” is lost"
        )
        return [make("figure-missing", message, zh=zh, en=en)]
    if match.relation == RelationName.SCALE:
        return [_scale(zh, en, make)]
    if match.relation == RelationName.VALUE and zh.start in partial:
        return [_cut_with_fragment(zh, make), _lost_in_cut(en, make)]
    if match.relation == RelationName.VALUE and en.kind == Kind.WEEKDAY and zh.kind != en.kind:
        return [_wrong_weekday(zh, en, view.reference, make)]
    if match.relation == RelationName.VALUE:
        return [_value(zh, en, make)]
    if match.relation == RelationName.LOST and zh.start in partial:
        return [_cut_with_fragment(zh, make)]
    if match.relation == RelationName.LOST:
        return [] if _written_without_digits(zh, view) else [_lost_count(zh, en, make)]
    if match.relation == RelationName.PART and not _said_beside(zh, en, view):
        return [_part_of_date(zh, en, make)]
    if match.relation == RelationName.WEEKDAY:
        message = say(
            en,
            " stands for ",
            zh,
            ", and the text gives no month and year to "
            f"check that {_day_said(zh)} was a {shown(en.value, en.kind)}",
        )
        return [make("figure-weekday", message, zh=zh, en=en)]
    if match.relation == RelationName.UNIT:
        suggestion = unit_swap(en.text, zh.unit)
        advice = f"; “{suggestion}” is right" if suggestion else ""
        message = say(
            en,
            " keeps the number of ",
            zh,
            f" but not its unit ({zh.unit or zh.kind} → {en.unit or en.kind}){advice}",
        )
        return [make("figure-unit", message, zh=zh, en=en, suggestion=suggestion)]
    return []


_GLOSS_AFTER_UNIT_WORD = _compile(r"(?<![A-Za-z-])(?P<unit>[A-Za-z]+)\s*[(（]\s*$")
_NUMBER_BEFORE = _compile(
    r"(?:[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?"
    r"|hundreds|thousands|millions|several|few))[\s-]*$",
    regex.IGNORECASE,
)
_EN_UNIT_WORDS = {spelled.lower(): code for spelled, code in units.spellings("en_suffix").items()}


def _gloss_without_number(zh: Figure, en: Figure, view: PairView) -> str | None:
    """The English word of ``zh``'s unit when ``en`` is only the bracketed gloss after it,
    with no number before the word: "from mu (200 hectares) last year" for 3000 亩 keeps the
    conversion and loses the number it converts. (A gloss after its number is soft and
    never pairs: "30,000 mu (2,000 hectares)".)

    >>> from bitext.figures import extract
    >>> zh, = extract("从去年的 3000 亩", "zh")
    >>> text = "from mu (200 hectares) last year"
    >>> en, = extract(text, "en")
    >>> view = PairView(None, text, [], None, None, [])
    >>> _gloss_without_number(zh, en, view)
    'mu'
    >>> _, en = extract("from 3,000 mu (200 hectares)", "en")
    >>> _gloss_without_number(zh, en, view._replace(text="from 3,000 mu (200 hectares)"))
    """
    if zh.unit is None or en.unit == zh.unit:
        return None
    before = view.text[max(0, en.start - 60) : en.start]
    found = _GLOSS_AFTER_UNIT_WORD.search(before)
    if found is None or _EN_UNIT_WORDS.get(found.group("unit").lower()) != zh.unit:
        return None
    if _NUMBER_BEFORE.search(before, 0, found.start("unit")):
        return None
    return found.group("unit")


def _may_turn_round(view: PairView) -> bool:
    """A paired Chinese figure may have a direction (:func:`may_change`): else none is
    turned round, and no clause needs reading."""
    starts = [m.zh.start for m in view.matches if m.zh is not None and m.en is not None]
    return bool(starts) and may_change(view.text, min(starts), max(starts))


def _turned_round(zh: Figure, en: Figure, text: str, make: Callable[..., Draft]) -> Draft | None:
    """A change whose direction the English turned round: 同比下降 2.1% → "rose 2.1%"."""
    zh_change = direction(text, zh.start, zh.end, "zh")
    if zh_change is None:
        return None  # most figures are no change: the English need not be read
    en_change = direction(text, en.start, en.end, "en")
    if en_change is None or zh_change.way == en_change.way:
        return None
    said = {Direction.UP: "a rise", Direction.DOWN: "a fall"}
    message = say(
        Quote(en_change.start, en_change.end),
        f" is {said[en_change.way]} where ",
        Quote(zh_change.start, zh_change.end),
        f" is {said[zh_change.way]}",
    )
    return make("figure-direction", message, zh=zh, en=en)


def _cut_with_fragment(zh: Figure, make: Callable[..., Draft]) -> Draft:
    message = say(zh, " is cut off with the Chinese fragment; it cannot be checked")
    return make("figure-unverifiable", message, zh=zh)


def _repeat(figure: Figure, view: PairView) -> bool:
    """A figure left alone that repeats one paired as the same figure in its clause, where
    the other language writes it once: a date part (7月17和7月22日 → "July 17 and 22", a
    second "July 26" spelled out), or a Chinese figure the English gathers up ("100%、100%、
    100%" → "all 100%", "…隔离 10 天，…也必须隔离 10 天" → "as will anyone"). Without such
    a word a repeat is a figure lost (70公里…70公里 → one "70 km"). An English ordinal said
    again names the same thing ("the 19th National Congress" twice for one 十九大); a
    repeated English amount is a duplication, unless the Chinese gives it to each of
    several things (各１名 → "1 music, 1 art and 1 PE teacher"). A day of the story that
    repeats a dateline the English keeps as a dateline is no repeat
    (:func:`_dateline_kept`)."""
    date = figure.kind in _DATE_PARTS
    name = figure.lang == "en" and figure.kind == Kind.ORDINAL
    gathered = figure.lang == "zh" and _COLLAPSED.search(_english(view)) is not None
    spread = figure.lang == "en"
    if not (date or name or gathered or spread):
        return False
    for match in view.matches:
        twin = match.zh if figure.lang == "zh" else match.en
        if match.relation != RelationName.SAME or twin is None or twin is figure:
            continue
        same = _within_date(figure, twin) if date else _same_figure(twin, figure)
        if not same or _CLAUSE_END.search(_between(view.text, twin, figure)):
            continue
        if date and figure.lang == "zh" and _dateline_kept(twin, match.en, view.text):
            continue
        if date or name or gathered or _given_to_each(match.zh, view.text):
            return True
    return False


_EACH = _compile(r"(?:各|每|分别|均|都)\p{Han}{0,2}\s*$")


_ZH_DATELINE_END = _compile(r"\s*电")
_EN_DATELINE_END = _compile(r"(?:,\s*\d{4})?\s*(?:\(|--|—|/|$)")


def _dateline_kept(zh: Figure, en: Figure | None, text: str) -> bool:
    """The Chinese date is a dateline (新华社北京7月25日电) and the English keeps it as one
    ("BEIJING, July 25 (Xinhua) --", "Xinhua News Agency, Hohhot, July 26"): a day of the
    story said again (记者25日从…获悉) is then a figure of its own, not the dateline
    repeated. An English that folds the two into one date ("On January 8th, … the Xinhua
    News Agency reported") has said it."""
    if en is None or not _ZH_DATELINE_END.match(text, zh.end):
        return False
    return _EN_DATELINE_END.match(text, en.end) is not None


def _given_to_each(zh: Figure | None, text: str) -> bool:
    """The Chinese figure goes to each of several things: 各１名, 各培训１名, 分别 3 人, 每所 2 名."""
    return zh is not None and _EACH.search(text, max(0, zh.start - 5), zh.start) is not None


def _english(view: PairView) -> str:
    return " ".join(view.text[s.start : s.end] for s in view.pair.en)


def _within_date(part: Figure, date: Figure) -> bool:
    """Every part of the calendar ``part`` gives, ``date`` gives too: 26日 after the
    dateline 7月26日电, a second "July 26"."""
    given, whole = calendar_parts(part), calendar_parts(date)
    if given is None or whole is None or date.kind not in _DATE_PARTS:
        return False
    return all(g is None or g == w for g, w in zip(given, whole, strict=True)) and any(given)


def _same_figure(a: Figure, b: Figure) -> bool:
    return (a.kind, a.value, a.high, a.unit) == (b.kind, b.value, b.high, b.unit)


def _between(text: str, a: Figure, b: Figure) -> str:
    first, second = sorted((a, b), key=lambda f: f.start)
    return text[first.end : second.start]


def _written_without_digits(zh: Figure, view: PairView) -> bool:
    """Chinese figures the English renders in words that are no figure: 一名 → "a",
    两国 → "both countries", 1美元兑 → "per US dollar", 住院0例 → "none was hospitalized",
    卡-52 → "Ka-52" (:func:`bitext.figures.names.in_code`). The word must stand by a
    translation of what the figure counts (:func:`_said_near`): any "a" in the English
    does not account for 死亡1例."""
    en_text = _english(view)
    if zh.kind in (Kind.COUNT, Kind.MEASURE, Kind.MONEY) and (
        (zh.value == 1 and _said_near(_ONE, zh, view))
        or (zh.value == 2 and _said_near(_TWO, zh, view))
    ):
        return True
    if zh.value == 0 and zh.high is None and zh.kind == Kind.COUNT and _said_near(_NONE, zh, view):
        return True
    return names.in_code(zh, en_text)


def _lost_count(zh: Figure, en: Figure, make: Callable[..., Draft]) -> Draft:
    """四次 → "on several occasions": the English keeps the thing counted but not the count;
    the finding is the Chinese figure's, as for any count the English lost."""
    message = say(zh, f": {shown(zh.value, zh.kind)} is only ", en, " in the English")
    return make("figure-missing", message, zh=zh)


NOUN_REACH = 3
"""English words between "a"/"no" and the noun it goes with: "a new confirmed case"."""


def _said_near(word: regex.Pattern[str], zh: Figure, view: PairView) -> bool:
    """``word`` ("a", "no", "both") occurs in the English at most :data:`NOUN_REACH` words
    before a translation of a Chinese word next to the figure (死亡0例 → "no deaths",
    1名教师 → "a teacher", 1 分钟 → "a minute"). Without a dictionary, or when the words next
    to the figure have no translation, any occurrence counts."""
    english = _english(view)
    nouns = None
    if view.translate is not None:  # the words beside the figure, not its classifier (例 "case")
        before, after = view.text[max(0, zh.start - 4) : zh.start], view.text[zh.end : zh.end + 4]
        nouns = view.translate(_PHRASE_END.split(before)[-1]) | view.translate(
            _PHRASE_END.split(after)[0]
        )
        if zh.unit is not None:  # 1 分钟 → "a minute": the unit is the noun
            nouns |= view.translate(zh.text)
    if not nouns:
        return word.search(english) is not None
    tokens = [(m.start(), stem(m.group())) for m in _TOKEN.finditer(english)]
    for match in word.finditer(english):
        k = next((i for i, (start, _) in enumerate(tokens) if start >= match.start()), None)
        if k is None:
            continue
        following = tokens[k + 1 : k + 2 + NOUN_REACH]
        if any(_same_stem(token, noun) for _, token in following for noun in nouns):
            return True
    return False


def _same_stem(a: str, b: str) -> bool:
    """Stems of one word: the stemmer cuts "injured" to "injur" and "injury" to "injuri"."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


_TOKEN = _compile(r"[A-Za-z][A-Za-z'’-]*")
_PHRASE_END = _compile(r"[，,、；;。！？!?：:]")


def _scale(zh: Figure, en: Figure, make: Callable[..., Draft]) -> Draft:
    ratio = en.value / zh.value
    how = f"{format_number(ratio)} times" if ratio > 1 else f"1/{format_number(1 / ratio)} of"
    suggestion = rewrite(en.text, zh.value)
    advice = f"“{suggestion}” is right" if suggestion else "check the power of ten"
    message = say(en, f" is {how} ", zh, f" ({shown(zh.value, zh.kind)}); {advice}")
    return make("figure-scale", message, zh=zh, en=en, suggestion=suggestion)


def _value(zh: Figure, en: Figure, make: Callable[..., Draft]) -> Draft:
    if {zh.kind, en.kind} & _NAMED:
        return _wrong_name(zh, en, make)
    suggestion = None
    if GROUPS[en.kind] == "number":
        suggestion = rewrite(en.text, zh.value)
    elif en.kind == Kind.MONTH and zh.kind == Kind.MONTH and zh.high is None:
        suggestion = month(en.text, zh.value)  # 3月 → "April": "March"
    elif en.kind == Kind.DATE and (wanted := calendar_parts(zh)) is not None:
        suggestion = date(en.text, date_parts(en.value), wanted)  # 7月25日 → "July 26"
    message = say(en, f" ({_said(en)}) does not match ", zh, f" ({_said(zh)})")
    return make("figure-value", message, zh=zh, en=en, suggestion=suggestion)


def _wrong_weekday(
    zh: Figure, en: Figure, reference: datetime.date | None, make: Callable[..., Draft]
) -> Draft:
    """A weekday for a day it is not: 25日 → "on Friday" in a story of July 2020, where
    the 25th was a Saturday."""
    date = day_named(zh, reference)
    when = f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}" if date else zh.text
    weekday = WEEKDAY_NAMES[date.isoweekday() - 1] if date else "?"
    message = say(en, " does not match ", zh, f": {when} was a {weekday}")
    return make("figure-value", message, zh=zh, en=en, suggestion=weekday)


def _day_said(figure: Figure) -> str:
    """ "the 25th" for 25日, "July 25" for 7月25日."""
    if figure.kind != Kind.DAY:
        return shown(figure.value, figure.kind)
    day = int(figure.value)
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"the {day}{suffix}"


_PART_NAMES = ("year", "month", "day")


def _rest_of_a_date(en: Figure, view: PairView) -> bool:
    """An English year or month that gives the rest of a Chinese date the English split
    in two: "2016" of "From December 15 to 22, 2016" for 2016年12月15日至22日."""
    return any(
        match.relation == RelationName.PART
        and match.zh is not None
        and _within_date(en, match.zh)
        and not _CLAUSE_END.search(_between(view.text, en, match.en))  # type: ignore[arg-type]
        for match in view.matches
    )


def _said_beside(zh: Figure, en: Figure, view: PairView) -> bool:
    """The parts of a date the English left out of ``en`` it gives with another date of
    the same sentence: "from 08:00 on the 25th to 08:00 on the 26th of July 2020" for
    7月25日08H00-7月26日08H00 (the 25th shares the month and year of the 26th), "From
    December 15 to 22, 2016" for 2016年12月15日至22日."""
    given, kept = calendar_parts(zh), calendar_parts(en)
    if given is None or kept is None:
        return False
    lost = [k for k in range(3) if given[k] is not None and kept[k] is None]
    for match in view.matches:
        other = match.en
        parts = calendar_parts(other) if other is not None and other is not en else None
        if parts is None or _CLAUSE_END.search(_between(view.text, en, other)):  # type: ignore[arg-type]
            continue
        if all(parts[k] == given[k] for k in lost):
            return True
    return False


def _part_of_date(zh: Figure, en: Figure, make: Callable[..., Draft]) -> Draft:
    """The English keeps a date but not all of it (2017 年 5 月 → "by May"): the parts it
    lost are missing; the rest agrees."""
    given, kept = calendar_parts(zh), calendar_parts(en)
    lost = [
        name
        for name, ours, theirs in zip(_PART_NAMES, given or (), kept or (), strict=True)
        if ours is not None and theirs is None
    ]
    message = say(
        around(zh),
        f": {shown(zh.value, zh.kind)} is ",
        en,
        f" in the English, without its {' and '.join(lost)}",
    )
    return make("figure-missing", message, zh=zh)


def _said(figure: Figure) -> str:
    """A figure's value for a message, or what is wrong with it: "no time of day" for
    "18:400", "no date" for "2020-07-260"; a multiple says which level it names (增长2倍 is
    a rise of 2 times, to 3 times the old level), a score or a ratio both its numbers (2:1)."""
    if written_wrong(figure):
        return "no time of day"
    if figure.kind == Kind.SCORE and figure.high is not None:
        return f"{format_number(figure.value)}:{format_number(figure.high)}"
    if figure.kind != Kind.MULTIPLE:
        return shown(figure.value, figure.kind)
    times = format_number(figure.value)
    if figure.unit == "x+":
        return f"a rise of {times} times: {format_number(figure.value + 1)} times the level"
    return f"{times} times"


_NAMED = frozenset({Kind.NAME, Kind.CODE})


def _wrong_name(zh: Figure, en: Figure, make: Callable[..., Draft]) -> Draft:
    """A name or a code whose number the English spells wrong: 十四五 → "15th", COVID-1 →
    "COVID-1000"."""
    code = zh if zh.kind == Kind.CODE else None
    suggestion = names.corrected(code, en) if code is not None and en.kind == Kind.CODE else None
    what = "code" if Kind.CODE in (zh.kind, en.kind) else "name"
    advice = f"; “{suggestion}” is right" if suggestion else ""
    message = say(
        en, " does not match ", zh, f": the number of a {what} is copied as it is{advice}"
    )
    return make("figure-value", message, zh=zh, en=en, suggestion=suggestion)


def _dropped_digits(zh: Figure, view: PairView, make: Callable[..., Draft]) -> Draft | None:
    """A name or code the English leaves out is no finding, unless what is left of a code
    shows that its digits were dropped: CMV-22 → "CMV- Osprey"."""
    left = names.stub(zh, _english(view)) if zh.kind == Kind.CODE else None
    if left is None:
        return None
    message = say(zh, f": the English keeps “{left}” without its number")
    return make("figure-missing", message, zh=zh)


def _missing(
    zh: Figure,
    view: PairView,
    partial: dict[int, tuple[Figure, Figure | None]],
    make: Callable[..., Draft],
) -> Draft | None:
    if zh.kind in _NAMED:
        return _dropped_digits(zh, view, make)
    if zh.soft or _repeat(zh, view) or _written_without_digits(zh, view):
        return None
    if zh.start in partial:
        return _cut_with_fragment(zh, make)
    if view.en_cut is not None and _stops_short_of(zh, view):
        message = say(
            zh, f" cannot be checked: the English stops short of it (its {view.en_cut} is cut)"
        )
        return make("figure-unverifiable", message, zh=zh)
    value = _said(zh) if zh.kind == Kind.SCORE else shown(zh.value, zh.kind)
    message = say(around(zh), f": {value} has no counterpart in the English")
    return make("figure-missing", message, zh=zh)


def _extra(
    en: Figure,
    view: PairView,
    make: Callable[..., Draft],
    context_dates: set[int],
    cut_figures: set[int],
) -> Draft | None:
    if en.soft or en.kind in _NAMED or _repeat(en, view) or _rest_of_a_date(en, view):
        return None
    if _no_such_day(en):
        return make("figure-value", say(en, " is no date a calendar has"), en=en)
    if en.start in cut_figures:
        return _lost_in_cut(en, make)
    zh_codes = [m.zh for m in view.matches if m.zh is not None and m.zh.kind == Kind.CODE]
    if names.in_code(en, view.text[slice(*view.pair.zh_range)], zh_codes):  # type: ignore[misc]
        return None  # "737 Classic" for 737Classic
    if en.start in context_dates:
        what = "an edition" if en.kind == Kind.ORDINAL else "a date"
        message = say(en, f" spells out {what} the Chinese leaves to context")
        return make("figure-unverifiable", message, en=en)
    anchors = [m.en.start for m in view.matches if m.zh is not None and m.en is not None]
    # The English of a lost head may stand anywhere, as translators reorder ("2 points
    # deducted …, at 558" for 减去2分，以558分, cut before 558分); a lost tail is past the
    # last pair.
    if view.cut == "head" or (view.cut == "tail" and (not anchors or en.start > max(anchors))):
        message = say(
            en,
            f" cannot be checked: the Chinese fragment lost its {view.cut}, "
            "where its counterpart would be",
        )
        return make("figure-unverifiable", message, en=en)
    if _outside_translated_part(en, view.english):
        message = say(
            en, " cannot be checked: it is in English that translates nothing in the Chinese"
        )
        return make("figure-unverifiable", message, en=en)
    sentence = next(s for s in view.pair.en if s.start <= en.start < s.end)
    words = [w for w in view.english if sentence.start <= w.start < sentence.end]
    hits, total = context_coverage(words, en.start, en.end)
    if total >= MIN_CONTEXT_WORDS and hits == 0:
        message = say(
            en, " cannot be checked: the English around it has no counterpart in the Chinese"
        )
        return make("figure-unverifiable", message, en=en)
    return make("figure-extra", say(en, " has no counterpart in the Chinese"), en=en)


def _no_such_day(figure: Figure) -> bool:
    """A date whose month or day no calendar has: a wrong figure whatever the other side
    says ("2020-07-260" for 2020-07-26, its day written ten times too large, where the
    Chinese that would date it was cut). A year out of range is left alone: it may be
    history.

    >>> from bitext.figures import extract
    >>> [_no_such_day(f) for f in extract("2020-07-260 20:26:01, 2021-02-28", "en")]
    [True, False, False]
    """
    if figure.kind != Kind.DATE:
        return False
    parts = date_parts(figure.value)
    if parts.year is not None and not is_calendar_date(parts._replace(month=None, day=None)):
        parts = parts._replace(year=None)
    return not is_calendar_date(parts)


def _stops_short_of(zh: Figure, view: PairView) -> bool:
    """The English, cut at its ``en_cut`` side, stops before ``zh``. An English that
    starts in lower case or stops in mid-clause is a piece ("paying group visits to…",
    "…with their actual deeds,"). One that only lacks a stop may be a whole headline: it
    stops short of ``zh`` only when the figure lies past the last Chinese word it
    translates among at least :data:`MIN_TAIL_WORDS` untranslated words of two characters
    or more that are no figure ("…获得二零一八至二零二二年国际足联各项赛事" after "…CCTV has
    obtained"; not "…最长可达５年-新华网" after "…for as long as years - Xinhuanet", where
    the 5 is missing)."""
    if not _outside_translated_part(zh, view.chinese, view.en_cut):
        return False
    hits = [w for w in view.chinese if w.hit]
    if not hits or view.en_cut == "head" or stops_mid_clause(_english(view)):
        return True
    figures = [m.zh for m in view.matches if m.zh is not None]
    lost = [w for w in view.chinese if w.start >= hits[-1].end]
    words = [
        w
        for w in lost
        if w.end - w.start > 1 and not any(f.start <= w.start < f.end for f in figures)
    ]
    return len(words) >= MIN_TAIL_WORDS


def _outside_translated_part(
    figure: Figure, words: Sequence[EnglishWord] | Sequence[ChineseWord], side: str | None = None
) -> bool:
    """Before the first English word the Chinese accounts for ("In 2003, the province…"
    for 该省…; "the 13-hour thermal storage system" for 小时储热系统…, where the figure's
    own unit is that word), in a tail of untranslated English after the last one, or in English of
    which the Chinese accounts for nothing: the Chinese lost that part, or never had it.
    (A figure right after the last translated word is usually its translation's end:
    "…rose by 47%".)"""
    hits = [w for w in words if w.hit]
    if not hits:
        return True
    if side == "head":
        return figure.end <= hits[0].start
    if side == "tail":
        return figure.start >= hits[-1].end
    if figure.start < _translation_start(words).start:
        return True
    tail = [w for w in words if w.start >= hits[-1].end]
    return figure.start >= hits[-1].end and len(tail) >= MIN_TAIL_WORDS


def _translation_start(words: Sequence[EnglishWord] | Sequence[ChineseWord]):  # type: ignore[no-untyped-def]
    """The first word of the translated part: a hit with another hit among the next
    :data:`HIT_REACH` words. A lone hit before it is chance ("This reporter learned from
    the Emergency Management Department on the 25th that heavy rains are predicted…":
    险情 gives "emergency", but the translation of 预计… starts at "heavy rains")."""
    hits = [k for k, w in enumerate(words) if w.hit]
    for k in hits:
        if any(words[j].hit for j in range(k + 1, min(len(words), k + 1 + HIT_REACH))):
            return words[k]
    return words[hits[0]]


HIT_REACH = 3


def _lost_in_cut(en: Figure, make: Callable[..., Draft]) -> Draft:
    message = say(
        en,
        " cannot be checked: the Chinese fragment lost its head, where its counterpart would be",
    )
    return make("figure-unverifiable", message, en=en)


def _completed_dates(view: PairView) -> set[int]:
    """Starts of English date parts that complete a Chinese date or resolve 今年/本月:
    "August" in "On August 11" for 11 日, "2016" for 今年; and English ordinals that
    resolve 本届/本次: "the 23rd" Shanghai International Film Festival for 本届上影节."""
    zh_text = view.text[slice(*view.pair.zh_range)]  # type: ignore[misc]
    matched = [m.en for m in view.matches if m.zh is not None and m.en is not None]
    matched_dates = [f for f in matched if f.kind in _DATE_PARTS or f.kind == Kind.ORDINAL]
    completed = set()
    for match in view.matches:
        en = match.en
        if match.zh is None and en is not None and en.kind == Kind.ORDINAL:
            if _RELATIVE_EDITION.search(zh_text):
                completed.add(en.start)  # 本届上影节 → "the 23rd SIFF"
            continue
        if match.zh is not None or en is None or en.kind not in _DATE_PARTS:
            continue
        zh_kinds = {m.zh.kind for m in view.matches if m.zh is not None}
        zh_month = zh_kinds & {Kind.MONTH, Kind.DATE}
        completes = (en.kind == Kind.MONTH and Kind.DAY in zh_kinds and not zh_month) or (
            en.kind == Kind.YEAR
            and zh_kinds & {Kind.MONTH, Kind.DAY, Kind.DATE}
            and Kind.YEAR not in zh_kinds
        )
        near_matched = completes or any(
            abs(en.start - f.end) <= 12 or abs(f.start - en.end) <= 12 for f in matched_dates
        )
        parts = calendar_parts(en) or (None, None, None)
        relative = any(
            said is not None and words.search(zh_text)
            for said, words in zip(
                parts, (_RELATIVE_YEAR, _RELATIVE_MONTH, _RELATIVE_DAY), strict=True
            )
        )
        if near_matched or relative:
            completed.add(en.start)
    return completed


_LOST_WITH = {
    "year": (Kind.YEAR, Kind.DATE),
    "month": (Kind.MONTH, Kind.YEAR, Kind.DATE),
    "day": (Kind.DAY, Kind.MONTH, Kind.YEAR, Kind.DATE),
}
"""The kinds of English figure whose Chinese counterpart a head cut went through, by what
it cut (:func:`bitext.align.cuts.head_cut_kind`): 月 4 日 lost a month and a year."""


def _figures_lost_in_cut(view: PairView) -> set[int]:
    """Starts of the English figures whose Chinese counterpart the head cut went
    through: "Since 2018" for 年以来…; "October 4, 2015" for 月 4 日…; the first
    unmatched amount for 万元…."""
    if view.cut_kind is None:
        return set()
    unmatched = [m.en for m in view.matches if m.zh is None and m.en is not None and not m.en.soft]
    if view.cut_kind == "number":
        amounts = [f.start for f in unmatched if GROUPS[f.kind] == "number"]
        return set(amounts[:1])
    return {f.start for f in unmatched if f.kind in _LOST_WITH[view.cut_kind]}


def _cut_off_figures(view: PairView) -> dict[int, tuple[Figure, Figure | None]]:
    """Chinese figures cut in two by the fragment's edge, by start, with the English
    figure they are part of: "0 万纽约人" is the end of 670 万 ("6.7 million")."""
    zh_start, zh_end = view.pair.zh_range  # type: ignore[misc]
    unmatched_en = [m.en for m in view.matches if m.zh is None and m.en is not None]
    found: dict[int, tuple[Figure, Figure | None]] = {}
    for match in view.matches:
        zh = match.zh
        if zh is None or match.relation not in (RelationName.MISSING, RelationName.VALUE):
            continue
        if zh.kind in _NAMED:
            continue  # a name or a code is read whole
        at_head = view.text[zh_start : zh.start].strip() == ""
        at_tail = view.cut == "tail" and view.text[zh.end : zh_end].strip(" 。，,") == ""
        if not (at_head or at_tail):
            continue
        candidates = [match.en] if match.en is not None else unmatched_en
        whole = next(
            (en for en in candidates if _same_group_or_stamp(zh, en) and _part_of(zh, en, at_head)),
            None,
        )
        cut_code = at_head and view.cut == "head" and _digits_end_a_number(zh, view)
        if whole is not None or zh.value == 0 or cut_code:
            found[zh.start] = (zh, whole)
    return found


def _same_group_or_stamp(zh: Figure, en: Figure) -> bool:
    """Figures of one kind, or a bare number left of a date: the "26" of a date stamp
    whose "2020-07-" the fragment lost."""
    bare = zh.kind == Kind.COUNT and zh.unit is None
    return GROUPS[en.kind] == GROUPS[zh.kind] or (en.kind == Kind.DATE and bare)


def _digits_end_a_number(zh: Figure, view: PairView) -> bool:
    """The cut figure's digits end a number in the English that is no figure (iPhone7)."""
    digits = regex.sub(r"\D", "", zh.text)
    return bool(digits) and any(
        regex.sub(r"\D", "", n).endswith(digits)
        for n in regex.findall(r"\d[\d,.]*", _english(view))
    )


def _part_of(part: Figure, whole: Figure, head_cut: bool) -> bool:
    """``part`` is what is left of ``whole`` when its first (or last) digits are cut."""
    if part.step <= 0 or part.value <= 0:
        return part.value == 0 and whole.value != 0
    kept = part.value / part.step
    full = whole.value / part.step
    if kept != kept.to_integral_value() or full != full.to_integral_value() or full == kept:
        return False
    kept_digits, full_digits = str(int(kept)), str(int(abs(full)))
    if head_cut:
        return full_digits.endswith(kept_digits)
    return full_digits.startswith(kept_digits)
