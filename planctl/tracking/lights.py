"""The deadline lights: each task's light as of a date, with its reasons in words, and
each (plan, unit, period)'s report status.

One documented rule (docs/tracking.md, 灯号规则); for each task, first match wins:

1. cancelled or suspended (in the plan, or by a review dated on or before D) → grey;
2. a close approved on or before D → done (on time when approved by the deadline);
3. a light set by the review of the latest reviewed period → that light;
4. past the earliest last day of the effective deadline and the unfinished milestones
   → red (逾期);
5. within `warn_days` of it → yellow (临期);
6. the latest reported percent behind the share of time elapsed by more than `red_gap`
   → red, by more than `yellow_gap` → yellow (滞后序时);
7. reported `delayed` → yellow; still `not_started` one cycle after the start → yellow;
8. an ongoing task whose unit missed the last due report → yellow, two running → red;
9. otherwise green.

Rules 6-8 read what each lead unit reported; a task led by several units (or by a group
of units) is as bad as its worst one. Only what was known on D counts: reports whose
`as_of` and submission (the commit adding them; `as_of` for one not committed) are on or
before D, and reviews dated on or before D. Everything is indexed once, so the work
grows with the number of tasks, reports and periods, never with their product.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, NamedTuple, Protocol, TypeVar

from planctl.config import TrackingSettings
from planctl.deadlines import Deadline, DeadlineError, parse_deadline
from planctl.i18n import N_, _, ngettext, quote
from planctl.model import Placed, Plan, Task
from planctl.tracking.periods import Cycle, Period, parse_period, period_containing
from planctl.tracking.records import Decision, Light, Report, ReportEntry, Review
from planctl.tracking.state import (
    LIGHT_ORDER,
    Glance,
    ReportState,
    ReportTiming,
    Status,
    TaskLight,
    TaskState,
)
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry
from planctl.yamlio import paused_gc

__all__ = [
    "Lights",
    "TrackingData",
    "after_plan",
    "compute_status",
    "compute_statuses",
    "deadline_of",
    "effective_deadline",
    "effective_last_days",
    "first_period",
    "light_rank",
    "task_start",
    "worst_light",
]

_STOPPED = {"cancelled": N_("cancelled"), "suspended": N_("suspended")}
_LIGHT_NAMES = {
    "red": N_("red"),
    "yellow": N_("yellow"),
    "green": N_("green"),
    "grey": N_("grey"),
    "done": N_("done"),
}
_MONTHS_PER_CYCLE: dict[Cycle, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}


class TrackingData(Protocol):
    """What the lights read: `planctl.tracking.load.Tracking` is one."""

    @property
    def plans(self) -> tuple[Plan, ...]: ...
    @property
    def units(self) -> UnitRegistry | None: ...
    @property
    def reports(self) -> tuple[Report, ...]: ...
    @property
    def reviews(self) -> tuple[Review, ...]: ...
    @property
    def workdays(self) -> Workdays: ...


_TaskValue = TypeVar("_TaskValue", TaskState, TaskLight)  # what is made of each task

_RANKS: dict[Light, int] = {light: rank for rank, light in enumerate(LIGHT_ORDER)}


def light_rank(light: Light) -> int:
    """0 for red, the worst, up to grey (`LIGHT_ORDER`)."""
    return _RANKS[light]


def worst_light(lights: Sequence[Light]) -> Light | None:
    if len(lights) == 1:  # most tasks have one lead unit
        return lights[0]
    return min(lights, key=_RANKS.__getitem__, default=None)  # `light_rank`, read in C


class Lights:
    """The statuses of one set of tracking data, on any dates, as `compute_status` gives
    them: what does not depend on the date (deadlines, starts, lead units, milestones'
    days, deadline words, the index of the reports, the report windows) is worked out on
    first use and kept for every later date, and for a forked worker's dates too. The
    words it keeps are in the language of the date first asked: use one language."""

    def __init__(self, tracking: TrackingData, settings: TrackingSettings) -> None:
        self.tracking = tracking
        self.settings = settings
        self._facts = _Facts()

    def status(self, as_of: datetime.date) -> Status:
        """Every task's light and every due report's status as of `as_of`."""
        tasks, reports = self._each_plan(as_of, _PlanLights.states)
        due_years = {state.due.year for state in reports}
        notes = [
            _(
                "the calendar has no holidays for {year}: report due days that year move only "
                "off Saturdays and Sundays"
            ).format(year=year)
            for year in self.tracking.workdays.missing_years(due_years)
        ]
        return Status(as_of, tuple(tasks), tuple(reports), tuple(notes))

    def prepare(self, as_of: datetime.date) -> None:
        """Work out now what does not depend on the date, as the first status would, and
        the report windows the reviews known on `as_of` give: for forked workers to
        inherit before any status is asked (their dates after the latest review share
        those windows), and for the status of `as_of` itself."""
        facts = self._facts
        with paused_gc():
            # Of what is known on a date, the task facts read only the registry.
            known = _Known.of(self.tracking, as_of, facts.index(self.tracking))
            for plan in self.tracking.plans:
                facts.tasks(plan, known)
                if plan.reporting is not None and facts.first_period(plan) is not None:
                    facts.reporting_spans(plan, known)

    def glance(self, as_of: datetime.date) -> Glance:
        """Every task's light and every due report's status as of `as_of`, with what the
        figures count and none of the words: the figures of a date, at a fraction of the
        cost of its status."""
        tasks, reports = self._each_plan(as_of, _PlanLights.glances)
        return Glance(as_of, tuple(tasks), tuple(reports))

    def _each_plan(
        self, as_of: datetime.date, tasks_of: Callable[[_PlanLights], Iterator[_TaskValue]]
    ) -> tuple[list[_TaskValue], list[ReportState]]:
        """`tasks_of` each plan's lights on the date, and every plan's due reports."""
        facts = self._facts
        tasks: list[_TaskValue] = []
        reports: list[ReportState] = []
        # Many small values, no cycles (the report index first of all): the collector
        # would only walk the whole data.
        with paused_gc():
            known = _Known.of(self.tracking, as_of, facts.index(self.tracking))
            for plan in self.tracking.plans:
                tasks.extend(tasks_of(_PlanLights(plan, known, self.settings, facts)))
                reports.extend(_report_states(plan, known, facts))
        return tasks, reports


def compute_status(
    tracking: TrackingData, as_of: datetime.date, settings: TrackingSettings
) -> Status:
    """Every task's light and every due report's status as of `as_of`."""
    return Lights(tracking, settings).status(as_of)


def compute_statuses(
    tracking: TrackingData, dates: Sequence[datetime.date], settings: TrackingSettings
) -> list[Status]:
    """The status as of each of `dates`, as `compute_status` gives it, in one pass (see
    `Lights`)."""
    lights = Lights(tracking, settings)
    return [lights.status(as_of) for as_of in dates]


def deadline_of(task: Task, plan: Plan) -> Deadline | None:
    """The task's deadline as the plan gives it: its `due`, else the end of the plan's
    period (a year's work plan is done within its year); None for `ongoing` or when
    neither is written or readable (the plan's checks say which)."""
    value = task.due if task.due is not None else (plan.period[1] if plan.period else None)
    if value is None:
        return None
    try:
        deadline = parse_deadline(value)
    except DeadlineError:
        return None
    return None if deadline.kind == "ongoing" else deadline


def effective_deadline(task: Task, plan: Plan, extensions: Iterable[str]) -> Deadline | None:
    """The deadline the task is held to: the last readable of the approved `extensions`
    (oldest first), else `deadline_of`. The lights and the review checks both ask this."""
    effective = deadline_of(task, plan)
    for extend_to in extensions:
        try:
            effective = parse_deadline(extend_to)
        except DeadlineError:
            continue
    return effective


def effective_last_days(plan: Plan, reviews: Iterable[Review]) -> dict[str, datetime.date]:
    """The last day of each task's effective deadline, with every extension the `reviews`
    approved (any plan's; by period, then date); ongoing tasks have none. After the plan's
    end a task reports up to the period holding this day."""
    extensions: dict[str, list[str]] = defaultdict(list)
    ordered = sorted(
        (review for review in reviews if review.plan == plan.id),
        key=lambda review: (review.period.start, review.date),
    )
    for review in ordered:
        for decision in review.decisions:
            if decision.extend_to is not None:
                extensions[decision.task].append(decision.extend_to)
    days = {}
    for task in plan.tasks():
        deadline = effective_deadline(task, plan, extensions.get(task.id, ()))
        if deadline is not None and (last := deadline.last_day()) is not None:
            days[task.id] = last
    return days


def after_plan(plan: Plan, period: Period) -> bool:
    """Whether `period` starts after the plan's own period ends."""
    end = _plan_end(plan)
    return end is not None and period.start > end


# --- what was known on the date ------------------------------------------------------


class _ReportIndex:
    """Every report entry, report and milestone done, each with the day it became known
    (the later of its `as_of` and its submission): built once, asked for each date."""

    def __init__(self, reports: Iterable[Report]) -> None:
        # (plan, task, unit) -> (known from, period, report, entry), oldest period first
        self.entries: dict[tuple[str, str, str], list[_Said]] = defaultdict(list)
        # (plan, unit, period) -> (known from, report), in the order the reports come
        self.reports: dict[tuple[str, str, Period], list[tuple[datetime.date, Report]]] = (
            defaultdict(list)
        )
        # (plan, task, milestone) -> the first day it is known done
        self.milestones: dict[tuple[str, str, str], datetime.date] = {}
        for report in reports:
            self._add(report)
        # Filtering a stably sorted list keeps its order: each date's entries are sorted.
        for said in self.entries.values():
            said.sort(key=lambda item: (item[1].start, item[2].as_of))

    def _add(self, report: Report) -> None:
        known = max(report.as_of, submitted_on(report))
        self.reports[(report.plan, report.unit, report.period)].append((known, report))
        for entry in report.entries:
            self.entries[(report.plan, entry.task, report.unit)].append(
                (known, report.period, report, entry)
            )
            for milestone in entry.milestones:
                key = (report.plan, entry.task, milestone.id)
                day = max(known, milestone.done)
                if key not in self.milestones or day < self.milestones[key]:
                    self.milestones[key] = day


_Said = tuple[datetime.date, Period, Report, ReportEntry]
_NO_DECISIONS: Mapping[str, list[tuple[Review, Decision]]] = {}


@dataclass
class _Known:
    """The reports and reviews that count as of the date, indexed for the lights."""

    as_of: datetime.date
    units: UnitRegistry | None
    workdays: Workdays
    index: _ReportIndex
    # plan -> task -> (review, decision), in review date order
    decisions: dict[str, dict[str, list[tuple[Review, Decision]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    reviews: dict[str, list[Review]] = field(default_factory=lambda: defaultdict(list))
    latest_review: dict[str, Review] = field(default_factory=dict)  # by plan: latest period
    returned: set[tuple[str, Period, str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, tracking: TrackingData, as_of: datetime.date, index: _ReportIndex) -> _Known:
        known = cls(as_of, tracking.units, tracking.workdays, index)
        reviews = sorted(
            (review for review in tracking.reviews if review.date <= as_of),
            key=lambda review: (review.date, review.period.start),
        )
        for review in reviews:
            known._add_review(review)
        return known

    def _add_review(self, review: Review) -> None:
        self.reviews[review.plan].append(review)
        latest = self.latest_review.get(review.plan)
        if latest is None or review.period.start >= latest.period.start:
            self.latest_review[review.plan] = review
        decisions = self.decisions[review.plan]
        for decision in review.decisions:
            decisions[decision.task].append((review, decision))
            if decision.verdict is not None and decision.unit is not None:
                key = (review.plan, review.period, decision.unit, decision.task)
                if decision.verdict == "returned":
                    self.returned.add(key)
                else:
                    self.returned.discard(key)

    def decisions_of(self, plan: str) -> Mapping[str, list[tuple[Review, Decision]]]:
        """The plan's decisions by task."""
        return self.decisions.get(plan, _NO_DECISIONS)

    def members(self, name: str) -> tuple[str, ...]:
        """The registered units a name stands for: a group's members, an alias's unit."""
        if self.units is None:
            return (name,)
        return self.units.expand_all((name,))

    def latest_entry(
        self, entries: Sequence[_Said], plan: str, task: str, unit: str
    ) -> tuple[Period, Report, ReportEntry] | None:
        """The unit's latest word on the task (its `entries` in the index) that the office
        has not sent back."""
        as_of, returned = self.as_of, self.returned
        for known, period, report, entry in reversed(entries):
            if known <= as_of and not (returned and (plan, period, unit, task) in returned):
                return period, report, entry
        return None

    def report(self, plan: str, unit: str, period: Period) -> Report | None:
        """The unit's report on the period (the last one read, when there are several)."""
        return _last_known(self.index.reports.get((plan, unit, period), ()), self.as_of)

    def milestone_done(self, plan: str, task: str, milestone: str) -> bool:
        day = self.index.milestones.get((plan, task, milestone))
        return day is not None and day <= self.as_of


_Value = TypeVar("_Value")


def _last_known(
    read: Sequence[tuple[datetime.date, _Value]], as_of: datetime.date
) -> _Value | None:
    """Of values in the order they were read, each with the day it became known, the last
    one known by `as_of`."""
    for known, value in reversed(read):
        if known <= as_of:
            return value
    return None


def submitted_on(report: Report) -> datetime.date:
    """When the report reached the office: its commit's date, or its `as_of` uncommitted."""
    return report.submitted if report.submitted is not None else report.as_of


# --- what does not depend on the date ------------------------------------------------


class _Facts:
    """Each task's values that are the same on every date, worked out on first use.

    Keyed by the task and plan objects themselves (by identity), which the tracking data
    holds for as long as the statuses are computed; one `_Facts` serves one tracking data
    set (its `Lights`)."""

    def __init__(self) -> None:
        self.deadlines: dict[int, Deadline | None] = {}
        self.starts: dict[int, datetime.date] = {}
        self.leads: dict[int, list[str]] = {}
        self.reporters: dict[int, list[str]] = {}
        self.milestones: dict[int, tuple[tuple[str, datetime.date, str], ...]] = {}
        self.words: dict[tuple[int, Deadline | None], str] = {}
        self.first_periods: dict[int, Period | None] = {}
        self.last_days: dict[int, datetime.date | None] = {}
        self.plan_tasks: dict[int, list[_TaskFacts]] = {}
        self.spans: dict[tuple[int, tuple[int, ...]], _Spans] = {}
        self.due_days: dict[tuple[Period, int], datetime.date] = {}
        self.report_timings: dict[tuple[str, str, Period], _Timings] = {}
        self._index: _ReportIndex | None = None
        self._members: dict[str, tuple[str, ...]] = {}

    def members(self, name: str, known: _Known) -> tuple[str, ...]:
        """The registered units a name stands for (see `_Known.members`), looked up once."""
        if name not in self._members:
            self._members[name] = known.members(name)
        return self._members[name]

    def index(self, tracking: TrackingData) -> _ReportIndex:
        if self._index is None:
            self._index = _ReportIndex(tracking.reports)
        return self._index

    def last_day(self, task: Task, plan: Plan) -> datetime.date | None:
        """The last day of the task's deadline as the plan gives it."""
        key = id(task)
        if key not in self.last_days:
            deadline = self.deadline(task, plan)
            self.last_days[key] = deadline.last_day() if deadline else None
        return self.last_days[key]

    def tasks(self, plan: Plan, known: _Known) -> list[_TaskFacts]:
        """The plan's tasks in document order, each with what is the same on every date."""
        key = id(plan)
        if key not in self.plan_tasks:
            self.plan_tasks[key] = [
                self._task_facts(plan, placed, placed.task.source_number or str(number), known)
                for number, placed in enumerate(plan.placed_tasks(), start=1)
            ]
        return self.plan_tasks[key]

    def _task_facts(self, plan: Plan, placed: Placed, number: str, known: _Known) -> _TaskFacts:
        task = placed.task
        leads = tuple(self.lead_units(task, known))
        entries = known.index.entries
        return _TaskFacts(
            placed=placed,
            number=number,
            written=self.deadline(task, plan),
            last_day=self.last_day(task, plan),
            start=self.start(task, plan),
            leads=leads,
            entries=tuple((unit, entries.get((plan.id, task.id, unit), ())) for unit in leads),
            milestones=self.milestone_days(task),
        )

    def report_due(self, workdays: Workdays, period: Period, due_day: int) -> datetime.date:
        key = (period, due_day)
        if key not in self.due_days:
            self.due_days[key] = workdays.report_due(period, due_day)
        return self.due_days[key]

    def report_state(
        self, plan: str, unit: str, period: Period, due: datetime.date, known: _Known
    ) -> ReportState:
        """The unit's report status on the period as of the date (the last report read of
        those known by then): one value for all the dates it holds on, made once."""
        key = (plan, unit, period)
        timings = self.report_timings.get(key)
        if timings is None:
            timings = self.report_timings[key] = _report_timings(
                plan, unit, period, due, known.index
            )
        missing, read = timings
        return _last_known(read, known.as_of) or missing

    def reporting_spans(self, plan: Plan, known: _Known) -> _Spans:
        """The plan's report windows: the same while no new review of the plan counts."""
        key = (id(plan), tuple(id(review) for review in known.reviews.get(plan.id, ())))
        if key not in self.spans:
            self.spans[key] = _Spans(_reporting_spans(plan, known, self))
        return self.spans[key]

    def deadline(self, task: Task, plan: Plan) -> Deadline | None:
        key = id(task)
        if key not in self.deadlines:
            self.deadlines[key] = deadline_of(task, plan)
        return self.deadlines[key]

    def start(self, task: Task, plan: Plan) -> datetime.date:
        key = id(task)
        if key not in self.starts:
            self.starts[key] = task_start(task, plan)
        return self.starts[key]

    def lead_units(self, task: Task, known: _Known) -> list[str]:
        key = id(task)
        if key not in self.leads:
            names = task.lead or task.responsible
            self.leads[key] = list(
                dict.fromkeys(unit for name in names for unit in self.members(name, known))
            )
        return self.leads[key]

    def reporting_units(self, task: Task, known: _Known) -> list[str]:
        """The units each of the task's named units stands for, name by name (a unit
        in two named groups comes twice, as the report windows take it)."""
        key = id(task)
        if key not in self.reporters:
            names = dict.fromkeys((*task.lead, *task.support, *task.responsible))
            self.reporters[key] = [unit for name in names for unit in self.members(name, known)]
        return self.reporters[key]

    def milestone_days(self, task: Task) -> tuple[tuple[str, datetime.date, str], ...]:
        """(id, last day, text) of each milestone a report can name done and whose due
        is readable."""
        key = id(task)
        if key not in self.milestones:
            found = []
            for milestone in task.milestones:
                if milestone.id is None:
                    continue  # a report cannot name it done: it takes no part
                try:
                    day = parse_deadline(milestone.due).last_day()
                except DeadlineError:
                    continue
                if day is not None:
                    found.append((milestone.id, day, milestone.text))
            self.milestones[key] = tuple(found)
        return self.milestones[key]

    def deadline_words(
        self, task: Task, written: Deadline | None, extension: Deadline | None
    ) -> str:
        key = (id(task), extension)
        if key not in self.words:
            self.words[key] = _deadline_words(task, written, extension)
        return self.words[key]

    def first_period(self, plan: Plan) -> Period | None:
        key = id(plan)
        if key not in self.first_periods:
            self.first_periods[key] = first_period(plan)
        return self.first_periods[key]


# --- one plan's lights ---------------------------------------------------------------


class _TaskFacts(NamedTuple):
    """One task's values that are the same on every date (`_Facts.tasks`): a tuple, made
    in a third of the time of a frozen record, for each of a hundred thousand tasks."""

    placed: Placed  # the task and the sections above it
    number: str  # its number in the document
    written: Deadline | None  # the deadline as the plan gives it
    last_day: datetime.date | None  # the last day of `written`
    start: datetime.date
    leads: tuple[str, ...]  # the lead units, groups expanded
    # Each lead unit with its report entries on the task (the index's, oldest first).
    entries: tuple[tuple[str, Sequence[_Said]], ...]
    milestones: tuple[tuple[str, datetime.date, str], ...]  # (id, last day, text)


@dataclass(frozen=True, slots=True)
class _Decided:
    """What the reviews decided about one task by the date."""

    stopped: tuple[str, datetime.date] | None = None  # (cancelled|suspended, review date)
    closed: datetime.date | None = None
    extensions: tuple[str, ...] = ()  # approved extend_to, oldest first

    @property
    def extension(self) -> Deadline | None:
        """The latest readable approved extension."""
        for extend_to in reversed(self.extensions):
            try:
                return parse_deadline(extend_to)
            except DeadlineError:
                continue
        return None


_UNDECIDED = _Decided()


# What a rule found, as data: the tag of the rule and its values. The words are written
# from it (`_reason_words`) only for a status that shows them, never for the figures of
# a past date.
_Why = tuple[Any, ...]
# A lead unit's light with why (None for green), as rules 6-8 find it.
_UnitLight = tuple[str, Light, _Why | None]


class _PlanLights:
    """One plan's tasks on one date."""

    def __init__(
        self, plan: Plan, known: _Known, settings: TrackingSettings, facts: _Facts
    ) -> None:
        self.plan = plan
        self.known = known
        self.settings = settings
        self.facts = facts
        self.cycle: Cycle = _cycle(plan)
        self.override = self._overrides()
        self._missed: dict[str, int] = {}
        self._decisions = known.decisions_of(plan.id)

    def states(self) -> Iterator[TaskState]:
        """Each task's state, in document order, with its reasons in words."""
        for item in self.facts.tasks(self.plan, self.known):
            yield self._state(item)

    def glances(self) -> Iterator[TaskLight]:
        """Each task's light and what the figures count of it, in document order."""
        plan_id, judge = self.plan.id, self._judge
        for item in self.facts.tasks(self.plan, self.known):
            decided, last_day, said, expected, light, _why = judge(item)
            yield _task_light(
                (
                    plan_id,
                    light,
                    last_day,
                    _on_time(decided, last_day),
                    expected,
                    _lowest_percent(said),
                )
            )

    def _overrides(self) -> dict[str, Decision]:
        review = self.known.latest_review.get(self.plan.id)
        if review is None:
            return {}
        return {d.task: d for d in review.decisions if d.light is not None}

    def _state(self, item: _TaskFacts) -> TaskState:
        decided, last_day, said, expected, light, why = self._judge(item)
        task = item.placed.task
        latest = _latest_of(said)
        return TaskState(
            plan=self.plan.id,
            placed=item.placed,
            number=item.number,
            light=light,
            reasons=tuple(_reason_words(why)),
            deadline=last_day,
            deadline_words=self.facts.deadline_words(task, item.written, decided.extension),
            latest=latest[2] if latest else None,
            latest_report=latest[1] if latest else None,
            closed=decided.closed,
            on_time=_on_time(decided, last_day),
            lead_units=item.leads,
            expected=expected,
            lowest_percent=_lowest_percent(said),
        )

    def _judge(self, item: _TaskFacts) -> _Judged:
        """The rules for one task: what the state and the figures both read (a plain
        tuple: a trend asks this for a million task-dates)."""
        task = item.placed.task
        known = self.known
        decided = self._decided(task)
        last_day = item.last_day
        if decided.extensions:
            deadline = effective_deadline(task, self.plan, decided.extensions)
            last_day = deadline.last_day() if deadline else None
        # Each lead unit's latest word, asked once: the light, the latest and the lowest
        # percent all read it.
        latest_entry, plan_id, task_id = known.latest_entry, self.plan.id, task.id
        said = [
            (unit, latest_entry(entries, plan_id, task_id, unit)) for unit, entries in item.entries
        ]
        expected = None if last_day is None else _expected(item.start, last_day, known.as_of)
        light, why = self._light(item, decided, last_day, expected, said)
        return decided, last_day, said, expected, light, why

    def _decided(self, task: Task) -> _Decided:
        decisions = self._decisions.get(task.id)
        if not decisions:
            return _UNDECIDED
        stopped, closed, extensions = None, None, []
        for review, decision in decisions:
            if decision.status is not None:
                stopped = (decision.status, review.date)
            if decision.close is not None and decision.close <= self.known.as_of:
                closed = decision.close
            if decision.extend_to is not None:
                extensions.append(decision.extend_to)
        return _Decided(stopped, closed, tuple(extensions))

    def _light(
        self,
        item: _TaskFacts,
        decided: _Decided,
        last_day: datetime.date | None,
        expected: float | None,
        said: Sequence[tuple[str, _Latest | None]],
    ) -> tuple[Light, _Why]:
        task = item.placed.task
        if task.status in _STOPPED:
            return "grey", ("stopped", task.status, None)
        if decided.stopped is not None:
            return "grey", ("stopped", *decided.stopped)
        if decided.closed is not None:
            return "done", ("closed", decided.closed, last_day)
        override = self.override.get(task.id)
        if override is not None and override.light is not None:
            return override.light, ("set", override.light, override.note or "")
        if found := self._deadline_light(item, last_day):
            return found
        return self._reported_light(item, last_day, expected, said)

    def _deadline_light(
        self, item: _TaskFacts, last_day: datetime.date | None
    ) -> tuple[Light, _Why] | None:
        """Rules 4 and 5: the earliest of the deadline and the unfinished milestones."""
        if not item.milestones:  # most tasks: the deadline alone
            if last_day is None:
                return None
            day, milestone = last_day, None
        elif (key := self._earliest_open(item, last_day)) is not None:
            day, milestone = key
        else:
            return None
        left = (day - self.known.as_of).days
        if left < 0:
            return "red", ("deadline", left, milestone)
        if left <= self.settings.warn_days:
            return "yellow", ("deadline", left, milestone)
        return None

    def _earliest_open(
        self, item: _TaskFacts, last_day: datetime.date | None
    ) -> tuple[datetime.date, str | None] | None:
        candidates: list[tuple[datetime.date, str | None]] = []
        if last_day is not None:
            candidates.append((last_day, None))
        task_id = item.placed.task.id
        for milestone_id, day, text in item.milestones:
            if not self.known.milestone_done(self.plan.id, task_id, milestone_id):
                candidates.append((day, text))
        return min(candidates, key=lambda candidate: candidate[0], default=None)

    def _reported_light(
        self,
        item: _TaskFacts,
        last_day: datetime.date | None,
        expected: float | None,
        said: Sequence[tuple[str, _Latest | None]],
    ) -> tuple[Light, _Why]:
        """Rules 6-9 for each lead unit; the task takes its worst unit's light."""
        results = [
            self._unit_light(item, last_day, expected, unit, latest) for unit, latest in said
        ]
        worst = worst_light([light for _unit, light, _why in results]) or "green"
        if worst == "green":
            return "green", ("on_track",)
        return worst, ("reported", worst, len(said) > 1, results)

    def _unit_light(
        self,
        item: _TaskFacts,
        last_day: datetime.date | None,
        expected: float | None,
        unit: str,
        latest: _Latest | None,
    ) -> _UnitLight:
        if latest is not None and (found := self._said(item, expected, latest[2])):
            return unit, *found
        if last_day is None:
            missed = self._missed_running(unit)
            if missed >= 2:
                return unit, "red", ("missed", missed)
            if missed == 1:
                return unit, "yellow", ("missed", missed)
        return unit, "green", None

    def _said(
        self, item: _TaskFacts, expected: float | None, entry: ReportEntry
    ) -> tuple[Light, _Why] | None:
        """Rules 6 and 7: the unit's latest percent and status."""
        if entry.percent is not None and expected is not None:
            gap = expected - entry.percent
            if gap > self.settings.red_gap:
                return "red", ("behind", round(gap))
            if gap > self.settings.yellow_gap:
                return "yellow", ("behind", round(gap))
        if entry.status == "delayed":
            return "yellow", ("delayed",)
        if entry.status == "not_started":
            one_cycle_in = _add_months(item.start, _MONTHS_PER_CYCLE[self.cycle])
            if self.known.as_of >= one_cycle_in:
                return "yellow", ("not_started",)
        return None

    @cached_property
    def _last_due(self) -> Period | None:
        """The plan's latest period due by the date (asked for each task without a deadline)."""
        reporting, first = self.plan.reporting, self.facts.first_period(self.plan)
        if reporting is None or first is None:
            return None
        return _last_due_period(self.plan, first, reporting.due_day, self.known, self.facts)

    def _missed_running(self, unit: str) -> int:
        """How many of the unit's last due reports on this plan are missing, running."""
        if unit not in self._missed:
            self._missed[unit] = self._count_missed(unit)
        return self._missed[unit]

    def _count_missed(self, unit: str) -> int:
        first = self.facts.first_period(self.plan)
        if self.plan.reporting is None or first is None:
            return 0
        period = self._last_due
        missed = 0
        while period is not None and period.start >= first.start:
            if self.known.report(self.plan.id, unit, period) is not None:
                break
            missed += 1
            period = period.previous()
        return missed


# What the rules found for one task on one date (`_PlanLights._judge`): what the reviews
# decided, the last day of the effective deadline, each lead unit's latest word, the
# share of time elapsed, the light and why.
_Judged = tuple[
    _Decided, datetime.date | None, list[tuple[str, "_Latest | None"]], float | None, Light, _Why
]
# A `TaskLight` made from a tuple of its fields as `TaskLight._make` makes it, without a
# call in Python for each of a million task-dates.
_task_light: Callable[[tuple[Any, ...]], TaskLight] = partial(tuple.__new__, TaskLight)


def _on_time(decided: _Decided, last_day: datetime.date | None) -> bool | None:
    """Whether the task was closed by its last day; None while it is not closed."""
    closed = decided.closed
    if closed is None:
        return None
    return last_day is None or closed <= last_day


def _expected(start: datetime.date, last_day: datetime.date, as_of: datetime.date) -> float | None:
    """The share of the time from the task's start to its last day that has passed."""
    span = (last_day - start).days
    if span <= 0:
        return None
    elapsed = (as_of - start).days
    if elapsed <= 0:
        return 0.0
    return 100.0 if elapsed >= span else elapsed / span * 100


def _reason_words(why: _Why) -> list[str]:
    """What a rule found (`_PlanLights._light`), in words."""
    kind = why[0]
    if kind == "stopped":
        _kind, status, on = why
        if on is None:
            return [_("{status} in the plan").format(status=_(_STOPPED[status]))]
        return [_("{status} by review on {date}").format(status=_(_STOPPED[status]), date=on)]
    if kind == "closed":
        return [_closed_reason(why[1], why[2])]
    if kind == "set":
        _kind, light, note = why
        return [
            _("set to {light} by review: {note}").format(light=_(_LIGHT_NAMES[light]), note=note)
        ]
    if kind == "deadline":
        return [_deadline_reason(why[1], why[2])]
    if kind == "on_track":
        return [_("on track")]
    _kind, worst, named, results = why
    return [
        _("{unit}: {reason}").format(unit=unit, reason=_unit_reason(unit_why))
        if named
        else _unit_reason(unit_why)
        for unit, light, unit_why in results
        if light == worst and unit_why is not None
    ]


def _deadline_reason(left: int, milestone: str | None) -> str:
    if left < 0:
        words = ngettext("overdue by {days} day", "overdue by {days} days", -left)
    else:
        words = ngettext("deadline near, {days} day left", "deadline near, {days} days left", left)
    words = words.format(days=abs(left))
    if milestone is None:
        return words
    return _("milestone {milestone}: {reason}").format(milestone=quote(milestone), reason=words)


def _unit_reason(why: _Why) -> str:
    kind = why[0]
    if kind == "behind":
        points = why[1]
        return ngettext(
            "behind schedule by {points} percentage point",
            "behind schedule by {points} percentage points",
            points,
        ).format(points=points)
    if kind == "delayed":
        return _("reported as delayed")
    if kind == "not_started":
        return _("not started")
    return _missed_reason(why[1])


_Latest = tuple[Period, Report, ReportEntry]


def _latest_of(said: Sequence[tuple[str, _Latest | None]]) -> _Latest | None:
    """The latest of the lead units' latest words."""
    found = [latest for _unit, latest in said if latest is not None]
    return max(found, key=lambda item: (item[0].start, item[1].as_of), default=None)


def _lowest_percent(said: Sequence[tuple[str, _Latest | None]]) -> int | None:
    lowest = None
    for _unit, latest in said:
        if latest is not None:
            percent = latest[2].percent
            if percent is not None and (lowest is None or percent < lowest):
                lowest = percent
    return lowest


def task_start(task: Task, plan: Plan) -> datetime.date:
    """When the work starts: the task's `start`, else the plan's period, else the first
    reporting period (else 1 January of the deadline's year)."""
    for value in (task.start, plan.period[0] if plan.period else None):
        if value is None:
            continue
        try:
            day = parse_deadline(value).first_day()
        except DeadlineError:
            continue
        if day is not None:
            return day
    first = first_period(plan)
    if first is not None:
        return first.start
    deadline = deadline_of(task, plan)
    last = deadline.last_day() if deadline else None
    return datetime.date(last.year if last else datetime.MINYEAR, 1, 1)


def _closed_reason(closed: datetime.date, last_day: datetime.date | None) -> str:
    if last_day is None or closed <= last_day:
        return _("closed on time")
    late = (closed - last_day).days
    return ngettext(
        "closed {days} day after the deadline", "closed {days} days after the deadline", late
    ).format(days=late)


def _missed_reason(missed: int) -> str:
    if missed == 1:
        return _("the last due report is missing")
    return ngettext(
        "{count} report missing in a row", "{count} reports missing in a row", missed
    ).format(count=missed)


def _deadline_words(task: Task, written: Deadline | None, extension: Deadline | None) -> str:
    from planctl.chinese import deadline_cn

    if task.due_text:
        words = task.due_text
    elif task.due is not None:
        try:
            words = deadline_cn(parse_deadline(task.due))
        except DeadlineError:
            words = task.due
    elif written is not None:
        words = _("by the end of the plan ({deadline})").format(deadline=deadline_cn(written))
    else:
        words = ""
    if extension is not None:
        words = _("{words} (extended to {deadline})").format(
            words=words, deadline=deadline_cn(extension)
        )
    return words


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, 1) if day.day == 1 else _same_day(year, month, day.day)


def _same_day(year: int, month: int, day: int) -> datetime.date:
    import calendar

    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


# --- report statuses -----------------------------------------------------------------


def _cycle(plan: Plan) -> Cycle:
    cycle = plan.reporting.cycle if plan.reporting else "month"
    return cycle if cycle in _MONTHS_PER_CYCLE else "month"


def first_period(plan: Plan) -> Period | None:
    """The first reporting period: `reporting.start`, else the one the plan starts in."""
    if plan.reporting is None:
        return None
    cycle = _cycle(plan)
    if plan.reporting.start is not None:
        try:
            return parse_period(plan.reporting.start, cycle)
        except DeadlineError:
            return None
    if plan.period is not None:
        try:
            start = parse_deadline(plan.period[0]).first_day()
        except DeadlineError:
            return None
        if start is not None:
            return period_containing(start, cycle)
    return None


def _last_due_period(
    plan: Plan,
    first: Period,
    due_day: int,
    known: _Known,
    facts: _Facts,
    *,
    within_plan: bool = True,
) -> Period | None:
    """The latest period whose due day is over by the date (on the due day itself a unit
    may still report, as a task is overdue only after its last day); with `within_plan`,
    not after the plan's own period (an ongoing task reports while the plan runs)."""
    period = period_containing(known.as_of, first.cycle)
    end = _plan_end(plan)
    if within_plan and end is not None and period.start > end:
        period = period_containing(end, first.cycle)
    while period.start >= first.start:
        if facts.report_due(known.workdays, period, due_day) < known.as_of:
            return period
        period = period.previous()
    return None


def _plan_end(plan: Plan) -> datetime.date | None:
    if plan.period is None:
        return None
    try:
        return parse_deadline(plan.period[1]).last_day()
    except DeadlineError:
        return None


def _report_states(plan: Plan, known: _Known, facts: _Facts) -> Iterator[ReportState]:
    """Each unit's report status for every period due by the date, where it had to report.
    After the plan's period only the tasks extended past its end are reported on, until
    the period that holds their extended deadline."""
    reporting = plan.reporting
    first = facts.first_period(plan)
    if reporting is None or first is None:
        return
    spans = facts.reporting_spans(plan, known)
    end = _plan_end(plan)
    last = _last_due_period(plan, first, reporting.due_day, known, facts, within_plan=False)
    if last is None:
        return
    if end is not None:  # no period after the latest deadline past the plan's end
        last = min(last, period_containing(max(end, spans.reach(end)), first.cycle))
    period = first
    while period.start <= last.start:
        due = facts.report_due(known.workdays, period, reporting.due_day)
        after_plan = end is not None and period.start > end
        for unit in spans.asked(period, after_plan=after_plan):
            yield facts.report_state(plan.id, unit, period, due, known)
        period = period.next()


def _report_timings(
    plan: str, unit: str, period: Period, due: datetime.date, index: _ReportIndex
) -> _Timings:
    read = [
        (known, _read_state(plan, unit, period, due, submitted_on(report)))
        for known, report in index.reports.get((plan, unit, period), ())
    ]
    return ReportState(plan, unit, period, due, "missing"), read


def _read_state(
    plan: str, unit: str, period: Period, due: datetime.date, submitted: datetime.date
) -> ReportState:
    timing: ReportTiming = "on_time" if submitted <= due else "late"
    return ReportState(plan, unit, period, due, timing, submitted)


# A report's status before any report is known, and once each report read is known (the
# day it became known, and its status), in the order the reports were read.
_Timings = tuple[ReportState, list[tuple[datetime.date, ReportState]]]


class _Window(NamedTuple):
    """When one task asks its units for reports: from its start until it is closed,
    cancelled or suspended; after the plan's end, up to its effective deadline (a tuple,
    as `_TaskFacts`)."""

    start: datetime.date
    stop: datetime.date
    deadline: datetime.date | None

    def asks(self, period: Period, *, after_plan: bool) -> bool:
        if not self.start <= period.end < self.stop:
            return False
        return not after_plan or (self.deadline is not None and period.start <= self.deadline)


class _Spans:
    """One plan's report windows by unit, and which units each period asks for."""

    def __init__(self, windows: dict[str, list[_Window]]) -> None:
        self.windows = windows
        self._asked: dict[tuple[Period, bool], tuple[str, ...]] = {}
        self._latest = max(
            (window.deadline for found in windows.values() for window in found if window.deadline),
            default=None,
        )

    def reach(self, end: datetime.date) -> datetime.date:
        """The latest deadline of a window, or `end` when none has one."""
        return end if self._latest is None else self._latest

    def asked(self, period: Period, *, after_plan: bool) -> tuple[str, ...]:
        """The units that must report on `period`, in the order the plan names them."""
        key = (period, after_plan)
        if key not in self._asked:
            self._asked[key] = tuple(
                unit
                for unit, windows in self.windows.items()
                if any(window.asks(period, after_plan=after_plan) for window in windows)
            )
        return self._asked[key]


def _reporting_spans(plan: Plan, known: _Known, facts: _Facts) -> dict[str, list[_Window]]:
    """For each unit, the stretches of time it must report (a period ending inside a
    stretch is due)."""
    never = datetime.date.max
    spans: dict[str, list[_Window]] = defaultdict(list)
    decisions = known.decisions_of(plan.id)
    for task in plan.tasks():
        if task.status in _STOPPED:
            continue
        stop = never
        extensions = []
        for review, decision in decisions.get(task.id, ()):
            if decision.status is not None:
                stop = min(stop, review.date)
            if decision.close is not None:
                stop = min(stop, decision.close)
            if decision.extend_to is not None:
                extensions.append(decision.extend_to)
        if extensions:
            deadline = effective_deadline(task, plan, extensions)
            last_day = deadline.last_day() if deadline else None
        else:
            last_day = facts.last_day(task, plan)
        window = _Window(facts.start(task, plan), stop, last_day)
        for unit in facts.reporting_units(task, known):
            spans[unit].append(window)
    return spans
