"""What `planctl calendar` reads and writes: the plans, the calendar of each unit that owns
an event, and the whole calendar, each written atomically into the folder named."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.atomic import Inputs, boundary, check_writable, output_folder, write_atomic
from planctl.errors import InputError, UsageError, WriteRefused, os_error_reason
from planctl.feeds.events import FeedEvent, plan_events
from planctl.feeds.source import FeedSource, load_source
from planctl.filenames import distinct_file_names
from planctl.i18n import _, pgettext, quote
from planctl.tracking.records import Review
from planctl.units import UnitRegistry

__all__ = ["ALL_FILE", "FeedFile", "FeedResult", "write_feeds"]

ALL_NAME = "全部"
ALL_FILE = f"{ALL_NAME}.ics"
SUFFIX = ".ics"


@dataclass(frozen=True)
class FeedFile:
    path: Path
    unit: str | None  # None: the whole calendar
    events: int


@dataclass(frozen=True)
class FeedResult:
    files: tuple[FeedFile, ...]
    notes: tuple[str, ...] = ()


def write_feeds(
    plans: Sequence[Path], output: Path, *, unit: str | None = None, start: Path | None = None
) -> FeedResult:
    """Write one calendar per unit owning an event of `plans` (every issued plan of the
    repository when none is named) and `全部.ics` into the folder `output`; with `unit`,
    that unit's calendar only."""
    source = load_source(plans, start=start)
    reviews = _by_plan(source.reviews)
    events = [
        event
        for plan in source.plans
        for event in plan_events(plan, source.registry, source.workdays, reviews.get(plan.id, ()))
    ]
    within = boundary(output / ALL_FILE, source.root)
    folder = _prepare_folder(output, within)
    wanted = _units_wanted(events, source.registry, unit)
    owned = _by_unit(events)
    targets = _targets(wanted, whole=unit is None)
    place = Place(folder, within, Inputs(source.read))
    for _owner, _name, file_name in targets:  # refused before any is written
        check_writable(folder / file_name, within=place.within, protect=place.protect)
    made: dict[tuple[str, str | None], bytes] = {}
    files = [
        _write(
            place,
            file_name,
            (name, owner),
            events if owner is None else owned[owner],
            source.stamp,
            made,
        )
        for owner, name, file_name in targets
    ]
    return FeedResult(tuple(files), (*source.notes, *_missing_years(source, events)))


def _by_plan(reviews: Sequence[Review]) -> dict[str, list[Review]]:
    grouped: dict[str, list[Review]] = {}
    for review in reviews:
        grouped.setdefault(review.plan, []).append(review)
    return grouped


def _by_unit(events: Sequence[FeedEvent]) -> defaultdict[str, list[FeedEvent]]:
    """Each unit's events (a unit asked for that owns none has an empty list)."""
    owned: defaultdict[str, list[FeedEvent]] = defaultdict(list)
    for event in events:
        for unit in event.units:
            owned[unit].append(event)
    return owned


def _missing_years(source: FeedSource, events: Sequence[FeedEvent]) -> list[str]:
    """A note for each year of a report due day that the workdays calendar lacks."""
    years = {event.day.year for event in events if event.kind == "report"}
    return [
        _(
            "the calendar has no holidays for {year}: report due days that year move only off "
            "Saturdays and Sundays"
        ).format(year=year)
        for year in source.workdays.missing_years(years)
    ]


def _units_wanted(
    events: Sequence[FeedEvent], registry: UnitRegistry | None, unit: str | None
) -> list[str]:
    """The units to write a calendar for: every unit owning an event (registry order
    first), or the one asked for."""
    owning = dict.fromkeys(owner for event in events for owner in event.units)
    if unit is None:
        order = list(registry.units) if registry is not None else []
        ranked = [name for name in order if name in owning]
        return ranked + sorted(name for name in owning if name not in ranked)
    return [_resolve_unit(unit, registry, owning)]


def _resolve_unit(unit: str, registry: UnitRegistry | None, owning: Iterable[str]) -> str:
    owners = set(owning)
    if registry is not None:
        found = registry.lookup(unit)
        if found.kind == "group":
            raise UsageError(
                _("{name} is a group of units, not one unit").format(name=quote(unit)),
                where="--unit",
                hint=_("name one of its units: {units}").format(
                    units=pgettext("list separator", ", ").join(registry.expand(unit))
                ),
            )
        if found.canonical is not None:
            return found.canonical
    if unit in owners:
        return unit
    close = registry.suggest(unit) if registry is not None else []
    raise UsageError(
        _("no unit named {name} in the unit registry or the plans").format(name=quote(unit)),
        where="--unit",
        hint=_("did you mean {names}?").format(names=pgettext("list separator", ", ").join(close))
        if close
        else _("name a unit of plans/units.yaml"),
    )


def _targets(units: Sequence[str], *, whole: bool) -> list[tuple[str | None, str, str]]:
    """(unit, calendar name, file name) for each calendar; names unique on every system."""
    whole_calendar: list[tuple[str | None, str, str]] = [(None, ALL_NAME, ALL_FILE)]
    files = distinct_file_names(units, SUFFIX, taken=[ALL_FILE] if whole else [])
    unit_calendars = [(unit, unit, file) for unit, file in zip(units, files, strict=True)]
    return (whole_calendar if whole else []) + unit_calendars


def _prepare_folder(output: Path, within: Path) -> Path:
    hint = _("name a folder for the calendar files (-o DIR)")
    return output_folder(output, hint=hint, within=within)


@dataclass(frozen=True)
class Place:
    """Where the calendars are written: the folder, the bounds no link may lead a write
    out of (the repository, or the folder named outside it), the files never written over."""

    folder: Path
    within: Path
    protect: Inputs


def _write(
    place: Place,
    file_name: str,
    calendar: tuple[str, str | None],  # its name, and the unit whose it is (None: all)
    events: Sequence[FeedEvent],
    stamp: datetime.datetime,
    made: dict[tuple[str, str | None], bytes],
) -> FeedFile:
    from planctl.feeds.ics import calendar_bytes

    name, unit = calendar
    data = calendar_bytes(name, events, unit=unit, stamp=stamp, made=made)
    path = place.folder / file_name
    try:
        write_atomic(path, data, within=place.within, protect=place.protect)
    except WriteRefused:
        raise
    except OSError as error:
        raise InputError(
            _("cannot write the file: {reason}").format(reason=os_error_reason(error)),
            where=str(path),
            hint=_("check the folder exists and is writable"),
        ) from None
    return FeedFile(path, unit, len(events))
