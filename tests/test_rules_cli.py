"""``bitext rules``: every rule of the checker's registry, exactly as printed."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from bitext.check import RULES
from bitext.cli import main

EXPECTED = """\
figure-scale          error    same digits, wrong power of ten (the 万/亿 trap)
                               example: 387.75 万元 → "3,877.5 million yuan":
                               1,000 times the Chinese; "3.8775 million yuan" is
                               right
figure-value          error    a different number in the same role
                               example: 培训 8 期 → "trained 18 sessions": a
                               different number
figure-unit           error    value kept, currency or unit changed
                               example: 增长 3% → "rose 3 percentage points":
                               value kept, unit changed
figure-direction      error    a rise rendered as a fall, or the reverse
                               example: 同比下降 2.1% → "rose 2.1% year on
                               year": a fall rendered as a rise
figure-missing        warning  a Chinese figure with no English counterpart
                               example: 选派 6 名教师 → "Go to Hongguo Shatuo
                               Elementary School…": the 6 is lost
figure-extra          warning  an English figure with no Chinese source
                               example: 培训 8 期 → "trained 8 sessions of
                               20 people": 20 has no Chinese source
figure-weekday        warning  a weekday for a day whose month the text lacks
                               example: 25日 → "on Friday": check that the 25th
                               was a Friday
figure-unverifiable   info     the counterpart is in text the other side lacks
                               example: 年以来… → "Since 2018, …": the Chinese
                               lost its head, so 2018 cannot be checked
untranslated          warning  a Chinese fragment with no English translation
                               example: [臺中市]推動長照服務成果 followed
                               directly by the next Chinese sentence
pair-uncertain        info     the aligner doubts a pair; figures not compared
                               example: a Chinese sentence next to English about
                               something else (confidence under 0.2)
clean-mojibake        info     the file needed cleaning: UTF-8 read as
                               Windows-1252 is repaired (ftfy)
                               example: “æ‰¶è´«èµ„é‡‘” → “扶贫资金”
clean-gbk-mojibake    info     the file needed cleaning: UTF-8 Chinese read as
                               GBK or GB18030 is repaired where the repair is
                               far more common Chinese
                               example: “鎵惰传璧勯噾” → “扶贫资金”
clean-invisible       info     the file needed cleaning: zero-width characters,
                               soft hyphens and stray BOMs are removed
                               example: “扶<U+200B>贫” → “扶贫”
clean-spaces          info     the file needed cleaning: no-break, ideographic
                               and other Unicode spaces become plain spaces
                               example: “a<U+00A0>b” → “a b”
clean-width           info     the file needed cleaning: full-width letters and
                               digits, a full-width comma grouping thousands,
                               and full-width punctuation in English become
                               ASCII
                               example: “２０１８ ＧＤＰ” → “2018 GDP”
clean-hard-wraps      info     the file needed cleaning: lines broken inside a
                               sentence at a fixed width are joined
                               example: “盘州市筹集扶贫资金457万元，用于帮\\n助贫
                               困村的农户发展产业，培训教师8\\n期，共培训人员
                               120人次，覆盖全县\\n各个乡镇。\\n” → “盘州市筹集扶
                               贫资金457万元，用于帮助贫困村的农户发展产业，培训
                               教师8期，共培训人员120人次，覆盖全县各个乡镇。\\n”
clean-zh-punctuation  info     the file needed cleaning: half-width , ; : inside
                               Chinese become full width
                               example: “机制,切实” → “机制，切实”
clean-cjk-spacing     info     the file needed cleaning: spaces around a number
                               inside Chinese are removed
                               example: “大连市 6 家” → “大连市6家”
clean-en-punctuation  info     the file needed cleaning: spaces before English
                               punctuation are removed
                               example: “Panzhou , 457” → “Panzhou, 457”
clean-digit-grouping  info     the file needed cleaning: a space after a
                               thousands comma is removed
                               example: “4, 000” → “4,000”
