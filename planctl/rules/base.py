"""What a rule is: an id, a severity (fixed or by stage), a fix hint and a check function.

A rule's check receives the typed plan and a context and yields `Issue`s: a JSON path
into the plan and a message. The engine turns them into located findings.
"""

from __future__ import annotations

import datetime
import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from planctl.deadlines import DeadlineError, parse_date, parse_deadline
from planctl.findings import JsonPath, Severity
from planctl.model import ROLES, Plan
from planctl.units import UnitRegistry


@dataclass(frozen=True, slots=True)
class Issue:
    path: JsonPath
    message: str
    hint: str | None = None  # overrides the rule's hint when the fix is specific
    on_key: bool = False  # point at the key rather than its value


@dataclass(frozen=True)
class Context:
    units: UnitRegistry | None = None
    file_stem: str | None = None


Check = Callable[[Plan, Context], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    hint: str
    severity: Severity | Mapping[str, Severity]
    check: Check | None = None  # None for checks the loader or the schema make
    source: str = "rule"  # rule | loader | schema | repository

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or self.summary) if self.check else self.summary

    def severity_for(self, stage: str) -> Severity:
        if isinstance(self.severity, Severity):
            return self.severity
        return self.severity.get(stage, Severity.ERROR)

    def severity_text(self) -> str:
        if isinstance(self.severity, Severity):
            return str(self.severity)
        by_severity: dict[Severity, list[str]] = {}
        for stage, severity in self.severity.items():
            by_severity.setdefault(severity, []).append(stage)
        return ", ".join(
            f"{severity} ({', '.join(stages)})" for severity, stages in by_severity.items()
        )


BY_STAGE_WARN_IN_DRAFT: Mapping[str, Severity] = {
    "draft": Severity.WARNING,
    "review": Severity.ERROR,
    "issued": Severity.ERROR,
}


# --- walks shared by several rules -----------------------------------------------------


def _walked_once(walk: Callable[[Plan], Iterable[Walked]]) -> Callable[[Plan], Iterable[Walked]]:
    """Keep the latest plan's walk: several rules ask for it, one after the other."""
    latest: list[tuple[Plan, tuple[Walked, ...]]] = []

    def walked(plan: Plan) -> Iterable[Walked]:
        if not latest or latest[0][0] is not plan:
            latest[:] = [(plan, tuple(walk(plan)))]
        return latest[0][1]

    walked.__doc__ = walk.__doc__
    return walked


Walked = tuple[JsonPath, str]


@_walked_once
def unit_uses(plan: Plan) -> Iterable[tuple[JsonPath, str]]:
    """Every unit name in a `lead`, `responsible`, `support` or `guide` list, with its path."""
    for task in plan.tasks():
        for role in ROLES:
            for index, name in enumerate(getattr(task, role)):
                yield (*task.path, role, index), name


@_walked_once
def dated_values(plan: Plan) -> Iterable[tuple[JsonPath, str]]:
    """Every calendar date the plan states (period, notice, progress), with its path."""
    if plan.period:
        yield ("period", "start"), plan.period[0]
        yield ("period", "end"), plan.period[1]
    if plan.notice:
        yield ("notice", "date"), plan.notice.date
        if plan.notice.printed:
            yield ("notice", "printed"), plan.notice.printed
    for task in plan.tasks():
        for index, entry in enumerate(task.progress):
            yield (*task.path, "progress", index, "date"), entry.date


@_walked_once
def deadlines(plan: Plan) -> Iterable[tuple[JsonPath, str]]:
    """Every `due` of a task or milestone, with its path."""
    for task in plan.tasks():
        if task.due is not None:
            yield (*task.path, "due"), task.due
        for index, milestone in enumerate(task.milestones):
            yield (*task.path, "milestones", index, "due"), milestone.due


@functools.lru_cache(maxsize=4096)  # plans repeat the same few dates many times
def date_or_none(value: str | None) -> datetime.date | None:
    """The date, or None when absent or impossible (`impossible-date` reports those)."""
    if value is None:
        return None
    try:
        return parse_date(value)
    except DeadlineError:
        return None


@functools.lru_cache(maxsize=4096)
def last_day_or_none(value: str | None) -> datetime.date | None:
    """A deadline's last day; None for `ongoing`, absent or impossible deadlines."""
    if value is None:
        return None
    try:
        return parse_deadline(value).last_day()
    except DeadlineError:
        return None


@functools.lru_cache(maxsize=4096)
def date_problem(value: str) -> str | None:
    """Why `value` is not a real date (YYYY-MM-DD), or None when it is one."""
    try:
        parse_date(value)
    except DeadlineError as error:
        return str(error)
    return None


@functools.lru_cache(maxsize=4096)
def deadline_problem(value: str) -> str | None:
    """Why `value` is not a real deadline, or None when it is one."""
    try:
        parse_deadline(value)
    except DeadlineError as error:
        return str(error)
    return None
