"""The 台账 in Excel: a sheet per part, ready to print and to filter.

A4 landscape with the header frozen, repeated on every page and filtered
(`planctl.render.sheet_layout`); wrapped text; numbers stored as numbers and dates as
dates; a light cell filled in its colour and saying its word (红灯, 黄灯 …), so the sheet
reads the same printed in black and white. Text is always text: a cell starting with
= + - @ is never a formula.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from planctl.render import sheet_layout as layout
from planctl.tracking.ledger import Ledger, LedgerSheet, LightValue

# Fills people know from 督查督办 systems; the word in the cell says the same.
LIGHT_FILLS = {
    "red": "FF9999",
    "yellow": "FFE699",
    "green": "A9D08E",
    "grey": "D9D9D9",
    "done": "BDD7EE",
}
_HEADER_FILL = "D9D9D9"
_TITLE_ROW, _HEADER_ROW = 1, 2
_SHEET_NAME_LIMIT = 31


def ledger(model: Ledger) -> bytes:
    from openpyxl import Workbook

    from planctl.render.archive import repackage
    from planctl.render.markup import property_text

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for sheet in model.sheets:
        _fill(book.create_sheet(_sheet_name(sheet.title, used)), sheet, model)
    book.properties.creator = "planctl"
    book.properties.title = property_text(model.title)
    moment = datetime.datetime.combine(model.as_of, datetime.time())
    book.properties.created = book.properties.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    return repackage(buffer.getvalue())


def _fill(sheet: Any, part: LedgerSheet, model: Ledger) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    title = f"{model.title}（{part.title}，截至 {model.as_of.isoformat()}）"
    _put(sheet.cell(_TITLE_ROW, 1), title)
    sheet.cell(_TITLE_ROW, 1).font = Font(bold=True, size=14)
    if len(part.columns) > 1:
        sheet.merge_cells(
            start_row=_TITLE_ROW, start_column=1, end_row=_TITLE_ROW, end_column=len(part.columns)
        )
    for index, column in enumerate(part.columns, start=1):
        cell = sheet.cell(_HEADER_ROW, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = grid
    for row_index, row in enumerate(part.rows, start=_HEADER_ROW + 1):
        for index, (column, value) in enumerate(zip(part.columns, row, strict=True), start=1):
            cell = sheet.cell(row_index, index)
            _put(cell, value)
            cell.border = grid
            horizontal = "center" if column.center else "left"
            cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=True)
            if isinstance(value, LightValue):
                cell.fill = PatternFill("solid", fgColor=LIGHT_FILLS[value.light])
    last_row = _HEADER_ROW + len(part.rows)
    if part.note:
        _put(sheet.cell(last_row + 2, 1), part.note)
    _widths(sheet, part)
    layout.set_up_printing(
        sheet, header_row=_HEADER_ROW, last_row=last_row, columns=len(part.columns)
    )


def _put(cell: Any, value: object) -> None:
    from planctl.render.markup import xml_safe
    from planctl.render.table import starts_formula

    if value is None:
        return
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        cell.value = value
        if isinstance(value, float):
            cell.number_format = "0.0"
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = layout.DATE_FORMAT
    else:
        text = str(value)
        cell.value = xml_safe(text)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        cell.quotePrefix = starts_formula(text)


def _widths(sheet: Any, part: LedgerSheet) -> None:
    needs = [
        layout.ColumnNeed(
            natural=column.width * 2.2,
            minimum=layout.text_units(column.header, 11) + layout.CELL_PADDING_UNITS,
        )
        for column in part.columns
    ]
    layout.set_widths(sheet, layout.fit_widths(needs, layout.column_budget()))


def _sheet_name(title: str, used: set[str]) -> str:
    from planctl.render.markup import xml_safe

    cleaned = "".join("_" if c in ":\\/?*[]" else c for c in xml_safe(title)).strip("'")
    cleaned = cleaned or "Sheet"
    name, counter = cleaned[:_SHEET_NAME_LIMIT], 2
    while name.casefold() in used:
        suffix = f"({counter})"
        name, counter = cleaned[: _SHEET_NAME_LIMIT - len(suffix)] + suffix, counter + 1
    used.add(name.casefold())
    return name
