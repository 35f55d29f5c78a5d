"""Checks of reports and reviews against their plan, the unit registry and each other.

These need more than one file: the plan a report names (its tasks, owners, milestones,
reporting cycle), the registry, the unit's report of the period before, the reports a
review decides on and the extensions approved before. They run on a `Tracking` loaded
from the working tree, over the files the gate trusted.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from planctl.deadlines import parse_deadline
from planctl.errors import DeadlineError
from planctl.findings import Finding, JsonPath
from planctl.i18n import _, either, quote
from planctl.model import Plan, Task
from planctl.rules import tracking as rules
from planctl.rules.base import Rule
from planctl.tracking.lights import effective_deadline, effective_last_days
from planctl.tracking.load import Tracking
from planctl.tracking.periods import Period, parse_period, period_containing
from planctl.tracking.records import Decision, Report, ReportEntry, Review
from planctl.units import UnitRegistry

Issue = tuple[Rule, JsonPath, str, str | None]

# Progress at least this similar to the period before repeats it (difflib's ratio).
REPEAT_RATIO = 0.9


def check_tracking(tracking: Tracking) -> list[Finding]:
    """Every finding of the reports and reviews against the rest of the repository
    (`tracking` holds their documents: `load_sources(…, keep_documents=True)`)."""
    findings: list[Finding] = []
    previous = {(r.plan, r.unit, r.period): r for r in tracking.reports}
    for report in tracking.reports:
        issues = _report(tracking, report, previous)
        findings += _located(tracking, report.file, issues)
    for review in tracking.reviews:
        findings += _located(tracking, review.file, _review(tracking, review))
    return sorted(findings)


def _located(tracking: Tracking, file: str, issues: Iterator[Issue]) -> list[Finding]:
    document = tracking.documents[file]
    return [
        document.finding(path, rule.id, rule.severity_for(""), message, hint or _(rule.hint))
        for rule, path, message, hint in issues
    ]


# --- what reports and reviews share -------------------------------------------------------


def _plan_of(tracking: Tracking, record: Report | Review) -> Plan | Issue:
    """The plan the record names, or the issue saying there is none (or it takes none)."""
    plan = tracking.plan(record.plan)
    refused = [f.file for f in tracking.findings if PurePosixPath(f.file).stem == record.plan]
    if plan is None and refused:  # its file is there, but the gate refused it
        message = _("plan {id} cannot be read: see the findings of {file}").format(
            id=quote(record.plan), file=refused[0]
        )
        return rules.UNKNOWN_PLAN, ("plan",), message, _("correct the plan first")
    if plan is None:
        known = [p.id for p in tracking.plans]
        close = difflib.get_close_matches(record.plan, known, n=3)
        hint = _("did you mean {names}?").format(names=either(close)) if close else None
        message = _("no plan has the id {id}").format(id=quote(record.plan))
        return rules.UNKNOWN_PLAN, ("plan",), message, hint
    if plan.reporting is None:
        message = _("plan {id} has no reporting: block, so it takes no reports or reviews")
        return rules.NO_REPORTING, ("plan",), message.format(id=quote(plan.id)), None
    return plan


def _cycle_issues(
    tracking: Tracking, plan: Plan, period: Period, tasks: Iterable[Task]
) -> Iterator[Issue]:
    """The period against the plan's reporting block (which the caller knows is there).
    A period after the plan's end is fine for one of `tasks` whose deadline, with every
    extension approved, reaches it."""
    assert plan.reporting is not None
    yield from period_issues(plan, period)
    if period.cycle != plan.reporting.cycle:
        return
    end = _day(plan.period[1]) if plan.period else None
    if (
        end is not None
        and period.start > end
        and not any(_reaches(tracking, plan, task, period) for task in tasks)
    ):
        yield (
            rules.PERIOD,
            ("period",),
            _("{period} starts after the plan's period ends ({end})").format(
                period=quote(str(period)), end=end
            ),
            None,
        )


def period_issues(plan: Plan, period: Period) -> Iterator[Issue]:
    """A report's, a review's or a bulletin's period against the plan's reporting block
    (which the caller knows is there): a period of its cycle, not before its first."""
    assert plan.reporting is not None
    cycle = plan.reporting.cycle
    if period.cycle != cycle:
        example = period_containing(period.end, cycle)  # type: ignore[arg-type]
        yield (
            rules.PERIOD,
            ("period",),
            _("{period} is not a period of this plan, which reports every {cycle}").format(
                period=quote(str(period)), cycle=cycle
            ),
            _("write the period as the cycle does, e.g. {example}").format(example=example),
        )
        return
    first = _first_period(plan)
    if first is not None and period.start < first.start:
        yield (
            rules.PERIOD,
            ("period",),
            _("{period} is before the plan's first reporting period {first}").format(
                period=quote(str(period)), first=first
            ),
            None,
        )


def _reaches(tracking: Tracking, plan: Plan, task: Task, period: Period) -> bool:
    """Whether the task's deadline, with every extension approved, reaches the period."""
    last = effective_last_days(plan, tracking.reviews_of(plan.id)).get(task.id)
    return last is not None and period.start <= last


