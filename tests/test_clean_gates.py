"""The cleaning rules' gates (``rules._only_if``) are necessary conditions.

A gate lets a rule skip a text that cannot hold its damage. If a gate were wrong, damage
would silently stay, so every gated rule must find, on every text its gate turns away,
exactly what it finds without its gate: on the corpora, on the golden cases and on
random text made of the characters the rules look at. The width rule's filter of
full-width punctuation (:data:`rules._FULL_WIDTH_PUNCT_OFF_CHINESE`) and the GBK repair's
early refusal (:data:`rules._NEVER_LOST`) are held to the same standard.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.clean import RULES, rules

from .conftest import FIXTURES, SEEDS, SHARED

GATES: dict[Callable[[str], list[rules.Edit]], Callable[[str], object]] = {
    rules.mojibake: rules._unusual_characters,
    rules.zh_punctuation: rules._HALF_WIDTH_AFTER_CHINESE.search,
    rules.cjk_digit_spacing: rules._spaces_a_number,
    rules.en_space_before_punctuation: rules._spaced_punctuation,
    rules.digit_grouping: rules._SPLIT_GROUP.search,
    rules.hard_wraps: rules._has_four_lines,
    rules.invisible: rules._odd_characters,
    rules.spaces: rules._odd_characters,
    rules.newlines: rules._CARRIAGE_RETURN.search,
}
"""Each gated rule and its gate."""
GATED = list(GATES)

ALPHABET = list(
    "盘州市万元人，。、；：（）“”‘’「」《》％．４５０ＧＤＰ！？：；（）"
    "ab Zx09 12,.;:!?%()'\"-\t\n\r\u3000\u00a0\u200b\ufffdæ‰¶è鎵惰传"
)


def _texts() -> Iterator[str]:
    """Every line of the WMT corpora, each WMT pair as check_pair cleans it, the golden
    cases and the seeds."""
    corpora = SHARED / "corpora"
    for directory in sorted(corpora.glob("wmt*")):
        zh = (directory / "zh.txt").read_text(encoding="utf-8").splitlines()
        en = (directory / "en.txt").read_text(encoding="utf-8").splitlines()
        yield from zh
        yield from en
        yield from (f"{a}\n\n{b}" for a, b in zip(zh, en, strict=False))
    cases = json.loads((FIXTURES / "clean" / "cases.json").read_text(encoding="utf-8"))
    yield from (case["input"] for case in cases)
    yield from (path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))


def _disagreeing(text: str) -> list[str]:
    """The gated rules that find something else with their gate than without it."""
    return [rule.__name__ for rule in GATED if rule(text) != rule.__wrapped__(text)]  # type: ignore[attr-defined]


def test_every_gated_rule_is_listed() -> None:
    assert [name for name, rule in RULES.items() if hasattr(rule.find, "__wrapped__")] == [
        name for name, rule in RULES.items() if rule.find in GATES
    ]


def test_no_gate_turns_away_a_text_its_rule_would_edit() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("needs ../shared/corpora")
    texts = list(_texts())
    assert [(text, wrong) for text in texts if (wrong := _disagreeing(text))] == []
    # Each gate was put to the test: it turned texts away (a gate no text fails is dead).
    assert [rule.__name__ for rule, needed in GATES.items() if all(map(needed, texts))] == []


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_no_gate_turns_away_random_damage(text: str) -> None:
    assert _disagreeing(text) == []


def _full_width_punctuation_found(text: str) -> list[tuple[int, bool]]:
    """Where the width rule would turn full-width punctuation into ASCII were every mark
    looked at (as before the filter), and whether the filter lets that mark through."""
    kept = {m.start() for m in rules._FULL_WIDTH_PUNCT_OFF_CHINESE.finditer(text)}
    neighbours = rules._Neighbours(text)
    found = []
    for match in rules._FULL_WIDTH_PUNCT.finditer(text):
        before, after = neighbours.before(match.start()), neighbours.after(match.end())
        if rules._is_english_context(before, after):
            found.append((match.start(), match.start() in kept))
    return found


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_the_width_filter_keeps_every_mark_in_english(text: str) -> None:
    assert all(kept for _, kept in _full_width_punctuation_found(text))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_the_width_rule_looks_at_what_two_scans_found(text: str) -> None:
    # One scan finds the runs of full-width letters and digits and the marks off Chinese.
    found = [
        (m.span(), m.group("alnum") is None) for m in rules._FULL_WIDTH_TO_LOOK_AT.finditer(text)
    ]
    alnum = regex.finditer(f"{rules._FULL_WIDTH_ALNUM}+", text)
    marks = rules._FULL_WIDTH_PUNCT_OFF_CHINESE.finditer(text)
    assert found == sorted([(m.span(), False) for m in alnum] + [(m.span(), True) for m in marks])


def test_the_width_filter_keeps_the_mark_between_english_words() -> None:
    assert _full_width_punctuation_found("Panzhou，457 people；盘州，") == [(7, True)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), min_size=2, max_size=12))
def test_a_byte_never_lost_proves_a_stray_byte(run: str) -> None:
    data = rules._gbk_bytes(run)
    decoded = data.decode("utf-8", "surrogateescape")
    if rules._NEVER_LOST.search(decoded):
        assert rules._STRAY_BYTE.search(rules._LOST_CHARACTER.sub("\ufffd", decoded))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), min_size=2, max_size=12))
def test_a_run_the_first_character_turns_away_is_never_repaired(run: str) -> None:
    if not rules._may_start_utf8(run[0]):
        assert rules._repaired(run) is None


def test_every_gbk_character_the_first_character_turns_away_starts_no_repair() -> None:
    # Whatever follows it: the byte after a two- or four-byte lead is the character's own.
    refused = [c for c in map(chr, range(0x10000)) if rules._gbk_run().fullmatch(c * 2)]
    refused = [c for c in refused if not rules._may_start_utf8(c)]
    assert refused
    assert [c for c in refused if rules._repaired(c + "鐩樺窞") is not None] == []


def _decoded_from_two_bytes() -> set[str]:
    """Each character a GB18030 decoder (GBK's two-byte codes and more) makes of two bytes."""
    characters = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                characters.add(bytes((lead, trail)).decode("gb18030"))
            except UnicodeDecodeError:
                continue
    return characters


def test_the_gbk_class_written_out_is_the_codecs() -> None:
    written = {chr(code) for code in range(0x10000) if rules._gbk_run().fullmatch(chr(code) * 2)}
    assert written == _decoded_from_two_bytes() | {"\ufffd"}


def test_the_gbk_bytes_mark_each_lost_byte_as_ff() -> None:
    marked = "鎵".encode("gb18030") + b"\xff" + "惰".encode("gb18030")
    assert rules._gbk_bytes("鎵\ufffd惰") == marked
    assert rules._gbk_bytes("鎵惰") == "鎵惰".encode("gb18030")


def test_each_gate_turns_a_plain_pair_away_and_lets_its_damage_through() -> None:
    plain = "盘州市投入扶贫资金457万元。\n\nPanzhou invested 4.57 million yuan."
    assert not any(needed(plain) for needed in GATES.values())
    damaged = {
        rules.mojibake: "æ‰¶è´«",
        rules.zh_punctuation: "机制,切实",
        rules.cjk_digit_spacing: "大连市 6 家",
        rules.en_space_before_punctuation: "Panzhou , 457",
        rules.digit_grouping: "4, 000",
        rules.hard_wraps: "a\nb\nc\nd",
        rules.invisible: "扶\u200b贫",
        rules.spaces: "a\u00a0b",
        rules.newlines: "a\r\nb",
    }
    assert all(GATES[rule](text) for rule, text in damaged.items())


def test_each_broader_gate_lets_through_every_text_its_narrower_gate_does() -> None:
    # clean skips a gate whose broader gate (``within``) turned the text away. Both look
    # for one character, so what holds for each character holds for every text.
    narrowed = [rule for rule in GATED if rule.within is not None]  # type: ignore[attr-defined]
    assert narrowed
    for rule in narrowed:
        through = [chr(code) for code in range(0x110000) if rule.needed(chr(code))]  # type: ignore[attr-defined]
        assert through and all(map(rule.within, through))  # type: ignore[attr-defined]
