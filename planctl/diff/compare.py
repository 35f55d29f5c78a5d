"""The semantic diff: a pure function of two plans, matching sections and tasks by id.

Changes come out in reading order: the plan header and notice first, then each section
of the new plan with its tasks (added, moved, changed, and those removed from it), then
the sections that are gone. A task that changed section, or changed place among the
tasks that stayed with it, is a move, not a removal and an addition.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from planctl.diff.changes import Change, ChangeKind, PlanDiff, Value
from planctl.diff.fields import (
    FieldChange,
    notice_changes,
    plan_header_changes,
    task_changes,
    text_change,
    value_change,
)
from planctl.model import Plan, Section, Task

K = ChangeKind


def diff_plans(old: Plan | None, new: Plan | None) -> tuple[Change, ...]:
    """Every change from `old` to `new`; None on one side means the plan was added or removed."""
    if old is None and new is None:
        return ()
    if old is None or new is None:
        return (_whole_plan(old, new),)
    return tuple(_PlanComparison(distinct_ids(old), distinct_ids(new)).changes())


def distinct_ids(plan: Plan) -> Plan:
    """The plan with a second section or task of one id named `id#2` (a third `id#3`...).

    Sections and tasks are matched by id; validate reports a duplicate id, and until it is
    fixed the diff still shows every change, to the second one too, rather than drop it.
    """
    seen: set[tuple[str, str]] = set()
    duplicated = False
    for section, _depth in plan.walk_sections():
        for kind, item_id in [("section", section.id), *(("task", t.id) for t in section.tasks)]:
            duplicated = duplicated or (kind, item_id) in seen
            seen.add((kind, item_id))
    if not duplicated:
        return plan
    taken: set[tuple[str, str]] = set()
    return replace(plan, sections=tuple(_renamed(s, taken) for s in plan.sections))


def _renamed(section: Section, taken: set[tuple[str, str]]) -> Section:
    tasks = tuple(replace(task, id=_free("task", task.id, taken)) for task in section.tasks)
    section_id = _free("section", section.id, taken)
    sections = tuple(_renamed(child, taken) for child in section.sections)
    return replace(section, id=section_id, tasks=tasks, sections=sections)


def _free(kind: str, item_id: str, taken: set[tuple[str, str]]) -> str:
    name, number = item_id, 1
    while (kind, name) in taken:
        number += 1
        name = f"{item_id}#{number}"
    taken.add((kind, name))
    return name


def task_changes_between(old: Plan | None, new: Plan | None, task_id: str) -> tuple[Change, ...]:
    """The changes to one task between two versions of its plan (for its history).

    A plan added with the task in it adds the task; a plan removed removes it.
    """
    old = distinct_ids(old) if old is not None else None
    new = distinct_ids(new) if new is not None else None
    before = old.task(task_id) if old is not None else None
    after = new.task(task_id) if new is not None else None
    if before is None and after is None:
        return ()
    if before is None and after is not None and old is not None and new is not None:
        comparison = _PlanComparison(old, new)
        if task_id in comparison.renamed_from:  # not added: renamed, with its other changes
            return tuple(comparison.one_task(task_id))
    if old is None or new is None or before is None or after is None:
        plan = new if after is not None else old  # the version that holds the task
        assert plan is not None
        return (_task_appears(plan, before, after, task_id),)
    return tuple(_PlanComparison(old, new).one_task(task_id))


def _task_appears(plan: Plan, before: Task | None, after: Task | None, task_id: str) -> Change:
    outline = _Outline.of(plan)
    section = outline.home.get(task_id)
    if after is not None:
        return Change(plan.id, K.TASK_ADDED, section, task_id, new=after.heading)
    assert before is not None
    return Change(plan.id, K.TASK_REMOVED, section, task_id, old=before.heading)


def plan_diff(
    old: Plan | None,
    new: Plan | None,
    *,
    old_file: str | None = None,
    new_file: str | None = None,
) -> PlanDiff:
    """`diff_plans` with the plan's names and the labels of its sections and tasks."""
    shown = new if new is not None else old
    if shown is None:
        raise ValueError("plan_diff needs a plan on at least one side")
    sections: dict[str, str] = {}
    tasks: dict[str, str] = {}
    for plan in (old, new):
        if plan is not None:
            sections.update(section_labels(plan))
            tasks.update((task.id, task.heading) for task in plan.tasks())
    return PlanDiff(
        shown.id, shown.title, old_file, new_file, diff_plans(old, new), sections, tasks
    )


