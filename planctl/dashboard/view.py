"""What the dashboard's pages show, worked out once for the whole site.

`build_view` walks the task and report states of one date a single time and files every
task under its plan, its sections, each unit it names and the timeline; the pages are
then rendered from these values alone. Everything here is plain data in the plan's
language (Chinese): the templates only lay it out.
"""

from __future__ import annotations

import datetime
import hashlib
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from planctl.chinese import date_cn
from planctl.config import TrackingSettings
from planctl.deadlines import parse_deadline
from planctl.errors import DeadlineError
from planctl.model import Plan, Section
from planctl.tracking.lights import first_period
from planctl.tracking.periods import Period, period_containing
from planctl.tracking.state import LIGHT_ORDER, ReportState, Status, TaskState
from planctl.tracking.stats import Figures, figures_of
from planctl.tracking.workdays import Workdays
from planctl.yamlio import paused_gc

LIGHT_NAMES = {
    "red": "红灯",
    "yellow": "黄灯",
    "green": "绿灯",
    "done": "已完成",
    "grey": "不计（取消、暂缓）",
}
REPORT_NAMES = {"on_time": "按时报送", "late": "逾期报送", "missing": "未报送", "due": "待报送"}
LEAD_ROLES = ("lead", "responsible")
ROLE_NAMES = {"lead": "牵头", "responsible": "负责", "support": "配合", "guide": "指导"}
_LEAD_NAMES = frozenset(ROLE_NAMES[role] for role in LEAD_ROLES)
_LIGHT_RANK: dict[str, int] = {light: index for index, light in enumerate(LIGHT_ORDER)}
NEXT_DEADLINES = 10  # how many coming deadlines a unit page lists under 近期应完成
# A unit page lists at most this many tasks per table, the worst lights first; its table of
# plans links every plan page filtered to the unit, where the rest are.
UNIT_ROWS = 300
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,60}")


@dataclass(frozen=True)
class TrendPoint:
    """The figures as of the end of one reporting period (or the dashboard's date)."""

    period: Period
    as_of: datetime.date
    figures: Figures


@dataclass(frozen=True)
class TaskRow:
    plan: str
    number: str
    title: str
    lead: str
    support: str
    units: tuple[str, ...]  # every unit the task names, for the unit filter
    light: str
    reasons: str
    deadline_words: str
    deadline: datetime.date | None
    start: datetime.date | None
    progress: str
    progress_period: str
    section: str  # the titles of the sections above it, outermost first

    @property
    def light_name(self) -> str:
        return LIGHT_NAMES[self.light]

    @property
    def is_open(self) -> bool:
        return self.light not in ("done", "grey")

    @cached_property
    def urgency(self) -> tuple[int, datetime.date, str]:
        """Where it comes in a unit's tables: red first, then by deadline, then by plan
        (worked out once: a task is in the tables of each of its units)."""
        return (_LIGHT_RANK[self.light], self.deadline or datetime.date.max, self.plan)

    def cells(self) -> tuple[str, ...]:
        """What a table row shows, in one tuple: templates unpack it in the loop, which
        keeps the sandbox's per-attribute checks out of the site's largest loops."""
        return (
            self.number,
            self.title,
            self.section,
            self.lead,
            self.support,
            self.deadline_words,
            self.light,
            LIGHT_NAMES[self.light],
            self.reasons,
            self.progress_period,
            self.progress,
            "|".join(self.units),
        )


@dataclass(frozen=True)
class SectionRow:
    title: str
    depth: int
    lights: dict[str, int]


@dataclass(frozen=True)
class ReportRow:
    plan: str  # the plan's title, as the page names it
    unit: str
    period: str
    due: datetime.date
    status: str
    submitted: datetime.date | None

    @property
    def status_name(self) -> str:
        return REPORT_NAMES[self.status]


