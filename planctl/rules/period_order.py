"""period-order: a plan's period starts before it ends."""

from collections.abc import Iterator

from planctl.chinese import date_cn
from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, date_or_none


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """`period.start` is on or before `period.end`.

    Passes: `period: {start: 2012-01-01, end: 2012-12-31}`.
    Fails: `period: {start: 2012-12-31, end: 2012-01-01}` (every deadline would then be
    outside it, and the period itself is what is wrong).
    """
    if plan.period is None:
        return
    start, end = date_or_none(plan.period[0]), date_or_none(plan.period[1])
    if start is not None and end is not None and start > end:
        yield Issue(
            ("period", "start"),
            _("the period starts on {start}, after it ends on {end}").format(
                start=date_cn(start), end=date_cn(end)
            ),
            _("swap `start` and `end`, or correct the one that is wrong"),
        )


RULE = Rule(
    id="period-order",
    summary=N_("a plan's period starts before it ends"),
    hint=N_("swap `start` and `end`, or correct the one that is wrong"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "`period.start` is on or before `period.end`.\n"
        "\n"
        "Passes: `period: {start: 2012-01-01, end: 2012-12-31}`. "
        "Fails: `period: {start: 2012-12-31, end: 2012-01-01}` (every deadline would then be "
        "outside it, and the period itself is what is wrong)."
    ),
)
