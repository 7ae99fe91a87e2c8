"""Alignment: pair Chinese spans with the English that translates them.

Other stages call the aligner through these names only:

- a mixed bulletin: :func:`pair_bulletin` (and :func:`pair_translation` for a text and
  its known translation), which return the spans, their signals and the pairs;
- two files: :func:`align_documents`, sentence by sentence;
- what the checker asks of a pair afterwards: which words of each side the other covers
  (:func:`english_words`, :func:`chinese_words`, :func:`context_coverage`) and where a
  side is cut (:func:`english_cut`, :func:`head_cut_kind`);
- the dictionary: :func:`load_lexicon`, :func:`latin_translates`,
  :func:`phrase_translations`, :func:`stem`.
"""

from bitext.align.bulletin import Paired, pair_bulletin, pair_parallel, pair_translation
from bitext.align.cuts import (
    MID_CLAUSE_END,
    ChineseWord,
    EnglishWord,
    chinese_words,
    context_coverage,
    english_cut,
    english_words,
    head_cut_kind,
)
from bitext.align.files import SPLIT_MODES, Alignment, align_documents
from bitext.align.lexicon import (
    Lexicon,
    latin_translates,
    load_lexicon,
    phrase_translations,
    stem,
)
from bitext.align.mixed import AlignParams
from bitext.align.parallel import MIN_CONFIDENCE, Bead
from bitext.align.signals import Features

__all__ = [
    "MID_CLAUSE_END",
    "MIN_CONFIDENCE",
    "SPLIT_MODES",
    "AlignParams",
    "Alignment",
    "Bead",
    "ChineseWord",
    "EnglishWord",
    "Features",
    "Lexicon",
    "Paired",
    "align_documents",
    "chinese_words",
    "context_coverage",
    "english_cut",
    "english_words",
    "head_cut_kind",
    "latin_translates",
    "load_lexicon",
    "pair_bulletin",
    "pair_parallel",
    "pair_translation",
    "phrase_translations",
    "stem",
]
