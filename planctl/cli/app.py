"""The typer app: every command registered, the root options (`--version`, `--debug`),
and `run`, which runs it inside the one error boundary.

Heavy libraries are imported inside the commands that need them (`planctl.cli.commands`).
Every `PlanctlError` is caught by the boundary (`planctl.cli.boundary`) and printed as one
line on stderr.
"""

from __future__ import annotations

import typer

from planctl import __version__
from planctl.cli.boundary import guarded, set_debug

app = typer.Typer(
    name="planctl",
    help="Government work plans as code: validate, format, render, diff and import.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # never print locals: they would dump whole plans
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def register(app: typer.Typer) -> None:
    from planctl.cli.commands import (
        diff,
        fmt,
        git,
        import_,
        log,
        render,
        rules,
        schema,
        validate_typer,
    )

    app.command("validate")(validate_typer.validate)
    app.command("fmt")(fmt.fmt)
    app.command("rules")(rules.rules)
    app.command("schema")(schema.schema)
    app.command("import")(import_.import_plan)
    app.command("render")(render.render)
    app.command("diff", cls=diff.DiffCommand)(diff.diff)
    app.command("log")(log.log)
    app.add_typer(git.app, name="git")


register(app)


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
    set_debug(debug)


def run(app: typer.Typer, argv: list[str] | None) -> int:
    """Run the app; map every outcome to an exit code and a one-line message."""

    def call() -> int:
        app(args=argv, prog_name="planctl")
        return 0

    return guarded(call)
