"""Units and currencies: each one once, with its spellings and what it measures.

Every unit a reader can put on a figure is an entry of :data:`UNITS`, keyed by its
normalized code (``CNY``, ``km``, ``mu`` …). An entry says

* its **dimension** (money, length, area …): only units of one dimension describe the
  same quantity, so only they are compared as one figure in another unit;
* its **factor** to the dimension's base unit, where bitext converts it (1 亩 is
  666.67 m², 1 斤 is 0.5 kg); ``None`` where it does not: currencies (rates change),
  temperatures (their scales are offset, not multiples) and units no conversion
  is written for yet;
* its **spellings**: Chinese words after a number (``zh``), Latin symbols after a
  number in Chinese text (``zh_latin``: 20kg, 5 kW), English currency prefixes
  (``en_prefix``: RMB5.6, US$3), English words after a number (``en_suffix``: 70,000
  yuan, 5 square kilometres) and English symbols that may touch the digits
  (``en_glued``: "20kg" is a weight, where "G20" or "3D" is a code);
* a **note** where the unit has a trap.

The readers (:mod:`bitext.figures.zh`, :mod:`bitext.figures.en`) and the comparison
(:mod:`bitext.figures.compare`) build their lookups from this registry.

>>> UNITS["jin"].dimension, UNITS["jin"].factor
(<Dimension.MASS: 'mass'>, Decimal('0.5'))
>>> convert(Decimal(20), "li", "km")
Decimal('10.0')
>>> convert(Decimal(1), "kg", "km") is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Literal, NamedTuple


class Dimension(StrEnum):
    """What a unit measures; the base unit of each is named in :data:`BASE`."""

    MONEY = "money"
    LENGTH = "length"
    AREA = "area"
    VOLUME = "volume"
    VOLTAGE = "voltage"
    MASS = "mass"
    POWER = "power"
    ENERGY = "energy"
    TIME = "time"
    YEARS = "years"
    TEMPERATURE = "temperature"
    SPEED = "speed"
    DATA = "data"
    PRESSURE = "pressure"
    FREQUENCY = "frequency"
    CHARGE = "charge"
    LOUDNESS = "loudness"
    CONCENTRATION = "concentration"
    SHARE = "share"
    POINTS = "points"


BASE = {
    Dimension.LENGTH: "m",
    Dimension.AREA: "m2",
    Dimension.VOLUME: "m3",
    Dimension.MASS: "kg",
    Dimension.POWER: "kW",
    Dimension.TIME: "s",
    Dimension.YEARS: "years",
    Dimension.PRESSURE: "Pa",
}
"""The unit whose factor is 1, for each dimension that converts."""


class Unit(NamedTuple):
    """One unit or currency; see the module docstring for the fields."""

    code: str
    dimension: Dimension
    factor: Decimal | None = None
    zh: tuple[str, ...] = ()
    zh_latin: tuple[str, ...] = ()
    en_prefix: tuple[str, ...] = ()
    en_suffix: tuple[str, ...] = ()
    en_glued: tuple[str, ...] = ()
    zh_may_mean: tuple[str, ...] = ()
    """Other currencies a figure read in this one in Chinese may be (元 in a Hong Kong
    bulletin is the Hong Kong dollar)."""
    en_may_mean: tuple[str, ...] = ()
    """Other currencies a figure read in this one in English may be ("$" alone)."""
    note: str = ""


def _currency(
    code: str,
    *zh: str,
    prefix: tuple[str, ...] = (),
    en_suffix: tuple[str, ...] = (),
    **fields: object,
) -> Unit:
    """A currency written with its ISO code as an English prefix or suffix too (EUR 5,
    CHF 20, "6 billion HKD")."""
    suffix = en_suffix if code in en_suffix else (*en_suffix, code)
    return Unit(
        code, Dimension.MONEY, None, zh, en_prefix=(*prefix, code), en_suffix=suffix, **fields
    )  # type: ignore[arg-type]


# fmt: off
_REGISTRY = (
    # --- money -------------------------------------------------------------------
    _currency(
        "CNY", "元人民币", "人民币", "元", "块钱", "人民币元",
        prefix=("RMB", "Rmb", "rmb", "¥", "￥"),
        en_suffix=("yuan", "renminbi", "RMB"),
        zh_may_mean=("HKD", "TWD", "MOP"),
        note="元 is the currency of wherever the bulletin is from: Hong Kong dollars, New "
        "Taiwan dollars or patacas may render it.",
    ),
    _currency(
        "USD", "美元", "美金", prefix=("US$", "US"),
        en_suffix=("US dollars", "U.S. dollars", "American dollars"),
    ),
    Unit(
        "$", Dimension.MONEY, en_prefix=("$",), en_suffix=("dollars", "dollar"),
        en_may_mean=("USD", "AUD", "CAD", "HKD", "TWD", "SGD", "NZD"),
        note='"$" or "dollars" alone may be any dollar, not only the US one.',
    ),
    _currency("HKD", "港元", "港币", prefix=("HK$",), en_suffix=("Hong Kong dollars", "HK dollars")),
    _currency(
        "TWD", "新台币", prefix=("NT$",), en_suffix=("New Taiwan dollars", "Taiwan dollars")
    ),
    _currency(
        "AUD", "澳元", "澳大利亚元", prefix=("A$", "AU$"), en_suffix=("Australian dollars",)
    ),
    _currency("CAD", "加元", "加拿大元", prefix=("C$", "CA$"), en_suffix=("Canadian dollars",)),
    _currency("SGD", "新加坡元", prefix=("S$",), en_suffix=("Singapore dollars",)),
    _currency("NZD", "新西兰元"),
    _currency("MOP", "澳门元"),
    _currency("EUR", "欧元", prefix=("€",), en_suffix=("euros", "euro")),
    _currency(
        "GBP", "英镑", prefix=("£",), en_suffix=("pounds sterling", "pounds", "pound", "sterling"),
        note='"30 pounds" for 30 斤 is a weight: the comparison reads it as lb then.',
    ),
    Unit(
        "GBp", Dimension.MONEY, zh=("便士",), en_suffix=("pence",), en_glued=("p",),
        note="Pence: 50p. Its code keeps ISO's lower-case p for the hundredth.",
    ),
    Unit("USc", Dimension.MONEY, zh=("美分",), en_suffix=("cents",), note="US cents."),
    _currency("JPY", "日元", en_suffix=("yen",)),
    _currency("KRW", "韩元", prefix=("₩",), en_suffix=("won",)),
    _currency("RUB", "卢布", "俄罗斯卢布", en_suffix=("rubles", "roubles")),
    _currency("INR", "卢比", prefix=("Rs", "₹"), en_suffix=("rupees",)),
    _currency("CHF", "瑞郎", "瑞士法郎", en_suffix=("francs", "Swiss francs")),
    _currency("THB", "泰铢", en_suffix=("baht",)),
    _currency("ZAR", "南非兰特", "兰特"),
    _currency("MYR", "林吉特", "马来西亚林吉特"),
    _currency("SAR", "沙特里亚尔", "里亚尔"),
    _currency("HUF", "匈牙利福林", "福林"),
    _currency("PLN", "波兰兹罗提", "兹罗提"),
    _currency("DKK", "丹麦克朗"),
    _currency(
        "SEK", "瑞典克朗", "克朗",
        note="克朗 alone is read as the Swedish krona; Danish and Norwegian ones name their country.",
    ),
    _currency("NOK", "挪威克朗"),
    _currency("TRY", "土耳其里拉", "里拉"),
    _currency("MXN", "墨西哥比索", "比索"),
    _currency("PHP", "菲律宾比索"),
    _currency("AED", "阿联酋迪拉姆", "迪拉姆"),
    _currency("VND", "越南盾"),
    _currency("IDR", "印尼盾"),
    _currency("BRL", prefix=("R$",)),
    *(
        _currency(code)
        for code in ("CZK", "ILS", "EGP", "NGN", "PKR", "KZT", "UAH")
    ),
    # --- length ------------------------------------------------------------------
    Unit(
        "km", Dimension.LENGTH, Decimal(1000), zh=("公里", "千米"), zh_latin=("km",),
        en_suffix=("kilometres", "kilometers", "km"), en_glued=("km",),
    ),
    Unit(
        "m", Dimension.LENGTH, Decimal(1), zh=("米",), zh_latin=("m",),
        en_suffix=("metres", "meters", "metre", "meter"), en_glued=("m",),
        note='In English an m glued to the digits is million after a currency ("$100m" is '
        '100 million), metres before punctuation or a length word ("waterproof for 30m,", '
        '"a 100m sprint"), and otherwise 100 with no unit ("100m people").',
    ),
    Unit(
        "cm", Dimension.LENGTH, Decimal("0.01"), zh=("厘米",), zh_latin=("cm",),
        en_suffix=("cm", "centimetres", "centimeters"), en_glued=("cm",),
    ),
    Unit(
        "mm", Dimension.LENGTH, Decimal("0.001"), zh=("毫米",), zh_latin=("mm",),
        en_suffix=("mm", "millimetres", "millimeters"), en_glued=("mm",),
    ),
    Unit(
        "li", Dimension.LENGTH, Decimal(500), zh=("里",),
        note="里 is half a kilometre: 20 里 is 10 km.",
    ),
    Unit(
        "mile", Dimension.LENGTH, Decimal("1609.344"), zh=("英里",), en_suffix=("miles", "mile"),
        note="The statute mile; 海里 is the nautical mile (nmi).",
    ),
    Unit(
        "ft", Dimension.LENGTH, Decimal("0.3048"), zh=("英尺",), zh_latin=("ft",),
        en_suffix=("feet", "foot"), en_glued=("ft",),
        note='"a nine-foot piano": foot is the unit joined by a hyphen.',
    ),
    Unit(
        "um", Dimension.LENGTH, Decimal("0.000001"), zh=("微米",), zh_latin=("um", "μm"),
        en_suffix=("μm", "um", "microns", "micrometres", "micrometers"), en_glued=("um", "μm"),
    ),
    Unit("nmi", Dimension.LENGTH, zh=("海里",), en_suffix=("nautical miles",)),
    # --- area --------------------------------------------------------------------
    Unit(
        "km2", Dimension.AREA, Decimal(10**6), zh=("平方公里", "平方千米"),
        en_suffix=("square kilometres", "square kilometers", "sq km", "km2"),
    ),
    Unit(
        "m2", Dimension.AREA, Decimal(1), zh=("平方米",),
        en_suffix=("square metres", "square meters", "sq m", "sqm", "m2"),
    ),
    Unit(
        "ha", Dimension.AREA, Decimal(10**4), zh=("公顷",), zh_latin=("ha",),
        en_suffix=("hectares", "hectare", "ha"), en_glued=("ha",),
    ),
    Unit(
        "mu", Dimension.AREA, Decimal(10**4) / 15, zh=("亩",), en_suffix=("mu",),
        note="亩 is 1/15 hectare: 6000 亩 is 400 hectares, not 6,000 acres.",
    ),
    Unit(
        "acre", Dimension.AREA, Decimal("4046.8564224"), zh=("英亩",), en_suffix=("acres", "acre"),
        note="About 6 亩; a translation that keeps the number of 亩 with acres changed the unit.",
    ),
    Unit(
        "ft2", Dimension.AREA, Decimal("0.09290304"), zh=("平方英尺",),
        en_suffix=("sq ft", "square feet"),
    ),
    # --- volume ------------------------------------------------------------------
    Unit(
        "m3", Dimension.VOLUME, Decimal(1), zh=("立方米",),
        en_suffix=("cubic metres", "cubic meters"),
    ),
    Unit("l", Dimension.VOLUME, Decimal("0.001"), zh=("升",), en_suffix=("litres", "liters")),
    Unit("ml", Dimension.VOLUME, zh_latin=("ml",), en_suffix=("ml",), en_glued=("ml",)),
    # --- mass --------------------------------------------------------------------
    Unit(
        "t", Dimension.MASS, Decimal(1000), zh=("吨",), zh_latin=("t",),
        en_suffix=("tonnes", "tons", "tonne", "ton"), en_glued=("t",),
        note='"tons" is read as metric tonnes, as bulletins mean them.',
    ),
    Unit(
        "kg", Dimension.MASS, Decimal(1), zh=("公斤", "千克"), zh_latin=("kg",),
        en_suffix=("kilograms", "kilogrammes", "kg"), en_glued=("kg",),
    ),
    Unit(
        "g", Dimension.MASS, Decimal("0.001"), zh=("克",), zh_latin=("g",),
        en_suffix=("grams",), en_glued=("g",),
    ),
    Unit(
        "jin", Dimension.MASS, Decimal("0.5"), zh=("斤",), en_suffix=("jin", "catties"),
        note="斤 is half a kilogram: 1000 斤 is 500 kg, and \"1,000 kilograms\" changed the unit.",
    ),
    Unit(
        "lb", Dimension.MASS, Decimal("0.45359237"), zh_latin=("lb",),
        note='English "pounds" are read as sterling; the comparison takes them as lb beside '
        "a Chinese weight (30 斤 → \"33 pounds\").",
    ),
    Unit("mg", Dimension.MASS, zh_latin=("mg",), en_suffix=("mg",), en_glued=("mg",)),
    Unit("oz", Dimension.MASS, zh_latin=("oz",)),
    # --- power and energy --------------------------------------------------------
    Unit(
        "W", Dimension.POWER, Decimal("0.001"), zh=("瓦特", "瓦"), zh_latin=("W",),
        en_suffix=("watts", "watt", "W"), en_glued=("W",),
        note="200瓦 is '200 watts', 0.2 kW.",
    ),
    Unit(
        "kW", Dimension.POWER, Decimal(1), zh=("千瓦",), zh_latin=("kW", "kw"),
        en_suffix=("kilowatts", "kW", "kw"), en_glued=("kW", "kw"),
    ),
    Unit(
        "MW", Dimension.POWER, Decimal(1000), zh=("兆瓦",), zh_latin=("MW",),
        en_suffix=("megawatts", "MW"), en_glued=("MW",),
    ),
    Unit(
        "GW", Dimension.POWER, zh_latin=("GW",), en_suffix=("gigawatts", "GW"), en_glued=("GW",)
    ),
    Unit(
        "hp", Dimension.POWER, zh=("马力",), zh_latin=("hp",), en_suffix=("horsepower", "hp"),
        en_glued=("hp",),
    ),
    Unit(
        "kWh", Dimension.ENERGY, zh=("千瓦时",), zh_latin=("kWh",),
        en_suffix=("kWh", "kilowatt-hours"), en_glued=("kWh",),
        note="千瓦时 is energy, 千瓦 power: the longer spelling is tried first.",
    ),
    Unit("kcal", Dimension.ENERGY, zh_latin=("kcal",)),
    # --- time --------------------------------------------------------------------
    Unit(
        "s", Dimension.TIME, Decimal(1), zh=("秒",), en_suffix=("seconds", "second"),
        note='"second" is also an ordinal; the ordinal reader comes first.',
    ),
    Unit(
        "min", Dimension.TIME, Decimal(60), zh=("分钟",), en_suffix=("minutes", "minute"),
        note="2 小时 is 120 minutes.",
    ),
    Unit("h", Dimension.TIME, Decimal(3600), zh=("小时",), en_suffix=("hours", "hour")),
    Unit(
        "day", Dimension.TIME, Decimal(86400), zh=("天",), en_suffix=("days", "day"),
        note="三日 is read as a count of days (unit day) when no month is before it.",
    ),
    Unit(
        "week", Dimension.TIME, Decimal(604800), zh=("周",), en_suffix=("weeks", "week"),
        note="65 周年 is an anniversary, read before 周 is tried as weeks.",
    ),
    # --- years -------------------------------------------------------------------
    Unit(
        "years", Dimension.YEARS, Decimal(1), zh=("载",), en_suffix=("years", "year"),
        note="18 年 is 18 years, 2018 年 a year: the Chinese reader decides by the value.",
    ),
    Unit(
        "age", Dimension.YEARS, Decimal(1), zh=("岁",),
        en_suffix=("years old", "-year-old", "year-old", "-year-olds", "year-olds", "year old"),
        note='18 岁 is "18 years old" or "18 years": the same dimension as years.',
    ),
    Unit(
        "decades", Dimension.YEARS, Decimal(10), en_suffix=("decades", "decade"),
        note="Read as years at once: three decades is 30 years (三十年).",
    ),
    Unit(
        "month-count", Dimension.YEARS, zh=("个月",), en_suffix=("months", "month"),
        note="A number of months (前7个月), not a month of the calendar; not converted to years.",
    ),
    # --- other measures ------------------------------------------------------------
    Unit(
        "C", Dimension.TEMPERATURE, zh=("摄氏度", "℃", "°C"),
        en_suffix=("degrees", "°C", "℃", "degrees Celsius"), en_glued=("C",),
        note='"degrees" alone is read as Celsius.',
    ),
    Unit(
        "F", Dimension.TEMPERATURE, en_glued=("F",),
        note="98F is no code; no Fahrenheit figure is read, so it keeps no unit.",
    ),
    Unit(
        "km/h", Dimension.SPEED, zh=("公里/小时", "千米/小时", "公里每小时", "千米每小时"),
        zh_latin=("km/h", "kph"),
        en_suffix=("km/h", "kph", "kilometres per hour", "kilometers per hour", "km per hour"),
        en_glued=("km/h", "kph"),
        note="时速 350 公里 and 350 公里/小时 are 350 km/h, never 350 km.",
    ),
    Unit("mph", Dimension.SPEED, zh_latin=("mph",)),
    *(
        Unit(code, Dimension.DATA, zh_latin=(code,), en_suffix=(code,), en_glued=(code,))
        for code in ("GB", "MB", "TB")
    ),
    Unit("Pa", Dimension.PRESSURE, Decimal(1), zh=("帕",), en_suffix=("pascals",)),
    Unit(
        "hPa", Dimension.PRESSURE, Decimal(100), zh=("百帕",), zh_latin=("hPa",),
        en_suffix=("hPa", "hectopascals"), en_glued=("hPa",),
    ),
    Unit(
        "mbar", Dimension.PRESSURE, Decimal(100), zh=("毫巴",), zh_latin=("mbar",),
        en_suffix=("mbar", "millibars"), en_glued=("mbar",),
        note="A millibar is a hectopascal: 500 百帕 is 500 mbar.",
    ),
    Unit(
        "kPa", Dimension.PRESSURE, Decimal(1000), zh=("千帕",), zh_latin=("kPa",),
        en_suffix=("kPa", "kilopascals"), en_glued=("kPa",),
    ),
    Unit(
        "MPa", Dimension.PRESSURE, Decimal(10**6), zh=("兆帕",), zh_latin=("MPa",),
        en_suffix=("MPa", "megapascals"), en_glued=("MPa",),
    ),
    *(
        Unit(code, Dimension.FREQUENCY, zh_latin=(code,), en_suffix=(code,), en_glued=(code,))
        for code in ("Hz", "kHz", "MHz", "GHz")
    ),
    Unit(
        "mAh", Dimension.CHARGE, zh=("毫安时",), zh_latin=("mAh",), en_suffix=("mAh",),
        en_glued=("mAh",), note="5000mAh in a listing is a battery's charge, not a code.",
    ),
    Unit(
        "dB", Dimension.LOUDNESS, zh=("分贝",), zh_latin=("dB",),
        en_suffix=("dB", "decibels"), en_glued=("dB",),
    ),
    Unit(
        "ppm", Dimension.CONCENTRATION, zh_latin=("ppm",), en_suffix=("ppm",),
        en_glued=("ppm",),
    ),
    Unit(
        "V", Dimension.VOLTAGE, zh=("伏特",), zh_latin=("V",),
        en_suffix=("volts", "volt", "V"), en_glued=("V",),
        note="220V is a voltage, not a code. 伏 alone is not read: 三伏 is the dog days.",
    ),
    # --- shares --------------------------------------------------------------------
    Unit("%", Dimension.SHARE, note="Percent; 成 and ‰ are read into it (3 成 is 30%)."),
    Unit("pp", Dimension.SHARE, note="Percentage points (个百分点): a change of a percentage."),
    Unit("x", Dimension.SHARE, note="A multiple, the new level (是去年的3倍, 翻一番, three times)."),
    Unit(
        "x+", Dimension.SHARE,
        note="An increase by a multiple: 增长1.5倍 is a rise of 1.5 times, to 2.5 times the "
        "old level (\"increased by 150%\", \"2.5 times\"); 增长2倍 is no \"doubled\".",
    ),
    Unit(
        "x?", Dimension.SHARE,
        note='"increased three times", "three times more": English that may mean the level '
        "or the increase.",
    ),
    Unit(
        "points", Dimension.POINTS, en_suffix=("points", "point"),
        note='Index or score points; "by 42 points" for 42% changed the unit.',
    ),
)
# fmt: on

UNITS: dict[str, Unit] = {unit.code: unit for unit in _REGISTRY}

Spelling = Literal["zh", "zh_latin", "en_prefix", "en_suffix", "en_glued"]


def spellings(field: Spelling, where: Callable[[Unit], bool] = lambda unit: True) -> dict[str, str]:
    """Each spelling in ``field`` of the units ``where`` picks, with its unit's code, in
    registry order.

    >>> spellings("zh", lambda unit: unit.dimension == Dimension.AREA)["亩"]
    'mu'
    """
    return {
        spelled: unit.code for unit in _REGISTRY if where(unit) for spelled in getattr(unit, field)
    }


def longest_first(spelled: dict[str, str]) -> list[str]:
    """Spellings to try in turn, longer first, so 平方米 wins over 米 and 元人民币 over 元.

    >>> longest_first({"米": "m", "平方米": "m2"})
    ['平方米', '米']
    """
    return sorted(spelled, key=len, reverse=True)


def convertible(code: str | None) -> Unit | None:
    """The unit ``code`` names if bitext converts it (it has a factor), else None.

    >>> convertible("mu").code, convertible("CNY"), convertible(None)
    ('mu', None, None)
    """
    unit = UNITS.get(code or "")
    return unit if unit is not None and unit.factor is not None else None


def factor(source: Unit, target: Unit) -> Decimal | None:
    """How many ``target`` one ``source`` is; None across dimensions or without factors.

    >>> factor(UNITS["h"], UNITS["min"]), factor(UNITS["ft"], UNITS["m"])
    (Decimal('60'), Decimal('0.3048'))
    >>> factor(UNITS["h"], UNITS["kg"]) is None
    True
    """
    if source.factor is None or target.factor is None or source.dimension != target.dimension:
        return None
    return source.factor / target.factor


def convert(value: Decimal, source: str, target: str) -> Decimal | None:
    """``value`` in ``source`` units expressed in ``target`` units; None if it cannot be.
    Values are exact where the ratio of the factors has a finite decimal; others (亩 in
    hectares, kilometres in feet) are rounded to the decimal context's 28 digits.

    >>> convert(Decimal(6000), "mu", "ha")
    Decimal('400.0000000000000000000000000')
    """
    ratio = factor(UNITS[source], UNITS[target])
    return None if ratio is None else value * ratio
