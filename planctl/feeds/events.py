"""The dated things a unit owes, as calendar events: task deadlines, milestones and
report due dates.

Values only; `planctl.feeds.ics` writes them as iCalendar. Every event is an all-day
date (deadlines in plans have no time of day and no time zone) and carries a UID made
from what the event *is* — plan id, kind, task id, milestone id or reporting period,
unit — never from its text or its place in the file, so that a subscribed calendar
updates an event when the plan changes instead of adding a second one.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from planctl import chinese
from planctl.deadlines import Deadline, DeadlineError, parse_deadline
from planctl.model import Milestone, Plan, Task
from planctl.tracking.lights import deadline_of, effective_deadline, first_period, task_start
from planctl.tracking.periods import Period, period_containing
from planctl.tracking.records import Review
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

__all__ = [
    "ROLE_WORDS",
    "Decided",
    "EventKind",
    "FeedEvent",
    "Owner",
    "Role",
    "deadline_words",
    "decisions",
    "milestone_words",
    "plan_events",
]

EventKind: TypeAlias = Literal["deadline", "milestone", "report"]
Role: TypeAlias = Literal["lead", "responsible", "support", "report"]

# The roles a unit has in a task, as the calendar names them (guiding units own no date).
ROLE_WORDS: dict[Role, str] = {
    "lead": "牵头",
    "responsible": "责任",
    "support": "配合",
    "report": "报送",
}
_TASK_ROLES: tuple[Role, ...] = ("lead", "responsible", "support")
_STOPPED = ("cancelled", "suspended")
# Bumped only if the meaning of a UID changes: every subscribed event would be new.
_UID_SCHEME = "planctl-calendar/1"


@dataclass(frozen=True, slots=True)
class Owner:
    unit: str
    role: Role


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One all-day event and the units whose calendars show it."""

    uid: str
    kind: EventKind
    day: datetime.date
    plan_id: str
    plan_title: str
    subject: str  # 任务标题 2023年6月底前 / 2023年6月进展: the summary after its 【…】
    details: tuple[str, ...]  # the description's lines, the same in every calendar
    owners: tuple[Owner, ...]
    task_id: str | None = None
    period: Period | None = None  # for a report: the period it covers

    def role_of(self, unit: str) -> Role | None:
        return next((owner.role for owner in self.owners if owner.unit == unit), None)

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(owner.unit for owner in self.owners)

    @property
    def leads(self) -> tuple[str, ...]:
        return tuple(owner.unit for owner in self.owners if owner.role in ("lead", "responsible"))


def event_uid(plan_id: str, kind: EventKind, *parts: str) -> str:
    """The UID of an event: a digest of what it is (plan, kind, task, milestone or period)."""
    key = "\x1f".join((_UID_SCHEME, plan_id, kind, *parts))
    return f"{kind}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@planctl"


def plan_events(
    plan: Plan,
    registry: UnitRegistry | None,
    workdays: Workdays,
    reviews: Sequence[Review] = (),
) -> list[FeedEvent]:
    """Every event of `plan`: each task's deadline and milestones, each report due date.

    `reviews` are the supervising office's decisions on the plan: an approved extension
    moves a deadline (the latest one counts), a close (办结销号) marks the task done and
    ends its reports, a task cancelled or suspended has no events from then on.
    """
    decided = decisions(plan.id, reviews)
    events: list[FeedEvent] = []
    for task in plan.tasks():
        owners = task_owners(task, registry)
        decision = decided.get(task.id, Decided())
        if not owners or task.status in _STOPPED or decision.stopped is not None:
            continue
        events.extend(_task_events(plan, task, owners, decision))
    events.extend(_report_events(plan, registry, workdays, decided))
    return events


@dataclass
class Decided:
    """What the reviews decided about one task."""

    extend_to: str | None = None  # the latest approved extension
    closed: datetime.date | None = None  # 办结销号 approved on this day
    stopped: datetime.date | None = None  # cancelled or suspended by review on this day

    @property
    def reports_end(self) -> datetime.date | None:
        """The day from which its units report no more on it."""
        ends = [day for day in (self.closed, self.stopped) if day is not None]
        return min(ends, default=None)


