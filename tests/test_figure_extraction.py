"""Every case in fixtures/figures/extract/*.jsonl: a text and the figures read in it.

The layer below the pair cases of fixtures/figures/*.jsonl: one file per reader of
:data:`bitext.figures.READERS` (``zh-clock.jsonl``), or per family of a reader's cases
(``zh-number.money.jsonl``), so that a failing case names the reader that broke. One
JSON object a line::

    {"label": "afternoon-with-minutes", "comment": "why this case matters",
     "lang": "zh", "text": "下午四时三十分时晋衔仪式…", "source": "wmt18-newstest-zhen/zh.txt line 1878",
     "expect": [["下午四时三十分", "59400", "clock", null]]}

``expect`` lists every figure read in the text, in order: its text, its value as a
string, its kind and its unit. ``source`` is a line of the shared corpora
(``../shared/corpora``), a seed, or "synthetic" where the corpora lack the form. A
comment that starts "Known wrong reading" records today's reading of a case that reads
wrong, so that a fix shows up as a change here. A case whose label starts with ``not-`` shows what the
file's reader must not read; every other case with figures has one read by that reader
(or, for a reader of text that holds no figure, takes some of the text).
"""

from __future__ import annotations

import itertools
import json
from functools import partial

import pytest

from bitext.figures import READERS, extract, names, readings, zh
from bitext.figures.reading import Reader
from bitext.figures.units import UNITS
from bitext.figures.values import Occupied
from bitext.model import Approx, Kind

from .conftest import FIXTURES, assert_linear_time

EXTRACT = FIXTURES / "figures" / "extract"
CASES = [
    (path.stem, json.loads(line))
    for path in sorted(EXTRACT.glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
IDS = [f"{stem}:{case['label']}" for stem, case in CASES]


def reader_of(stem: str) -> tuple[str, Reader]:
    """The language and the reader a fixture file is about: zh-number.money → number."""
    lang, _, rest = stem.partition("-")
    name = rest.split(".")[0]
    return lang, next(reader for reader in READERS[lang] if reader.name == name)


@pytest.mark.parametrize(("stem", "case"), CASES, ids=IDS)
def test_extraction_case(stem: str, case: dict) -> None:
    figures = extract(case["text"], case["lang"])
    assert [[f.text, str(f.value), str(f.kind), f.unit] for f in figures] == case["expect"]


@pytest.mark.parametrize(("stem", "case"), CASES, ids=IDS)
def test_the_case_is_about_its_reader(stem: str, case: dict) -> None:
    """The file's reader, run alone, reads a figure in the case and is credited with one
    when the readers take turns, or (a reader of text that holds no figure) takes some of
    the text; in a ``not-`` case it is credited with nothing."""
    lang, reader = reader_of(stem)
    assert case["lang"] == lang
    if reader.name == "names":  # names.apply also makes names of figures other readers read
        named = [f for f in extract(case["text"], lang) if f.kind in (Kind.NAME, Kind.CODE)]
        taken = Occupied(names.shielded(case["text"], lang))
        read = bool(named) or taken.overlaps(0, len(case["text"]))
        assert read != case["label"].startswith("not-"), case["label"]
        return
    credited = {name for name, _ in readings(case["text"], lang)}
    if case["label"].startswith("not-"):
        assert reader.name not in credited
        return
    view = zh.reading_view(case["text"]) if lang == "zh" else case["text"]
    taken = Occupied()
    if reader.read(view, taken):
        assert reader.name in credited, f"{reader.name} loses every figure to another reader"
    else:
        assert taken.overlaps(0, len(view)), f"{reader.name} reads nothing here"


def test_every_reader_has_a_case_it_reads() -> None:
    """Each reader has a case that is not a ``not-`` case, and a file named after it."""
    positive = {
        f"{case['lang']}-{reader_of(stem)[1].name}"
        for stem, case in CASES
        if not case["label"].startswith("not-")
    }
    assert positive == {f"{lang}-{r.name}" for lang in READERS for r in READERS[lang]}


def test_cases_are_explained_and_labels_unique_per_file() -> None:
    seen = set()
    for stem, case in CASES:
        assert set(case) == {"label", "comment", "lang", "text", "expect", "source"}, stem
        assert case["comment"].strip() and case["source"].strip(), case["label"]
        assert (stem, case["label"]) not in seen
        seen.add((stem, case["label"]))


def test_every_figure_read_is_typed() -> None:
    """Kinds and approximations are the enums, units are registered codes."""
    for _, case in CASES:
        for figure in extract(case["text"], case["lang"]):
            assert type(figure.kind) is Kind, figure
            assert figure.approx is None or type(figure.approx) is Approx, figure
            assert figure.unit is None or figure.unit in UNITS, figure


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reading_every_case_at_once_takes_linear_time(lang: str) -> None:
    """All the cases of a language in one text, repeated to about 30,000 characters (one
    run about 0.3 s in a test run, however many cases the files come to hold): no reader
    may be quadratic."""
    joint = "。" if lang == "zh" else ". "
    text = joint.join(case["text"] for _, case in CASES if case["lang"] == lang) + joint
    n = max(1, round(30_000 / len(text)))
    assert_linear_time(lambda n: partial(extract, text * n, lang), n)


@pytest.mark.parametrize("lang", sorted(READERS))
def test_every_reader_is_named_once_and_explained(lang: str) -> None:
    names = [reader.name for reader in READERS[lang]]
    assert len(set(names)) == len(names)
    for reader in READERS[lang]:
        assert isinstance(reader, Reader)
        assert reader.name == reader.name.lower() and " " not in reader.name
        assert reader.about.strip() and reader.read.__doc__, reader.name


@pytest.mark.parametrize("lang", sorted(READERS))
def test_plain_numbers_are_read_last(lang: str) -> None:
    assert READERS[lang][-1].name == "number"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh", "20世纪90年代末", [("decade", "20世纪90年代")]),
        (
            "zh",
            "周一至周日20：30-21:30",
            [
                ("weekday", "周一"),
                ("weekday", "周日"),
                ("colon-clock", "20：30"),
                ("colon-clock", "21:30"),
            ],
        ),
        ("en", 'The "Post-90s" generation', [("post-decade", "Post-90s")]),
        ("en", "in the first 7 months", [("first-months", "the first 7 months")]),
        ("en", "At first glance, it grew", []),
    ],
)
def test_the_reader_listed_first_wins(lang: str, text: str, expected: list) -> None:
    """The overlaps the module docstrings give as the reasons for the order."""
    assert [(name, f.text) for name, f in readings(text, lang)] == expected


@pytest.mark.parametrize("unit", ["点", "时", "分", "年", "月", "日", "岁", "倍"])
def test_no_run_of_chinese_numerals_breaks_a_reader(unit: str) -> None:
    """Neighbouring numerals before a clock's 点 (十一二点, "11 or 12 o'clock") once reached
    cn2an as the hour 十一二 and raised; every run of up to three numerals before a unit
    must read or be left alone."""
    numerals = "零一二两三十百千万"
    for size in (1, 2, 3):
        for run in itertools.product(numerals, repeat=size):
            extract("晚上" + "".join(run) + unit + "。", "zh")
    assert extract("晚上十一二点睡觉", "zh") == []
