"""The HTML report in a real browser: headless Chromium loads the page from disk, with
every host name unresolvable (so anything fetched from the network would be missing).

The DOM it built must hold every finding, every pair and the links between them; and a
reviewer's clicks on the filter bar must show exactly the findings and pairs asked for.
The clicks are real input events: Chromium is driven over its DevTools protocol on a pipe
(``--remote-debugging-pipe``, no extra package), and each click is a mouse press and
release (``Input.dispatchMouseEvent``) at the middle of the element's box on the page,
after checking that the element is what the page has at that point.

Skipped only where Chromium is not installed (Debian: ``apt-get install chromium
chromium-driver``; ``.ci/run`` installs them).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
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
OFFLINE = [
    "--headless",
    "--no-sandbox",  # CI containers run as root
    "--disable-gpu",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def rendered_dom(page: Path, profile: Path) -> lxml_html.HtmlElement:
    """The DOM Chromium builds from ``page``, offline."""
    result = subprocess.run(
        [str(CHROMIUM), *OFFLINE, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
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
    dom = rendered_dom(page.resolve(), tmp_path / "profile")
    assert dom.xpath("string(//title)") == "bitext report"
    assert dom.xpath("//img") == []
    assert [s.text for s in dom.xpath("//script")] == [html_report.SCRIPT]
    for n, file in enumerate(json.loads(json_report.render(report))["files"], 1):
        _check_file(dom.xpath(f"//section[@id='file{n}']")[0], file, n)
    ids = set(dom.xpath("//@id"))
    assert all(href[1:] in ids for href in dom.xpath("//a/@href"))
    marks = [m.text_content() for m in dom.xpath("//mark[@class='error']")]
    assert "3,877.5 million yuan" in marks and "RMB5.628 million" in marks
    english = dom.xpath("string(//section[@id='file4']//td[@class='en'])")
    assert "<script>document.title='hacked'</script>" in english


def _check_file(section: lxml_html.HtmlElement, file: dict[str, Any], n: int) -> None:
    """Every finding of ``file`` (JSON report) is a row linking to its pair, named by the
    JSON pair id; every pair is there with its anchor."""
    assert section.xpath("string(h2)").startswith(file["path"])
    rows = section.xpath(".//tr[contains(@class, 'finding')]")
    assert len(rows) == len(file["findings"])
    for row, finding in zip(rows, file["findings"], strict=True):
        text = row.text_content()
        assert finding["message"] in text and finding["rule"] in text
        links = row.xpath(".//a")
        if finding["pair"] is None:
            assert links == []
        else:
            assert [(a.get("href"), a.text) for a in links] == [
                (f"#file{n}-pair{finding['pair']}", f"pair {finding['pair']}")
            ]
    pair_ids = section.xpath(".//tr[contains(@class, 'pair')]/@id")
    assert pair_ids == [f"file{n}-pair{pair['id']}" for pair in file["pairs"]]


# --- the filters, clicked -----------------------------------------------------------


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe: Chromium reads
    commands from its file descriptor 3 and writes replies and events to 4, each a JSON
    message ending in a NUL byte."""

    def __init__(self, profile: Path) -> None:
        to_browser, commands = os.pipe()
        replies, from_browser = os.pipe()
        # Chromium's 3 and 4 are the pipes, given to a shell as its stdin and stdout
        self.process = subprocess.Popen(
            [
                "/bin/sh",
                "-c",
                'exec "$@" 3<&0 4>&1 </dev/null >/dev/null',
                "sh",
                str(CHROMIUM),
                *OFFLINE,
                f"--user-data-dir={profile}",
                "--window-size=1200,900",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=to_browser,
            stdout=from_browser,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self.commands, self.replies = commands, replies
        self.buffer = b""
        self.last_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        self.scripts = True

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command (to the page once :meth:`open` attached to one) and wait for
        its result, keeping the events that come before it."""
        self.last_id += 1
        message: dict[str, Any] = {"id": self.last_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self.last_id:
                assert "error" not in reply, reply
                return reply["result"]
            self.events.append(reply)

    def _receive(self, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.replies], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.replies, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def open(self, page: Path, fragment: str = "", *, scripts: bool = True) -> None:
        """Load ``page`` (at ``#fragment``) in a new tab, recording its network requests;
        ``scripts=False`` as a reader who blocks scripts sees it."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Network.enable")
        self.send("Emulation.setScriptExecutionDisabled", value=not scripts)
        self.scripts = scripts
        self.events.clear()
        self.send("Page.navigate", url=page.as_uri() + fragment)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._receive())

    def requests(self) -> list[str]:
        """The URLs the page asked for since it was opened."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def evaluate(self, expression: str) -> Any:
        """The value of ``expression`` in the page, once the tasks the page has queued
        (a ``hashchange`` after a click on a link) have run."""
        if self.scripts:  # else the page runs no timer
            settled = "new Promise(done => setTimeout(done, 0))"
            self.send("Runtime.evaluate", expression=settled, awaitPromise=True)
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A left click at the middle of the first element ``selector`` finds."""
        found = json.dumps(selector)
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({found});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = box
        hit = self.evaluate(
            f"document.querySelector({found}).contains(document.elementFromPoint({x}, {y}))"
        )
        assert hit, f"{selector} is covered at {x}, {y}"
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        finally:
            self.process.wait(30)
            os.close(self.commands)
            os.close(self.replies)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = Browser(tmp_path_factory.mktemp("profile"))
    try:
        yield chromium
    finally:
        chromium.close()


VISIBLE_FINDINGS = """[...document.querySelectorAll('tr.finding')]
  .filter(row => row.checkVisibility())
  .map(row => [row.closest('section').id, row.dataset.severity, row.dataset.rule])"""
VISIBLE_PAIRS = """[...document.querySelectorAll('tr.pair')]
  .filter(row => row.checkVisibility()).map(row => Number(row.dataset.pair))"""
SHOWN = "document.getElementById('shown').textContent"
ERROR_LABEL = "label.severity.error"


def _panzhou_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, Any]]:
    """The page of ``bitext check seeds/panzhou.txt`` and its JSON report's one file."""
    monkeypatch.chdir(ROOT)
    report = bitext.check_paths(RUNS["panzhou"])
    page = tmp_path / "panzhou.html"
    page.write_text(html_report.render(report), encoding="utf-8")
    (file,) = json.loads(json_report.render(report))["files"]
    return page.resolve(), file


