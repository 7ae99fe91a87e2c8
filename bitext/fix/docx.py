"""Write a fix into a Word document: the text of the runs that hold the figure, in the
document's main part; every other member of the archive is copied as it is.

The offsets of an edit are into the text bitext reads (:mod:`bitext.read.docx_file`):
the headers, then the body's paragraphs and table rows, then the footers and notes, a
blank line between blocks. The body is walked the same way here, keeping each block's
paragraph element, and each block's text is checked against the document's text, so an
edit lands in the paragraph it was made on or not at all. Inside the paragraph, the new
text goes into the text element (``w:t``) where the figure starts, keeping that run's
formatting, and the rest of the figure is taken out of the runs after it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from bitext.fix.plan import Edit, check_edits
from bitext.model import Document, InputError
from bitext.read.document import MAX_BYTES
from bitext.read.docx_file import (
    P_TAG,
    TC_TAG,
    TR_TAG,
    UNPACKED_FACTOR,
    W,
    block_elements,
    headers_footers,
    open_docx,
    paragraph_pieces,
    paragraph_text,
)

_T = f"{{{W}}}t"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

Block = tuple[str, Any]
"""A block's text and its paragraph element (None outside the body)."""


def fixed_docx(document: Document, edits: Sequence[Edit], data: bytes) -> bytes:
    """The Word document ``data`` (read as ``document``) with ``edits`` made."""
    from lxml import etree

    name = document.path or ""
    word = open_docx(data, name, UNPACKED_FACTOR * MAX_BYTES)  # as bitext read it
    main = str(word.part.partname).lstrip("/")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read(main), etree.XMLParser(resolve_entities=False))
    body = root.find(f"{{{W}}}body")
    sections = word.element.body.findall(f".//{{{W}}}sectPr")
    headers, _footers = headers_footers(word, sections)
    blocks = _placed([[(text, None) for _label, text in group] for group in headers])
    after = blocks[-1][0] + len(blocks[-1][1]) if blocks else -1
    blocks += _placed(_body_groups(body), after)
    for start, text, _ in blocks:
        if document.text[start : start + len(text)] != text:
            raise InputError(f"{name}: the file changed since it was checked; check it again")
    for edit in reversed(check_edits(edits, len(document.text))):
        start, text, paragraph = _block_at(blocks, edit, name)
        _replace(paragraph, edit.start - start, edit.end - start, edit.new, name)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _rezipped(data, main, xml)


def _body_groups(body: Any) -> list[list[Block]]:
    """The body's blocks grouped as :mod:`bitext.read.docx_file` groups them: a paragraph
    alone, a table row's cells together (tables inside cells flattened into the row)."""
    groups: list[list[Block]] = []
    for element in block_elements(body):
        if element.tag == P_TAG:
            groups.append([(paragraph_text(element), element)])
        else:
            groups.extend(_rows(element))
    return groups


def _rows(table: Any) -> list[list[Block]]:
    rows = []
    for row in table.iterchildren(TR_TAG):
        cells: list[Block] = []
        for cell in row.iterchildren(TC_TAG):
            for element in block_elements(cell):
                if element.tag == P_TAG:
                    cells.append((paragraph_text(element), element))
                else:
                    cells.extend(block for group in _rows(element) for block in group)
        rows.append(cells)
    return rows


def _placed(groups: list[list[Block]], after: int = -1) -> list[tuple[int, str, Any]]:
    """Each block with text, at its offset in the document's text: a blank line before a
    group, a newline between the blocks of one, none before the first block; ``after``
    is where the text before ``groups`` ends (-1 for none)."""
    placed = []
    length = after
    for group in groups:
        gap = 2
        for text, element in group:
            if not text.strip():
                continue
            start = length + gap if length >= 0 else 0
            placed.append((start, text, element))
            length = start + len(text)
            gap = 1
    return placed


def _block_at(blocks: list[tuple[int, str, Any]], edit: Edit, name: str) -> tuple[int, str, Any]:
    for start, text, paragraph in blocks:
        if start <= edit.start and edit.end <= start + len(text):
            if paragraph is None:
                break
            return start, text, paragraph
    raise InputError(f"{name}: only the body of a Word document is rewritten")


def _replace(paragraph: Any, start: int, end: int, new: str, name: str) -> None:
    """Put ``new`` in place of ``start``..``end`` of the paragraph's text: into the text
    element where it starts, the rest taken out of the elements after it."""
    position = 0
    placed = False
    for element, is_text, text in paragraph_pieces(paragraph):
        low, high = position, position + len(text)
        position = high
        touched = (low < end and start < high) or (start == end and low <= start <= high)
        if not touched or (placed and start == end):
            continue
        if not is_text:
            raise InputError(f"{name}: the figure spans a tab or a line break; not rewritten")
        head = text[: max(0, start - low)] if not placed else ""
        tail = text[end - low :] if end < high else ""
        _set_text(element, head + (new if not placed else "") + tail)
        placed = True
    if not placed:
        raise InputError(f"{name}: the figure is not in its paragraph; not rewritten")


def _set_text(element: Any, text: str) -> None:
    element.text = text
    if text != text.strip():
        element.set(_SPACE, "preserve")


def _rezipped(data: bytes, main: str, xml: bytes) -> bytes:
    """The archive ``data`` with the member ``main`` replaced by ``xml``; every other
    member's content, name, date and compression as they were, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            payload = xml if info.filename == main else source.read(info)
            target.writestr(info, payload, compress_type=info.compress_type)
    return out.getvalue()
