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
        parts = [f"{self.where}: {self.message}" if self.where else self.message]
        if self.hint:
            parts.append(self.hint)
        return " — ".join(parts)


class UsageError(PlanctlError):
    """The command was called wrongly (bad option value, path outside a repository...)."""


class InputError(PlanctlError):
    """A file could not be read at all (missing, binary, undecodable, permission)."""


class RepositoryNotFound(UsageError):
    """No folder holding `plans/` above the working directory."""
