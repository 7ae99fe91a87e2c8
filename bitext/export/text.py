"""Text helpers the writers share: scores as text, text made safe for XML, and the
XML declaration that starts both XML formats.

Both XML formats name the two languages alike (:data:`ZH_TAG`, :data:`EN_TAG`).

Bulletins copied out of PDFs and web pages carry stray control characters (a form
feed at a page break, an ESC from a terminal). XML 1.0 cannot hold them at all, not
even as character references, so the XML writers drop them rather than write a file
that no CAT tool will open; the TSV writer drops them too, because line-based readers
(``str.splitlines``) treat some of them as line ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Everything outside XML 1.0's ``Char`` production (C0 controls, lone surrogates, U+FFFE/F)."""


ZH_TAG = "zh-CN"
"""Language tag of the Chinese side, in the formats that name languages (TMX, XLIFF)."""
EN_TAG = "en-US"
"""… and of the English side."""


def xml_document(lines: Iterable[str]) -> str:
    """A UTF-8 XML document: the XML declaration, then ``lines``, each ending in a line feed.

    >>> xml_document(["<a>", "</a>"])
    '<?xml version="1.0" encoding="UTF-8"?>\\n<a>\\n</a>\\n'
    """
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', *lines]) + "\n"


def score_text(score: float) -> str:
    """A score as CAT tools and spreadsheets show it: three decimals.

    >>> score_text(0.97312), score_text(1)
    ('0.973', '1.000')
    """
    return f"{score:.3f}"


def strip_invalid(text: str) -> str:
    """``text`` without the characters XML 1.0 does not allow.

    >>> strip_invalid("page\\x0cbreak\\ttab")
    'pagebreak\\ttab'
    """
    return _NOT_XML_CHAR.sub("", text)


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def xml_text(text: str) -> str:
    """Element content: escaped, and a carriage return kept as a reference.

    A raw CR would be turned into a line feed by every XML parser (end-of-line
    handling), so it is written as ``&#13;`` to survive the round trip.

    >>> xml_text('a < b & "c"\\r\\n')
    'a &lt; b &amp; "c"&#13;\\n'
    """
    return strip_invalid(text).translate(_TEXT_ESCAPES)


def xml_attr(text: str) -> str:
    """An attribute value for double quotes; whitespace as references, which parsers keep.

    >>> xml_attr('say "hi"\\tnow')
    'say &quot;hi&quot;&#9;now'
    """
    return strip_invalid(text).translate(_ATTR_ESCAPES)


def element(name: str, text: str, attrs: dict[str, str] | None = None) -> str:
    """One element with text content, on one line (its text may hold line feeds).

    >>> element("note", "a & b", {"from": "bitext"})
    '<note from="bitext">a &amp; b</note>'
    """
    return f"{start_tag(name, attrs)}{xml_text(text)}</{name}>"


def start_tag(name: str, attrs: dict[str, str] | None = None, *, empty: bool = False) -> str:
    """``<name a="v">`` with the attributes in the order given (``<name/>`` when ``empty``)."""
    pairs = "".join(f' {key}="{xml_attr(value)}"' for key, value in (attrs or {}).items())
    return f"<{name}{pairs}{'/' if empty else ''}>"