def test_the_page_opens_on_the_pairs_with_findings_and_fetches_nothing(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, file = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page)
    assert browser.requests() == [page.as_uri()]
    findings = [["file1", f["severity"], f["rule"]] for f in file["findings"]]
    assert browser.evaluate(VISIBLE_FINDINGS) == findings
    assert [f[1] for f in findings] == ["info", "error", "warning", "error", "info", "info", "info"]
    flagged = sorted({f["pair"] for f in file["findings"] if f["pair"] is not None})
    assert flagged == [1, 2, 4, 5]  # pairs 0 and 3 are clean
    assert browser.evaluate(VISIBLE_PAIRS) == flagged
    assert browser.evaluate(SHOWN) == "showing 7 of 7 findings and 4 of 6 pairs"
    assert browser.evaluate("document.getElementById('filters').checkVisibility()") is True


def test_without_scripts_every_finding_and_pair_is_shown(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, file = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page, scripts=False)
    assert len(browser.evaluate(VISIBLE_FINDINGS)) == len(file["findings"]) == 7
    assert browser.evaluate(VISIBLE_PAIRS) == [0, 1, 2, 3, 4, 5]
    assert browser.evaluate("document.getElementById('filters').checkVisibility()") is False
    assert browser.evaluate("document.querySelector('.filtered-out').checkVisibility()") is False


