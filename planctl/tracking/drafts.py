"""Pre-filled report and review files: what `planctl report new` and `planctl review new` write.

A unit's report draft holds one entry per task it must report on that period: the tasks it
leads, supports or is responsible for (a group it belongs to counts), started by the end of
the period and not closed. Each entry starts from the unit's last report on the task (its
status and percent), with the task's title, deadline and last period's text as comments,
so the unit edits rather than retypes. The 督查室's review draft holds a decision per
submitted entry, the requests to close or extend as commented-out decisions, and the
missing reports as comments. Both are valid as written; the text is laid out as
`planctl fmt` lays it out.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from planctl.deadlines import DeadlineError, parse_deadline
from planctl.errors import InputError, UsageError, WorkbookRejected, os_error_reason
from planctl.i18n import _, either, quote
from planctl.model import Plan, Task
from planctl.repository import REPORTS_DIR, REVIEWS_DIR
from planctl.tracking.periods import Cycle, Period, parse_period, period_containing
from planctl.tracking.records import (
    REPORT_FORMAT,
    REVIEW_FORMAT,
    Report,
    ReportEntry,
    ReportStatus,
    Review,
)
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

if TYPE_CHECKING:
    from planctl.tracking.load import Tracking
    from planctl.tracking.workbook import ImportedReport

__all__ = [
    "ReportDraft",
    "ReviewDraft",
    "default_period",
    "owned_tasks",
    "report_draft",
    "review_draft",
]

# The roles that make a unit report on a task, and how the draft's comment names them.
_ROLE_WORDS = {"lead": "牵头", "responsible": "责任", "support": "配合"}
_STATUS_HELP = "状态：not_started 未启动、in_progress 推进中、delayed 滞后、done 已完成"
_REQUEST_HELP = (
    "申请办结写 request: close；申请延期写 request: extend，并写 extend_to（新的完成时限）和 reason"
)
# Tasks the plan itself stops (as the lights do: they are grey, and owe no report).
_CLOSED_BY_PLAN = frozenset({"cancelled", "suspended"})
# A plain YAML scalar must not look like another type or start with an indicator.
_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s0-9.+~][^#\n]*")
_NOT_IN_NAMES = frozenset('/\\:*?"<>|')  # a report's file is named after its unit
_FORM = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-[0-3][0-9])?|-Q[1-4]|-H[12])?")
_NOT_A_STRING = re.compile(r"(?i:y|n|yes|no|true|false|on|off|null|~)")


@dataclass(frozen=True, slots=True)
class DraftTask:
    """One task of a draft, with what the comments above its entry say."""

    task: Task
    serial: int  # its 序号 in the plan's tables
    role: str  # 牵头 / 责任 / 配合
    deadline: str  # 完成时限 as the document words it
    last: ReportEntry | None  # the unit's latest earlier entry on it
    last_period: Period | None

    @property
    def status(self) -> ReportStatus:
        """What a unit expects to find: its last status, else not started."""
        return self.last.status if self.last is not None else "not_started"


@dataclass(frozen=True)
class ReportDraft:
    plan: Plan
    unit: str
    period: Period
    tasks: tuple[DraftTask, ...]

    @property
    def path(self) -> PurePosixPath:
        """Where the report lives in the repository: reports/<plan>/<period>/<unit>.yaml."""
        return PurePosixPath(REPORTS_DIR, self.plan.id, str(self.period), f"{self.unit}.yaml")

    def text(self) -> str:
        lines = [
            f"# {comment_text(self.plan.title)} {self.period.chinese()}进展报告（{self.unit}）",
            f"# {_STATUS_HELP}",
            f"# {_REQUEST_HELP}",
            f"format: {REPORT_FORMAT}",
            f"plan: {scalar(self.plan.id)}",
            f"period: {form(str(self.period))}",
            f"unit: {scalar(self.unit)}",
            f"as_of: {self.period.end.isoformat()}",
            "tasks:",
        ]
        for index, item in enumerate(self.tasks):
            # A blank line between entries: one task, one block.
            lines.extend([""] * (index > 0) + _report_entry(item))
        return "\n".join(lines) + "\n"


def _report_entry(item: DraftTask) -> list[str]:
    heading = comment_text(item.task.heading)
    deadline = comment_text(item.deadline) or "未定"
    lines = [f"  # {item.serial}. {heading}（{item.role}；完成时限：{deadline}）"]
    if item.last is not None and item.last_period is not None:
        said = comment_text(item.last.progress or "")
        lines.append(f"  # 上期（{item.last_period.chinese()}）进展：{said or '（未填写）'}")
        if item.last.next_steps:
            lines.append(f"  # 上期下步打算：{comment_text(item.last.next_steps)}")
    lines.append(f"  - task: {scalar(item.task.id)}")
    lines.append(f"    status: {item.status}")
    if item.last is not None and item.last.percent is not None:
        lines.append(f"    percent: {item.last.percent}")
    # The unit writes these; left as comments, the draft is valid before it does.
    lines.extend(
        [
            "    # progress: 本期进展情况",
            "    # problems: 存在问题（可省略）",
            "    # next_steps: 下步打算（可省略）",
        ]
    )
    return lines


def owned_tasks(plan: Plan, unit: str, units: UnitRegistry | None) -> list[tuple[Task, str]]:
    """The tasks `unit` reports on, with its role: lead, responsible or support (a group
    naming the unit counts), in document order."""
    owned = []
    for task in plan.tasks():
        for role in _ROLE_WORDS:
            names = getattr(task, role)
            members = units.expand_all(names) if units is not None else names
            if unit in members:
                owned.append((task, role))
                break
    return owned


def report_draft(
    plan: Plan,
    unit: str,
    period: Period,
    *,
    units: UnitRegistry | None,
    reports: Iterable[Report] = (),
    reviews: Iterable[Review] = (),
) -> ReportDraft:
    """The draft of `unit`'s report on `period` of `plan` (`reports` and `reviews`: those
    of the repository, any plan; the unit's earlier ones fill the entries)."""
    from planctl.render.context import plan_view

    views = {view.id: view for view in plan_view(plan).tasks}
    earlier = sorted(
        (r for r in reports if r.plan == plan.id and r.unit == unit and r.period < period),
        key=lambda report: report.period,
    )
    reviews = list(reviews)
    closed = closed_tasks(plan.id, reviews, period.end)
    items = []
    for task, role in reportable_tasks(plan, unit, period, units, closed, reviews):
        last, last_period = _latest_entry(earlier, task.id)
        view = views[task.id]
        items.append(DraftTask(task, view.serial, _ROLE_WORDS[role], view.due, last, last_period))
    return ReportDraft(plan, unit, period, tuple(items))


