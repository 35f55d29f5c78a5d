"""The `planctl` command line: parse options, call one core function, report, exit.

`planctl validate` runs on every commit, so it has a lean path: its options are parsed
here without importing typer (see `validate_options`). Every other command, and anything
unusual on a `validate` line (`--help`, a mistake), goes through the typer app in
`planctl.cli.typer_app`. Either way every `PlanctlError` ends as one line on stderr.
"""

from __future__ import annotations

import sys
from typing import Any


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    arguments = sys.argv[1:] if argv is None else argv
    sys.exit(run(arguments))


def run(arguments: list[str]) -> int:
    """Run one command line; return its exit code."""
    from planctl.cli import validate_options
    from planctl.cli.boundary import guarded

    parsed = validate_options.parse_lean(arguments)
    if parsed is not None:
        return guarded(lambda: validate_options.execute(parsed))
    from planctl.cli.commands import run as run_app
    from planctl.cli.typer_app import app

    return run_app(app, arguments)


def __getattr__(name: str) -> Any:
    """`planctl.cli.typer_app` (the typer app) is built only when asked for."""
    if name == "app":
        from planctl.cli.typer_app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
