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
    from planctl.repository import Repository
    from planctl.tracking.cache import Answer
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
    from planctl.cli.terminal import watched
    from planctl.repository import open_repository
    from planctl.tracking.formats import STATUS_FORMATS
    from planctl.tracking.query import check_fail_on, status_answer

    STATUS_FORMATS.check(output_format)
    check_fail_on(fail_on)
    repository = open_repository(Path.cwd())
    if output_format == "text" and by == "task" and watched(sys.stdout):
        raise done(_on_terminal(repository, plans or [], as_of, unit, lights, fail_on))
    answer = status_answer(
        repository,
        plans or [],
        as_of=as_of,
        unit=unit,
        lights=lights,
        by=by,
        output_format=output_format,
        fail_on=fail_on,
    )
    raise done(print_answer(answer))


def print_answer(answer: Answer) -> int:
    """The answer's warnings on stderr, its text on stdout; its exit code."""
    from planctl.cli.terminal import printable, printable_lines

    for line in answer.warnings:
        print(_("warning: {warning}").format(warning=printable(line)), file=sys.stderr)
    sys.stdout.write(printable_lines(answer.out))
    return answer.code


def _on_terminal(
    repository: Repository,
    plans: list[str],
    as_of: str | None,
    unit: str | None,
    lights: str | None,
    fail_on: str | None,
) -> int:
    """A person watching: a coloured table, computed afresh."""
    from planctl.tracking.cache import Answer
    from planctl.tracking.query import ask, fails, left_out, status_of

    asked = ask(repository, plans, as_of)
    print_answer(Answer("", left_out(asked)))
    view = status_of(asked, unit=unit, lights=lights, by="task")
    rich_table(view)
    return ExitCode.FINDINGS if fails(view.status, fail_on) else ExitCode.OK


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
