"""JSON, version 1: every unit with all it carries, for scripts.

::

    {"version": 1,
     "tool": {"name": "bitext", "version": "0.1.0", "signature": "bitext:0.1.0|…"},
     "source": {"zh": "panzhou.txt", "en": "panzhou.txt"},
     "units": [{"id": 1, "zh": "…", "en": "…", "zh_lines": [0], "en_lines": [0],
                "score": 0.973, "notes": ["figure-scale: …"]}]}

Keys are in this order; 1-0 and 0-1 beads are included (``en`` or ``zh`` is ``""``
and its lines ``[]``); text is kept exactly (JSON can escape any character), non-ASCII
written as itself; the score is the aligner's number, unrounded. Like
``bitext check --format json``, it is indented by two spaces and ends with a newline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bitext.export.unit import ExportInfo, Unit

VERSION = 1


def write(units: Sequence[Unit], info: ExportInfo) -> str:
    """The JSON document for ``units``."""
    return json.dumps(to_dict(units, info), ensure_ascii=False, indent=2) + "\n"


def to_dict(units: Sequence[Unit], info: ExportInfo) -> dict[str, Any]:
    """The document as Python values, for callers that embed it in their own JSON."""
    return {
        "version": VERSION,
        "tool": {"name": "bitext", "version": info.tool_version, "signature": info.signature},
        "source": {"zh": info.source_zh, "en": info.source_en},
        "units": [unit_dict(unit) for unit in units],
    }


def unit_dict(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "zh": unit.zh,
        "en": unit.en,
        "zh_lines": list(unit.zh_lines),
        "en_lines": list(unit.en_lines),
        "score": unit.score,
        "notes": list(unit.notes),
    }
