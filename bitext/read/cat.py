"""The bilingual files of CAT tools and MT pipelines, read as the units they hold.

XLIFF 1.2 and 2.0, TMX 1.4 and PO files are parsed by translate-toolkit's storage
classes (imported only when such a file is read); a TSV or CSV file is a unit a row
(source, target; or id, source, target). Each :class:`Unit` is a known translation
pair, with where each character of its source and target is in the file: XML entities,
PO escapes and continuation lines are walked in order, so an offset points at the
character as the file has it. Where a side cannot be located exactly, its characters
all point at the unit's start (and :attr:`Unit.located` is False).

What a translator expects of a unit's state:

- an obsolete PO entry (``#~``), an XLIFF unit marked ``translate="no"`` and the PO
  header are not units;
- a fuzzy PO entry, and an XLIFF 1.2 unit in a ``needs-*`` state or marked
  ``approved="no"`` with such a state (2.0: ``state="initial"``), is checked all the
  same, but its status is ``fuzzy`` so findings say so;
- a unit without a target is ``untranslated`` (the checker reports it as such).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import regex

from bitext.model import Document, InputError

CAT_SUFFIXES = (".xlf", ".xliff", ".tmx", ".po", ".tsv", ".csv")
"""The file suffixes read as units rather than as a bulletin."""

CAT_EXTRA = "pip install 'bitext[cat]'"

Located = tuple[tuple[int, int], ...]
"""The (start, end) in the file of each character of a text."""


class Unit(NamedTuple):
    """One translation unit of a bilingual file: its ``id`` as the file names it, its
    ``source`` and ``target`` text without markup, and where each of their characters
    is in the file (``at`` is the unit's start, where a side could not be located)."""

    id: str
    source: str
    target: str
    source_at: Located
    target_at: Located
    at: int
    status: str = "translated"
    """``translated``, ``fuzzy`` (needs review) or ``untranslated``."""
    located: bool = True


def is_cat_file(path: str | Path) -> bool:
    """Whether ``path`` is read as a bilingual file of units (by its suffix)."""
    return Path(path).suffix.lower() in CAT_SUFFIXES


def read_units(document: Document) -> list[Unit]:
    """The units of a bilingual ``document``, by its file suffix; a file its format
    cannot read raises :class:`InputError` with a one-line reason."""
    suffix = Path(document.path or "").suffix.lower()
    if suffix in (".tsv", ".csv"):
        return _table_units(document, "\t" if suffix == ".tsv" else ",")
    reader = {".xlf": _xliff_units, ".xliff": _xliff_units, ".tmx": _tmx_units, ".po": _po_units}
    try:
        return reader[suffix](document)
    except InputError:
        raise
    except Exception as exc:  # a parser's own error, as one line
        reason = " ".join(str(exc).split()) or type(exc).__name__
        kind = {".po": "PO", ".tmx": "TMX"}.get(suffix, "XLIFF")
        raise InputError(f"{document.path}: not a valid {kind} file: {reason}") from exc


def _need_storage(document: Document) -> None:
    """Refuse in one line where translate-toolkit is not installed."""
    try:
        import translate.storage  # noqa: F401
    except ImportError as exc:
        raise InputError(
            f"{document.path}: reading XLIFF, TMX or PO files needs translate-toolkit: {CAT_EXTRA}"
        ) from exc


def _data(document: Document) -> bytes:
    """The file as UTF-8 bytes, its XML declaration's encoding dropped (the text is
    already decoded)."""
    text = regex.sub(r"^(\ufeff?<\?xml[^>]*?)\s+encoding=(['\"])[^'\"]*\2", r"\1", document.text)
    return text.encode("utf-8")


def _unit(
    ident: str,
    source: str,
    target: str,
    located: tuple[Located | None, Located | None],
    at: int,
    fuzzy: bool,
) -> Unit:
    source_at, target_at = located
    exact = source_at is not None and target_at is not None
    status = "untranslated" if not target.strip() else "fuzzy" if fuzzy else "translated"
    return Unit(
        ident,
        source,
        target,
        source_at if source_at is not None else ((at, at),) * len(source),
        target_at if target_at is not None else ((at, at),) * len(target),
        at,
        status,
        exact,
    )


# --- XML: XLIFF and TMX -------------------------------------------------------------

_ENTITY = regex.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TAG = regex.compile(r"<(/?)([\w:.-]+)[^>]*?(/?)>")
_PLAIN = regex.compile(r"[^<&\r]+")
_TUV = regex.compile(r"<tuv\b")
_CODES = frozenset({"ph", "bpt", "ept", "it", "ut"})
"""Inline elements whose content is native code, not text (XLIFF 1.2, TMX)."""


def _local(name: str) -> str:
    """A tag's name without its prefix or namespace ("{urn:…}target", "xlf:target")."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _xml_text(raw: str, start: int, element: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of the element whose content starts at ``start`` in ``raw``, up to its
    closing tag, without markup, and where each character is."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    position = start
    while position < len(raw):
        char = raw[position]
        if raw.startswith("<![CDATA[", position):
            end = raw.index("]]>", position)
            for offset in range(position + 9, end):
                chars.append(raw[offset])
                where.append((offset, offset + 1))
            position = end + 3
        elif raw.startswith("<!--", position):
            position = raw.index("-->", position) + 3
        elif char == "<":
            tag = _TAG.match(raw, position)
            if tag is None:
                raise ValueError(f"a stray < at offset {position}")
            closing, name, empty = tag.group(1), _local(tag.group(2)), tag.group(3)
            if closing and name == element:
                return "".join(chars), where
            position = tag.end()
            if name in _CODES and not closing and not empty:
                end = regex.compile(rf"</(?:[\w.-]+:)?{regex.escape(name)}\s*>").search(
                    raw, position
                )
                position = end.end() if end else position
        elif char == "&":
            entity = _ENTITY.match(raw, position)
            if entity is None:
                raise ValueError(f"a stray & at offset {position}")
            hexa, decimal, named = entity.groups()
            value = chr(int(hexa, 16)) if hexa else chr(int(decimal)) if decimal else _NAMED[named]
            chars.append(value)
            where.append((position, entity.end()))
            position = entity.end()
        elif raw.startswith("\r\n", position):
            chars.append("\n")
            where.append((position, position + 2))
            position += 2
        elif char == "\r":
            chars.append("\n")
            where.append((position, position + 1))
            position += 1
        else:
            run = _PLAIN.match(raw, position)
            end = run.end() if run else position + 1
            chars.append(raw[position:end])
            where.extend((offset, offset + 1) for offset in range(position, end))
            position = end
    raise ValueError(f"no closing </{element}>")


def _side(raw: str, region: tuple[int, int], element: str, expected: str) -> Located | None:
    """Where the first ``element`` in ``region`` of ``raw`` holds ``expected``, or None."""
    opening = regex.compile(rf"<(?:[\w.-]+:)?{element}\b[^>]*?(/?)>")
    found = opening.search(raw, region[0], region[1])
    if found is None:
        return () if not expected else None
    if found.group(1):
        return () if not expected else None
    try:
        text, where = _xml_text(raw, found.end(), element)
    except ValueError:
        return None
    return tuple(where) if text == expected else None


def _regions(raw: str, element: str, count: int) -> list[tuple[int, int]] | None:
    """The (start, end) of each ``element`` in ``raw``, if there are ``count`` of them."""
    starts = [m.start() for m in regex.finditer(rf"<(?:[\w.-]+:)?{element}\b(?=[\s/>])", raw)]
    if len(starts) != count:
        return None
    if not starts:
        return []
    return [(start, end) for start, end in zip(starts, [*starts[1:], len(raw)], strict=True)]


def _xliff_units(document: Document) -> list[Unit]:
    _need_storage(document)
    data = _data(document)
    version = regex.search(r"<xliff\b[^>]*\bversion=(['\"])(\d)", document.text)
    if version and version.group(2) == "2":
        from translate.storage import xliff2

        store = xliff2.Xliff2File.parsestring(data)
        element = "unit"
    else:
        from translate.storage import xliff

        store = xliff.xlifffile.parsestring(data)
        element = "trans-unit"
    units = [u for u in store.units if not u.isheader()]
    regions = _regions(document.text, element, len(units))
    result = []
    for index, unit in enumerate(units):
        xml = unit.xmlelement
        while _local(str(xml.tag)) not in ("trans-unit", "unit") and xml.getparent() is not None:
            xml = xml.getparent()  # XLIFF 2.0: translate-toolkit's unit is the <segment>
        if xml.get("translate") == "no":
            continue
        source, target = str(unit.source or ""), str(unit.target or "")
        region = regions[index] if regions else None
        located: tuple[Located | None, Located | None] = (None, None)
        if region is not None:
            located = (
                _side(document.text, region, "source", source),
                _side(document.text, region, "target", target),
            )
        at = region[0] if region else 0
        ident = xml.get("id") or str(index + 1)
        result.append(_unit(ident, source, target, located, at, _xliff_fuzzy(xml, unit)))
    return result


def _xliff_fuzzy(xml: Any, unit: Any) -> bool:
    """A unit a translator has not finished: 1.2 ``state="needs-*"`` (``new``) or
    translate-toolkit's fuzzy; 2.0 a segment in ``state="initial"``."""
    state = xml.get("state") or ""
    for child in xml.iter():
        name = _local(str(child.tag))
        if name in ("target", "segment") and child.get("state"):
            state = child.get("state")
    if state.startswith("needs-") or state in ("new", "initial"):
        return True
    return bool(unit.isfuzzy()) if hasattr(unit, "isfuzzy") else False


def _tmx_units(document: Document) -> list[Unit]:
    _need_storage(document)
    from translate.storage import tmx

    store = tmx.tmxfile.parsestring(_data(document))
    units = list(store.units)
    regions = _regions(document.text, "tu", len(units))
    result = []
    for index, unit in enumerate(units):
        xml = unit.xmlelement
        tuvs = [(_lang(tuv), tuv) for tuv in xml if _local(str(tuv.tag)) == "tuv"]
        zh = next((i for i, (lang, _) in enumerate(tuvs) if lang.startswith("zh")), 0)
        en = next((i for i, (lang, _) in enumerate(tuvs) if lang.startswith("en")), 1)
        source, target = _seg_text(tuvs, zh), _seg_text(tuvs, en)
        region = regions[index] if regions else None
        located: tuple[Located | None, Located | None] = (None, None)
        if region is not None:
            tuv_regions = [m.start() for m in _TUV.finditer(document.text, region[0], region[1])]
            if len(tuv_regions) == len(tuvs):
                ends = [*tuv_regions[1:], region[1]]
                located = tuple(  # type: ignore[assignment]
                    _side(document.text, (tuv_regions[i], ends[i]), "seg", text)
                    if i < len(tuvs)
                    else None
                    for i, text in ((zh, source), (en, target))
                )
        at = region[0] if region else 0
        ident = xml.get("tuid") or str(index + 1)
        result.append(_unit(ident, source, target, located, at, False))
    return result


def _lang(tuv: Any) -> str:
    lang = tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or tuv.get("lang") or ""
    return str(lang).lower()


def _seg_text(tuvs: list[tuple[str, Any]], index: int) -> str:
    """The text of the ``seg`` of ``tuvs[index]`` without markup ("" if there is none)."""
    if index >= len(tuvs):
        return ""
    for seg in tuvs[index][1]:
        if _local(str(seg.tag)) == "seg":
            return _element_text(seg)
    return ""


def _element_text(element: Any) -> str:
    """An element's text, without tags and without the content of code elements."""
    parts = [element.text or ""]
    for child in element:
        if _local(str(child.tag)) not in _CODES:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# --- PO -----------------------------------------------------------------------------

_KEYWORD = regex.compile(
    r"^(#~[ \t]*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*(?=\")", regex.MULTILINE
)
_LITERAL = regex.compile(r'[ \t]*(?:#~[ \t]*)?"((?:[^"\\\n]|\\.)*)"[ \t]*(?:\r?\n|$)')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}