def reportable_tasks(
    plan: Plan,
    unit: str,
    period: Period,
    units: UnitRegistry | None,
    closed: set[str],
    reviews: Iterable[Review] = (),
) -> list[tuple[Task, str]]:
    """The tasks `unit` reports on for `period`, with its role: started by the period's
    end, not closed (`closed`: by review) nor done or cancelled in the plan; after the
    plan's end, only those whose deadline, as the `reviews` extended it, reaches the
    period (as the lights count the reports owed)."""
    from planctl.tracking.lights import after_plan, effective_last_days

    reach = effective_last_days(plan, reviews) if after_plan(plan, period) else None
    return [
        (task, role)
        for task, role in owned_tasks(plan, unit, units)
        if task.id not in closed
        and task.status not in _CLOSED_BY_PLAN
        and _started(plan, task, period)
        and (reach is None or period.start <= reach.get(task.id, datetime.date.min))
    ]


def _latest_entry(
    earlier: Sequence[Report], task_id: str
) -> tuple[ReportEntry | None, Period | None]:
    for report in reversed(earlier):
        if (entry := report.entry(task_id)) is not None:
            return entry, report.period
    return None, None


def closed_tasks(plan_id: str, reviews: Iterable[Review], by: datetime.date) -> set[str]:
    """Tasks of the plan closed (办结销号), cancelled or suspended by a review decision dated
    by `by`: as for the lights, a period ending before that still owes a report."""
    closed = set()
    for review in reviews:
        if review.plan != plan_id:
            continue
        for decision in review.decisions:
            approved = decision.close is not None and decision.close <= by
            if approved or (decision.status is not None and review.date <= by):
                closed.add(decision.task)
    return closed


def _started(plan: Plan, task: Task, period: Period) -> bool:
    from planctl.tracking.lights import task_start

    return task_start(task, plan) <= period.end


def plan_cycle(plan: Plan) -> Cycle:
    """The plan's reporting cycle; a plan without `reporting:` has no reports to draft."""
    if plan.reporting is None:
        raise UsageError(
            _("plan {plan} has no reporting: block").format(plan=quote(plan.id)),
            hint=_("add reporting: {cycle: month, due_day: 5} to the plan (docs/tracking.md)"),
        )
    return plan.reporting.cycle  # type: ignore[return-value]  # the schema allows only cycles