def section_labels(plan: Plan) -> dict[str, str]:
    """Each section's title with the titles above it: 重点工作任务 › 推进经济结构…"""
    labels: dict[str, str] = {}
    chain: list[str] = []
    for section, depth in plan.walk_sections():
        del chain[depth - 1 :]
        chain.append(section.title)
        labels.setdefault(section.id, " › ".join(chain))
    return labels


def _whole_plan(old: Plan | None, new: Plan | None) -> Change:
    plan = new if new is not None else old
    assert plan is not None
    summary: dict[str, Value] = {
        "title": plan.title,
        "sections": sum(1 for _ in plan.walk_sections()),
        "tasks": sum(1 for _ in plan.tasks()),
    }
    if new is None:
        return Change(plan.id, K.PLAN_REMOVED, old=summary)
    return Change(plan.id, K.PLAN_ADDED, new=summary)


@dataclass
class _Outline:
    """Where each section and task sits in one version of a plan."""

    sections: dict[str, Section] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    children: dict[str | None, list[str]] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    home: dict[str, str | None] = field(default_factory=dict)  # None: the plan's top level
    held: dict[str | None, list[str]] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> _Outline:
        outline = cls()
        outline.add_tasks(plan.top_tasks, None)
        outline.add_sections(plan.sections, None)
        return outline

    def add_sections(self, sections: Sequence[Section], parent: str | None) -> None:
        for section in sections:
            if section.id in self.sections:
                continue  # a duplicate id (validate reports it): the first one counts
            self.sections[section.id] = section
            self.parent[section.id] = parent
            self.children.setdefault(parent, []).append(section.id)
            self.add_tasks(section.tasks, section.id)
            self.add_sections(section.sections, section.id)

    def add_tasks(self, tasks: Sequence[Task], section_id: str | None) -> None:
        ids = self.held[section_id] = []
        for task in tasks:
            if task.id not in self.tasks:
                self.tasks[task.id] = task
                self.home[task.id] = section_id
                self.places[task.id] = len(ids) + 1
                ids.append(task.id)

    def task_ids(self, section_id: str | None) -> list[str]:
        """The tasks of a section, in order (a duplicate id counts where it first appears)."""
        return self.held.get(section_id, [])

    def position(self, task_id: str) -> int:
        return self.places[task_id]

    def section_position(self, section_id: str) -> int:
        return self.children[self.parent[section_id]].index(section_id) + 1