def _first_period(plan: Plan) -> Period | None:
    assert plan.reporting is not None
    cycle = plan.reporting.cycle
    try:
        if plan.reporting.start is not None:
            return parse_period(plan.reporting.start, cycle)  # type: ignore[arg-type]
    except DeadlineError:
        return None
    start = _day(plan.period[0]) if plan.period else None
    return period_containing(start, cycle) if start else None  # type: ignore[arg-type]


def _place_issues(
    place: str | None, expected: tuple[str, ...], keys: tuple[str, ...]
) -> Iterator[Issue]:
    """Compare a file's path from the root with where its content says it lies."""
    if place is None:
        return
    parts = PurePosixPath(place).with_suffix("").parts
    want = "/".join(expected) + ".yaml"
    if len(parts) != len(expected) or parts[0] != expected[0]:
        yield (
            rules.PATH,
            (),
            _("the file lies at {place}, where its content says {want}").format(
                place=place, want=want
            ),
            _("move it to {want}").format(want=want),
        )
        return
    for written, wanted, key in zip(parts[1:], expected[1:], keys, strict=True):
        if written != wanted:
            yield (
                rules.PATH,
                (key,),
                _("`{key}` is {wanted}, but the path says {written}").format(
                    key=key, wanted=quote(wanted), written=quote(written)
                ),
                _("move the file to {want}, or correct `{key}`").format(want=want, key=key),
            )


# --- reports ------------------------------------------------------------------------------


def _report(
    tracking: Tracking, report: Report, previous: dict[tuple[str, str, Period], Report]
) -> Iterator[Issue]:
    expected = ("reports", report.plan, str(report.period), report.unit)
    yield from _place_issues(tracking.places.get(report.file), expected, ("plan", "period", "unit"))
    units = tracking.units
    if units is not None:
        yield from _unit_issues(units, report.unit, ("unit",))
    plan = _plan_of(tracking, report)
    if not isinstance(plan, Plan):
        yield plan
        return
    named = (task for entry in report.entries if (task := plan.task(entry.task)) is not None)
    yield from _cycle_issues(tracking, plan, report.period, named)
    before = previous.get((report.plan, report.unit, report.period.previous()))
    # The registered unit behind the name (an alias's unit); None when it names none, which
    # `tracking-unknown-unit` says, and then whose task it is cannot be told.
    unit = units.lookup(report.unit).canonical if units is not None else None
    if units is not None and units.lookup(report.unit).kind == "group":
        unit = None
    for entry in report.entries:
        task = plan.task(entry.task)
        if task is None:
            yield _unknown_task(plan, entry.task, (*entry.path, "task"))
            continue
        if unit is not None and units and unit not in _owners(task, units, with_support=True):
            yield (
                rules.NOT_OWNER,
                (*entry.path, "task"),
                _("{unit} neither leads nor supports task {task}").format(
                    unit=unit, task=quote(task.id)
                ),
                None,
            )
        known = {milestone.id for milestone in task.milestones if milestone.id}
        for index, done in enumerate(entry.milestones):
            if done.id not in known:
                yield (
                    rules.MILESTONE,
                    (*entry.path, "milestones", index, "id"),
                    _("task {task} has no milestone {id}").format(
                        task=quote(task.id), id=quote(done.id)
                    ),
                    _("known milestones: {ids}").format(ids=", ".join(sorted(known)))
                    if known
                    else _("give the task's milestones ids in the plan first"),
                )
        last = before.entry(entry.task) if before is not None else None
        if last is not None and before is not None:
            yield from _compared(entry, last, before)