def chosen_period(
    plan: Plan,
    written: str | None,
    today: datetime.date,
    workdays: Workdays,
    reviews: Iterable[Review] = (),
) -> Period | None:
    """The period asked for (in the plan's cycle, within its reporting periods), else
    `default_period`; None when that falls outside the plan's reporting periods (before
    its first, or after the plan's period ends unless the `reviews` extended a task into
    it): the plan takes no report then."""
    cycle = plan_cycle(plan)
    assert plan.reporting is not None
    if written is None:
        period = default_period(cycle, plan.reporting.due_day, today, workdays)
        return period if _outside(plan, period, reviews) is None else None
    try:
        period = parse_period(written, cycle)
    except DeadlineError as error:
        raise UsageError(error.message, where="--period") from None
    if (why := _outside(plan, period, reviews)) is not None:
        raise UsageError(why, where="--period")
    return period


def _outside(plan: Plan, period: Period, reviews: Iterable[Review] = ()) -> str | None:
    """Why `period` is not one of the plan's reporting periods (None when it is)."""
    from planctl.tracking.lights import effective_last_days, first_period

    first = first_period(plan)
    if first is not None and period.start < first.start:
        return _("{period} is before plan {plan}'s first reporting period {first}").format(
            period=quote(str(period)), plan=quote(plan.id), first=first
        )
    end = _plan_end(plan)
    reach = max(effective_last_days(plan, reviews).values(), default=None)
    if end is not None and period.start > end and (reach is None or period.start > reach):
        return _("{period} starts after plan {plan}'s period ends ({end})").format(
            period=quote(str(period)), plan=quote(plan.id), end=end.isoformat()
        )
    return None


def _plan_end(plan: Plan) -> datetime.date | None:
    if plan.period is None:
        return None
    try:
        return parse_deadline(plan.period[1]).last_day()
    except DeadlineError:
        return None


def default_period(cycle: Cycle, due_day: int, today: datetime.date, workdays: Workdays) -> Period:
    """The period a unit reports on today: the one just ended while its report is not yet
    due, else the current one (whose report is due next)."""
    current = period_containing(today, cycle)
    ended = current.previous()
    return ended if today <= workdays.report_due(ended, due_day) else current


# --- the review draft ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewDraft:
    plan: Plan
    period: Period
    reviewer: str
    date: datetime.date
    reports: tuple[Report, ...]  # the period's submitted reports, by unit
    missing: tuple[str, ...]  # units that owe a report on the period and sent none

    @property
    def path(self) -> PurePosixPath:
        return PurePosixPath(REVIEWS_DIR, self.plan.id, f"{self.period}.yaml")

    def text(self) -> str:
        lines = [
            f"# {comment_text(self.plan.title)} {self.period.chinese()}进展报告审核",
            "# 逐条确认：verdict: accepted 通过，returned 退回重报（写明 note）；"
            "办结、延期的申请去掉 # 即为同意",
            f"format: {REVIEW_FORMAT}",
            f"plan: {scalar(self.plan.id)}",
            f"period: {form(str(self.period))}",
            f"reviewer: {scalar(self.reviewer)}",
            f"date: {self.date.isoformat()}",
        ]
        for unit in self.missing:
            lines.append(f"# 未报送：{comment_text(unit)}")
        decisions = [line for report in self.reports for line in _decisions(report, self.date)]
        lines.extend(["decisions:", *decisions] if decisions else ["decisions: []"])
        return "\n".join(lines) + "\n"


def _decisions(report: Report, date: datetime.date) -> list[str]:
    """Per entry: what the unit said, any request as a commented-out decision (remove the
    # to approve it), then the entry's decision, accepted until the office edits it."""
    lines = []
    for entry in report.entries:
        said = comment_text(entry.progress or "")
        task, unit = scalar(entry.task, flow=True), scalar(report.unit, flow=True)
        lines.append(f"  # {comment_text(report.unit)}：{said or '（未填写进展）'}")
        reason = comment_text(entry.reason or "")
        because = f"：{reason}" if reason else ""
        if entry.request == "close":
            lines.append(f"  # 申请办结{because}（同意则去掉下一行的 #）")
            lines.append(f"  # - {{task: {task}, close: {date.isoformat()}}}")
        elif entry.request == "extend" and entry.extend_to:
            to = comment_text(entry.extend_to)
            lines.append(f"  # 申请延期至 {to}{because}（同意则去掉下一行的 #）")
            note = scalar(reason or "同意延期", flow=True)
            extend_to = form(entry.extend_to)
            lines.append(f"  # - {{task: {task}, extend_to: {extend_to}, note: {note}}}")
        lines.append(f"  - {{task: {task}, unit: {unit}, verdict: accepted}}")
    return lines


