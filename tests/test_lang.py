"""Language tags of Latin-script spans: English, or something else langdetect names."""

from __future__ import annotations

import pytest

from bitext.segment.language import detect_latin, plainly_english

NOT_ENGLISH = [
    "Le conseil municipal a approuvé le budget de la ville pour cette année.",
    "Die Regierung hat also am Montag die neuen Regeln für die Einfuhr beschlossen.",
    "El gobierno anunció que la economía creció un tres por ciento en el trimestre.",
    "Hij had een nieuwe auto gekocht en de buren waren het er niet mee eens.",
    "Il governo ha approvato il bilancio della città per quest'anno con ampio consenso.",
    "Rząd przyjął nowe przepisy, które wejdą w życie w styczniu przyszłego roku.",
    "Pemerintah mengumumkan bahwa ekonomi tumbuh tiga persen pada kuartal pertama.",
    "Regeringen har beslutat att de nya reglerna ska gälla från januari nästa år.",
]

ENGLISH = [  # WMT17 and WMT21 reference lines
    "Rebuilding real trust will be hard, perhaps impossible.",
    "He follows Sir Gordon Richards, Doug Smith, Lester Piggott, Pat Eddery and Willie Carson.",
    "Mr McEwan was interviewed during a tour of customers and staff in Inverness-shire.",
    "The county built 96 schools and trained 479 leaders in 2018.",
]


@pytest.mark.parametrize("sentence", NOT_ENGLISH)
def test_other_languages_are_not_taken_for_english(sentence: str) -> None:
    assert not plainly_english(sentence)
    assert detect_latin(sentence) == "other"


@pytest.mark.parametrize("sentence", ENGLISH)
def test_english_sentences_are_english(sentence: str) -> None:
    assert detect_latin(sentence) == "en"


def test_only_sentences_with_an_english_only_word_skip_the_detector() -> None:
    assert [plainly_english(s) for s in ENGLISH] == [False, False, False, True]


def test_the_cached_profiles_are_what_langdetect_loads() -> None:
    """The detector reads each n-gram's probabilities from bitext's cache
    (:func:`bitext.segment.language._profiles`): the numbers langdetect itself loads."""
    from importlib import resources

    from langdetect.detector_factory import DetectorFactory

    from bitext.segment.language import LATIN_PROFILES, _profiles

    factory = DetectorFactory()
    folder = resources.files("langdetect") / "profiles"
    factory.load_json_profile(
        [(folder / code).read_text(encoding="utf-8") for code in LATIN_PROFILES]
    )
    _profiles()  # builds and stores the cache, which the second call reads
    languages, probabilities = _profiles()
    assert languages == factory.langlist
    assert dict(probabilities.items()) == factory.word_lang_prob_map
