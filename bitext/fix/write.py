"""Write the fixed English: the whole new file in its own format and encoding, every
byte outside the edited spans as it is on disk.

A text file (a bulletin, a Markdown page, the English of a translation pair) and the raw
text of an XLIFF, TMX, PO, TSV or CSV file are re-encoded only where an edit is: the
pieces between edits are the file's own bytes, checked to decode to the text the report
was made on, so a file changed since it was checked is refused rather than overwritten. A
Word document is rewritten in its main part only (:mod:`bitext.fix.docx`); every other
member of the archive is copied as it is.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Sequence
from pathlib import Path

from bitext.atomic import write_atomic_bytes
from bitext.fix.plan import Edit, apply, check_edits
from bitext.model import Document, InputError
from bitext.read.document import DOCX_FACTOR, MAX_BYTES, decode, read_bytes

STDIN_NAME = "<stdin>"


def fixed_bytes(document: Document, edits: Sequence[Edit]) -> bytes:
    """The whole file of ``document`` with ``edits`` made, in its own format and encoding.

    Raise :class:`InputError` (one line) for standard input, an HTML page, a file that
    changed since it was read, or a correction its encoding cannot hold."""
    if document.path is None or document.path == STDIN_NAME:
        raise InputError("standard input is not rewritten; use --diff")
    path = Path(document.path)
    if document.encoding.startswith("html/"):
        raise InputError(f"{path}: bitext does not rewrite HTML pages")
    if document.encoding == "docx":
        from bitext.fix.docx import fixed_docx  # python-docx and lxml only for a Word file

        return fixed_docx(document, edits, read_bytes(path, DOCX_FACTOR * MAX_BYTES))
    data = read_bytes(path)
    text, encoding = decode(data, str(path))
    if text != document.text:
        raise InputError(f"{path}: the file changed since it was checked; check it again")
    return _spliced(document, edits, data, encoding)


def _spliced(document: Document, edits: Sequence[Edit], data: bytes, encoding: str) -> bytes:
    """``data`` with the bytes of each edited span replaced by the edit's text in
    ``encoding``. The text must encode back to ``data`` exactly, so the pieces between the
    edits are the file's own bytes (a stateless codec encodes a text piece by piece as it
    encodes it whole)."""
    if not edits:
        return data
    text = document.text
    codec, bom = _codec(encoding, data)
    if bom + text.encode(codec) != data:
        raise InputError(
            f"{document.path}: its {encoding} bytes do not read back exactly; not rewritten"
        )
    pieces = [bom]
    position = 0
    for edit in check_edits(edits, len(text)):
        pieces += [text[position : edit.start].encode(codec), _encode(edit, codec, document)]
        position = edit.end
    pieces.append(text[position:].encode(codec))
    return b"".join(pieces)


def _codec(encoding: str, data: bytes) -> tuple[str, bytes]:
    """The codec to encode pieces in (no BOM of its own) and the BOM the file starts with.

    >>> _codec("utf-16", codecs.BOM_UTF16_BE + b"x"), _codec("utf-8-sig", codecs.BOM_UTF8)
    (('utf-16-be', b'\\xfe\\xff'), ('utf-8', b'\\xef\\xbb\\xbf'))
    """
    if encoding == "utf-8-sig":
        return "utf-8", codecs.BOM_UTF8
    if encoding in ("utf-16", "utf-32"):
        boms = {
            "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
            "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
        }[encoding]
        little = data.startswith(boms[0])
        return f"{encoding}-{'le' if little else 'be'}", boms[0] if little else boms[1]
    return encoding, b""


def _encode(edit: Edit, codec: str, document: Document) -> bytes:
    try:
        return edit.new.encode(codec)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        raise InputError(
            f"{document.path}: the correction “{edit.new}” has {char} (U+{ord(char):04X}), "
            f"which {codec} cannot hold"
        ) from exc


def save(document: Document, edits: Sequence[Edit]) -> None:
    """Write :func:`fixed_bytes` over ``document.path`` atomically; a symbolic link stays
    a link (the file it points to is rewritten), as ``bitext clean --in-place`` does."""
    data = fixed_bytes(document, edits)
    if not edits:
        return
    write_atomic_bytes(os.path.realpath(document.path or ""), data)


def fixed_text(document: Document, edits: Sequence[Edit]) -> str:
    """``document.text`` with ``edits`` made (the text a diff shows)."""
    return apply(document.text, edits)


def unified_diff(document: Document, edits: Sequence[Edit]) -> str:
    """The change ``edits`` make to ``document``'s text as a unified diff, as ``bitext
    clean --diff`` shows one ("" for none). For a Word document, the text it shows."""
    if not edits:
        return ""
    path = document.path or STDIN_NAME
    diff = difflib.unified_diff(
        document.text.splitlines(keepends=True),
        fixed_text(document, edits).splitlines(keepends=True),
        fromfile=f"{path}\t(original)",
        tofile=f"{path}\t(fixed)",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff
    )


__all__ = ["fixed_bytes", "fixed_text", "save", "unified_diff"]
