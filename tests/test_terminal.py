"""The report people read (issue 16, item 1): the pairs with findings by default, every
pair with ``--pairs all``, the finding lines alone with ``--pairs none``, counts with
``--statistics``; each finding at ``path:line:col``; figures never split by a line break
and no line led by a Chinese closing mark, at 80 and 140 columns, plain and on a
terminal."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

import bitext
from bitext.cli import main
from bitext.model import Report
from bitext.report import terminal
from bitext.report.wrap import CLOSING

from .conftest import FIXTURES, ROOT, SHARED

PANZHOU = "seeds/panzhou.txt"
WRAP_POINTS = "fixtures/terminal/wrap-points.txt"
"""Eight pairs of ``../shared/bench/dev`` bulletins (wmt18-b104 pairs 1 and 2, wmt18-b016
1 and 2, wmt17-b035 1, wmt18-b115 7, wmt17-b037 2, wmt18-b124 7), one a paragraph: a
terminal's own folding splits one of their figures at 80 or at 140 columns."""
GOLDEN = FIXTURES / "terminal"
UPDATE = os.environ.get("BITEXT_UPDATE_GOLDENS") == "1"
SIGNATURE_80 = (
    "bitext:0.1.0|clean:mojibake+gbk-mojibake+newlines+invisible+spaces+width+\n"
    "hard-wraps+zh-punctuation+cjk-spacing+en-punctuation+digit-grouping+repeats|\n"
    "align:mixed-dp|min-confidence:0.2\n"
)
SUMMARY = "2 errors, 1 warning, 4 info in 6 pairs (1 file)\n"


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths as a user gives them, relative to the repository root."""
    monkeypatch.chdir(ROOT)


def check(columns: int, *args: str) -> tuple[int, str]:
    """``bitext check ARGS`` through a pipe ``columns`` wide."""
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, ["check", *args])
    assert result.stderr == ""
    return result.exit_code, result.stdout


def golden(name: str, text: str) -> str:
    """The golden file ``fixtures/terminal/NAME`` (rewritten with BITEXT_UPDATE_GOLDENS=1)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def rich_render(
    paths: list[str], width: int = 80, view: terminal.View = terminal.DEFAULT_VIEW
) -> str:
    """The report as a colour terminal ``width`` columns wide receives it."""
    report = bitext.check_paths(paths)
    console = Console(
        file=io.StringIO(), force_terminal=True, width=width, color_system="truecolor"
    )
    console.begin_capture()
    terminal.render(report, console, view)
    return console.end_capture()


