"""impossible-date: every date and deadline exists in the calendar."""

from collections.abc import Iterator

from planctl.deadlines import DeadlineError, parse_date, parse_deadline
from planctl.findings import Severity
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, dated_values, deadlines


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Dates and deadlines name real days: no 2023-02-30, no month 13.

    Passes: `date: 2024-02-29`. Fails: `date: 2023-02-29`, `due: 2023-04-31`.
    """
    for path, value in dated_values(plan):
        try:
            parse_date(value)
        except DeadlineError as error:
            yield Issue(path, str(error))
    for path, value in deadlines(plan):
        try:
            parse_deadline(value)
        except DeadlineError as error:
            yield Issue(path, str(error))


RULE = Rule(
    id="impossible-date",
    summary="dates and deadlines exist in the calendar",
    hint="correct the day or month",
    severity=Severity.ERROR,
    check=check,
)
