"""The errors planctl raises: one base class, caught at one boundary in the CLI.

Each error knows what went wrong, where, and how to fix it, and maps to an exit code:
1 for findings in the user's plans, 2 for usage errors and unreadable input.
"""

from __future__ import annotations


class PlanctlError(Exception):
    """Base class: `message` says what, `where` says where, `hint` says how to fix it."""

    exit_code = 2

    def __init__(self, message: str, *, where: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        from planctl.i18n import _

        text = (
            _("{where}: {message}").format(where=self.where, message=self.message)
            if self.where
            else self.message
        )
        return _("{message} — {hint}").format(message=text, hint=self.hint) if self.hint else text


class UsageError(PlanctlError):
    """The command was called wrongly (bad option value, path outside a repository...)."""


class InputError(PlanctlError):
    """A file could not be read at all (missing, binary, undecodable, permission)."""


class RepositoryNotFound(UsageError):
    """No folder holding `plans/` above the working directory."""


def os_error_reason(error: OSError) -> str:
    """Why the system refused, in the user's language (the system's own words are in the
    C locale's English): for the common cases a catalog message, else the system's text."""
    import errno

    from planctl.i18n import N_, _

    reasons = {
        errno.ENOENT: N_("no such file or folder"),
        errno.EACCES: N_("permission denied"),
        errno.EPERM: N_("operation not permitted"),
        errno.EISDIR: N_("it is a folder, not a file"),
        errno.ENOTDIR: N_("a part of the path is not a folder"),
        errno.ENOSPC: N_("no space left on the disk"),
        errno.EROFS: N_("the disk is read-only"),
        errno.EEXIST: N_("it already exists"),
        errno.ENAMETOOLONG: N_("the name is too long"),
    }
    reason = reasons.get(error.errno or 0)
    return _(reason) if reason is not None else (error.strerror or str(error))
