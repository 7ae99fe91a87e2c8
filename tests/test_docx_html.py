"""Word documents and HTML pages as input (issue 15): the Panzhou bulletin written as Word
paragraphs, as a two-column Word table, as a pair of Word files and as a web page gives
exactly the findings of the text file, each at its paragraph, table cell or page line."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml

from bitext import check_document, read_document
from bitext.cli import main
from bitext.model import FileReport, Finding, InputError

from .conftest import FIXTURES, SEEDS

SEED_LINES = [
    line for line in (SEEDS / "panzhou.txt").read_text(encoding="utf-8").splitlines() if line
]
ZH_LINES = (FIXTURES / "pairs" / "panzhou.zh.txt").read_text(encoding="utf-8").splitlines()
EN_LINES = (FIXTURES / "pairs" / "panzhou.en.txt").read_text(encoding="utf-8").splitlines()

FIGURE_FINDINGS = [
    ("figure-unverifiable", "info", None, "2018"),
    ("figure-scale", "error", "387.75 万元", "3,877.5 million yuan"),
    ("figure-missing", "warning", "6 名", None),
    ("figure-scale", "error", "56.28 万元", "RMB5.628 million"),
]
"""The Panzhou seed's findings on figures: (rule, severity, Chinese, English)."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def figure_findings(report: FileReport) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (f.rule, f.severity.value, f.zh and f.zh.text, f.en and f.en.text)
        for f in report.findings
        if f.rule.startswith("figure-")
    ]


def place_of(report: FileReport, finding: Finding) -> tuple[str, str]:
    """The places of a finding's Chinese and English figures ("" for none)."""
    zh = report.document_for("zh").place(finding.zh.start) if finding.zh else ""
    en = report.document_for("en").place(finding.en.start) if finding.en else ""
    return zh, en