@dataclass
class PlanView:
    plan: Plan
    href: str
    rows: list[TaskRow] = field(default_factory=list)
    reports: list[ReportState] = field(default_factory=list)
    sections: list[SectionRow] = field(default_factory=list)
    figures: Figures | None = None

    @property
    def public(self) -> bool:
        return is_public(self.plan)

    def table(self) -> list[tuple[str, ...]]:
        """Each task's row: its anchor, then `TaskRow.cells`."""
        return [(f"task-{index}", *row.cells()) for index, row in enumerate(self.rows)]

    @property
    def unit_names(self) -> list[str]:
        """Every unit its tasks name, sorted."""
        return sorted({unit for row in self.rows for unit in row.units})


class Duty(NamedTuple):
    """One task a unit owns, with its role in it (a tuple: a large site has hundreds of
    thousands, and a tuple is the cheapest value to make)."""

    role: str
    row: TaskRow
    plan_title: str
    plan_href: str


# The order of a unit's tables (`TaskRow.urgency`), read in C rather than by a lambda.
_urgency = operator.attrgetter("row.urgency")


class PlanDuties(NamedTuple):
    """What a unit leads and supports in one plan (a tuple: the page unpacks it)."""

    plan_title: str
    plan_href: str
    unit: str
    leads: int
    supports: int
    lights: dict[str, int]


@dataclass
class UnitView:
    name: str
    href: str
    duties: list[Duty] = field(default_factory=list)
    reports: list[ReportRow] = field(default_factory=list)
    next_reports: list[ReportRow] = field(default_factory=list)
    figures: Figures | None = None

    # Read several times by its page, once the view is built: worked out once.
    @cached_property
    def leads(self) -> list[Duty]:
        return [duty for duty in self.duties if duty.role in _LEAD_NAMES]

    @cached_property
    def supports(self) -> list[Duty]:
        return [duty for duty in self.duties if duty.role not in _LEAD_NAMES]

    def table(self, duties: Sequence[Duty]) -> list[tuple[str, ...]]:
        """The worst `UNIT_ROWS` of `duties` (red first, then by deadline), each row the
        plan's page and title, the role, then `TaskRow.cells`."""
        chosen = sorted(duties, key=_urgency)[:UNIT_ROWS]
        return [(d.plan_href, d.plan_title, d.role, *d.row.cells()) for d in chosen]

    def by_plan(self) -> list[PlanDuties]:
        """What the unit leads and supports in each plan, with each plan's lights."""
        first: dict[str, Duty] = {}  # the plans in the order their first duty comes
        roles: dict[str, list[int]] = {}  # how many it leads, how many it supports
        lights: dict[str, dict[str, int]] = {}
        for duty in self.duties:
            href, light = duty.plan_href, duty.row.light
            if href not in first:
                first[href], roles[href], lights[href] = duty, [0, 0], {}
            roles[href][duty.role not in _LEAD_NAMES] += 1
            counts = lights[href]
            counts[light] = counts.get(light, 0) + 1
        return [
            PlanDuties(
                duty.plan_title, href, self.name, roles[href][0], roles[href][1], lights[href]
            )
            for href, duty in first.items()
        ]

    def next_report_lines(self) -> list[tuple[str, str, str]]:
        """The reports it owes next, as the page lists them: (due date in words, plan,
        period)."""
        return [(date_cn(row.due), row.plan, row.period) for row in self.next_reports]

    def next_deadlines(self, as_of: datetime.date) -> list[Duty]:
        coming = [
            d
            for d in self.duties
            if d.row.deadline is not None and d.row.deadline >= as_of and d.row.is_open
        ]
        return sorted(coming, key=lambda d: (d.row.deadline, d.row.plan))[:NEXT_DEADLINES]

    def overdue(self) -> list[Duty]:
        return [d for d in self.duties if d.row.light == "red"]

    def late_reports(self) -> list[tuple[str, str, str]]:
        """The reports not in on time, latest first: (period, plan, status in words)."""
        return [
            (report.period, report.plan, report.status_name)
            for report in self.reports
            if report.status != "on_time"
        ]


@dataclass
class View:
    as_of: datetime.date
    plans: list[PlanView]
    units: list[UnitView]
    figures: Figures
    trend: Sequence[TrendPoint]
    notes: tuple[str, ...] = ()

    @property
    def rows(self) -> Iterable[TaskRow]:
        for plan in self.plans:
            yield from plan.rows


