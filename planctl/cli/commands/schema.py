"""`planctl schema`: the JSON Schema of plan files or of the unit registry."""

from __future__ import annotations

import sys

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError
from planctl.i18n import N_, _, quote

HELP = N_("Print the JSON Schema of plan files or of the unit registry.")


def schema(
    name: str = typer.Argument("plan", help=_("plan or units.")),
) -> None:
    """Print the JSON Schema of plan files or of the unit registry."""
    from planctl import resources

    if name not in ("plan", "units"):
        raise UsageError(
            _("no schema {name}").format(name=quote(name)),
            hint=_("use `planctl schema plan` or `planctl schema units`"),
        )
    sys.stdout.write(resources.schema_path(name).read_text(encoding="utf-8"))  # type: ignore[arg-type]
    raise done(0)
