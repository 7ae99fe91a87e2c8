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
from typing import Any

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
    if _changing().search(text) is None:
        return text  # most texts: no character OpenCC could change
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(map(_one, text))


@functools.cache
def _changing() -> re.Pattern[str]:
    """Where OpenCC may change a text: one of the characters of :data:`CHANGING_TABLE`,
    a surrogate (which OpenCC refuses) or any character beyond the BMP. OpenCC replaces
    the entries of its dictionaries it finds in a text, and a text in which no entry that
    changes what it matches occurs comes back as it was: each such entry differs from
    its conversion at a character the table holds (every character of it, where the
    lengths differ). Most texts hold none, and looking costs a tenth of converting
    (which, amid the other work of a check, takes 14 µs a span). Where the table was
    read from other dictionaries than the installed ones, every text is converted.

    The standard library's ``re``: it tests a set of BMP characters with a bitmap, where
    ``regex`` goes through 4,000 of them one by one (200 times slower), and so would
    ``re`` through the table's characters beyond the BMP.

    >>> [bool(_changing().search(t)) for t in ("台北市两亿", "臺北市", "打坏", "\U00020000")]
    [False, True, True, True]
    """
    characters = _changing_characters()
    if characters is None:
        return re.compile(".", re.DOTALL)  # every text but the empty one, which stays
    in_bmp = "".join(re.escape(ch) for ch in characters if ch <= "\uffff")
    return re.compile(f"[{in_bmp}\\ud800-\\udfff\\U00010000-\\U0010ffff]")


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
