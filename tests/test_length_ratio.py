"""EN_PER_ZH is what its docstring says: the median English/Chinese length ratio of the
WMT17 and WMT18 zh-en newstest references, lengths as the aligner counts them.

The corpora live beside the repository (../shared/corpora) and are not redistributed, so
the test skips in a clean clone.
"""

from __future__ import annotations

import statistics

import pytest

from bitext.align.signals import EN_PER_ZH, text_length

from .conftest import SHARED

NEWSTEST = [SHARED / "corpora" / name for name in ("wmt17-newstest-zhen", "wmt18-newstest-zhen")]


def _ratios() -> list[float]:
    ratios = []
    for corpus in NEWSTEST:
        zh = (corpus / "zh.txt").read_text(encoding="utf-8").splitlines()
        en = (corpus / "en.txt").read_text(encoding="utf-8").splitlines()
        assert len(zh) == len(en)
        for zh_line, en_line in zip(zh, en, strict=True):
            zh_length = text_length(zh_line.strip(), "zh")
            en_length = text_length(en_line.strip(), "en")
            if zh_length and en_length:
                ratios.append(en_length / zh_length)
    return ratios


@pytest.mark.skipif(
    not all(corpus.is_dir() for corpus in NEWSTEST),
    reason="../shared/corpora (the WMT test sets) is not beside the repository",
)
def test_en_per_zh_is_the_newstest_median() -> None:
    ratios = _ratios()
    assert len(ratios) == 5961
    assert round(statistics.median(ratios), 1) == EN_PER_ZH
