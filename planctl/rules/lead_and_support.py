"""lead-and-support: no unit both leads and supports the same task."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """A unit is either lead or support of a task, not both.

    Passes: `lead: [市财政局], support: [市审计局]`.
    Fails: `lead: [市财政局], support: [市财政局, 市审计局]`.
    """
    for task in plan.tasks():
        leads = set(task.lead)
        for index, name in enumerate(task.support):
            if name in leads:
                yield Issue(
                    (*task.path, "support", index),
                    f"{name!r} is both lead and support of task {task.id!r}",
                    f"remove {name} from `support`",
                )


RULE = Rule(
    id="lead-and-support",
    summary="no unit both leads and supports one task",
    hint="keep the unit in one of the two lists",
    severity=Severity.ERROR,
    check=check,
)
