"""The one error boundary every command runs inside: outcomes become exit codes.

A `PlanctlError` is the user's to fix: one line on stderr, its own exit code. Anything
else is a bug in planctl: one line saying how to report it, and `ExitCode.BUG`. Kept free
of typer so that the lean `validate` path shares it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from planctl.cli.terminal import printable
from planctl.errors import ExitCode, PlanctlError, os_error_reason
from planctl.i18n import _

_state = {"debug": False}  # set by the root callback's --debug


def set_debug(debug: bool) -> None:
    _state["debug"] = debug


def guarded(command: Callable[[], int | None]) -> int:
    """Run `command`; map every outcome to an exit code and at most one line on stderr."""
    try:
        return command() or ExitCode.OK
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else ExitCode.OK if code is None else ExitCode.USAGE
    except PlanctlError as error:
        _debug_traceback()
        print(_("planctl: error: {message}").format(message=printable(str(error))), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(_("planctl: interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader (head, less) stopped reading: nothing left to say
        return ExitCode.PIPE
    except OSError as error:
        # The system refused a file operation no command foresaw (a name too long for it,
        # a disk gone): the machine's answer, not a bug in planctl. One line, exit 2.
        _debug_traceback()
        print(_("planctl: error: {message}").format(message=_os_line(error)), file=sys.stderr)
        return ExitCode.USAGE
    except Exception as error:
        _debug_traceback()
        print(_bug_line(error), file=sys.stderr)
        return ExitCode.BUG


def _os_line(error: OSError) -> str:
    reason = os_error_reason(error)
    return printable(f"{error.filename}: {reason}" if error.filename else reason)


def _bug_line(error: Exception) -> str:
    """One line for an unexpected exception: what it was and how to report it."""
    what = printable(f"{type(error).__name__}: {error}".splitlines()[0])
    line = _(
        "planctl: internal error: {error} — this is a bug in planctl; please report it to "
        "its maintainers with the traceback `planctl --debug` prints for the same command"
    )
    return line.format(error=what)


def _silence_stdout() -> None:
    """Point stdout at the null device, so flushing it at exit cannot fail again."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())


def _debug_traceback() -> None:
    if _state["debug"]:
        import traceback

        traceback.print_exc()
