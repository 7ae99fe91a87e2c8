"""Baselines: accept today's findings, report only new ones (as detect-secrets does).

A team adopting bitext on an archive of published bulletins cannot fix what is already
out, but wants CI to stop new errors. ``bitext check --write-baseline FILE`` records every
finding by its fingerprint (:mod:`bitext.report.fingerprints`: the rule, the figures and
their sentences, not line numbers, so edits elsewhere in a file keep it); ``--baseline
FILE`` then drops the findings recorded there, and the exit code is computed on what is
left.

Files are keyed by their path relative to the baseline file's directory, so the baseline
matches whether bitext runs from the repository root or a subdirectory. The file is JSON,
files in sorted order, no timestamp, so a rewritten baseline diffs cleanly in review; each
entry carries the rule, line and message for the reviewer, and only the fingerprint is
used for matching. Editing the sentence a finding sits in gives it a new fingerprint, so
it is reported again: the accepted text is no longer the text that was accepted.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from bitext.model import BitextError, FileReport, Report
from bitext.report.fingerprints import KEY, fingerprints
from bitext.report.locate import primary_document, primary_span
from bitext.version import __version__

VERSION = 1


class Baseline(NamedTuple):
    """The accepted findings: (file key, fingerprint) pairs, and the file's digest."""

    directory: Path
    accepted: frozenset[tuple[str, str]]
    digest: str
    """The first 12 hex digits of the baseline file's SHA-256, for the run's signature."""


def file_key(path: str | None, directory: Path) -> str:
    """``path`` relative to ``directory``, with ``/``, as the baseline keys it."""
    if path is None:
        return "<text>"
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(directory))).as_posix()


def baseline_json(report: Report, directory: Path) -> str:
    """The baseline of ``report``'s findings, files keyed relative to ``directory``."""
    files: dict[str, list[dict[str, Any]]] = {}
    for file_report in report.files:
        entries = _entries(file_report)
        if entries:
            files[file_key(file_report.document.path, directory)] = entries
    data = {
        "version": VERSION,
        "tool": f"bitext {__version__}",
        "fingerprints": KEY,
        "files": dict(sorted(files.items())),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _entries(file_report: FileReport) -> list[dict[str, Any]]:
    entries = []
    for finding, fingerprint in zip(file_report.findings, fingerprints(file_report), strict=True):
        span = primary_span(finding)
        document = primary_document(file_report, finding)
        line = document.line_col(span[0])[0] if span else None
        entries.append(
            {
                "fingerprint": fingerprint,
                "rule": finding.rule,
                "line": line,
                "message": finding.message,
            }
        )
    return entries


def read_baseline(path: str | Path) -> Baseline:
    """A baseline written by :func:`baseline_json`; a :class:`BitextError` otherwise."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BitextError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw)
        _check_header(data)
        accepted = frozenset(
            (key, entry["fingerprint"])
            for key, entries in data["files"].items()
            for entry in entries
        )
    except (ValueError, TypeError, KeyError) as exc:
        reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else exc
        raise BitextError(f"{path}: not a bitext baseline ({reason})") from None
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return Baseline(path.parent, accepted, digest)


def _check_header(data: Any) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise ValueError("no files table")
    if data.get("version") != VERSION:
        raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
    if data.get("fingerprints") != KEY:
        raise ValueError(f"fingerprints {data.get('fingerprints')!r}; rewrite it with this bitext")


def apply_baseline(report: Report, baseline: Baseline) -> tuple[Report, int]:
    """``report`` without the findings ``baseline`` accepts, and how many were dropped.

    The signature says a baseline was applied (and which, by digest), so a report with
    findings filtered out cannot pass for a full one.
    """
    files, dropped = [], 0
    for file_report in report.files:
        key = file_key(file_report.document.path, baseline.directory)
        kept = tuple(
            finding
            for finding, fingerprint in zip(
                file_report.findings, fingerprints(file_report), strict=True
            )
            if (key, fingerprint) not in baseline.accepted
        )
        dropped += len(file_report.findings) - len(kept)
        files.append(file_report._replace(findings=kept))
    signature = f"{report.signature}|baseline:{baseline.digest}"
    return Report(tuple(files), signature), dropped


__all__ = ["Baseline", "apply_baseline", "baseline_json", "file_key", "read_baseline"]
