"""The package's imports point down the pipeline (bitext.layers.LAYERS), and the
pipeline calls each stage through its package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bitext.layers import LAYERS, layer_of, part_of

PACKAGE = Path(__file__).resolve().parent.parent / "bitext"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every ``bitext`` import in ``path``, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, n) for n in names if n == "bitext" or n.startswith("bitext.")]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_one_above_it_or_beside_it(path: Path) -> None:
    module = _module_name(path)
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line} imports {imported}"
        for line, imported in _imports(path)
        if part_of(imported) != part_of(module)
        and layer_of(imported) >= layer_of(module)
        and part_of(module) not in ("__init__", "__main__")
    ]
    assert wrong == []


def test_no_module_imports_the_public_api() -> None:
    importers = [
        str(path.relative_to(PACKAGE))
        for path in MODULES
        if any(imported == "bitext" for _, imported in _imports(path))
    ]
    assert importers == []


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    parts -= {"data", "__pycache__"}
    listed = {part for layer in LAYERS for part in layer}
    assert parts == listed


@pytest.mark.parametrize("stage", ["read", "clean", "segment", "figures", "align"])
def test_the_pipeline_calls_each_stage_through_its_package(stage: str) -> None:
    pipeline = PACKAGE / "check" / "pipeline.py"
    imported = {m for _, m in _imports(pipeline) if part_of(m) == stage}
    assert imported == {f"bitext.{stage}"}


def test_a_module_above_is_caught() -> None:
    """The check itself can fail: figures importing the aligner is upward."""
    assert layer_of("bitext.align.signals") > layer_of("bitext.figures.compare")
    assert layer_of("bitext.check.judge") > layer_of("bitext.align.cuts")
    with pytest.raises(KeyError, match="add 'nowhere'"):
        layer_of("bitext.nowhere.module")
