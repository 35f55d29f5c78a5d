"""typer's own words in the user's language: usage lines, section titles, the help option,
usage errors; and help text wrapped by display width, so Chinese lines fit the terminal.

typer (and the click inside it) writes these in English: some through the standard
library's `gettext` with no catalog, most as plain strings. planctl's commands use the
classes below, whose help formatter and error display say the same in planctl's catalog
(`planctl.i18n`); typer's gettext calls are pointed at that catalog too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

import typer.core

# typer carries its own click from 0.26 on; these are the parts it has no public name for.
from typer._click.core import Context as ClickContext
from typer._click.exceptions import ClickException
from typer._click.formatting import HelpFormatter as ClickHelpFormatter
from typer.core import TyperCommand, TyperGroup

from planctl.chinese import display_width
from planctl.i18n import N_, ForeignWordings, _

__all__ = ["ClickException", "Command", "Group", "show_error", "wrap"]

# The words typer passes through gettext (typer.core's `_`), listed for the catalog.
TYPER_WORDS = (
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Aborted!"),
    N_("Missing command."),
    N_("No such command {name!r}."),
)


def _translate_typer_words() -> None:
    """typer.core calls `gettext.gettext` as `_`; give it planctl's catalog instead."""
    if hasattr(typer.core, "_"):
        typer.core._ = _


_translate_typer_words()


# --- help -------------------------------------------------------------------------------

_CLOSING = set("，。、；：？！）》」』”’%…")  # never at the start of a line
_TOKEN = re.compile(r"\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|.")


def wrap(text: str, width: int, indent: str = "", first_indent: str | None = None) -> str:
    """`text` in lines of at most `width` columns (CJK characters count two), paragraphs
    kept; Chinese breaks between characters, other text between words."""
    first = indent if first_indent is None else first_indent
    paragraphs = re.split(r"\n\s*\n", text.strip())
    wrapped = []
    for number, paragraph in enumerate(paragraphs):
        lead = first if number == 0 else indent
        wrapped.append("\n".join(_wrap_paragraph(paragraph, width, lead, indent)))
    return "\n\n".join(wrapped)


def _wrap_paragraph(text: str, width: int, first: str, indent: str) -> list[str]:
    tokens = _tokens(" ".join(text.split()))
    lines: list[str] = []
    line, used = first, display_width(first)
    for token in tokens:
        if token == " ":
            if used > display_width(indent if lines else first):
                line, used = line + " ", used + 1
            continue
        size = display_width(token)
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = indent, display_width(indent)
        line, used = line + token, used + size
    lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Words, single CJK characters and spaces; closing punctuation stays with what is
    before it."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        token = " " if match.group().isspace() else match.group()
        if tokens and token[0] in _CLOSING and tokens[-1] != " ":
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


class HelpFormatter(ClickHelpFormatter):
    """click's help formatter, in the user's language and wrapping by display width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = _("Usage: ") if prefix is None else prefix
        head = f"{prefix}{prog} "
        self.write(wrap(args, self.width, " " * display_width(head), head) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(" " * self.current_indent + _("{heading}:").format(heading=heading) + "\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_(name)):
            yield

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap(text, self.width, indent) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_width = min(max((display_width(first) for first, _ in rows), default=0), col_max)
        column = first_width + col_spacing
        for first, second in rows:
            head = " " * self.current_indent + first
            if not second:
                self.write(head + "\n")
                continue
            indent = " " * (self.current_indent + column)
            if display_width(first) <= first_width:
                start = head + " " * (column - display_width(first))
            else:
                self.write(head + "\n")
                start = indent
            self.write(wrap(second, self.width, indent, start) + "\n")


class Context(ClickContext):
    formatter_class = HelpFormatter


class _Translated:
    """What planctl's commands and groups change in typer's: the context (and so the help
    formatter), the help option's text, `[OPTIONS]`, and the short help of a command list."""

    context_class: type[ClickContext] = Context
    options_metavar: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _("[OPTIONS]")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        text = self.short_help or (self.help or "")  # type: ignore[attr-defined]
        first = text.strip().split("\n\n")[0].replace("\n", " ")
        if not any(display_width(char) == 2 for char in first):
            return str(super().get_short_help_str(limit))  # type: ignore[misc]
        sentence = re.split(r"(?<=[。！？])", first, maxsplit=1)[0]
        return _shorten(sentence, limit * 2)


