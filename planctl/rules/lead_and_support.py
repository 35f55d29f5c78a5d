"""lead-and-support: a unit has one role in a task (lead, responsible, support or guide)."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.model import ROLES, Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """A unit is lead, responsible, support or guide of a task: one of them.

    Passes: `lead: [市财政局], support: [市审计局]`.
    Fails: `lead: [市财政局], support: [市财政局, 市审计局]`.
    """
    for task in plan.tasks():
        first_role: dict[str, str] = {}
        for role in ROLES:
            for index, name in enumerate(getattr(task, role)):
                if name not in first_role:
                    first_role[name] = role
                    continue
                yield Issue(
                    (*task.path, role, index),
                    f"{name!r} is both {first_role[name]} and {role} of task {task.id!r}",
                    f"remove {name} from `{role}`",
                )


RULE = Rule(
    id="lead-and-support",
    summary="no unit has two roles (lead, responsible, support, guide) in one task",
    hint="keep the unit in one of the lists",
    severity=Severity.ERROR,
    check=check,
)
