"""printed-before-signed: a notice is printed (印发) on or after the day it is signed."""

from collections.abc import Iterator

from planctl.chinese import date_cn
from planctl.findings import Severity
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, date_or_none


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """The 印发日期 is not before the 成文日期.

    Passes: date 2012-04-19, printed 2012-04-20. Fails: date 2012-04-19, printed 2012-04-18.
    """
    if plan.notice is None:
        return
    signed, printed = date_or_none(plan.notice.date), date_or_none(plan.notice.printed)
    if signed is not None and printed is not None and printed < signed:
        yield Issue(
            ("notice", "printed"),
            f"printed on {date_cn(printed)}, before the notice was signed on {date_cn(signed)}",
            "correct `printed` or `date`",
        )


RULE = Rule(
    id="printed-before-signed",
    summary="a notice is printed on or after its date",
    hint="correct `printed` or `date`",
    severity=Severity.ERROR,
    check=check,
)
