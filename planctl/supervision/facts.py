"""The facts a 督查通报 or 催办通知 states, all of one date, all from one computation.

The figures are `planctl.tracking.stats.compute_stats` for the plan as of the date —
the same numbers `planctl stats PLAN --as-of DATE --format json` prints — and the items
are that date's `compute_status`. The bulletin splits the counted tasks (not grey) into
four parts that add up:

- 已完成: closed (办结, light done) — `lights.done`;
- 逾期: open and past the effective deadline — `overdue`;
- 滞后: open, not past the deadline, with a red or yellow light (behind the share of time
  elapsed, reported delayed, near the deadline, reports missing …);
- 序时推进: the rest, open with a green light.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.config import TrackingSettings
from planctl.tracking.lights import TrackingData, compute_status
from planctl.tracking.periods import Period
from planctl.tracking.state import ReportState, Status, TaskState
from planctl.tracking.stats import Figures, compute_stats, figures_of, select


@dataclass(frozen=True)
class Facts:
    as_of: datetime.date
    figures: Figures  # what `planctl stats` says for the plan on that day
    overdue: tuple[TaskState, ...]  # 逾期未完成, most overdue first
    lagging: tuple[TaskState, ...]  # 滞后序时 (red or yellow, not overdue)
    on_track: tuple[TaskState, ...]  # 序时推进
    late_reports: tuple[ReportState, ...]  # reported after the due day (the period asked)
    missing_reports: tuple[ReportState, ...]  # not reported at all
    notes: tuple[str, ...] = ()

    @property
    def counted(self) -> int:
        """The tasks in the figures: all but the cancelled and suspended (grey)."""
        return self.figures.tasks - self.figures.lights.get("grey", 0)

    @property
    def done(self) -> int:
        return self.figures.lights.get("done", 0)


def is_overdue(task: TaskState, as_of: datetime.date) -> bool:
    """Open and past the effective deadline: what `stats` counts as 逾期."""
    return (
        task.light not in ("done", "grey") and task.deadline is not None and task.deadline < as_of
    )


def facts_of(
    tracking: TrackingData,
    plan_id: str,
    as_of: datetime.date,
    settings: TrackingSettings,
    *,
    period: Period | None = None,
    unit: str | None = None,
) -> Facts:
    """The facts of one plan as of `as_of`; report timings of `period` (default: every due
    period) name the units that reported late or not at all. With `unit`, only the tasks
    it leads and its own reports (for a 催办通知)."""
    status = select(compute_status(tracking, as_of, settings), plans=[plan_id], unit=unit)
    if unit is not None:
        return _split(status, figures_of(status.tasks, status.reports, settings, as_of), period)
    stats = compute_stats(tracking, as_of, settings, plans=[plan_id])
    return _split(status, stats.total, period)


def _split(status: Status, figures: Figures, period: Period | None) -> Facts:
    as_of = status.as_of
    open_tasks = [task for task in status.tasks if task.light not in ("done", "grey")]
    overdue = sorted(
        (task for task in open_tasks if is_overdue(task, as_of)),
        key=lambda task: task.deadline or as_of,
    )
    rest = [task for task in open_tasks if not is_overdue(task, as_of)]
    reports = [state for state in status.reports if period is None or state.period == period]
    return Facts(
        as_of=as_of,
        figures=figures,
        overdue=tuple(overdue),
        lagging=tuple(task for task in rest if task.light in ("red", "yellow")),
        on_track=tuple(task for task in rest if task.light == "green"),
        late_reports=tuple(state for state in reports if state.status == "late"),
        missing_reports=tuple(state for state in reports if state.status == "missing"),
        notes=status.notes,
    )


def units_of(reports: Sequence[ReportState]) -> list[str]:
    """The units of some report states, each once, in order of first appearance."""
    return list(dict.fromkeys(state.unit for state in reports))
