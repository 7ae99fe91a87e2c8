"""bitext: check Chinese→English translations of official bulletins.

The library is the product; the ``bitext`` command is a thin layer over it::

    >>> import bitext
    >>> report = bitext.check_text("投入56.28万元。 Invested RMB5.628 million.")
    >>> [(f.rule, f.severity.value, f.suggestion) for f in report.findings]
    [('figure-scale', 'error', 'RMB562,800')]
"""

from bitext.check import CheckConfig, check_document, check_pair, check_paths, check_text
from bitext.model import (
    Approx,
    BitextError,
    Document,
    Figure,
    FileReport,
    Finding,
    InputError,
    Kind,
    Pair,
    Report,
    Severity,
    Span,
)
from bitext.read import read_document
from bitext.version import __version__

__all__ = [
    "Approx",
    "BitextError",
    "CheckConfig",
    "Document",
    "Figure",
    "FileReport",
    "Finding",
    "InputError",
    "Kind",
    "Pair",
    "Report",
    "Severity",
    "Span",
    "__version__",
    "check_document",
    "check_pair",
    "check_paths",
    "check_text",
    "read_document",
]
