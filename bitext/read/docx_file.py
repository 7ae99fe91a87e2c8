"""Read a Word document (``.docx``) into the text it shows, with the place of each block.

Bulletins are written in Word, often as a two-column table with the Chinese on the left
and its English on the right. The text read is what a reader sees, one block a line and
a blank line between blocks, so the stages downstream find paragraphs as they do in a
text file:

* the headers of each section, then the body, then the footers, the footnotes and the
  endnotes;
* each paragraph of the body, numbered from 1 as Word counts them (empty ones too),
  labelled "paragraph 12";
* each row of a table as one paragraph, its cells left to right a line each, labelled
  "table 1, row 3, cell 2", so a Chinese cell is followed by its English one as a
  fragment is by its translation in a mixed bulletin; a table inside a cell is numbered
  inside it ("table 1, row 2, cell 1, table 1, row 1, cell 1");
* a header or footer, labelled "header", "first-page header", "even-page footer" (with
  "section 2" before it in a document of several sections);
* each footnote and endnote, labelled "footnote 2", "endnote 1" in the order the
  document holds them.

Inside a paragraph, a line break is a newline and a tab a tab; the text of a tracked
deletion, of a text box and of a field's code is not read. Comments, text boxes and
the text of drawings and charts are not read.

:mod:`docx` (python-docx) is imported here only, so a run on text files starts without it.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from bitext.model import InputError, Places

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_NOTES = (
    ("footnote", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"),
    ("endnote", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"),
)
_KINDS = {"default": "", "first": "first-page ", "even": "even-page "}

P_TAG, _TBL, TR_TAG, TC_TAG, _SDT, _SDT_CONTENT = (
    f"{{{W}}}{name}" for name in ("p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
_TEXT = {f"{{{W}}}t": None, f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n"}
_TEXT[f"{{{W}}}noBreakHyphen"] = "-"
_HIDDEN = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}txbxContent"}

UNPACKED_FACTOR = 8
"""A Word document's parts may unpack to this many times its limit of characters."""

Block = tuple[str, str]
"""A block's label and text."""

Group = list[Block]
"""Blocks read as one paragraph, a line each: the cells of a table row."""


def read_docx(data: bytes, name: str, max_chars: int) -> tuple[str, Places]:
    """The text of the Word document ``data`` and the place of each of its blocks.

    Raise :class:`InputError` with a one-line reason for a file that is not a Word
    document, a damaged one, or one whose text is empty or larger than ``max_chars``.
    """
    document = open_docx(data, name, UNPACKED_FACTOR * max_chars)
    try:
        groups = _document_groups(document)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from exc
    text_parts: list[str] = []
    runs: list[tuple[int, str, int | None, int | None]] = []
    length = 0
    for group in groups:
        gap = "\n\n"
        for label, text in group:
            if not text.strip():
                continue
            if text_parts:
                text_parts.append(gap)
                length += len(gap)
            gap = "\n"
            runs.append((length, label, None, None))
            text_parts.append(text)
            length += len(text)
        if length > max_chars:
            raise InputError(
                f"{name}: the document's text is too large (over {max_chars / 1e6:.0f} "
                "million characters) — is it really a bulletin?"
            )
    if not text_parts:
        raise InputError(f"{name}: the Word document holds no text")
    return "".join(text_parts), Places(runs)


