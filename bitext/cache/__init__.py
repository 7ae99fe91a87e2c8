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
from pathlib import Path


def cache_dir() -> Path:
    """Where bitext keeps what it builds once: ``$BITEXT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``."""
    explicit = os.environ.get("BITEXT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    root = os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / "bitext"
