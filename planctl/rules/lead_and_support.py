"""lead-and-support: no unit has two roles (lead, responsible, support, guide) in one task."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _, quote
from planctl.model import ROLES, Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the units named in two roles of one task."""
    for task in plan.tasks():
        first_role: dict[str, str] = {}
        for role in ROLES:
            for index, name in enumerate(getattr(task, role)):
                if name not in first_role:
                    first_role[name] = role
                    continue
                yield Issue(
                    (*task.path, role, index),
                    _("{name} is both {first} and {role} of task {task}").format(
                        name=quote(name), first=first_role[name], role=role, task=quote(task.id)
                    ),
                    _("remove {name} from `{role}`").format(name=name, role=role),
                )


RULE = Rule(
    id="lead-and-support",
    summary=N_("no unit has two roles (lead, responsible, support, guide) in one task"),
    hint=N_("keep the unit in one of the lists"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "A unit is lead, responsible, support or guide of a task: one of them.\n"
        "\n"
        "Passes: `lead: [市财政局], support: [市审计局]`.\n"
        "Fails: `lead: [市财政局], support: [市财政局, 市审计局]`."
    ),
)
