#!/usr/bin/env python3
"""Choose rows for the MT evaluation set without asking bitext.

    python benchmarks/mt_eval/select_rows.py [--corpora DIR] [--seed 21] > rows.jsonl

A row is one Chinese line and one system's English output of it. A small reader of its
own (digits with thousand/million/billion and number words in English; digits with 万/亿
in Chinese) gives each side a set of values. Rows were chosen in four rounds of strata;
in rounds one, two and four each row comes from a Chinese line that no earlier stratum of
its corpus took. Round one:

- ``diff-ref``: the MT has a value found neither in the reference(s) nor in the Chinese,
  or lacks a value that the Chinese and a reference share. Systems are taken in turn, so
  every system is represented.
- ``random-figure``: a random line whose Chinese holds a figure (digits, 百分之, 倍, or a
  Chinese numeral before a magnitude or measure word), with a random system.

These gave few real errors (27 rows of 220), so round two added narrower strata:

- ``scale-suspect``: the MT has a value that neither the references nor the Chinese have
  but that is a power of ten (10 to 10^8) times one of theirs; one random qualifying
  system per line.
- ``mqm-major`` (WMT21): one of the 8 systems with Google's MQM scores, an average score
  of -5 or worse (a major error on average), and ``diff-ref``'s test.
- ``lost-suspect``: a value of at least 2 that the Chinese and every reference share is
  absent from the MT.
- ``short-output``: the MT is shorter than 0.6 times the shortest reference and the
  Chinese has a digit.

Those gave 94 rows with errors out of 386, mostly dropped figures, so round three took
rows of lines already used too (another system's output of the same line):

- ``scale-magnitude``: as ``scale-suspect`` but against the Chinese figures with 万/亿
  only, at most 3 systems per line.
- ``direction-suspect``: the Chinese has a rise word (增长, 上升 …) and the MT a fall word
  ("fell", "decrease" …) that no reference has, or the reverse; at most 2 systems per line.
- ``lost-suspect`` again, on lines no stratum took.

The labels showed MT turning a day of the month into an (often wrong) weekday, so round
four took:

- ``weekday-for-date``: the Chinese has a day (25日) and no weekday, the MT names a
  weekday that no reference names; at most 2 systems per line.
- ``lost-suspect`` once more, on lines no stratum took.

The strata of round one share one random generator (``--seed``); each later stratum has
its own, so adding a stratum never changes the rows before it. Output: one skeleton row a
line (``labels`` null, to be filled in by hand).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent.parent
CORPORA = {"wmt21": "wmt21-newstest-zhen", "wmt22": "wmt22-generaltest-zhen"}
MQM_FILE = "mqm/mqm_newstest2021_zhen.avg_seg_scores.tsv"

EN_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(thousand|million|billion|trillion)\b)?"
)
EN_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
EN_WORD = re.compile(r"\b(" + "|".join(EN_WORDS) + r")\b", re.IGNORECASE)
SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ZH_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(万亿|亿|万)?")
ZH_MAGNITUDE = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
ZH_FIGURE = re.compile(
    r"[0-9０-９]|百分之|倍|[一二两三四五六七八九十百千万亿几]+"
    r"(?:万|亿|成|个百分点|年|月|日|号|人|名|个|家|次|天|岁|项|种|位|件|条|座|所|元|米|吨|公里)"
)
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
POWERS = {Decimal(10) ** k for k in range(-8, 9) if k}
ZH_DAY = re.compile(r"\d+日")
ZH_WEEKDAY = re.compile(r"周[一二三四五六日]|星期")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
ZH_RISE = re.compile(r"增长|上升|提高|增加|上涨|增幅|回升|升至|涨")
ZH_FALL = re.compile(r"下降|减少|降低|下跌|降幅|回落|下滑|跌|降至|减")
EN_RISE = re.compile(
    r"\b(ris(e|es|ing)|rose|increas\w*|grow\w*|grew|up|gains?|higher|climb\w*)\b", re.I
)
EN_FALL = re.compile(
    r"\b(f[ae]ll\w*|declin\w*|decreas\w*|drop\w*|down|lower|shr[ai]nk\w*|reduc\w*|dip\w*)\b", re.I
)


class Row(NamedTuple):
    """One candidate: a system's output of one Chinese line, with the reference(s)."""

    system: str
    line: int
    zh: str
    mt: str
    references: list[str]


