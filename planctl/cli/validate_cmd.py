"""`planctl validate`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError


def validate(
    paths: list[Path] = typer.Argument(  # noqa: B008 — typer declares options this way
        None, help="Plan files or folders (default: the whole repository).", show_default=False
    ),
    output_format: str = typer.Option(
        "auto", "--format", "-f", help="text, json or github (auto: github under GitHub Actions)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
) -> None:
    """Check plans against the schema and the rules; exit 1 on findings."""
    from planctl.cli import reporters
    from planctl.validate import validate as run_validation

    if output_format not in reporters.FORMAT_CHOICES:
        raise UsageError(
            f"unknown format {output_format!r}",
            hint=f"use one of: {', '.join(reporters.FORMAT_CHOICES)}",
        )
    report = run_validation(list(paths or []))
    chosen = reporters.pick_format(output_format)
    reporters.REPORTERS[chosen](report, sys.stdout, color=reporters.wants_color())
    raise done(report.exit_code(strict=strict))
