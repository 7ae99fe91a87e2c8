"""What ``bitext clean`` tells the user: each fix with its place, or a unified diff.

>>> from bitext.clean import clean
>>> text = "大连市 6 家,共 3 人。"
>>> for line in explain(clean(text), text):
...     print(line)
1:4 cjk-spacing “大连市 6 家,” → “大连市6 家,”
1:6 cjk-spacing “连市 6 家,共 ” → “连市 6家,共 ”
1:8 zh-punctuation “ 6 家,共 3 ” → “ 6 家，共 3 ”
1:10 cjk-spacing “ 家,共 3 人。” → “ 家,共3 人。”
1:12 cjk-spacing “,共 3 人。” → “,共 3人。”
"""

from __future__ import annotations

import difflib
from collections import Counter

from bitext.clean import Cleaned, fix_in_context
from bitext.model import Document


def explain(cleaned: Cleaned, text: str) -> list[str]:
    """One line per fix: ``line:col rule “before” → “after”``, with a little context,
    positions 1-based in the text as given."""
    document = Document(None, text, "utf-8")
    lines = []
    for fix in cleaned.fixes:
        line, col = document.line_col(fix.start)
        before, after = fix_in_context(fix, text)
        lines.append(f"{line}:{col} {fix.rule} “{before}” → “{after}”")
    return lines


def summary(cleaned: Cleaned) -> str:
    """``12 fixes: zh-punctuation 10, cjk-spacing 2`` (rules in the order they ran)."""
    counts = Counter(fix.rule for fix in cleaned.fixes)
    total = sum(counts.values())
    noun = "fix" if total == 1 else "fixes"
    order = list(dict.fromkeys(fix.rule for fix in sorted(cleaned.fixes, key=_rule_order)))
    return f"{total} {noun}: " + ", ".join(f"{rule} {counts[rule]}" for rule in order)


def _rule_order(fix: object) -> int:
    from bitext.clean import RULES

    return list(RULES).index(fix.rule)  # type: ignore[attr-defined]


def unified_diff(text: str, cleaned: str, path: str) -> str:
    """The change as a unified diff, as ``black --diff`` shows it."""
    diff = difflib.unified_diff(
        text.splitlines(keepends=True),
        cleaned.splitlines(keepends=True),
        fromfile=f"{path}\t(original)",
        tofile=f"{path}\t(cleaned)",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff
    )
