"""Reading files: encodings Chinese offices use, BOMs, newlines, and what is refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import bitext
from bitext.model import InputError
from bitext.read.document import decode, read_document

from .conftest import FIXTURES, panzhou_text


def _findings(path: Path) -> list[tuple]:
    report = bitext.check_paths([str(path)]).files[0]
    return [
        (f.rule, f.severity.value, f.message,
         (f.zh.start, f.zh.end, f.zh.text) if f.zh else None,
         (f.en.start, f.en.end, f.en.text) if f.en else None)
        for f in report.findings
    ]  # fmt: skip


@pytest.fixture(scope="module")
def utf8_findings(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    path = tmp_path_factory.mktemp("utf8") / "panzhou.txt"
    path.write_text(panzhou_text(), encoding="utf-8")
    return _findings(path)


@pytest.mark.parametrize(
    ("encoding", "prefix", "reported"),
    [
        ("gb18030", b"", "gb18030"),
        ("utf-16", b"", "utf-16"),  # Python writes a BOM
        ("utf-16-le", b"", "utf-16-le"),  # no BOM: sniffed from the NUL bytes
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ],
)
def test_panzhou_in_other_encodings_gives_the_same_findings_and_offsets(
    tmp_path: Path, utf8_findings: list[tuple], encoding: str, prefix: bytes, reported: str
) -> None:
    path = tmp_path / f"panzhou.{encoding}.txt"
    path.write_bytes(prefix + panzhou_text().encode(encoding))
    assert read_document(path).encoding == reported
    assert read_document(path).text == panzhou_text()
    assert _findings(path) == utf8_findings


def test_crlf_keeps_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "panzhou-crlf.txt"
    path.write_bytes(panzhou_text().replace("\n", "\r\n").encode("utf-8"))
    report = bitext.check_paths([str(path)]).files[0]
    text = path.read_bytes().decode("utf-8")
    positions = []
    for finding in report.findings:
        figure = finding.en or finding.zh
        if figure is None:
            continue  # a cleaning finding
        assert text[figure.start : figure.end] == figure.text
        positions.append(report.document.line_col(figure.start))
    assert positions == [(5, 153), (5, 566), (7, 159), (11, 154)]


def test_big5_traditional_bulletin_is_read_correctly() -> None:
    document = read_document(FIXTURES / "encodings" / "taichung.big5.txt")
    assert document.encoding == "big5"
    assert document.text.startswith("[臺中市] 推動長照服務成果\n\n今年市府持續擴大長期照顧服務。")
    report = bitext.check_document(document)
    assert [(f.rule, f.zh.text, f.en.text) for f in report.findings if f.zh and f.en] == [
        ("figure-scale", "4.8 萬名", "480,000")
    ]
    assert [f.text for f in report.figures] == [
        "1.25 億元", "36 處", "NT$125 million", "36", "4.8 萬名", "480,000", "12 名", "12",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("年以来,大连市 6 家市直部门与盘州市 9 个乡镇建立结对帮扶关系。", "gb18030"),
        ("臺北市政府今年投入三千八百萬元,選派六名教師。", "big5"),
        ("臺北市政府今年投入三千八百萬元,選派六名教師。", "gb18030"),
        ("香港特別行政區政府", "big5"),
        ("盘州", "gb18030"),
    ],
)
def test_legacy_encodings_are_told_apart(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == (text, encoding)


def test_directory_is_refused_by_read_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_control_characters_mean_binary() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(bytes(range(1, 32)) * 20)