def is_public(plan: Plan) -> bool:
    """Whether the plan's notice is published of the office's own accord (主动公开)."""
    return plan.notice is not None and (plan.notice.disclosure or "").strip() == "主动公开"


def plan_file(plan_id: str) -> str:
    """The page of a plan. Plan ids are lower-case letters, digits and hyphens; the
    prefix keeps Windows' reserved names (con, nul, aux …) from being one."""
    safe = plan_id if _SAFE_ID.fullmatch(plan_id) else _digest(plan_id)
    return f"plans/plan-{safe}.html"


def unit_file(unit: str) -> str:
    """The page of a unit: a digest of its name, which is Chinese and may hold any
    character, so the file name is the same and valid on every system."""
    return f"units/unit-{_digest(unit)}.html"


def build_view(
    plans: Sequence[Plan],
    status: Status,
    trend: Sequence[TrendPoint] = (),
    workdays: Workdays | None = None,
    settings: TrackingSettings | None = None,
) -> View:
    """File every task and report state of `status` under its plan and units, once."""
    # A large site's view is a million new objects and no cycles: the collector would
    # only walk them and the tracking data again and again.
    with paused_gc():
        return _build_view(plans, status, trend, workdays, settings or TrackingSettings())


def _build_view(
    plans: Sequence[Plan],
    status: Status,
    trend: Sequence[TrendPoint],
    workdays: Workdays | None,
    settings: TrackingSettings,
) -> View:
    by_plan = {plan.id: PlanView(plan, plan_file(plan.id)) for plan in plans}
    units: dict[str, UnitView] = {}
    states: dict[str, list[TaskState]] = defaultdict(list)
    unit_states: dict[str, list[TaskState]] = defaultdict(list)
    # A task without a start of its own starts with its plan's period: parsed once.
    starts = {plan_id: _start(view.plan, None) for plan_id, view in by_plan.items()}
    for state in status.tasks:
        view = by_plan.get(state.plan)
        if view is None:
            continue
        owners = _owners(state)
        row = _row(view.plan, state, tuple(owners), starts[state.plan])
        view.rows.append(row)
        states[state.plan].append(state)
        title, href = view.plan.title, view.href
        for unit, role in owners.items():
            owner = units.get(unit)
            if owner is None:
                owner = units[unit] = UnitView(unit, unit_file(unit))
            owner.duties.append(Duty(role, row, title, href))
            unit_states[unit].append(state)
    unit_reports: dict[str, list[ReportState]] = defaultdict(list)
    for report in status.reports:
        if (view := by_plan.get(report.plan)) is not None:
            view.reports.append(report)
            unit_reports[report.unit].append(report)
    for view in by_plan.values():
        view.figures = figures_of(states[view.plan.id], view.reports, settings, status.as_of)
        view.sections = _sections(view.plan, states[view.plan.id])
    for owner in units.values():
        reports = unit_reports.get(owner.name, [])
        owner.figures = figures_of(unit_states[owner.name], reports, settings, status.as_of)
        rows = (_report_row(r, by_plan[r.plan].plan.title) for r in reports)
        owner.reports = sorted(rows, key=_latest_first)
    _next_reports(by_plan.values(), units, status.as_of, workdays or Workdays())
    return View(
        as_of=status.as_of,
        plans=list(by_plan.values()),
        units=sorted(units.values(), key=lambda unit: unit.name),
        figures=figures_of(status.tasks, status.reports, settings, status.as_of),
        trend=trend,
        notes=status.notes,
    )


