"""`planctl schema`: the JSON Schema of plan files or of the unit registry."""

from __future__ import annotations

import sys

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError
from planctl.i18n import N_, _, quote

HELP = N_(
    "Print the JSON Schema of plan files, the unit registry, reports, reviews or the calendar."
)


def schema(
    name: str = typer.Argument("plan", help=_("plan, units, report, review or calendar.")),
) -> None:
    """Print the JSON Schema of plan files, the unit registry, reports, reviews or the calendar."""
    from planctl import resources

    if name not in resources.SCHEMA_NAMES:
        raise UsageError(
            _("no schema {name}").format(name=quote(name)),
            hint=_("use `planctl schema plan`, `units`, `report`, `review` or `calendar`"),
        )
    sys.stdout.write(resources.schema_path(name).read_text(encoding="utf-8"))
    raise done(0)
