"""XLIFF 1.2: a bilingual file a translator opens in a CAT tool to review the English.

One ``<file>`` (``original`` the Chinese file, ``zh-CN`` to ``en-US``, plain text)
whose header names bitext as ``<tool>`` and carries the reproducibility signature and
the English file as notes. One ``<trans-unit id="N">`` per bead that has Chinese,
``N`` being the unit's id:

- a translated bead has ``<target state="translated">``, or
  ``state="needs-review-translation"`` when bitext found something wrong with its
  figures, so the CAT tool's filter on state lists exactly the units to look at;
- a 1-0 bead (Chinese left untranslated) has ``<source>`` only, so the translator
  sees what is missing;
- a 0-1 bead (English with no Chinese) is left out: XLIFF has no unit without source.

Each figure finding is a ``<note from="bitext" priority="1">``. The aligner's score
goes in ``<context-group purpose="information">`` as ``<context
context-type="x-bitext-score">``: the strict XLIFF 1.2 schema allows no attribute of
our own on ``trans-unit`` (only attributes of another namespace that a schema
declares) and no ``prop-group`` (transitional only), but it does allow ``x-`` context
types, which keeps the score out of the notes a translator reads. The group has no
``name``: the schema wants context-group names unique across the whole file.

Every unit is ``xml:space="preserve"``: the text is a bulletin's sentences as they
stand, and whitespace inside them (a tab, a line break in a table cell) must reach the
translator unchanged. The document validates against ``xliff-core-1.2-strict.xsd``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bitext.export.text import EN_TAG, ZH_TAG, element, score_text, start_tag, xml_document
from bitext.export.unit import ExportInfo, Unit

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"


def write(units: Sequence[Unit], info: ExportInfo) -> str:
    """The XLIFF document for the units of ``units`` that have Chinese."""
    return xml_document(
        [
            start_tag("xliff", {"version": "1.2", "xmlns": NAMESPACE}),
            "  " + start_tag("file", _file_attrs(info)),
            *_header(info),
            "    <body>",
            *(line for unit in units if unit.has_zh for line in _trans_unit(unit)),
            "    </body>",
            "  </file>",
            "</xliff>",
        ]
    )


def _file_attrs(info: ExportInfo) -> dict[str, str]:
    return {
        "original": info.source_zh,
        "source-language": ZH_TAG,
        "target-language": EN_TAG,
        "datatype": "plaintext",
    }


def _header(info: ExportInfo) -> Iterator[str]:
    tool = {"tool-id": "bitext", "tool-name": "bitext", "tool-version": info.tool_version}
    yield "    <header>"
    yield "      " + start_tag("tool", tool, empty=True)
    yield "      " + element("note", info.signature, {"from": "bitext-signature"})
    yield "      " + element("note", info.source_en, {"from": "bitext-source-en"})
    yield "    </header>"


def _trans_unit(unit: Unit) -> Iterator[str]:
    yield "      " + start_tag("trans-unit", {"id": str(unit.id), "xml:space": "preserve"})
    yield "        " + element("source", unit.zh)
    if unit.has_en:
        state = "needs-review-translation" if unit.notes else "translated"
        yield "        " + element("target", unit.en, {"state": state})
    yield '        <context-group purpose="information">'
    yield "          " + element(
        "context", score_text(unit.score), {"context-type": "x-bitext-score"}
    )
    yield "        </context-group>"
    for note in unit.notes:
        yield "        " + element("note", note, {"from": "bitext", "priority": "1"})
    yield "      </trans-unit>"
