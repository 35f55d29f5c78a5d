"""The typer app: every command registered, the root options (`--version`, `--debug`),
and `run`, which runs it inside the one error boundary.

Heavy libraries are imported inside the commands that need them (`planctl.cli.commands`).
Every `PlanctlError` is caught by the boundary (`planctl.cli.boundary`) and printed as one
line on stderr.
"""

from __future__ import annotations

import sys

import typer

from planctl import __version__
from planctl.cli.boundary import guarded, set_debug
from planctl.cli.usage import ClickException, Command, Group, show_error
from planctl.i18n import _

app = typer.Typer(
    name="planctl",
    cls=Group,
    help=_("Government work plans as code: validate, format, render, diff and import."),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # never print locals: they would dump whole plans
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def register(app: typer.Typer) -> None:
    from planctl.cli.commands import (
        calendar,
        dashboard,
        diff,
        fmt,
        fonts,
        git,
        history,
        import_,
        init,
        log,
        remind,
        render,
        report,
        review,
        rules,
        schema,
        stats,
        status,
        validate_typer,
    )

    app.command("validate", cls=Command, help=_(validate_typer.HELP))(validate_typer.validate)
    app.command("fmt", cls=Command, help=_(fmt.HELP))(fmt.fmt)
    app.command("rules", cls=Command, help=_(rules.HELP))(rules.rules)
    app.command("schema", cls=Command, help=_(schema.HELP))(schema.schema)
    app.command("import", cls=Command, help=_(import_.HELP))(import_.import_plan)
    app.command("render", cls=Command, help=_(render.HELP))(render.render)
    app.command("fonts", cls=Command, help=_(fonts.HELP))(fonts.fonts)
    app.command("diff", cls=diff.DiffCommand, help=_(diff.HELP))(diff.diff)
    app.command("log", cls=Command, help=_(log.HELP))(log.log)
    app.command("history", cls=Command, help=_(history.HELP))(history.history)
    app.command("status", cls=Command, help=_(status.HELP))(status.status)
    app.command("stats", cls=Command, help=_(stats.HELP))(stats.stats)
    app.command("dashboard", cls=Command, help=_(dashboard.HELP))(dashboard.dashboard)
    app.command("init", cls=Command, help=_(init.HELP))(init.init)
    app.command("calendar", cls=Command, help=_(calendar.HELP))(calendar.calendar)
    app.command("remind", cls=Command, help=_(remind.HELP))(remind.remind)
    app.command("new", cls=Command, help=_(init.NEW_HELP))(init.new)
    app.add_typer(git.app, name="git")
    app.add_typer(report.app, name="report")
    app.add_typer(review.app, name="review")


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
        help=_("Print the version and exit."),
        is_eager=True,
        callback=_show_version,
    ),
    debug: bool = typer.Option(False, "--debug", help=_("Show tracebacks for errors.")),
) -> None:
    """Government work plans as code: validate, format, render, diff and import."""
    set_debug(debug)


def run(app: typer.Typer, argv: list[str] | None) -> int:
    """Run the app; map every outcome to an exit code and a one-line message."""

    def call() -> int:
        try:
            code = app(args=argv, prog_name="planctl", standalone_mode=False)
        except ClickException as error:  # a usage error, shown in the user's language
            return show_error(error)
        except typer.Abort:
            print(_("Aborted!"), file=sys.stderr)
            return 1
        return code if isinstance(code, int) else 0

    return guarded(call)
