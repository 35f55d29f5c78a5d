"""`--format csv`: one table, for Excel and WPS: UTF-8 with a byte-order mark, CRLF, and
no cell that a spreadsheet would read as a formula (plan and report text is data)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from planctl.tracking.formats import rows
from planctl.tracking.stats import Stats, StatusView

_BOM = "\ufeff"
_FORMULA_GUARD = "'"


def status_csv(view: StatusView) -> str:
    if view.by == "task":
        table = [rows.task_cells(view, task) for task in view.status.tasks]
        return _written(rows.task_headers(), table)
    table = [rows.figure_cells(row.name, row.figures) for row in view.groups]
    return _written(rows.figure_headers(rows.group_title(view.by)), table)


def stats_csv(stats: Stats) -> str:
    title = rows.group_title(stats.by) if stats.by else ""
    return _written(rows.figure_headers(title), rows.stats_rows(stats))


def _written(headers: Sequence[str], table: Sequence[Sequence[str]]) -> str:
    from planctl.render.table import starts_formula  # the one formula test of every table

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [headers, *table]:
        writer.writerow([_FORMULA_GUARD + cell if starts_formula(cell) else cell for cell in row])
    return _BOM + buffer.getvalue()