def _po_string(raw: str, position: int) -> tuple[str, list[tuple[int, int]], int]:
    """The string whose literals start at ``position`` (continuation lines joined)."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    while True:
        literal = _LITERAL.match(raw, position)
        if literal is None:
            return "".join(chars), where, position
        offset, end = literal.start(1), literal.end(1)
        while offset < end:
            if raw[offset] == "\\":
                chars.append(_ESCAPES.get(raw[offset + 1], raw[offset + 1]))
                where.append((offset, offset + 2))
                offset += 2
            else:
                chars.append(raw[offset])
                where.append((offset, offset + 1))
                offset += 1
        position = literal.end()


def _po_entries(raw: str) -> list[dict[str, Any]]:
    """Each entry's strings by keyword, with where each character is, in file order."""
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    for keyword in _KEYWORD.finditer(raw):
        name = keyword.group(2)
        if name in ("msgctxt", "msgid") and ("msgid" in current or name in current):
            entries.append(current)
            current = {}
        if not current:
            current["at"] = keyword.start()
        text, where, _ = _po_string(raw, keyword.end())
        current[name] = (text, tuple(where))
    if current:
        entries.append(current)
    return entries


def _po_units(document: Document) -> list[Unit]:
    _need_storage(document)
    from translate.storage import pypo

    store = pypo.pofile.parsestring(_data(document))
    entries = _po_entries(document.text)
    cursor = 0
    result = []
    for unit in store.units:
        source, target = str(unit.source or ""), str(unit.target or "")
        entry = None
        for index in range(cursor, len(entries)):
            if entries[index].get("msgid", ("",))[0] == source:
                entry, cursor = entries[index], index + 1
                break
        if unit.isheader() or unit.isobsolete():
            continue
        located: tuple[Located | None, Located | None] = (None, None)
        at = 0
        if entry is not None:
            at = entry["at"]
            msgstr = entry.get("msgstr") or entry.get("msgstr[0]") or ("", ())
            if msgstr[0] == target:
                located = (entry["msgid"][1], msgstr[1])
        context = str(unit.getcontext() or "")
        ident = context or " ".join(source.split())  # msgctxt, else the msgid
        ident = ident if len(ident) <= 40 else ident[:39] + "…"
        result.append(_unit(ident, source, target, located, at, bool(unit.isfuzzy())))
    return result


