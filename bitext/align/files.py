"""Align a Chinese file with its English translation file, sentence by sentence.

Each file is read as sentences: one a line when the file is written that way (as
sentence-aligned corpora are), or split by bitext's own sentence rules when lines
hold paragraphs (``mode``: ``auto`` decides, ``lines`` or ``sentences`` forces).
The two sequences are then aligned by :func:`bitext.align.parallel.align_parallel`.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

import regex

from bitext.align.lexicon import load_lexicon
from bitext.align.parallel import DEFAULT_PARAMS, Bead, ParallelParams, align_parallel
from bitext.model import Document, InputError
from bitext.segment.split import english_boundaries

SPLIT_MODES = ("auto", "lines", "sentences")
AUTO_PARAGRAPH_SHARE = 1 / 3
"""``auto`` reads a file's lines as paragraphs, to be split into sentences, when more than
this share of them hold more than one sentence. A file written one sentence a line has a
few such lines, where the splitter cuts what its author did not (a stammer "我……我去。",
a quote and its speaker "“好。”他说。", "Mr. Li"); a file of paragraphs has most of them."""

_LINE = regex.compile(r"[^\r\n]+")
_ZH_END = regex.compile(r"[。！？!?…]+[”’」』）)\"']*")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")


class Alignment(NamedTuple):
    """Two documents, their sentences as (start, end) offsets, and the beads."""

    zh: Document
    en: Document
    zh_sentences: list[tuple[int, int]]
    en_sentences: list[tuple[int, int]]
    beads: list[Bead]

    def zh_text(self, bead: Bead) -> str:
        return "".join(self.zh.text[s:e] for s, e in (self.zh_sentences[i] for i in bead.zh))

    def en_text(self, bead: Bead) -> str:
        return " ".join(self.en.text[s:e] for s, e in (self.en_sentences[j] for j in bead.en))


def align_documents(
    zh: Document, en: Document, mode: str = "auto", params: ParallelParams = DEFAULT_PARAMS
) -> Alignment:
    """Sentences of both documents and the beads that pair them."""
    if not _HAN.search(zh.text):
        raise InputError(f"{zh.path}: no Chinese text (is it the English file?)")
    if not _LATIN.search(en.text):
        raise InputError(f"{en.path}: no English text (is it the Chinese file?)")
    zh_sentences = split_sentences(zh.text, "zh", mode)
    en_sentences = split_sentences(en.text, "en", mode)
    beads = align_parallel(
        [zh.text[s:e] for s, e in zh_sentences],
        [en.text[s:e] for s, e in en_sentences],
        load_lexicon(),
        params,
    )
    return Alignment(zh, en, zh_sentences, en_sentences, beads)


def split_sentences(text: str, lang: str, mode: str = "auto") -> list[tuple[int, int]]:
    """Sentences of a file as (start, end): its non-empty lines, or the sentences in them.
    ``auto`` takes the lines unless :func:`split_mode` finds they hold paragraphs.

    >>> text = "第一句。第二句。\\n第三句。"
    >>> [text[s:e] for s, e in split_sentences(text, "zh", "sentences")]
    ['第一句。', '第二句。', '第三句。']
    >>> [text[s:e] for s, e in split_sentences(text, "zh", "lines")]
    ['第一句。第二句。', '第三句。']
    """
    if mode not in SPLIT_MODES:
        raise InputError(f"unknown split mode {mode!r} (use one of: {', '.join(SPLIT_MODES)})")
    lines = _lines(text)
    if mode == "lines":
        return lines
    per_line = [_sentences_in(text, s, e, lang) for s, e in lines]
    if mode == "auto" and not _holds_paragraphs(per_line):
        return lines
    return [piece for pieces in per_line for piece in pieces]


def split_mode(text: str, lang: str) -> str:
    """What ``auto`` reads ``text`` as: ``lines`` (one sentence a line) or ``sentences``
    (lines of paragraphs, split by bitext's sentence rules).

    >>> split_mode("他说：“我……我去。”\\n好。\\n走吧。\\n嗯。", "zh")
    'lines'
    >>> split_mode("第一句。第二句。\\n第三句。", "zh")
    'sentences'
    """
    lines = _lines(text)
    per_line = [_sentences_in(text, s, e, lang) for s, e in lines]
    return "sentences" if _holds_paragraphs(per_line) else "lines"


def _holds_paragraphs(per_line: list[list[tuple[int, int]]]) -> bool:
    several = sum(len(pieces) > 1 for pieces in per_line)
    return several > len(per_line) * AUTO_PARAGRAPH_SHARE


def _lines(text: str) -> list[tuple[int, int]]:
    lines = [_strip(text, *m.span()) for m in _LINE.finditer(text)]
    return [(s, e) for s, e in lines if s < e]


def _sentences_in(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    if lang == "zh":
        cuts = [m.end() for m in _ZH_END.finditer(text, start, end) if m.end() < end]
    else:
        cuts = english_boundaries(text, start, end, next_must_open=True)
    bounds = [start, *cuts, end]
    pieces = [_strip(text, a, b) for a, b in itertools.pairwise(bounds)]
    return [(a, b) for a, b in pieces if a < b]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
