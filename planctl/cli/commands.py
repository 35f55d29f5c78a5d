"""Registration of the commands and the one error boundary they all share."""

from __future__ import annotations

import sys
import traceback

import typer

from planctl.errors import PlanctlError

_state = {"debug": False}  # set by the root callback's --debug


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


def set_debug(debug: bool) -> None:
    _state["debug"] = debug


def done(code: int) -> typer.Exit:
    """The exception a command raises to end with `code` (typer ignores return values)."""
    return typer.Exit(code)


def run(app: typer.Typer, argv: list[str] | None) -> int:
    """Run the app; map every outcome to an exit code and a one-line message."""
    try:
        app(args=argv, prog_name="planctl")
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    except PlanctlError as error:
        _debug_traceback()
        print(f"planctl: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("planctl: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        _debug_traceback()
        print(
            f"planctl: internal error: {type(error).__name__}: {error} — run with --debug "
            "for the traceback and report it",
            file=sys.stderr,
        )
        return 2
    return 0


def _debug_traceback() -> None:
    if _state["debug"]:
        traceback.print_exc()
