"""What bitext builds once per installation and reuses in every run.

Two kinds of things are kept: compiled regular expressions (:mod:`bitext.cache.patterns`)
and big read-only tables built from installed packages, such as the lexicon, jieba's
dictionary and word weights, the pinyin readings and langdetect's profiles
(:mod:`bitext.cache.tables`). Nothing there is needed: a missing, stale or unreadable
file only means building it again. The package sits low in :mod:`bitext.layers` so that
every stage, cleaning and segmenting included, can start from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """Where bitext keeps what it builds once: ``$BITEXT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``."""
    explicit = os.environ.get("BITEXT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    root = os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / "bitext"


def once(make: Callable[[], T]) -> Callable[[], T]:
    """``make``, called the first time it is asked and remembered: for a question a run
    asks of each text only sometimes (does it space its scripts apart? what date is it
    told from?). ``functools.cache`` would do, but building its wrapper for every text
    costs more than most texts' answers.

    >>> made = []
    >>> value = once(lambda: made.append(1) or len(made))
    >>> value(), value(), made
    (1, 1, [1])
    """
    answers: list[T] = []

    def answer() -> T:
        if not answers:
            answers.append(make())
        return answers[0]

    return answer
