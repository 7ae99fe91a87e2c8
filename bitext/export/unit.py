"""What the writers take: one :class:`Unit` per alignment bead, and :class:`ExportInfo`.

The writers never see a :class:`bitext.model.Pair`: a pair points into a document by
offsets, while a unit carries its text, so the writers stay pure functions of plain
values and the aligner decides once how sentences are joined into a bead.
"""

from __future__ import annotations

from typing import NamedTuple


class Unit(NamedTuple):
    """One aligned bead, ready to write."""

    id: int
    """1-based, in document order."""
    zh: str
    """Chinese text of the bead (sentences joined as they stand in the source)."""
    en: str
    """English text ("" for a 1-0 bead: Chinese left untranslated)."""
    zh_lines: tuple[int, ...]
    """0-based sentence/line ids on the Chinese side (for the beads format); () for 0-1."""
    en_lines: tuple[int, ...]
    """0-based ids on the English side; () for 1-0."""
    score: float
    """The aligner's confidence in [0, 1]."""
    notes: tuple[str, ...] = ()
    """Figure findings on this pair, one line each (``rule: message``)."""

    @property
    def has_zh(self) -> bool:
        """False for a 0-1 bead (English with no Chinese source)."""
        return bool(self.zh_lines or self.zh)

    @property
    def has_en(self) -> bool:
        """False for a 1-0 bead (Chinese left untranslated)."""
        return bool(self.en_lines or self.en)


class ExportInfo(NamedTuple):
    """Where the units came from and what made them, for headers and properties."""

    source_zh: str
    """File name of the Chinese (or of the mixed bulletin)."""
    source_en: str
    """File name of the English (same as ``source_zh`` for a mixed bulletin)."""
    tool_version: str
    """``bitext.__version__``."""
    signature: str
    """Reproducibility signature (sacrebleu style)."""
