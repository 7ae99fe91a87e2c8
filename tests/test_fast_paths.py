"""The figure readers' fast paths find exactly what the slow ones find.

The readers' gates (:class:`bitext.figures.reading.Needs`) are necessary conditions.

A gate lets a reader (or a name form) skip a text that lacks its digits or keywords. If a
gate were wrong, a figure would silently go unread, so every gated pattern is run on every
text of the corpora that its gate turns away, and must find nothing there and take
nothing. The examples the registries give must pass their gates too; those need no
corpus. English numbers are searched for part by part (``en._FigureSearch``): the same
matches as searching for the whole pattern, from every position.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import regex

from bitext.figures import en, names, zh
from bitext.figures.reading import (
    DIGIT,
    KEYWORDS,
    Alternatives,
    Clues,
    Gates,
    Keywords,
    Needs,
    Reader,
    digit_or,
    one_of,
    read_in_turn,
)
from bitext.figures.values import Occupied

from .conftest import SEEDS, SHARED

READERS = {"zh": zh.READERS, "en": en.READERS}
_HAN = regex.compile(r"\p{Han}")


def _gated_readers(lang: str) -> list[Reader]:
    return [r for r in READERS[lang] if r.needs is not None]


def _gated_forms(lang: str) -> list[names.Form]:
    return [f for f in names.FORMS[lang] if f.needs is not None]


def _corpus_texts() -> Iterator[tuple[str, str]]:
    """(language, text) of every line of the WMT references, the MAC chapters, the bench
    bulletins and the seeds: a line with Chinese as Chinese, any other as English."""
    corpora = SHARED / "corpora"
    files: list[Path] = []
    for name in ("zh.txt", "en.txt", "en.refB.txt"):
        files += sorted(corpora.glob(f"wmt*/{name}"))
    files += sorted(p for part in ("zh", "en", "zh_mt") for p in corpora.glob(f"mac/*/{part}/*"))
    files += sorted((SHARED / "bench").glob("dev*/*.txt")) + sorted(SEEDS.glob("*.txt"))
    for path in files:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if _HAN.search(line):
                yield "zh", zh.reading_view(line)
            else:
                yield "en", line


def test_every_reader_a_gate_skips_would_have_read_nothing_there() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    turned_away = dict.fromkeys(
        [(lang, r.name) for lang in READERS for r in _gated_readers(lang)]
        + [(lang, f"names:{f.name}") for lang in READERS for f in _gated_forms(lang)],
        0,
    )
    wrong = []
    for lang, text in _corpus_texts():
        clues = Clues.of(text)
        for reader in _gated_readers(lang):
            if reader.needs is not None and not reader.needs.met(clues):
                turned_away[lang, reader.name] += 1
                taken = Occupied()
                found = reader.read(text, taken)
                if found or taken.overlaps(0, len(text) + 1):
                    wrong.append((lang, reader.name, text))
        view = zh.reading_view(text) if lang == "zh" else text
        view_clues = Clues.of(view)
        for form in _gated_forms(lang):
            if form.needs is not None and not form.needs.met(view_clues):
                turned_away[lang, f"names:{form.name}"] += 1
                if form.pattern.search(view):
                    wrong.append((lang, f"names:{form.name}", text))
    assert wrong == []
    # Each gate was put to the test: it turned texts away (a gate no text fails is dead).
    assert [key for key, count in turned_away.items() if count == 0] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_gated_readers_own_examples_meet_its_gate(lang: str) -> None:
    """The examples in a reader's description hold what its gate asks for."""
    missed = []
    for reader in _gated_readers(lang):
        examples = reader.about.rsplit(":", 1)[0]
        for example in regex.split(r",\s+", examples):
            if reader.read(example, Occupied()) and not reader.needs.met(Clues.of(example)):
                missed.append((reader.name, example))
    assert missed == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_gated_forms_example_meets_its_gate(lang: str) -> None:
    for form in _gated_forms(lang):
        assert form.pattern.search(form.example), form.name
        assert form.needs.met(Clues.of(form.example)), form.name


