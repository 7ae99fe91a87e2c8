"""Reading input: which files a run reads (:mod:`bitext.read.files`) and each file's
text, whatever its encoding (:mod:`bitext.read.document`); the units of a bilingual CAT
or MT file (:mod:`bitext.read.cat`)."""

from bitext.read.cat import CAT_SUFFIXES, Unit, is_cat_file, read_units
from bitext.read.document import MAX_BYTES, decode, read_document, readable
from bitext.read.files import DEFAULT_INCLUDE, Job, anchor, collect_files, pair_translations

__all__ = [
    "CAT_SUFFIXES",
    "DEFAULT_INCLUDE",
    "MAX_BYTES",
    "Job",
    "Unit",
    "anchor",
    "collect_files",
    "decode",
    "is_cat_file",
    "pair_translations",
    "read_document",
    "read_units",
    "readable",
]
