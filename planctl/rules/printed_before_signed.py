"""printed-before-signed: a notice is printed (印发) on or after the day it is signed."""

from collections.abc import Iterator

from planctl.chinese import date_cn
from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, date_or_none


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report a notice printed before the day it is dated."""
    if plan.notice is None:
        return
    signed, printed = date_or_none(plan.notice.date), date_or_none(plan.notice.printed)
    if signed is not None and printed is not None and printed < signed:
        yield Issue(
            ("notice", "printed"),
            _("printed on {printed}, before the notice was signed on {date}").format(
                printed=date_cn(printed), date=date_cn(signed)
            ),
            _("correct `printed` or `date`"),
        )


RULE = Rule(
    id="printed-before-signed",
    summary=N_("a notice is printed on or after its date"),
    hint=N_("correct `printed` or `date`"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "The 印发日期 is not before the 成文日期.\n"
        "\n"
        "Passes: date 2012-04-19, printed 2012-04-20. Fails: date 2012-04-19, printed 2012-04-18."
    ),
)
