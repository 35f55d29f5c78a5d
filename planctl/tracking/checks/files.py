"""Checks of one report, review or calendar alone, on data its schema accepted.

What a file says about itself: its dates exist and fit its period, each task once, an
extension asked for properly, a reason for a returned report or a changed light, the
calendar's days in their years. A file's result depends on its bytes only, so
`planctl validate` caches it with the file.
"""

from __future__ import annotations

import datetime
from collections.abc import Generator, Iterator, Mapping
from typing import Any

from planctl.deadlines import parse_date
from planctl.errors import DeadlineError
from planctl.findings import Finding, JsonPath
from planctl.i18n import _, quote
from planctl.rules import tracking as rules
from planctl.rules.base import Rule, date_problem, deadline_problem
from planctl.tracking.periods import Period, parse_period
from planctl.yamlio import Document

Issue = tuple[Rule, JsonPath, str, str | None]  # rule, where, message, specific fix
# A check that yields issues and returns the value it read (None when it is unusable).
Day = Generator[Issue, None, datetime.date | None]


def check_tracking_file(kind: str, document: Document) -> list[Finding]:
    """The findings of one trusted report, review or calendar."""
    checks = {
        "report": _report,
        "review": _review,
        "calendar": _calendar,
        "bulletin": _bulletin,
    }.get(kind)
    if checks is None:
        return []
    return [
        document.finding(path, rule.id, rule.severity_for(""), message, hint or _(rule.hint))
        for rule, path, message, hint in checks(document.data)
    ]


def _bulletin(data: Mapping[str, Any]) -> Iterator[Issue]:
    from planctl.supervision.checks import bulletin_file_issues

    yield from bulletin_file_issues(data)


# --- reports ------------------------------------------------------------------------------


def _report(data: Mapping[str, Any]) -> Iterator[Issue]:
    period = _period(data["period"])
    as_of = yield from _date(data["as_of"], ("as_of",))
    if as_of is not None and period is not None and as_of < period.start:
        yield (
            rules.DATE,
            ("as_of",),
            _("as_of {day} is before the period {period} starts ({start})").format(
                day=as_of, period=period, start=period.start
            ),
            _("write the day the progress is reported as of, in or after {period}").format(
                period=period
            ),
        )
    first: dict[str, int] = {}
    for index, entry in enumerate(data.get("tasks") or ()):
        path: JsonPath = ("tasks", index)
        task = str(entry["task"])
        if task in first:
            yield (
                rules.DUPLICATE_TASK,
                (*path, "task"),
                _("task {task} is reported twice (also entry {number})").format(
                    task=quote(task), number=first[task] + 1
                ),
                None,
            )
        first.setdefault(task, index)
        yield from _milestone_dates(entry, path, as_of)
        yield from _extension(entry, path)


def _milestone_dates(
    entry: Mapping[str, Any], path: JsonPath, as_of: datetime.date | None
) -> Iterator[Issue]:
    for index, milestone in enumerate(entry.get("milestones") or ()):
        where = (*path, "milestones", index, "done")
        done = yield from _date(milestone["done"], where)
        if done is not None and as_of is not None and done > as_of:
            yield (
                rules.DATE,
                where,
                _("milestone {id} is done on {day}, after as_of {as_of}").format(
                    id=quote(str(milestone["id"])), day=done, as_of=as_of
                ),
                _("a report tells what was done by its as_of date"),
            )


def _extension(entry: Mapping[str, Any], path: JsonPath) -> Iterator[Issue]:
    if "extend_to" in entry and deadline_problem(entry["extend_to"]) is not None:
        yield rules.DATE, (*path, "extend_to"), str(deadline_problem(entry["extend_to"])), None
    if entry.get("request") == "extend":
        for key in ("extend_to", "reason"):
            if key not in entry:
                yield (
                    rules.EXTEND,
                    (*path, "request"),
                    _("request: extend without `{key}`").format(key=key),
                    _("add `{key}:` to the entry").format(key=key),
                )
        return
    for key in ("extend_to", "reason"):
        if key in entry:
            yield (
                rules.EXTEND,
                (*path, key),
                _("`{key}` belongs to a request for an extension").format(key=key),
                _("add `request: extend`, or remove `{key}`").format(key=key),
            )


