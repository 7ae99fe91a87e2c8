"""Cleaning: golden cases, the `bitext clean` command, the offset map, properties.

The golden cases (``fixtures/clean/cases.json``) hold real damage from the WMT
corpora and hand-written cases per rule, including what a rule must leave alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import bitext
from bitext.clean import DEFAULT_RULES, RULES, clean, resolve_rules, signature
from bitext.cli import main
from bitext.figures import extract

from .conftest import FIXTURES, SEEDS, panzhou_text

CASES = json.loads((FIXTURES / "clean" / "cases.json").read_text(encoding="utf-8"))


def test_there_are_sixty_cases_a_third_of_them_real() -> None:
    assert len(CASES) >= 60
    assert sum(c["name"].startswith("real-") for c in CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case: dict) -> None:  # type: ignore[type-arg]
    cleaned = clean(case["input"], resolve_rules(case.get("enable", ())))
    assert cleaned.text == case["expected"]
    assert sorted({fix.rule for fix in cleaned.fixes}) == case["rules"]
    for fix in cleaned.fixes:
        assert case["input"][fix.start : fix.end] == fix.before
    again = clean(cleaned.text, resolve_rules(case.get("enable", ())))
    assert again.text == cleaned.text and again.fixes == ()


def test_every_rule_has_a_golden_case_that_fires_it() -> None:
    fired = {rule for case in CASES for rule in case["rules"]}
    assert fired == set(RULES)


def test_rule_examples_do_what_they_say() -> None:
    for name, rule in RULES.items():
        before, after = rule.example
        if before:
            assert clean(before, [name]).text == after, name


def test_defaults_and_signature() -> None:
    assert "traditional" not in DEFAULT_RULES
    assert signature() == (
        "mojibake+gbk-mojibake+newlines+invisible+spaces+width+hard-wraps+zh-punctuation"
        "+cjk-spacing+en-punctuation+digit-grouping+repeats"
    )
    assert signature(resolve_rules(enable=["traditional"], disable=["repeats"])).endswith(
        "+digit-grouping+traditional"
    )


# --- the command ---------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.txt"
    path.write_bytes("投入 56.28 万元,资助学生。\r\nInvested RMB５.６２８ million .\r\n".encode())
    return path


def test_clean_writes_the_cleaned_text_to_stdout(damaged: Path) -> None:
    assert _run("clean", str(damaged)) == (
        0,
        "投入56.28万元，资助学生。\nInvested RMB5.628 million.\n",
        "",
    )


def test_clean_o_writes_a_file_and_leaves_the_input_alone(damaged: Path, tmp_path: Path) -> None:
    before = damaged.read_bytes()
    out = tmp_path / "clean.txt"
    assert _run("clean", str(damaged), "-o", str(out)) == (0, "", "")
    assert (
        out.read_text(encoding="utf-8") == "投入56.28万元，资助学生。\nInvested RMB5.628 million.\n"
    )
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "damaged.txt"]


def test_clean_check_says_what_would_change_and_exits_1(damaged: Path) -> None:
    code, out, _ = _run("clean", "--check", str(damaged), str(SEEDS / "lvshunkou.txt"))
    assert code == 1
    assert out == (
        f"would clean {damaged}: 8 fixes: newlines 2, width 2, zh-punctuation 1, "
        f"cjk-spacing 2, en-punctuation 1\n{SEEDS / 'lvshunkou.txt'}: clean\n"
    )


def test_clean_check_exits_0_on_a_clean_file() -> None:
    assert _run("clean", "--check", str(SEEDS / "lvshunkou.txt")) == (
        0,
        f"{SEEDS / 'lvshunkou.txt'}: clean\n",
        "",
    )


def test_clean_explain_lists_each_fix_at_its_line_and_column(damaged: Path) -> None:
    code, out, _ = _run("clean", "--explain", str(damaged))
    assert code == 0
    assert out.splitlines() == [
        f"{damaged}:1:3 cjk-spacing “投入 56.2” → “投入56.2”",
        f"{damaged}:1:9 cjk-spacing “6.28 万元,资” → “6.28万元,资”",
        f"{damaged}:1:12 zh-punctuation “8 万元,资助学生” → “8 万元，资助学生”",
        f"{damaged}:1:18 newlines “助学生。<U+000D><U+000A>Inve” → “助学生。<U+000A>Inve”",
        f"{damaged}:2:13 width “ RMB５.６２８” → “ RMB5.６２８”",
        f"{damaged}:2:15 width “MB５.６２８ mil” → “MB５.628 mil”",
        f"{damaged}:2:26 en-punctuation “lion .<U+000D>” → “lion.<U+000D>”",
        f"{damaged}:2:28 newlines “on .<U+000D><U+000A>” → “on .<U+000A>”",
    ]


def test_clean_diff_is_a_unified_diff(damaged: Path) -> None:
    code, out, _ = _run("clean", "--diff", str(damaged))
    assert code == 0
    assert out == (
        f"--- {damaged}\t(original)\n+++ {damaged}\t(cleaned)\n@@ -1,2 +1,2 @@\n"
        "-投入 56.28 万元,资助学生。\n-Invested RMB５.６２８ million .\n"  # (CliRunner drops \r)
        "+投入56.28万元，资助学生。\n+Invested RMB5.628 million.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--disable", "nope"], "unknown cleaning rule 'nope' (rules: " + ", ".join(RULES) + ")"),
        (["-o", "SELF"], "-o would overwrite the input; write the cleaned text elsewhere"),
    ],
)
def test_clean_refuses_with_one_line(damaged: Path, args: list[str], message: str) -> None:
    args = [str(damaged) if a == "SELF" else a for a in args]
    code, out, err = _run("clean", str(damaged), *args)
    assert code == 2 and out == ""
    assert err.startswith("bitext: error: ") and err.rstrip().endswith(message)
    assert err.count("\n") == 1


def test_clean_enable_traditional(tmp_path: Path) -> None:
    path = tmp_path / "tw.txt"
    path.write_text("市府投入1.25億元。\n", encoding="utf-8")
    assert _run("clean", str(path))[1] == "市府投入1.25億元。\n"
    assert _run("clean", str(path), "--enable", "traditional")[1] == "市府投入1.25亿元。\n"


# --- check on a damaged file: offsets point into the file as given ---------------------


def _damage(text: str) -> str:
    """The Panzhou seed as a badly exported copy might have it."""
    text = text.replace("\n", "\r\n")
    text = text.replace("In recent years", "In\u00a0recent\u200b years")
    text = text.replace("387.75 万元", "３８７.７５\u3000万元")
    text = text.replace("RMB5.628 million", "RMB５.６２８ million")
    text = text.replace("选派 6 名", "选派\u200b 6 名")
    return text


def test_findings_on_a_damaged_seed_point_at_their_text_in_the_damaged_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "panzhou-damaged.txt"
    path.write_bytes(_damage(panzhou_text()).encode("utf-8"))
    report = bitext.check_paths([str(path)]).files[0]
    damaged = path.read_bytes().decode("utf-8")
    found = []
    for finding in report.findings:
        for figure in (finding.zh, finding.en):
            if figure is not None:
                assert damaged[figure.start : figure.end] == figure.text
        if finding.where:
            assert 0 <= finding.where[0] <= finding.where[1] <= len(damaged)
        figures = [f.text if f else None for f in (finding.zh, finding.en)]
        found.append((finding.rule, *figures))
    assert found == [
        ("figure-unverifiable", None, "2018"),
        ("figure-scale", "３８７.７５\u3000万元", "3,877.5 million yuan"),
        ("figure-missing", "6 名", None),
        ("figure-scale", "56.28 万元", "RMB５.６２８ million"),
        ("clean-zh-punctuation", None, None),
        ("clean-spaces", None, None),
        ("clean-invisible", None, None),
        ("clean-en-punctuation", None, None),
        ("clean-cjk-spacing", None, None),
        ("clean-width", None, None),
    ]
    lines = damaged.splitlines()
    scale = report.findings[1]
    line, col = report.document.line_col(scale.zh.start)  # type: ignore[union-attr]
    assert lines[line - 1][col - 1 :].startswith("３８７.７５\u3000万元")
    assert path.read_bytes() == _damage(panzhou_text()).encode("utf-8")


# --- properties ---------------------------------------------------------------------

_ZH_WORDS = ["盘州市", "投入", "资金", "帮扶", "学生", "大连", "工作", "选派", "教师"]
_EN_WORDS = ["Panzhou", "invested", "funds", "students", "the", "poverty", "posts"]
_UNITS = ["万元", "亿元", "人", "个", "名", "%", "年"]


@st.composite
def _bulletin(draw: st.DrawFn) -> tuple[str, str]:
    """A mixed bulletin with figures, and a damaged copy of it (the damage that cleaning
    repairs: spaces, half-width commas, full-width digits, invisible characters)."""
    clean_parts, damaged_parts = [], []
    for _ in range(draw(st.integers(1, 6))):
        number = str(draw(st.integers(1, 99999)))
        if draw(st.booleans()):
            number += "." + str(draw(st.integers(1, 99)))
        unit = draw(st.sampled_from(_UNITS))
        words = draw(st.lists(st.sampled_from(_ZH_WORDS), min_size=1, max_size=3))
        zh = "".join(words) + number + unit + "，" + draw(st.sampled_from(_ZH_WORDS)) + "。"
        damaged_number = number
        if draw(st.booleans()):
            damaged_number = number.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
        separator = draw(st.sampled_from(["，", ",", " , "]))
        zh_damaged = (
            "".join(words) + " " + damaged_number + " " + unit + separator
            + draw(st.sampled_from(["\u200b", "", "\u00ad"])) + zh.split("，")[1]
        )  # fmt: skip
        en_words = draw(st.lists(st.sampled_from(_EN_WORDS), min_size=1, max_size=4))
        en = " ".join(en_words) + " " + number + "."
        en_damaged = " ".join(en_words) + " " + damaged_number + " ."
        clean_parts.append(zh + " " + en)
        damaged_parts.append(zh_damaged + " " + en_damaged)
    return "\n\n".join(clean_parts), "\n\n".join(damaged_parts)


def _values(text: str) -> list[tuple[str, object]]:
    return sorted((f.lang, f.value) for lang in ("zh", "en") for f in extract(text, lang))


@settings(max_examples=150, deadline=None)
@given(_bulletin())
def test_cleaning_repairs_damage_without_changing_a_figure(pair: tuple[str, str]) -> None:
    original, damaged = pair
    repaired = clean(damaged).text
    assert _values(repaired) == _values(clean(original).text)
    assert clean(repaired).text == repaired


_MIXED = st.text(
    alphabet=st.sampled_from(
        [
            *"盘州投入万元亿年，。、；：“”（）,.;:!? \t\n\r0123456789ab AZ%",
            *"\u200b\u00a0\u3000\uff10\uff15\uff21\uff0c\uff0e\ufeff",
        ]
    ),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
@example("0 ，000")  # a thousands comma once the space goes: left as it is
def test_cleaning_is_idempotent_on_any_mixed_text(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_offset_map_round_trip(text: str) -> None:
    cleaned = clean(text)
    for fix in cleaned.fixes:
        assert text[fix.start : fix.end] == fix.before
    previous = 0
    for offset in range(len(cleaned.text) + 1):
        back = cleaned.to_original(offset)
        assert previous <= back <= len(text)
        previous = back
    edited = {k for fix in cleaned.fixes for k in range(fix.start, fix.end)}
    for offset, char in enumerate(cleaned.text):
        back = cleaned.to_original(offset)
        if back not in edited:
            assert text[back] == char


def test_clean_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    for path in (missing, binary, tmp_path):
        code, out, err = _run("clean", str(path))
        assert (code, out) == (2, "")
        assert err.startswith(f"bitext: error: {path}") and err.count("\n") == 1


def test_clean_reads_gb18030_and_writes_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes("投入 56.28 万元,资助学生。\n".encode("gb18030"))
    assert _run("clean", str(path)) == (0, "投入56.28万元，资助学生。\n", "")
