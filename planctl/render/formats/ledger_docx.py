"""The 台账 in Word: landscape A4, a table per sheet, header rows repeated on every page and
no row split across pages (the table writer of `planctl.render.formats.docx`)."""

from __future__ import annotations

from planctl.render.table import Cell, Column, Row, Table, TableDocument
from planctl.tracking.ledger import Ledger, cell_text


def ledger(model: Ledger) -> bytes:
    from planctl.render.formats.docx import write_tables

    return write_tables(ledger_tables(model), date=model.as_of)


def ledger_tables(model: Ledger) -> TableDocument:
    """The ledger as the format-neutral table model (Word and Markdown print it)."""
    tables = tuple(
        Table(
            title=sheet.title,
            columns=tuple(
                Column(c.header, c.width, "center" if c.center else "left") for c in sheet.columns
            ),
            rows=tuple(
                Row(tuple(Cell.of(cell_text(value)) for value in row)) for row in sheet.rows
            ),
            note=sheet.note,
        )
        for sheet in model.sheets
    )
    return TableDocument(model.title, tables, f"截至 {model.as_of.isoformat()}")
