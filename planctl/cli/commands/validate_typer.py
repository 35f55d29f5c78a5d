"""`planctl validate` as a typer command, with the options declared in `commands.validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from planctl.cli.commands import done
from planctl.cli.commands.validate import OPTIONS, PATHS_HELP, ValidateArgs, execute

_BY_NAME = {option.name: option for option in OPTIONS}


def _option(name: str) -> Any:
    """The typer option for the declaration `name` in `commands.validate.OPTIONS`."""
    option = _BY_NAME[name]
    return typer.Option(option.default, *option.flags, help=option.help, metavar=option.metavar)


def validate(
    paths: list[Path] = typer.Argument(  # noqa: B008 — typer declares options this way
        None, help=PATHS_HELP, show_default=False
    ),
    output_format: str = _option("output_format"),
    strict: bool = _option("strict"),
    jobs: int = _option("jobs"),
    no_cache: bool = _option("no_cache"),
    changed: bool = _option("changed"),
) -> None:
    """Check plans against the schema and the rules; exit 1 on findings."""
    arguments = ValidateArgs(list(paths or []), output_format, strict, jobs, no_cache, changed)
    raise done(execute(arguments))
