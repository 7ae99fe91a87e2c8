"""Cold start: what a one-file check imports, and the pinyin read without pypinyin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypinyin import lazy_pinyin

from bitext.align.lexicon import _pinyin, _readings, pinyin_key, zh_words

ROOT = Path(__file__).resolve().parent.parent
WMT21 = ROOT.parent / "shared" / "corpora" / "wmt21-newstest-zhen" / "zh.txt"

NOT_IMPORTED = (
    "jieba",
    "rjieba",
    "pypinyin",
    "translate",
    "docx",
    "lxml",
    "textual",
    "distributed",
    "dask",
    "bitext.export",
    "bitext.report.html_report",
    "bitext.report.sarif",
    "rich.progress",
)
"""What `bitext check seeds/panzhou.txt` (a text bulletin, the rich report) never uses."""

PROBE = """
import json, runpy, sys
sys.argv = ["bitext", "check", sys.argv[1]]
try:
    runpy.run_module("bitext", run_name="__main__")
except SystemExit as exit:
    code = exit.code
sys.stdout = sys.__stdout__
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def pypinyin_key(word: str) -> str:
    return "".join(lazy_pinyin(word)).lower()


def test_pinyin_reads_as_pypinyin_does() -> None:
    _, _, phrase_readings = _readings()
    words = {"盘州", "红果沙陀", "银行", "重庆", "长江", "行长", "银行行长", "重重", "乐乐"}
    for phrase in phrase_readings:  # each polyphone phrase alone, after and before others
        words.update((phrase, "中" + phrase, phrase + "行", phrase[1:] + "长大"))
    if WMT21.exists():
        for line in WMT21.read_text(encoding="utf-8").splitlines()[:400]:
            words.update(zh_words(line))
    assert len(words) > 12_000
    assert [w for w in sorted(words) if _pinyin(w) != pypinyin_key(w)] == []


def test_pinyin_key_cuts_the_suffix_and_reads_polyphones() -> None:
    assert [pinyin_key(w) for w in ("盘州市", "红果沙陀小学", "银行", "长江", "A股")] == [
        "panzhou",
        "hongguoshatuo",
        "yinhang",
        "changjiang",
        "agu",
    ]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


def run_check(path: Path, cache: Path) -> dict[str, object]:
    env = {**os.environ, "BITEXT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_text_bulletin_imports_only_what_it_uses(cache_dir: Path) -> None:
    seed = ROOT / "seeds" / "panzhou.txt"
    first = run_check(seed, cache_dir)  # builds the caches, as a user's first run does
    assert "pypinyin" in first["modules"]
    warm = run_check(seed, cache_dir)
    assert warm["code"] == 1
    modules = set(warm["modules"])  # type: ignore[arg-type]
    assert {"bitext.align.jiebacut", "bitext.figures.en", "bitext.report.terminal"} <= modules
    assert [m for m in NOT_IMPORTED if m in modules] == []


CACHED_PATTERNS = (
    "bitext.figures.en",
    "bitext.figures.zh",
    "bitext.figures.names",
    "bitext.clean.rules",
    "bitext.segment.split",
    "bitext.segment.language",
    "bitext.align.cuts",
    "bitext.check.judge",
    "bitext.report.terminal",
)
"""Modules whose patterns are compiled through :mod:`bitext.cache.patterns`."""


def test_a_pattern_from_the_cache_is_the_pattern_regex_compiles(tmp_path: Path) -> None:
    """Every cached pattern (figures, cleaning, splitting, judging…), built from the cached engine arguments, finds what
    ``regex.compile`` of its source finds, on the seed bulletin and WMT21 lines."""
    import pickle

    import regex
    from regex import _regex

    from bitext.cache import patterns as compiled

    env = {**os.environ, "BITEXT_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first run stores what the second reads
        subprocess.run(
            [sys.executable, "-c", f"import {', '.join(CACHED_PATTERNS)}"],
            env=env,
            check=True,
        )
    [stored] = tmp_path.glob("patterns-*.pickle")
    known = pickle.loads(stored.read_bytes())
    assert len(known) > 250
    text = (ROOT / "seeds" / "panzhou.txt").read_text(encoding="utf-8")
    for lines in (WMT21, WMT21.with_name("en.txt")):
        if lines.exists():
            text += "\n".join(lines.read_text(encoding="utf-8").splitlines()[:300])
    for (pattern, flags), args in known.items():
        cached, fresh = _regex.compile(*args), regex.compile(pattern, flags)
        assert (cached.pattern, cached.flags, cached.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        assert [m.span() for m in cached.finditer(text)] == [
            m.span() for m in fresh.finditer(text)
        ], pattern
    assert compiled.compile(r"\d+万").findall("56.28万") == ["28万"]


def test_the_patterns_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A pattern built from a set's order would differ with the hash seed and never be
    found in the cache: a second process, with another seed, compiles nothing."""
    probe = (
        "import json, bitext, bitext.cache.patterns as c; "
        "print(json.dumps([c._STATE['dirty'], len(c._STATE['used'])]))"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "BITEXT_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(done.stdout))
    (first_compiled, first_count), (second_compiled, second_count) = runs
    assert (first_compiled, second_compiled) == (True, False)
    assert first_count == second_count > 150