def _shorten(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    kept = ""
    for char in text:
        if display_width(kept + char) > width - 2:
            break
        kept += char
    return kept + "…"


class Command(_Translated, TyperCommand):
    """A planctl command (`cls=` of `app.command`)."""


class Group(_Translated, TyperGroup):
    """A planctl command group (`cls=` of `typer.Typer`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = _("COMMAND [ARGS]...")


# --- usage errors -----------------------------------------------------------------------

_REASONS = (  # click's own wordings of usage problems, and planctl's for each
    (r"Missing argument (?P<name>.+?)\.", N_("Missing argument {name}.")),
    (r"Missing option (?P<name>.+?)\.", N_("Missing option {name}.")),
    (r"Missing parameter:? (?P<name>.+?)\.?", N_("Missing parameter {name}.")),
    (r"Invalid value for (?P<name>.+?): (?P<reason>.*)", N_("Invalid value for {name}: {reason}")),
    (r"Invalid value: (?P<reason>.*)", N_("Invalid value: {reason}")),
    (r"(?P<value>'.*') is not a valid integer(?: range)?\.", N_("{value} is not a whole number.")),
    (r"Input should be a valid integer\b.*", N_("a whole number is expected")),
    (r"Input should be a valid number\b.*", N_("a number is expected")),
    (r"(?P<value>'.*') is not a valid float(?: range)?\.", N_("{value} is not a number.")),
    (r"(?P<value>'.*') is not a valid boolean\.", N_("{value} is not true or false.")),
    (r"(?P<value>'.*') is not one of (?P<choices>.*)\.", N_("{value} is not one of {choices}.")),
    (r"(?P<value>'.*') is not (?P<choices>'.*')\.", N_("{value} is not one of {choices}.")),
    (r"(?:File|Directory|Path) (?P<value>'.*') does not exist\.", N_("{value} does not exist.")),
    (r"Option (?P<option>'.*') requires an argument\.", N_("Option {option} requires a value.")),
    (
        r"Option (?P<option>'.*') requires (?P<count>\d+) arguments\.",
        N_("Option {option} requires {count} values."),
    ),
    (
        r"Option (?P<option>'.*') does not take a value\.",
        N_("Option {option} does not take a value."),
    ),
    (
        r"Got unexpected extra arguments?(?:\(s\))? \((?P<arguments>.*)\)",
        N_("Unexpected extra arguments: {arguments}"),
    ),
    (
        r"No such option: (?P<option>\S+) \(Possible options: (?P<options>.*)\)",
        N_("No such option: {option} (possible options: {options})"),
    ),
    (
        r"No such option: (?P<option>\S+) Did you mean (?P<options>.*)\?",
        N_("No such option: {option} (did you mean {options}?)"),
    ),
    (r"No such option: (?P<option>.*)", N_("No such option: {option}")),
    (r"Missing command\.", N_("Missing command.")),
    (r"No such command (?P<name>'.*')\.", N_("No such command {name}.")),
    (
        r"Could not open file (?P<name>'.*'): (?P<reason>.*)",
        N_("Could not open file {name}: {reason}"),
    ),
)
_KNOWN_REASONS = ForeignWordings(_REASONS)


def reason(message: str) -> str:
    """click's English wording of a usage problem, in the user's language where known."""
    known = _KNOWN_REASONS.match(message)
    if known is None:
        return message
    template, parts = known
    if "reason" in parts:
        parts["reason"] = reason(parts["reason"])
    return _(template).format(**parts)


def error_message(error: Any) -> str:
    """The message of a click usage error, in the user's language."""
    return reason(error.format_message())


def show_error(error: Any, stream: TextIO | None = None) -> int:
    """Print a click error as typer would, in the user's language; its exit code."""
    out = stream or sys.stderr
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":
        out.write(error.format_message() + "\n")
        return int(error.exit_code)
    if ctx is not None:
        out.write(ctx.get_usage() + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.")
            out.write(hint.format(command=ctx.command_path, option=ctx.help_option_names[0]))
            out.write("\n")
        out.write("\n")
    out.write(_("Error: {message}").format(message=error_message(error)) + "\n")
    return int(error.exit_code)