class _PlanComparison:
    def __init__(self, old: Plan, new: Plan) -> None:
        self.before, self.after = _Outline.of(old), _Outline.of(new)
        renames = task_renames(self.before, self.after)
        if renames:  # compare the old plan as if its renamed tasks had their new ids
            old = _with_task_ids(old, renames)
            self.before = _Outline.of(old)
        self.renamed_from = {new_id: old_id for old_id, new_id in renames.items()}
        self.old, self.new = old, new
        self.plan_id = new.id
        self.moved_sections = self._moved_sections()

    def changes(self) -> Iterator[Change]:
        for found in plan_header_changes(self.old, self.new):
            yield self._change(K.PLAN_CHANGED, found)
        yield from self._notice()
        yield from self._tasks_of(None)
        for section, _depth in self.new.walk_sections():
            if self.after.sections.get(section.id) is section:
                yield from self._section(section)
        yield from self._removed_sections()

    def _change(
        self,
        kind: ChangeKind,
        found: FieldChange,
        section: str | None = None,
        task: str | None = None,
    ) -> Change:
        return Change(
            self.plan_id, kind, section, task, found.field, found.old, found.new, found.detail
        )

    def _notice(self) -> Iterator[Change]:
        old, new = self.old.notice, self.new.notice
        if old is None and new is not None:
            yield Change(self.plan_id, K.NOTICE_ADDED, new=new.title)
        elif old is not None and new is None:
            yield Change(self.plan_id, K.NOTICE_REMOVED, old=old.title)
        elif old is not None and new is not None:
            for found in notice_changes(old, new):
                yield self._change(K.NOTICE_CHANGED, found)

    # --- sections ---------------------------------------------------------------------

    def _section(self, section: Section) -> Iterator[Change]:
        before = self.before.sections.get(section.id)
        if before is None:
            yield Change(self.plan_id, K.SECTION_ADDED, section.id, new=section.title)
        else:
            yield from self._section_changes(before, section)
        yield from self._tasks_of(section.id)

    def _section_changes(self, before: Section, after: Section) -> Iterator[Change]:
        if after.id in self.moved_sections:
            yield Change(
                self.plan_id,
                K.SECTION_MOVED,
                after.id,
                old=self._section_place(self.before, after.id),
                new=self._section_place(self.after, after.id),
            )
        for found in text_change("title", before.title, after.title):
            yield self._change(K.SECTION_RENAMED, found, after.id)
        for found in [
            *value_change("source_number", before.source_number, after.source_number),
            *value_change("before", before.before, after.before),
            *text_change("text", before.text, after.text),
        ]:
            yield self._change(K.SECTION_CHANGED, found, after.id)

    def _section_place(self, outline: _Outline, section_id: str) -> dict[str, str | int | None]:
        return {
            "section": outline.parent[section_id],
            "position": outline.section_position(section_id),
        }

    def _moved_sections(self) -> set[str]:
        moved = {
            section_id
            for section_id, parent in self.after.parent.items()
            if section_id in self.before.parent and self.before.parent[section_id] != parent
        }
        for parent, ids in self.after.children.items():
            stayed = [i for i in self.before.children.get(parent, []) if i not in moved]
            moved |= _out_of_order(stayed, [i for i in ids if i not in moved])
        return moved

    def _removed_sections(self) -> Iterator[Change]:
        for section_id, section in self.before.sections.items():
            if section_id not in self.after.sections:
                yield Change(self.plan_id, K.SECTION_REMOVED, section_id, old=section.title)
                yield from self._removed_tasks(section_id)

    # --- tasks ------------------------------------------------------------------------

    def _tasks_of(self, section_id: str | None) -> Iterator[Change]:
        """The section's tasks in new order, each removed task where it used to be."""
        ids = self.after.task_ids(section_id)
        reordered = self._reordered_tasks(section_id, ids)
        was = {task_id: index for index, task_id in enumerate(self.before.task_ids(section_id))}
        removed = [task_id for task_id in was if task_id not in self.after.tasks]
        for task_id in ids:
            while removed and task_id in was and was[removed[0]] < was[task_id]:
                yield self._removed(section_id, removed.pop(0))
            yield from self._task(section_id, task_id, task_id in reordered)
        for task_id in removed:
            yield self._removed(section_id, task_id)

    def one_task(self, task_id: str) -> Iterator[Change]:
        """The changes to one task present on both sides: its move, then its fields."""
        section_id = self.after.home[task_id]
        reordered = self._reordered_tasks(section_id, self.after.task_ids(section_id))
        yield from self._task(section_id, task_id, task_id in reordered)

    def _task(self, section_id: str | None, task_id: str, reordered: bool) -> Iterator[Change]:
        after = self.after.tasks[task_id]
        before = self.before.tasks.get(task_id)
        if before is None:
            yield Change(self.plan_id, K.TASK_ADDED, section_id, task_id, new=after.heading)
            return
        if reordered or self.before.home[task_id] != section_id:
            yield Change(
                self.plan_id,
                K.TASK_MOVED,
                section_id,
                task_id,
                old=self._task_place(self.before, task_id),
                new=self._task_place(self.after, task_id),
            )
        if task_id in self.renamed_from:
            yield Change(
                self.plan_id,
                K.TASK_CHANGED,
                section_id,
                task_id,
                "id",
                self.renamed_from[task_id],
                task_id,
            )
        for found in task_changes(before, after):
            yield self._change(K.TASK_CHANGED, found, section_id, task_id)

    def _task_place(self, outline: _Outline, task_id: str) -> dict[str, str | int | None]:
        return {"section": outline.home[task_id], "position": outline.position(task_id)}

    def _reordered_tasks(self, section_id: str | None, ids: list[str]) -> set[str]:
        if section_id is not None and section_id not in self.before.sections:
            return set()
        stayed = [i for i in ids if self.before.home.get(i) == section_id]
        was = [i for i in self.before.task_ids(section_id) if self.after.home.get(i) == section_id]
        return _out_of_order(was, stayed)

    def _removed_tasks(self, section_id: str) -> Iterator[Change]:
        for task_id in self.before.task_ids(section_id):
            if task_id not in self.after.tasks:
                yield self._removed(section_id, task_id)

    def _removed(self, section_id: str | None, task_id: str) -> Change:
        heading = self.before.tasks[task_id].heading
        return Change(self.plan_id, K.TASK_REMOVED, section_id, task_id, old=heading)


