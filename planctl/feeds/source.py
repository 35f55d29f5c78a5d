"""The plans a calendar is made from, through the plan gate, with the repository's unit
registry and workdays."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl import repository
from planctl.errors import InputError, UsageError
from planctl.i18n import _
from planctl.model import Plan
from planctl.plans import open_file, require_registry
from planctl.tracking.records import Review
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

_DOING = "calendar"  # errors.PlanRefused: "cannot make the calendar: …"
# Files under plans/ that are not plans.
_NOT_PLANS = ("calendar.yaml", "calendar.yml")


@dataclass(frozen=True)
class FeedSource:
    """What the calendars are made from."""

    root: Path
    plans: tuple[Plan, ...]
    registry: UnitRegistry | None
    workdays: Workdays
    inputs: tuple[Path, ...]  # the files read: never written over
    stamp: datetime.datetime  # when the newest of them changed (DTSTAMP)
    reviews: tuple[Review, ...] = ()  # the supervising office's decisions
    notes: tuple[str, ...] = ()


def load_source(paths: Sequence[Path], *, start: Path | None = None) -> FeedSource:
    """The plans named (every issued plan of the repository when none is), refusing any
    the gate refuses, as `render` does."""
    where = start or (paths[0] if paths else Path.cwd())
    repo = repository.open_repository(where)
    files = [Path(path) for path in paths] or _repository_plans(repo)
    plans = [_open_plan(path) for path in files]
    if not paths:
        plans = [plan for plan in plans if plan.stage == "issued"]
    if not plans:
        raise UsageError(
            _("no issued plan in this repository"),
            where=repository.display_path(repo.plans_dir),
            hint=_("name the plans to put in the calendar"),
        )
    registry = require_registry(repo.units_path, doing=_DOING)
    inputs = tuple(files) + ((repo.units_path,) if repo.units_path.is_file() else ())
    return FeedSource(
        root=repo.root,
        plans=tuple(plans),
        registry=registry,
        workdays=Workdays(),
        inputs=inputs,
        stamp=newest_change(inputs),
    )


def _repository_plans(repo: repository.Repository) -> list[Path]:
    return [path for path in repo.plan_files() if path.name not in _NOT_PLANS]


def _open_plan(path: Path) -> Plan:
    if not path.is_file():
        raise InputError(
            _("no such plan file"),
            where=str(path),
            hint=_("name a plan's .yaml file, e.g. plans/<id>.yaml"),
        )
    opened = open_file(path, repository.display_path(path))
    if opened.kind == "units":
        raise InputError(
            _("this is the unit registry, not a plan"),
            where=opened.document.file,
            hint=_("name a plan file under plans/"),
        )
    if not opened.trusted:
        raise opened.refuse(_DOING)
    return opened.plan()


def newest_change(paths: Iterable[Path]) -> datetime.datetime:
    """When the newest of `paths` was last modified, in UTC to the second."""
    times = [path.stat().st_mtime for path in paths]
    moment = datetime.datetime.fromtimestamp(max(times, default=0), tz=datetime.UTC)
    return moment.replace(microsecond=0)
