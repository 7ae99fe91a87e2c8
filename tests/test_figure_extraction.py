"""The readers of figures, language by language: each registry entry explains itself, and
the plain numbers come last."""

from __future__ import annotations

import pytest

from bitext.figures import READERS, readings
from bitext.figures.reading import Reader


@pytest.mark.parametrize("lang", sorted(READERS))
def test_every_reader_is_named_once_and_explained(lang: str) -> None:
    names = [reader.name for reader in READERS[lang]]
    assert len(set(names)) == len(names)
    for reader in READERS[lang]:
        assert isinstance(reader, Reader)
        assert reader.name == reader.name.lower() and " " not in reader.name
        assert reader.about.strip() and reader.read.__doc__, reader.name


@pytest.mark.parametrize("lang", sorted(READERS))
def test_plain_numbers_are_read_last(lang: str) -> None:
    assert READERS[lang][-1].name == "number"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh", "20世纪90年代末", [("decade", "20世纪90年代")]),
        ("zh", "周一至周日20：30-21:30", [("colon-clock", "20：30"), ("colon-clock", "21:30")]),
        ("en", 'The "Post-90s" generation', [("post-decade", "Post-90s")]),
        ("en", "in the first 7 months", [("first-months", "the first 7 months")]),
        ("en", "At first glance, it grew", []),
    ],
)
def test_the_reader_listed_first_wins(lang: str, text: str, expected: list) -> None:
    """The overlaps the module docstrings give as the reasons for the order."""
    assert [(name, f.text) for name, f in readings(text, lang)] == expected
