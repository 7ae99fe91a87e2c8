"""A simplified-character view of Chinese text, with the same length as the original.

Bulletins from Taiwan and Hong Kong come in traditional characters (often as
Big5). The dictionaries bitext uses are keyed by simplified characters and its
figure grammar reads 万 and 亿, not 萬 and 億, so Chinese spans are read
through this view. Conversion is OpenCC's ``t2s``; the view must keep every
offset, so where a phrase conversion would change the length, characters are
converted one by one.

>>> simplified("臺北市投入三千八百萬元，兩億")
'台北市投入三千八百万元，两亿'
"""

from __future__ import annotations

import functools
import hashlib
import json
import pkgutil
import re
from pathlib import Path
from typing import Any, NamedTuple

import opencc

CHANGING_TABLE = "data/opencc-t2s-changing.txt"
"""The characters where ``t2s`` may change a text (:func:`_changing`), with the digest of
the dictionaries they were read from (:func:`dictionaries_digest`); ``tests/test_hans.py``
writes it."""


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def _one(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


def simplified(text: str) -> str:
    """``text`` in simplified characters, offset for offset."""
    if text.isascii():
        return text
    return _converted(text)


@functools.lru_cache(maxsize=256)
def _converted(text: str) -> str:
    """The view of a text with Chinese in it, kept for the next time: a span is viewed
    over and over (the figure readers, the name forms, the aligner's signals each ask for
    it, and the readers' view of a simplified span is that span), and OpenCC takes
    microseconds a character; its answer depends on the text alone."""
    if not _may_change(text):
        return text  # most texts: no character OpenCC could change
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(map(_one, text))


def _may_change(text: str) -> bool:
    """Whether OpenCC may change ``text``: whether it holds a character of
    :data:`CHANGING_TABLE` (or a surrogate, which OpenCC refuses). OpenCC replaces the
    entries of its dictionaries it finds in a text, and a text in which no entry that
    changes what it matches occurs comes back as it was: each such entry differs from
    its conversion at a character the table holds (every character of it, where the
    lengths differ). Most texts hold none, and looking costs under a tenth of converting
    (which, amid the other work of a check, takes 14 µs a span). Where the table was
    read from other dictionaries than the installed ones, every text may change.

    Most texts are written in GB2312's characters, which its codec tells at C speed,
    and among those the table holds two dozen (坏, 么, 覆), looked for with one pattern;
    a text with another character is looked at character by character.

    >>> [_may_change(t) for t in ("台北市两亿", "臺北市", "打坏", "𠀀", "\\ud800")]
    [False, True, True, False, True]
    """
    changing = _changing()
    if changing is None:
        return True
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return not changing.characters.isdisjoint(text)
    return changing.in_gb2312.search(text) is not None


class _Changing(NamedTuple):
    """The characters of :data:`CHANGING_TABLE`, two ways."""

    characters: frozenset[str]
    """All of them, and the surrogates."""
    in_gb2312: re.Pattern[str]
    """Any of those GB2312 has."""


@functools.cache
def _changing() -> _Changing | None:
    """The characters of :data:`CHANGING_TABLE` (:func:`_may_change`), or None where the
    table was not read from the installed dictionaries."""
    characters = _changing_characters()
    if characters is None:
        return None
    # A character GB2312 lacks encodes to nothing, ignored: raising for each of 5,000
    # characters cost 8 ms.
    in_gb2312 = "".join(re.escape(ch) for ch in characters if ch.encode("gb2312", "ignore"))
    surrogates = map(chr, range(0xD800, 0xE000))
    pattern = re.compile(f"[{in_gb2312}]" if in_gb2312 else "(?!)")
    return _Changing(frozenset((*characters, *surrogates)), pattern)


def _changing_characters() -> str | None:
    """The characters of :data:`CHANGING_TABLE`, or None where it was not read from the
    installed dictionaries (or cannot be read)."""
    data = pkgutil.get_data("bitext", CHANGING_TABLE)
    if data is None:
        return None
    lines = [line for line in data.decode("utf-8").splitlines() if not line.startswith("#")]
    config = getattr(_converter(), "config", None)
    if len(lines) != 2 or config is None or lines[0] != dictionaries_digest(Path(config)):
        return None
    return lines[1]


def dictionaries_digest(config: Path) -> str | None:
    """The SHA-256 of an OpenCC ``config`` and of the dictionaries it names, in order;
    None where one of them cannot be read."""
    try:
        digest = hashlib.sha256(config.read_bytes())
        for path in dictionary_files(config):
            digest.update(path.read_bytes())
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def dictionary_files(config: Path) -> list[Path]:
    """Every dictionary file an OpenCC ``config`` names, in the order it names them."""
    files: list[Path] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                files.append(config.parent / node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(config.read_text(encoding="utf-8")))
    return files
