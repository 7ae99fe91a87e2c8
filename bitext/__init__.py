"""bitext: check Chinese→English translations of official bulletins.

The library is the product; the ``bitext`` command is a thin layer over it::

    >>> import bitext
    >>> report = bitext.check_text("投入56.28万元。 Invested RMB5.628 million.")
    >>> [(f.rule, f.severity.value, f.suggestion) for f in report.findings]
    [('figure-scale', 'error', 'RMB562,800')]
"""

from bitext.check import (
    CheckConfig,
    check_document,
    check_pair,
    check_paths,
    check_text,
    check_translation,
)
from bitext.model import *  # noqa: F403 (the types that travel between the stages)
from bitext.model import __all__ as _TYPES
from bitext.read import read_document
from bitext.version import __version__

__all__ = [
    *_TYPES,
    "CheckConfig",
    "__version__",
    "check_document",
    "check_pair",
    "check_paths",
    "check_text",
    "check_translation",
    "read_document",
]
