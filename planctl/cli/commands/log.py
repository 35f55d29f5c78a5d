"""`planctl log TASK_ID`: the history of one task."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done


def log(
    task_id: str = typer.Argument(..., metavar="TASK_ID", help="The task's id."),
    plan: str = typer.Option(
        None,
        "--plan",
        "-p",
        help="The plan (id or file) when the task id is in several, or was removed.",
        show_default=False,
    ),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show the commits that changed a task, newest first, and what each changed."""
    from planctl.cli.terminal import show, wants_color
    from planctl.history import task_history
    from planctl.history.formats import FORMATS

    FORMATS.check(output_format)
    history = task_history(Path.cwd(), task_id, plan)
    show(FORMATS.get(output_format)(history), color=wants_color())
    raise done(0)
