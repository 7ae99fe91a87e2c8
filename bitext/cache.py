"""Where bitext keeps what it builds once and reuses: ``$BITEXT_CACHE_DIR``, else
``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``. Nothing there is needed: a
missing or unreadable file is rebuilt from the installed packages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_dir() -> Path:
    explicit = os.environ.get("BITEXT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    root = os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / "bitext"


def cache_file(name: str, *key_parts: str) -> Path:
    """``name-<hash of key_parts>.pickle``: a new key (a new package version) is a new file."""
    key = hashlib.sha256("|".join(key_parts).encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{key}.pickle"
