"""The figures a dashboard shows for a set of task and report states: counts per light,
完成率, 按时完成率, the overdue count and 报送及时率.

完成率 is done over the tasks that count (every light but grey); 按时完成率 is the tasks
closed by their deadline over the tasks whose deadline has passed; 报送及时率 is the
reports in on time over the reports due. A rate with nothing to divide by is None and
shows as a dash, never as 0% or 100%.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from planctl.tracking.state import LIGHT_ORDER, ReportState, TaskState


@dataclass(frozen=True)
class Figures:
    lights: dict[str, int]  # every light of LIGHT_ORDER, worst first, with its count
    tasks: int  # all tasks, grey included
    completion: float | None  # 完成率, 0–100
    on_time: float | None  # 按时完成率, 0–100
    overdue: int  # 逾期: past the deadline and not done
    reporting: float | None  # 报送及时率, 0–100

    @property
    def worst(self) -> str | None:
        """The worst light any task has (None for no tasks)."""
        return next((light for light, count in self.lights.items() if count), None)


def figures_of(
    tasks: Iterable[TaskState], reports: Iterable[ReportState], as_of: datetime.date
) -> Figures:
    counts: Counter[str] = Counter()
    passed = done_on_time = overdue = 0
    for task in tasks:
        counts[task.light] += 1
        if task.light == "grey":
            continue
        due_passed = task.deadline is not None and task.deadline < as_of
        if due_passed:
            passed += 1
        if task.light == "done":
            done_on_time += bool(due_passed and task.on_time)
        elif due_passed:
            overdue += 1
    timing = Counter(report.status for report in reports)
    counted = sum(counts.values()) - counts["grey"]
    return Figures(
        lights={light: counts[light] for light in LIGHT_ORDER},
        tasks=sum(counts.values()),
        completion=_share(counts["done"], counted),
        on_time=_share(done_on_time, passed),
        overdue=overdue,
        reporting=_share(timing["on_time"], sum(timing.values())),
    )


def percent_text(value: float | None) -> str:
    """A rate as the office writes it, to one decimal (87.5%); a dash when undefined."""
    return "—" if value is None else f"{value:.1f}%"


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100.0 * part / whole