def paragraphs_docx(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def table_docx(path: Path) -> Path:
    """The seed's pairs as a two-column table, Chinese left, under a heading paragraph."""
    document = docx.Document()
    document.add_paragraph("盘州市深化扶贫协作 Panzhou deepens poverty alleviation cooperation")
    table = document.add_table(rows=0, cols=2)
    for zh, en in zip(ZH_LINES, EN_LINES, strict=True):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = zh, en
    document.save(str(path))
    return path


# --- Word paragraphs ---------------------------------------------------------------------


def test_word_paragraphs_give_the_findings_of_the_text_file_at_their_paragraphs(
    tmp_path: Path,
) -> None:
    seed = check_document(read_document(SEEDS / "panzhou.txt"))
    document = read_document(paragraphs_docx(tmp_path / "panzhou.docx", SEED_LINES))
    report = check_document(document)
    assert document.encoding == "docx"
    assert document.text == "\n\n".join(SEED_LINES)  # one paragraph a line, blank between
    assert figure_findings(report) == FIGURE_FINDINGS
    # every finding, cleaning notes too, at the same place as in the text file
    assert [(f.rule, f.zh, f.en, f.where) for f in report.findings] == [
        (f.rule, f.zh, f.en, f.where) for f in seed.findings
    ]
    assert [place_of(report, f) for f in report.findings if f.rule.startswith("figure-")] == [
        ("", "paragraph 3"),  # 2018: the Chinese fragment lost its head
        ("paragraph 3", "paragraph 3"),
        ("paragraph 4", ""),
        ("paragraph 6", "paragraph 6"),
    ]


def test_paragraphs_count_as_word_counts_them_empty_ones_too(tmp_path: Path) -> None:
    lines = [SEED_LINES[0], "", "", *SEED_LINES[1:]]
    report = check_document(read_document(paragraphs_docx(tmp_path / "p.docx", lines)))
    scale = [f for f in report.findings if f.rule == "figure-scale"]
    assert [place_of(report, f) for f in scale] == [
        ("paragraph 5", "paragraph 5"),
        ("paragraph 8", "paragraph 8"),
    ]


def test_check_prints_the_paragraph_and_json_names_the_place(tmp_path: Path) -> None:
    path = paragraphs_docx(tmp_path / "panzhou.docx", SEED_LINES)
    code, out, _ = run("check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert " ".join(out.split()).startswith(f"{path} (read as docx)")  # folded at 80
    assert "-- pair 2 · paragraph 3 · confidence 1.00 · Chinese fragment is cut" in lines
    assert (
        f"{path}:5:566: error figure-scale paragraph 3: “3,877.5 million yuan” is 1,000 times"
        in out
    )
    assert lines[-1] == "2 errors, 1 warning, 4 info in 6 pairs (1 file)"
    code, out, _ = run("check", "--format", "json", str(path))
    data = json.loads(out)["files"][0]
    assert data["encoding"] == "docx"
    scale = [f for f in data["findings"] if f["rule"] == "figure-scale"]
    assert [(f["zh"]["place"], f["en"]["place"], f["en"]["line"]) for f in scale] == [
        ("paragraph 3", "paragraph 3", 5),
        ("paragraph 6", "paragraph 6", 11),
    ]
    assert data["pairs"][0]["zh"]["place"] == "paragraph 2"


def test_sarif_github_and_html_name_the_paragraph_in_the_message(tmp_path: Path) -> None:
    """A Word document's line is that of the text read, so every format for people or CI
    leads the message with the place, as the terminal does."""
    path = paragraphs_docx(tmp_path / "panzhou.docx", SEED_LINES)
    expected = "paragraph 3: “3,877.5 million yuan” is 1,000 times “387.75 万元”"
    _, out, _ = run("check", "--format", "sarif", str(path))
    messages = [r["message"]["text"] for r in json.loads(out)["runs"][0]["results"]]
    assert [m for m in messages if m.startswith(expected)] != []
    _, out, _ = run("check", "--format", "github", str(path))
    assert "::error " in out and "::paragraph 3: “3,877.5 million yuan” is 1" in out
    _, out, _ = run("check", "--format", "html", str(path))
    assert '<td class="message">paragraph 3: “3,877.5 million yuan” is 1,000 times' in out
    # A text file has no places: its messages are as they were.
    _, out, _ = run("check", "--format", "github", str(SEEDS / "panzhou.txt"))
    assert "::“3,877.5 million yuan” is 1" in out


def test_json_of_a_text_file_has_no_place() -> None:
    code, out, _ = run("check", "--format", "json", str(SEEDS / "panzhou.txt"))
    assert code == 1
    assert '"place"' not in out


# --- Word tables -------------------------------------------------------------------------


def test_a_two_column_table_gives_the_findings_at_their_cells(tmp_path: Path) -> None:
    document = read_document(table_docx(tmp_path / "table.docx"))
    report = check_document(document)
    assert figure_findings(report) == FIGURE_FINDINGS
    assert [place_of(report, f) for f in report.findings if f.rule.startswith("figure-")] == [
        ("", "table 1, row 2, cell 2"),
        ("table 1, row 3, cell 1", "table 1, row 3, cell 2"),
        ("table 1, row 5, cell 1", ""),
        ("table 1, row 6, cell 1", "table 1, row 6, cell 2"),
    ]
    # a row is one paragraph, its cells a line each: the Chinese cell, then its English
    row = f"{ZH_LINES[2]}\n{EN_LINES[2]}"
    assert f"\n\n{row}\n\n" in document.text
    assert document.place(document.text.index(EN_LINES[2])) == "table 1, row 3, cell 2"
    assert [f.rule for f in report.findings if f.severity.value != "info"] == [
        "figure-scale",
        "figure-missing",
        "figure-scale",
    ]


# --- headers, footnotes ------------------------------------------------------------------

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_footnotes(path: Path, notes: list[str]) -> None:
    """Give the Word document at ``path`` a footnotes part (python-docx cannot write one)
    with Word's two separators first, as Word writes it."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:t>{html.escape(text)}</w:t></w:r></w:p></w:footnote>'
        for k, text in enumerate(notes, 1)
    )
    parts["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{body}</w:footnotes>"
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdNotes" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/></Relationships>',
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/></Types>',
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_headers_footers_and_footnotes_are_read_with_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    document = docx.Document()
    document.add_paragraph(SEED_LINES[2])  # the 387.75 万元 paragraph
    document.sections[0].header.paragraphs[0].text = "盘州市人民政府 Panzhou People's Government"
    document.sections[0].footer.paragraphs[0].text = "第 3 页 Page 3"
    document.save(str(path))
    add_footnotes(path, ["投入资金 56.28 万元。Invested RMB5.628 million."])
    read = read_document(path)
    assert read.text.split("\n\n") == [
        "盘州市人民政府 Panzhou People's Government",
        SEED_LINES[2],
        "第 3 页 Page 3",
        "投入资金 56.28 万元。Invested RMB5.628 million.",
    ]
    assert [
        read.place(read.text.index(part)) for part in ("盘州市人民政府", "387.75", "第 3 页")
    ] == [
        "header",
        "paragraph 1",
        "footer",
    ]
    report = check_document(read)
    scale = [f for f in report.findings if f.rule == "figure-scale"]
    assert [(f.en.text, place_of(report, f)) for f in scale] == [
        ("3,877.5 million yuan", ("paragraph 1", "paragraph 1")),
        ("RMB5.628 million", ("footnote 1", "footnote 1")),
    ]


def test_sections_first_page_headers_and_content_controls_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "封面 Cover"
    first.header.paragraphs[0].text = "简报 Bulletin"
    document.add_paragraph(SEED_LINES[2])
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "附录 Appendix"
    control = parse_xml(
        f'<w:sdt xmlns:w="{W}"><w:sdtContent><w:p><w:r><w:t>{SEED_LINES[5]}</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    body = document.element.body
    body.insert(len(body) - 1, control)  # before the last section's properties
    document.save(str(tmp_path / "sections.docx"))
    read = read_document(tmp_path / "sections.docx")
    labels = {read.place(read.text.index(t)) for t in ("封面", "简报", "附录", "387.75", "56.28")}
    assert labels == {
        "section 1 first-page header",
        "section 1 header",
        "section 2 header",
        "paragraph 1",
        "paragraph 3",  # the section break is paragraph 2; the control's, paragraph 3
    }
    scale = [f for f in check_document(read).findings if f.rule == "figure-scale"]
    assert [place_of(check_document(read), f)[1] for f in scale] == ["paragraph 1", "paragraph 3"]


def test_a_damaged_footnotes_part_is_one_line(tmp_path: Path) -> None:
    path = paragraphs_docx(tmp_path / "broken.docx", SEED_LINES)
    add_footnotes(path, ["x"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/footnotes.xml"] = parts["word/footnotes.xml"][:-20]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"bitext: error: {path}: a part of the Word document is damaged (")
    assert err.count("\n") == 1


def test_a_table_inside_a_cell_is_numbered_inside_it(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = ZH_LINES[2], EN_LINES[2]
    document.save(str(tmp_path / "nested.docx"))
    read = read_document(tmp_path / "nested.docx")
    assert (
        read.place(read.text.index(EN_LINES[2])) == "table 1, row 1, cell 1, table 1, row 1, cell 2"
    )


# --- a pair of Word files ----------------------------------------------------------------


def test_a_pair_of_word_files_is_checked_as_a_translation(tmp_path: Path) -> None:
    zh = paragraphs_docx(tmp_path / "panzhou_zh.docx", ZH_LINES)
    en = paragraphs_docx(tmp_path / "panzhou_en.docx", EN_LINES)
    code, out, err = run("check", "--format", "json", str(en), str(zh))  # paired by name
    assert (code, err) == (1, "")
    [data] = json.loads(out)["files"]
    assert data["source"] == {"path": str(tmp_path / "panzhou_zh.docx"), "encoding": "docx"}
    assert data["path"] == str(tmp_path / "panzhou_en.docx")
    scale = [f for f in data["findings"] if f["rule"] == "figure-scale"]
    assert [(f["zh"]["place"], f["en"]["place"], f["en"]["text"]) for f in scale] == [
        ("paragraph 3", "paragraph 3", "3,877.5 million yuan"),
        ("paragraph 6", "paragraph 6", "RMB5.628 million"),
    ]
    text_pair = run(
        "check",
        "--format",
        "json",
        "--pair",
        *(str(FIXTURES / "pairs" / f"panzhou.{x}.txt") for x in ("zh", "en")),
    )[1]
    expected = [
        (f["rule"], f["severity"], f["zh"] and f["zh"]["text"], f["en"] and f["en"]["text"])
        for f in json.loads(text_pair)["files"][0]["findings"]
        if f["rule"].startswith("figure-")
    ]
    assert [
        (f["rule"], f["severity"], f["zh"] and f["zh"]["text"], f["en"] and f["en"]["text"])
        for f in data["findings"]
        if f["rule"].startswith("figure-")
    ] == expected
    assert len(expected) >= 2


# --- HTML --------------------------------------------------------------------------------


def seed_page() -> str:
    """The seed as a web page: a paragraph a ``<p>`` on a line of its own, quotes and
    ampersands as entities, a script and a style holding figures that are not text."""
    paragraphs = "\n".join(f"    <p>{html.escape(line)}</p>" for line in SEED_LINES)
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n  <title>盘州 2020 年</title>\n"
        '  <style>p { margin: 3px }</style>\n</head>\n<body>\n  <div class="article">\n'
        "    <script>var total = '投入 5 万元 invested 7 million';</script>\n"
        f"{paragraphs}\n  </div>\n</body>\n</html>\n"
    )


def test_an_html_page_gives_the_findings_at_its_lines(tmp_path: Path) -> None:
    page = seed_page()
    assert "&quot;" in page and "&#x27;" in page  # the quotes are entities
    path = tmp_path / "panzhou.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.encoding == "html/utf-8"
    assert document.text == "\n\n".join(SEED_LINES)  # no tag, no script, entities decoded
    report = check_document(document)
    assert figure_findings(report) == FIGURE_FINDINGS
    page_lines = page.splitlines()

    def in_page(text: str) -> tuple[int, int]:
        [(line, col)] = [
            (n, line.index(html.escape(text)) + 1)
            for n, line in enumerate(page_lines, 1)
            if html.escape(text) in line
        ]
        return line, col

    for finding in report.findings:
        for figure in (finding.zh, finding.en):
            if figure is not None:
                assert document.line_col(figure.start) == in_page(figure.text), figure
    assert document.line_col(report.findings[1].en.start) == (12, 573)
    code, out, _ = run("check", str(path))
    assert code == 1
    assert f"{path}:12:573: error figure-scale “3,877.5 million yuan” is 1,000 times “387.75" in out
    assert out.splitlines()[-1] == "2 errors, 1 warning, 4 info in 6 pairs (1 file)"


def test_html_keeps_columns_across_entities_and_wrapped_lines(tmp_path: Path) -> None:
    page = "<p>投入&nbsp;<b>387.75</b>\n  万元,<br>开发 457 个</p><p>A total of\n3,877.5 million yuan</p>"
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="gb18030")
    document = read_document(path)
    assert document.encoding == "html/gb18030"
    assert document.text == "投入\xa0387.75 万元,\n开发 457 个\n\nA total of 3,877.5 million yuan"
    assert [
        document.line_col(document.text.index(s)) for s in ("387.75", "万元", "开发", "3,877.5")
    ] == [
        (1, 15),
        (2, 3),
        (2, 10),
        (3, 1),
    ]


def test_an_html_table_of_pairs_gives_the_findings_of_the_seed(tmp_path: Path) -> None:
    rows = "\n".join(
        f"<tr><td>{html.escape(zh)}</td>\n    <td>{html.escape(en)}</td></tr>"
        for zh, en in zip(ZH_LINES, EN_LINES, strict=True)
    )
    path = tmp_path / "table.html"
    path.write_text(f"<table>\n{rows}\n</table>", encoding="utf-8")
    document = read_document(path)
    assert f"\n\n{ZH_LINES[2]}\n{EN_LINES[2]}\n\n" in document.text  # a row, a cell a line
    report = check_document(document)
    assert figure_findings(report) == FIGURE_FINDINGS
    scale = [f for f in report.findings if f.rule == "figure-scale"]
    assert [document.line_col(f.en.start)[0] for f in scale] == [7, 13]  # the <td>'s line


def test_html_line_breaks_preformatted_text_and_character_references() -> None:
    from bitext.read.html_page import read_html

    text, places = read_html(
        "<div>a<br/>b<br><br>c&#32;d&#x4e07;</div><pre>x  y\n\n  z</pre>"
        "<script>&amp; 投入</script><td>e</td><td>f</td>"
    )
    assert text == "a\nb\n\nc d万\n\nx  y\n\n  z\n\ne\nf"
    assert places.source(text.index("万")) == (1, 28)
    assert places.source(text.index("  z")) == (3, 1)


# --- refusals and cold start -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "text.docx",
            "盘州市投入 387.75 万元。".encode(),
            "not a Word document (.docx is a zip archive; this is not)",
        ),
        (
            "sheet.docx",
            None,
            "not a Word document (There is no item named '[Content_Types].xml' in the archive)",
        ),
        (
            "cut.docx",
            b"PK\x03\x04" + b"\x00" * 40,
            "not a Word document (damaged zip archive: File is not a zip file)",
        ),
    ],
)
def test_a_file_that_is_not_a_word_document_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is None:  # a zip archive that is not a Word document
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("data.csv", "year,yuan\n2018,3877500\n")
    else:
        path.write_bytes(content)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    assert err == f"bitext: error: {path}: {message}\n"


def test_a_word_document_that_unpacks_too_large_or_holds_too_much_text_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.png", b"\x00" * 2_000_000)
    assert path.stat().st_size < 10_000
    with pytest.raises(
        InputError, match=r"bomb.docx: the Word document unpacks to 2.0 MB \(the limit is 1.6 MB\)"
    ):
        read_document(path, max_bytes=200_000)
    long = paragraphs_docx(tmp_path / "long.docx", SEED_LINES * 40)
    assert 150_000 < len(read_document(long).text) < 200_000
    with pytest.raises(InputError, match=r"long.docx: the document's text is too large"):
        read_document(long, max_bytes=150_000)


def test_deleted_text_a_text_box_and_field_codes_are_not_read_a_link_is(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("投入 ")
    paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:t>387.75</w:t></w:r>'))
    for xml in (
        f'<w:del xmlns:w="{W}" w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>3877.5</w:delText></w:r></w:del>',
        f'<w:ins xmlns:w="{W}" w:id="2" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:t> 万元</w:t></w:r></w:ins>',
        f'<w:r xmlns:w="{W}"><w:instrText> PAGE 99 </w:instrText></w:r>',
        f'<w:r xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>投入 5 万元</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>",
        f'<w:hyperlink xmlns:w="{W}"><w:r><w:t>。Invested</w:t></w:r></w:hyperlink>',
        f'<w:r xmlns:w="{W}"><w:t xml:space="preserve"> 3.8775 million yuan.</w:t><w:br/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))
    document.save(str(tmp_path / "edits.docx"))
    read = read_document(tmp_path / "edits.docx")
    assert read.text == "投入 387.75 万元。Invested 3.8775 million yuan.\n"
    assert [f.rule for f in check_document(read).findings if f.rule.startswith("figure")] == []


def test_a_word_document_not_named_docx_gets_a_hint(tmp_path: Path) -> None:
    path = paragraphs_docx(tmp_path / "panzhou.docx", SEED_LINES).rename(tmp_path / "panzhou.txt")
    code, _, err = run("check", str(path))
    assert code == 2
    assert err == (
        f"bitext: error: {path}: binary file (contains NUL bytes), not a text bulletin "
        "(a zip archive: a Word document must be named .docx)\n"
    )


def test_an_empty_page_and_an_empty_document_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><script>x = 1</script></html>", encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "empty.html"))
    assert (code, err) == (2, f"bitext: error: {tmp_path / 'empty.html'}: the page shows no text\n")
    paragraphs_docx(tmp_path / "empty.docx", ["", "  "])
    code, _, err = run("check", str(tmp_path / "empty.docx"))
    assert (code, err) == (
        2,
        f"bitext: error: {tmp_path / 'empty.docx'}: the Word document holds no text\n",
    )


def test_a_directory_walk_reads_word_and_html_files(tmp_path: Path) -> None:
    paragraphs_docx(tmp_path / "a.docx", SEED_LINES)
    (tmp_path / "b.html").write_text(seed_page(), encoding="utf-8")
    (tmp_path / "c.htm").write_text(seed_page(), encoding="utf-8")
    (tmp_path / "d.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1"))  # not picked up
    code, out, _ = run("check", "--format", "json", str(tmp_path))
    assert code == 1
    files = json.loads(out)["files"]
    assert [(Path(f["path"]).name, f["summary"]["errors"]) for f in files] == [
        ("a.docx", 2),
        ("b.html", 2),
        ("c.htm", 2),
    ]


def test_a_text_check_does_not_import_python_docx() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import bitext.cli, bitext"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {re.split(r"\|\s*", line)[-1].strip() for line in result.stderr.splitlines()}
    assert "bitext.cli" in imported
    assert not {name for name in imported if name == "docx" or name.startswith("docx.")}


def test_places_survive_checking_in_parallel(tmp_path: Path) -> None:
    a = paragraphs_docx(tmp_path / "a.docx", SEED_LINES)
    b = table_docx(tmp_path / "b.docx")
    code, out, _ = run("check", "-j", "2", "--format", "json", str(a), str(b))
    assert code == 1
    assert [
        [x["en"]["place"] for x in f["findings"] if x["rule"] == "figure-scale"]
        for f in json.loads(out)["files"]
    ] == [["paragraph 3", "paragraph 6"], ["table 1, row 3, cell 2", "table 1, row 6, cell 2"]]