clean-repeats         info     the file needed cleaning: a paragraph repeating
                               the one before it is removed
                               example: “Four attackers were killed.\\n\\nFour
                               attackers were killed.\\n” → “Four attackers were
                               killed.\\n”
clean-traditional     info     the file needed cleaning: traditional characters
                               become simplified (OpenCC)
                               example: “萬元” → “万元”
"""
"""``bitext rules`` at 80 columns: description and example wrap in their column."""


def rules(columns: int, *args: str, **env: str) -> str:
    result = CliRunner(env={"COLUMNS": str(columns), **env}).invoke(
        main, ["rules", *args], color=bool(env)
    )
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def test_rules_lists_every_rule_with_severity_description_and_example() -> None:
    assert rules(80) == EXPECTED


@pytest.mark.parametrize("columns", [60, 80, 100, 140])
def test_rules_keep_their_columns_within_the_width(columns: int) -> None:
    lines = rules(columns).splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    heads = [k for k, line in enumerate(lines) if not line.startswith(" ")]
    assert [lines[k].split()[0] for k in heads] == list(RULES)  # a head line per rule
    for rule, start, end in zip(RULES.values(), heads, [*heads[1:], len(lines)], strict=True):
        assert all(line[:31].isspace() for line in lines[start + 1 : end])
        column = "".join(line[31:] for line in lines[start:end])
        shown = f"{rule.description}example: {rule.example}"
        assert "".join(column.split()) == "".join(shown.split())  # nothing lost


def test_rules_at_200_columns_keep_a_short_example_on_one_line() -> None:
    lines = rules(200).splitlines()
    assert lines[:2] == [
        "figure-scale          error    same digits, wrong power of ten (the 万/亿 trap)",
        '                               example: 387.75 万元 → "3,877.5 million yuan": '
        '1,000 times the Chinese; "3.8775 million yuan" is right',
    ]


def test_rules_colour_each_severity_in_its_own_style_on_a_terminal() -> None:
    out = rules(80, FORCE_COLOR="1", TERM="xterm")
    assert "\x1b[1;31merror  \x1b[0m  same digits" in out  # bold red
    assert "\x1b[1;33mwarning\x1b[0m  a Chinese figure" in out  # bold yellow
    assert "\x1b[36minfo   \x1b[0m  the counterpart" in out  # cyan
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == EXPECTED


def test_rules_rule_colours_its_severity_on_a_terminal() -> None:
    out = rules(80, "figure-missing", FORCE_COLOR="1", TERM="xterm")
    assert out.startswith("figure-missing (\x1b[1;33mwarning\x1b[0m): a Chinese figure")


def test_rules_rule_wraps_within_80_columns() -> None:
    out = rules(80, "clean-hard-wraps")
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "".join(out.split("\n\n")[-1].split("\n")) == (
        f"example: {RULES['clean-hard-wraps'].example}"
    )


def test_rules_as_json_come_from_the_checkers_registry() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    assert [r["id"] for r in rules] == list(RULES)
    assert [r["severity"] for r in rules] == [rule.severity.value for rule in RULES.values()]
    assert rules[0] == {
        "id": "figure-scale",
        "severity": "error",
        "description": "same digits, wrong power of ten (the 万/亿 trap)",
        "explanation": (
            "The English has the Chinese figure's digits at the wrong power of ten, the usual "
            "slip with 万 (10^4) and 亿 (10^8), which English counts in thousands and millions. "
            "The suggestion gives the figure at the right scale."
        ),
        "example": (
            '387.75 万元 → "3,877.5 million yuan": 1,000 times the Chinese; '
            '"3.8775 million yuan" is right'
        ),
    }
    assert all(r["example"] for r in rules)


def test_rules_take_no_colour_with_no_color() -> None:
    assert rules(80, FORCE_COLOR="1", TERM="xterm", NO_COLOR="1") == EXPECTED
