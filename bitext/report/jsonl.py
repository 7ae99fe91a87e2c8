"""JSON Lines: one finding a line, for streaming into ``jq``, a log shipper or a database.

Each line is the finding exactly as the JSON report (version 1) writes it, with the
file's ``path`` added in front; nothing else is printed, so every line parses. A run
without findings prints nothing.
"""

from __future__ import annotations

import json

from bitext.model import Report
from bitext.report.json_report import finding_dict
from bitext.report.locate import primary_document


def render(report: Report) -> str:
    """Every finding of ``report`` as one JSON object a line."""
    lines = []
    for file_report in report.files:
        for finding in file_report.findings:
            path = primary_document(file_report, finding).path
            record = {"path": path, **finding_dict(finding, file_report)}
            lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
