"""missing-lead: every task names a lead unit (strict once a plan leaves draft)."""

from collections.abc import Iterator

from planctl.i18n import N_, _, quote
from planctl.model import Plan
from planctl.rules.base import BY_STAGE_WARN_IN_DRAFT, Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the tasks without a lead unit."""
    for task in plan.tasks():
        if not task.lead:
            message = _("task {task} has no lead unit (牵头单位)").format(task=quote(task.id))
            yield Issue(task.path, message, on_key=True)


RULE = Rule(
    id="missing-lead",
    summary=N_("every task names a lead unit"),
    hint=N_("add `lead: [单位]` to the task"),
    severity=BY_STAGE_WARN_IN_DRAFT,
    check=check,
    details=N_(
        "Every task names at least one lead unit (牵头单位).\n"
        "\n"
        "A warning while the plan is a draft, an error in review and once issued.\n"
        "\n"
        "Passes: `lead: [市发展改革局]`. Fails: a task with no `lead` in an issued plan."
    ),
)
