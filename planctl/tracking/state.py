"""What tracking computes for a date: each task's light with its reasons, and each
(unit, period)'s report status. Values only; `planctl.tracking.lights` computes them and
`status`, `stats`, the 台账 and the supervision outputs read them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, NamedTuple, TypeAlias

from planctl.model import Placed
from planctl.tracking.periods import Period
from planctl.tracking.records import Light, Report, ReportEntry

ReportTiming: TypeAlias = Literal["on_time", "late", "missing"]

# Worst first: how a group's or a section's light is chosen, and how tables sort.
LIGHT_ORDER: tuple[Light, ...] = ("red", "yellow", "green", "done", "grey")


@dataclass(frozen=True)
class TaskState:
    """One task as of a date."""

    plan: str
    placed: Placed  # the task and the sections above it
    number: str  # its number in the document (一、(一) 1.), as the tables print it
    light: Light
    reasons: tuple[str, ...]  # why, in words (逾期 12 天; 滞后序时 35 个百分点 …)
    deadline: datetime.date | None  # the effective last day (after extensions); None: ongoing
    deadline_words: str  # the deadline as the document words it (2023年6月底前)
    latest: ReportEntry | None = None  # the latest report entry on or before the date
    latest_report: Report | None = None
    closed: datetime.date | None = None  # 办结销号 approved on this day
    on_time: bool | None = None  # for a closed task: closed by the effective deadline
    lead_units: tuple[str, ...] = ()  # the units that answer for it (groups expanded)
    expected: float | None = None  # the share of its time elapsed, in percent (序时进度)
    # The lowest percent in the lead units' latest reports (a task is as far behind as its
    # furthest-behind lead); None when no lead unit gave one.
    lowest_percent: int | None = None

    @property
    def task_id(self) -> str:
        return self.placed.task.id


@dataclass(frozen=True)
class ReportState:
    """Whether one unit reported on one period of one plan, and when."""

    plan: str
    unit: str
    period: Period
    due: datetime.date
    status: ReportTiming
    submitted: datetime.date | None = None


@dataclass(frozen=True)
class Status:
    as_of: datetime.date
    tasks: tuple[TaskState, ...]
    reports: tuple[ReportState, ...]
    notes: tuple[str, ...] = ()  # things to say once (a year missing from the calendar …)


class TaskLight(NamedTuple):
    """One task's light as of a date with what the figures count of it, without the
    words of its `TaskState` (a tuple: a hundred thousand are made for each date)."""

    plan: str
    light: Light
    deadline: datetime.date | None
    on_time: bool | None
    expected: float | None
    lowest_percent: int | None


@dataclass(frozen=True)
class Glance:
    """What the figures of a date are counted from (`Lights.glance`): each task's light
    and each due report's status."""

    as_of: datetime.date
    tasks: tuple[TaskLight, ...]
    reports: tuple[ReportState, ...]
