"""due-before-notice: no deadline passes before the notice is signed."""

from collections.abc import Iterator

from planctl.chinese import date_cn
from planctl.i18n import N_, _
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
    """Report the deadlines that end before the notice is dated."""
    signed = date_or_none(plan.notice.date) if plan.notice else None
    if signed is None:
        return
    for path, value in deadlines(plan):
        last = last_day_or_none(value)
        if last is not None and last < signed:
            yield Issue(
                path,
                _("deadline {due} ends on {last}, before the notice date {date}").format(
                    due=value, last=date_cn(last), date=date_cn(signed)
                ),
                _("set a deadline after the notice date"),
            )


RULE = Rule(
    id="due-before-notice",
    summary=N_("no deadline ends before the notice date"),
    hint=N_("set a deadline after the notice date"),
    severity=BY_STAGE_WARN_IN_DRAFT,
    check=check,
    details=N_(
        "No deadline ends before the notice's date (成文日期): it would be overdue on issue.\n"
        "\n"
        "Passes: notice dated 2012-04-19, `due: 2012-06`. Fails: the same notice, `due: 2012-Q1`."
    ),
)
