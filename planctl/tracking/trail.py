"""`planctl history TASK`: a task's whole trail in date order.

The plan's changes to the task come from `planctl.history` (the engine of `planctl log`);
then every report entry on it (which unit, which period, status, percent, 进展情况, when
submitted), every review decision about it, and its close (办结销号). One list, oldest
first, each event one line with its details under it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

from planctl.model import STATUS_NAMES
from planctl.report import Formats, Rendered, Span, StyledLine, json_text
from planctl.tracking.records import Decision, Report, ReportEntry, Review

__all__ = ["FORMATS", "TaskTrail", "TrailEvent", "build_trail", "task_trail"]

EventKind: TypeAlias = Literal["plan", "report", "decision", "close"]
KIND, VERSION = "history", 1  # the JSON envelope: planctl-history/1
_KIND_ORDER = {"plan": 0, "report": 1, "decision": 2, "close": 3}
_KIND_WORDS = {"plan": "计划修改", "report": "进展报告", "decision": "审核", "close": "办结销号"}
_VERDICT_WORDS = {"accepted": "通过", "returned": "退回重报"}
_LIGHT_WORDS = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "grey": "灰灯", "done": "已完成"}
_REQUEST_WORDS = {"close": "申请办结", "extend": "申请延期"}


@dataclass(frozen=True)
class TrailEvent:
    """One thing that happened to the task: who, when, one line, and lines under it."""

    date: datetime.date
    kind: EventKind
    who: str  # the commit's author, the reporting unit or the reviewer
    summary: str
    details: tuple[str, ...] = ()
    record: dict[str, Any] = field(default_factory=dict)  # the facts, for JSON


@dataclass(frozen=True)
class TaskTrail:
    task: str
    plan: str
    heading: str
    events: tuple[TrailEvent, ...]  # oldest first


def task_trail(cwd: Path, task_id: str, plan: str | None = None) -> TaskTrail:
    """The trail of `task_id` in the repository around `cwd` (`plan`: as for `log`)."""
    from planctl.history import task_history
    from planctl.tracking.drafts import load

    history = task_history(cwd, task_id, plan)
    from planctl.repository import open_repository

    tracking = load(open_repository(cwd).root)
    return build_trail(history, tracking.reports, tracking.reviews)


def build_trail(history: Any, reports: Iterable[Report], reviews: Iterable[Review]) -> TaskTrail:
    """The events of a task: its `TaskHistory` (from `planctl.history`), and the reports
    and reviews of its plan that name it, in date order."""
    task, plan = history.task, history.plan
    events = [_plan_event(entry) for entry in history.entries]
    for report in reports:
        entry = report.entry(task) if report.plan == plan else None
        if entry is not None:
            events.append(_report_event(report, entry))
    for review in reviews:
        if review.plan != plan:
            continue
        events.extend(_decision_event(review, d) for d in review.decisions if d.task == task)
    events.sort(key=lambda event: (event.date, _KIND_ORDER[event.kind]))
    return TaskTrail(task, plan, history.heading, tuple(events))


def _plan_event(entry: Any) -> TrailEvent:
    from planctl.diff.formats.json import change_record
    from planctl.diff.formats.text import change_spans

    changes = tuple(
        "".join(span.text for span in change_spans(change, entry.section_labels))
        for change in entry.changes
    )
    return TrailEvent(
        datetime.date.fromisoformat(entry.date[:10]),
        "plan",
        entry.author,
        f"{entry.commit[:7]} {entry.subject}",
        changes,
        {
            "commit": entry.commit,
            "subject": entry.subject,
            "changes": [change_record(c, entry.section_labels) for c in entry.changes],
        },
    )


def _report_event(report: Report, entry: ReportEntry) -> TrailEvent:
    submitted = report.submitted or report.as_of
    status = STATUS_NAMES.get(entry.status, entry.status)
    percent = f" {entry.percent}%" if entry.percent is not None else ""
    summary = f"{report.period.chinese()}：{status}{percent}"
    details = [f"进展情况：{entry.progress}"] if entry.progress else []
    if entry.problems:
        details.append(f"存在问题：{entry.problems}")
    if entry.next_steps:
        details.append(f"下步打算：{entry.next_steps}")
    if entry.request:
        extend = f"至 {entry.extend_to}" if entry.extend_to else ""
        reason = f"：{entry.reason}" if entry.reason else ""
        details.append(f"{_REQUEST_WORDS[entry.request]}{extend}{reason}")
    record = {
        "unit": report.unit,
        "period": str(report.period),
        "status": entry.status,
        "percent": entry.percent,
        "progress": entry.progress,
        "problems": entry.problems,
        "next_steps": entry.next_steps,
        "request": entry.request,
        "extend_to": entry.extend_to,
        "submitted": report.submitted.isoformat() if report.submitted else None,
        "file": report.file,
    }
    return TrailEvent(submitted, "report", report.unit, summary, tuple(details), record)


def _decision_event(review: Review, decision: Decision) -> TrailEvent:
    record: dict[str, Any] = {"period": str(review.period), "file": review.file}
    if decision.close is not None:
        record["close"] = decision.close.isoformat()
        summary = f"{review.period.chinese()}：同意办结"
        return _decided(decision.close, "close", review, summary, decision, record)
    if decision.verdict is not None:
        record.update(unit=decision.unit, verdict=decision.verdict)
        words = _VERDICT_WORDS[decision.verdict]
        summary = f"{review.period.chinese()} {decision.unit or ''} 的报告：{words}"
    elif decision.extend_to is not None:
        record["extend_to"] = decision.extend_to
        summary = f"{review.period.chinese()}：同意延期至 {decision.extend_to}"
    elif decision.light is not None:
        record["light"] = decision.light
        summary = f"{review.period.chinese()}：灯号改为{_LIGHT_WORDS[decision.light]}"
    else:
        record["status"] = decision.status
        summary = f"{review.period.chinese()}：{STATUS_NAMES.get(decision.status or '', '')}"
    return _decided(review.date, "decision", review, summary, decision, record)


def _decided(
    day: datetime.date,
    kind: EventKind,
    review: Review,
    summary: str,
    decision: Decision,
    record: dict[str, Any],
) -> TrailEvent:
    record["note"] = decision.note
    details = (f"说明：{decision.note}",) if decision.note else ()
    return TrailEvent(day, kind, review.reviewer, summary, details, record)


# --- formats -------------------------------------------------------------------------------


def trail_lines(trail: TaskTrail) -> list[StyledLine]:
    """The heading, then one line per event (date, kind, who, what) and its details."""
    heading = f" {trail.heading}" if trail.heading else ""
    lines: list[StyledLine] = [
        (Span(f"任务 {trail.task}", "task"), Span(heading), Span(f"  计划 {trail.plan}", "meta"))
    ]
    for event in trail.events:
        lines.append(
            (
                Span(f"{event.date.isoformat()}  "),
                Span(f"{_KIND_WORDS[event.kind]}  ", "label"),
                Span(f"{event.who}  ", "meta"),
                Span(event.summary),
            )
        )
        lines.extend((Span("    "), Span(detail)) for detail in event.details)
    if not trail.events:
        lines.append((Span("    "), Span("（没有记录）", "meta")))
    return lines


def trail_json(trail: TaskTrail) -> str:
    return json_text(
        KIND,
        VERSION,
        task=trail.task,
        plan=trail.plan,
        heading=trail.heading,
        events=[_event_record(event) for event in trail.events],
    )


def _event_record(event: TrailEvent) -> dict[str, Any]:
    return {
        "date": event.date.isoformat(),
        "kind": event.kind,
        "who": event.who,
        "summary": event.summary,
        **event.record,
    }


FORMATS: Formats[TaskTrail, Rendered] = Formats(
    "planctl.tracking", {"text": "trail:trail_lines", "json": "trail:trail_json"}
)
