"""Draw the screenshots in the docs, from the code, as a terminal would show them.

    python docs/screenshots.py            # every screenshot
    python docs/screenshots.py review     # one of them

- ``docs/images/review.svg``: ``bitext review seeds/panzhou.txt`` at 120×34, on the
  first error (finding 2 of 7: 3,877.5 million yuan for 387.75 万元), driven by Textual's
  headless pilot. The seed is only read: nothing is saved.
- ``docs/images/report.png``: ``bitext check seeds/panzhou.txt seeds/lvshunkou.txt
  --format html`` as headless Chromium shows it at 1200×900 (the file list, the filter
  bar, the first file's findings). It needs Chromium (Debian: ``apt-get install
  chromium``) and a Chinese font (``apt-get install fonts-wqy-microhei`` or
  ``fonts-noto-cjk``): without one the Chinese would be boxes, so it stops instead.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
SIZE = (120, 34)


def review(target: Path) -> None:
    """The review of the seed on its first error."""
    from bitext.review import review_file
    from bitext.review.app import ReviewApp

    os.chdir(ROOT)  # the header shows the path as given: seeds/panzhou.txt
    app = ReviewApp(review_file("seeds/panzhou.txt"))  # the default settings, no bitext.toml

    async def drive() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n")
            await pilot.pause()
            svg = app.export_screenshot(title="bitext review seeds/panzhou.txt")
            target.write_text(wide_characters(svg), encoding="utf-8")

    asyncio.run(drive())


_TEXT = re.compile(r'(<text[^>]*?textLength=")([\d.]+)("[^>]*>)([^<]*)(</text>)')


def wide_characters(svg: str) -> str:
    """``svg`` with each run of text as wide as the cells it takes: rich's SVG export
    gives a run one cell a character, so a Chinese run (two cells a character) would be
    squeezed into half its width and the next run drawn over it."""
    from rich.cells import cell_len

    def widen(match: re.Match[str]) -> str:
        text = html.unescape(match.group(4))
        if not text or cell_len(text) == len(text):
            return match.group(0)
        cell = float(match.group(2)) / len(text)
        return f"{match.group(1)}{cell * cell_len(text):g}{match.group(3)}{match.group(4)}{match.group(5)}"

    return _TEXT.sub(widen, svg)


HTML_RUN = ["seeds/panzhou.txt", "seeds/lvshunkou.txt"]
"""The files of the HTML report's screenshot: one with findings, one without."""


def html_report(target: Path) -> None:
    """The HTML report of :data:`HTML_RUN` in headless Chromium, offline."""
    import bitext
    from bitext.report import html_report as page

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screenshots: the HTML report needs Chromium (apt-get install chromium)")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    if not fonts.stdout.strip():
        raise SystemExit(
            "screenshots: the HTML report needs a Chinese font (apt-get install fonts-wqy-microhei)"
        )
    os.chdir(ROOT)  # relative paths in the page
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "report.html"
        source.write_text(page.render(bitext.check_paths(HTML_RUN)), encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",  # as root in a container
                "--disable-gpu",
                "--no-first-run",
                f"--user-data-dir={scratch}/profile",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--window-size=1200,900",
                f"--screenshot={target}",
                source.as_uri(),
            ],
            capture_output=True,
            check=True,
            timeout=120,
        )


SCREENSHOTS: dict[str, tuple[Callable[[Path], None], Path]] = {
    "review": (review, IMAGES / "review.svg"),
    "html": (html_report, IMAGES / "report.png"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", choices=[*SCREENSHOTS, []], help="screenshots to draw")
    args = parser.parse_args(argv)
    for name in args.names or SCREENSHOTS:
        draw, target = SCREENSHOTS[name]
        target.parent.mkdir(parents=True, exist_ok=True)
        draw(target)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
