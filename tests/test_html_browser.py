"""The HTML report in a real browser: headless Chromium loads the page from disk, with
every host name unresolvable (so anything fetched from the network would be missing), and
the DOM it built must hold every finding, every pair and the links between them.

Skipped only where Chromium is not installed (Debian: ``apt-get install chromium
chromium-driver``; ``.ci/run`` installs them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

import bitext
from bitext.model import Report
from bitext.report import html_report, json_report

from .conftest import ROOT
from .test_report_formats import RUNS

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium chromium-driver)",
)


def rendered_dom(page: Path, profile: Path) -> lxml_html.HtmlElement:
    """The DOM Chromium builds from ``page``, offline."""
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",  # CI containers run as root
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return lxml_html.fromstring(result.stdout)


HOSTILE = (
    "投入 56.28 万元。 Invested RMB5.628 million <script>document.title='hacked'</script>"
    " <img src=x onerror=\"document.title='hacked'\"> & </td></table>."
)


def test_the_browser_renders_every_finding_pair_and_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One page (one browser start, under a second): the seeds, the Big5 bulletin, and a
    bulletin whose English is markup that must stay text."""
    monkeypatch.chdir(ROOT)
    seeds = bitext.check_paths(RUNS["bulletins"])
    hostile = bitext.check_text(HOSTILE, "<b>.txt")
    report = Report((*seeds.files, hostile), seeds.signature)
    page = tmp_path / "report.html"
    page.write_text(html_report.render(report), encoding="utf-8")
    dom = rendered_dom(page, tmp_path / "profile")
    assert dom.xpath("string(//title)") == "bitext report"
    assert dom.xpath("//script | //img") == []
    for n, file in enumerate(json.loads(json_report.render(report))["files"], 1):
        _check_file(dom.xpath(f"//section[@id='file{n}']")[0], file, n)
    ids = set(dom.xpath("//@id"))
    assert all(href[1:] in ids for href in dom.xpath("//a/@href"))
    marks = [m.text_content() for m in dom.xpath("//mark[@class='error']")]
    assert "3,877.5 million yuan" in marks and "RMB5.628 million" in marks
    english = dom.xpath("string(//section[@id='file4']//td[@class='en'])")
    assert "<script>document.title='hacked'</script>" in english


def _check_file(section: lxml_html.HtmlElement, file: dict[str, Any], n: int) -> None:
    """Every finding of ``file`` (JSON report) is a row linking to its pair; every pair is
    there with its anchor."""
    assert section.xpath("string(h2)").startswith(file["path"])
    rows = section.xpath(".//tr[contains(@class, 'finding')]")
    assert len(rows) == len(file["findings"])
    for row, finding in zip(rows, file["findings"], strict=True):
        text = row.text_content()
        assert finding["message"] in text and finding["rule"] in text
        if finding["pair"] is not None:
            assert row.xpath(".//a/@href") == [f"#file{n}-pair{finding['pair']}"]
    pair_ids = section.xpath(".//tr[contains(@class, 'pair')]/@id")
    assert pair_ids == [f"file{n}-pair{pair['id']}" for pair in file["pairs"]]
