"""`--format md`: the status as a Markdown table, for a wiki page or a merge request."""

from __future__ import annotations

from collections.abc import Sequence

from planctl.tracking.formats import rows
from planctl.tracking.stats import StatusView


def status_markdown(view: StatusView) -> str:
    if view.by == "task":
        table = [rows.task_cells(view, task) for task in view.status.tasks]
        body = _table(rows.task_headers(), table)
    else:
        table = [rows.figure_cells(row.name, row.figures) for row in view.groups]
        body = _table(rows.figure_headers(rows.group_title(view.by)), table)
    notes = "".join(f"> {_escaped(note)}\n" for note in view.status.notes)
    return body + "\n" + (notes + "\n" if notes else "") + _escaped(rows.summary_line(view)) + "\n"


def _table(headers: Sequence[str], table: Sequence[Sequence[str]]) -> str:
    lines = [_row(headers), "|" + "---|" * len(headers)]
    lines.extend(_row(row) for row in table)
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_escaped(cell) for cell in cells) + " |"


def _escaped(text: str) -> str:
    """Plan text is data: no markup, no table break, no HTML."""
    text = " ".join(text.split())
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text
