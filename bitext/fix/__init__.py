"""Fixes: the certain corrections of a report, written into the English.

A finding says what is wrong; some also say what is right (its ``suggestion``). A fix
writes that suggestion over the English figure, and only where it cannot be wrong: a
figure at the wrong power of ten (``figure-scale``), or a number with one digit wrong
(``figure-value``), each with exactly one correction. Every other finding stays for a
translator, with the reason it was not fixed.

The pieces, in the order a caller uses them:

- :func:`fix_for` gives one finding's :class:`Edit` (a replacement in the English
  document's text), or a :class:`NotFixed` with the reason;
- :func:`plan` gives a file's :class:`FilePlan`: every certain edit, made together
  (offsets all into the text as read; two corrections of one figure cancel out);
- :func:`fixed_bytes` is the whole new file in its own format and encoding, every byte
  outside the edited spans as on disk (a text file, the raw text of an XLIFF, TMX, PO,
  TSV or CSV file, the paragraphs of a Word document); :func:`save` writes it
  atomically; :func:`unified_diff` shows the change.

>>> from bitext.check import check_pair
>>> fixes = plan(check_pair("投入 387.75 万元。", "Invested 3,877.5 million yuan."))
>>> [(e.start, e.end, e.new) for e in fixes.edits], fixes.not_fixed
([(24, 44, '3.8775 million yuan')], ())
>>> fixed_text(fixes.document, fixes.edits)[-29:]
'Invested 3.8775 million yuan.'

"""

from bitext.fix.plan import Edit, FilePlan, NotFixed, fix_for, plan
from bitext.fix.write import fixed_bytes, fixed_text, save, unified_diff

__all__ = [
    "Edit",
    "FilePlan",
    "NotFixed",
    "fix_for",
    "fixed_bytes",
    "fixed_text",
    "plan",
    "save",
    "unified_diff",
]
