"""due-outside-period: deadlines fall within the plan's period."""

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
    """Report the deadlines outside the plan's period."""
    if plan.period is None:
        return
    start, end = date_or_none(plan.period[0]), date_or_none(plan.period[1])
    if start is None or end is None:
        return
    for path, value in deadlines(plan):
        last = last_day_or_none(value)
        if last is not None and not start <= last <= end:
            yield Issue(
                path,
                _("deadline {due} ends on {last}, outside the plan's period {start}–{end}").format(
                    due=value, last=date_cn(last), start=date_cn(start), end=date_cn(end)
                ),
                _("move the deadline into the period, or widen `period`"),
            )


RULE = Rule(
    id="due-outside-period",
    summary=N_("deadlines fall within the plan's period"),
    hint=N_("move the deadline into the period, or widen `period`"),
    severity=BY_STAGE_WARN_IN_DRAFT,
    check=check,
    details=N_(
        "Every deadline's last day lies within `period` (a warning in drafts).\n"
        "\n"
        "Passes: `due: 2012-06` in a plan for 2012. Fails: `due: 2013-06` in the same plan."
    ),
)
