"""Read an HTML page into the text it shows, keeping where each word stands in the file.

Bulletins are also published as web pages. The text read is what a browser shows, with
the page's structure as lines: a block element (``p``, ``div``, ``li``, ``h1``…``h6``,
``tr``…) starts a paragraph of its own (a blank line before and after), a table cell
(``td``, ``th``) and ``br`` end a line, runs of white space become one space (inside ``pre`` lines are kept),
entities are decoded, and ``script``, ``style``, ``template``, ``noscript`` and
``title`` are dropped. No tag is left inside a pair.

Each word (a stretch without white space, a tag or an entity) is a run of
:class:`bitext.model.Places` with its line and column in the file, so a finding points
to the line of the page, not of the text read.

>>> text, places = read_html('<p>投入&nbsp;<b>387.75</b>\\n 万元</p><script>x=1</script><p>b<br>c</p>')
>>> text
'投入\\xa0387.75 万元\\n\\nb\\nc'
>>> places.source(text.index("387")), places.source(text.index("万")), places.source(text.index("c"))
((1, 15), (2, 2), (2, 36))
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from bitext.model import Places

BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "caption", "center", "dd"),
        *("details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure"),
        *("footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "tfoot", "thead", "tr", "ul"),
    }
)
"""Elements that stand as blocks of their own."""

CELLS = frozenset({"td", "th"})
"""Cells of a table: a row is one paragraph, its cells a line each, as in a Word
document, so a Chinese cell is followed by its English one."""

SKIPPED = frozenset({"script", "style", "template", "noscript", "title"})
"""Elements whose content is not shown as the page's text."""

_WORD = re.compile(r"[^ \t\n\r\f]+")
_RANK = {"": 0, " ": 1, "\n": 2, "\n\n": 3}


def read_html(source: str) -> tuple[str, Places]:
    """The text the page ``source`` shows and, for each word, its place in the file."""
    reader = _Reader()
    reader.feed(source)
    reader.close()
    return "".join(reader.out), Places(reader.runs)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.runs: list[tuple[int, str, int | None, int | None]] = []
        self.length = 0
        self.skipping = 0
        self.pre = 0
        self.gap = ""  # what separates the next word from the last: "", " ", "\n", "\n\n"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, 1)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, -1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, 0)

    def _tag(self, tag: str, step: int) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping + step)
        elif tag == "br" and step >= 0:
            self._break("\n", twice=True)
        elif tag in CELLS:
            self._break("\n")
        elif tag in BLOCKS:
            self._break("\n\n")
            if tag == "pre":
                self.pre = max(0, self.pre + step)

    def _break(self, gap: str, twice: bool = False) -> None:
        """Separate what follows by ``gap`` at least; a second ``<br>`` (or line of a
        ``pre``) in a row makes a blank line."""
        if not self.out:
            return
        if twice and self.gap == "\n":
            self.gap = "\n\n"
        elif _RANK[gap] > _RANK[self.gap]:
            self.gap = gap

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        line, col = self.getpos()
        if self.pre:
            for number, piece in enumerate(data.split("\n")):
                if number:
                    line, col = line + 1, 0
                    self._break("\n", twice=True)
                if piece:
                    self._word(piece, line, col)
            return
        at = 0
        for match in _WORD.finditer(data):
            start = match.start()
            newlines = data.count("\n", at, start)
            if newlines:
                line += newlines
                col = start - data.rindex("\n", at, start) - 1
            else:
                col += start - at
            if start > at:
                self._space()
            self._word(match.group(), line, col)
            col += match.end() - start
            at = match.end()
        if at < len(data):
            self._space()

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, reference: str) -> None:
        if self.skipping:
            return
        line, col = self.getpos()
        text = html.unescape(reference)
        if text.strip(" \t\n\r\f"):
            self._word(text, line, col)
        else:
            self._space()

    def _space(self) -> None:
        if not self.gap and self.out:
            self.gap = " "

    def _word(self, word: str, line: int, col: int) -> None:
        if self.gap and self.out:
            self.out.append(self.gap)
            self.length += len(self.gap)
        self.gap = ""
        self.runs.append((self.length, "", line, col + 1))
        self.out.append(word)
        self.length += len(word)
