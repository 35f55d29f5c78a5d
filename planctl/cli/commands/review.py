"""`planctl review new`: the supervising office's review file of one period, pre-filled."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.cli.usage import Command, Group
from planctl.i18n import N_, _

HELP = N_("Reviews of progress reports by the supervising office.")

app = typer.Typer(
    name="review",
    cls=Group,
    help=_(HELP),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.command(
    "new",
    cls=Command,
    help=_(
        "Write the review of a period, pre-filled: a decision per submitted entry, the "
        "requests to close or extend, the missing reports."
    ),
)
def new(
    plan: str = typer.Argument(..., help=_("The plan id (or its file)."), show_default=False),
    period: str = typer.Option(
        ..., "--period", help=_("The period reviewed (2023-06, 2023-Q2 …)."), show_default=False
    ),
    output: Path = typer.Option(  # noqa: B008 — typer declares options this way
        None,
        "--output",
        "-o",
        help=_("Where to write (default: reviews/<plan>/<period>.yaml)."),
        show_default=False,
    ),
) -> None:
    """Write the review of a period, pre-filled."""
    from planctl.cli.terminal import printable
    from planctl.repository import display_path
    from planctl.tracking.drafts import new_review

    written = new_review(plan, period=period, output=output)
    line = _("wrote {file}: {count} report entries to decide on ({plan}, {period})").format(
        file=display_path(written.path),
        count=written.entries,
        plan=written.plan,
        period=written.period,
    )
    print(printable(line))
    raise done(0)
