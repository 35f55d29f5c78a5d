"""Reminders as mail: one RFC 5322 message per unit (UTF-8, standard library `email`),
written as .eml drafts into a folder, or handed to the SMTP server of `[smtp]` — only
when asked (`planctl remind --send`), the password read from the environment variable
`[smtp] password_env` names, never from a file.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.atomic import output_folder
from planctl.config import Settings, SmtpSettings
from planctl.errors import InputError, MailNotSent, UsageError, WriteRefused, os_error_reason
from planctl.i18n import N_, _, pgettext
from planctl.remind.engine import Reminder, Reminders

if TYPE_CHECKING:
    import smtplib

__all__ = ["Draft", "SendResult", "drafts", "send", "write_drafts"]

EML = ".eml"


@dataclass(frozen=True)
class Draft:
    unit: str
    to: str | None  # None: the unit has no address in [remind.contacts]
    subject: str
    message: EmailMessage


@dataclass(frozen=True)
class SendResult:
    sent: tuple[Draft, ...]
    unaddressed: tuple[str, ...]  # units not mailed: no address


def drafts(reminders: Reminders, settings: Settings) -> list[Draft]:
    """One message per unit reminded; the body is the text `--format text` prints."""
    return [_draft(reminders, reminder, settings) for reminder in reminders.reminders]


def _draft(reminders: Reminders, reminder: Reminder, settings: Settings) -> Draft:
    from email.headerregistry import Address
    from email.utils import format_datetime, make_msgid

    from planctl.chinese import date_cn
    from planctl.remind.formats.text import unit_text

    plans = "、".join(dict.fromkeys(title for title in _plan_titles(reminder)))
    subject = header_text(
        settings.remind.subject.format(
            unit=reminder.unit, date=date_cn(reminders.as_of), plan=plans
        )
    )
    message = EmailMessage()
    message["Subject"] = subject
    sender = sender_address(settings.smtp)
    if sender:
        name = header_text(reminders.sender or "")
        message["From"] = Address(display_name=name, addr_spec=ascii_address(sender))
    if reminder.address is not None:
        unit = header_text(reminder.unit)
        message["To"] = Address(display_name=unit, addr_spec=ascii_address(reminder.address))
    message["Date"] = format_datetime(datetime.datetime.now().astimezone())
    message["Message-ID"] = make_msgid(domain=_domain(sender))
    message.set_content(unit_text(reminders, reminder) + "\n", charset="utf-8")
    return Draft(reminder.unit, reminder.address, subject, message)


def sender_address(smtp: SmtpSettings) -> str:
    """The From address: `[smtp] sender`, else the login when it is an address ("")."""
    from planctl.config import is_mail_address

    return smtp.sender or (smtp.user if is_mail_address(smtp.user) else "")


def ascii_address(address: str) -> str:
    """The address with its domain written in ASCII as mail headers need it (IDNA:
    `lyj@林业局.政务.cn` → `lyj@xn--….xn--….cn`); an ASCII address as it is."""
    local, _, domain = address.rpartition("@")
    if domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:  # a label the codec refuses: the server will say so
        return address


def header_text(text: str) -> str:
    """Text fit for a header: a line break or another control character (from a unit's
    name, a plan's title, the settings) becomes one space, never a second header."""
    return " ".join(_CONTROLS.sub(" ", text).split())


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _plan_titles(reminder: Reminder) -> list[str]:
    tasks = (*reminder.overdue, *reminder.near, *reminder.lit)
    reports = (*reminder.unreported, *reminder.upcoming)
    return [item.plan_title for item in tasks] + [item.plan_title for item in reports]


def _domain(sender: str) -> str:
    return sender.rpartition("@")[2] if "@" in sender else "planctl.invalid"


def write_drafts(
    found: Sequence[Draft], folder: Path, *, protect: Sequence[Path] = (), root: Path | None = None
) -> list[Path]:
    """Each draft as `<unit>.eml` in `folder` (made when missing), written atomically and
    only there (or in the repository `root`, when the folder lies in it), never over a
    file of `protect`; two units whose names make the same file name get `-2`, `-3` ….
    `X-Unsent: 1` makes Outlook open it as a message ready to send."""
    import copy
    from email import policy

    from planctl.atomic import Inputs, boundary, check_writable, write_atomic
    from planctl.filenames import distinct_file_names

    within = boundary(folder / EML, root)
    _make_folder(folder, within)
    inputs = Inputs(protect)
    paths = [folder / name for name in distinct_file_names([d.unit for d in found], EML)]
    for path in paths:  # refused before any draft is written
        check_writable(path, within=within, protect=inputs)
    for draft, path in zip(found, paths, strict=True):
        message = copy.deepcopy(draft.message)  # the message to send stays as it is
        message["X-Unsent"] = "1"
        try:
            write_atomic(path, message.as_bytes(policy=policy.SMTP), within=within, protect=inputs)
        except WriteRefused:
            raise
        except OSError as error:
            raise InputError(
                _("cannot write the file: {reason}").format(reason=os_error_reason(error)),
                where=str(path),
                hint=_("check the folder exists and is writable"),
            ) from None
    return paths


def _make_folder(folder: Path, within: Path) -> None:
    output_folder(folder, hint=_("name a folder for the drafts (-o DIR)"), within=within)


def send(found: Sequence[Draft], smtp: SmtpSettings, environ: Mapping[str, str]) -> SendResult:
    """Hand every addressed draft to the SMTP server; a unit without an address is left
    out and listed. A refused connection, login or message stops the sending with one
    error naming the units whose messages were not sent."""
    import smtplib

    addressed = [draft for draft in found if draft.to is not None]
    unaddressed = tuple(draft.unit for draft in found if draft.to is None)
    password = _password(smtp, environ, addressed)
    if not addressed:
        return SendResult((), unaddressed)
    if not sender_address(smtp):
        raise UsageError(
            _("no sender address: set [smtp] sender (or a user that is an address) in "
              "planctl.toml; nothing was sent"),
            hint=_("for example: sender = \"dcs@example.gov.cn\""),
        )  # fmt: skip
    sent: list[Draft] = []
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
            if smtp.starttls:
                import ssl

                client.starttls(context=ssl.create_default_context())
            if smtp.user:
                _login(client, smtp.user, password)
            for draft in addressed:
                client.send_message(draft.message)
                sent.append(draft)
    except (OSError, smtplib.SMTPException, UnicodeError) as error:  # UnicodeError: the host
        unsent = [draft.unit for draft in addressed if draft not in sent]
        raise MailNotSent(
            _("cannot send the reminders ({server}): {reason}; not sent: {units}").format(
                server=f"{smtp.host}:{smtp.port}",
                reason=_reason(error),
                units=pgettext("list separator", ", ").join(unsent),
            ),
            hint=_reason_hint(error),
        ) from None
    return SendResult(tuple(sent), unaddressed)


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a user name or password beyond ASCII goes as UTF-8 AUTH PLAIN (RFC 4616),
    which smtplib's own login cannot send."""
    if (user + password).isascii():
        client.login(user, password)
        return
    import base64
    import smtplib

    client.ehlo_or_helo_if_needed()
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, answer = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:  # 235: authentication succeeded
        raise smtplib.SMTPAuthenticationError(code, answer)


def _password(smtp: SmtpSettings, environ: Mapping[str, str], addressed: Sequence[Draft]) -> str:
    if not smtp.host:
        raise UsageError(
            _("no mail server: [smtp] host is not set in planctl.toml; nothing was sent"),
            hint=_("set [smtp] host, port and user, or write drafts with --format eml -o DIR"),
        )
    if not smtp.user:
        return ""
    password = environ.get(smtp.password_env)
    if password is None and addressed:
        raise UsageError(
            _("the environment variable {name} holding the mail password is not set; "
              "nothing was sent").format(name=smtp.password_env),
            hint=_("set {name} in the environment of this command (never in a file)").format(
                name=smtp.password_env
            ),
        )  # fmt: skip
    return password or ""


def _reason(error: Exception) -> str:
    import smtplib

    if isinstance(error, smtplib.SMTPAuthenticationError):
        return _("the server refused the user name or password")
    if isinstance(error, ConnectionRefusedError):
        return _("the connection was refused")
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return _("the server refused the recipients")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return _not_offered(error)
    if isinstance(error, UnicodeError):
        return _("the host name is not a valid name")
    if isinstance(error, smtplib.SMTPResponseException):
        answer = error.smtp_error
        text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else answer
        return _("the server answered {code} {text}").format(code=error.smtp_code, text=text)
    if isinstance(error, OSError):
        return os_error_reason(error)
    return str(error)


def _reason_hint(error: Exception) -> str:
    import smtplib

    if isinstance(error, smtplib.SMTPAuthenticationError):
        return _("check [smtp] user and the password in the environment variable it names")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return _(_NOT_OFFERED_HINTS[_missing_extension(error)])
    return _("check [smtp] host and port in planctl.toml, then run again with --send")


def _missing_extension(error: Exception) -> str:
    """Which SMTP extension the server lacks, from smtplib's words for each."""
    words = str(error).upper()
    return next((name for name in ("STARTTLS", "AUTH", "SMTPUTF8") if name in words), "")


def _not_offered(error: Exception) -> str:
    missing = _missing_extension(error)
    if missing == "STARTTLS":
        return _("the server does not offer STARTTLS")
    if missing == "AUTH":
        return _("the server does not offer logging in (SMTP AUTH)")
    if missing == "SMTPUTF8":
        return _("the server does not take addresses beyond ASCII (SMTPUTF8)")
    return _("the server does not offer what the message needs: {reason}").format(reason=error)


_NOT_OFFERED_HINTS = {
    "STARTTLS": N_("set [smtp] starttls = false only for a server on this computer or network"),
    "AUTH": N_("leave [smtp] user out for a server that takes mail without logging in"),
    "SMTPUTF8": N_("give these units ASCII addresses in [remind.contacts]"),
    "": N_("check [smtp] host and port in planctl.toml, then run again with --send"),
}
