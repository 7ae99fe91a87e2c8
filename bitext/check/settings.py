"""What ``check`` can be told: :class:`CheckConfig`, and the signature that records it.

The pipeline imports this module; nothing here imports the pipeline, so the command line,
config files and library callers all build the same :class:`CheckConfig`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from bitext.align import MIN_CONFIDENCE, AlignParams
from bitext.clean import DEFAULT_RULES
from bitext.clean import signature as clean_signature
from bitext.model import Severity
from bitext.version import __version__


class CheckConfig(NamedTuple):
    """Everything that changes what ``check`` reports."""

    clean_rules: tuple[str, ...] = DEFAULT_RULES
    align: AlignParams = AlignParams()
    min_confidence: float = 0.2
    """Pairs the aligner believes less than this are not compared figure by figure."""
    min_pair_confidence: float = MIN_CONFIDENCE
    """The same for a translation checked as two files (``--pair``): the two-file
    aligner's confidence has a scale of its own (:mod:`bitext.align.parallel`)."""
    disabled: frozenset[str] = frozenset()
    """Rules not reported."""
    severity: tuple[tuple[str, Severity], ...] = ()
    """(rule, severity) pairs, sorted, that override the rules' default severities."""
    tolerance: Decimal = Decimal(0)
    """Amounts whose relative difference is at most this agree; 0 wants the same value
    (up to the rounding the English shows). See :func:`bitext.figures.compare.relate`."""


DEFAULT_CONFIG = CheckConfig()


def signature(config: CheckConfig = DEFAULT_CONFIG) -> str:
    """A reproducibility signature, as sacrebleu prints for its metrics: every setting
    that changes what is reported. Settings left at their defaults are not listed, so the
    usual signature stays short and a configured run cannot pass for a default one.

    >>> config = CheckConfig(disabled=frozenset({"figure-extra"}), tolerance=Decimal("0.01"))
    >>> signature(config).split("|")[2:]
    ['align:mixed-dp', 'min-confidence:0.2', 'disable:figure-extra', 'tolerance:0.01']
    >>> signature(CheckConfig(align=AlignParams(ratio=3.0))).split("|")[2]
    'align:mixed-dp(ratio=3.0)'
    """
    parts = [
        f"bitext:{__version__}",
        f"clean:{clean_signature(config.clean_rules)}",
        f"align:mixed-dp{_changed(config.align, AlignParams())}",
        f"min-confidence:{config.min_confidence}",
    ]
    if config.min_pair_confidence != MIN_CONFIDENCE:
        parts.append(f"min-pair-confidence:{config.min_pair_confidence}")
    if config.disabled:
        parts.append("disable:" + "+".join(sorted(config.disabled)))
    if config.severity:
        parts.append("severity:" + "+".join(f"{r}={s.value}" for r, s in config.severity))
    if config.tolerance:
        parts.append(f"tolerance:{config.tolerance}")
    return "|".join(parts)


def _changed(params: NamedTuple, default: NamedTuple) -> str:
    """The parameters that differ from their defaults, as ``(name=value,…)``, or ""."""
    changed = [
        f"{name}={value}"
        for name, value, usual in zip(params._fields, params, default, strict=True)
        if value != usual
    ]
    return f"({','.join(changed)})" if changed else ""