def test_a_gate_is_met_by_a_digit_or_a_word_in_any_case() -> None:
    gate = digit_or("basement")
    assert [gate.met(Clues.of(t)) for t in ("on B2", "the BASEMENT level", "the base")] == [
        True,
        True,
        False,
    ]
    # Case folding as regex.IGNORECASE folds: the long s and the Kelvin sign.
    assert one_of("several").met(Clues.of("ſeveral")) and one_of("km").met(Clues.of("5 \u212am"))
    assert one_of("first").met(Clues.of("FİRST")) and regex.match("(?i)first", "FİRST")
    assert Needs(digit=True).met(Clues.of("第２名")) and not Needs(digit=True).met(
        Clues.of("第二名")
    )


def _matches(search: Callable[[int], regex.Match[str] | None]) -> list[tuple[int, int]]:
    """The spans ``search`` finds from the start, each search going on after the last."""
    spans, pos = [], 0
    while (match := search(pos)) is not None:
        spans.append(match.span())
        pos = match.end()
    return spans


def _whole_pattern_matches(text: str) -> list[tuple[int, int]]:
    return _matches(lambda pos: en.FIGURE.search(text, pos))


def _part_by_part_matches(text: str) -> list[tuple[int, int]]:
    return _matches(en._FigureSearch(text).search)


NUMBERS = [
    "It cost about RMB 5 million, up 3%, from -2 to 7.",
    "nearly a dozen, some twenty-one thousand and US$ 4bn; approximately .5",
    "cut by 1,000 to 2,000 yuan (HK$3.5 million) on 7:30 and 12,000",
    "No digits and no numbers here at all.",
    "",
]


@pytest.mark.parametrize("text", NUMBERS)
def test_english_numbers_are_found_part_by_part_as_by_the_whole_pattern(text: str) -> None:
    assert _part_by_part_matches(text) == _whole_pattern_matches(text)
    search = en._FigureSearch(text)  # one search, asked at rising positions, then back
    for pos in [*range(len(text) + 1), 0, 5]:
        expected = en.FIGURE.search(text, pos)
        found = search.search(pos)
        assert (found and found.span()) == (expected and expected.span())


