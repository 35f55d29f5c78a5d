"""`planctl log TASK_ID`: the history of one task."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError


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
    from planctl.cli.terminal import print_lines, wants_color
    from planctl.history import task_history
    from planctl.history.formats import LOG_FORMATS
    from planctl.history.formats.json import render_log_json
    from planctl.history.formats.text import log_lines

    if output_format not in LOG_FORMATS:
        raise UsageError(f"unknown format {output_format!r}", hint="use text or json")
    history = task_history(Path.cwd(), task_id, plan)
    if output_format == "json":
        sys.stdout.write(render_log_json(history))
    else:
        print_lines(log_lines(history), color=wants_color())
    raise done(0)
