"""duplicate-id: every section and task id is unique within its plan."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _, quote
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the second and later uses of a section or task id."""
    first_seen: dict[str, str] = {}
    items = [(s.id, s.path, "section") for s, _level in plan.walk_sections()]
    items += [(t.id, t.path, "task") for t in plan.tasks()]
    for item_id, path, kind in sorted(items, key=lambda item: item[1]):
        if item_id in first_seen:
            message = _(_MESSAGES[kind, first_seen[item_id]]).format(id=quote(item_id))
            hint = _(_HINTS[kind]).format(new_id=f"{item_id}-2")
            yield Issue((*path, "id"), message, hint)
        else:
            first_seen[item_id] = kind


_MESSAGES = {
    ("section", "section"): N_("section id {id} is already used by a section"),
    ("section", "task"): N_("section id {id} is already used by a task"),
    ("task", "section"): N_("task id {id} is already used by a section"),
    ("task", "task"): N_("task id {id} is already used by a task"),
}
_HINTS = {
    "section": N_("give this section a new id, e.g. {new_id}"),
    "task": N_("give this task a new id, e.g. {new_id}"),
}


RULE = Rule(
    id="duplicate-id",
    summary=N_("section and task ids are unique within a plan"),
    hint=N_("give one of them a new id"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "Section and task ids are unique within a plan.\n"
        "\n"
        "Ids are how diffs recognise a task that moved, so two items may not share one.\n"
        "\n"
        "Passes: tasks `port` and `port-2`. Fails: two tasks both with `id: port`."
    ),
)
