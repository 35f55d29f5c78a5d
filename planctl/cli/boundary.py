"""The one error boundary every command runs inside: outcomes become exit codes.

Kept free of typer so that the lean `validate` path shares it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from planctl.cli.terminal import printable
from planctl.errors import PlanctlError

_state = {"debug": False}  # set by the root callback's --debug


def set_debug(debug: bool) -> None:
    _state["debug"] = debug


def guarded(command: Callable[[], int | None]) -> int:
    """Run `command`; map every outcome to an exit code and at most one line on stderr."""
    try:
        return command() or 0
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    except PlanctlError as error:
        _debug_traceback()
        print(f"planctl: error: {printable(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("planctl: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()  # the reader (head, less) stopped reading: nothing left to say
        return 141  # 128 + SIGPIPE, as a shell reports it
    except Exception as error:
        _debug_traceback()
        print(
            f"planctl: internal error: {type(error).__name__}: {printable(str(error))} — run "
            "with --debug "
            "for the traceback and report it",
            file=sys.stderr,
        )
        return 2


def _silence_stdout() -> None:
    """Point stdout at the null device, so flushing it at exit cannot fail again."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())


def _debug_traceback() -> None:
    if _state["debug"]:
        import traceback

        traceback.print_exc()
