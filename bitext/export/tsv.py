r"""TSV: one bead a line for spreadsheets and shell scripts (``cut -f3``, pandas).

A tab-separated header line ``id zh en score notes``, then one line per bead, 1-0 and 0-1
beads included with the missing side empty. Inside a field a backslash, tab, line
feed and carriage return are written ``\\``, ``\t``, ``\n`` and ``\r``, so every
bead stays on one line whatever the bulletin held; other control characters are
dropped (see :mod:`bitext.export.text`). ``score`` has three decimals; ``notes``
are joined with `` | ``. Lossless export is the JSON format's job.

>>> from bitext.export.unit import ExportInfo, Unit
>>> info = ExportInfo("a.txt", "a.txt", "0.1.0", "sig")
>>> line = write([Unit(7, "甲\t乙", "A\\B\n", (0,), (0,), 0.5, ("x", "y"))], info).splitlines()[1]
>>> line.split("\t")
['7', '甲\\t乙', 'A\\\\B\\n', '0.500', 'x | y']
"""

from __future__ import annotations

from collections.abc import Sequence

from bitext.export.text import score_text, strip_invalid
from bitext.export.unit import ExportInfo, Unit

HEADER = ("id", "zh", "en", "score", "notes")
NOTE_SEPARATOR = " | "

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write(units: Sequence[Unit], info: ExportInfo) -> str:
    """The header and one line per unit; ``info`` is not written (TSV has no place for it)."""
    rows = [HEADER, *(_row(unit) for unit in units)]
    return "".join("\t".join(row) + "\n" for row in rows)


def _row(unit: Unit) -> tuple[str, ...]:
    notes = NOTE_SEPARATOR.join(unit.notes)
    return (str(unit.id), field(unit.zh), field(unit.en), score_text(unit.score), field(notes))


def field(text: str) -> str:
    """``text`` escaped so that it holds no tab and no line end."""
    return strip_invalid(text).translate(_ESCAPES)
