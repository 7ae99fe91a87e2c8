"""The rich report on a real terminal: side by side, highlighted, 80 columns."""

from __future__ import annotations

import io
import re

from rich.cells import cell_len
from rich.console import Console

import bitext
from bitext.report import terminal

from .conftest import SEEDS


def _render(width: int = 80) -> str:
    """The report as a colour terminal of ``width`` columns receives it."""
    report = bitext.check_paths([str(SEEDS / "panzhou.txt")])
    console = Console(file=io.StringIO(), force_terminal=True, width=width, color_system="standard")
    console.begin_capture()
    terminal.render(report, console)
    return console.end_capture()


def _strip(ansi: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", ansi)


def test_rich_report_puts_the_sides_side_by_side_within_80_columns() -> None:
    ansi = _render()
    text = _strip(ansi)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    header = next(line for line in lines if "中文" in line)
    assert "English" in header  # both columns on one line
    row = next(line for line in lines if line.lstrip().startswith("387.75"))
    assert "A total of 3,877.5 million" in row
    assert lines[-1] == "2 errors, 1 warning, 4 info in 6 pairs (1 file)"


def test_rich_report_colours_figures() -> None:
    ansi = _render()
    red_reverse = "\x1b[1;7;31m"
    assert f"{red_reverse}387.75 万元" in ansi or f"{red_reverse}387.75" in ansi
    assert f"{red_reverse}3,877.5 million yuan" in ansi
    assert "\x1b[32m457" in ansi  # an agreeing figure in green
    assert "5:566" in _strip(ansi)
