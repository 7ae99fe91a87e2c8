"""The benchmark bulletins with their scripts glued: pairing that does not lean on spaces.

    python benchmarks/glued.py [--sets dev dev-wmt21 dev-wmt22] [--keep DIR]

The benchmark bulletins put a space between each Chinese fragment and its English, as
most bulletins do. Text pasted together from two columns, OCR output and social posts
often do not: "…参观了工厂。The delegates then toured the plant.7月26日上午…". This
script copies each set with every run of spaces between a Chinese character (or CJK
punctuation or full-width form) and any other character removed, moves the answer keys'
offsets with the text, and scores the copy with ``score.py`` as it scores the original.
Both rows are printed side by side, so a rule that holds only for spaced text shows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"

_CJK = r"[\p{Han}\u3000-\u303f\uff00-\uffef]"
_SPACE_AT_SCRIPT_CHANGE = regex.compile(rf"(?<={_CJK})[ \t]+(?=\S)|(?<=\S)[ \t]+(?={_CJK})")


def glue(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces beside CJK characters, and where each old offset
    (0 to ``len(text)``) lands in it.

    >>> text, offsets = glue("工厂。 The plant. 7 月")
    >>> text, offsets[4], offsets[17]
    ('工厂。The plant. 7月', 3, 15)
    """
    dropped = {i for m in _SPACE_AT_SCRIPT_CHANGE.finditer(text) for i in range(*m.span())}
    kept: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        offsets.append(len(kept))
        if i not in dropped:
            kept.append(char)
    offsets.append(len(kept))
    return "".join(kept), offsets


def move_offsets(key: Any, offsets: list[int]) -> Any:
    """The answer key with every ``zh``/``en`` range moved to the glued text."""
    if isinstance(key, list):
        return [move_offsets(item, offsets) for item in key]
    if not isinstance(key, dict):
        return key
    return {
        name: [offsets[value[0]], offsets[value[1]]]
        if name in ("zh", "en") and isinstance(value, list)
        else move_offsets(value, offsets)
        for name, value in key.items()
    }


def glued_copy(bench: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(bench.glob("*.txt")):
        text, offsets = glue(source.read_text(encoding="utf-8"))
        key = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        (target / source.name).write_text(text, encoding="utf-8")
        moved = json.dumps(move_offsets(key, offsets), ensure_ascii=False)
        (target / source.with_suffix(".json").name).write_text(moved, encoding="utf-8")


def score(bench: Path) -> dict[str, Any]:
    bitext = f"{sys.executable} -m bitext check"
    command = [sys.executable, str(BENCH / "score.py"), str(bench), "--batch", "--bitext", bitext]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=["dev", "dev-wmt21", "dev-wmt22"])
    parser.add_argument("--keep", type=Path, help="write the glued copies here and keep them")
    args = parser.parse_args()
    columns = ("align_recall", "align_precision", "figure_recall", "alarms_per_100")
    print(f"{'set':<18}" + "".join(f"{c:>17}" for c in columns))
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        for name in args.sets:
            glued_copy(BENCH / name, base / name)
            for label, bench in ((name, BENCH / name), (f"{name} glued", base / name)):
                result = score(bench)
                print(f"{label:<18}" + "".join(f"{result[c]:>17}" for c in columns))


if __name__ == "__main__":
    main()
