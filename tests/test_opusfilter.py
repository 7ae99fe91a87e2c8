"""bitext's figure check inside an OpusFilter pipeline (``module: bitext.opusfilter``).

The corpus is the first 36 lines of WMT21 newstest (Chinese original, English
reference A; ``../shared/corpora/wmt21-newstest-zhen``), copied into
``fixtures/opusfilter/`` with four figure errors injected in the English: line 7 "age
34" made 43, line 23 "35 million" made 3.5 million, line 28's date 2020-07-26 made
07-28, line 30 "more than 500" made 50. The ``opusfilter`` command itself runs the
configuration, as a user of OpusFilter would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES

pytest.importorskip(
    "opusfilter", reason="OpusFilter is not installed (pip install 'bitext[opusfilter]')"
)

from bitext.model import InputError
from bitext.opusfilter import FigureFilter

CORPUS = FIXTURES / "opusfilter"
INJECTED = (7, 23, 28, 30)
"""The lines whose English had a figure changed."""

CONFIG = """\
common:
  output_directory: {out}
steps:
  - type: filter
    parameters:
      inputs: [{corpus}/wmt21.zh, {corpus}/wmt21.en]
      outputs: [kept.zh, kept.en]
      filters:
        - FigureFilter: {parameters}
          module: bitext.opusfilter
  - type: score
    parameters:
      inputs: [{corpus}/wmt21.zh, {corpus}/wmt21.en]
      output: scores.jsonl
      filters:
        - FigureFilter: {{}}
          module: bitext.opusfilter
"""


def run_opusfilter(tmp_path: Path, parameters: str = "{}") -> Path:
    """Run the ``opusfilter`` command on :data:`CONFIG`; the output directory."""
    out = tmp_path / "out"
    config = tmp_path / "config.yaml"
    config.write_text(CONFIG.format(out=out, corpus=CORPUS, parameters=parameters))
    command = shutil.which("opusfilter", path=str(Path(sys.executable).parent))
    assert command, "the opusfilter command is installed with the package"
    done = subprocess.run(
        [command, str(config)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_opusfilter_drops_the_injected_errors_and_keeps_every_other_pair(
    tmp_path: Path,
) -> None:
    out = run_opusfilter(tmp_path)
    zh, en = lines(CORPUS / "wmt21.zh"), lines(CORPUS / "wmt21.en")
    kept = [n for n in range(1, len(zh) + 1) if n not in INJECTED]
    assert lines(out / "kept.zh") == [zh[n - 1] for n in kept]
    assert lines(out / "kept.en") == [en[n - 1] for n in kept]
    scores = [json.loads(line)["FigureFilter"] for line in lines(out / "scores.jsonl")]
    assert [n for n, score in enumerate(scores, 1) if score == "disagree"] == list(INJECTED)
    assert [n for n, score in enumerate(scores, 1) if score == "agree"] == [
        6, 8, 10, 14, 19, 20, 21, 27, 32, 33, 35, 36
    ]  # fmt: skip
    assert scores.count("no-figures") == 20
    assert "unverifiable" not in scores


def test_keep_names_the_verdicts_kept(tmp_path: Path) -> None:
    out = run_opusfilter(tmp_path, "{keep: [disagree]}")
    en = lines(CORPUS / "wmt21.en")
    assert lines(out / "kept.en") == [en[n - 1] for n in INJECTED]


def test_languages_say_which_side_is_chinese() -> None:
    pair = ("拨付资金2030万元。", "It allocated 203 million yuan.")
    swapped = FigureFilter(languages=["en", "zh"])
    assert list(swapped.score([pair[::-1]])) == list(FigureFilter().score([pair])) == ["disagree"]
    assert list(swapped.decisions([pair[::-1]])) == [False]


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        (
            {"keep": ["agree", "agreed"]},
            "FigureFilter: unknown verdict agreed in keep "
            "(choose from agree, disagree, no-figures, unverifiable)",
        ),
        (
            {"languages": ["zh", "fr"]},
            "FigureFilter: languages must be zh and en, not ['zh', 'fr']",
        ),
    ],
)
def test_a_wrong_parameter_is_one_line(parameters: dict[str, list[str]], message: str) -> None:
    with pytest.raises(InputError) as raised:
        FigureFilter(**parameters)
    assert str(raised.value) == message


def test_a_single_verdict_may_be_given_as_a_string() -> None:
    assert FigureFilter(keep="agree").keep == frozenset({"agree"})
