"""`planctl dashboard`: the supervision dashboard as a static site."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _, ngettext

HELP = N_(
    "Write the supervision dashboard: a static site of lights, rates, units and deadlines "
    "that opens from the file system or any web server."
)
DEFAULT_OUTPUT = Path("build") / "dashboard"


def dashboard(
    plans: list[Path] = typer.Argument(  # noqa: B008 — typer declares arguments this way
        None,
        metavar="PLAN",
        help=_("Plan files to show (default: every plan of the repository)."),
        show_default=False,
    ),
    as_of: str = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help=_("The date the lights and rates are computed for (YYYY-MM-DD; default: today)."),
        show_default=False,
    ),
    output: Path = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        metavar="DIR",
        help=_("The folder to write the site into (default: build/dashboard/)."),
        show_default=False,
    ),
    public: bool = typer.Option(
        False, "--public", help=_("Only plans whose notice is published (主动公开).")
    ),
) -> None:
    """Write the supervision dashboard: a static site of lights, rates, units and
    deadlines that opens from the file system or any web server."""
    from planctl.cli.terminal import printable
    from planctl.dashboard.service import dashboard as run_dashboard
    from planctl.repository import display_path, open_repository
    from planctl.tracking.query import parse_as_of

    day = parse_as_of(as_of)
    folder = output if output is not None else open_repository().root / DEFAULT_OUTPUT
    result = run_dashboard(plans or [], folder, as_of=day, public=public)
    shown = len(result.view.plans)
    wrote = ngettext(
        "wrote the dashboard of {count} plan as of {date}: {file}",
        "wrote the dashboard of {count} plans as of {date}: {file}",
        shown,
    )
    print(
        wrote.format(count=shown, date=day.isoformat(), file=printable(display_path(result.entry)))
    )
    if result.removed:
        removed = ngettext(
            "removed {count} page an earlier dashboard left in {folder}",
            "removed {count} pages an earlier dashboard left in {folder}",
            len(result.removed),
        )
        print(removed.format(count=len(result.removed), folder=printable(display_path(folder))))
    raise done(0)
