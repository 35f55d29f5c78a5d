"""The plans a calendar is made from, through the plan gate, with the repository's unit
registry and workdays."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl import repository
from planctl.errors import PlanRefused, UsageError
from planctl.findings import Finding
from planctl.i18n import _
from planctl.model import Plan
from planctl.plans import open_plan_file
from planctl.tracking.records import Review
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

_DOING = "calendar"  # errors.PlanRefused: "cannot make the calendar: …"


@dataclass(frozen=True)
class FeedSource:
    """What the calendars are made from."""

    root: Path
    plans: tuple[Plan, ...]
    registry: UnitRegistry | None
    workdays: Workdays
    inputs: tuple[Path, ...]  # the files the events come from
    stamp: datetime.datetime  # when the newest of them changed (DTSTAMP)
    read: tuple[Path, ...] = ()  # every file read, the settings too: never written over
    reviews: tuple[Review, ...] = ()  # the supervising office's decisions
    notes: tuple[str, ...] = ()


def load_source(paths: Sequence[Path], *, start: Path | None = None) -> FeedSource:
    """The plans named (every issued plan of the repository when none is), with the
    registry, the workdays calendar and the reviews; a file the gate refuses stops the
    calendar, as it stops `render` (a refused report does not: no event comes from one)."""
    from planctl.tracking.load import load_tracking, read_files

    where = start or (paths[0] if paths else Path.cwd())
    repo = repository.open_repository(where)
    tracking = load_tracking(repo)
    _refuse_broken(repo, tracking.findings, named=bool(paths))
    if paths:
        plans = [_open_plan(Path(path)) for path in paths]
    else:
        plans = [plan for plan in tracking.plans if plan.stage == "issued"]
    if not plans:
        raise UsageError(
            _("no issued plan in this repository"),
            where=repository.display_path(repo.plans_dir),
            hint=_("name the plans to put in the calendar"),
        )
    inputs = _inputs(repo, paths)
    return FeedSource(
        root=repo.root,
        plans=tuple(plans),
        registry=tracking.units,
        workdays=tracking.workdays,
        inputs=inputs,
        stamp=newest_change(inputs),
        read=read_files(repo, tracking, *inputs),
        reviews=tracking.reviews,
        notes=tracking.notes,
    )


def _refuse_broken(
    repo: repository.Repository, findings: Sequence[Finding], *, named: bool
) -> None:
    """Stop at a refused file the calendar reads: the registry, the workdays calendar, a
    review, and a plan when the calendar is of every plan (named plans are opened, and
    refused, one by one); a report gives no event, so a refused one does not stop it."""
    reports = repo.reports_dir.resolve()
    plans = {path.resolve() for path in repo.plan_files()} if named else set()
    for finding in findings:
        where = Path(finding.file).resolve()
        if reports not in where.parents and where not in plans:
            raise PlanRefused(finding, doing=_DOING)


def _inputs(repo: repository.Repository, paths: Sequence[Path]) -> tuple[Path, ...]:
    """The files the calendar is made from (never written over; DTSTAMP follows them)."""
    plans = [Path(path) for path in paths] or repo.plan_files()
    found = [*plans, *repo.review_files()]
    found += [path for path in (repo.units_path, repo.calendar_path) if path.is_file()]
    return tuple(found)


def _open_plan(path: Path) -> Plan:
    return open_plan_file(path, repository.display_path(path), doing=_DOING).plan()


def newest_change(paths: Iterable[Path]) -> datetime.datetime:
    """When the newest of `paths` was last modified, in UTC to the second."""
    times = [path.stat().st_mtime for path in paths]
    moment = datetime.datetime.fromtimestamp(max(times, default=0), tz=datetime.UTC)
    return moment.replace(microsecond=0)
