"""CSV output of a one-table `TableDocument`, for Excel and WPS as much as for scripts.

UTF-8 with a byte-order mark (without it Excel and WPS read Chinese as GBK and garble
it), CRLF line ends, the header row first and section rows as a row with their text in
the first column. A cell that a spreadsheet would read as a formula (= + - @, or a
leading tab or carriage return) gets a leading apostrophe, the usual defence, so plan
text is never run.
"""

from __future__ import annotations

import codecs
import csv
import io

from planctl.errors import UsageError
from planctl.render.job import Job
from planctl.render.table import Row, Table, TableDocument, starts_formula

FORMULA_GUARD = "'"


def table(job: Job) -> bytes:
    return write_tables(job.table)


def write_tables(document: TableDocument) -> bytes:
    if len(document.tables) != 1:
        raise UsageError(
            f"CSV holds one table; {document.title} has {len(document.tables)}",
            hint="use --format xlsx for several tables",
        )
    return write_table(document.tables[0])


def write_table(model: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_guard(column.header) for column in model.columns])
    for row in model.rows:
        writer.writerow(_values(row, len(model.columns)))
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _values(row: Row, width: int) -> list[str]:
    values = [_guard(cell.text) for cell in row.cells]
    return values + [""] * (width - len(values))


def _guard(text: str) -> str:
    return FORMULA_GUARD + text if starts_formula(text) else text
