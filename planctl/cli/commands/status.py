"""`planctl status`: every task's deadline light as of a date, and who has reported."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from planctl.cli.commands import done
from planctl.errors import ExitCode
from planctl.i18n import N_, _

if TYPE_CHECKING:
    from planctl.findings import Finding
    from planctl.tracking.stats import StatusView

HELP = N_(
    "Show each task's light (red, yellow, green, closed, stopped) as of a date, with why, "
    "its latest progress and whether its units reported on time."
)


def status(
    plans: list[str] = typer.Argument(  # noqa: B008 — typer declares arguments this way
        None,
        metavar="[PLAN]...",
        help=_("Plan ids or plan files (default: every plan)."),
        show_default=False,
    ),
    as_of: str = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help=_("The date to judge by, YYYY-MM-DD (default: today)."),
        show_default=False,
    ),
    unit: str = typer.Option(
        None,
        "--unit",
        "-u",
        help=_("Only the tasks this unit leads, and its reports."),
        show_default=False,
    ),
    lights: str = typer.Option(
        None,
        "--light",
        metavar="LIGHTS",
        help=_("Only tasks of these lights, e.g. red,yellow (red, yellow, green, done, grey)."),
        show_default=False,
    ),
    by: str = typer.Option(
        "task", "--by", help=_("task (one row each), or counts per unit, section or plan.")
    ),
    output_format: str = typer.Option("text", "--format", "-f", help=_("text, json, csv or md.")),
    fail_on: str = typer.Option(
        None,
        "--fail-on",
        metavar="LIGHT",
        help=_("Exit 1 when a task is red (red), or red or yellow (yellow): for CI."),
        show_default=False,
    ),
) -> None:
    """Show each task's light as of a date, with why, its latest progress and its reports."""
    from planctl.cli.terminal import show, wants_color, watched
    from planctl.repository import open_repository
    from planctl.tracking.formats import STATUS_FORMATS
    from planctl.tracking.query import ask, check_fail_on, fails, status_of

    STATUS_FORMATS.check(output_format)
    check_fail_on(fail_on)
    asked = ask(open_repository(Path.cwd()), plans or [], as_of)
    warn(asked.findings)
    view = status_of(asked, unit=unit, lights=lights, by=by)
    if output_format == "text" and view.by == "task" and watched(sys.stdout):
        rich_table(view)
    else:
        show(STATUS_FORMATS.get(output_format)(view), color=wants_color())
    raise done(ExitCode.FINDINGS if fails(view.status, fail_on) else ExitCode.OK)


def warn(findings: tuple[Finding, ...]) -> None:
    """Each file left out, one line on stderr: the figures are without it."""
    from planctl.cli.terminal import printable

    for finding in findings:
        line = _("{where}: {message} (left out)").format(
            where=finding.where, message=finding.message
        )
        print(_("warning: {warning}").format(warning=printable(line)), file=sys.stderr)


def rich_table(view: StatusView) -> None:
    """The status as a table on a terminal: each light in its colour and its word."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from planctl.cli.terminal import printable
    from planctl.tracking.formats import rows

    colours = {
        "red": "bold red",
        "yellow": "yellow",
        "green": "green",
        "done": "blue",
        "grey": "dim",
    }
    table = Table(show_lines=False, header_style="bold")
    for header in rows.task_headers():
        table.add_column(header, overflow="fold")
    for task in view.status.tasks:
        cells = [Text(printable(cell)) for cell in rows.task_cells(view, task)]
        cells[4].stylize(colours[task.light])
        table.add_row(*cells)
    console = Console(highlight=False)
    console.print(table)
    for note in view.status.notes:
        console.print(Text(_("note: {note}").format(note=printable(note))))
    console.print(Text(printable(rows.summary_line(view))))