def review_draft(
    plan: Plan,
    period: Period,
    *,
    units: UnitRegistry | None,
    reports: Iterable[Report],
    reviews: Iterable[Review] = (),
    today: datetime.date,
) -> ReviewDraft:
    """The 督查室's review draft of `period`: the period's reports, and the units that owe
    one (a task of theirs to report on) but sent none."""
    if plan.reporting is None:
        plan_cycle(plan)  # raises: no reporting block
    assert plan.reporting is not None
    all_reports = list(reports)
    submitted = tuple(
        sorted(
            (r for r in all_reports if r.plan == plan.id and r.period == period),
            key=lambda report: report.unit,
        )
    )
    sent = {report.unit for report in submitted}
    reviews = list(reviews)
    closed = closed_tasks(plan.id, reviews, period.end)
    missing = tuple(
        unit
        for unit in reporting_units(plan, units)
        if unit not in sent and reportable_tasks(plan, unit, period, units, closed, reviews)
    )
    reviewer = plan.reporting.supervisor or plan.issuer or ""
    return ReviewDraft(plan, period, reviewer, today, submitted, missing)


def reporting_units(plan: Plan, units: UnitRegistry | None) -> list[str]:
    """Every unit that leads, supports or is responsible for a task, groups expanded, in the
    order the plan first names them."""
    seen: dict[str, None] = {}
    for task in plan.tasks():
        for role in _ROLE_WORDS:
            names = getattr(task, role)
            for unit in units.expand_all(names) if units is not None else names:
                seen.setdefault(unit, None)
    return list(seen)


