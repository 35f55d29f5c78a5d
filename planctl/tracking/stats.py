"""The figures the supervising office publishes, computed from the lights of a date.

- 完成率: tasks closed (办结) / tasks not grey;
- 按时完成率: tasks closed by their deadline / tasks (not grey) whose deadline has passed —
  a task closed early enters both counts once its deadline has passed;
- 逾期: tasks not grey and not closed whose deadline has passed;
- 序时达标率: tasks (not grey, not closed) whose reported percent is not behind the share of
  their time elapsed by more than `yellow_gap` points / such tasks with a percent and a
  deadline (a task led by several units is measured by the lowest percent its leads
  reported, as its light is by the worst of them);
- 报送及时率: reports in on time / reports due;
- a count per light.

Figures are for all the tasks chosen, and per unit (ranked), section, plan or period
(each period's figures as of its last day). Every ratio keeps its numerator and
denominator, so each figure can be checked by hand and recomputed for any date.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from planctl.config import TrackingSettings
from planctl.errors import UsageError
from planctl.i18n import _, either, quote
from planctl.tracking.lights import Lights, TrackingData, compute_status
from planctl.tracking.periods import Cycle, Period, period_containing
from planctl.tracking.records import Light
from planctl.tracking.state import LIGHT_ORDER, ReportState, Status, TaskLight, TaskState

__all__ = [
    "STATS_GROUPINGS",
    "STATUS_GROUPINGS",
    "Figures",
    "Ratio",
    "Stats",
    "StatsRow",
    "StatusView",
    "compute_stats",
    "figures_of",
    "select",
    "status_view",
]

Grouping: TypeAlias = Literal["task", "unit", "section", "plan", "period"]
STATUS_GROUPINGS: tuple[Grouping, ...] = ("task", "unit", "section", "plan")
STATS_GROUPINGS: tuple[Grouping, ...] = ("unit", "section", "plan", "period")
NO_SECTION = "—"


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def share(self) -> float | None:
        """The ratio in percent, to one decimal; None when nothing is counted."""
        if self.denominator == 0:
            return None
        return round(self.numerator * 100 / self.denominator, 1)

    def words(self) -> str:
        """66.7% (2/3), or — (0/0)."""
        share = self.share
        shown = "—" if share is None else f"{share:.1f}%"
        return f"{shown} ({self.numerator}/{self.denominator})"

    def as_json(self) -> dict[str, object]:
        return {"numerator": self.numerator, "denominator": self.denominator, "share": self.share}


@dataclass(frozen=True)
class Figures:
    tasks: int
    lights: dict[Light, int]
    completion: Ratio  # 完成率
    on_time_completion: Ratio  # 按时完成率
    overdue: int  # 逾期
    on_schedule: Ratio  # 序时达标率
    reporting: Ratio  # 报送及时率

    def as_json(self) -> dict[str, object]:
        return {
            "tasks": self.tasks,
            "lights": {light: self.lights.get(light, 0) for light in LIGHT_ORDER},
            "completion": self.completion.as_json(),
            "on_time_completion": self.on_time_completion.as_json(),
            "overdue": self.overdue,
            "on_schedule": self.on_schedule.as_json(),
            "reporting": self.reporting.as_json(),
        }


@dataclass(frozen=True)
class StatsRow:
    name: str  # the unit, section, plan or period
    figures: Figures
    rank: int | None = None  # units only: 1 is the best
    as_of: datetime.date | None = None  # periods only: the figures' date


@dataclass(frozen=True)
class Stats:
    as_of: datetime.date
    total: Figures
    by: Grouping | None = None
    rows: tuple[StatsRow, ...] = ()
    notes: tuple[str, ...] = ()


def figures_of(
    tasks: Iterable[TaskState | TaskLight],
    reports: Iterable[ReportState],
    settings: TrackingSettings,
    as_of: datetime.date,
) -> Figures:
    """The figures of some tasks and reports (see the module's docstring)."""
    chosen = list(tasks)
    lights = Counter(task.light for task in chosen)
    counted = [task for task in chosen if task.light != "grey"]
    done = [task for task in counted if task.light == "done"]
    passed = [task for task in counted if task.deadline is not None and task.deadline < as_of]
    open_tasks = [task for task in counted if task.light != "done"]
    measured = [
        task for task in open_tasks if task.expected is not None and task.lowest_percent is not None
    ]
    due = list(reports)
    return Figures(
        tasks=len(chosen),
        lights={light: lights.get(light, 0) for light in LIGHT_ORDER},
        completion=Ratio(len(done), len(counted)),
        on_time_completion=Ratio(sum(1 for task in passed if task.on_time), len(passed)),
        overdue=sum(1 for task in passed if task.light != "done"),
        on_schedule=Ratio(
            sum(1 for task in measured if _on_schedule(task, settings)), len(measured)
        ),
        reporting=Ratio(sum(1 for state in due if state.status == "on_time"), len(due)),
    )


def _on_schedule(task: TaskState | TaskLight, settings: TrackingSettings) -> bool:
    """Within `yellow_gap` of the share of time elapsed, by its furthest-behind lead unit
    (a task led by several units is on schedule only when each of them is)."""
    assert task.expected is not None and task.lowest_percent is not None
    return task.expected - task.lowest_percent <= settings.yellow_gap


# --- choosing tasks and grouping them ---------------------------------------------------


def select(
    status: Status,
    *,
    plans: Sequence[str] = (),
    unit: str | None = None,
    units: Sequence[str] = (),
    lights: Sequence[Light] = (),
) -> Status:
    """The part of `status` about some plans, one `unit` or some `units` (their tasks and
    their reports: a group's members, for `--unit GROUP`), or some lights (the reports
    stay those of the tasks' plans)."""
    tasks = status.tasks
    reports = status.reports
    units = (*units, unit) if unit is not None else units
    if plans:
        tasks = tuple(task for task in tasks if task.plan in plans)
        reports = tuple(state for state in reports if state.plan in plans)
    if units:
        chosen = set(units)
        tasks = tuple(task for task in tasks if chosen.intersection(task.lead_units))
        reports = tuple(state for state in reports if state.unit in chosen)
    if lights:
        tasks = tuple(task for task in tasks if task.light in lights)
    return Status(status.as_of, tasks, reports, status.notes)


def section_of(task: TaskState) -> str:
    """The top-level section a task stands in, as `plan / title` tables name it."""
    sections = task.placed.sections
    return f"{task.plan} / {sections[0].title}" if sections else f"{task.plan} / {NO_SECTION}"


def _groups(status: Status, by: Grouping) -> dict[str, tuple[list[TaskState], list[ReportState]]]:
    groups: dict[str, tuple[list[TaskState], list[ReportState]]] = defaultdict(lambda: ([], []))
    for task in status.tasks:
        for name in _names_of(task, by):
            groups[name][0].append(task)
    for state in status.reports:
        if by == "unit":
            groups[state.unit][1].append(state)
        elif by == "plan":
            groups[state.plan][1].append(state)
    return dict(groups)


def _names_of(task: TaskState, by: Grouping) -> tuple[str, ...]:
    if by == "unit":
        return task.lead_units
    if by == "plan":
        return (task.plan,)
    return (section_of(task),)


def grouped_figures(status: Status, by: Grouping, settings: TrackingSettings) -> list[StatsRow]:
    """Figures per unit (ranked), section or plan, in the order of first appearance."""
    groups = _groups(status, by)
    if by == "section":
        # A section's reports are its plan's: a unit reports on a plan, not on a section.
        by_plan: dict[str, list[ReportState]] = defaultdict(list)
        for state in status.reports:
            by_plan[state.plan].append(state)
        for tasks, reports in groups.values():
            reports.extend(by_plan.get(tasks[0].plan, ()) if tasks else ())
    rows = [
        StatsRow(name, figures_of(tasks, reports, settings, status.as_of))
        for name, (tasks, reports) in groups.items()
    ]
    return _ranked(rows) if by == "unit" else rows


def _ranked(rows: list[StatsRow]) -> list[StatsRow]:
    """Units best first: more closed, then more on-time reports, then fewer overdue."""

    def key(row: StatsRow) -> tuple[float, float, int, str]:
        figures = row.figures
        return (
            -(figures.completion.share or 0.0),
            -(figures.reporting.share or 0.0),
            figures.overdue,
            row.name,
        )

    ordered = sorted(rows, key=key)
    return [
        StatsRow(row.name, row.figures, rank=index) for index, row in enumerate(ordered, start=1)
    ]


# --- the stats command ----------------------------------------------------------------


def compute_stats(
    tracking: TrackingData,
    as_of: datetime.date,
    settings: TrackingSettings,
    *,
    by: Grouping | None = None,
    plans: Sequence[str] = (),
) -> Stats:
    """The figures as of `as_of`, for all tasks and per `by`."""
    check_grouping(by, STATS_GROUPINGS)
    status = select(compute_status(tracking, as_of, settings), plans=plans)
    total = figures_of(status.tasks, status.reports, settings, as_of)
    if by is None:
        return Stats(as_of, total, notes=status.notes)
    if by == "period":
        rows = _per_period(tracking, as_of, settings, plans)
    else:
        rows = grouped_figures(status, by, settings)
    return Stats(as_of, total, by, tuple(rows), status.notes)


def _per_period(
    tracking: TrackingData, as_of: datetime.date, settings: TrackingSettings, plans: Sequence[str]
) -> list[StatsRow]:
    """One row per reporting period up to the date, each as of the period's last day."""
    first, cycle = _first_period(tracking, plans)
    if first is None:
        return []
    lights = Lights(tracking, settings)  # what does not depend on the date, worked out once
    rows = []
    period: Period = first
    last = period_containing(as_of, cycle)
    while period.start <= last.start:
        day = min(period.end, as_of)
        glance = lights.glance(day)
        tasks, reports = glance.tasks, glance.reports
        if plans:
            tasks = tuple(task for task in tasks if task.plan in plans)
            reports = tuple(state for state in reports if state.plan in plans)
        rows.append(StatsRow(str(period), figures_of(tasks, reports, settings, day), as_of=day))
        period = period.next()
    return rows


def _first_period(tracking: TrackingData, plans: Sequence[str]) -> tuple[Period | None, Cycle]:
    from planctl.tracking.lights import first_period

    found = [
        period
        for plan in tracking.plans
        if (not plans or plan.id in plans) and (period := first_period(plan)) is not None
    ]
    if not found:
        return None, "month"
    cycle = found[0].cycle
    same = [period for period in found if period.cycle == cycle]
    return min(same, key=lambda period: period.start), cycle


def check_grouping(by: str | None, allowed: Sequence[str]) -> None:
    if by is not None and by not in allowed:
        raise UsageError(
            _("unknown grouping {name}").format(name=quote(by)),
            where="--by",
            hint=_("use {choices}").format(choices=either(list(allowed))),
        )


# --- what `planctl status` prints -----------------------------------------------------


@dataclass(frozen=True)
class StatusView:
    """The chosen tasks and reports of a date, grouped as asked, with the figures."""

    status: Status
    by: Grouping
    summary: Figures
    groups: tuple[StatsRow, ...] = ()
    # (plan, unit) -> the unit's latest due report state, for the tasks' 报送情况 column
    latest_reports: dict[tuple[str, str], ReportState] = field(default_factory=dict)

    def report_of(self, task: TaskState) -> ReportState | None:
        """The worst of the latest due reports of the task's units (missing, late, on time)."""
        found = [
            state
            for unit in task.lead_units
            if (state := self.latest_reports.get((task.plan, unit))) is not None
        ]
        return min(found, key=lambda state: _TIMING_RANK[state.status], default=None)


_TIMING_RANK = {"missing": 0, "late": 1, "on_time": 2}


def status_view(status: Status, by: Grouping, settings: TrackingSettings) -> StatusView:
    check_grouping(by, STATUS_GROUPINGS)
    latest: dict[tuple[str, str], ReportState] = {}
    for state in status.reports:
        key = (state.plan, state.unit)
        if key not in latest or latest[key].period.start < state.period.start:
            latest[key] = state
    summary = figures_of(status.tasks, status.reports, settings, status.as_of)
    groups = () if by == "task" else tuple(grouped_figures(status, by, settings))
    return StatusView(status, by, summary, groups, latest)
