"""due-before-notice: no deadline passes before the notice is signed."""

from collections.abc import Iterator

from planctl.chinese import date_cn
from planctl.model import Plan
from planctl.rules.base import (
    BY_STAGE_WARN_IN_DRAFT,
    Context,
    Issue,
    Rule,
    date_or_none,
    deadlines,
    last_day_or_none,
)


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """No deadline ends before the notice's date (成文日期): it would be overdue on issue.

    Passes: notice dated 2012-04-19, `due: 2012-06`. Fails: the same notice, `due: 2012-Q1`.
    """
    signed = date_or_none(plan.notice.date) if plan.notice else None
    if signed is None:
        return
    for path, value in deadlines(plan):
        last = last_day_or_none(value)
        if last is not None and last < signed:
            yield Issue(
                path,
                f"deadline {value} ends on {date_cn(last)}, before the notice "
                f"date {date_cn(signed)}",
                "set a deadline after the notice date",
            )


RULE = Rule(
    id="due-before-notice",
    summary="no deadline ends before the notice date",
    hint="set a deadline after the notice date",
    severity=BY_STAGE_WARN_IN_DRAFT,
    check=check,
)
