"""Writing aligned pairs as bitext, for CAT tools and scripts.

``bitext align`` turns a bulletin into :class:`Unit` values, one per alignment bead,
and :func:`export` writes them in one of the :data:`FORMATS`:

- ``beads``: the alignment alone, ``[0,1]:[0]`` a line, for sentence-alignment scorers;
- ``tsv``: ``id zh en score notes``, one bead a line, for spreadsheets and the shell;
- ``json``: everything, lossless, for scripts;
- ``tmx``: a TMX 1.4b translation memory of the pairs with both sides, for CAT tools;
- ``xliff``: XLIFF 1.2 for review in a CAT tool, figure findings as notes.

Each writer is a pure function ``write(units, info) -> str`` in a module of its own.

>>> info = ExportInfo("a.txt", "a.txt", "0.1.0", "bitext:0.1.0")
>>> export([Unit(1, "投入 8 期。", "Trained 8 sessions.", (0,), (0,), 0.98)], "beads", info)
'[0]:[0]\\n'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bitext.export import beads, json_export, tmx, tsv, xliff
from bitext.export.unit import ExportInfo, Unit
from bitext.model import BitextError

Writer = Callable[[Sequence[Unit], ExportInfo], str]

FORMATS: dict[str, Writer] = {
    "beads": beads.write,
    "tsv": tsv.write,
    "json": json_export.write,
    "tmx": tmx.write,
    "xliff": xliff.write,
}
"""Format name → writer, in the order ``--help`` should list them."""


def export(units: Sequence[Unit], fmt: str, info: ExportInfo) -> str:
    """``units`` written in format ``fmt`` (a key of :data:`FORMATS`)."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise BitextError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
    return writer(units, info)


__all__ = ["FORMATS", "ExportInfo", "Unit", "Writer", "export"]