def _row(
    plan: Plan, state: TaskState, units: tuple[str, ...], plan_start: datetime.date | None
) -> TaskRow:
    task = state.placed.task
    latest = state.latest
    return TaskRow(
        plan=plan.id,
        number=state.number,
        title=task.heading,
        lead=_joined((*task.lead, *task.responsible), task.lead_more or task.responsible_more),
        support=_joined((*task.support, *task.guide), task.support_more),
        units=units,
        light=state.light,
        reasons="；".join(state.reasons),
        deadline_words=state.deadline_words,
        deadline=state.deadline,
        start=_start(plan, task.start) if task.start is not None else plan_start,
        progress=(latest.progress or "") if latest else "",
        progress_period=state.latest_report.period.chinese() if state.latest_report else "",
        section=" › ".join(section.title for section in state.placed.sections),
    )


def _owners(state: TaskState) -> dict[str, str]:
    """Each unit the task names, with its role in words (the first it is named in); a
    leading group's members lead too (the lights hold each of them to the task)."""
    task = state.placed.task
    owners: dict[str, str] = {}
    for role, named in (
        ("lead", task.lead),
        ("responsible", task.responsible),
        ("lead", state.lead_units),
        ("support", task.support),
        ("guide", task.guide),
    ):
        for unit in named:
            owners.setdefault(unit, ROLE_NAMES[role])
    return owners


def _joined(units: Sequence[str], more: bool) -> str:
    text = "、".join(dict.fromkeys(units))
    return f"{text}等" if more and text else text


def _start(plan: Plan, start: str | None) -> datetime.date | None:
    """When the work starts: the task's own start, else the plan's period start."""
    for value in (start, plan.period[0] if plan.period else None):
        if value is None:
            continue
        try:
            return parse_deadline(value).first_day()
        except DeadlineError:
            continue
    return None


def _sections(plan: Plan, states: Sequence[TaskState]) -> list[SectionRow]:
    """Each section of the plan with the count of its tasks' lights (sub-sections'
    tasks included), in document order."""
    counts: dict[int, dict[str, int]] = {}
    for state in states:
        for section in state.placed.sections:
            lights = counts.setdefault(id(section), dict.fromkeys(LIGHT_ORDER, 0))
            lights[state.light] += 1
    return [
        SectionRow(_section_title(section), depth, counts.get(id(section), {}))
        for section, depth in plan.walk_sections()
    ]


def _section_title(section: Section) -> str:
    number = section.source_number or ""
    return (
        f"{number}{section.title}"
        if number and not section.title.startswith(number)
        else (section.title)
    )


def _report_row(report: ReportState, plan_title: str) -> ReportRow:
    return ReportRow(
        plan_title,
        report.unit,
        report.period.chinese(),
        report.due,
        report.status,
        report.submitted,
    )


def _latest_first(row: ReportRow) -> tuple[int, str]:
    return (-row.due.toordinal(), row.plan)


def _next_reports(
    plans: Iterable[PlanView],
    units: dict[str, UnitView],
    as_of: datetime.date,
    workdays: Workdays,
) -> None:
    """Each unit's next report due date in every plan it reports on: the report on the
    period before the date while it is not yet due, else on the period holding the date;
    none before the first reporting period; after the plan's own period, only for the
    tasks extended into that period (as the lights count the reports owed)."""
    for view in plans:
        reporting = view.plan.reporting
        first = first_period(view.plan)
        if reporting is None or first is None:
            continue
        period = period_containing(as_of, first.cycle)
        if workdays.report_due(period.previous(), reporting.due_day) >= as_of:
            period = period.previous()
        end = _end(view.plan)
        if period.start < first.start:
            continue
        after_plan = end is not None and period.start > end
        rows = [
            row
            for row in view.rows
            if row.is_open
            and (not after_plan or (row.deadline is not None and period.start <= row.deadline))
        ]
        due = workdays.report_due(period, reporting.due_day)
        for unit in {u for row in rows for u in row.units}:
            if unit in units:
                units[unit].next_reports.append(
                    ReportRow(view.plan.title, unit, period.chinese(), due, "due", None)
                )
    for owner in units.values():
        owner.next_reports.sort(key=lambda row: (row.due, row.plan))


def _end(plan: Plan) -> datetime.date | None:
    if plan.period is None:
        return None
    try:
        return parse_deadline(plan.period[1]).last_day()
    except DeadlineError:
        return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