def strip(ansi: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", ansi)


# --- what is shown -------------------------------------------------------------------------

PANZHOU_80 = """\
seeds/panzhou.txt
-- pair 1 · line 5 · confidence 1.00 · Chinese fragment is cut
zh  年以来,大连市6家市直部门、金普新区4个街道与盘州市9个乡镇建立结对帮扶关系、金
    普新区3个街道、16家企业、2个社会团体与盘州市56个贫困村建立结对帮扶关系。
en  Since 2018 , 6 municipal departments in Dalian, 4 sub-districts of Jinpu New
    District and 9 townships in Panzhou have established a pairing and
    supporting relationship, 3 sub-districts of Jinpu New District , 16
    enterprises, 2 social groups and Panzhou 56 Pairs of poor villages to
    establish pairs of assistance relationship.
seeds/panzhou.txt:5:153: info figure-unverifiable “2018” cannot be checked: the Chinese fragment lost its head, where its counterpart would be

-- pair 2 · line 5 · confidence 1.00 · Chinese fragment is cut
zh  ⟦387.75万元⟧,开发专岗公益岗位457个、慰问贫困残疾人10人、帮助结对帮扶乡村发展
    产业、购买盘州7万元农特产品、资助建档立卡贫困学生45人。
en  A total of ⟦3,877.5 million yuan⟧ of social assistance funds were invested
    in Panzhou , 457 specialized public welfare posts were developed, 10 people
    with disabilities were assisted , pairings were provided to help rural
    development of the industry, purchases of 70,000 yuan of agricultural
    special products in Panzhou, and funding for the establishment of archives
    There are 45 card poor students .
seeds/panzhou.txt:5:566: error figure-scale “3,877.5 million yuan” is 1,000 times “387.75 万元” (3,877,500); “3.8775 million yuan” is right

-- pair 4 · line 7 · confidence 1.00
zh  选派⟦6名⟧教师到红果沙陀小学和双凤文笔小学开展教育“组团式”帮扶工作。
en  Go to Hongguo Shatuo Elementary School and Shuangfeng Wenbi Elementary
    School to carry out education "group-type" assistance work.
seeds/panzhou.txt:7:159: warning figure-missing “选派 6 名教师”: 6 has no counterpart in the English

-- pair 5 · line 11 · confidence 1.00
zh  ⟦56.28万元⟧开展贫困村致富带头人培训8期,培训致富带头人479人,为致富带头人创业
    提供技术指导和知识培训,夯实脱贫基础,带动更多贫困人口增收。
en  Invested ⟦RMB5.628 million⟧ in Dalian's assistance funds to carry out 8
    sessions of training for rich leaders in poor villages , training 479 rich
    leaders, providing technical guidance and knowledge training for rich
    leaders to start businesses, consolidating the foundation for poverty
    alleviation, and driving more poor people to increase their income.
seeds/panzhou.txt:11:154: error figure-scale “RMB5.628 million” is 10 times “56.28 万元” (562,800); “RMB562,800” is right

"""
CLEANING = """seeds/panzhou.txt:3:12: info clean-zh-punctuation half-width , ; : inside Chinese become full width (10 fixes; first: “合作机制,切实深化” → “合作机制，切实深化”)
seeds/panzhou.txt:3:374: info clean-en-punctuation spaces before English punctuation are removed (7 fixes; first: “vels , an” → “vels, an”)
seeds/panzhou.txt:5:60: info clean-cjk-spacing spaces around a number inside Chinese are removed (30 fixes; first: “,大连市 6 家市” → “,大连市6 家市”)
"""
UNLISTED = "3 cleaning notices not listed (--show-cleaning lists them)\n"


def test_default_report_shows_the_pairs_with_findings_and_each_finding_at_its_path() -> None:
    code, out = check(80, PANZHOU)
    assert code == 1
    assert out == PANZHOU_80 + UNLISTED + SIGNATURE_80 + SUMMARY
    # pairs 0 and 3 have no finding and are not shown, but are counted
    assert "-- pair 0 " not in out and "-- pair 3 " not in out


def test_show_cleaning_lists_the_cleaning_notices_after_the_pairs() -> None:
    code, out = check(80, "--show-cleaning", PANZHOU)
    assert (code, out) == (1, PANZHOU_80 + CLEANING + "\n" + SIGNATURE_80 + SUMMARY)


def test_pairs_all_shows_every_pair_and_the_same_findings() -> None:
    code, out = check(80, "--pairs", "all", PANZHOU)
    assert code == 1
    titles = [line for line in out.splitlines() if line.startswith("-- pair")]
    assert [title.split()[2] for title in titles] == ["0", "1", "2", "3", "4", "5"]
    findings = [line for line in out.splitlines() if line.startswith(f"{PANZHOU}:")]
    assert findings == [line for line in PANZHOU_80.splitlines() if line.startswith(f"{PANZHOU}:")]
    assert out.endswith(UNLISTED + SIGNATURE_80 + SUMMARY)


def test_pairs_none_gives_one_line_per_finding_in_file_order() -> None:
    code, out = check(80, "--pairs", "none", PANZHOU)
    assert code == 1
    assert out == (
        "seeds/panzhou.txt:5:153: info figure-unverifiable “2018” cannot be checked: the "
        "Chinese fragment lost its head, where its counterpart would be\n"
        "seeds/panzhou.txt:5:566: error figure-scale “3,877.5 million yuan” is 1,000 times "
        "“387.75 万元” (3,877,500); “3.8775 million yuan” is right\n"
        "seeds/panzhou.txt:7:159: warning figure-missing “选派 6 名教师”: 6 has no counterpart "
        "in the English\n"
        "seeds/panzhou.txt:11:154: error figure-scale “RMB5.628 million” is 10 times "
        "“56.28 万元” (562,800); “RMB562,800” is right\n" + UNLISTED + SIGNATURE_80 + SUMMARY
    )
    errors = [line for line in out.splitlines() if ": error " in line]  # as grep finds them
    assert len(errors) == 2
    code, listed = check(80, "--pairs", "none", "--show-cleaning", PANZHOU)
    assert listed == CLEANING + out.replace(UNLISTED, "")  # in file order: lines 3 and 5 first


def test_statistics_count_the_findings_per_rule_most_frequent_first() -> None:
    code, out = check(80, "--statistics", PANZHOU)
    assert code == 1  # the exit code is that of the findings
    assert out == (
        "2  figure-scale          error\n"
        "1  figure-missing        warning\n"
        "1  clean-cjk-spacing     info\n"
        "1  clean-en-punctuation  info\n"
        "1  clean-zh-punctuation  info\n"
        "1  figure-unverifiable   info\n"
        "\n" + SIGNATURE_80 + SUMMARY
    )
    as_json = check(80, "--statistics", "--format", "json", PANZHOU)[1]  # written as -o is
    assert as_json.splitlines()[:7] == out.splitlines()[:7]


def test_a_clean_file_prints_nothing_but_is_counted(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("为培训致富带头人投入56.28万元。 Invested RMB562,800 in training leaders.\n")
    code, out = check(80, str(clean))
    assert code == 0
    assert out == SIGNATURE_80 + "0 errors, 0 warnings, 0 info in 1 pair (1 file)\n"
    code, out = check(80, str(clean), PANZHOU)
    assert out == (
        PANZHOU_80 + UNLISTED + SIGNATURE_80 + "2 errors, 1 warning, 4 info in 7 pairs (2 files)\n"
    )
    assert str(clean) not in out


def test_a_file_with_notes_keeps_them() -> None:
    code, out = check(80, "seeds/lvshunkou.txt")
    assert code == 0
    assert out == "seeds/lvshunkou.txt\n  no Chinese text to check\n\n" + SIGNATURE_80 + (
        "0 errors, 0 warnings, 0 info in 0 pairs (1 file)\n"
    )
    _, out = check(80, "--pairs", "none", "seeds/lvshunkou.txt")
    assert out.splitlines()[0] == "seeds/lvshunkou.txt: note: no Chinese text to check"


def test_a_translation_pair_points_each_finding_into_its_own_file() -> None:
    zh, en = "fixtures/pairs/panzhou.zh.txt", "fixtures/pairs/panzhou.en.txt"
    _, out = check(80, "--pairs", "none", "--pair", zh, en)
    lines = out.splitlines()
    assert (
        f"{zh}:5:4: warning figure-missing “选派 6 名教师”: 6 has no counterpart in the English"
        in lines
    )
    assert any(
        line.startswith(f"{en}:6:10: error figure-scale “RMB5.628 million”") for line in lines
    )
    zh_lines = [k for k, line in enumerate(lines) if line.startswith(f"{zh}:")]
    en_lines = [k for k, line in enumerate(lines) if line.startswith(f"{en}:")]
    assert max(zh_lines) < min(en_lines)  # the Chinese file first, each in line order


# --- wrapping at 80 and 140 columns ----------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 140])
def test_figures_at_the_wrap_points_stay_whole(columns: int) -> None:
    code, out = check(columns, "--pairs", "all", WRAP_POINTS)
    assert code == 1
    assert out == golden(f"wrap-points.{columns}.txt", out)
    report = bitext.check_paths([WRAP_POINTS])
    assert_figures_whole(report, out, columns)


def test_wrap_points_at_80_columns_break_before_the_figure() -> None:
    """Where a terminal's folding would cut ``1280万元``, ``RMB132.46 million``,
    ``0.2个百分点``, ``200 million Australian dollars`` or ``1.76亿美元``, the whole
    figure goes down, and an opening bracket goes with it."""
    lines = check(80, "--pairs", "all", WRAP_POINTS)[1].splitlines()
    for start in (
        "    1280万元。",
        "    RMB132.46 million were received;",
        "    0.2个百分点。",
        "    0.2 percentage points higher",
        "    200 million Australian dollars (⟦about 1.54 million US dollars⟧)",
        "    （⟦约合1.54亿美元⟧）对著名的悉尼歌剧院",
        "    ⟦1.76亿美元⟧。",
        "    $316 million and Paul ⟦$17,600 million⟧.",
    ):
        assert any(line.startswith(start) for line in lines), start


@pytest.mark.parametrize("columns", [80, 140])
def test_rich_report_at_80_and_140_columns(columns: int) -> None:
    text = strip(rich_render([WRAP_POINTS], columns))
    assert text == golden(f"wrap-points.{columns}.rich.txt", text)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert not [line for line in lines if line.strip()[:1] in CLOSING]


def assert_figures_whole(report: Report, out: str, columns: int) -> None:
    """Every figure in digits the report read is on one line of the plain output (its
    occurrences counted in each side's text as a whole and line by line: one split across
    lines is missing from the second count), and no line of a pair's text, but its first,
    starts with a closing mark; lines fit but for finding lines. ``report``
    is of one file (a figure word such as 一个 may be split where it is not a figure)."""
    blocks: list[tuple[str, list[str]]] = []  # each side of each pair: language, lines
    for line in out.splitlines():
        if line.startswith(("zh  ", "en  ")):
            blocks.append((line[:2], [line[4:]]))
        elif line.startswith("    ") and blocks:
            blocks[-1][1].append(line[4:])
            assert line[4:5] not in CLOSING, line
        elif not line.startswith("-- pair"):
            blocks.append(("", []))
        if not line.startswith(tuple(f"{f.document.path}:" for f in report.files)):
            assert cell_len(line) <= columns or "|" in line, line

    def shown(text: str, lang: str) -> str:
        text = text.replace("⟦", "").replace("⟧", "")
        return "".join(text.split()) if lang == "zh" else " ".join(text.split())

    for file_report in report.files:
        for figure in (f for f in file_report.figures if regex.search(r"\d", f.text)):
            sides = [lines for lang, lines in blocks if lang == figure.lang]
            text = shown(figure.text, figure.lang)
            joiner = "" if figure.lang == "zh" else " "
            count = sum(shown(joiner.join(lines), figure.lang).count(text) for lines in sides)
            kept = sum(shown(line, figure.lang).count(text) for lines in sides for line in lines)
            assert count and kept == count, (file_report.document.path, figure.text, columns)


# --- severities in their own styles --------------------------------------------------------


def test_rich_report_styles_each_severity_its_own_way() -> None:
    ansi = rich_render([PANZHOU])
    assert "\x1b[1;7;31m387.75万元\x1b[0m" in ansi  # an error's figures: bold red, reversed
    assert "\x1b[1;7;31m3,877.5 million yuan\x1b[0m" in ansi
    assert "\x1b[1;7;33m6名\x1b[0m" in ansi  # a warning's: bold yellow, not the error's
    assert "\x1b[4;36m2018\x1b[0m" in ansi  # an info's: cyan, underlined
    assert "\x1b[32m457个\x1b[0m" in ansi  # a figure that agrees: green
    assert "\x1b[1;31merror\x1b[0m" in ansi
    assert "\x1b[1;33mwarning\x1b[0m" in ansi
    assert "\x1b[1;36minfo\x1b[0m" not in ansi and "\x1b[36minfo\x1b[0m" in ansi
    warning = next(line for line in ansi.splitlines() if "6名" in line)
    assert "\x1b[1;7;31m" not in warning


def test_rich_report_puts_the_sides_side_by_side_within_80_columns() -> None:
    text = strip(rich_render([PANZHOU]))
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    header = next(line for line in lines if "中文" in line)
    assert "English" in header  # both columns on one line
    row = next(line for line in lines if line.lstrip().startswith("387.75"))
    assert "A total of 3,877.5 million yuan" in row
    assert "seeds/panzhou.txt:5:566: error figure-scale “3,877.5 million yuan” is" in lines
    assert "    1,000 times “387.75 万元” (3,877,500); “3.8775 million yuan” is right" in lines
    assert lines[-4:] == [*SIGNATURE_80.splitlines(), SUMMARY.strip()]


def test_rich_pairs_none_wraps_each_message_under_an_indent() -> None:
    text = strip(rich_render([PANZHOU], view=terminal.View(pairs="none", show_cleaning=True)))
    assert text.splitlines()[:3] == [
        "seeds/panzhou.txt:3:12: info clean-zh-punctuation half-width , ; : inside",
        "    Chinese become full width (10 fixes; first: “合作机制,切实深化” → “合作机",
        "    制，切实深化”)",
    ]


def test_rich_statistics_colour_the_severities() -> None:
    ansi = rich_render([PANZHOU], view=terminal.View(statistics=True))
    assert ansi.startswith("2  figure-scale          \x1b[1;31merror\x1b[0m\n")


# --- every bulletin of the development set -------------------------------------------------

BENCH = SHARED / "bench" / "dev"


@pytest.fixture(scope="module")
def bench_report() -> Report:
    if not BENCH.is_dir():
        pytest.skip("../shared/bench/dev is absent")
    return bitext.check_paths(sorted(str(p) for p in BENCH.glob("*.txt")))


@pytest.mark.parametrize("columns", [60, 80, 140])
def test_no_figure_of_the_bench_is_split(bench_report: Report, columns: int) -> None:
    view = terminal.View(pairs="all")
    for file_report in bench_report.files:
        one = Report((file_report,), bench_report.signature)
        assert_figures_whole(one, terminal.render_plain(one, width=columns, view=view), columns)


@pytest.mark.parametrize("columns", [60, 80, 140])
def test_no_rich_line_of_the_bench_starts_with_a_closing_mark(
    bench_report: Report, columns: int
) -> None:
    view = terminal.View(pairs="all")
    lines = [line.plain for line in terminal.report_lines(bench_report, columns, False, view)]
    for before, line in zip(["", *lines], lines, strict=False):
        assert cell_len(line) <= columns, line
        if before.startswith("─"):
            continue  # a pair's first row: the text may start with anything
        cells = [cell for cell in re.split(r" {2,}", line.strip()) if cell]
        assert not [cell for cell in cells if cell[0] in CLOSING], line


def test_a_line_end_inside_a_pair_is_shown_as_a_space(tmp_path: Path) -> None:
    """A PO entry's English on two lines stays under its ``en`` label."""
    po = tmp_path / "units.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "funds"\nmsgid "共投入社会帮扶资金387.75万元。"\n'
        'msgstr "A total of 3,877.5 million yuan of funds "\n"was invested."\n',
        encoding="utf-8",
    )
    code, out = check(80, str(po))
    assert code == 1
    assert out.splitlines()[1:4] == [
        "-- pair 0 · unit funds · line 6 · confidence 1.00",
        "zh  共投入社会帮扶资金⟦387.75万元⟧。",
        'en  A total of ⟦3,877.5 million yuan⟧ of funds " "was invested.',
    ]
