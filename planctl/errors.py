"""Every error planctl raises, under one base class, and the exit codes they map to.

Each error knows what went wrong, where, and how to fix it. The CLI catches them at one
boundary (`planctl.cli.boundary`), prints one line on stderr and exits with the error's
`exit_code`; any other exception escaping a command is a bug and exits with `BUG`.
Errors are raised once and never changed after they are caught: code that knows more
raises a new error `from` the old one.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from planctl.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from planctl.findings import Finding


class ExitCode(IntEnum):
    """What `planctl` tells the shell (the README's table lists them)."""

    OK = 0
    FINDINGS = 1  # a plan breaks the schema or a rule; `fmt --check` would change a file
    USAGE = 2  # a bad option, or input that cannot be read at all
    BUG = 3  # an internal error: planctl itself is wrong, please report it
    INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C
    PIPE = 141  # 128 + SIGPIPE: the reader of the output went away (head, less)


class PlanctlError(Exception):
    """Base class: `message` says what, `where` says where, `hint` says how to fix it."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, where: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = (
            _("{where}: {message}").format(where=self.where, message=self.message)
            if self.where
            else self.message
        )
        return _("{message} — {hint}").format(message=text, hint=self.hint) if self.hint else text


# --- the command line and its surroundings ----------------------------------------------


class UsageError(PlanctlError):
    """The command was called wrongly (bad option value, path outside a repository...)."""


class InputError(PlanctlError):
    """A file could not be read at all (missing, binary, undecodable, permission)."""


class RepositoryNotFound(UsageError):
    """No folder holding `plans/` above the working directory."""


class NotInGitRepository(UsageError):
    """No git repository holds the folder planctl was pointed at."""


# --- plans that cannot be used ------------------------------------------------------------


class PlanRefused(PlanctlError):
    """The plan gate (`planctl.plans`) refused a file: `finding` is its first reason.

    A file whose data cannot be trusted is a finding (exit 1); a file that cannot be read
    at all is exit 2, as `planctl validate` reports the same file.
    """

    def __init__(self, finding: Finding, *, doing: str, more: int = 0) -> None:
        reason = finding.message
        if more:
            also = ngettext("{reason} (and {count} more)", "{reason} (and {count} more)", more)
            reason = also.format(reason=reason, count=more)
        super().__init__(
            _(_REFUSED[doing]).format(reason=reason),
            where=finding.where,
            hint=finding.hint or _("run `planctl validate` on the file for every problem"),
        )
        self.finding = finding
        self.exit_code = ExitCode.USAGE if finding.fatal else ExitCode.FINDINGS

    @property
    def rule(self) -> str:
        return self.finding.rule


# What each command says when the gate refuses a file (`doing` names the command).
_REFUSED = {
    "render": N_("cannot render: {reason}"),
    "format": N_("cannot format: {reason}"),
    "import": N_("cannot import: {reason}"),
    "update": N_("cannot update the plan: {reason}"),
    "add units": N_("cannot add units: {reason}"),
    "calendar": N_("cannot make the calendar: {reason}"),
    "remind": N_("cannot prepare the reminders: {reason}"),
}


class PlanContentError(PlanctlError):
    """The plan holds a value that cannot be printed (a finding: exit 1).

    `path` points into the plan's data; the renderer names the file:line:column (`where`).
    """

    exit_code = ExitCode.FINDINGS

    def __init__(
        self, message: str, *, path: tuple[str | int, ...], hint: str = "", where: str = ""
    ) -> None:
        from planctl.findings import json_path_text

        super().__init__(message, where=where or json_path_text(path), hint=hint)
        self.path = path


class FormatError(PlanctlError, ValueError):
    """The text cannot be formatted: not YAML, or not a mapping at the top level.

    `line` and `column` are 1-based, or None when the position is not known; `rule` is
    the rule `planctl validate` reports for the same text.
    """

    exit_code = ExitCode.FINDINGS

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        rule: str = "yaml-syntax",
    ) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.rule = rule

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("{message} (line {line}, column {column})").format(
            message=self.message, line=self.line, column=self.column
        )


class Unfaithful(FormatError):
    """fmt cannot write the file so that it reads back as it did (its data, or where its
    comments are): a limit of fmt, not a finding in the plan, so exit 2."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message, line, column, rule="fmt-unfaithful")


# --- writing files ---------------------------------------------------------------------------


class WriteRefused(InputError):
    """planctl will not write this file (outside the folder allowed, not a regular file,
    or an input of the command); nothing was written."""


class WorkbookRejected(PlanctlError):
    """A filled-in report workbook holds a value a report cannot store (a bad status, a
    percent outside 0-100, a row that lost its task): named by sheet, row and column."""

    exit_code = ExitCode.FINDINGS


class MailNotSent(InputError):
    """The mail server could not be reached, or refused the login or a message: the error
    names the messages that were not sent (exit 2)."""


# --- rendering ------------------------------------------------------------------------------


class TemplateError(PlanctlError):
    """A template could not be loaded or rendered."""


class RenderRefused(PlanctlError):
    """A plan under review or issued has errors; `report` holds its findings (exit 1)."""

    exit_code = ExitCode.FINDINGS

    def __init__(self, report: Any, *, stage: str, file: str) -> None:
        super().__init__(
            _("not rendered: a plan at stage {stage} must pass validate first").format(stage=stage),
            where=file,
            hint=_("fix the findings above, or set `stage: draft` to print a draft"),
        )
        self.report = report  # a planctl.validate.engine.Report
        self.stage = stage


class PdfEngineMissing(PlanctlError):
    """No program to print PDF with."""


class PdfError(PlanctlError):
    """The PDF engine failed, or the document cannot be printed with the fonts at hand."""


# --- values that do not parse (each caller turns them into a finding or a message) ------


class DeadlineError(PlanctlError, ValueError):
    """A deadline or date that is malformed or does not exist."""


class WordedDeadlineError(PlanctlError, ValueError):
    """A wording that cannot be stored as one deadline: why, and a valid value to write."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message, hint=fix)
        self.fix = fix


class DocNumberError(PlanctlError, ValueError):
    """A document number not of the form 代字〔年份〕序号号.

    ``suggestion`` is the corrected document number when every mistake is one with a
    mechanical fix (brackets, leading zeros, 第, a missing 号, whitespace, full-width
    digits, a two-digit year read as 19xx for 50-99 and 20xx for 00-49); otherwise it
    is None. The message says what is wrong and does not repeat the suggestion.
    """

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion


# --- signals that never leave the module raising them ----------------------------------------


class ParseStop(PlanctlError):
    """Ends a YAML parse early with a located problem (`planctl.yamlio` makes it a finding)."""

    def __init__(self, rule: str, message: str, hint: str, position: tuple[int, int]) -> None:
        super().__init__(message, hint=hint)
        self.rule, self.position = rule, position


class NumberTooLong(PlanctlError, ValueError):
    """An integer with more digits than Python converts (the loader makes it a located
    `yaml-limits` finding)."""


class Difference(PlanctlError):
    """What a formatted text would change, and where in the original (`planctl.fmt.proof`)."""

    def __init__(self, message: str, position: tuple[int, int]) -> None:
        super().__init__(message)
        self.position = position


class SchemaRejected(PlanctlError, ValueError):
    """Raised by the generated schema code when the data does not match the schema."""

    def __init__(self, message: str = "", *details: Any, **named: Any) -> None:
        super().__init__(message)


def os_error_reason(error: OSError) -> str:
    """Why the system refused, in the user's language (the system's own words are in the
    C locale's English): for the common cases a catalog message, else the system's text."""
    import errno

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
