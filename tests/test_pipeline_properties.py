"""Properties of the whole pipeline on generated text: it never raises, every offset in a
report lies inside the text, and the same input gives byte-identical output.

The text mixes Chinese, English and figures with what breaks naive code: control
characters, lone surrogates (a ``str`` can hold them, a file cannot), numbers of hundreds
of digits, stacked 亿, and lines without punctuation. The command line is driven the same
way on files, and once in two separate processes with different hash seeds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bitext
from bitext.check import signature
from bitext.cli import main
from bitext.model import FileReport, InputError, Report
from bitext.read.document import decode
from bitext.report import FORMATS, render

from .conftest import ROOT, assert_linear_time, panzhou_text

_CHINESE = [
    "投入", "资金", "万元", "亿元", "亿", "万", "名", "人", "个", "期", "培训", "帮扶",
    "盘州市", "大连市", "年以来", "月", "日", "时", "分", "百分之", "个百分点", "倍",
    "三千八百", "两亿", "十余", "约", "多", "近", "左右", "第十四", "至", "〇", "１２",
]  # fmt: skip
_ENGLISH = [
    "Invested", "a total of", "million", "billion", "thousand", "yuan", "RMB", "US$",
    "percent", "per cent", "percentage points", "more than", "about", "nearly", "people",
    "trained", "sessions", "Panzhou", "in", "the", "and", "times", "twice", "a dozen",
    "first", "14th", "p.m.", "o'clock", "between", "from", "to", "hectares", "mu",
]  # fmt: skip
_MARKS = list("，。、；：（）“”,.;:%-—~")
_SPACE = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u3000", "\u00a0"]
_HOSTILE = [
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u2028", "\u2029", "\ufeff",
    "\ufffd", "\ud800", "\udfff", "\U0001f600", "\u0301", "\u202e", "萬", "億", "æ‰¶",
]  # fmt: skip
_HUGE = [
    str(10**400), "9" * 500, "1e308", "1" + "亿" * 40, "0." + "0" * 400 + "1", "9" * 60 + ".5",
    "1,000,000,000,000,000,000,000,000,000,000", "亿亿亿", "万亿亿", "１" * 30,
]  # fmt: skip


def _number() -> st.SearchStrategy[str]:
    plain = st.integers(min_value=0, max_value=10**12).map(str)
    grouped = st.integers(min_value=1000, max_value=10**12).map("{:,}".format)
    decimal = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False).map(str)
    return st.one_of(plain, grouped, decimal, st.sampled_from(_HUGE))


_TOKEN = st.one_of(
    st.sampled_from(_CHINESE),
    st.sampled_from(_ENGLISH),
    st.sampled_from(_MARKS),
    st.sampled_from(_SPACE),
    st.sampled_from(_HOSTILE),
    _number(),
)
BULLETIN = st.lists(_TOKEN, max_size=40).map("".join)
"""Mixed bulletin-like text, anything from empty to a few hundred characters."""


def _inside(start: int, end: int, length: int) -> bool:
    return 0 <= start <= end <= length


def assert_offsets_inside(report: FileReport) -> None:
    """Every span, pair, figure and finding of ``report`` lies inside its text."""
    text = report.document.text
    n = len(text)
    for span in report.spans:
        assert _inside(span.start, span.end, n), span
    for pair in report.pairs:
        for span in (*pair.zh, *pair.en):
            assert _inside(span.start, span.end, n), pair
    figures = [*report.figures, *(f for x in report.findings for f in (x.zh, x.en) if f)]
    for figure in figures:
        assert _inside(figure.start, figure.end, n), figure
        assert figure.text == text[figure.start : figure.end], figure
    for finding in report.findings:
        if finding.where is not None:
            assert _inside(*finding.where, n), finding


def _strict_json(text: str) -> object:
    """Parse JSON as a strict parser would: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> object:
        raise AssertionError(f"{constant} in the JSON report")

    return json.loads(text, parse_constant=refuse)


@settings(max_examples=200, deadline=None)
@given(BULLETIN)
def test_check_text_never_raises_and_keeps_offsets_inside(text: str) -> None:
    report = bitext.check_text(text, "generated.txt")
    assert report.document.text == text
    assert_offsets_inside(report)
    once = render(Report((report,), signature()), "json")
    again = render(Report((bitext.check_text(text, "generated.txt"),), signature()), "json")
    assert once == again
    _strict_json(once)


