"""Cut English that runs on past the translation of a Chinese headline.

A headline or a phrase has no full stop, in Chinese or in its translation, so in a
mixed bulletin the English of "中国的火星计划来了" runs straight into the next
sentence: "China's Mars program is coming China Mars exploration mission aims…".
A clause cut from its sentence is the same case: "中加关系要持续健康稳定发展,必须顺应时代潮流"
is translated by the English up to "…the trend of the times," and the sentence goes on.
Sentence rules cannot see these boundaries. The aligner can: after pairing, the English
of a pair whose Chinese ends without a stop is tried cut before each word, and cut where
the part before it translates the Chinese clearly better than the whole (the rest is left
as English of its own). Where the cut falls inside a headline is less sure than whether
to cut: a lead that names what the headline's Chinese names but its English leaves out
("Sebastian") can draw the cut a few words too far.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from bitext.align.lexicon import Lexicon
from bitext.align.mixed import AlignParams, features_score
from bitext.align.signals import Features, ends_open, read_features
from bitext.model import Pair, Span

_CUT = regex.compile(r"(?<=\s)[\p{L}\d]")
"""Before any word: a clause ends without a mark as often as a headline does."""
_ZH_STOP = regex.compile(r"[。！？!?…；;.]\s*[”’」』）)\"']*\s*$")
MIN_WORDS = 3
"""Both parts of a cut hold at least this many words."""
CUT_GAIN = 2.5
"""How much better the part must score than the whole (plus the rest's own bonus);
bench/dev: 2.0 and 3.0 both cut worse."""


def cut_run_on(
    pairs: Sequence[Pair],
    spans: Sequence[Span],
    features: Sequence[Features],
    text: str,
    lexicon: Lexicon,
    params: AlignParams,
) -> tuple[list[Pair], list[Span], list[Features]]:
    """Pairs, spans and features with run-on English cut off where it was found."""
    by_span = dict(zip(spans, features, strict=True))
    new_pairs = []
    cuts: dict[Span, tuple[Span, Span]] = {}
    for pair in pairs:
        cut = _best_cut(pair, by_span, text, lexicon, params)
        if cut is None:
            new_pairs.append(pair)
            continue
        head, tail = cut
        cuts[pair.en[-1]] = (head, tail)
        by_span[head] = read_features(text[head.start : head.end], "en", lexicon, head.start)
        by_span[tail] = read_features(text[tail.start : tail.end], "en", lexicon, tail.start)
        new_pairs.append(pair._replace(en=(*pair.en[:-1], head)))
    new_spans = [piece for span in spans for piece in cuts.get(span, (span,))]
    return new_pairs, new_spans, [by_span[span] for span in new_spans]


def _best_cut(
    pair: Pair,
    features: dict[Span, Features],
    text: str,
    lexicon: Lexicon,
    params: AlignParams,
) -> tuple[Span, Span] | None:
    if not pair.zh or not pair.en or _ZH_STOP.search(text[slice(*pair.zh_range)]):  # type: ignore[misc]
        return None
    last = pair.en[-1]
    zh = [features[s] for s in pair.zh]
    before = [features[s] for s in pair.en[:-1]]
    whole = features_score(zh, [*before, features[last]], params)
    best, best_score = None, whole + CUT_GAIN
    for match in _CUT.finditer(text, last.start, last.end):
        head_text = text[last.start : match.start()].rstrip()
        tail_text = text[match.start() : last.end]
        if len(head_text.split()) < MIN_WORDS or len(tail_text.split()) < MIN_WORDS:
            continue
        if ends_open(head_text):
            continue
        end = last.start + len(head_text)
        # The head's figures are the sentence's that end in it; extracting them again
        # for every candidate cut was most of the cut's time.
        figures = tuple(f for f in features[last].figures if f.end <= end)
        head = read_features(head_text, "en", lexicon, last.start, figures)
        score = features_score(zh, [*before, head], params) + params.english_only
        if score > best_score:
            best = (last._replace(end=end), last._replace(start=match.start()))
            best_score = score
    return best
