"""section-before: a section placed `before` a task names a task beside it."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan, Section, Task
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """A section's `before` names a task of the same level (the plan's top-level tasks,
    or the tasks of the section that holds it).

    Without one the section stands after every task of its level, which is not where
    its author put it.

    Passes: `before: "3.2"` where 3.2 is a task beside the section. Fails: `before: "9.9"`.
    """
    yield from _misplaced(plan.top_tasks, plan.sections)
    for section, _depth in plan.walk_sections():
        yield from _misplaced(section.tasks, section.sections)


def _misplaced(tasks: tuple[Task, ...], sections: tuple[Section, ...]) -> Iterator[Issue]:
    ids = {task.id for task in tasks}
    for section in sections:
        if section.before is not None and section.before not in ids:
            yield Issue(
                (*section.path, "before"),
                _("section {section} is placed before task {task}, which is not beside it").format(
                    section=section.id, task=section.before
                ),
                _("name a task of the same level, or remove `before`")
                if ids
                else _("this level has no tasks: remove `before`"),
            )


RULE = Rule(
    id="section-before",
    summary=N_("a section placed before a task names a task beside it"),
    hint=N_("name a task of the same level, or remove `before`"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "A section's `before` names a task of the same level (the plan's top-level tasks, "
        "or the tasks of the section that holds it).\n"
        "\n"
        'Passes: `before: "3.2"` where 3.2 is a task beside the section. '
        'Fails: `before: "9.9"`.'
    ),
)
