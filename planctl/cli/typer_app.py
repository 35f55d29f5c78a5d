"""The typer app: every command, its options and `--help`.

Heavy libraries are imported inside the commands that need them. Every `PlanctlError`
is caught by the boundary in `commands.run` and printed as one line on stderr.
"""

from __future__ import annotations

import typer

from planctl import __version__
from planctl.cli import commands

app = typer.Typer(
    name="planctl",
    help="Government work plans as code: validate, format, render, diff and import.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # never print locals: they would dump whole plans
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
commands.register(app)


def _show_version(value: bool) -> None:
    if value:
        print(f"planctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        help="Print the version and exit.",
        is_eager=True,
        callback=_show_version,
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
) -> None:
    """Government work plans as code: validate, format, render, diff and import."""
    commands.set_debug(debug)
