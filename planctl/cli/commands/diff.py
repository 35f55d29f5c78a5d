"""`planctl diff`: what changed in the plans, in plan terms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand

from planctl.cli.commands import done
from planctl.errors import UsageError

if TYPE_CHECKING:
    from planctl.diff.changes import DiffResult

_AFTER_DASHES = "planctl.after_dashes"


class DiffCommand(TyperCommand):
    """Remembers how many arguments followed `--`, which click drops: those are paths."""

    # `ctx` is click's Context: typer vendors click in newer releases, so it is not named here.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if "--" in args:
            ctx.meta[_AFTER_DASHES] = len(args) - args.index("--") - 1
        return super().parse_args(ctx, args)


def diff(
    ctx: typer.Context,
    arguments: list[str] = typer.Argument(  # noqa: B008 — typer declares arguments this way
        None,
        metavar="REVISION|PATH",
        help="No revision: HEAD against the working tree. One: it against the working tree "
        "(A..B names two). Two: OLD against NEW. Two files: those files. Paths after --.",
        show_default=False,
    ),
    output_format: str = typer.Option("text", "--format", "-f", help="text, markdown or json."),
    stat: bool = typer.Option(False, "--stat", help="Print counts per plan instead."),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when plans changed, 0 when they did not."
    ),
) -> None:
    """Show what changed in the plans: tasks added, removed, moved and changed, field by field."""
    from planctl.diff.arguments import run_diff

    _check_format(output_format, stat)
    words, paths = _split(list(arguments or []), ctx.meta.get(_AFTER_DASHES))
    result = run_diff(words, paths, Path.cwd())
    _print(result, output_format, stat)
    if result.incomplete:  # a plan as it is now cannot be read: the answer is not whole
        raise done(2)
    # A plan unreadable only on the old side differs from it: a change, not "no change".
    raise done(1 if exit_code and (result.has_changes or result.problems) else 0)


def _check_format(output_format: str, stat: bool) -> None:
    from planctl.diff.formats import FORMATS

    if output_format not in FORMATS:
        raise UsageError(
            f"unknown format {output_format!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    if stat and output_format != "text":
        raise UsageError(
            "--stat prints counts as text",
            hint="drop --format, or drop --stat "
            "(json and markdown carry the counts in their summary)",
        )


def _print(result: DiffResult, output_format: str, stat: bool) -> None:
    """Problems on stderr (the diff of the other plans still prints), the diff on stdout."""
    from planctl.cli.terminal import print_lines, printable, wants_color
    from planctl.diff.formats import FORMATS, STAT
    from planctl.diff.formats.text import problem_lines, text_lines

    level = "error" if result.incomplete else "warning"
    for line in problem_lines(result.problems):
        print(f"planctl: {level}: {printable(line)}", file=sys.stderr)
    if stat:
        sys.stdout.write(STAT(result))
    elif output_format == "text":
        print_lines(text_lines(result), color=wants_color())
    else:
        sys.stdout.write(FORMATS[output_format](result))


def _split(arguments: list[str], after_dashes: int | None) -> tuple[list[str], list[str] | None]:
    """Words before `--` and the paths after it (None when there was no `--`)."""
    if after_dashes is None:
        return arguments, None
    cut = len(arguments) - after_dashes
    return arguments[:cut], arguments[cut:]
