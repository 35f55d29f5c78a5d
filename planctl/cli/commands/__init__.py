"""One module per command: its options, its `--help`, and the one core call it makes.

`validate` is typer-free (its options are parsed on the lean start-up path too, which
imports this package); `validate_typer` declares the same options for typer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def done(code: int) -> typer.Exit:
    """The exception a command raises to end with `code` (typer ignores return values)."""
    import typer  # loaded already by the command calling this; never on the lean path

    return typer.Exit(code)