@settings(max_examples=60, deadline=None)
@given(BULLETIN)
def test_every_report_format_renders_generated_text(text: str) -> None:
    report = Report((bitext.check_text(text, "generated.txt"),), signature())
    for name in FORMATS:
        rendered = render(report, name)
        assert rendered == render(report, name)
        if "\ud800" not in text and "\udfff" not in text:
            rendered.encode("utf-8")  # what -o and stdout will do


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BULLETIN.filter(lambda t: "\ud800" not in t and "\udfff" not in t))
def test_cli_json_on_a_file_is_valid_deterministic_and_leaves_the_file_alone(text: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bulletin.txt"
        path.write_bytes(text.encode("utf-8"))
        first = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
        second = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
        assert path.read_bytes() == text.encode("utf-8")
    assert (first.exit_code, first.stdout, first.stderr) == (
        second.exit_code,
        second.stdout,
        second.stderr,
    )
    if first.exit_code == 2:  # an empty or binary file: one line, not an internal error
        assert first.stdout == ""
        assert first.stderr.count("\n") == 1, first.stderr
        assert first.stderr.startswith("bitext: error: "), first.stderr
        assert "internal error" not in first.stderr, first.stderr
        return
    assert first.exit_code in (0, 1), first.output
    data = _strict_json(first.stdout)
    (entry,) = data["files"]  # type: ignore[index]
    length = len(text.removeprefix("\ufeff"))
    locations = [p[side] for p in entry["pairs"] for side in ("zh", "en") if p[side]]
    locations += [
        f[side] for f in entry["findings"] for side in ("zh", "en", "where") if f.get(side)
    ]
    for location in locations:
        assert _inside(location["start"], location["end"], length), location


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_decode_either_reads_or_refuses_in_one_line(data: bytes) -> None:
    try:
        text, _encoding = decode(data, "x.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
        assert str(exc).startswith("x.txt: ")
    else:
        assert text.strip()


HOSTILE_BULLETIN = (
    panzhou_text()
    + "\n\n投入"
    + "9" * 500
    + "亿元，培训8期\x07 Invested "
    + str(10**400)
    + " billion yuan and trained 18 sessions\n\n1"
    + "亿" * 40
    + "元 no punctuation here 2018年 Since 2018 1e308 \u200b\ufeff\n"
)


def test_json_is_byte_identical_across_processes_with_different_hash_seeds(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_BULLETIN, encoding="utf-8")
    command = [sys.executable, "-m", "bitext", "check", "--format", "json", str(path)]
    runs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append(subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE))
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [1, 1]
    assert outputs[0] == outputs[1]
    assert b'"figure-scale"' in outputs[0]


# --- what the properties found, one regression test each ------------------------------


def _figure_values(report: FileReport) -> list[tuple[str, str]]:
    return [(f.text, str(f.value)) for f in report.figures]


def test_a_number_longer_than_the_decimal_context_is_read() -> None:
    """tidy() quantized a 40-digit value past the context's 28 digits: InvalidOperation."""
    nines = "9" * 40
    report = bitext.check_text(
        f"今年投入资金{nines}元用于扶贫。 This year invested {nines} yuan in poverty alleviation."
    )
    assert _figure_values(report) == [(f"{nines}元", "1E+40"), (f"{nines} yuan", "1E+40")]
    assert report.findings == ()


def test_a_huge_figure_against_a_small_one_is_a_finding_not_a_crash() -> None:
    """_equal() quantized the huge value (InvalidOperation); the message wrote it with
    int(), which refuses more than 4,300 digits."""
    report = bitext.check_text(
        f"今年投入资金{'9' * 40}元用于扶贫。 This year invested 5 yuan in poverty alleviation."
    )
    assert [(f.rule, f.zh and str(f.zh.value), f.en and f.en.text) for f in report.findings] == [
        ("figure-missing", "1E+40", None),
        ("figure-extra", None, "5 yuan"),
    ]


def test_lone_surrogates_are_read_as_replacement_characters() -> None:
    """OpenCC encoded the Chinese span to UTF-8 and raised on the surrogate."""
    text = (
        "今年投入资金\ud8005元用于扶贫。 This year invested 50 yuan in\udfff poverty alleviation."
    )
    report = bitext.check_text(text)
    assert [(f.rule, f.zh.text, f.en.text) for f in report.findings if f.zh and f.en] == [
        ("figure-scale", "5元", "50 yuan")
    ]
    assert report.document.text == text  # the report quotes the text as given
    sarif = render(Report((report,), signature()), "sarif")  # fingerprints hash the text
    assert '"partialFingerprints"' in sarif


def test_more_than_a_hundred_digits_is_no_figure() -> None:
    """A 500-digit number went through cn2an (quadratic in its length) or int() (limited
    to 4,300 digits); a run that long is no quantity."""
    for number in ("9" * 101, "九" * 101, str(10**400)):
        figures = bitext.check_text(f"投入{number}元。 Invested 5 yuan.").figures
        assert [f for f in figures if f.lang == "zh"] == []  # the English 5 may be paired
    assert _figure_values(bitext.check_text(f"投入{'9' * 100}元。 Invested 5 yuan."))[0] == (
        f"{'9' * 100}元",
        "1E+100",
    )
    assert_linear_time(lambda n: partial(bitext.check_text, f"投入{'九' * n}元。"), 35_000)


def test_relate_takes_values_past_the_float_range() -> None:
    """math.log10 converted to float: inf for 1e400, a domain error for 1e-400."""
    from decimal import Decimal

    from bitext.figures.compare import relate
    from bitext.model import Figure

    def money(value: str, lang: str) -> Figure:
        return Figure(0, 1, "x", lang, Decimal(value), "money", "CNY", digits="1")

    assert relate(money("1E+400", "zh"), money("1E+401", "en")).name == "scale"  # type: ignore[union-attr]
    assert relate(money("1E-400", "zh"), money("5", "en")).name == "value"  # type: ignore[union-attr]
