"""Registration of the commands and the one error boundary they all share."""

from __future__ import annotations

import typer

from planctl.cli.boundary import guarded, set_debug

__all__ = ["done", "register", "run", "set_debug"]


def register(app: typer.Typer) -> None:
    from planctl.cli import (
        diff_cmd,
        fmt_cmd,
        git_cmd,
        import_cmd,
        info_cmd,
        log_cmd,
        render_cmd,
        validate_cmd,
    )

    app.command("validate")(validate_cmd.validate)
    app.command("fmt")(fmt_cmd.fmt)
    app.command("rules")(info_cmd.rules)
    app.command("schema")(info_cmd.schema)
    app.command("import")(import_cmd.import_plan)
    app.command("render")(render_cmd.render)
    app.command("diff", cls=diff_cmd.DiffCommand)(diff_cmd.diff)
    app.command("log")(log_cmd.log)
    app.add_typer(git_cmd.app, name="git")


def done(code: int) -> typer.Exit:
    """The exception a command raises to end with `code` (typer ignores return values)."""
    return typer.Exit(code)


def run(app: typer.Typer, argv: list[str] | None) -> int:
    """Run the app; map every outcome to an exit code and a one-line message."""

    def call() -> int:
        app(args=argv, prog_name="planctl")
        return 0

    return guarded(call)
