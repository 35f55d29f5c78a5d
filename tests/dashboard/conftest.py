"""Plans and the task states the dashboard is built from.

The states are made here, as the lights computation returns them (`TaskState`,
`ReportState`, `Status`), so each test knows which task has which light and why.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planctl.model import Plan
from planctl.plans import open_file
from planctl.tracking.periods import Period
from planctl.tracking.records import Light, Report, ReportEntry
from planctl.tracking.state import ReportState, Status, TaskState

ROOT = Path(__file__).resolve().parents[2]
ZHAOQING = ROOT / "plans" / "zhaoqing-2012-prd-workplan.yaml"
JIANGMEN = ROOT / "plans" / "jiangmen-2023-key-reforms.yaml"
AS_OF = datetime.date(2012, 9, 15)
# The lights given in turn to the plan's tasks, and the reason each carries.
CYCLE: tuple[tuple[Light, str], ...] = (
    ("red", "逾期 45 天"),
    ("yellow", "临期，还剩 5 天"),
    ("green", ""),
    ("done", "已办结销号"),
    ("green", ""),
    ("grey", "已取消"),
)


def open_plan(path: Path) -> Plan:
    opened = open_file(path)
    assert opened.trusted, opened.findings
    return opened.plan()


@pytest.fixture(scope="session")
def zhaoqing() -> Plan:
    return open_plan(ZHAOQING)


@pytest.fixture(scope="session")
def jiangmen() -> Plan:
    return open_plan(JIANGMEN)


def states_of(plan: Plan, as_of: datetime.date = AS_OF) -> list[TaskState]:
    """Every task of `plan` with the next light of `CYCLE`, a deadline and a report."""
    period = Period("month", as_of.year, as_of.month).previous()
    states = []
    for index, placed in enumerate(plan.placed_tasks()):
        light, reason = CYCLE[index % len(CYCLE)]
        deadline = as_of + datetime.timedelta(days=(-45, 5, 60, -10, 120, 30)[index % 6])
        unit = (placed.task.lead or placed.task.responsible or ("市政府办公室",))[0]
        entry = ReportEntry(placed.task.id, (), "in_progress", 40, f"第{index + 1}项已完成前期工作")
        report = Report(
            f"reports/{plan.id}/{period}/{unit}.yaml", plan.id, period, unit, as_of, (entry,)
        )
        states.append(
            TaskState(
                plan=plan.id,
                placed=placed,
                number=f"{index + 1}.",
                light=light,
                reasons=(reason,) if reason else (),
                deadline=deadline,
                deadline_words=f"{deadline.year}年{deadline.month}月底前",
                latest=entry,
                latest_report=report,
                closed=as_of if light == "done" else None,
                on_time=True if light == "done" else None,
            )
        )
    return states


def reports_of(plan: Plan, as_of: datetime.date = AS_OF) -> list[ReportState]:
    """One report status per unit leading a task: on time, then late, then missing."""
    period = Period("month", as_of.year, as_of.month).previous()
    units = sorted({u for task in plan.tasks() for u in task.lead})
    timings = ("on_time", "late", "missing")
    return [
        ReportState(plan.id, unit, period, period.nominal_due(5), timings[i % 3])  # type: ignore[arg-type]
        for i, unit in enumerate(units)
    ]


@pytest.fixture
def make_status() -> Callable[..., Status]:
    def make(*plans: Plan, as_of: datetime.date = AS_OF, **changes: object) -> Status:
        tasks = [state for plan in plans for state in states_of(plan, as_of)]
        reports = [state for plan in plans for state in reports_of(plan, as_of)]
        status = Status(as_of, tuple(tasks), tuple(reports))
        return replace(status, **changes) if changes else status

    return make


def dying_in_workers(function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, but a worker process dies on it as the kernel kills one that runs out
    of memory (no answer, no exception); in the parent it does its work."""
    parent = os.getpid()

    def work_or_die(*arguments: object) -> Any:
        if os.getpid() != parent:
            os._exit(9)
        return function(*arguments)

    return work_or_die


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, by its path there, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }
