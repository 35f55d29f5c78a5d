"""lead-and-support: no unit both leads and supports the same task."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _, quote
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the units named both as lead and as support of one task."""
    for task in plan.tasks():
        leads = set(task.lead)
        for index, name in enumerate(task.support):
            if name in leads:
                yield Issue(
                    (*task.path, "support", index),
                    _("{name} is both lead and support of task {task}").format(
                        name=quote(name), task=quote(task.id)
                    ),
                    _("remove {name} from `support`").format(name=name),
                )


RULE = Rule(
    id="lead-and-support",
    summary=N_("no unit both leads and supports one task"),
    hint=N_("keep the unit in one of the two lists"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "A unit is either lead or support of a task, not both.\n"
        "\n"
        "Passes: `lead: [市财政局], support: [市审计局]`.\n"
        "Fails: `lead: [市财政局], support: [市财政局, 市审计局]`."
    ),
)
