"""`planctl schema`: the JSON Schema of plan files or of the unit registry."""

from __future__ import annotations

import sys

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError


def schema(
    name: str = typer.Argument("plan", help="plan or units."),
) -> None:
    """Print the JSON Schema of plan files or of the unit registry."""
    from planctl import resources

    if name not in ("plan", "units"):
        raise UsageError(
            f"no schema {name!r}", hint="use `planctl schema plan` or `planctl schema units`"
        )
    sys.stdout.write(resources.schema_path(name).read_text(encoding="utf-8"))  # type: ignore[arg-type]
    raise done(0)