def _compared(entry: ReportEntry, last: ReportEntry, before: Report) -> Iterator[Issue]:
    """The entry against the unit's entry on the task for the period before."""
    path, progress, percent = entry.path, entry.progress, entry.percent
    if progress and last.progress:
        ratio = difflib.SequenceMatcher(None, progress.strip(), last.progress.strip()).ratio()
        if ratio >= REPEAT_RATIO:
            yield (
                rules.REPEATED_TEXT,
                (*path, "progress"),
                _(
                    "the progress repeats {period}'s almost word for word (similarity {ratio:.2f})"
                ).format(period=before.period, ratio=ratio),
                None,
            )
    if percent is not None and last.percent is not None and percent < last.percent:
        yield (
            rules.PERCENT_LOWER,
            (*path, "percent"),
            _("percent {now} is lower than {then} reported for {period}").format(
                now=percent, then=last.percent, period=before.period
            ),
            None,
        )


def _unit_issues(units: UnitRegistry, name: str, path: JsonPath) -> Iterator[Issue]:
    found = units.lookup(name)
    if found.kind == "unit":
        return
    if found.kind == "alias":
        message = _("{name} is an alias of {unit}").format(
            name=quote(name), unit=quote(found.canonical or "")
        )
        yield rules.UNKNOWN_UNIT, path, message, _("use {unit}").format(unit=found.canonical)
    elif found.kind == "group":
        message = _("{name} is a group of units: each member reports for itself").format(
            name=quote(name)
        )
        yield rules.UNKNOWN_UNIT, path, message, None
    else:
        close = units.suggest(name)
        hint = _("did you mean {names}?").format(names=either(close)) if close else None
        yield rules.UNKNOWN_UNIT, path, _("unknown unit {name}").format(name=quote(name)), hint


def _owners(task: Task, units: UnitRegistry, *, with_support: bool) -> set[str]:
    """The registered units a task names (a group's members; an alias's unit)."""
    names = (*task.lead, *task.responsible, *(task.support if with_support else ()))
    return set(units.expand_all(names))


def _unknown_task(plan: Plan, task_id: str, path: JsonPath) -> Issue:
    close = difflib.get_close_matches(task_id, [task.id for task in plan.tasks()], n=3)
    hint = _("did you mean {names}?").format(names=either(close)) if close else None
    message = _("plan {plan} has no task {task}").format(plan=quote(plan.id), task=quote(task_id))
    return rules.UNKNOWN_TASK, path, message, hint


# --- reviews ------------------------------------------------------------------------------


