"""`planctl remind`: per unit, what is near its deadline, overdue or unreported."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _

HELP = N_(
    "Remind each unit of what is near its deadline, overdue or unreported, and which "
    "escalation applies: text to paste into a messenger, JSON, or mail drafts; mail is "
    "sent only with --send."
)


def remind(
    as_of: str = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help=_("The date to remind as of, YYYY-MM-DD (default: today)."),
        show_default=False,
    ),
    within: str = typer.Option(
        None,
        "--within",
        help=_("How far ahead a deadline or report counts as near: 7d, 2w (default: 7d)."),
        show_default=False,
    ),
    unit: str = typer.Option(None, "--unit", help=_("Only this unit."), show_default=False),
    output_format: str = typer.Option(
        "text", "--format", "-f", help=_("text, md, json or eml (mail drafts, with -o).")
    ),
    output: Path = typer.Option(  # noqa: B008 — typer declares options this way
        None,
        "--output",
        "-o",
        help=_("With --format eml: the folder to write one .eml draft per unit into."),
        show_default=False,
    ),
    send: bool = typer.Option(
        False,
        "--send",
        help=_("Send each unit its reminder by mail through the [smtp] server of planctl.toml."),
    ),
) -> None:
    """Remind each unit of what is near its deadline, overdue or unreported."""
    from planctl.cli.terminal import printable, printable_lines
    from planctl.remind import build_reminders, parse_within
    from planctl.remind.formats import EML, FORMATS
    from planctl.repository import display_path
    from planctl.tracking.query import parse_as_of

    FORMATS.check(output_format, extra=(EML,))
    _check_output(output_format, output)
    days = parse_within(within) if within is not None else None
    prepared = build_reminders(as_of=parse_as_of(as_of), within=days, unit=unit)
    reminders = prepared.reminders
    for note in reminders.notes:
        print(_("note: {note}").format(note=printable(note)), file=sys.stderr)
    if output_format != EML and not send:
        sys.stdout.write(printable_lines(FORMATS.get(output_format)(reminders)))
        raise done(0)
    from planctl.remind.mail import drafts, write_drafts
    from planctl.remind.mail import send as send_mail

    made = drafts(reminders, prepared.settings)
    if output is not None:
        for path in write_drafts(made, output, protect=prepared.inputs, root=prepared.root):
            print(_("wrote {file}").format(file=printable(display_path(path))))
    if send:
        result = send_mail(made, prepared.settings.smtp, os.environ)
        for draft in result.sent:
            print(
                _("sent to {unit} <{address}>").format(
                    unit=printable(draft.unit), address=printable(draft.to or "")
                )
            )
    for name in reminders.without_address:
        print(
            _("no address for {unit} in [remind.contacts]: not mailed").format(
                unit=printable(name)
            ),
            file=sys.stderr,
        )
    raise done(0)


def _check_output(output_format: str, output: Path | None) -> None:
    from planctl.errors import UsageError
    from planctl.remind.formats import EML

    if output_format == EML and output is None:
        raise UsageError(
            _("--format eml writes files: name a folder with -o"),
            where="--format",
            hint=_("e.g. planctl remind --format eml -o 催报"),
        )
    if output_format != EML and output is not None:
        raise UsageError(
            _("-o is for the mail drafts of --format eml; text, md and json go to the screen"),
            where="--output",
            hint=_("add --format eml, or redirect the output: planctl remind > 提醒.txt"),
        )