# --- reviews ------------------------------------------------------------------------------


def _review(data: Mapping[str, Any]) -> Iterator[Issue]:
    period = _period(data["period"])
    day = yield from _date(data["date"], ("date",))
    if day is not None and period is not None and day < period.start:
        yield (
            rules.DATE,
            ("date",),
            _("the review is dated {day}, before the period {period} starts ({start})").format(
                day=day, period=period, start=period.start
            ),
            None,
        )
    for index, decision in enumerate(data.get("decisions") or ()):
        path: JsonPath = ("decisions", index)
        if "close" in decision:
            yield from _date(decision["close"], (*path, "close"))
        if "extend_to" in decision and deadline_problem(decision["extend_to"]) is not None:
            message = str(deadline_problem(decision["extend_to"]))
            yield rules.DATE, (*path, "extend_to"), message, None
        if "note" in decision:
            continue
        if decision.get("verdict") == "returned":
            yield (
                rules.NOTE,
                (*path, "verdict"),
                _("a report returned without a note saying why"),
                _("add `note:` saying what the unit must correct"),
            )
        if "light" in decision:
            yield (
                rules.NOTE,
                (*path, "light"),
                _("the light is set to {light} without a note saying why").format(
                    light=decision["light"]
                ),
                _("add `note:` with the reason (现场核查与报告不符, say)"),
            )


# --- the calendar -------------------------------------------------------------------------


def _calendar(data: Mapping[str, Any]) -> Iterator[Issue]:
    seen: dict[int, int] = {}
    for index, entry in enumerate(data.get("years") or ()):
        path: JsonPath = ("years", index)
        year = int(entry["year"])
        if year in seen:
            yield (
                rules.CALENDAR_YEAR,
                (*path, "year"),
                _("{year} is already in the calendar (entry {number})").format(
                    year=year, number=seen[year] + 1
                ),
                None,
            )
        seen.setdefault(year, index)
        rest = yield from _rest_days(entry.get("rest") or (), (*path, "rest"), year)
        for number, value in enumerate(entry.get("work") or ()):
            where = (*path, "work", number)
            day = yield from _day_of_year(value, where, year)
            if day is not None and day in rest:
                yield (
                    rules.CALENDAR_CONFLICT,
                    where,
                    _("{day} is both a rest day and a workday").format(day=day),
                    None,
                )


def _rest_days(items: Any, path: JsonPath, year: int) -> Generator[Issue, None, set[datetime.date]]:
    """Yield the issues of the rest days; return the days."""
    days: set[datetime.date] = set()
    for index, item in enumerate(items):
        if isinstance(item, str):
            day = yield from _day_of_year(item, (*path, index), year)
            days.update([day] if day is not None else [])
            continue
        first = yield from _day_of_year(item["from"], (*path, index, "from"), year)
        last = yield from _day_of_year(item["to"], (*path, index, "to"), year)
        if first is None or last is None:
            continue
        if last < first:
            yield (
                rules.CALENDAR_DATE,
                (*path, index, "to"),
                _("the range ends on {last}, before it starts on {first}").format(
                    last=last, first=first
                ),
                None,
            )
        days.update(first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
    return days


def _day_of_year(value: Any, path: JsonPath, year: int) -> Day:
    problem = date_problem(str(value))
    if problem is not None:
        yield rules.CALENDAR_DATE, path, problem, None
        return None
    day = parse_date(str(value))
    if day.year != year:
        yield (
            rules.CALENDAR_DATE,
            path,
            _("{day} is not in {year}").format(day=day, year=year),
            _("move it to the entry of {year}").format(year=day.year),
        )
        return None
    return day


# --- shared -------------------------------------------------------------------------------


def _date(value: Any, path: JsonPath) -> Day:
    """Yield the issue of an impossible date; return the date, or None."""
    problem = date_problem(str(value))
    if problem is not None:
        yield rules.DATE, path, problem, None
        return None
    return parse_date(str(value))


def _period(value: Any) -> Period | None:
    try:
        return parse_period(value)
    except DeadlineError:
        return None  # the schema's pattern lets no such value through
