"""The short cuts that make :func:`bitext.check.check_pair` fast give the reports the long
way gives, on real lines, and a figure reader skips only text it can read nothing in.

check_pair reads a pair's words (jieba, the lexicon, pinyin) only when the judge asks
about the words around a figure that has no counterpart, and segments without asking
langdetect the language of the English (it knows it). The long way, kept here as the
reference, reads every span's words at once and tags every span: the reports must be
equal, field for field, on every sampled WMT line pair, findings included.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bitext.align import load_lexicon, pair_translation
from bitext.align.signals import read_features, read_figures
from bitext.check import DEFAULT_CONFIG, check_pair
from bitext.check.pipeline import _judge, _report
from bitext.clean import clean
from bitext.figures import compare, extract
from bitext.figures.reading import Reader, one_of, read_in_turn
from bitext.figures.values import Occupied
from bitext.model import Document, Figure, FileReport
from bitext.read import readable
from bitext.segment import segment

from .conftest import SEEDS, SHARED

CORPORA = SHARED / "corpora"
SETS = ("wmt21-newstest-zhen", "wmt22-generaltest-zhen")
needs_corpora = pytest.mark.skipif(
    not (CORPORA / SETS[0] / "zh.txt").exists(), reason="../shared/corpora is absent"
)


def _lines(name: str, side: str, count: int) -> list[str]:
    return (CORPORA / name / side).read_text(encoding="utf-8").splitlines()[:count]


def sample(count: int = 500) -> list[tuple[str, str]]:
    """The first ``count`` line pairs of each set, and the same Chinese against a system's
    English (machine translations lose and add figures, so the judge reads words)."""
    pairs = []
    for name in SETS:
        zh = _lines(name, "zh.txt", count)
        pairs += zip(zh, _lines(name, "en.txt", count), strict=True)
        system = sorted((CORPORA / name / "systems").iterdir())[0]
        pairs += zip(zh, _lines(name, f"systems/{system.name}", count), strict=True)
    return pairs


def check_pair_the_long_way(zh: str, en: str) -> FileReport:
    """check_pair as it was before the short cuts: tagged spans, every span's words read."""
    config = DEFAULT_CONFIG
    text = readable(f"{zh}\n\n{en}")
    view = clean(text, config.clean_rules)
    spans = segment(view.text)
    zh_spans = [s._replace(lang="zh") for s in spans if view.to_original(s.start) < len(zh)]
    en_spans = [s._replace(lang="en") for s in spans if view.to_original(s.start) > len(zh)]
    lexicon = load_lexicon()
    paired = pair_translation(view.text, zh_spans, en_spans, lexicon)
    assert paired.words
    drafts = _judge(view.text, paired, config, lexicon, whole=True)
    return _report(Document(None, text, "utf-8"), view, paired, drafts, config)


@needs_corpora
def test_check_pair_gives_the_reports_of_the_long_way_on_wmt_lines():
    rules: Counter[str] = Counter()
    pairs = sample()
    for zh, en in pairs:
        report = check_pair(zh, en)
        assert report == check_pair_the_long_way(zh, en), (zh, en)
        rules.update(f.rule for f in report.findings)
    # the sample reaches the judge's questions about words: figures lost and added
    assert len(pairs) == 2000
    assert rules == {
        "figure-missing": 15,
        "figure-extra": 6,
        "figure-unverifiable": 3,
        "figure-value": 3,
        "figure-unit": 2,
        "figure-weekday": 1,
    }


@needs_corpora
def test_words_read_later_are_the_words_read_at_once():
    lexicon = load_lexicon()
    for zh, en in sample(60):
        text = f"{zh}\n\n{en}"
        zh_span, en_span = (
            s._replace(lang=lang) for s, lang in zip(segment(text)[:2], ("zh", "en"), strict=False)
        )
        figures_only = pair_translation(text, [zh_span], [en_span], lexicon, words=False)
        assert not figures_only.words
        for span in (zh_span, en_span):
            piece = text[span.start : span.end]
            at_once = read_features(piece, span.lang, lexicon, span.start)
            assert figures_only.with_words(text, [span], lexicon) == [at_once]
            partial = read_figures(piece, span.lang, span.start)
            assert partial.figures == at_once.figures
            assert (partial.length, partial.open_end) == (at_once.length, at_once.open_end)


@needs_corpora
def test_untagged_segmentation_cuts_where_tagged_does():
    texts = [f"{zh}\n\n{en}" for zh, en in sample(300)]
    texts.append((SEEDS / "panzhou.txt").read_text(encoding="utf-8"))
    for text in texts:
        tagged, untagged = segment(text), segment(text, tag=False)
        assert [s._replace(lang="") for s in tagged] == [s._replace(lang="") for s in untagged]
        assert {s.lang for s in untagged} <= {"zh", "latin"}
        assert [s.lang == "zh" for s in tagged] == [s.lang == "zh" for s in untagged]


@needs_corpora
def test_the_short_cuts_of_the_figure_match_give_what_comparing_all_gives(monkeypatch):
    """match_figures compares no other pair of two figures that are the same figure in
    place, and relate says at once that two figures alike in every field are that: on WMT
    lines, comparing every pair with every step gives the same matches."""
    sides = [(extract(zh, "zh"), extract(en, "en")) for zh, en in sample()]
    alike = [(z, e) for zh, en in sides for z in zh for e in en if compare._alike(z, e)]
    quick = [compare.match_figures(zh, en) for zh, en in sides]
    monkeypatch.setattr(compare, "_alike", lambda zh, en: False)
    assert all(compare.relate(z, e) == compare._EXACT for z, e in alike)
    monkeypatch.setattr(compare, "_in_place", lambda zh, en, tolerance: {})
    assert quick == [compare.match_figures(zh, en) for zh, en in sides]
    assert len(alike) > 500


class _Recording(Occupied):
    """Occupied spans that remember whether anything was taken."""

    took = False

    def add(self, start: int, end: int) -> None:
        self.took = True
        super().add(start, end)


def test_a_reader_is_skipped_where_the_text_lacks_what_it_needs():
    calls: list[str] = []

    def read(text: str, taken: Occupied) -> list[Figure]:
        calls.append(text)
        return []

    reader = Reader("noon", read, "at noon", one_of("noon", "midnight"))
    read_in_turn("at 5 pm", [reader])
    read_in_turn("at Noon", [reader])
    read_in_turn("at midnight", [reader._replace(needs=None)])
    assert calls == ["at Noon", "at midnight"]