# --- TSV and CSV --------------------------------------------------------------------


def _table_units(document: Document, delimiter: str) -> list[Unit]:
    """A unit a row: (source, target) or (id, source, target); a first row whose
    source has no Chinese while a later one has is a header."""
    text = document.text
    lines = [m for m in regex.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text) if m.group()]
    result = []
    for number, line in enumerate(lines, 1):
        row = line.group().rstrip("\r\n")
        if not row.strip():
            continue
        cells = _cells(row, delimiter)
        if cells is None or len(cells) < 2:
            raise InputError(
                f"{document.path}:{number}: expected source and target separated by "
                f"{'a tab' if delimiter == chr(9) else 'a comma'}"
            )
        if len(cells) >= 3:
            ident, (source, source_at), (target, target_at) = cells[0][0], cells[1], cells[2]
        else:
            ident, (source, source_at), (target, target_at) = str(number), cells[0], cells[1]
        if number == 1 and not regex.search(r"\p{Han}", source):
            continue
        base = line.start()
        located = (
            tuple((base + a, base + b) for a, b in source_at),
            tuple((base + a, base + b) for a, b in target_at),
        )
        result.append(_unit(ident, source, target, located, base, False))
    return result


def _cells(row: str, delimiter: str) -> list[tuple[str, list[tuple[int, int]]]] | None:
    """The cells of one row, each with where its characters are in the row; CSV quoting
    ("" for a quote) is read as :mod:`csv` reads it, and checked against it."""
    cells: list[tuple[str, list[tuple[int, int]]]] = []
    position = 0
    while True:
        chars: list[str] = []
        where: list[tuple[int, int]] = []
        if delimiter == "," and row.startswith('"', position):
            position += 1
            while position < len(row):
                if row.startswith('""', position):
                    chars.append('"')
                    where.append((position, position + 2))
                    position += 2
                elif row[position] == '"':
                    position += 1
                    break
                else:
                    chars.append(row[position])
                    where.append((position, position + 1))
                    position += 1
        while position < len(row) and row[position] != delimiter:
            chars.append(row[position])
            where.append((position, position + 1))
            position += 1
        cells.append(("".join(chars), where))
        if position >= len(row):
            break
        position += 1
    expected = next(csv.reader(io.StringIO(row), delimiter=delimiter, quoting=_quoting(delimiter)))
    return cells if [c[0] for c in cells] == expected else None


def _quoting(delimiter: str) -> int:
    return csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL


UnitReader = Callable[[Document], list[Unit]]

__all__ = ["CAT_SUFFIXES", "Unit", "is_cat_file", "read_units"]
