"""`planctl diff`: what changed in the plans, in plan terms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from planctl.cli.commands import done
from planctl.cli.usage import Command
from planctl.errors import ExitCode, UsageError
from planctl.i18n import N_, _

if TYPE_CHECKING:
    from planctl.diff.changes import DiffResult

_AFTER_DASHES = "planctl.after_dashes"

HELP = N_(
    "Show what changed in the plans: tasks added, removed, moved and changed, field by field."
)


class DiffCommand(Command):
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
        help=_(
            "No revision: HEAD against the working tree. One: it against the working tree "
            "(A..B names two). Two: OLD against NEW. Two files: those files. Paths after --."
        ),
        show_default=False,
    ),
    output_format: str = typer.Option(
        "text", "--format", "-f", help=_("text, markdown, json or stat.")
    ),
    stat: bool = typer.Option(False, "--stat", help=_("Print counts per plan instead.")),
    exit_code: bool = typer.Option(
        False, "--exit-code", help=_("Exit 1 when plans changed, 0 when they did not.")
    ),
) -> None:
    """Show what changed in the plans: tasks added, removed, moved and changed, field by field."""
    from planctl.diff.arguments import run_diff

    chosen = _chosen_format(output_format, stat)
    words, paths = _split(list(arguments or []), ctx.meta.get(_AFTER_DASHES))
    result = run_diff(words, paths, Path.cwd())
    _print(result, chosen)
    if result.incomplete:  # a plan as it is now cannot be read: the answer is not whole
        raise done(ExitCode.USAGE)
    # A plan unreadable only on the old side differs from it: a change, not "no change".
    changed = exit_code and (result.has_changes or bool(result.problems))
    raise done(ExitCode.FINDINGS if changed else ExitCode.OK)


def _chosen_format(output_format: str, stat: bool) -> str:
    """`--stat` is `--format stat`; it prints counts as text, so it takes no other format."""
    from planctl.diff.formats import FORMATS

    FORMATS.check(output_format)
    if stat and output_format not in ("text", "stat"):
        raise UsageError(
            _("--stat prints counts as text"),
            hint=_(
                "drop --format, or drop --stat "
                "(json and markdown carry the counts in their summary)"
            ),
        )
    return "stat" if stat else output_format


def _print(result: DiffResult, output_format: str) -> None:
    """Problems on stderr (the diff of the other plans still prints), the diff on stdout."""
    from planctl.cli.terminal import printable, show, wants_color
    from planctl.diff.formats import FORMATS
    from planctl.diff.formats.text import problem_lines

    level = "error" if result.incomplete else "warning"
    for line in problem_lines(result.problems):
        print(f"planctl: {level}: {printable(line)}", file=sys.stderr)
    show(FORMATS.get(output_format)(result), color=wants_color())


def _split(arguments: list[str], after_dashes: int | None) -> tuple[list[str], list[str] | None]:
    """Words before `--` and the paths after it (None when there was no `--`)."""
    if after_dashes is None:
        return arguments, None
    cut = len(arguments) - after_dashes
    return arguments[:cut], arguments[cut:]
