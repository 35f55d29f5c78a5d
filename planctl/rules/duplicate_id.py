"""duplicate-id: every section and task id is unique within its plan."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Section and task ids are unique within a plan.

    Ids are how diffs recognise a task that moved, so two items may not share one.

    Passes: tasks `port` and `port-2`. Fails: two tasks both with `id: port`.
    """
    first_seen: dict[str, str] = {}
    items = [(s.id, s.path, "section") for s, _ in plan.walk_sections()]
    items += [(t.id, t.path, "task") for t in plan.tasks()]
    for item_id, path, kind in sorted(items, key=lambda item: item[1]):
        if item_id in first_seen:
            yield Issue(
                (*path, "id"),
                f"{kind} id {item_id!r} is already used by a {first_seen[item_id]}",
                f"give this {kind} a new id, e.g. {item_id}-2",
            )
        else:
            first_seen[item_id] = kind


RULE = Rule(
    id="duplicate-id",
    summary="section and task ids are unique within a plan",
    hint="give one of them a new id",
    severity=Severity.ERROR,
    check=check,
)
