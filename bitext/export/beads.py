"""The beads format: the alignment alone, as sentence-alignment scorers read it.

One bead a line, ``[zh ids]:[en ids]`` with 0-based sentence ids and no spaces,
``[]`` for an empty side, in document order; every bead is written, 1-0 and 0-1
included, and nothing else (no header, no text). It is the gold format of the MAC
corpus (Liu & Zhu 2022) and of Vecalign/Bertalign, so ``mac_score.py GOLD TEST``
scores bitext's output as it stands.

>>> from bitext.export.unit import ExportInfo, Unit
>>> info = ExportInfo("a.txt", "a.txt", "0.1.0", "sig")
>>> print(write([Unit(1, "甲。乙。", "A.", (0, 1), (0,), 1.0), Unit(2, "丙。", "", (2,), (), 0.4)], info), end="")
[0,1]:[0]
[2]:[]
"""

from __future__ import annotations

from collections.abc import Sequence

from bitext.export.unit import ExportInfo, Unit


def write(units: Sequence[Unit], info: ExportInfo) -> str:
    """The beads of ``units``, one a line; ``info`` is not written (the format has no header)."""
    return "".join(f"{_ids(unit.zh_lines)}:{_ids(unit.en_lines)}\n" for unit in units)


def _ids(lines: tuple[int, ...]) -> str:
    return "[" + ",".join(str(line) for line in lines) + "]"