def decisions(plan_id: str, reviews: Sequence[Review]) -> dict[str, Decided]:
    """What the reviews of the plan decided, by task id (reviews in date order)."""
    decided: dict[str, Decided] = {}
    for review in sorted(reviews, key=lambda review: (review.date, review.period.start)):
        if review.plan != plan_id:
            continue
        for decision in review.decisions:
            found = decided.setdefault(decision.task, Decided())
            if decision.extend_to is not None and _deadline(decision.extend_to) is not None:
                found.extend_to = decision.extend_to
            if decision.close is not None:
                found.closed = decision.close
            if decision.status is not None:
                found.stopped = review.date
    return decided


def task_owners(task: Task, registry: UnitRegistry | None) -> tuple[Owner, ...]:
    """The units of a task with their roles, groups and aliases resolved; a unit named in
    two roles keeps the first (牵头 before 责任 before 配合)."""
    seen: dict[str, Role] = {}
    for role in _TASK_ROLES:
        for unit in _units(getattr(task, role), registry):
            seen.setdefault(unit, role)
    return tuple(Owner(unit, role) for unit, role in seen.items())


def _units(names: Iterable[str], registry: UnitRegistry | None) -> tuple[str, ...]:
    return registry.expand_all(names) if registry is not None else tuple(dict.fromkeys(names))


def _task_events(
    plan: Plan, task: Task, owners: tuple[Owner, ...], decided: Decided
) -> Iterator[FeedEvent]:
    deadline = _deadline(decided.extend_to) or deadline_of(task, plan)
    words = deadline_words(task, plan, decided.extend_to)
    common = _task_details(plan, task, words, decided.closed)
    closed = "（已办结）" if decided.closed is not None else ""
    if deadline is not None and (last := deadline.last_day()) is not None:
        yield FeedEvent(
            uid=event_uid(plan.id, "deadline", task.id),
            kind="deadline",
            day=last,
            plan_id=plan.id,
            plan_title=plan.title,
            subject=f"{task.heading} {words}{closed}",
            details=common,
            owners=owners,
            task_id=task.id,
        )
    for index, milestone in enumerate(task.milestones, start=1):
        day = _last_day(milestone.due)
        if day is None:
            continue
        # A milestone without an id is known by its place among the task's milestones.
        key = milestone.id or f"#{index}"
        yield FeedEvent(
            uid=event_uid(plan.id, "milestone", task.id, key),
            kind="milestone",
            day=day,
            plan_id=plan.id,
            plan_title=plan.title,
            subject=f"{task.heading}：{milestone.text}{closed}",
            details=(f"阶段目标：{milestone.text}（{milestone_words(milestone)}）", *common),
            owners=owners,
            task_id=task.id,
        )


def _task_details(
    plan: Plan, task: Task, words: str, closed: datetime.date | None
) -> tuple[str, ...]:
    lines = [f"任务：{task.heading}"]
    text = (task.text or "").strip()
    if text and text != task.heading:
        lines.append(text)
    owners = chinese.owners_text(task)
    if owners:
        lines.append(f"责任分工：{owners}")
    if words:
        lines.append(f"完成时限：{words}")
    if closed is not None:
        lines.append(f"办结销号：{chinese.date_cn(closed)}")
    lines.append(f"计划：{plan.title}")
    lines.append(f"任务标识：{task.id}")
    return tuple(lines)


def deadline_words(task: Task, plan: Plan, extend_to: str | None) -> str:
    """The deadline as the document words it: the kept words (`due_text`), else the stored
    form worded (2023年6月底前), else the end of the plan's period; any `due_note` after
    it, and an approved extension after that."""
    if task.due_text:
        words = task.due_text.strip()
    else:
        deadline = _deadline(task.due) if task.due is not None else deadline_of(task, plan)
        words = chinese.deadline_cn(deadline) if deadline is not None else ""
    note = (task.due_note or "").strip()
    words = "，".join(part for part in (words, note) if part)
    extension = _deadline(extend_to)
    if extension is not None:
        words = f"{words}（已批准延期至{chinese.deadline_cn(extension)}）"
    return words


def milestone_words(milestone: Milestone) -> str:
    """A milestone's deadline as the document words it (2023年3月底前)."""
    if milestone.due_text:
        return milestone.due_text.strip()
    deadline = _deadline(milestone.due)
    return chinese.deadline_cn(deadline) if deadline is not None else milestone.due


def _deadline(value: str | None) -> Deadline | None:
    """The deadline of a value the schema accepted (None when absent or not a deadline:
    `planctl validate` reports those, the calendar leaves them out)."""
    if value is None:
        return None
    try:
        return parse_deadline(value)
    except DeadlineError:
        return None


