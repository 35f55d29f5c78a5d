"""milestone-after-due: a task's milestones come no later than its deadline."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, last_day_or_none


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the milestones due after their task."""
    for task in plan.tasks():
        task_last = last_day_or_none(task.due)
        if task_last is None:
            continue
        for index, milestone in enumerate(task.milestones):
            last = last_day_or_none(milestone.due)
            if last is not None and last > task_last:
                yield Issue(
                    (*task.path, "milestones", index, "due"),
                    _("milestone due {due} is after the task's deadline {task_due}").format(
                        due=milestone.due, task_due=task.due
                    ),
                    _("bring the milestone forward or move the deadline"),
                )


RULE = Rule(
    id="milestone-after-due",
    summary=N_("milestones are due no later than their task"),
    hint=N_("bring the milestone forward or move the task's deadline"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "A milestone (节点任务) is due no later than its task.\n"
        "\n"
        "Passes: task `due: 2012-12`, milestone `due: 2012-06`.\n"
        "Fails: task `due: 2012-06`, milestone `due: 2012-09`."
    ),
)