def sha(text: str) -> str:
    """First 12 hex digits of the SHA-256 of ``text`` in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def read_lines(path: Path) -> list[str]:
    """Lines of ``path`` split on LF only (a line may hold U+2028 and the like)."""
    return path.read_text(encoding="utf-8").removesuffix("\n").split("\n")


def en_values(text: str) -> Counter[Decimal]:
    """Values of the English figures: '3.8 million' → 3800000, 'twelve' → 12."""
    values: Counter[Decimal] = Counter()
    for whole, fraction, scale in EN_NUMBER.findall(text):
        value = Decimal(whole.replace(",", "") + fraction) * SCALE.get(scale.lower(), 1)
        values[value.normalize()] += 1
    for word in EN_WORD.findall(text):
        values[Decimal(EN_WORDS[word.lower()])] += 1
    return values


def zh_values(text: str) -> Counter[Decimal]:
    """Values of the Chinese digit figures: '387.75万' → 3877500 (and 387.75 itself)."""
    values: Counter[Decimal] = Counter()
    for digits, magnitude in ZH_NUMBER.findall(text.translate(FULL_WIDTH)):
        try:
            value = Decimal(digits.replace(",", ""))
        except InvalidOperation:
            continue
        values[(value * ZH_MAGNITUDE.get(magnitude, 1)).normalize()] += 1
        values[value.normalize()] += 1
    return values


def reference_values(row: Row) -> set[Decimal]:
    """Values found in any reference of ``row``."""
    return set().union(*(set(en_values(r)) for r in row.references))


def differs(row: Row) -> bool:
    """``diff-ref``: the MT has a value none of the reference(s) and the Chinese have, or
    lacks a value the Chinese and a reference share."""
    source = set(zh_values(row.zh))
    seen = set(en_values(row.mt))
    if seen - source - reference_values(row):
        return True
    return bool(reference_values(row) & source - seen)


def scale_suspect(row: Row) -> bool:
    """A value of the MT that no reference and not the Chinese has is a power of ten
    times one of theirs."""
    known = set(zh_values(row.zh)) | reference_values(row)
    new = set(en_values(row.mt)) - known
    return any(u and v / u in POWERS for v in new for u in known)


def magnitude_values(text: str) -> set[Decimal]:
    """Values of the Chinese digit figures written with 万 or 亿 ('387.75万' → 3877500)."""
    values = set()
    for digits, magnitude in ZH_NUMBER.findall(text.translate(FULL_WIDTH)):
        if magnitude:
            try:
                values.add((Decimal(digits.replace(",", "")) * ZH_MAGNITUDE[magnitude]).normalize())
            except InvalidOperation:
                continue
    return values


def scale_magnitude(row: Row) -> bool:
    """A value of the MT that no reference and not the Chinese has is a power of ten
    times a Chinese figure written with 万 or 亿."""
    new = set(en_values(row.mt)) - set(zh_values(row.zh)) - reference_values(row)
    return any(v / u in POWERS for v in new for u in magnitude_values(row.zh) if u)


def direction_suspect(row: Row) -> bool:
    """The Chinese says rise and the MT says fall where no reference does, or the reverse."""
    references = " ".join(row.references)
    fall = ZH_RISE.search(row.zh) and EN_FALL.search(row.mt) and not EN_FALL.search(references)
    rise = ZH_FALL.search(row.zh) and EN_RISE.search(row.mt) and not EN_RISE.search(references)
    return bool(fall or rise)


def weekday_for_date(row: Row) -> bool:
    """The Chinese gives a day of the month (25日) and no weekday; the MT names a weekday
    that no reference names."""
    if not ZH_DAY.search(row.zh) or ZH_WEEKDAY.search(row.zh):
        return False
    return bool(WEEKDAY.search(row.mt)) and not any(WEEKDAY.search(r) for r in row.references)


def lost_suspect(row: Row) -> bool:
    """A value of at least 2 that the Chinese and every reference share is not in the MT."""
    shared = set(zh_values(row.zh)).intersection(*(set(en_values(r)) for r in row.references))
    return any(v >= 2 for v in shared - set(en_values(row.mt)))


def short_output(row: Row) -> bool:
    """The MT is under 0.6 of the shortest reference and the Chinese has a digit."""
    return bool(zh_values(row.zh)) and len(row.mt) < 0.6 * min(map(len, row.references))


def mqm_major(scores: dict[tuple[str, int], float]) -> Callable[[Row], bool]:
    """Rows whose MQM average is -5 or worse and that pass ``differs``."""
    return lambda row: scores.get((row.system, row.line), 0.0) <= -5 and differs(row)


def read_mqm(corpora: Path) -> dict[tuple[str, int], float]:
    """(system, line) → average MQM score; the header is space-separated, rows are
    'system<TAB>score<SPACE>line'."""
    scores = {}
    for text in read_lines(corpora / MQM_FILE)[1:]:
        system, rest = text.split("\t")
        score, line = rest.split(" ")
        if score != "None":
            scores[system, int(line)] = float(score)
    return scores


def corpus_rows(corpora: Path, corpus: str) -> Iterator[Row]:
    """Every non-empty MT line of ``corpus`` whose Chinese has a figure."""
    folder = corpora / CORPORA[corpus]
    zh = read_lines(folder / "zh.txt")
    references = [read_lines(p) for p in sorted(folder.glob("en*.txt"))]
    for path in sorted((folder / "systems").glob("*.en")):
        mt = read_lines(path)
        for i, (source, output) in enumerate(zip(zh, mt, strict=True)):
            if output.strip() and ZH_FIGURE.search(source):
                yield Row(path.stem, i + 1, source, output, [r[i] for r in references])


class Taken(NamedTuple):
    """What a corpus has given so far: Chinese lines, and (line, system) rows."""

    lines: set[int]
    rows: set[tuple[int, str]]

    def add(self, chosen: list[Row]) -> None:
        self.lines.update(row.line for row in chosen)
        self.rows.update((row.line, row.system) for row in chosen)


def pick_in_turn(
    rows: list[Row], test: Callable[[Row], bool], quota: int, taken: Taken, rng: random.Random
) -> list[Row]:
    """``quota`` rows passing ``test``, systems in turn, one row per unused Chinese line."""
    used = taken.lines
    by_system: dict[str, list[Row]] = {}
    for row in rows:
        if row.line not in used and test(row):
            by_system.setdefault(row.system, []).append(row)
    for candidates in by_system.values():
        rng.shuffle(candidates)
    chosen: list[Row] = []
    while len(chosen) < quota and any(by_system.values()):
        for candidates in by_system.values():
            while candidates and candidates[-1].line in used:
                candidates.pop()
            if candidates and len(chosen) < quota:
                chosen.append(candidates.pop())
                taken.add(chosen[-1:])
    return chosen


def pick_by_line(
    rows: list[Row], test: Callable[[Row], bool], quota: int, taken: Taken, rng: random.Random
) -> list[Row]:
    """``quota`` random unused lines with a row passing ``test``, a random such row each."""
    by_line: dict[int, list[Row]] = {}
    for row in rows:
        if row.line not in taken.lines and test(row):
            by_line.setdefault(row.line, []).append(row)
    lines = sorted(by_line)
    rng.shuffle(lines)
    chosen = [rng.choice(by_line[line]) for line in lines[:quota]]
    taken.add(chosen)
    return chosen


def pick_per_line(per_line: int) -> Callable[..., list[Row]]:
    """A picker of ``quota`` random rows passing ``test``, at most ``per_line`` systems a
    line, on used lines too (rows not taken yet)."""

    def pick(
        rows: list[Row], test: Callable[[Row], bool], quota: int, taken: Taken, rng: random.Random
    ) -> list[Row]:
        by_line: dict[int, list[Row]] = {}
        for row in rows:
            if (row.line, row.system) not in taken.rows and test(row):
                by_line.setdefault(row.line, []).append(row)
        chosen = []
        for line in sorted(by_line):
            rng.shuffle(by_line[line])
            chosen.extend(by_line[line][:per_line])
        rng.shuffle(chosen)
        taken.add(chosen[:quota])
        return chosen[:quota]

    return pick


class Stratum(NamedTuple):
    """One stratum of the selection: rows of ``corpus`` passing ``test``, taken by ``picker``."""

    round: int
    corpus: str
    name: str
    picker: Callable[..., list[Row]]
    test: Callable[[Row], bool]
    quota: int


def strata(corpora: Path) -> list[Stratum]:
    """The strata in selection order, round by round."""
    mqm = mqm_major(read_mqm(corpora))
    return [
        Stratum(1, "wmt21", "diff-ref", pick_in_turn, differs, 75),
        Stratum(1, "wmt21", "random-figure", pick_by_line, bool, 50),
        Stratum(1, "wmt22", "diff-ref", pick_in_turn, differs, 55),
        Stratum(1, "wmt22", "random-figure", pick_by_line, bool, 40),
        Stratum(2, "wmt21", "scale-suspect", pick_by_line, scale_suspect, 60),
        Stratum(2, "wmt22", "scale-suspect", pick_by_line, scale_suspect, 60),
        Stratum(2, "wmt21", "mqm-major", pick_in_turn, mqm, 25),
        Stratum(2, "wmt21", "lost-suspect", pick_in_turn, lost_suspect, 40),
        Stratum(2, "wmt22", "lost-suspect", pick_in_turn, lost_suspect, 25),
        Stratum(2, "wmt21", "short-output", pick_by_line, short_output, 20),
        Stratum(2, "wmt22", "short-output", pick_by_line, short_output, 12),
        Stratum(3, "wmt21", "scale-magnitude", pick_per_line(3), scale_magnitude, 30),
        Stratum(3, "wmt22", "scale-magnitude", pick_per_line(3), scale_magnitude, 30),
        Stratum(3, "wmt21", "direction-suspect", pick_per_line(2), direction_suspect, 16),
        Stratum(3, "wmt22", "direction-suspect", pick_per_line(2), direction_suspect, 4),
        Stratum(3, "wmt21", "lost-suspect", pick_in_turn, lost_suspect, 60),
        Stratum(3, "wmt22", "lost-suspect", pick_in_turn, lost_suspect, 20),
        Stratum(4, "wmt21", "weekday-for-date", pick_per_line(2), weekday_for_date, 20),
        Stratum(4, "wmt22", "weekday-for-date", pick_per_line(2), weekday_for_date, 20),
        Stratum(4, "wmt21", "lost-suspect", pick_in_turn, lost_suspect, 50),
    ]


def generator(seed: int, stratum: Stratum, shared: random.Random) -> random.Random:
    """The shared generator in round 1, then one per stratum (and round)."""
    if stratum.round == 1:
        return shared
    suffix = "" if stratum.round == 2 else f"-{stratum.round}"
    return random.Random(f"{seed}-{stratum.corpus}-{stratum.name}{suffix}")


def skeleton(corpus: str, selection: str, row: Row) -> dict:
    """The row as ``labels.jsonl`` holds it, labels still to be written."""
    return {
        "id": f"{corpus}-{row.line}-{row.system}",
        "corpus": corpus,
        "system": row.system,
        "line": row.line,
        "selection": selection,
        "zh_sha": sha(row.zh),
        "en_sha": sha(row.mt),
        "labels": None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    shared_rng = random.Random(args.seed)
    rows = {corpus: list(corpus_rows(args.corpora, corpus)) for corpus in CORPORA}
    taken = {corpus: Taken(set(), set()) for corpus in CORPORA}
    for stratum in strata(args.corpora):
        rng = generator(args.seed, stratum, shared_rng)
        chosen = stratum.picker(
            rows[stratum.corpus], stratum.test, stratum.quota, taken[stratum.corpus], rng
        )
        for row in sorted(chosen, key=lambda r: (r.line, r.system)):
            json.dump(skeleton(stratum.corpus, stratum.name, row), sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")


if __name__ == "__main__":
    main()