# --- YAML text -----------------------------------------------------------------------------


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a YAML scalar reading back as the same string: plain when safe, else
    double-quoted (JSON's escapes are YAML's)."""
    from planctl.fmt.layout import escape_for_yaml, needs_escapes

    plain = (
        _PLAIN.fullmatch(text) is not None
        and text == text.strip()
        and ": " not in text
        and not text.endswith(":")
        and not needs_escapes(text)
        and _NOT_A_STRING.fullmatch(text) is None
        and not (flow and any(c in ",[]{}:" for c in text))
    )
    return text if plain else escape_for_yaml(json.dumps(text, ensure_ascii=False))


def form(text: str) -> str:
    """A period or deadline (2023-06, 2023-Q3, 2023-09-30, 2023) as plans write them:
    plain, read back as the same string (a year as YAML's integer, which both accept)."""
    return text if _FORM.fullmatch(text) else scalar(text)


def comment_text(text: str) -> str:
    """Text made one comment line: line breaks and control characters become spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def report_text(
    plan: Plan, unit: str, period: Period, as_of: datetime.date, entries: Sequence[ReportEntry]
) -> str:
    """A filled-in report file (as `report import` writes it), each entry under a comment
    naming its task."""
    lines = [
        f"# {comment_text(plan.title)} {period.chinese()}进展报告（{comment_text(unit)}）",
        f"format: {REPORT_FORMAT}",
        f"plan: {scalar(plan.id)}",
        f"period: {form(str(period))}",
        f"unit: {scalar(unit)}",
        f"as_of: {as_of.isoformat()}",
        "tasks:",
    ]
    for entry in entries:
        task = plan.task(entry.task)
        if task is not None:
            lines.append(f"  # {comment_text(task.heading)}")
        lines.append(f"  - task: {scalar(entry.task)}")
        lines.append(f"    status: {entry.status}")
        if entry.percent is not None:
            lines.append(f"    percent: {entry.percent}")
        for key in ("progress", "problems", "next_steps", "request", "extend_to", "reason"):
            value = getattr(entry, key)
            if value:
                written = form(value) if key == "extend_to" else scalar(value)
                lines.append(f"    {key}: {written}")
    return "\n".join(lines) + "\n"


# --- the commands' core: load the repository, draft, write -------------------------------


@dataclass(frozen=True)
class Written:
    """One file a command wrote, and how many entries (tasks or decisions) it holds."""

    path: Path
    plan: str
    period: Period
    entries: int


def new_reports(
    unit: str,
    *,
    period: str | None = None,
    plans: Sequence[str] = (),
    fmt: str = "yaml",
    output: Path | None = None,
    today: datetime.date | None = None,
    start: Path | None = None,
) -> list[Written]:
    """`planctl report new`: write `unit`'s report drafts (YAML, one file per plan, or one
    workbook), never over an existing file."""
    from planctl.repository import open_repository

    if fmt not in ("yaml", "xlsx"):
        raise UsageError(
            _("unknown format {name}").format(name=quote(fmt)),
            where="--format",
            hint=_("use one of: {choices}").format(choices="yaml, xlsx"),
        )
    repository = open_repository(start)
    tracking = load(repository.root)
    unit = registered_unit(unit, tracking.units)
    day = today or datetime.date.today()
    drafts = []
    for plan in reporting_plans(tracking, plans):
        chosen = chosen_period(plan, period, day, tracking.workdays, tracking.reviews)
        if chosen is None:  # the plan takes no report now (its period is over, say)
            continue
        draft = report_draft(
            plan,
            unit,
            chosen,
            units=tracking.units,
            reports=tracking.reports,
            reviews=tracking.reviews,
        )
        if draft.tasks:
            drafts.append(draft)
    if not drafts:
        raise UsageError(
            _("{unit} has no task to report on in these plans").format(unit=quote(unit)),
            where="--unit",
            hint=_("a unit reports on the tasks it leads, supports or is responsible for"),
        )
    if fmt == "xlsx":
        return [_write_workbook(drafts, output, repository.root)]
    return [_write_draft(draft, output, repository.root, len(drafts)) for draft in drafts]


def _write_draft(draft: ReportDraft, output: Path | None, root: Path, count: int) -> Written:
    if output is None:
        path = root / draft.path
    elif count == 1 and not output.is_dir() and not str(output).endswith(("/", os.sep)):
        path = output
    else:
        path = output / f"{draft.plan.id}-{draft.period}-{draft.unit}.yaml"
    write_new(path, laid_out(draft.text(), path), root)
    return Written(path, draft.plan.id, draft.period, len(draft.tasks))


def _write_workbook(drafts: Sequence[ReportDraft], output: Path | None, root: Path) -> Written:
    from planctl.tracking.workbook import write_workbook

    first = drafts[0]
    name = f"{first.unit}-{first.period}.xlsx"
    if output is None:
        path = root / "build" / REPORTS_DIR / name
    elif output.is_dir() or str(output).endswith(("/", os.sep)):
        path = output / name
    else:
        path = output
    write_new(path, write_workbook(drafts), root)
    return Written(path, first.plan.id, first.period, sum(len(d.tasks) for d in drafts))


def new_review(
    plan_id: str,
    *,
    period: str,
    output: Path | None = None,
    today: datetime.date | None = None,
    start: Path | None = None,
) -> Written:
    """`planctl review new`: write the 督查室's review draft of one period of one plan."""
    from planctl.repository import open_repository

    repository = open_repository(start)
    tracking = load(repository.root)
    plan = reporting_plans(tracking, [plan_id])[0]
    day = today or datetime.date.today()
    chosen = chosen_period(plan, period, day, tracking.workdays, tracking.reviews)
    assert chosen is not None  # a period written is one of the plan's, or refused
    draft = review_draft(
        plan,
        chosen,
        units=tracking.units,
        reports=tracking.reports,
        reviews=tracking.reviews,
        today=day,
    )
    path = output if output is not None else repository.root / draft.path
    write_new(path, laid_out(draft.text(), path), repository.root)
    entries = sum(len(report.entries) for report in draft.reports)
    return Written(path, plan.id, draft.period, entries)


def load(root: Path) -> Tracking:
    """The repository's plans, units, reports, reviews and workdays."""
    from planctl.repository import Repository
    from planctl.tracking.load import load_tracking

    return load_tracking(Repository(root))


def reporting_plans(tracking: Tracking, named: Sequence[str]) -> list[Plan]:
    """The plans named (each must exist and have `reporting:`), else every plan with it."""
    plans = {plan.id: plan for plan in tracking.plans}
    if not named:
        return [plan for plan in plans.values() if plan.reporting is not None]
    chosen = []
    for name in named:
        plan = plans.get(name) or plans.get(PurePosixPath(name).stem)
        if plan is None:
            raise UsageError(
                _("no plan {plan} in this repository").format(plan=quote(name)),
                where="--plan",
                hint=_("name a plan by its id (the file name under plans/)"),
            )
        plan_cycle(plan)
        chosen.append(plan)
    return chosen


