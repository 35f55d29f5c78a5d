"""`planctl history TASK_ID`: a task's whole trail, oldest first."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _

HELP = N_(
    "Show a task's whole trail in date order: plan changes, every report on it, every "
    "review decision, the close."
)


def history(
    task_id: str = typer.Argument(..., metavar="TASK_ID", help=_("The task's id.")),
    plan: str = typer.Option(
        None,
        "--plan",
        "-p",
        help=_("The plan (id or file) when the task id is in several, or was removed."),
        show_default=False,
    ),
    output_format: str = typer.Option("text", "--format", "-f", help=_("text or json.")),
) -> None:
    """Show a task's whole trail in date order."""
    from planctl.cli.terminal import show, wants_color
    from planctl.tracking.trail import FORMATS, task_trail

    FORMATS.check(output_format)
    trail = task_trail(Path.cwd(), task_id, plan)
    show(FORMATS.get(output_format)(trail), color=wants_color())
    raise done(0)
