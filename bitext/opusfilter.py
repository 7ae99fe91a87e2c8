"""bitext's figure check as an OpusFilter filter, for corpora cleaned with OpusFilter.

OpusFilter's own numeral filter (``NonZeroNumeralsFilter``) compares the digit strings
of the two sides, so it takes "1.54亿" and "154 million" for a mismatch and "387.75万"
and "3,877.5 million" for a match. :class:`FigureFilter` gives each pair the verdict of
``bitext filter`` instead (:func:`bitext.corpus.verdict.judge`: ``agree``, ``disagree``,
``no-figures`` or ``unverifiable``) and keeps the pairs whose verdict is in ``keep``. A
configuration names it with ``module: bitext.opusfilter``::

    steps:
      - type: filter
        parameters:
          inputs: [corpus.zh.gz, corpus.en.gz]
          outputs: [kept.zh.gz, kept.en.gz]
          filters:
            - FigureFilter:
                keep: [agree, no-figures, unverifiable]   # the default: drop disagree
              module: bitext.opusfilter

The score (what OpusFilter's ``score`` step writes) is the verdict's name. ``languages``
says which input is Chinese and which English, ``[zh, en]`` unless given.

OpusFilter is imported here only: nothing else in bitext needs it
(``pip install 'bitext[opusfilter]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import opusfilter

from bitext.check import DEFAULT_CONFIG
from bitext.corpus import VERDICTS
from bitext.corpus.read import Line
from bitext.corpus.verdict import judge
from bitext.model import InputError

DEFAULT_KEEP = ("agree", "no-figures", "unverifiable")
"""The verdicts kept unless the configuration says otherwise: all but ``disagree``."""


class FigureFilter(opusfilter.FilterABC):  # type: ignore[misc]
    """Keep the pairs whose figures bitext does not find in disagreement.

    >>> list(FigureFilter().score([("拨付资金2030万元。", "It allocated 203 million yuan."),
    ...                            ("总额1.54亿元。", "The total was 154 million yuan.")]))
    ['disagree', 'agree']
    >>> FigureFilter().accept("disagree"), FigureFilter(keep=["agree"]).accept("no-figures")
    (False, False)
    """

    score_direction = None
    """Not a number to threshold: the score is a verdict, and ``keep`` lists those kept."""

    def __init__(
        self,
        keep: Iterable[str] = DEFAULT_KEEP,
        languages: Sequence[str] = ("zh", "en"),
        **kwargs: Any,
    ) -> None:
        keep = [keep] if isinstance(keep, str) else list(keep)
        unknown = sorted(set(keep) - set(VERDICTS))
        if unknown:
            raise InputError(
                f"FigureFilter: unknown verdict {', '.join(unknown)} in keep "
                f"(choose from {', '.join(VERDICTS)})"
            )
        languages = list(languages)
        if sorted(languages) != ["en", "zh"]:
            raise InputError(f"FigureFilter: languages must be zh and en, not {languages}")
        self.keep = frozenset(keep)
        self.zh_side = languages.index("zh")
        super().__init__(**kwargs)

    def score(self, pairs: Iterable[Sequence[str]]) -> Iterator[str]:
        """The verdict on each pair, in order."""
        en_side = 1 - self.zh_side
        for number, pair in enumerate(pairs, start=1):
            line = Line(number, pair[self.zh_side], pair[en_side])
            yield judge(line, DEFAULT_CONFIG).verdict

    def accept(self, score: str) -> bool:
        """Whether a pair with this verdict is kept."""
        return score in self.keep


__all__ = ["DEFAULT_KEEP", "FigureFilter"]
