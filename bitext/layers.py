"""The order of bitext's parts, bottom to top: each may import only those below it.

The folder list shows the pipeline, and this table says it in code: the stages in the
order data flows through them, the services beside them, then reports, exports and the
command line. ``tests/test_layers.py`` fails when a module imports one above it (or a
neighbour in its own layer), and ``docs/gen_reference.py`` draws the import graph from
the same table.

>>> layer_of("bitext.align.mixed"), layer_of("bitext.figures")
(6, 5)
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, ...], ...] = (
    ("model", "version", "hans"),
    ("read", "atomic"),
    ("cache",),
    ("clean",),
    ("segment",),
    ("figures",),
    ("align",),
    ("check",),
    ("report", "export", "fix", "corpus"),
    ("review", "opusfilter"),
    ("cli",),
    ("__init__", "__main__", "layers"),
)
"""Top-level modules and packages of ``bitext``, one tuple per layer, bottom first."""


def part_of(module: str) -> str:
    """The top-level part of ``bitext`` that ``module`` (a dotted name) belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(module: str) -> int:
    """The layer of ``module``; a part missing from :data:`LAYERS` is an error."""
    part = part_of(module)
    for index, layer in enumerate(LAYERS):
        if part in layer:
            return index
    raise KeyError(f"{module}: add {part!r} to bitext.layers.LAYERS")
