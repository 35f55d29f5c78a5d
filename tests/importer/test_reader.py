"""Reading documents: the encodings offices save text in, and clear refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from planctl.errors import InputError
from planctl.importer.reader import read_source

TEXT = "肇庆市2012年工作计划\n一、总体要求\n（一）推进产业发展。（市发展改革局牵头）\n"


def write(tmp_path: Path, data: bytes, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8", "utf-8 with BOM", "GBK", "GB18030", "UTF-16 (Notepad “Unicode”)", "CRLF"],
)
def test_every_common_encoding_reads_to_the_same_lines(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    source = read_source(write(tmp_path, data))
    assert source.encoding == encoding
    assert [line.text for line in source.lines] == TEXT.splitlines()


def test_a_gbk_file_is_read_with_a_note_saying_so(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, TEXT.encode("gbk")))
    assert source.notes == ["read as GB18030/GBK (not UTF-8)"]


def test_lines_keep_their_numbers_and_normalized_punctuation(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "\n\n(一)推进A,加快B:(市财政局负责)\n".encode()))
    line = source.lines[2]
    assert (line.where, line.raw) == ("line 3", "(一)推进A,加快B:(市财政局负责)")
    assert line.text == "（一）推进A，加快B：（市财政局负责）"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word"),
        (b"%PDF-1.7\n", "PDF"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
    ids=["empty", "blank", "PNG", "zip", "doc", "pdf", "control characters"],
)
def test_unreadable_input_is_a_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        read_source(write(tmp_path, data))
    assert raised.value.hint
    assert raised.value.exit_code == 2


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the file"):
        read_source(tmp_path / "nowhere.txt")


def test_a_broken_docx_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"not a readable Word \.docx"):
        read_source(write(tmp_path, b"PK\x03\x04 not really a zip", "plan.docx"))


def test_a_table_pasted_as_text_keeps_its_cells(tmp_path: Path) -> None:
    text = "计划\n序号\t工作任务\t牵头单位\n1\t推进甲。\t市财政局\n合计\t1项\n"
    rows = [line for line in read_source(write(tmp_path, text.encode())).lines if line.cells]
    assert [line.cells for line in rows] == [
        ("序号", "工作任务", "牵头单位"),
        ("1", "推进甲。", "市财政局"),
        ("合计", "1项"),
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".doc", ".pdf", ".wps"])
def test_formats_that_cannot_be_imported_say_how_to_convert(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(InputError, match="cannot be imported") as raised:
        read_source(write(tmp_path, b"anything", f"plan{suffix}"))
    assert ".docx" in raised.value.hint
