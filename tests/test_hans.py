"""The simplified view skips OpenCC only where OpenCC would change nothing.

:func:`bitext.hans._may_change` says where ``t2s`` may change a text, from the table
``bitext/data/opencc-t2s-changing.txt``: here the table is read again from the installed
dictionaries (dumped with OpenCC's own ``opencc_dict``), and OpenCC is asked about every
character and every corpus line the skip lets through. After an OpenCC upgrade, write the
table anew with ``python tests/test_hans.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from bitext import hans

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
"""As ``tests/conftest.py`` has them: this file also runs as a script."""
_HEADER = (
    "# Where OpenCC's t2s may change a text (bitext.hans._may_change): the SHA-256 of the\n"
    "# dictionaries this was read from, then the characters at which an entry that changes\n"
    "# what it matches differs from its conversion. Written by `python tests/test_hans.py`.\n"
)


def _config() -> Path:
    return Path(hans._converter().config)


def _dump_tool(config: Path) -> Path | None:
    """OpenCC's ``opencc_dict``, installed beside its dictionaries (``share/opencc``)."""
    beside = config.parents[2] / "bin" / "opencc_dict"
    if beside.is_file():
        return beside
    found = shutil.which("opencc_dict")
    return Path(found) if found else None


def _entries(dictionary: Path, tool: Path) -> Iterator[tuple[str, str]]:
    """Each entry of a binary dictionary: its key and the conversion OpenCC makes (the
    first of its values)."""
    assert dictionary.suffix == ".ocd2", f"{dictionary}: only .ocd2 is dumped here"
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "dictionary.txt"
        command = [str(tool), "-i", str(dictionary), "-o", str(text), "-f", "ocd2", "-t", "text"]
        subprocess.run(command, check=True, capture_output=True)
        for line in text.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            yield key, values.split(" ")[0]


def _table(config: Path, tool: Path) -> str:
    """The table of :data:`bitext.hans.CHANGING_TABLE` for the installed dictionaries: each
    entry that changes what it matches holds one of its characters, the one where it
    differs from its conversion (all of them where the lengths differ)."""
    characters: set[str] = set()
    for dictionary in hans.dictionary_files(config):
        for key, value in _entries(dictionary, tool):
            if len(key) != len(value):
                characters.update(key)
            else:
                characters.update(k for k, v in zip(key, value, strict=True) if k != v)
    return f"{_HEADER}{hans.dictionaries_digest(config)}\n{''.join(sorted(characters))}\n"


def _written_digest() -> str:
    """The digest of the dictionaries the table in the package was read from."""
    table = (ROOT / "bitext" / hans.CHANGING_TABLE).read_text(encoding="utf-8")
    return next(line for line in table.splitlines() if not line.startswith("#"))


def test_the_table_is_read_from_the_installed_dictionaries() -> None:
    config = _config()
    if _written_digest() != hans.dictionaries_digest(config):
        # Another OpenCC than the table was read from (an upgrade): every text is
        # converted, which is right but slower, until the table is written anew.
        assert hans._changing() is None
        warnings.warn(
            "OpenCC's dictionaries changed, so bitext converts every text: "
            "run `python tests/test_hans.py` to write the table anew",
            stacklevel=1,
        )
        return
    tool = _dump_tool(config)
    if tool is None:
        pytest.skip("needs OpenCC's opencc_dict")
    assert (ROOT / "bitext" / hans.CHANGING_TABLE).read_text(encoding="utf-8") == _table(
        config, tool
    )
    assert hans._changing() is not None  # the table is in use


def test_a_table_read_from_other_dictionaries_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hans, "dictionaries_digest", lambda config: "another OpenCC")
    hans._changing.cache_clear()
    try:
        assert hans._changing() is None
        assert hans._may_change("台北市两亿")  # no skip: every text goes to OpenCC
        assert hans._converted.__wrapped__("臺北市") == "台北市"
    finally:
        monkeypatch.undo()
        hans._changing.cache_clear()
    assert hans._changing() is not None or _written_digest() != hans.dictionaries_digest(_config())


def test_opencc_changes_no_character_the_skip_lets_through() -> None:
    converter = hans._converter()
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if not hans._may_change(ch):
            assert converter.convert(ch) == ch, hex(code)


def test_opencc_changes_no_corpus_line_the_skip_lets_through() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    converter = hans._converter()
    paths = [*(SHARED / "corpora").glob("*/zh.txt"), *(SHARED / "bench").glob("*/*.txt")]
    skipped = 0
    for path in sorted(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not hans._may_change(line):
                assert converter.convert(line) == line, line
                skipped += 1
    assert skipped > 0


def test_a_traditional_text_is_still_converted() -> None:
    assert hans.simplified("臺北市投入三千八百萬元") == "台北市投入三千八百万元"
    assert hans.simplified("打坏") == hans._converter().convert("打坏")  # a phrase entry
    assert hans.simplified("") == ""


if __name__ == "__main__":
    _installed = _config()
    _tool = _dump_tool(_installed)
    if _tool is None:
        raise SystemExit("needs OpenCC's opencc_dict")
    (ROOT / "bitext" / hans.CHANGING_TABLE).write_text(_table(_installed, _tool), encoding="utf-8")
