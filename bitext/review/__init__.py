"""``bitext review``: step through a file's findings, fix or accept each, save.

:mod:`bitext.review.session` is the review as a library (no user interface), and
:mod:`bitext.review.view` draws its parts with rich; ``bitext.review.app`` is the
Textual application over them, imported only by the command, so nothing else loads
Textual.
"""

from bitext.review.session import (
    ACCEPT_MODES,
    DEFAULT_BASELINE,
    Action,
    Refused,
    ReviewSession,
    review_file,
)

__all__ = [
    "ACCEPT_MODES",
    "DEFAULT_BASELINE",
    "Action",
    "Refused",
    "ReviewSession",
    "review_file",
]
