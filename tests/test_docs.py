"""The docs cannot go stale: generated pages match the code, every example prints what the
docs show, the site builds with ``mkdocs build --strict``, and every link and path resolves.

An example is a fenced block whose first line starts with ``$ bitext``. Each ``$`` line is
a command (optionally piped through ``head -N`` or ``tail -N``), run from the repository
root through click's ``CliRunner`` at 80 columns; the lines after it, up to the next ``$``
line, are its output (stdout and stderr as a terminal shows them). A line that is only
``…`` stands for any number of lines. A ``pycon`` block is run as a doctest.

``BITEXT_UPDATE_GOLDENS=1`` rewrites the output of every example without a ``…`` line;
``python docs/gen_reference.py`` rewrites the generated pages.
"""

from __future__ import annotations

import doctest
import functools
import importlib
import importlib.util
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import click
import pytest
from click.testing import CliRunner

from bitext.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
PAGES = [README, *sorted(DOCS.rglob("*.md"))]
UPDATE = os.environ.get("BITEXT_UPDATE_GOLDENS") == "1"

SETUP_COMMANDS = [
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/bitext check seeds/panzhou.txt",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
]
"""The README's set-up commands; CI (``.ci/run``) runs the second one as written."""

ELLIPSIS = "…"


@functools.cache
def _generator() -> ModuleType:
    """``docs/gen_reference.py``, loaded once."""
    spec = importlib.util.spec_from_file_location("gen_reference", DOCS / "gen_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --- reading Markdown ---------------------------------------------------------------------


class Block(NamedTuple):
    path: Path
    line: int
    """1-based line of the block's first content line."""
    info: str
    body: list[str]


_FENCE = re.compile(r"^(`{3,}|~{3,})\s*([^`]*)$")


def blocks(path: Path) -> Iterator[Block]:
    """The fenced code blocks of a Markdown file (not indented ones)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        fence, info = match.groups()
        end = index + 1
        while end < len(lines) and lines[end].rstrip() != fence:
            end += 1
        yield Block(path, index + 2, info.strip(), lines[index + 1 : end])
        index = end + 1


def prose(path: Path) -> str:
    """The file's text outside fenced blocks."""
    text = path.read_text(encoding="utf-8").split("\n")
    inside = set()
    for block in blocks(path):
        inside.update(range(block.line - 2, block.line + len(block.body)))
    return "\n".join(line for number, line in enumerate(text) if number not in inside)


# --- examples -----------------------------------------------------------------------------


class Example(NamedTuple):
    path: Path
    line: int
    command: str
    expected: list[str]


def examples() -> Iterator[Example]:
    for block in (b for page in PAGES for b in blocks(page)):
        if not block.body or not block.body[0].startswith("$ bitext"):
            continue
        for offset, text in enumerate(block.body):
            if text.startswith("$ "):
                expected = []
                for line in block.body[offset + 1 :]:
                    if line.startswith("$ "):
                        break
                    expected.append(line)
                yield Example(block.path, block.line + offset, text[2:], expected)


EXAMPLES = list(examples())

_PIPE = re.compile(r"\s*\|\s*(head|tail) -(\d+)$")


def run_example(command: str) -> str:
    """What ``command`` (``bitext ARGS [| head -N | tail -N]``) prints at 80 columns."""
    pipes = []
    while match := _PIPE.search(command):
        pipes.insert(0, (match.group(1), int(match.group(2))))
        command = command[: match.start()]
    words = shlex.split(command)
    assert words[0] == "bitext", f"an example runs bitext, not {words[0]!r}"
    result = CliRunner(env={"COLUMNS": "80"}).invoke(
        main, words[1:], prog_name="bitext", terminal_width=80
    )
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    lines = result.output.splitlines()
    for tool, count in pipes:
        lines = lines[:count] if tool == "head" else lines[-count:]
    return "\n".join(lines)


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` with each ``…`` line standing for any lines."""
    if not expected:
        return not actual
    if expected[0] == ELLIPSIS:
        return any(matches(expected[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def _update(example: Example, output: str) -> None:
    """Write ``output`` into the docs as ``example``'s output."""
    lines = example.path.read_text(encoding="utf-8").split("\n")
    size = len(example.expected)
    start = next(  # the line after the command; an earlier update may have moved it
        index + 1
        for index, line in enumerate(lines)
        if line == f"$ {example.command}"
        and lines[index + 1 : index + 1 + size] == example.expected
    )
    lines[start : start + size] = output.split("\n") if output else []
    example.path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{_id(e.path)}:{e.line}" for e in EXAMPLES])
def test_example_prints_what_the_docs_show(
    example: Example, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    output = run_example(example.command)
    if UPDATE and ELLIPSIS not in example.expected and output.split("\n") != example.expected:
        _update(example, output)
        pytest.skip("output rewritten; run again")
    assert matches(example.expected, output.split("\n") if output else []), (
        f"{_id(example.path)}:{example.line}: `{example.command}` prints:\n{output}"
    )


def test_the_examples_are_found() -> None:
    """The README's example and one per command are among the examples run."""
    commands = {e.command.split()[1] for e in EXAMPLES}
    assert {"check", "clean", "align", "rules"} <= commands
    assert any(e.path == README and e.command == "bitext check seeds/panzhou.txt" for e in EXAMPLES)


def test_the_wildcard_matches_whole_lines_only() -> None:
    assert matches(["a", ELLIPSIS, "d"], ["a", "b", "c", "d"])
    assert matches(["a", ELLIPSIS, "b"], ["a", "b"])
    assert not matches(["a", ELLIPSIS, "d"], ["a", "b", "c"])
    assert not matches(["a …"], ["a b"])
    assert not matches(["a"], ["a", "b"])


PYCON = [b for page in PAGES for b in blocks(page) if b.info == "pycon"]


@pytest.mark.parametrize("block", PYCON, ids=[f"{_id(b.path)}:{b.line}" for b in PYCON])
def test_python_example_prints_what_the_docs_show(
    block: Block, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(
        "\n".join(block.body), {}, _id(block.path), str(block.path), block.line - 1
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


# --- generated pages ----------------------------------------------------------------------


def test_generated_pages_are_up_to_date() -> None:
    stale = [_id(path) for path in _generator().stale_files()]
    assert stale == [], f"stale: {stale}; run python docs/gen_reference.py"


def test_generator_check_names_a_stale_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    generator = _generator()
    page = tmp_path / "rules.md"
    page.write_text("# Rules\n\nout of date\n", encoding="utf-8")
    monkeypatch.setattr(generator, "ROOT", tmp_path)
    monkeypatch.setattr(generator, "DOCS", tmp_path)
    monkeypatch.setattr(generator, "PAGES", {"rules.md": generator.rules_page})
    monkeypatch.setattr(generator, "SECTIONS", {})
    assert generator.main(["--check"]) == 1
    assert "stale: rules.md" in capsys.readouterr().out
    assert generator.main([]) == 0
    assert generator.main(["--check"]) == 0


def test_every_import_arrow_points_down_the_layers() -> None:
    generator = _generator()
    edges = generator.import_edges()
    assert ("cli", "check") in edges
    assert all(generator._layer(a) > generator._layer(b) for a, b in edges)
    graph = generator.import_graph()
    assert graph.count("-->") == len(edges)


def test_the_cli_reference_covers_every_command() -> None:
    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## `bitext {name}`" in page


def _documented_options(page: str, command: str) -> set[str]:
    """The options named in the first column of the tables under ``## `bitext COMMAND```."""
    section = page.split(f"## `bitext {command}`", 1)[1].split("\n## ", 1)[0]
    found: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `-"):
            first = line.split(" | ", 1)[0]
            found.update(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", first))
    return found


@pytest.mark.parametrize("command", sorted(main.commands))
def test_the_commands_page_explains_every_option(command: str) -> None:
    page = (DOCS / "commands.md").read_text(encoding="utf-8")
    options = {
        opt
        for param in main.commands[command].params
        if isinstance(param, click.Option) and param.name != "help"
        for opt in param.opts
    }
    assert _documented_options(page, command) == options


# --- the README ---------------------------------------------------------------------------


def test_readme_is_short_and_starts_with_title_and_setup() -> None:
    text = README.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) < 200
    assert lines[0] == "# bitext"
    first = next(blocks(README))
    assert first.line == 4  # right after the title and a blank line
    assert first.info == "sh"
    assert first.body == SETUP_COMMANDS


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert SETUP_COMMANDS[1] in ci


def test_docs_tell_no_project_history() -> None:
    history = re.compile(
        r"\bstop \d+|\bthe \w+ issue\b|\bbefore this (stop|change)|\bat [0-9a-f]{7}\b"
        r"|\bcommit [0-9a-f]{7}",
        re.IGNORECASE,
    )
    found = [
        f"{_id(page)}: {match.group(0)}"
        for page in PAGES
        for match in history.finditer(page.read_text(encoding="utf-8"))
    ]
    assert found == []


# --- links and names ----------------------------------------------------------------------

_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`\n]+)`")
_REPO_PATH = re.compile(r"^(?:bitext|benchmarks|fixtures|tests|seeds|docs)/[\w./-]*$")
_DOTTED = re.compile(r"^bitext(?:\.\w+)+$")
_FILE_NAME = re.compile(r"\.(?:toml|txt|json|md|py|yaml|yml|sarif|tmx|xlf)$")


def _links(path: Path) -> Iterator[str]:
    yield from _LINK.findall(_CODE.sub("", prose(path)))


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_every_relative_link_resolves(page: Path) -> None:
    broken = [
        target
        for target in _links(page)
        if not re.match(r"^[a-z]+:|^#", target)
        and not (page.parent / target.split("#", 1)[0]).exists()
    ]
    assert broken == []


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            return False
        return True
    return False


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_every_path_and_name_in_the_docs_exists(page: Path) -> None:
    """`bitext/figures/units.py` and `bitext.figures.READERS` in a page are real."""
    spans = _CODE.findall(prose(page))
    missing = [span for span in spans if _REPO_PATH.match(span) and not (ROOT / span).exists()]
    unknown = [
        span
        for span in spans
        if _DOTTED.match(span) and not _FILE_NAME.search(span) and not _resolves(span)
    ]
    assert missing == [] and unknown == []


# --- the site -----------------------------------------------------------------------------


def test_mkdocs_build_strict_is_clean(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "rules" / "index.html").exists()
