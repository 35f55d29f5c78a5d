"""Laws of the semantic diff, checked on generated plans."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.diff import Change, ChangeKind, diff_plans
from planctl.diff.marks import new_side, old_side, text_segments
from planctl.model import Plan, plan_from_data

K = ChangeKind
SECTION_IDS = ["s1", "s2", "s3", "s4"]
TASK_IDS = ["t1", "t2", "t3", "t4", "t5", "t6"]
UNITS = ["市发展改革局", "市财政局", "市教育局", "市商务局"]
DEADLINES = ["2023-06", "2023-Q3", "2023-H1", "2023", "2023-12-31", "ongoing"]
TEXT = st.text(alphabet="推进建设工业园区，。新增企业家50", max_size=12)
# Laws, not timings: a slow example on a busy machine is not a failure.
lawful = settings(deadline=None)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Small plans whose sections and tasks share ids with other draws, so diffs overlap."""
    section_ids = draw(st.lists(st.sampled_from(SECTION_IDS), min_size=1, unique=True))
    sections: list[dict[str, Any]] = [
        {"id": section_id, "title": draw(TEXT) or "章节", "tasks": []} for section_id in section_ids
    ]
    for task_id in draw(st.lists(st.sampled_from(TASK_IDS), unique=True)):
        home = draw(st.sampled_from(sections))
        home["tasks"].append(draw(tasks(task_id)))
    data = {"id": "p", "title": draw(TEXT) or "计划", "stage": "draft", "sections": sections}
    return plan_from_data(data)


@st.composite
def tasks(draw: st.DrawFn, task_id: str) -> dict[str, Any]:
    task: dict[str, Any] = {"id": task_id, "text": draw(TEXT)}
    task["lead"] = draw(st.lists(st.sampled_from(UNITS), unique=True, max_size=2))
    if draw(st.booleans()):
        task["due"] = draw(st.sampled_from(DEADLINES))
    if draw(st.booleans()):
        task["status"] = draw(st.sampled_from(["in_progress", "done", "delayed"]))
    return task


def opposite(
    change: Change, renamed: dict[str | None, Any]
) -> tuple[str, str | None, str | None, Any, Any]:
    """What the change looks like from the other side: added ↔ removed, old ↔ new; a
    renamed task goes by its old id there."""
    flipped = {"added": "removed", "removed": "added"}.get(change.kind.action)
    kind = f"{change.kind.subject}-{flipped}" if flipped else str(change.kind)
    who = change.task if change.kind.subject == "task" else change.section
    if change.kind.subject == "task":
        who = renamed.get(who, who)
    return (kind, who, change.field, change.new, change.old)


def renames(changes: tuple[Change, ...]) -> dict[str | None, Any]:
    """New id → old id of the tasks the diff found renamed."""
    return {c.task: c.old for c in changes if c.kind is K.TASK_CHANGED and c.field == "id"}


def seen(change: Change) -> tuple[str, str | None, str | None, Any, Any]:
    who = change.task if change.kind.subject == "task" else change.section
    return (str(change.kind), who, change.field, change.old, change.new)


@lawful
@given(plans())
def test_a_plan_diffed_with_itself_is_empty(plan: Plan) -> None:
    assert diff_plans(plan, plan) == ()


@lawful
@given(plans(), plans())
def test_swapping_the_sides_swaps_added_and_removed(old: Plan, new: Plan) -> None:
    changes = diff_plans(old, new)
    renamed = renames(changes)
    forward = {opposite(change, renamed) for change in changes if not _is_move(change)}
    backward = {seen(change) for change in diff_plans(new, old) if not _is_move(change)}
    assert forward == backward


@lawful
@given(plans(), plans())
def test_every_task_is_accounted_for(old: Plan, new: Plan) -> None:
    """Added (or renamed to) tasks are exactly those only in the new plan, removed (or
    renamed from) those only in the old."""
    changes = diff_plans(old, new)
    renamed = renames(changes)
    added = {change.task for change in changes if change.kind is K.TASK_ADDED}
    removed = {change.task for change in changes if change.kind is K.TASK_REMOVED}
    old_ids, new_ids = {t.id for t in old.tasks()}, {t.id for t in new.tasks()}
    assert not added & set(renamed) and not removed & set(renamed.values())
    assert (added | set(renamed), removed | set(renamed.values())) == (
        new_ids - old_ids,
        old_ids - new_ids,
    )


@lawful
@given(TEXT, TEXT)
def test_text_marks_rebuild_both_texts(old: str, new: str) -> None:
    segments = text_segments(old, new)
    assert "".join(text for text, _ in old_side(segments)) == old
    assert "".join(text for text, _ in new_side(segments)) == new


def _is_move(change: Change) -> bool:
    return change.kind in (K.TASK_MOVED, K.SECTION_MOVED)


@lawful
@given(plans(), plans())
def test_a_task_that_changed_section_is_moved_both_ways(old: Plan, new: Plan) -> None:
    def crossed(changes: tuple[Change, ...]) -> set[frozenset[str | None]]:
        # A task renamed as it moved is named by its id on the newer side: each move is
        # the pair of its ids, the same whichever way the plans are compared.
        renamed: dict[str | None, str | None] = dict(renames(changes))
        return {
            frozenset((change.task, renamed.get(change.task, change.task)))
            for change in changes
            if change.kind is K.TASK_MOVED
            and isinstance(change.old, dict)
            and isinstance(change.new, dict)
            and change.old["section"] != change.new["section"]
        }

    assert crossed(diff_plans(old, new)) == crossed(diff_plans(new, old))
