"""`planctl calendar`: the iCalendar files units subscribe to."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _

HELP = N_(
    "Write one calendar (.ics) per unit with its task deadlines, milestones and report due "
    "dates, and 全部.ics with every event, for calendar programs to subscribe to."
)


def calendar(
    plans: list[Path] = typer.Argument(  # noqa: B008 — typer declares options this way
        None,
        help=_("Plan files (default: every issued plan of the repository)."),
        show_default=False,
    ),
    unit: str = typer.Option(
        None, "--unit", help=_("Only this unit's calendar."), show_default=False
    ),
    output: Path = typer.Option(  # noqa: B008
        ...,
        "--output",
        "-o",
        help=_("The folder to write the .ics files into (made when missing)."),
        show_default=False,
    ),
) -> None:
    """Write one calendar (.ics) per unit, and 全部.ics with every event."""
    from planctl.cli.terminal import printable
    from planctl.feeds import write_feeds
    from planctl.i18n import ngettext
    from planctl.repository import display_path

    result = write_feeds(tuple(plans or ()), output, unit=unit)
    for note in result.notes:
        print(_("note: {note}").format(note=printable(note)))
    for written in result.files:
        events = ngettext("{count} event", "{count} events", written.events).format(
            count=written.events
        )
        print(
            _("wrote {file} ({events})").format(
                file=printable(display_path(written.path)), events=events
            )
        )
    raise done(0)