def open_docx(data: bytes, name: str, max_unpacked: int):  # -> docx.document.Document
    """The document in ``data``, or :class:`InputError` saying why it is not one. The
    archive's parts may unpack to ``max_unpacked`` bytes in all: python-docx holds them
    all in memory, and a small archive can unpack to gigabytes."""
    if not data.startswith(b"PK"):
        raise InputError(f"{name}: not a Word document (.docx is a zip archive; this is not)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"{name}: not a Word document (damaged zip archive: {exc})") from exc
    if unpacked > max_unpacked:
        raise InputError(
            f"{name}: the Word document unpacks to {unpacked / 1e6:.1f} MB (the limit is "
            f"{max_unpacked / 1e6:.1f} MB) — is it really a bulletin?"
        )
    import docx  # here only: python-docx and lxml take a while to import

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds: each means "not a .docx"
        said = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc  # no quotes
        reason = " ".join(str(said).split()) or type(exc).__name__
        raise InputError(f"{name}: not a Word document ({reason})") from exc


def _document_groups(document) -> list[Group]:
    body = document.element.body
    sections = body.findall(f".//{{{W}}}sectPr")
    headers, footers = headers_footers(document, sections)
    groups = list(headers)
    paragraphs = tables = 0
    for element in block_elements(body):
        if element.tag == P_TAG:
            paragraphs += 1
            groups.append([(f"paragraph {paragraphs}", paragraph_text(element))])
        else:
            tables += 1
            groups.extend(_table_rows(element, f"table {tables}"))
    groups.extend(footers)
    for kind, reltype in _NOTES:
        groups.extend(_note_groups(document, kind, reltype))
    return groups


def block_elements(container):
    """The paragraphs and tables of a body, cell, header or note, in order; those inside
    a content control (``w:sdt``) too."""
    for child in container:
        if child.tag in (P_TAG, _TBL):
            yield child
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from block_elements(content)


def _groups_in(container, label: str) -> list[Group]:
    """The paragraphs of a cell, header or note under one label, each a group, and the
    rows of a table inside it, numbered inside the label."""
    groups: list[Group] = []
    tables = 0
    for element in block_elements(container):
        if element.tag == P_TAG:
            groups.append([(label, paragraph_text(element))])
        else:
            tables += 1
            groups.extend(_table_rows(element, f"{label}, table {tables}"))
    return groups


def _table_rows(table, label: str) -> list[Group]:
    """One group for each row: its cells' text, left to right, one line each."""
    rows: list[Group] = []
    for row_number, row in enumerate(table.iterchildren(TR_TAG), 1):
        cells: Group = []
        for cell_number, cell in enumerate(row.iterchildren(TC_TAG), 1):
            for group in _groups_in(cell, f"{label}, row {row_number}, cell {cell_number}"):
                cells.extend(group)
        rows.append(cells)
    return rows


def paragraph_text(paragraph) -> str:
    """The text a paragraph shows: its runs, hyperlinks and insertions, not what is
    deleted, in a text box or in a nested paragraph."""
    return "".join(text for _, _, text in paragraph_pieces(paragraph))


def paragraph_pieces(paragraph) -> list[tuple[Any, bool, str]]:
    """The elements that make :func:`paragraph_text`, in order: each with whether it is
    a text element (``w:t``, which a fix may rewrite) and the text it gives."""
    pieces = []
    for element in paragraph.iter(*_TEXT):
        parent = element.getparent()
        while parent is not None and parent is not paragraph:
            if parent.tag in _HIDDEN or parent.tag == P_TAG:
                break
            parent = parent.getparent()
        else:
            fixed = _TEXT[element.tag]
            pieces.append((element, fixed is None, element.text or "" if fixed is None else fixed))
    return pieces


def headers_footers(document, sections) -> tuple[list[Group], list[Group]]:
    """The blocks of each header and footer a section defines, each part read once."""
    headers: list[Group] = []
    footers: list[Group] = []
    seen: set[str] = set()
    related = document.part.related_parts
    for number, section in enumerate(sections, 1):
        prefix = f"section {number} " if len(sections) > 1 else ""
        for tag, kind, out in (
            ("headerReference", "header", headers),
            ("footerReference", "footer", footers),
        ):
            for reference in section.iterchildren(f"{{{W}}}{tag}"):
                rid = reference.get(f"{{{R}}}id")
                if rid is None or rid in seen or rid not in related:
                    continue
                seen.add(rid)
                label = f"{prefix}{_KINDS.get(reference.get(f'{{{W}}}type', 'default'), '')}{kind}"
                out.extend(_groups_in(_xml(related[rid].blob), label))
    return headers, footers


def _note_groups(document, kind: str, reltype: str) -> list[Group]:
    """Each footnote (or endnote), numbered in the order the document holds them; the
    separators Word keeps among them are not notes."""
    groups: list[Group] = []
    for relationship in document.part.rels.values():
        if relationship.reltype != reltype or relationship.is_external:
            continue
        notes = _xml(relationship.target_part.blob)
        real = [n for n in notes.iterchildren(f"{{{W}}}{kind}") if n.get(f"{{{W}}}type") is None]
        for number, note in enumerate(real, 1):
            groups.extend(_groups_in(note, f"{kind} {number}"))
    return groups


def _xml(blob: bytes):
    from lxml import etree

    try:
        return etree.fromstring(blob, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"a part of the Word document is damaged ({exc})") from exc
