"""Typed views of what units report and what the supervising office decides.

A report (`reports/<plan-id>/<period>/<unit>.yaml`, format ``planctl-report/1``) is what
one unit says about its tasks for one period; a review (`reviews/<plan-id>/<period>.yaml`,
format ``planctl-review/1``) is what the 督查室 decided about that period. Both are built
from data their schema has accepted; every entry keeps its JSON path for findings.
Nothing computed (lights, lateness) is stored here: see `planctl.tracking.lights`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, TypeAlias

from planctl.findings import JsonPath
from planctl.tracking.periods import Period

REPORT_FORMAT = "planctl-report/1"
REVIEW_FORMAT = "planctl-review/1"
CALENDAR_FORMAT = "planctl-calendar/1"

ReportStatus: TypeAlias = Literal["not_started", "in_progress", "delayed", "done"]
Request: TypeAlias = Literal["close", "extend"]
Verdict: TypeAlias = Literal["accepted", "returned"]
Light: TypeAlias = Literal["red", "yellow", "green", "grey", "done"]


@dataclass(frozen=True, slots=True)
class MilestoneDone:
    id: str
    done: datetime.date


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One task in a unit's report: 进展情况, 存在问题, 下步打算 and any request."""

    task: str
    path: JsonPath
    status: ReportStatus
    percent: int | None = None
    progress: str | None = None
    problems: str | None = None
    next_steps: str | None = None
    milestones: tuple[MilestoneDone, ...] = ()
    request: Request | None = None
    extend_to: str | None = None  # a deadline form (2023-09), with request: extend
    reason: str | None = None


@dataclass(frozen=True)
class Report:
    """One unit's report for one period of one plan; `file` is its path as shown."""

    file: str
    plan: str
    period: Period
    unit: str
    as_of: datetime.date
    entries: tuple[ReportEntry, ...] = ()
    # When it was submitted: the date of the commit that first added the file (from git),
    # None when the file is not committed (then `as_of` stands in).
    submitted: datetime.date | None = None

    def entry(self, task_id: str) -> ReportEntry | None:
        return next((entry for entry in self.entries if entry.task == task_id), None)


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision of a review; which kind it is follows from the fields set.

    - `verdict` (with `unit`): the unit's report is accepted or returned (退回重报);
    - `close`: 办结销号 approved on that date;
    - `extend_to`: an approved extension to that deadline;
    - `light`: an override of the computed light (a `note` says why);
    - `status` (cancelled | suspended): the task is stopped by decision.
    """

    task: str
    path: JsonPath
    unit: str | None = None
    verdict: Verdict | None = None
    close: datetime.date | None = None
    extend_to: str | None = None
    light: Light | None = None
    status: Literal["cancelled", "suspended"] | None = None
    note: str | None = None


@dataclass(frozen=True)
class Review:
    """The supervising office's decisions on one period of one plan."""

    file: str
    plan: str
    period: Period
    reviewer: str
    date: datetime.date
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class Holidays:
    """One year of the State Council's 放假安排: rest days and 调休 workdays."""

    year: int
    rest: frozenset[datetime.date]
    work: frozenset[datetime.date]  # weekend days that are workdays (调休上班)
