"""Excel output: any `TableDocument`, one worksheet per table, ready to print and to track.

Each sheet has the title on top, a frozen header row that also repeats on every printed
page, landscape A4 fitted to the page width, wrapped text, and column widths measured
in east-Asian character widths. Text is always stored as text: a cell starting with
= + - @ is never a formula (and is marked quote-prefixed, so editing keeps it text).
"""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planctl import chinese
from planctl.render import gbt9704 as gb
from planctl.render.archive import repackage
from planctl.render.job import Job
from planctl.render.markup import property_text, xml_safe
from planctl.render.table import Cell, Column, Row, Table, TableDocument, starts_formula

BODY_FONT = gb.SONGTI.word
HEADER_FONT = gb.HEITI.word
BODY_SIZE = 11
TITLE_SIZE = 16
LINE_HEIGHT_PT = 14.5  # one line of 11 pt text
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="000000")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
_SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[:\\/?*\[\]]")
_PLAIN_NUMBER = re.compile(r"[1-9][0-9]{0,14}\Z")
_MARK_FONTS = {
    "strong": InlineFont(b=True),
    "insert": InlineFont(b=True, u="single"),
    "delete": InlineFont(strike=True),
}


def table(job: Job) -> bytes:
    return write_tables(job.table)


def units(job: Job) -> bytes:
    return write_tables(job.units)


def revision(job: Job) -> bytes:
    return write_tables(job.revision)


def write_tables(document: TableDocument) -> bytes:
    """The workbook's bytes: a sheet per table, named after it (or the document)."""
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for model in document.tables:
        name = _sheet_name(model.title or document.title, used)
        _fill_sheet(book.create_sheet(name), model, model.title or document.title)
    book.properties.creator = "planctl"
    book.properties.title = property_text(document.title)
    moment = datetime.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    return repackage(buffer.getvalue())


def _sheet_name(title: str, used: set[str]) -> str:
    base = _NOT_IN_SHEET_NAMES.sub("_", xml_safe(title)).strip("'") or "Sheet"
    name = base[:_SHEET_NAME_LIMIT]
    counter = 2
    while name.casefold() in used:
        suffix = f"({counter})"
        name = base[: _SHEET_NAME_LIMIT - len(suffix)] + suffix
        counter += 1
    used.add(name.casefold())
    return name


def _fill_sheet(sheet: Worksheet, model: Table, title: str) -> None:
    width = len(model.columns)
    top = [title, model.note] if model.note else [title]
    for row, text in enumerate(top, start=1):
        _spanning(
            sheet,
            row,
            width,
            text,
            Font(name=HEADER_FONT, size=TITLE_SIZE if row == 1 else BODY_SIZE),
            None,
        )
    header_row = len(top) + 1
    for index, column in enumerate(model.columns, start=1):
        cell = sheet.cell(header_row, index, xml_safe(column.header))
        _style(cell, Font(name=HEADER_FONT, size=BODY_SIZE), "center", HEADER_FILL)
    for offset, row_model in enumerate(model.rows, start=1):
        _write_row(sheet, header_row + offset, row_model, model.columns)
    widths = _set_widths(sheet, model)
    _set_heights(sheet, model, header_row, widths)
    _page_setup(sheet, header_row)


def _spanning(
    sheet: Worksheet, row: int, width: int, text: str, font: Font, fill: PatternFill | None
) -> None:
    cell = sheet.cell(row, 1)
    _put_text(cell, text)
    if width > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    _style(cell, font, "center" if fill is None else "left", fill)


def _write_row(sheet: Worksheet, index: int, row: Row, columns: tuple[Column, ...]) -> None:
    if row.kind == "section":
        _spanning(
            sheet,
            index,
            len(columns),
            row.cells[0].text,
            Font(name=HEADER_FONT, size=BODY_SIZE),
            SECTION_FILL,
        )
        for number in range(1, len(columns) + 1):
            sheet.cell(index, number).border = GRID
        return
    for number, (value, column) in enumerate(zip(row.cells, columns, strict=False), start=1):
        cell = sheet.cell(index, number)
        _put(cell, value)
        _style(cell, Font(name=BODY_FONT, size=BODY_SIZE), column.align, None)


def _put(cell: Any, value: Cell) -> None:
    """Store a model cell: plain numbers as numbers, marked text as rich text, the rest
    as text."""
    if any(segment.mark for segment in value.segments):
        blocks = [
            TextBlock(_MARK_FONTS[s.mark], xml_safe(s.text)) if s.mark else xml_safe(s.text)
            for s in value.segments
            if s.text
        ]
        cell.value = CellRichText(blocks)
        cell.quotePrefix = starts_formula(value.text)
    elif _PLAIN_NUMBER.match(value.text):
        cell.value = int(value.text)
    else:
        _put_text(cell, value.text)


def _put_text(cell: Any, text: str) -> None:
    cell.value = xml_safe(text)
    # openpyxl reads a leading "=" as a formula; plan text never is one.
    cell.data_type = "s"
    cell.quotePrefix = starts_formula(text)


def _style(cell: Any, font: Font, align: str, fill: PatternFill | None) -> None:
    cell.font = font
    cell.alignment = Alignment(
        horizontal=align, vertical="center" if align == "center" else "top", wrap_text=True
    )
    cell.border = GRID
    if fill is not None:
        cell.fill = fill


def _set_widths(sheet: Worksheet, model: Table) -> list[int]:
    """Each column as wide as its longest line, capped by the column's width hint; Excel
    counts width in half-width characters, so a Chinese character counts two."""
    widths = []
    for index, column in enumerate(model.columns):
        cells = [
            row.cells[index] for row in model.rows if row.kind == "item" and index < len(row.cells)
        ]
        longest = max((_widest_line(c.text) for c in cells), default=0)
        header = chinese.display_width(column.header)
        width = min(max(longest, header), column.width * 2) + 2
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
        widths.append(width)
    return widths


def _set_heights(sheet: Worksheet, model: Table, header_row: int, widths: list[int]) -> None:
    """Row heights for the wrapped text. Excel and LibreOffice do not grow a row to fit its
    text when they open a file, so the lines each cell wraps into are counted here."""
    for offset, row in enumerate(model.rows, start=1):
        if row.kind == "section":
            continue
        lines = max(
            (
                _wrapped_lines(cell.text, width)
                for cell, width in zip(row.cells, widths, strict=False)
            ),
            default=1,
        )
        sheet.row_dimensions[header_row + offset].height = lines * LINE_HEIGHT_PT + 4


def _wrapped_lines(text: str, width: int) -> int:
    # A Chinese character in an 11 pt face is a little wider than two of Excel's width
    # units (the default font's digit), so a line holds slightly fewer than `width` columns.
    capacity = max(1, int((width - 1) * 0.9))
    return sum(max(1, -(-chinese.display_width(line) // capacity)) for line in text.split("\n"))


def _widest_line(text: str) -> int:
    return max((chinese.display_width(line) for line in text.split("\n")), default=0)


def _page_setup(sheet: Worksheet, header_row: int) -> None:
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
