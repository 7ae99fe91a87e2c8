"""Reading input: which files a run reads (:mod:`bitext.read.files`) and each file's
text, whatever its encoding (:mod:`bitext.read.document`)."""

from bitext.read.document import MAX_BYTES, decode, read_document, readable
from bitext.read.files import DEFAULT_INCLUDE, Job, anchor, collect_files, pair_translations

__all__ = [
    "DEFAULT_INCLUDE",
    "MAX_BYTES",
    "Job",
    "anchor",
    "collect_files",
    "decode",
    "pair_translations",
    "read_document",
    "readable",
]
