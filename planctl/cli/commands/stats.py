"""`planctl stats`: the published figures (完成率, 按时完成率, 逾期, 序时达标率, 报送及时率)."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _

HELP = N_(
    "Show the completion rate, on-time completion rate, overdue tasks, on-schedule rate, "
    "on-time reporting rate and the lights, for a date, per unit (ranked), section, plan "
    "or period."
)


def stats(
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
    at: str = typer.Option(
        None,
        "--at",
        metavar="REV",
        help=_("Read plans, reports and reviews as they were at this git revision."),
        show_default=False,
    ),
    by: str = typer.Option(
        None,
        "--by",
        help=_("Figures per unit (ranked), section, plan or period."),
        show_default=False,
    ),
    output_format: str = typer.Option("text", "--format", "-f", help=_("text, json or csv.")),
) -> None:
    """Show the tracking figures for a date, per unit, section, plan or period."""
    from planctl.cli.commands.status import print_answer
    from planctl.repository import open_repository
    from planctl.tracking.formats import STATS_FORMATS
    from planctl.tracking.query import stats_answer

    STATS_FORMATS.check(output_format)
    answer = stats_answer(
        open_repository(Path.cwd()),
        plans or [],
        as_of=as_of,
        at=at,
        by=by,
        output_format=output_format,
    )
    raise done(print_answer(answer))
