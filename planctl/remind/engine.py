"""What each unit is reminded of on a date, read from the lights (`compute_status`):

- overdue: a task it leads whose effective deadline has passed, not closed;
- near: a task it leads whose deadline falls within the next `within` days;
- lit: any other task it leads that the lights show yellow or red (滞后序时, 未按期报送 …);
- unreported: a report it owed by a due day already past that has not come in;
- upcoming: a report due within the next `within` days that has not come in yet;

and which rung of the escalation ladder (`[[remind.escalation]]`) applies to it.
Values only; `planctl.remind.formats` words them, `planctl.remind.mail` mails them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from planctl.config import Escalation, Settings
from planctl.deadlines import parse_deadline
from planctl.errors import DeadlineError
from planctl.feeds.events import (
    FeedEvent,
    deadline_words,
    decisions,
    milestone_words,
    plan_events,
)
from planctl.i18n import DOCUMENT_LANGUAGE, _, in_language
from planctl.model import Plan
from planctl.tracking.lights import compute_status, submitted_on
from planctl.tracking.load import Tracking
from planctl.tracking.periods import Period, period_containing
from planctl.tracking.state import ReportState, Status, TaskState

__all__ = ["Escalated", "Reminder", "Reminders", "ReportDue", "TaskDue", "remind"]


@dataclass(frozen=True, slots=True)
class TaskDue:
    """A task a reminder names."""

    plan: str
    plan_title: str
    task: str
    number: str
    heading: str
    deadline: datetime.date | None
    deadline_words: str
    light: str
    days: int | None  # days left (negative: days overdue); None without a deadline
    milestone: str | None = None  # a milestone of the task (its text), not the task itself


@dataclass(frozen=True, slots=True)
class ReportDue:
    """A report a reminder asks for."""

    plan: str
    plan_title: str
    period: Period
    due: datetime.date
    missing: bool  # True: its due day has passed; False: due soon


@dataclass(frozen=True, slots=True)
class Escalated:
    """The rung of the ladder that applies, and what brought the unit there."""

    rung: Escalation
    because: tuple[str, ...]  # task headings, or plan titles for missing reports


@dataclass(frozen=True)
class Reminder:
    unit: str
    overdue: tuple[TaskDue, ...] = ()
    near: tuple[TaskDue, ...] = ()
    lit: tuple[TaskDue, ...] = ()
    unreported: tuple[ReportDue, ...] = ()
    upcoming: tuple[ReportDue, ...] = ()
    escalation: Escalated | None = None
    address: str | None = None  # from [remind.contacts]; None: none given
    reply_by: datetime.date | None = None  # the day a missing report is asked for

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.near or self.lit or self.unreported or self.upcoming)


@dataclass(frozen=True)
class Reminders:
    as_of: datetime.date
    within: int
    sender: str
    reminders: tuple[Reminder, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def without_address(self) -> tuple[str, ...]:
        return tuple(r.unit for r in self.reminders if r.address is None)


def remind(
    tracking: Tracking,
    as_of: datetime.date,
    settings: Settings,
    *,
    within: int | None = None,
    unit: str | None = None,
) -> Reminders:
    """Every unit's reminder as of `as_of` (only `unit`'s with `unit`, even if empty);
    issued plans only: a draft binds no one yet."""
    issued = replace(tracking, plans=tuple(p for p in tracking.plans if p.stage == "issued"))
    days = settings.remind.within if within is None else within
    with in_language(DOCUMENT_LANGUAGE):  # reminders are Chinese text, reasons included
        status = compute_status(issued, as_of, settings.tracking)
    history = _History(issued, as_of, settings, status)
    built = _Builder(issued, status, as_of, days, history, settings)
    units = [unit] if unit is not None else built.units()
    reminders = tuple(built.reminder(name) for name in units)
    if unit is None:
        reminders = tuple(reminder for reminder in reminders if not reminder.empty)
    sender = settings.remind.sender or _supervisor(issued.plans)
    left_out = [
        _("{where}: {message}; the file is left out").format(
            where=finding.where, message=finding.message
        )
        for finding in tracking.findings
    ]
    notes = (*left_out, *tracking.notes, *status.notes)
    return Reminders(as_of, days, sender, reminders, notes)


def _supervisor(plans: Iterable[Plan]) -> str:
    return next(
        (p.reporting.supervisor for p in plans if p.reporting and p.reporting.supervisor), ""
    )


class _Builder:
    def __init__(
        self,
        tracking: Tracking,
        status: Status,
        as_of: datetime.date,
        within: int,
        history: _History,
        settings: Settings,
    ) -> None:
        self.tracking = tracking
        self.status = status
        self.as_of = as_of
        self.within = within
        self.history = history
        self.settings = settings
        self.titles = {plan.id: plan.title for plan in tracking.plans}
        self.plans = {plan.id: plan for plan in tracking.plans}
        self.extensions = {
            (plan.id, task): decided.extend_to
            for plan in tracking.plans
            for task, decided in decisions(plan.id, tracking.reviews_of(plan.id)).items()
        }
        self.done = {
            (report.plan, entry.task, milestone.id)
            for report in tracking.reports
            if report.as_of <= as_of and submitted_on(report) <= as_of
            for entry in report.entries
            for milestone in entry.milestones
            if milestone.done <= as_of
        }
        self._ahead: list[FeedEvent] | None = None

    def units(self) -> list[str]:
        """Every unit leading a task or owing a report, in registry order, then by name."""
        named = dict.fromkeys(u for state in self.status.tasks for u in state.lead_units)
        named.update(dict.fromkeys(report.unit for report in self.status.reports))
        order = list(self.tracking.units.units) if self.tracking.units else []
        ranked = [name for name in order if name in named]
        return ranked + sorted(name for name in named if name not in ranked)

    def reminder(self, unit: str) -> Reminder:
        overdue, near, lit = [], [], []
        for state in self.status.tasks:
            if unit not in state.lead_units or state.light in ("done", "grey"):
                continue
            named = 0
            for item in (self._task(state), *self._milestones(state)):
                if item.days is not None and item.days < 0:
                    overdue.append(item)
                elif item.days is not None and item.days <= self.within:
                    near.append(item)
                else:
                    continue
                named += 1
            if not named and state.light in ("red", "yellow") and unit in _answering(state):
                lit.append(self._task(state))
        unreported = [
            ReportDue(r.plan, self.titles.get(r.plan, r.plan), r.period, r.due, missing=True)
            for r in self.status.reports
            if r.unit == unit and r.status == "missing"
        ]
        upcoming = list(self._upcoming(unit))
        return Reminder(
            unit=unit,
            overdue=tuple(sorted(overdue, key=_by_day)),
            near=tuple(sorted(near, key=_by_day)),
            lit=tuple(lit),
            unreported=tuple(unreported),
            upcoming=tuple(upcoming),
            escalation=self.history.escalation(unit),
            address=self.settings.remind.contacts.get(unit),
            reply_by=self._reply_by() if unreported else None,
        )

    def _task(self, state: TaskState) -> TaskDue:
        days = (state.deadline - self.as_of).days if state.deadline is not None else None
        return TaskDue(
            plan=state.plan,
            plan_title=self.titles.get(state.plan, state.plan),
            task=state.task_id,
            number=state.number,
            heading=state.placed.task.heading,
            deadline=state.deadline,
            deadline_words=self._words(state),
            light=state.light,
            days=days,
        )

    def _milestones(self, state: TaskState) -> Iterator[TaskDue]:
        """The task's milestones not reported done by the date (those with an `id`, which
        a report can name, as the lights count them)."""
        task = state.placed.task
        for milestone in task.milestones:
            if milestone.id is None or (state.plan, task.id, milestone.id) in self.done:
                continue
            try:
                day = parse_deadline(milestone.due).last_day()
            except DeadlineError:
                continue
            if day is None:
                continue
            yield TaskDue(
                plan=state.plan,
                plan_title=self.titles.get(state.plan, state.plan),
                task=task.id,
                number=state.number,
                heading=task.heading,
                deadline=day,
                deadline_words=milestone_words(milestone),
                light=state.light,
                days=(day - self.as_of).days,
                milestone=milestone.text,
            )

    def _words(self, state: TaskState) -> str:
        """The deadline as the document words it, in Chinese whatever the interface's
        language (the lights word it for the screen), with any approved extension."""
        plan = self.plans[state.plan]
        extend_to = self.extensions.get((state.plan, state.task_id))
        return deadline_words(state.placed.task, plan, extend_to)

    def _upcoming(self, unit: str) -> Iterable[ReportDue]:
        """Reports due after the date and within the window, not in yet: the calendar's
        report events, which count owed reports as the lights do."""
        sent = {
            (r.plan, r.period)
            for r in self.tracking.reports
            if r.unit == unit and r.as_of <= self.as_of and submitted_on(r) <= self.as_of
        }
        for event in self._reports_ahead():
            if unit in event.units and (event.plan_id, event.period) not in sent:
                assert event.period is not None  # every report event has its period
                yield ReportDue(
                    event.plan_id, event.plan_title, event.period, event.day, missing=False
                )

    def _reports_ahead(self) -> list[FeedEvent]:
        """Every report event due after the date and within the window (made once)."""
        if self._ahead is None:
            last = self.as_of + datetime.timedelta(days=self.within)
            self._ahead = [
                event
                for plan in self.tracking.plans
                for event in plan_events(
                    plan,
                    self.tracking.units,
                    self.tracking.workdays,
                    self.tracking.reviews_of(plan.id),
                )
                if event.kind == "report" and self.as_of < event.day <= last
            ]
        return self._ahead

    def _reply_by(self) -> datetime.date:
        """`reply_days` workdays after the date: when a missing report is asked for."""
        day = self.as_of
        for _day in range(self.settings.remind.reply_days):
            day = self.tracking.workdays.next_workday(day + datetime.timedelta(days=1))
        return day


def _answering(state: TaskState) -> tuple[str, ...]:
    """The lead units a light is about: of several, those its reasons name (the lights
    name the unit before each reason then); else every lead unit."""
    if len(state.lead_units) < 2:
        return state.lead_units
    named = tuple(u for u in state.lead_units if any(r.startswith(u) for r in state.reasons))
    return named or state.lead_units


def _by_day(item: TaskDue) -> tuple[datetime.date, str, str]:
    return (item.deadline or datetime.date.max, item.task, item.milestone or "")


# --- the escalation ladder ---------------------------------------------------------------


class _History:
    """The lights at the end of each earlier reporting period, for the ladder's
    "N periods running": the date itself, then the last day of each period before the
    one it falls in (each plan by its own cycle)."""

    def __init__(
        self, tracking: Tracking, as_of: datetime.date, settings: Settings, now: Status
    ) -> None:
        self.ladder = settings.remind.escalation
        depth = max((rung.periods for rung in self.ladder), default=1)
        self.lights: dict[tuple[str, str], list[str]] = {}
        self.reports: dict[tuple[str, str], list[ReportState]] = {}
        for state in now.reports:
            self.reports.setdefault((state.plan, state.unit), []).append(state)
        self.leads = {(state.plan, state.task_id): state.lead_units for state in now.tasks}
        self.headings = {(s.plan, s.task_id): s.placed.task.heading for s in now.tasks}
        self.titles = {plan.id: plan.title for plan in tracking.plans}
        lights_on = {as_of: _lights(now)}
        for day in _earlier_ends(tracking.plans, as_of, depth - 1):
            lights_on[day] = _lights(compute_status(tracking, day, settings.tracking))
        for plan in tracking.plans:
            days = [as_of, *_plan_ends(plan, as_of, depth - 1)]
            for task in plan.tasks():
                key = (plan.id, task.id)
                self.lights[key] = [lights_on[day].get(key, "green") for day in days]

    def escalation(self, unit: str) -> Escalated | None:
        """The strongest rung (the last listed) whose state held for its periods."""
        for rung in reversed(self.ladder):
            because = self._because(unit, rung)
            if because:
                return Escalated(rung, tuple(because))
        return None

    def _because(self, unit: str, rung: Escalation) -> list[str]:
        if rung.when == "missing":
            return [
                self.titles.get(plan, plan)
                for (plan, owner), states in self.reports.items()
                if owner == unit and _last_missing(states, rung.periods)
            ]
        wanted = ("red",) if rung.when == "red" else ("red", "yellow")
        return [
            self.headings[key]
            for key, lights in self.lights.items()
            if unit in self.leads.get(key, ())
            and len(lights) >= rung.periods
            and all(light in wanted for light in lights[: rung.periods])
        ]


def _lights(status: Status) -> dict[tuple[str, str], str]:
    return {(state.plan, state.task_id): state.light for state in status.tasks}


def _last_missing(states: Sequence[ReportState], periods: int) -> bool:
    ordered = sorted(states, key=lambda state: state.period.start)
    last = ordered[-periods:]
    return len(last) == periods and all(state.status == "missing" for state in last)


def _plan_ends(plan: Plan, as_of: datetime.date, count: int) -> list[datetime.date]:
    """The last days of the `count` reporting periods before the one `as_of` is in."""
    if plan.reporting is None or count <= 0:
        return []
    cycle = plan.reporting.cycle
    period = period_containing(as_of, cycle)  # type: ignore[arg-type]  # the schema's enum
    ends = []
    for _step in range(count):
        period = period.previous()
        ends.append(period.end)
    return ends


def _earlier_ends(plans: Iterable[Plan], as_of: datetime.date, count: int) -> set[datetime.date]:
    return {day for plan in plans for day in _plan_ends(plan, as_of, count)}