def test_unticking_error_hides_exactly_the_errors(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page)
    browser.click(ERROR_LABEL)
    assert browser.evaluate(VISIBLE_FINDINGS) == [
        ["file1", "info", "figure-unverifiable"],
        ["file1", "warning", "figure-missing"],
        ["file1", "info", "clean-zh-punctuation"],
        ["file1", "info", "clean-en-punctuation"],
        ["file1", "info", "clean-cjk-spacing"],
    ]
    assert browser.evaluate(VISIBLE_PAIRS) == [1, 4]  # pairs 2 and 5 had only an error
    assert browser.evaluate(SHOWN) == "showing 5 of 7 findings and 2 of 6 pairs"
    links = "[...document.querySelectorAll('td.meta a')].filter(a => a.checkVisibility())"
    assert browser.evaluate(links + ".map(a => a.dataset.rule)") == [
        "figure-unverifiable",
        "figure-missing",
    ]
    browser.click(ERROR_LABEL)
    assert len(browser.evaluate(VISIBLE_FINDINGS)) == 7
    assert browser.evaluate(SHOWN) == "showing 7 of 7 findings and 4 of 6 pairs"


def test_picking_one_rule_shows_only_it(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page)
    browser.click("button[data-rules=none]")
    assert browser.evaluate(VISIBLE_FINDINGS) == []
    assert browser.evaluate(VISIBLE_PAIRS) == []
    assert browser.evaluate(SHOWN) == "showing 0 of 7 findings and 0 of 6 pairs"
    filtered_out = "[...document.querySelectorAll('.filtered-out')].map(p => p.checkVisibility())"
    assert browser.evaluate(filtered_out) == [True, True]
    browser.click("label:has(> input[value=figure-scale])")
    assert browser.evaluate(VISIBLE_FINDINGS) == [
        ["file1", "error", "figure-scale"],
        ["file1", "error", "figure-scale"],
    ]
    assert browser.evaluate(VISIBLE_PAIRS) == [2, 5]
    assert browser.evaluate(SHOWN) == "showing 2 of 7 findings and 2 of 6 pairs"
    assert browser.evaluate(filtered_out) == [False, False]
    browser.click("button[data-rules=all]")
    assert len(browser.evaluate(VISIBLE_FINDINGS)) == 7


def test_only_pairs_with_findings_hides_exactly_the_clean_pairs(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, file = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page)
    browser.click("label:has(> #only-flagged)")
    assert browser.evaluate(VISIBLE_PAIRS) == [p["id"] for p in file["pairs"]] == [0, 1, 2, 3, 4, 5]
    assert browser.evaluate(SHOWN) == "showing 7 of 7 findings and 6 of 6 pairs"
    browser.click(ERROR_LABEL)  # every pair stays: the filter is off
    assert browser.evaluate(VISIBLE_PAIRS) == [0, 1, 2, 3, 4, 5]
    browser.click("label:has(> #only-flagged)")
    assert browser.evaluate(VISIBLE_PAIRS) == [1, 4]


CLEAN = (
    "新增就业3万人。 30,000 new jobs were created.\n\n"
    "投入56.28万元，建成2所学校。 RMB562,800 was invested and two schools were built.\n"
)


