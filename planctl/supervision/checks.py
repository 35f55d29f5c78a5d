"""What `planctl validate` checks in a bulletin file (`bulletins/<plan-id>/<period>.yaml`)
beyond its schema: that it names a plan with a reporting block, that its period is one of
that plan's cycle, that it lies where its content says, and that its date exists and is
not before the period starts. The rules are those of reports and reviews."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from planctl.errors import DeadlineError
from planctl.findings import Finding, JsonPath, Severity
from planctl.i18n import _, either, quote
from planctl.model import Plan
from planctl.rules import tracking as rules
from planctl.rules.base import Rule, date_problem
from planctl.tracking.periods import parse_period

Issue = tuple[Rule, JsonPath, str, str | None]


def bulletin_file_issues(data: Any) -> Iterator[Issue]:
    """The bulletin alone: its date exists and is not before its period starts; its 文号,
    when it has one, reads 代字〔年份〕序号号 with the year it is dated (as a notice's)."""
    problem = date_problem(str(data["date"]))
    if problem is not None:
        yield rules.DATE, ("date",), problem, None
        return
    from planctl.deadlines import parse_date

    day = parse_date(str(data["date"]))
    if data.get("doc_number"):
        yield from _doc_number_issues(str(data["doc_number"]), day)
    try:
        period = parse_period(data["period"])
    except DeadlineError:
        return
    if day < period.start:
        yield (
            rules.DATE,
            ("date",),
            _("the bulletin is dated {day}, before the period {period} starts ({start})").format(
                day=day, period=period, start=period.start
            ),
            None,
        )


def _doc_number_issues(written: str, day: datetime.date) -> Iterator[Issue]:
    from planctl.docnumber import DocNumberError, parse_doc_number
    from planctl.rules import doc_number_format, doc_number_year

    try:
        number = parse_doc_number(written)
    except DocNumberError as error:
        hint = _("write {number}").format(number=error.suggestion) if error.suggestion else None
        yield doc_number_format.RULE, ("doc_number",), str(error), hint
        return
    if number.year != day.year:
        fixed = f"{number.prefix}〔{day.year}〕{number.serial}号"
        yield (
            doc_number_year.RULE,
            ("doc_number",),
            _("the 文号's year {number_year} differs from the year the bulletin is dated, "
              "{date_year}").format(number_year=number.year, date_year=day.year),
            _("write {number}, or correct the date").format(number=fixed),
        )  # fmt: skip


def check_bulletins(root: Path, files: Sequence[Path], plans: Sequence[Plan]) -> list[Finding]:
    """The bulletin files among `files` against the plans of the repository."""
    by_id = {plan.id: plan for plan in plans}
    return [
        finding
        for path in files
        for finding in _findings(root, path, lambda data, place: _against_plans(data, by_id, place))
    ]


def bulletin_errors(root: Path, path: Path, plans: Sequence[Plan]) -> list[Finding]:
    """Every error `planctl validate` finds in one bulletin file, alone and against the
    plans: what `render --as bulletin` refuses it for."""
    by_id = {plan.id: plan for plan in plans}

    def issues(data: Any, place: str | None) -> Iterator[Issue]:
        yield from bulletin_file_issues(data)
        yield from _against_plans(data, by_id, place)

    return [f for f in _findings(root, path, issues) if f.severity is Severity.ERROR]


def _findings(
    root: Path, path: Path, issues: Callable[[Any, str | None], Iterable[Issue]]
) -> list[Finding]:
    from planctl.plans import kind_at, open_file
    from planctl.repository import display_path

    if kind_at(path.absolute()) != "bulletin":
        return []
    opened = open_file(path, display_path(path))
    if not opened.trusted or opened.kind != "bulletin":
        return []
    document = opened.document
    try:
        place = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        place = None
    return [
        document.finding(where, rule.id, rule.severity_for(""), message, hint or _(rule.hint))
        for rule, where, message, hint in issues(document.data, place)
    ]


def _against_plans(data: Any, plans: dict[str, Plan], place: str | None) -> Iterator[Issue]:
    from planctl.tracking.checks.repository import period_issues  # the rules of reports

    plan_id = str(data["plan"])
    plan = plans.get(plan_id)
    if plan is None:
        close = difflib.get_close_matches(plan_id, list(plans), n=3)
        hint = _("did you mean {names}?").format(names=either(close)) if close else None
        yield (
            rules.UNKNOWN_PLAN,
            ("plan",),
            _("no plan has the id {id}").format(id=quote(plan_id)),
            hint,
        )
        return
    if plan.reporting is None:
        message = _("plan {id} has no reporting: block, so it takes no bulletins")
        yield rules.NO_REPORTING, ("plan",), message.format(id=quote(plan.id)), None
        return
    try:
        period = parse_period(data["period"])
    except DeadlineError:
        return
    yield from period_issues(plan, period)
    want = f"bulletins/{plan_id}/{period}.yaml"
    if place is not None and PurePosixPath(place).as_posix() != want:
        yield (
            rules.PATH,
            (),
            _("the file lies at {place}, where its content says {want}").format(
                place=place, want=want
            ),
            _("move it to {want}").format(want=want),
        )
