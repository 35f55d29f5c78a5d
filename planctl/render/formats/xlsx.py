"""Excel output: any `TableDocument`, one worksheet per table, ready to print and to track.

Each sheet has the title on top, a header row that stays frozen on screen, repeats on
every printed page and carries an autofilter, and columns that share a landscape A4
page so the sheet prints at full scale (`planctl.render.sheet_layout`). Numbers are
stored as numbers; a column of deadlines gets a date-typed column beside it (截止日期),
so a tracker sorts and filters by date. Text is always stored as text: a cell starting
with = + - @ is never a formula (and is marked quote-prefixed, so editing keeps it text).
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from planctl.render import gbt9704 as gb
from planctl.render import sheet_layout as layout
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
# Whole numbers and decimals as a spreadsheet would type them (no leading zeros: 007 is
# a code, not a number).
_PLAIN_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,10})?\Z")
_MARK_FONTS = {
    "strong": InlineFont(b=True),
    "insert": InlineFont(b=True, u="single"),
    "delete": InlineFont(strike=True),
}
# A text column narrower than this many characters wraps too often to read.
_READABLE_CHARS = 5


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


# --- the sheet's columns: the model's, and a date column beside each column of deadlines ---


@dataclass(frozen=True, slots=True)
class _SheetColumn:
    header: str
    align: str
    source: int  # the model column it shows
    dates: bool = False  # the model cells' dates, not their text


def _sheet_columns(columns: tuple[Column, ...]) -> list[_SheetColumn]:
    found = []
    for index, column in enumerate(columns):
        found.append(_SheetColumn(column.header, column.align, index))
        if column.date_header:
            found.append(_SheetColumn(column.date_header, "center", index, dates=True))
    return found


def _fill_sheet(sheet: Worksheet, model: Table, title: str) -> None:
    columns = _sheet_columns(model.columns)
    width = len(columns)
    top = [title, model.note] if model.note else [title]
    for row, text in enumerate(top, start=1):
        size = TITLE_SIZE if row == 1 else BODY_SIZE
        _spanning(sheet, row, width, text, Font(name=HEADER_FONT, size=size), None)
    header_row = len(top) + 1
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(header_row, index, xml_safe(column.header))
        _style(cell, Font(name=HEADER_FONT, size=BODY_SIZE), "center", HEADER_FILL)
    for offset, row_model in enumerate(model.rows, start=1):
        _write_row(sheet, header_row + offset, row_model, columns)
    widths = _fit_columns(model, columns)
    layout.set_widths(sheet, widths)
    _set_heights(sheet, model, columns, header_row, widths)
    layout.set_up_printing(
        sheet, header_row=header_row, last_row=header_row + len(model.rows), columns=width
    )


def _spanning(
    sheet: Worksheet, row: int, width: int, text: str, font: Font, fill: PatternFill | None
) -> None:
    cell = sheet.cell(row, 1)
    _put_text(cell, text)
    if width > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    _style(cell, font, "center" if fill is None else "left", fill)


def _write_row(sheet: Worksheet, index: int, row: Row, columns: list[_SheetColumn]) -> None:
    if row.kind == "section":
        font = Font(name=HEADER_FONT, size=BODY_SIZE)
        _spanning(sheet, index, len(columns), row.cells[0].text, font, SECTION_FILL)
        for number in range(1, len(columns) + 1):
            sheet.cell(index, number).border = GRID
        return
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(index, number)
        value = row.cells[column.source] if column.source < len(row.cells) else Cell()
        if column.dates:
            _put_date(cell, value.date)
        else:
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
        cell.value = float(value.text) if "." in value.text else int(value.text)
    else:
        _put_text(cell, value.text)


def _put_date(cell: Any, date: datetime.date | None) -> None:
    if date is not None:
        cell.value = date
        cell.number_format = layout.DATE_FORMAT


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


# --- widths and heights -------------------------------------------------------------------


def _shown(model: Table, column: _SheetColumn) -> Iterator[Cell]:
    for row in model.rows:
        if row.kind == "item" and column.source < len(row.cells):
            yield row.cells[column.source]


def _fit_columns(model: Table, columns: list[_SheetColumn]) -> list[float]:
    """Widths that share the printable width: each column asks for its longest line and
    will not go below its header, its phrases that must stay whole, or a readable width."""
    needs = []
    for column in columns:
        cells = list(_shown(model, column))
        if column.dates:
            texts = ["0000-00-00"]
            keep = texts
        else:
            texts = [cell.text for cell in cells]
            keep = [s.text for cell in cells for s in cell.segments if s.keep]
        natural = max((layout.text_units(t, BODY_SIZE) for t in texts), default=0.0)
        readable = layout.text_units("字" * _READABLE_CHARS, BODY_SIZE)
        minimum = max(
            layout.text_units(column.header, BODY_SIZE),
            max((layout.text_units(t, BODY_SIZE) for t in keep), default=0.0),
            min(natural, readable),
        )
        pad = layout.CELL_PADDING_UNITS
        needs.append(layout.ColumnNeed(natural + pad, minimum + pad))
    return layout.fit_widths(needs, layout.column_budget())


def _set_heights(
    sheet: Worksheet,
    model: Table,
    columns: list[_SheetColumn],
    header_row: int,
    widths: list[float],
) -> None:
    """Row heights for the wrapped text. Excel and LibreOffice do not grow a row to fit its
    text when they open a file, so the lines each cell wraps into are counted here."""
    for offset, row in enumerate(model.rows, start=1):
        if row.kind == "section":
            continue
        lines = max(
            (
                _wrapped_lines(row.cells[column.source].text, width)
                for column, width in zip(columns, widths, strict=True)
                if not column.dates and column.source < len(row.cells)
            ),
            default=1,
        )
        sheet.row_dimensions[header_row + offset].height = lines * LINE_HEIGHT_PT + 4


def _wrapped_lines(text: str, width: float) -> int:
    capacity = max(width - layout.CELL_PADDING_UNITS, 1.0)
    return sum(
        max(1, math.ceil(layout.text_units(line, BODY_SIZE) / capacity))
        for line in text.split("\n")
    )