# --- renamed tasks ---------------------------------------------------------------------

# How alike two tasks' title and text must be for a changed id to be a rename, as git's
# -M: in the same section at the same place, or anywhere else in the plan.
SAME_PLACE_SIMILARITY = 0.5
ELSEWHERE_SIMILARITY = 0.7


# Beyond this many (gone, new) pairs, only same texts and same places are compared: a
# rewrite of a whole plan would otherwise cost seconds.
MAX_PAIRS_COMPARED = 20_000


def task_renames(before: _Outline, after: _Outline) -> dict[str, str]:
    """Old id → new id of the tasks whose id changed (the old id is gone, the new one is
    new): the same title and text, else the same place and much the same text, else much
    the same text elsewhere; each task in one pair at most, the closest pairs first."""
    gone = [task_id for task_id in before.tasks if task_id not in after.tasks]
    new = [task_id for task_id in after.tasks if task_id not in before.tasks]
    if not gone or not new:
        return {}
    contents = {task_id: _content(before.tasks[task_id]) for task_id in gone}
    places = {(before.home[task_id], before.position(task_id)): task_id for task_id in gone}
    by_content: dict[str, list[str]] = {}
    for task_id in gone:
        by_content.setdefault(contents[task_id], []).append(task_id)
    pairs: list[tuple[float, bool, str, str]] = []
    compare_all = len(gone) * len(new) <= MAX_PAIRS_COMPARED
    for new_id in new:
        content = _content(after.tasks[new_id])
        here = places.get((after.home[new_id], after.position(new_id)))
        for old_id in by_content.get(content, []) if content else []:
            pairs.append((1.0, old_id == here, old_id, new_id))
        if here is not None and contents[here] != content:
            score = _similarity(contents[here], content)
            if score >= SAME_PLACE_SIMILARITY:
                pairs.append((score, True, here, new_id))
        if compare_all:
            for old_id in gone:
                if old_id == here or contents[old_id] == content:
                    continue
                score = _similarity(contents[old_id], content, at_least=ELSEWHERE_SIMILARITY)
                if score >= ELSEWHERE_SIMILARITY:
                    pairs.append((score, False, old_id, new_id))
    renames: dict[str, str] = {}
    taken: set[str] = set()

    # Closest first; ties broken by the pair's two ids whichever side they are on, so that
    # comparing the plans the other way round pairs the same tasks.
    def closest(pair: tuple[float, bool, str, str]) -> tuple[float, bool, list[str]]:
        return (-pair[0], not pair[1], sorted(pair[2:]))

    for _score, _place, old_id, new_id in sorted(pairs, key=closest):
        if old_id not in renames and new_id not in taken:
            renames[old_id] = new_id
            taken.add(new_id)
    return renames


def _content(task: Task) -> str:
    return f"{task.title or ''}\n{task.text or ''}".strip()


def _similarity(old: str, new: str, *, at_least: float = 0.0) -> float:
    """How alike two texts are, 0 to 1 (difflib's ratio); 0 early when the cheap upper
    bounds already say it is below `at_least`."""
    if not old or not new:
        return 0.0
    if old == new:
        return 1.0
    first, second = sorted((old, new))  # difflib's ratio depends on the order: fix one
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


def _with_task_ids(plan: Plan, renames: dict[str, str]) -> Plan:
    def renamed(section: Section) -> Section:
        tasks = tuple(replace(t, id=renames.get(t.id, t.id)) for t in section.tasks)
        return replace(section, tasks=tasks, sections=tuple(map(renamed, section.sections)))

    return replace(plan, sections=tuple(map(renamed, plan.sections)))


def _out_of_order(old_ids: list[str], new_ids: list[str]) -> set[str]:
    """Ids (present on both sides) outside the longest run of common order: the moved ones."""
    common = set(old_ids) & set(new_ids)
    before = [i for i in old_ids if i in common]
    after = [i for i in new_ids if i in common]
    if before == after:
        return set()
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    kept = {
        item
        for block in matcher.get_matching_blocks()
        for item in before[block.a : block.a + block.size]
    }
    return common - kept
