"""Read a sentence-aligned corpus as numbered pairs, one line at a time.

Three layouts are read, compressed with gzip, bz2 or xz or not at all:

- ``tsv``: one file, Chinese, a tab, English (``corpus.tsv``, ``corpus.tsv.gz``);
- ``moses``: two line-aligned files, the Chinese in one, the English in the other
  (``corpus.zh corpus.en``), as Moses and OPUS ship them;
- ``jsonl``: one JSON object a line with string fields ``zh`` and ``en`` (other fields
  are ignored).

The layout comes from the file name (``.tsv``; ``.jsonl`` or ``.json``; two files are
Moses) unless it is given; standard input (``-``) is TSV unless told otherwise.
Compression is recognised by its magic bytes, so ``corpus.tsv.gz`` renamed
``corpus.tsv`` still reads (and standard input may be compressed).

The file is read as bytes and decoded line by line, so one line of invalid UTF-8 is
one :class:`BadLine`, not a failed run, and memory does not grow with the corpus:
:func:`read_pairs` is a generator. A line whose shape is wrong (three columns, a JSON
array, a missing ``en``) is a :class:`BadLine` too, with its 1-based line number;
what happens to it is the caller's choice (``bitext filter --on-bad-line``). Two Moses
files of different lengths are not a bad line but a corpus that is not aligned: an
:class:`~bitext.model.InputError` when the shorter file ends, naming the line.

>>> import io
>>> data = "中国\\tChina\\n一\\t二\\tthree\\n".encode() + b"\\xff\\tx\\n"
>>> for record in pairs_from_lines(iter(io.BytesIO(data)), "tsv", "c.tsv"):
...     print(record)
Line(number=1, zh='中国', en='China')
BadLine(number=2, reason='3 columns, not 2', path='c.tsv')
BadLine(number=3, reason='invalid UTF-8 at byte 0', path='c.tsv')
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import json
import lzma
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, NamedTuple

from bitext.corpus import INPUT_FORMATS
from bitext.model import InputError

STDIN = "-"
"""The input name that stands for standard input."""

_SUFFIXES = {".tsv": "tsv", ".jsonl": "jsonl", ".json": "jsonl"}
_COMPRESSED = (".gz", ".bz2", ".xz")
_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
)


class Line(NamedTuple):
    """A pair of the corpus: its 1-based line number in the input, Chinese and English."""

    number: int
    zh: str
    en: str


class BadLine(NamedTuple):
    """A line that is not a pair: its number, why, and the file it is in."""

    number: int
    reason: str
    path: str = ""


def read_pairs(inputs: Sequence[str], input_format: str | None = None) -> Iterator[Line | BadLine]:
    """The pairs of ``inputs`` (one TSV or JSONL file, or two Moses files; ``-`` is
    standard input), in order, as :class:`Line` and :class:`BadLine`.

    ``input_format`` is one of :data:`INPUT_FORMATS`, or None to tell it from the names.
    Files are opened when the first record is asked for; a file that cannot be opened or
    decompressed is an :class:`~bitext.model.InputError`.
    """
    layout = input_format or guess_format(inputs)
    if layout == "moses":
        if len(inputs) != 2:
            raise InputError("the moses layout is two files: the Chinese, then the English")
        yield from _moses(inputs[0], inputs[1])
        return
    if len(inputs) != 1:
        raise InputError(f"the {layout} layout is one file; two files are moses")
    with _open(inputs[0]) as lines:
        yield from pairs_from_lines(lines, layout, _name(inputs[0]))


def guess_format(inputs: Sequence[str]) -> str:
    """The layout the input names imply.

    >>> guess_format(["corpus.tsv.gz"]), guess_format(["a.zh", "a.en"]), guess_format(["-"])
    ('tsv', 'moses', 'tsv')
    >>> guess_format(["wmt.jsonl.xz"])
    'jsonl'
    """
    if len(inputs) == 2:
        return "moses"
    if len(inputs) != 1:
        raise InputError("give one corpus file (TSV or JSONL), or two line-aligned files")
    if inputs[0] == STDIN:
        return "tsv"
    path = Path(inputs[0])
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSED:
        suffixes.pop()
    layout = _SUFFIXES.get(suffixes[-1]) if suffixes else None
    if layout is None:
        raise InputError(
            f"{inputs[0]}: cannot tell the layout from the name (.tsv or .jsonl); "
            "give --input-format tsv|jsonl"
        )
    return layout


def pairs_from_lines(
    lines: Iterator[bytes], layout: str, path: str = ""
) -> Iterator[Line | BadLine]:
    """Parse raw lines (bytes, with or without their line end) of a TSV or JSONL file."""
    parse = _tsv_pair if layout == "tsv" else _jsonl_pair
    for number, raw in enumerate(lines, 1):
        text = _decode(raw, number == 1)
        if text is None:
            yield BadLine(number, _utf8_reason(raw), path)
            continue
        pair = parse(text)
        if isinstance(pair, str):
            yield BadLine(number, pair, path)
        else:
            yield Line(number, *pair)


def _tsv_pair(text: str) -> tuple[str, str] | str:
    columns = text.split("\t")
    if len(columns) != 2:
        return f"{len(columns)} column{'s' if len(columns) != 1 else ''}, not 2"
    return columns[0], columns[1]


def _jsonl_pair(text: str) -> tuple[str, str] | str:
    try:
        value = json.loads(text)
    except ValueError as exc:
        return f"not JSON: {getattr(exc, 'msg', exc)}"
    if not isinstance(value, dict):
        return f"a JSON {_json_kind(value)}, not an object with zh and en"
    missing = [key for key in ("zh", "en") if not isinstance(value.get(key), str)]
    if missing:
        return f"{missing[0]} is not a string" if len(missing) == 1 else "zh and en are not strings"
    return value["zh"], value["en"]


def _json_kind(value: object) -> str:
    return {list: "array", str: "string", type(None): "null", bool: "boolean"}.get(
        type(value), "number"
    )


def _moses(zh_path: str, en_path: str) -> Iterator[Line | BadLine]:
    with _open(zh_path) as zh_lines, _open(en_path) as en_lines:
        number = 0
        for number, zh_raw in enumerate(zh_lines, 1):
            en_raw = next(en_lines, None)
            if en_raw is None:
                raise InputError(_unaligned(en_path, number - 1, zh_path))
            zh, en = _decode(zh_raw, number == 1), _decode(en_raw, number == 1)
            if zh is None:
                yield BadLine(number, _utf8_reason(zh_raw), _name(zh_path))
            elif en is None:
                yield BadLine(number, _utf8_reason(en_raw), _name(en_path))
            else:
                yield Line(number, zh, en)
        if next(en_lines, None) is not None:
            raise InputError(_unaligned(zh_path, number, en_path))


def _unaligned(short: str, lines: int, long: str) -> str:
    """The error for Moses files of different lengths.

    >>> _unaligned("c.en", 2, "c.zh")
    'c.en ends after line 2 and c.zh goes on: the files are not line-aligned'
    """
    return f"{short} ends after line {lines} and {long} goes on: the files are not line-aligned"


def _decode(raw: bytes, first: bool) -> str | None:
    """A line's text without its line end (and without a byte-order mark on the first
    line), or None when it is not UTF-8."""
    if raw.endswith(b"\n"):
        raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.removeprefix("\ufeff") if first else text


def _utf8_reason(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 at byte {exc.start}"
    return "invalid UTF-8"  # pragma: no cover (only called on lines that failed)


def _name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


@contextlib.contextmanager
def _open(path: str) -> Iterator[Iterator[bytes]]:
    """The decompressed lines of ``path`` (or standard input), the compression told by
    the magic bytes; damaged compressed data is an InputError naming the file."""
    if path == STDIN:
        raw = sys.stdin.buffer
        yield _lines(raw if hasattr(raw, "peek") else io.BufferedReader(raw), "<stdin>")
        return
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a corpus file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with file:
        yield _lines(file, path)


def _lines(raw: io.BufferedReader, name: str) -> Iterator[bytes]:
    head = raw.peek(6)[:6]
    kind = next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
    stream: BinaryIO = raw  # type: ignore[assignment]
    if kind == "gzip":
        stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
    elif kind == "bz2":
        stream = bz2.BZ2File(raw)  # type: ignore[assignment]
    elif kind == "xz":
        stream = lzma.LZMAFile(raw)  # type: ignore[assignment]  # noqa: SIM115
    try:
        yield from stream
    except (OSError, EOFError, lzma.LZMAError) as exc:
        damage = f"damaged {kind} data" if kind else "cannot read"
        raise InputError(f"{name}: {damage}: {exc}") from None


__all__ = ["INPUT_FORMATS", "BadLine", "Line", "guess_format", "pairs_from_lines", "read_pairs"]
