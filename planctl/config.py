"""The repository's settings: `planctl.toml` beside `plans/`.

Every table is optional and every key has a default; a table a command does not know is
left alone (other tools may keep settings there). A file that is not valid TOML, or a key
of the wrong type, is a `UsageError` naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from planctl.errors import UsageError
from planctl.i18n import _

__all__ = [
    "Escalation",
    "RemindSettings",
    "Settings",
    "SmtpSettings",
    "TrackingSettings",
    "load_settings",
]

SETTINGS_FILE = "planctl.toml"
MOST_DAYS = 9999  # a count of days in the settings (and --within): dates stay in range


@dataclass(frozen=True)
class TrackingSettings:
    """`[tracking]`: the thresholds of the deadline lights (docs/tracking.md)."""

    warn_days: int = 7  # yellow within this many days of a deadline
    yellow_gap: int = 10  # percentage points behind the expected share: yellow
    red_gap: int = 30  # … and red


# What a rung of the escalation ladder looks at: a task's light (yellow counts red too),
# or a unit's missing reports.
ESCALATION_WHEN = ("yellow", "red", "missing")


@dataclass(frozen=True)
class Escalation:
    """One rung of `[[remind.escalation]]`: after `periods` reporting periods running in
    the state `when`, the office takes `action` (专函督办, 约谈提醒 …)."""

    when: str  # one of ESCALATION_WHEN
    periods: int
    action: str


@dataclass(frozen=True)
class RemindSettings:
    """`[remind]`: what `planctl remind` says and to whom (docs/supervision.md)."""

    within: int = 7  # days ahead a deadline or a report due day counts as near
    reply_days: int = 3  # workdays given to send a missing report (请于X月X日前报送)
    sender: str = ""  # who signs the reminders (the supervising office); else the plan's
    subject: str = "关于{unit}督办事项的提醒（截至{date}）"
    escalation: tuple[Escalation, ...] = ()  # weakest first: the last that applies counts
    contacts: Mapping[str, str] = field(default_factory=dict)  # unit -> mail address


@dataclass(frozen=True)
class SmtpSettings:
    """`[smtp]`: the mail server `planctl remind --send` hands the reminders to."""

    host: str = ""
    port: int = 587
    user: str = ""
    starttls: bool = True
    password_env: str = "PLANCTL_SMTP_PASSWORD"  # the environment variable holding it
    sender: str = ""  # the From address; else `user`
    timeout: int = 30  # seconds


@dataclass(frozen=True)
class UrgeSettings:
    """`[urge]`: the 催办通知 of `planctl render --as urge`."""

    reply_days: int = 5  # workdays after the notice the unit has to reply


@dataclass(frozen=True)
class Settings:
    file: Path | None = None
    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    remind: RemindSettings = field(default_factory=RemindSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    urge: UrgeSettings = field(default_factory=UrgeSettings)

    def table(self, name: str) -> Mapping[str, Any]:
        """A table as written (empty when absent), for settings read by one command."""
        return self.tables.get(name, {})


def load_settings(root: Path) -> Settings:
    """The settings of the repository at `root` (defaults when it has no planctl.toml)."""
    path = root / SETTINGS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise UsageError(
            _("cannot read {file}: {reason}").format(file=path, reason=error.strerror)
        ) from error
    try:
        tables = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(
            _("{file} is not valid TOML: {reason}").format(file=path, reason=error)
        ) from error
    _known_keys_only(path, tables)
    return Settings(
        path,
        _tracking(path, _table(path, "tracking", tables.get("tracking", {}))),
        _remind(path, tables.get("remind", {})),
        _smtp(path, tables.get("smtp", {})),
        tables,
        _urge(path, tables.get("urge", {})),
    )


# The keys of each table planctl.toml may hold: a misspelt one is an error, never ignored.
_KEYS = {
    "tracking": frozenset(item.name for item in fields(TrackingSettings)),
    "remind": frozenset(item.name for item in fields(RemindSettings)),
    "smtp": frozenset(item.name for item in fields(SmtpSettings)),
    "urge": frozenset(item.name for item in fields(UrgeSettings)),
}


def _known_keys_only(path: Path, tables: Mapping[str, Any]) -> None:
    for name, table in tables.items():
        if name not in _KEYS:
            tables_known = ", ".join(f"[{known}]" for known in _KEYS)
            raise _wrong(path, f"[{name}]", _("one of {tables}").format(tables=tables_known))
        if not isinstance(table, dict):
            continue  # said by the table's own reader
        for key in table:
            if key not in _KEYS[name]:
                keys = ", ".join(sorted(_KEYS[name]))
                raise _wrong(path, f"[{name}] {key}", _("one of {keys}").format(keys=keys))


def _urge(path: Path, table: Any) -> UrgeSettings:
    table = _table(path, "urge", table)
    days = table.get("reply_days", UrgeSettings.reply_days)
    return UrgeSettings(reply_days=_whole(path, "urge", "reply_days", days, MOST_DAYS))


def _tracking(path: Path, table: Mapping[str, Any]) -> TrackingSettings:
    values = {}
    for key, default in vars(TrackingSettings()).items():
        most = MOST_DAYS if key == "warn_days" else 100  # the gaps are percentage points
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
            raise UsageError(
                _("{file}: [tracking] {key} must be a whole number from 0 to {most}").format(
                    file=path, key=key, most=most
                )
            )
        values[key] = value
    return TrackingSettings(**values)


def _remind(path: Path, table: Any) -> RemindSettings:
    table = _table(path, "remind", table)
    default = RemindSettings()
    contacts = _table(path, "remind.contacts", table.get("contacts", {}))
    for unit, address in contacts.items():
        if not isinstance(address, str) or not is_mail_address(address):
            raise _wrong(path, f"[remind.contacts] {unit!s}", _("a mail address"))
    return RemindSettings(
        within=_whole(path, "remind", "within", table.get("within", default.within), MOST_DAYS),
        reply_days=_whole(path, "remind", "reply_days", table.get("reply_days", 3), MOST_DAYS),
        sender=_text(path, "remind", "sender", table.get("sender", default.sender)),
        subject=_subject(path, table.get("subject", default.subject)),
        escalation=tuple(
            _rung(path, index, rung)
            for index, rung in enumerate(_list(path, table.get("escalation", [])), start=1)
        ),
        contacts=dict(contacts),
    )


def _rung(path: Path, index: int, rung: Any) -> Escalation:
    where = f"[[remind.escalation]] #{index}"
    if not isinstance(rung, dict):
        raise _wrong(path, where, _("a table with when, periods and action"))
    unknown = sorted(set(rung) - {"when", "periods", "action"})
    if unknown:
        raise _wrong(path, f"{where} {unknown[0]}", _("one of when, periods, action"))
    when = rung.get("when")
    if when not in ESCALATION_WHEN:
        raise _wrong(path, f"{where} when", " | ".join(ESCALATION_WHEN))
    periods = rung.get("periods", 1)
    if isinstance(periods, bool) or not isinstance(periods, int) or not 1 <= periods <= 999:
        raise _wrong(path, f"{where} periods", _("a whole number from 1 to 999"))
    action = rung.get("action")
    if not isinstance(action, str) or not action.strip():
        raise _wrong(path, f"{where} action", _("the measure taken, e.g. 专函督办"))
    return Escalation(when, periods, action.strip())


def _smtp(path: Path, table: Any) -> SmtpSettings:
    table = _table(path, "smtp", table)
    default = SmtpSettings()
    starttls = table.get("starttls", default.starttls)
    if not isinstance(starttls, bool):
        raise _wrong(path, "[smtp] starttls", "true | false")
    port = _whole(path, "smtp", "port", table.get("port", default.port))
    if not 0 < port < 65536:
        raise _wrong(path, "[smtp] port", _("a port number from 1 to 65535"))
    return SmtpSettings(
        host=_text(path, "smtp", "host", table.get("host", default.host)),
        port=port,
        user=_text(path, "smtp", "user", table.get("user", default.user)),
        starttls=starttls,
        password_env=_text(path, "smtp", "password_env", table.get("password_env", ""))
        or (default.password_env),
        sender=_sender(path, table.get("sender", default.sender)),
        timeout=_seconds(path, table.get("timeout", default.timeout)),
    )


def _sender(path: Path, value: Any) -> str:
    sender = _text(path, "smtp", "sender", value)
    if sender and not is_mail_address(sender):
        raise _wrong(path, "[smtp] sender", _("a mail address"))
    return sender


def _seconds(path: Path, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3600:
        raise _wrong(path, "[smtp] timeout", _("a whole number of seconds from 1 to 3600"))
    return value


# A mail address as mail servers take it: an ASCII local part (dot-atom, RFC 5322) and a
# domain name, which may be an internationalised one (例子.中国).
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_ADDRESS = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})*")


def is_mail_address(text: str) -> bool:
    """Whether `text` is one mail address, nothing around it (`czj@example.gov.cn`)."""
    return len(text) <= 254 and _ADDRESS.fullmatch(text) is not None


def _table(path: Path, name: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _wrong(path, f"[{name}]", _("a table"))
    return value


def _list(path: Path, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong(path, "[remind] escalation", _("a list of [[remind.escalation]] tables"))
    return value


def _whole(path: Path, table: str, key: str, value: Any, most: int = 65535) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise _wrong(
            path, f"[{table}] {key}", _("a whole number from 0 to {most}").format(most=most)
        )
    return value


def _text(path: Path, table: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _wrong(path, f"[{table}] {key}", _("text in quotes"))
    return value


def _subject(path: Path, value: Any) -> str:
    subject = _text(path, "remind", "subject", value)
    if not _plain_placeholders(subject):
        raise _wrong(
            path, "[remind] subject", _("text with {unit}, {date} or {plan} as placeholders")
        )
    return subject


def _plain_placeholders(text: str) -> bool:
    """Whether `text` holds only {unit}, {date} and {plan} as they are: no other name, no
    attribute, index, conversion or format ({unit:>99999999} would fill memory)."""
    import string

    try:
        placeholders = [
            (name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)
        ]
    except ValueError:  # a lone { or }
        return False
    return all(
        name is None or (name in ("unit", "date", "plan") and not spec and conversion is None)
        for name, spec, conversion in placeholders
    )


def _wrong(path: Path, key: str, expected: str) -> UsageError:
    """`planctl.toml: [remind] within must be …`: the file, the key, what it must be."""
    return UsageError(
        _("{file}: {key} must be {expected}").format(file=path, key=key, expected=expected)
    )
