"""Pair a bulletin's spans: the aligner's whole sequence, behind one call.

:func:`pair_bulletin` reads each span's signals, pairs the Chinese fragments of a mixed
bulletin with their English (:mod:`bitext.align.mixed`), gives a pair the English left
stranded after it, cuts English that runs on past a headline's translation
(:mod:`bitext.align.runon`, which splits spans), and marks where a pair's Chinese looks
cut (:func:`bitext.align.cuts.cut_side`). :func:`pair_translation` does the same for a
Chinese text and its known translation, which need no pairing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bitext.align.cuts import cut_side
from bitext.align.files import split_sentences
from bitext.align.lexicon import Lexicon, load_lexicon
from bitext.align.mixed import DEFAULT_PARAMS, AlignParams, absorb_stranded_english, align_mixed
from bitext.align.parallel import DEFAULT_PARAMS as DEFAULT_PARALLEL
from bitext.align.parallel import align_features
from bitext.align.runon import cut_run_on
from bitext.align.signals import Features, read_features, read_figures
from bitext.model import Figure, Pair, Span


class Paired(NamedTuple):
    """A text's spans, the signals read in each, and the pairs made of them."""

    spans: tuple[Span, ...]
    features: dict[Span, Features]
    pairs: tuple[Pair, ...]
    words: bool = True
    """False when ``features`` hold each span's length and figures but not its words
    (:func:`pair_translation` with ``words=False``): :meth:`with_words` reads them."""

    def with_words(self, text: str, spans: Sequence[Span], lexicon: Lexicon) -> list[Features]:
        """The whole features of ``spans``: as they are, or, where they hold no words,
        read now around the figures read before (the same as reading them at once)."""
        if self.words:
            return [self.features[s] for s in spans]
        return [_read(text, s, lexicon, self.features[s].figures) for s in spans]


def pair_bulletin(
    text: str,
    spans: Sequence[Span],
    params: AlignParams = DEFAULT_PARAMS,
    lexicon: Lexicon | None = None,
) -> Paired:
    """Pair the zh and en ``spans`` of a mixed bulletin ``text`` (offsets into it).

    >>> from bitext.segment import segment
    >>> text = "投入 6 家。 Six firms invested. The city said so."
    >>> paired = pair_bulletin(text, segment(text))
    >>> [(text[slice(*p.zh_range)], text[slice(*p.en_range)]) for p in paired.pairs]
    [('投入 6 家。', 'Six firms invested.')]
    """
    lexicon = lexicon or load_lexicon()
    features = [_read(text, span, lexicon) for span in spans]
    pairs = align_mixed(spans, features, params)
    pairs = absorb_stranded_english(pairs, spans, features, params)
    pairs, spans, features = cut_run_on(pairs, spans, features, text, lexicon, params)
    by_span = dict(zip(spans, features, strict=True))
    marked = tuple(p._replace(zh_cut=cut_side(p, text, by_span)) for p in pairs)
    return Paired(tuple(spans), by_span, marked)


def pair_translation(
    text: str,
    zh: Sequence[Span],
    en: Sequence[Span],
    lexicon: Lexicon | None = None,
    *,
    words: bool = True,
) -> Paired:
    """One pair of a Chinese text's ``zh`` spans and its known translation's ``en``
    spans (none if there is no Chinese). Only what the text shows (a Chinese that starts
    in mid-figure) marks its Chinese cut; a missing stop does not. Without ``words`` the
    spans' words are not read (the pair needs none), only their figures: a judge that
    wants the words reads them with :meth:`Paired.with_words`."""
    spans = (*zh, *en)
    if words:
        lexicon = lexicon or load_lexicon()
        by_span = {span: _read(text, span, lexicon) for span in spans}
    else:
        by_span = {span: _read_figures(text, span) for span in spans}
    if not zh:
        return Paired(spans, by_span, (), words)
    pair = Pair(0, tuple(zh), tuple(en), 1.0)
    cut = cut_side(pair, text, by_span, whole=True)
    return Paired(spans, by_span, (pair._replace(zh_cut=cut) if cut else pair,), words)


def _read(
    text: str, span: Span, lexicon: Lexicon, figures: tuple[Figure, ...] | None = None
) -> Features:
    return read_features(text[span.start : span.end], span.lang, lexicon, span.start, figures)


def _read_figures(text: str, span: Span) -> Features:
    return read_figures(text[span.start : span.end], span.lang, span.start)


def pair_parallel(
    text: str,
    zh: tuple[int, int],
    en: tuple[int, int],
    mode: str = "auto",
    lexicon: Lexicon | None = None,
) -> Paired:
    """Pair the sentences of a Chinese text and its translation, which ``text`` holds at
    ``zh`` and ``en`` (start, end), with the two-file aligner (:mod:`bitext.align.parallel`).

    Each bead with both sides is a pair, scored by its confidence; a Chinese sentence
    left alone is a pair without English (untranslated); English left alone is in no
    pair. ``mode`` splits each side as :func:`bitext.align.files.split_sentences` does.

    >>> text = "投入 6 家。\\n\\nSix firms invested."
    >>> paired = pair_parallel(text, (0, 7), (9, 28))
    >>> [(text[slice(*p.zh_range)], text[slice(*p.en_range)]) for p in paired.pairs]
    [('投入 6 家。', 'Six firms invested.')]
    """
    lexicon = lexicon or load_lexicon()
    zh_spans = _sentence_spans(text, zh, "zh", mode)
    en_spans = _sentence_spans(text, en, "en", mode)
    by_span = {span: _read(text, span, lexicon) for span in (*zh_spans, *en_spans)}
    beads = align_features(
        [by_span[s] for s in zh_spans], [by_span[s] for s in en_spans], DEFAULT_PARALLEL
    )
    pairs = []
    for bead in beads:
        if not bead.zh:
            continue
        pair = Pair(
            len(pairs),
            tuple(zh_spans[i] for i in bead.zh),
            tuple(en_spans[j] for j in bead.en),
            bead.confidence,
        )
        pairs.append(pair._replace(zh_cut=_cut_inside(pair, text, by_span)))
    return Paired((*zh_spans, *en_spans), by_span, tuple(pairs))


def _cut_inside(pair: Pair, text: str, features: dict[Span, Features]) -> str | None:
    """Where the Chinese of a known translation looks cut, sentence by sentence: a bead
    of two lines may hold a fragment that lost its head (年以来…) after a whole one."""
    for span in pair.zh:
        cut = cut_side(pair._replace(zh=(span,)), text, features, whole=True)
        if cut is not None:
            return cut
    return None


def _sentence_spans(text: str, part: tuple[int, int], lang: str, mode: str) -> list[Span]:
    start, end = part
    return [
        Span(start + s, start + e, lang, 0) for s, e in split_sentences(text[start:end], lang, mode)
    ]
