"""Plain aligned text for `planctl status` and `planctl stats` (a terminal gets a rich
table from the command instead): columns measured in display width, so Chinese lines up;
long cells cut with an ellipsis."""

from __future__ import annotations

from collections.abc import Sequence

from planctl.chinese import display_width
from planctl.i18n import _
from planctl.tracking.formats import rows
from planctl.tracking.stats import Stats, StatusView

# The widest a column may be, in half-width columns: tables stay readable in a console.
_MOST = 40
_GAP = "  "


def status_text(view: StatusView) -> str:
    if view.by == "task":
        table = [rows.task_cells(view, task) for task in view.status.tasks]
        body = aligned(rows.task_headers(), table)
    else:
        table = [rows.figure_cells(row.name, row.figures) for row in view.groups]
        body = aligned(rows.figure_headers(rows.group_title(view.by)), table)
    return body + _notes(view.status.notes) + rows.summary_line(view) + "\n"


def stats_text(stats: Stats) -> str:
    lines = [_("Figures as of {date}").format(date=stats.as_of.isoformat())]
    title = rows.group_title(stats.by) if stats.by else ""
    body = aligned(rows.figure_headers(title), rows.stats_rows(stats))
    return "\n".join(lines) + "\n" + body + _notes(stats.notes)


def aligned(headers: Sequence[str], table: Sequence[Sequence[str]]) -> str:
    """Rows under their headers, each column as wide as its widest cell (at most _MOST)."""
    cells = [[_cut(cell) for cell in row] for row in [list(headers), *table]]
    widths = [max(display_width(row[index]) for row in cells) for index in range(len(headers))]
    lines = []
    for row in cells:
        padded = [
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=True)
        ]
        lines.append(_GAP.join(padded).rstrip())
    return "\n".join(lines) + "\n"


def _cut(text: str) -> str:
    text = " ".join(text.split())  # one line per row
    if display_width(text) <= _MOST:
        return text
    kept = ""
    for char in text:
        if display_width(kept + char) > _MOST - 1:
            break
        kept += char
    return kept + "…"


def _notes(notes: Sequence[str]) -> str:
    return "".join(_("note: {note}").format(note=note) + "\n" for note in notes)