def test_the_file_list_marks_each_file_by_its_worst_severity(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """seeds/ (panzhou with errors; lvshunkou, English only) and a clean bulletin: the
    filters span the files, and the file list links to each, marked."""
    monkeypatch.chdir(ROOT)
    seeds = bitext.check_paths(["seeds"])
    report = Report((*seeds.files, bitext.check_text(CLEAN, "clean.txt")), seeds.signature)
    page = tmp_path / "files.html"
    page.write_text(html_report.render(report), encoding="utf-8")
    browser.open(page.resolve())
    files = """[...document.querySelectorAll('nav.files li')].map(li => [li.className,
      li.querySelector('a').getAttribute('href'), li.querySelector('a').textContent,
      [...li.querySelectorAll('.severity')].map(s => s.className + ': ' + s.textContent)])"""
    assert browser.evaluate(files) == [
        ["file clean", "#file1", "seeds/lvshunkou.txt", ["severity clean: clean"]],
        [
            "file error",
            "#file2",
            "seeds/panzhou.txt",
            ["severity error: 2 errors", "severity warning: 1 warning", "severity info: 4 info"],
        ],
        ["file clean", "#file3", "clean.txt", ["severity clean: clean"]],
    ]
    marker = "getComputedStyle(document.querySelectorAll('nav.files li')[{}]).borderLeftColor"
    assert browser.evaluate(marker.format(1)) == "rgb(198, 40, 40)"  # the error red
    assert browser.evaluate(marker.format(0)) == browser.evaluate(marker.format(2))
    assert browser.evaluate(marker.format(0)) != browser.evaluate(marker.format(1))
    assert browser.evaluate(VISIBLE_PAIRS) == [1, 2, 4, 5]
    assert browser.evaluate(SHOWN) == "showing 7 of 7 findings and 4 of 8 pairs"
    browser.click("a[href='#file3']")
    assert browser.evaluate("location.hash") == "#file3"
    assert browser.evaluate("document.querySelector('#file3 .none').textContent") == "No findings."
    assert browser.requests() == [page.resolve().as_uri()]


def test_each_severity_has_its_own_style(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warning's figure must not look like an error's: colour, weight and underline
    differ, and so do the badges of the three severities."""
    page, _ = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page)
    style = """(selector => {{ const s = getComputedStyle(document.querySelector(selector));
      return [s.backgroundColor, s.color, s.fontWeight, s.borderBottomStyle]; }})({})"""
    error, warning = (browser.evaluate(style.format(f"'mark.{s}'")) for s in ("error", "warning"))
    assert error == ["rgb(255, 205, 210)", "rgb(142, 0, 0)", "700", "solid"]
    assert warning == ["rgb(255, 227, 166)", "rgb(92, 55, 0)", "400", "dashed"]
    badges = [
        browser.evaluate(style.format(f"'td .severity.{s}'")) for s in ("error", "warning", "info")
    ]
    assert len({b[0] for b in badges}) == len({b[1] for b in badges}) == 3
    browser.send(
        "Emulation.setEmulatedMedia",
        features=[{"name": "prefers-color-scheme", "value": "dark"}],
    )
    try:
        background = "getComputedStyle(document.body).backgroundColor"
        assert browser.evaluate(background) == "rgb(23, 23, 23)"
        dark = [browser.evaluate(style.format(f"'mark.{s}'")) for s in ("error", "warning")]
        assert dark[0][2:] == ["700", "solid"] and dark[1][2:] == ["400", "dashed"]
        assert dark[0][:2] != dark[1][:2] and dark[0][:2] != error[:2]
    finally:
        browser.send("Emulation.setEmulatedMedia", features=[])


def test_a_link_to_a_pair_the_filters_hide_shows_it(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A comment links to a clean pair (#file1-pair0): the page clears its filters."""
    page, _ = _panzhou_page(tmp_path, monkeypatch)
    browser.open(page, "#file1-pair0")
    assert browser.evaluate(VISIBLE_PAIRS) == [0, 1, 2, 3, 4, 5]
    assert browser.evaluate("document.getElementById('only-flagged').checked") is False
    browser.click(ERROR_LABEL)
    finding = "document.getElementById('file1-finding2').checkVisibility()"
    assert browser.evaluate(finding) is False  # an error's row
    browser.click("a[href='#file1-finding2'] mark")  # its figure, in pair 2
    assert browser.evaluate("location.hash") == "#file1-finding2"
    assert browser.evaluate(finding) is True
    assert browser.evaluate(SHOWN) == "showing 7 of 7 findings and 6 of 6 pairs"