def _last_day(value: str | None) -> datetime.date | None:
    deadline = _deadline(value)
    return deadline.last_day() if deadline is not None else None


# --- report due dates ---------------------------------------------------------------------


def reporting_periods(plan: Plan) -> list[Period]:
    """The periods units report on: from the first reporting period to the one holding
    the end of the plan's period, as the lights count them (no report is due after the
    plan ends); without a period, to the one holding its latest deadline."""
    first = first_period(plan)
    last_day = _plan_end(plan)
    if first is None or last_day is None:
        return []
    last = period_containing(last_day, first.cycle)
    periods = []
    period = first
    while period <= last:
        periods.append(period)
        period = period.next()
    return periods


def _plan_end(plan: Plan) -> datetime.date | None:
    if plan.period is not None:
        return _last_day(plan.period[1])
    days = [day for task in plan.tasks() if (day := _last_day(task.due)) is not None]
    return max(days, default=None)


def _report_events(
    plan: Plan,
    registry: UnitRegistry | None,
    workdays: Workdays,
    decided: Mapping[str, Decided],
) -> Iterator[FeedEvent]:
    """One event per period for each unit that must report on it: as the lights count
    it, every unit of a task (lead, responsible, support) from the task's start until
    the task is closed, cancelled or suspended."""
    reporting = plan.reporting
    if reporting is None:
        return
    spans = _reporting_spans(plan, registry, decided)
    end = _plan_end(plan)
    for period in _periods_with_extensions(plan, spans):
        due = workdays.report_due(period, reporting.due_day)
        after_plan = end is not None and period.start > end
        for unit in _units_reporting(spans, period, after_plan=after_plan):
            yield FeedEvent(
                uid=event_uid(plan.id, "report", str(period), unit),
                kind="report",
                day=due,
                plan_id=plan.id,
                plan_title=plan.title,
                subject=f"{period.chinese()}进展",
                details=_report_details(plan, period, due, reporting.supervisor),
                owners=(Owner(unit, "report"),),
                period=period,
            )


# (task start, the day reports end or None, the task's effective deadline or None)
_Span: TypeAlias = tuple[datetime.date, datetime.date | None, datetime.date | None]


def _periods_with_extensions(plan: Plan, spans: Mapping[str, Sequence[_Span]]) -> list[Period]:
    """`reporting_periods`, and after the plan's end those a task extended past it still
    reports on, up to the one holding its extended deadline (as the lights count them)."""
    periods = reporting_periods(plan)
    end = _plan_end(plan)
    if not periods or end is None:
        return periods
    reach = max((span[2] for owned in spans.values() for span in owned if span[2]), default=None)
    period = periods[-1].next()
    while reach is not None and end < period.start <= reach:
        periods.append(period)
        period = period.next()
    return periods


def _reporting_spans(
    plan: Plan, registry: UnitRegistry | None, decided: Mapping[str, Decided]
) -> dict[str, list[_Span]]:
    """Each unit's reporting stretches: (task start, the day reports end or None)."""
    spans: dict[str, list[_Span]] = {}
    for task in plan.tasks():
        if task.status in _STOPPED:
            continue
        found = decided.get(task.id)
        end = found.reports_end if found is not None else None
        extensions = [found.extend_to] if found is not None and found.extend_to else []
        deadline = effective_deadline(task, plan, extensions)
        span = (task_start(task, plan), end, deadline.last_day() if deadline else None)
        for unit in _units((*task.lead, *task.responsible, *task.support), registry):
            spans.setdefault(unit, []).append(span)
    return spans


def _units_reporting(
    spans: Mapping[str, Sequence[_Span]], period: Period, *, after_plan: bool
) -> list[str]:
    def due_in(
        start: datetime.date, end: datetime.date | None, deadline: datetime.date | None
    ) -> bool:
        if after_plan and (deadline is None or period.start > deadline):
            return False
        return start <= period.end and (end is None or period.end < end)

    return [unit for unit, owned in spans.items() if any(due_in(*span) for span in owned)]


def _report_details(
    plan: Plan, period: Period, due: datetime.date, supervisor: str | None
) -> tuple[str, ...]:
    lines = [
        f"报送{period.chinese()}工作进展情况",
        f"报送期限：{chinese.date_cn(due)}前",
        f"计划：{plan.title}",
    ]
    if supervisor:
        lines.append(f"报送至：{supervisor}")
    return tuple(lines)
