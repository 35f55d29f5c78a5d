"""Tables as offices print them: a deadline never breaks inside its phrase, Word rows never
split across pages and the header repeats, the workbook prints at full scale on A4
landscape with real dates beside the worded deadlines. Read back with python-docx and
openpyxl, and printed through LibreOffice where it is installed."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pymupdf
import pytest
from docx.oxml.ns import qn

from planctl.render import sheet_layout
from planctl.render.docx.rows import is_kept_whole, is_repeated
from planctl.render.formats import docx as docx_writer
from planctl.render.formats import xlsx as xlsx_writer
from planctl.render.table import Cell, Column, Row, Segment, Table, TableDocument
from planctl.render.unbreakable import WORD_JOINER, joined

from .conftest import HOSTILE, TRACKED, ZHAOQING, Render
from .office import convert_to_pdf, needs_libreoffice, same_fonts_as_typst

DEADLINES = ("2023年6月底前", "2023年12月31日前", "2024年第三季度", "长期坚持")


def deadline_table(rows: int = 24) -> TableDocument:
    """Tasks of many lengths in a wide column, their deadlines in a column whose width
    hint is far too small for them."""
    items = tuple(
        Row(
            (
                Cell.of(str(index + 1)),
                Cell.of("推进重点改革任务" * (1 + index % 5)),
                Cell(
                    (Segment(DEADLINES[index % 4], keep=True), Segment("，逐年推进")),
                ),
            )
        )
        for index in range(rows)
    )
    columns = (Column("序号", 3, "center"), Column("工作任务", 60), Column("完成时限", 2))
    return TableDocument("重点改革任务分工表", (Table("", columns, items),))


# --- Word ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def word_table(rendered: Render) -> Any:
    return docx.Document(str(rendered(ZHAOQING, "table", "docx"))).tables[0]


def test_word_rows_never_split_and_the_header_repeats(word_table: Any) -> None:
    rows = [row._tr for row in word_table.rows]
    assert len(rows) > 30
    assert all(is_kept_whole(tr) for tr in rows)
    assert is_repeated(rows[0])
    assert not any(is_repeated(tr) for tr in rows[1:])


def test_word_joins_the_characters_of_each_deadline(word_table: Any) -> None:
    deadlines = [row.cells[4].text for row in word_table.rows[1:] if len(row._tr.tc_lst) > 4]
    worded = [text for text in deadlines if text]
    assert worded and all(WORD_JOINER in text for text in worded)
    assert joined("2012年底前") in worded


def test_word_gives_the_deadline_column_room_for_its_longest_deadline() -> None:
    data = docx_writer.write_tables(deadline_table())
    grid = docx.Document(io.BytesIO(data)).tables[0]._tbl.tblGrid
    widths = [int(column.get(qn("w:w"))) for column in grid.findall(qn("w:gridCol"))]
    longest_twips = (4 * 6 + 5 * 12) * 20  # 2023年12月31日前: six digits, five characters
    assert widths[2] >= longest_twips
    assert widths[1] > 4 * widths[2]  # the rest still goes to the wide column


def words_on_pages(pdf: Path) -> list[str]:
    with pymupdf.open(pdf) as document:
        found = [word[4] for page in document for word in page.get_text("words")]
    return [word.replace(WORD_JOINER, "") for word in found]


@needs_libreoffice
def test_libreoffice_prints_every_deadline_of_a_word_table_on_one_line(tmp_path: Path) -> None:
    source = tmp_path / "table.docx"
    source.write_bytes(docx_writer.write_tables(deadline_table()))
    pdf = convert_to_pdf(source, tmp_path, fontconfig=same_fonts_as_typst(tmp_path))
    words = words_on_pages(pdf)
    for deadline in DEADLINES:
        # The phrase is one printed word (its note may follow it on the same line).
        assert any(word.startswith(deadline) for word in words), (deadline, words)
    # Wherever a line holds the start of a deadline, it holds all of it.
    starts = [word[word.index("20") :] for word in words if re.search(r"20\d\d年", word)]
    assert starts and all(start.startswith(DEADLINES) for start in starts), starts


# --- HTML --------------------------------------------------------------------------------


def test_html_keeps_each_deadline_in_a_box_that_never_wraps(rendered: Render) -> None:
    page = rendered(ZHAOQING, "table", "html").read_text(encoding="utf-8")
    assert ".keep { white-space: nowrap; }" in page
    assert '<span class="keep">2012年底前</span>' in page
    assert '<span class="keep">长期坚持</span>' not in page  # not in this plan


# --- Excel ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def book(rendered: Render) -> Any:
    return openpyxl.load_workbook(rendered(ZHAOQING, "table", "xlsx"))


def widths(sheet: Any) -> list[float]:
    return [
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width
        for index in range(1, sheet.max_column + 1)
    ]


@pytest.mark.parametrize(
    ("plan", "document"), [(ZHAOQING, "table"), (ZHAOQING, "units"), (TRACKED, "table")]
)
def test_every_sheet_fits_a_landscape_page_at_full_scale(
    rendered: Render, plan: Path, document: str
) -> None:
    for sheet in openpyxl.load_workbook(rendered(plan, document, "xlsx")).worksheets:
        assert sheet_layout.print_scale(widths(sheet)) >= sheet_layout.MIN_SCALE
        assert sum(widths(sheet)) <= sheet_layout.printable_width_units() + 0.05
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize), setup.fitToWidth) == ("landscape", 9, 1)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_exact_deadlines_are_also_real_dates(rendered: Render) -> None:
    sheet = openpyxl.load_workbook(rendered(HOSTILE, "table", "xlsx")).active
    assert sheet.cell(2, 6).value == "截止日期"
    dated = [row for row in sheet.iter_rows(min_row=3) if row[5].value is not None]
    assert len(dated) == 2
    for cells in dated:
        assert cells[5].is_date and cells[5].number_format == "yyyy-mm-dd"
    pairs = [(cells[4].value, cells[5].value.date()) for cells in dated]
    assert pairs == [
        ("2012年6月底前", datetime.date(2012, 6, 30)),
        ("2012年第四季度", datetime.date(2012, 12, 31)),
    ]


def test_numbers_are_numbers_and_text_never_a_formula(book: Any) -> None:
    sheet = book.active
    serials = [row[0].value for row in sheet.iter_rows(min_row=3) if row[0].data_type == "n"]
    assert serials == list(range(1, len(serials) + 1))
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row if cell.value)


def test_a_plain_decimal_is_a_number_and_a_code_with_a_leading_zero_is_text() -> None:
    rows = (Row((Cell.of("12.5"),)), Row((Cell.of("007"),)), Row((Cell.of("=1+1"),)))
    table = Table("", (Column("数值", 6),), rows)
    sheet = openpyxl.load_workbook(
        io.BytesIO(xlsx_writer.write_tables(TableDocument("t", (table,))))
    ).active
    assert [sheet.cell(row, 1).value for row in (3, 4, 5)] == [12.5, "007", "=1+1"]
    assert sheet.cell(5, 1).data_type == "s"


def printed_size_pt(pdf: Path, header: str) -> float:
    """The size the header word prints at: a Chinese character is one em wide."""
    with pymupdf.open(pdf) as document:
        for word in document[0].get_text("words"):
            if word[4] == header:
                return float(word[2] - word[0]) / len(header)
    raise AssertionError(f"{header} is not on the first page")


@needs_libreoffice
def test_libreoffice_prints_the_workbook_text_at_10_pt_or_more(
    rendered: Render, tmp_path: Path
) -> None:
    pdf = convert_to_pdf(
        rendered(ZHAOQING, "table", "xlsx"), tmp_path, fontconfig=same_fonts_as_typst(tmp_path)
    )
    assert printed_size_pt(pdf, "工作任务") >= 10
    assert printed_size_pt(pdf, "完成时限") >= 10
