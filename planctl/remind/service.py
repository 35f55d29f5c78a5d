"""What `planctl remind` reads: the repository's tracking data and settings."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from planctl.config import Settings
from planctl.errors import UsageError
from planctl.i18n import _, quote
from planctl.remind.engine import Reminders

__all__ = ["Prepared", "build_reminders", "parse_within"]

_WITHIN = re.compile(r"(?P<count>[0-9]{1,4})\s*(?P<unit>d|w|天|周)?", re.IGNORECASE)


@dataclass(frozen=True)
class Prepared:
    reminders: Reminders
    settings: Settings
    inputs: tuple[Path, ...]  # the files read (never written over)
    root: Path  # the repository's: no link leads a draft out of it


def parse_within(text: str) -> int:
    """`7d`, `2w`, `7` (days), `7天`, `2周` as a number of days."""
    match = _WITHIN.fullmatch(text.strip())
    if match is None:
        raise UsageError(
            _("{value} is not a number of days from 0 to 9999").format(value=quote(text)),
            where="--within",
            hint=_("write days as 7d (or 7), weeks as 2w"),
        )
    count = int(match["count"])
    return count * 7 if (match["unit"] or "d").lower() in ("w", "周") else count


def build_reminders(
    *,
    as_of: datetime.date,
    within: int | None = None,
    unit: str | None = None,
    start: Path | None = None,
) -> Prepared:
    """Every unit's reminder as of `as_of` in the repository around `start` (the working
    directory by default); only `unit`'s with `unit` (an alias names its unit)."""
    from planctl.config import load_settings
    from planctl.remind.engine import remind
    from planctl.repository import open_repository
    from planctl.tracking.load import load_tracking, read_files

    repository = open_repository(start)
    settings = load_settings(repository.root)
    tracking = load_tracking(repository)
    named = _unit(unit, tracking.units) if unit is not None else None
    reminders = remind(tracking, as_of, settings, within=within, unit=named)
    inputs = read_files(repository, tracking)
    return Prepared(reminders, settings, inputs, repository.root)


def _unit(unit: str, registry: object) -> str:
    from planctl.i18n import pgettext
    from planctl.units import UnitRegistry

    if not isinstance(registry, UnitRegistry):
        return unit
    found = registry.lookup(unit)
    if found.kind == "group":
        raise UsageError(
            _("{name} is a group of units, not one unit").format(name=quote(unit)),
            where="--unit",
            hint=_("name one of its units: {units}").format(
                units=pgettext("list separator", ", ").join(registry.expand(unit))
            ),
        )
    if found.canonical is None:
        close = registry.suggest(unit)
        raise UsageError(
            _("no unit named {name} in the unit registry or the plans").format(name=quote(unit)),
            where="--unit",
            hint=_("did you mean {names}?").format(
                names=pgettext("list separator", ", ").join(close)
            )
            if close
            else _("name a unit of plans/units.yaml"),
        )
    return found.canonical