def registered_unit(name: str, units: UnitRegistry | None) -> str:
    """The registered name of `name` (an alias is taken for its unit); the name becomes a
    file name, so it must be one whether a registry vouches for it or not."""
    found = units.lookup(name) if units is not None else None
    if found is not None and not (found.kind in ("unit", "alias") and found.canonical):
        close = units.suggest(name) if units is not None else []
        raise UsageError(
            _("{unit} is not a registered unit").format(unit=quote(name)),
            where="--unit",
            hint=_("did you mean {names}?").format(names=either(close))
            if close
            else _("see plans/units.yaml"),
        )
    unit = found.canonical if found is not None and found.canonical else name
    if (
        not unit.strip()
        or unit in (".", "..")
        or any(c in _NOT_IN_NAMES or not c.isprintable() for c in unit)
    ):
        raise UsageError(
            _("{unit} cannot be a unit's file name").format(unit=quote(name)),
            where="--unit",
            hint=_("write the unit's name as plans/units.yaml registers it"),
        )
    return unit


def laid_out(text: str, path: Path) -> str:
    """`text` in the layout `planctl fmt` gives the file, so `fmt --check` passes."""
    from planctl.fmt import format_text, kind_of

    return format_text(text, kind=kind_of(path))


def write_new(
    path: Path, data: str | bytes, root: Path, *, force: bool = False, protect: Sequence[Path] = ()
) -> None:
    """Write a new file through the one write policy; an existing file is never replaced
    (unless `force`): a unit's or the office's work may be in it."""
    from planctl.atomic import boundary, write_atomic
    from planctl.repository import display_path

    if path.exists() and not force:
        raise UsageError(
            _("the file exists already"),
            where=display_path(path),
            hint=_("edit it, or write the draft elsewhere with -o PATH"),
        )
    write_atomic(path, data, within=boundary(path, root), protect=protect, make_folders=True)


def import_workbook(
    file: Path, *, output: Path | None = None, force: bool = False, start: Path | None = None
) -> list[Path]:
    """`planctl report import`: the report files a filled-in workbook holds, written to
    reports/<plan>/<period>/<unit>.yaml (or `output`), never over one unless `force`."""
    from planctl.repository import display_path, open_repository
    from planctl.tracking.workbook import read_workbook

    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(
            _("cannot read the workbook: {reason}").format(reason=os_error_reason(error)),
            where=str(file),
        ) from None
    shown = display_path(file)
    imported = read_workbook(data, shown)
    repository = open_repository(start)
    plans = {plan.id: plan for plan in load(repository.root).plans}
    if output is not None and len(imported) > 1 and not output.is_dir():
        raise UsageError(
            _("the workbook holds {count} reports, but -o names one file").format(
                count=len(imported)
            ),
            where="-o",
            hint=_("give -o a folder, or leave it out"),
        )
    # --force replaces a report, never the workbook or a plan.
    inputs = (file, repository.units_path, *repository.plan_files())
    written = []
    for report in imported:
        plan = _known_tasks(report, plans, shown)
        relative = Path(REPORTS_DIR, report.plan, str(report.period), f"{report.unit}.yaml")
        if output is None:
            path = repository.root / relative
        elif output.is_dir():
            path = output / relative.name
        else:
            path = output
        text = report_text(plan, report.unit, report.period, report.as_of, report.entries)
        write_new(path, laid_out(text, path), repository.root, force=force, protect=inputs)
        written.append(path)
    return written


def _known_tasks(report: ImportedReport, plans: dict[str, Plan], file: str) -> Plan:
    """The report's plan; every task the map names must still be in it."""
    plan = plans.get(report.plan)
    if plan is None:
        raise WorkbookRejected(
            _("the workbook reports on plan {plan}, which is not in this repository").format(
                plan=quote(report.plan)
            ),
            where=_("{file}: sheet {sheet}").format(file=file, sheet=report.sheet),
            hint=_("import it in the repository it was made in"),
        )
    for entry in report.entries:
        if plan.task(entry.task) is None:
            raise WorkbookRejected(
                _("task {task} is not in plan {plan} (the task map was changed)").format(
                    task=quote(entry.task), plan=quote(plan.id)
                ),
                where=_("{file}: sheet {sheet}").format(file=file, sheet=report.sheet),
                hint=_("write a new workbook with planctl report new --format xlsx"),
            )
    return plan
