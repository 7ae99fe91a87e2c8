"""SARIF 2.1.0, the format code-scanning services read (GitHub, GitLab, Azure DevOps).

One run; the driver lists every rule of the checker's registry with its explanation and
an example, so a viewer can show what ``figure-scale`` means without bitext installed.
Each finding is a result at its English figure (else its Chinese figure, else the text
it is about), with the other side's figure as a related location, a fingerprint that
survives edits elsewhere in the file (:mod:`bitext.report.fingerprints`), and its
suggested correction as a ``fix`` that replaces the English figure.

Columns and character offsets count Unicode code points (``columnKind``), as bitext's
own offsets do; ``endColumn`` is the column just past the region. Paths are relative
URIs when the user gave relative paths, so results resolve against a checkout. The
run's ``properties.signature`` is bitext's reproducibility signature.

Cleaning notices (``clean-*`` findings at severity info: what bitext repaired, not a
problem of the translation) are not results unless ``show_cleaning``
(:mod:`bitext.report.cleaning`); the driver still lists the cleaning rules, as it lists
every rule of the registry.
"""

from __future__ import annotations

import json
from typing import Any

import regex

from bitext.check.rules import RuleInfo, all_rules, rule_info
from bitext.model import Document, Figure, FileReport, Finding, Report, Severity
from bitext.report.cleaning import without_cleaning
from bitext.report.fingerprints import KEY, fingerprints
from bitext.report.locate import path_uri, placed_message, primary_document, primary_span
from bitext.version import __version__

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, show_cleaning: bool = False) -> str:
    return json.dumps(to_dict(report, show_cleaning), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: Report, show_cleaning: bool = False) -> dict[str, Any]:
    """The SARIF log of ``report`` as plain data; its cleaning notices are results only
    when ``show_cleaning``."""
    rules = _rules(report)  # every rule, those of left-out findings too
    if not show_cleaning:
        report = without_cleaning(report)
    index = {rule.id: k for k, rule in enumerate(rules)}
    documents = _documents(report)
    results = [
        result for file_report in report.files for result in _results(file_report, documents, index)
    ]
    run = {
        "tool": {"driver": _driver(rules)},
        "invocations": [_invocation(report, documents)],
        "artifacts": [_artifact(document) for document in documents],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"signature": report.signature},
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rules(report: Report) -> list[RuleInfo]:
    """The registry's rules, then any rule a finding has that the registry lacks."""
    rules = all_rules()
    known = {rule.id for rule in rules}
    for file_report in report.files:
        for finding in file_report.findings:
            if finding.rule not in known:
                known.add(finding.rule)
                rules.append(rule_info(finding.rule, finding.severity))
    return rules


def _driver(rules: list[RuleInfo]) -> dict[str, Any]:
    return {
        "name": "bitext",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule) for rule in rules],
    }


def _rule(rule: RuleInfo) -> dict[str, Any]:
    text, markdown = rule.explanation, markdown_escape(rule.explanation)
    if rule.example:
        text += f"\n\nExample: {rule.example}"
        markdown += f"\n\n**Example:** {markdown_escape(rule.example)}"
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.explanation},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "help": {"text": text, "markdown": markdown},
    }


def markdown_escape(text: str) -> str:
    """``text`` as literal Markdown: examples hold ``<U+200B>``, ``[臺中市]`` and ``*``,
    which a viewer would otherwise take for HTML, links or emphasis.

    >>> markdown_escape("扶<U+200B>贫 [a] *b*")
    '扶\\\\<U+200B\\\\>贫 \\\\[a\\\\] \\\\*b\\\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


_MARKDOWN_SPECIAL = regex.compile(r"[\\`*_{}\[\]<>#|~]")


def _documents(report: Report) -> dict[Document, int]:
    """Every file of the run and its artifact index: a translation pair's Chinese file
    after its English one."""
    documents = (d for f in report.files for d in (f.document, f.source) if d is not None)
    return {document: k for k, document in enumerate(dict.fromkeys(documents))}


def _invocation(report: Report, documents: dict[Document, int]) -> dict[str, Any]:
    """A successful run; file notes (no Chinese to check) become notifications."""
    notes = [
        {
            "level": "note",
            "message": {"text": note},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(f.document, documents)
                    }
                }
            ],
        }
        for f in report.files
        for note in f.notes
    ]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _artifact(document: Document) -> dict[str, Any]:
    return {"location": {"uri": path_uri(document.path)}, "encoding": document.encoding}


def _artifact_location(document: Document, documents: dict[Document, int]) -> dict[str, Any]:
    return {"uri": path_uri(document.path), "index": documents[document]}


def _results(
    report: FileReport, documents: dict[Document, int], rule_index: dict[str, int]
) -> list[Any]:
    prints = fingerprints(report)
    return [
        _result(finding, report, documents, rule_index[finding.rule], fingerprint)
        for finding, fingerprint in zip(report.findings, prints, strict=True)
    ]


def _result(
    finding: Finding,
    report: FileReport,
    documents: dict[Document, int],
    rule_index: int,
    fingerprint: str,
) -> dict[str, Any]:
    """A finding at its primary span; a compared Chinese figure is a related location
    (in the Chinese file, for a translation pair), a suggestion a fix of the English."""
    document = primary_document(report, finding)
    artifact = _artifact_location(document, documents)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": placed_message(report, finding)},
        "locations": [{"physicalLocation": _physical(finding, document, artifact)}],
        "partialFingerprints": {KEY: fingerprint},
    }
    if finding.en is not None and finding.zh is not None:
        source = report.document_for("zh")
        related = _artifact_location(source, documents)
        result["relatedLocations"] = [_related(finding.zh, source, related)]
    if finding.pair is not None:
        result["properties"] = {"pair": finding.pair}
    if finding.suggestion is not None and finding.en is not None:
        result["fixes"] = [_fix(finding.en, finding.suggestion, document, artifact)]
    return result


def _physical(finding: Finding, document: Document, artifact: dict[str, Any]) -> dict[str, Any]:
    """The finding's place in the file (the file alone if it has no span)."""
    span = primary_span(finding)
    if span is None:
        return {"artifactLocation": artifact}
    return {"artifactLocation": artifact, "region": _region(document, *span)}


def _region(document: Document, start: int, end: int, snippet: bool = True) -> dict[str, Any]:
    line, col = document.line_col(start)
    end_line, end_col = document.line_col(end)
    region: dict[str, Any] = {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
    }
    if snippet:
        region["snippet"] = {"text": document.text[start:end]}
    return region


def _related(figure: Figure, document: Document, artifact: dict[str, Any]) -> dict[str, Any]:
    """The Chinese figure the English one was compared with."""
    return {
        "id": 1,
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": _region(document, figure.start, figure.end),
        },
        "message": {"text": f"the Chinese figure “{figure.text}”"},
    }


def _fix(figure: Figure, suggestion: str, document: Document, artifact: dict[str, Any]) -> Any:
    """Replace the English figure with the suggested correction."""
    replacement = {
        "deletedRegion": _region(document, figure.start, figure.end, snippet=False),
        "insertedContent": {"text": suggestion},
    }
    return {
        "description": {"text": f"Replace “{figure.text}” with “{suggestion}”"},
        "artifactChanges": [{"artifactLocation": artifact, "replacements": [replacement]}],
    }