def _review(tracking: Tracking, review: Review) -> Iterator[Issue]:
    expected = ("reviews", review.plan, str(review.period))
    yield from _place_issues(tracking.places.get(review.file), expected, ("plan", "period"))
    plan = _plan_of(tracking, review)
    if not isinstance(plan, Plan):
        yield plan
        return
    yield from _cycle_issues(tracking, plan, review.period, plan.tasks())
    supervisor = plan.reporting.supervisor if plan.reporting else None
    if supervisor and review.reviewer != supervisor:
        yield (
            rules.REVIEWER,
            ("reviewer",),
            _("{reviewer} is not the plan's supervising office {supervisor}").format(
                reviewer=quote(review.reviewer), supervisor=quote(supervisor)
            ),
            None,
        )
    reports = tracking.reports_of(plan.id)
    for decision in review.decisions:
        task = plan.task(decision.task)
        if task is None:
            yield _unknown_task(plan, decision.task, (*decision.path, "task"))
            continue
        if decision.unit is not None and tracking.units is not None:
            yield from _unit_issues(tracking.units, decision.unit, (*decision.path, "unit"))
        if decision.verdict is not None and not any(
            r.unit == decision.unit and r.period == review.period and r.entry(task.id)
            for r in reports
        ):
            yield (
                rules.NO_REPORT,
                (*decision.path, "verdict"),
                _("{unit} did not report on task {task} for {period}").format(
                    unit=decision.unit, task=quote(task.id), period=review.period
                ),
                None,
            )
        if decision.close is not None:
            yield from _close_issues(tracking, review, task, decision.path, decision.note, reports)
        if decision.extend_to is not None:
            yield from _extension_issues(
                tracking, review, plan, task, decision.path, decision.extend_to
            )


def _close_issues(
    tracking: Tracking,
    review: Review,
    task: Task,
    path: JsonPath,
    note: str | None,
    reports: tuple[Report, ...],
) -> Iterator[Issue]:
    units = tracking.units
    leads = _owners(task, units, with_support=False) if units else {*task.lead, *task.responsible}
    if review.reviewer in leads:
        yield (
            rules.SELF_CLOSE,
            (*path, "close"),
            _("{reviewer} leads task {task} and cannot close it itself").format(
                reviewer=review.reviewer, task=quote(task.id)
            ),
            None,
        )
    asked = any(
        (entry := r.entry(task.id)) is not None and entry.request == "close"
        for r in reports
        if r.period.start <= review.period.end
    )
    if not asked and not note:
        yield (
            rules.NO_REPORT,
            (*path, "close"),
            _("task {task} is closed, but no report asks to close it and no note says why").format(
                task=quote(task.id)
            ),
            _("add `note:` with the reason, or close it after a report's `request: close`"),
        )


def _extension_issues(
    tracking: Tracking, review: Review, plan: Plan, task: Task, path: JsonPath, extend_to: str
) -> Iterator[Issue]:
    # The deadline the lights hold the task to (a task without `due` is due by the end
    # of the plan's period), with the extensions approved before this one.
    current, source = task.due, _("its due")
    if current is None and plan.period is not None:
        current, source = plan.period[1], _("the end of the plan's period")
    extensions = []
    for earlier, decision in _decisions_before(tracking, review, path):
        if decision.task == task.id and decision.extend_to is not None:
            extensions.append(decision.extend_to)
            current, source = decision.extend_to, earlier.file
    deadline = effective_deadline(task, plan, extensions)
    current_last = deadline.last_day() if deadline is not None else None
    if current is None or current_last is None:
        message = _("task {task} has no deadline to extend (it is ongoing)").format(
            task=quote(task.id)
        )
        yield rules.NOT_LATER, (*path, "extend_to"), message, _("remove `extend_to`")
        return
    wanted = _last_day(extend_to)
    if wanted is not None and wanted <= current_last:
        yield (
            rules.NOT_LATER,
            (*path, "extend_to"),
            _("extend_to {to} is not later than the current deadline {current} ({source})").format(
                to=quote(extend_to), current=quote(current), source=source
            ),
            None,
        )


def _decisions_before(
    tracking: Tracking, review: Review, path: JsonPath
) -> Iterator[tuple[Review, Decision]]:
    """The plan's decisions made before the one at `path` of `review`, oldest first: those
    of earlier reviews (by period, then date), then those above it in the same file."""
    for earlier in tracking.reviews_of(review.plan):
        if earlier is review:
            yield from ((review, d) for d in review.decisions if d.path < path)
        elif (earlier.period.start, earlier.date) < (review.period.start, review.date):
            yield from ((earlier, decision) for decision in earlier.decisions)


def _last_day(deadline: str | None) -> datetime.date | None:
    if deadline is None:
        return None
    try:
        return parse_deadline(deadline).last_day()
    except DeadlineError:
        return None


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