def test_english_numbers_part_by_part_on_the_corpora() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    texts = [
        line
        for path in sorted((SHARED / "corpora").glob("wmt*/en.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert [_part_by_part_matches(t) for t in texts] == [_whole_pattern_matches(t) for t in texts]


def _untaken_matches(text: str, taken: Occupied) -> list[tuple[int, int]]:
    """The matches of the whole pattern whose number is not ``taken``, going on after the
    number of those whose number is, as ``en._numbers`` does."""
    spans, pos = [], 0
    while (match := en.FIGURE.search(text, pos)) is not None:
        core = match.span("digits") if match.group("digits") else match.span("words")
        if taken.overlaps(*core):
            pos = core[1]
            continue
        spans.append(match.span())
        pos = match.end()
    return spans


def test_what_leads_a_number_holds_no_number() -> None:
    """``en._FigureSearch`` skips a taken number without looking for what leads it, looks
    for it only before a number ``en._may_be_led`` says it may lead, and matches a number
    nothing leads with ``en._UNLED_FIGURE``: no number part starts inside (or at the start
    of) an approximation, a sign or a currency, in any case, and what they make ends
    where ``en._may_be_led`` looks and begins no earlier than ``en._earliest_lead``."""
    approximations = [
        f"{case(approx)}{spaces}"
        for approx in en.APPROX_WORDS
        for case in (str, str.upper, str.title)
        for spaces in (" ", " \t\u3000 ")
    ]
    currencies = [f"{prefix}{space}" for prefix in en._PREFIXES for space in ("", " ")]
    leads = [
        approx + sign + currency
        for approx in ["", *approximations]
        for sign in ("", "-", "−")
        for currency in ["", *currencies]
    ]
    numbers = [part for part in en._FIGURE_PARTS if part in en._NUMBER_PARTS]
    inside = [
        lead
        for lead in leads
        for number in ("1", ".5", "one", "a million")
        for part in numbers
        if any(match.start() < len(lead) for match in part.finditer(lead + number))
    ]
    assert inside == []
    unseen = [
        lead for lead in leads if lead and not en._may_be_led(lead + "1", len(lead), approx=True)
    ]
    assert unseen == []
    before = "x" * 40
    too_late = [
        lead
        for lead in leads
        if en._earliest_lead(f"{before}{lead}1", len(before + lead)) > len(before)
    ]
    assert too_late == []


def test_english_numbers_part_by_part_outside_what_is_taken() -> None:
    """``en._FigureSearch`` skips the numbers that readers before it took (here, all the
    English readers but the numbers) as the whole pattern's matches would be skipped."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    before_numbers = [reader for reader in en.READERS if reader.name != "number"]
    for path in sorted((SHARED / "corpora").glob("wmt*/en.txt")):
        for text in path.read_text(encoding="utf-8").splitlines():
            taken = Occupied()
            read_in_turn(text, before_numbers, taken)
            search = en._FigureSearch(text, taken)
            assert _matches(search.search) == _untaken_matches(text, taken), text


def _alternations() -> list[tuple[str, Alternatives]]:
    return [
        (f"{module.__name__}.{name}", value)
        for module in (en, zh)
        for name, value in vars(module).items()
        if isinstance(value, Alternatives)
    ]


def test_alternatives_searched_one_by_one_find_what_the_alternation_finds() -> None:
    """``Alternatives.finditer`` against the alternation's own ``finditer``, on every line
    of the corpora, matches and groups alike."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    alternations = _alternations()
    assert len(alternations) >= 5
    wrong = []
    for _, text in _corpus_texts():
        for name, alternation in alternations:
            fast = [(m.span(), m.groupdict()) for m in alternation.finditer(text)]
            slow = [(m.span(), m.groupdict()) for m in alternation.whole.finditer(text)]
            if fast != slow:
                wrong.append((name, text))
    assert wrong == []


_ENGLISH_LEFTOVER = regex.compile(
    r"(?<![\p{L}0-9.])(?=[\p{L}0-9]*[0-9])(?=[\p{L}0-9]*\p{L})[\p{L}0-9]+"
)
"""The English leftover code as one pattern: a run of letters and digits, not after a full
stop, holding a digit and a letter (``names._LEFTOVER`` finds it with a faster pattern)."""


def test_english_leftover_codes_are_those_of_the_one_pattern() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    wrong = []
    for lang, text in _corpus_texts():
        if lang != "en":
            continue
        found = [(f.start, f.end) for f in names._leftover_codes(text, "en", Occupied())]
        expected = [
            m.span() for m in _ENGLISH_LEFTOVER.finditer(text) if names._LATIN.search(m.group())
        ]
        if found != expected:
            wrong.append(text)
    assert wrong == []


def test_texts_without_the_leftover_clue_hold_no_leftover_code() -> None:
    """``names.apply`` looks for leftover codes only in a text with their clue."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    turned_away, wrong = 0, []
    for lang, text in _corpus_texts():
        if names._LEFTOVER_CLUE[lang].search(text) is None:
            turned_away += 1
            if names._leftover_codes(text, lang, Occupied()):
                wrong.append(text)
    assert wrong == []
    assert turned_away


def test_forms_tried_where_they_start_find_what_their_patterns_find() -> None:
    """A form with ``starts`` is tried only at the start of a text and after its marks
    (``names._matches``): the matches its pattern finds searched for everywhere."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    started = {lang: [f for f in names.FORMS[lang] if f.starts is not None] for lang in READERS}
    assert started["en"]
    wrong = []
    for lang, text in _corpus_texts():
        for form in started[lang]:
            fast = [m.span() for m in names._matches(form, text)]
            if fast != [m.span() for m in form.pattern.finditer(text)]:
                wrong.append((form.name, text))
    assert wrong == []


def test_gates_open_as_each_gate_is_met() -> None:
    """``Gates.open`` checks a text's gates in one loop: as ``Needs.met`` checks each."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    registries = {"zh": (zh._GATES, names._GATES["zh"]), "en": (en._GATES, names._GATES["en"])}
    wrong = []
    for lang, text in _corpus_texts():
        clues = Clues.of(text)
        for gates in registries[lang]:
            if gates.open(text) != [needs.met(clues) for needs in gates.needs] + [True]:
                wrong.append((lang, text))
    assert wrong == []


def test_the_keywords_a_text_holds_are_those_found_in_it_one_by_one() -> None:
    """``KEYWORDS.held`` finds a text's words chunk by chunk: the words found in the
    whole text and the whole words among its runs of ``\\w``, on every line of the
    corpora (a line with a long chunk has none known)."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    words, whole = list(KEYWORDS.bits.items()), list(KEYWORDS.whole_bits.items())
    assert whole  # whole words are tested too
    wrong = []
    for _, text in _corpus_texts():
        clues = Clues.of(text)
        runs = set(regex.findall(r"\w+", clues.folded))
        found = sum(bit for word, bit in words if word in clues.folded)
        found += sum(bit for word, bit in whole if word in runs)
        if clues.held is not None and clues.held != found:
            wrong.append(text)
    assert wrong == []


def test_english_ordinals_without_ordinal_words_are_found_without_them() -> None:
    """``en._ordinals`` looks for digit ordinals alone where its word gate is closed: the
    same matches, with the same groups, as the whole pattern there."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    turned_away, wrong = 0, []
    for lang, text in _corpus_texts():
        if lang != "en" or en._ORDINAL_WORD_GATE.open(text)[0]:
            continue
        turned_away += 1
        whole = [(m.span(), m.group("digits", "no", "number")) for m in en._ORDINAL.finditer(text)]
        digit = [
            (m.span(), m.group("digits", "no", "number")) for m in en._DIGIT_ORDINAL.finditer(text)
        ]
        if whole != digit or any(m.group("word") for m in en._ORDINAL.finditer(text)):
            wrong.append(text)
    assert turned_away and wrong == []


def test_case_folding_keeps_word_characters_and_whitespace_parts_words() -> None:
    """What ``whole_words`` gates rest on: a run of ``\\w`` between word boundaries is one
    in the folded text too (folding makes no character a word character that was none,
    nor the other way round), and lies in one chunk (whitespace is no word character)."""
    word = regex.compile(r"\w")
    changed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        is_word = word.match(char) is not None
        if any((word.match(c) is not None) != is_word for c in char.casefold()):
            changed.append(char)
        if char.isspace() and is_word:
            changed.append(char)
    assert changed == []


def test_keywords_of_chunks_long_chunks_and_spaced_words() -> None:
    keywords = Keywords()
    one, first, colon, spaced = map(keywords.bit, ("one", "first", ":", "at least"))
    least, hours = keywords.bit("least"), keywords.bit("hours")
    assert keywords.held("someone came first, at 7:30") == one | first | colon
    assert keywords.held("at least 24hours") == least | spaced | hours
    assert keywords.held("at  least, atleast") == least  # "at least" is not there
    assert keywords.held("a" * 41 + " one") is None  # a chunk too long to keep
    assert keywords.held("one 中文 first") is None  # Chinese is tested word by word
    some = keywords.bit("some")  # a word given a bit after a chunk was kept is found there
    assert keywords.held("someone") == one | some
    whole_one = keywords.whole_bit("one")
    assert keywords.held("someone, (one)") == one | some | whole_one
    assert keywords.held("someone-else") == one | some


def test_gates_made_otherwise_than_by_of_open_word_by_word() -> None:
    needs = (one_of("level"), DIGIT)
    made = Gates(needs, (0, 1))
    for text in ("Level 3", "level", "3", "nothing"):
        assert made.open(text) == Gates.of(needs).open(text)


def test_gates_open_alike_with_or_without_a_digit_and_give_a_list_of_their_own() -> None:
    """``Gates.open`` keeps its answers by the words a text holds: a Chinese text's words
    are found (``WordFinder``) among those that can matter with or without a digit, and
    changing one answer changes no later one."""
    needs = (DIGIT.and_one_of("后"), one_of("年代", "年"), one_of("连胜"), digit_or("半"))
    gates = Gates.of(needs)
    for text in ("2020年后", "八十年代", "半年后", "三连胜", "1连胜", "后来", "无"):
        clues = Clues.of(text)
        assert gates.open(text) == [needs.met(clues) for needs in gates.needs] + [True], text
    answer = gates.open("2020年后")
    answer[0] = False
    assert gates.open("2020年后")[0]


def test_hours_of_day_a_gate_skips_hold_none_there() -> None:
    """``en._clocks`` tries each of ``en._HOURS_OF_DAY`` only where its gate opens."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    gates = en._HOURS_OF_DAY_GATES
    turned_away = [0] * len(en._HOURS_OF_DAY)
    wrong = []
    for lang, text in _corpus_texts():
        if lang != "en":
            continue
        opened = gates.open(text)
        for i, (pattern, gate) in enumerate(zip(en._HOURS_OF_DAY, gates.of_entry, strict=True)):
            if not opened[gate]:
                turned_away[i] += 1
                if pattern.search(text):
                    wrong.append((i, text))
    assert wrong == []
    gated = [i for i, gate in enumerate(gates.of_entry) if gate < len(gates.needs)]
    assert gated and all(turned_away[i] for i in gated)


_ONE_SUFFIX = regex.compile(
    r"(?:\s|-(?=\p{L}))?("
    + "|".join(regex.escape(n) for n in en._SUFFIX_ORDER)
    + r")(?![\p{L}\p{N}_])"
)
"""Every English unit word in one alternation after an optional lead, as
``en._suffix_at`` finds them with a pattern per first character."""


def _same_suffix(text: str, pos: int) -> bool:
    fast, slow = en._suffix_at(text, pos), _ONE_SUFFIX.match(text, pos)
    return (fast and (fast.group(1), fast.end())) == (slow and (slow.group(1), slow.end()))


@pytest.mark.parametrize(
    "text", ["3 km away", "a 3-day visit", "37 ℃ today", "5-km", "20sq km", "8 - hours", "9\tyuan"]
)
def test_english_unit_words_are_found_by_first_character_as_by_one_pattern(text: str) -> None:
    assert all(_same_suffix(text, pos) for pos in range(len(text) + 1))


def test_english_unit_words_by_first_character_on_the_corpora() -> None:
    """At every position after a digit, where numbers end, of every English corpus line."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    wrong = [
        (text, pos)
        for lang, text in _corpus_texts()
        if lang == "en"
        for pos in range(1, len(text) + 1)
        if text[pos - 1].isdigit() and not _same_suffix(text, pos)
    ]
    assert wrong == []


def test_a_number_holds_the_groups_of_its_match() -> None:
    """``en._Number.of`` reads the groups by position: they must be :data:`en.FIGURE`'s."""
    for text in [
        *NUMBERS,
        "five to six hundred",
        "a 2-0 lead",
        "RMB5bn to RMB6bn",
        "in 2019, 20190",
    ]:
        for match in en.FIGURE.finditer(text):
            number = en._Number.of(match)
            for name in en.FIGURE.groupindex:
                if name not in ("scale", "wscale"):
                    assert getattr(number, name) == match.group(name)
            scale_group = "scale" if match.group("digits") else "wscale"
            assert (number.scale, number.scale_group) == (match.group(scale_group), scale_group)
            core = "digits" if match.group("digits") else "words"
            assert number.core == match.span(core)
            assert number.year_like == bool(en._YEAR.match(match.group("digits") or ""))
