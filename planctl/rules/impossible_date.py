"""impossible-date: every date and deadline exists in the calendar."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_
from planctl.model import Plan
from planctl.rules.base import (
    Context,
    Issue,
    Rule,
    date_problem,
    dated_values,
    deadline_problem,
    deadlines,
)


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the dates and deadlines that name no real day."""
    for path, value in dated_values(plan):
        if (problem := date_problem(value)) is not None:
            yield Issue(path, problem)
    for path, value in deadlines(plan):
        if (problem := deadline_problem(value)) is not None:
            yield Issue(path, problem)


RULE = Rule(
    id="impossible-date",
    summary=N_("dates and deadlines exist in the calendar"),
    hint=N_("correct the day or month"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "Dates and deadlines name real days: no 2023-02-30, no month 13.\n"
        "\n"
        "Passes: `date: 2024-02-29`. Fails: `date: 2023-02-29`, `due: 2023-04-31`."
    ),
)
