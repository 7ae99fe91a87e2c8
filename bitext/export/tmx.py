"""TMX 1.4b: a translation memory that CAT tools (OmegaT, Trados, memoQ) import.

The file is UTF-8 with an XML declaration and ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``,
and valid against that DTD. The header names bitext as creation tool, Chinese
(``zh-CN``) as source language and plain text as data type; its properties carry the
reproducibility signature and the two source files.

One ``<tu tuid="N">`` per bead that has both sides, ``N`` being the unit's id: a
translation memory is a store of translations, so a 1-0 bead (Chinese left
untranslated) and a 0-1 bead (English with no source) have no place in it. A unit
holds the aligner's score as ``<prop type="x-bitext-score">``, each figure finding
as a ``<note>`` (the DTD's content model is ``((note|prop)*, tuv+)``), then the
Chinese and the English ``<tuv>``. Text is plain (TMX level 1, no inline markup);
characters XML 1.0 cannot hold are dropped. Nothing time-dependent is written (no
creation date), so the same units always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bitext.export.text import EN_TAG, ZH_TAG, element, score_text, start_tag, xml_document
from bitext.export.unit import ExportInfo, Unit

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def write(units: Sequence[Unit], info: ExportInfo) -> str:
    """The TMX document for the units of ``units`` that have both sides."""
    return xml_document(
        [
            DOCTYPE,
            '<tmx version="1.4">',
            *_header(info),
            "  <body>",
            *(line for unit in units if unit.has_zh and unit.has_en for line in _tu(unit)),
            "  </body>",
            "</tmx>",
        ]
    )


def _header(info: ExportInfo) -> Iterator[str]:
    attrs = {
        "creationtool": "bitext",
        "creationtoolversion": info.tool_version,
        "segtype": "sentence",
        "o-tmf": "bitext",
        "adminlang": "en-US",
        "srclang": ZH_TAG,
        "datatype": "plaintext",
    }
    yield "  " + start_tag("header", attrs)
    yield "    " + element("prop", info.signature, {"type": "x-bitext-signature"})
    yield "    " + element("prop", info.source_zh, {"type": "x-bitext-source-zh"})
    yield "    " + element("prop", info.source_en, {"type": "x-bitext-source-en"})
    yield "  </header>"


def _tu(unit: Unit) -> Iterator[str]:
    yield "    " + start_tag("tu", {"tuid": str(unit.id)})
    yield "      " + element("prop", score_text(unit.score), {"type": "x-bitext-score"})
    for note in unit.notes:
        yield "      " + element("note", note)
    yield from _tuv(ZH_TAG, unit.zh)
    yield from _tuv(EN_TAG, unit.en)
    yield "    </tu>"


def _tuv(lang: str, text: str) -> Iterator[str]:
    yield "      " + start_tag("tuv", {"xml:lang": lang})
    yield "        " + element("seg", text)
    yield "      </tuv>"
