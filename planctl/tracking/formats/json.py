"""`--format json`: planctl-status/1 and planctl-stats/1, for scripts and CI."""

from __future__ import annotations

from typing import Any

from planctl.report import json_text
from planctl.tracking.state import ReportState, TaskState
from planctl.tracking.stats import Stats, StatsRow, StatusView


def status_json(view: StatusView) -> str:
    body: dict[str, Any] = {
        "as_of": view.status.as_of.isoformat(),
        "tasks": [_task(view, task) for task in view.status.tasks],
        "reports": [_report(state) for state in view.status.reports],
        "summary": view.summary.as_json(),
    }
    if view.by != "task":
        body["by"] = view.by
        body["groups"] = [_row(row) for row in view.groups]
    body["notes"] = list(view.status.notes)
    return json_text("status", 1, **body)


def stats_json(stats: Stats) -> str:
    return json_text(
        "stats",
        1,
        as_of=stats.as_of.isoformat(),
        by=stats.by,
        total=stats.total.as_json(),
        rows=[_row(row) for row in stats.rows],
        notes=list(stats.notes),
    )


def _task(view: StatusView, task: TaskState) -> dict[str, Any]:
    latest = task.latest
    report = view.report_of(task)
    return {
        "plan": task.plan,
        "task": task.task_id,
        "number": task.number,
        "title": task.placed.task.heading,
        "lead": list(task.lead_units),
        "light": task.light,
        "reasons": list(task.reasons),
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "deadline_words": task.deadline_words,
        "expected": None if task.expected is None else round(task.expected, 1),
        "closed": task.closed.isoformat() if task.closed else None,
        "on_time": task.on_time,
        "latest": None
        if latest is None
        else {
            "period": str(task.latest_report.period) if task.latest_report else None,
            "unit": task.latest_report.unit if task.latest_report else None,
            "status": latest.status,
            "percent": latest.percent,
            "progress": latest.progress,
        },
        "report": report.status if report else None,
    }


def _report(state: ReportState) -> dict[str, Any]:
    return {
        "plan": state.plan,
        "unit": state.unit,
        "period": str(state.period),
        "due": state.due.isoformat(),
        "status": state.status,
        "submitted": state.submitted.isoformat() if state.submitted else None,
    }


def _row(row: StatsRow) -> dict[str, Any]:
    found: dict[str, Any] = {"name": row.name}
    if row.rank is not None:
        found["rank"] = row.rank
    if row.as_of is not None:
        found["as_of"] = row.as_of.isoformat()
    return {**found, **row.figures.as_json()}
