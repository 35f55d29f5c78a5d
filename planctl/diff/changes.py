"""What a semantic diff says: typed changes in plan terms, grouped per plan.

A `Change` names the plan, the section and task it concerns (by id), what kind of change
it is, the field, and the old and new values as plain JSON-like data. A `detail` adds
what a reviewer reads: character-level text marks, units added and removed, or how many
days a deadline moved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, NamedTuple, TypeAlias

from planctl.findings import Finding

Mark: TypeAlias = Literal["insert", "delete"]

# Values as they appear in JSON output: strings, flags, numbers, lists and small records.
Value: TypeAlias = str | int | float | bool | tuple["Value", ...] | Mapping[str, "Value"] | None


class Segment(NamedTuple):
    """A run of characters: unchanged (mark None), inserted or deleted."""

    text: str
    mark: Mark | None = None


class ChangeKind(StrEnum):
    PLAN_ADDED = "plan-added"
    PLAN_REMOVED = "plan-removed"
    PLAN_CHANGED = "plan-changed"
    NOTICE_ADDED = "notice-added"
    NOTICE_REMOVED = "notice-removed"
    NOTICE_CHANGED = "notice-changed"
    SECTION_ADDED = "section-added"
    SECTION_REMOVED = "section-removed"
    SECTION_RENAMED = "section-renamed"
    SECTION_MOVED = "section-moved"
    SECTION_CHANGED = "section-changed"
    TASK_ADDED = "task-added"
    TASK_REMOVED = "task-removed"
    TASK_MOVED = "task-moved"
    TASK_CHANGED = "task-changed"

    @property
    def subject(self) -> str:
        """plan, notice, section or task."""
        return self.value.split("-", 1)[0]

    @property
    def action(self) -> str:
        """added, removed, changed, renamed or moved."""
        return self.value.split("-", 1)[1]


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Character-level marks turning the old text into the new."""

    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ListEdit:
    """Names added to and removed from a list (units, recipients, keywords...)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def reordered(self) -> bool:
        return not self.added and not self.removed


@dataclass(frozen=True, slots=True)
class DeadlineMove:
    """A deadline in its rendered Chinese form on each side and the shift of its last day.

    `days` is positive when the deadline moved later, negative when earlier, and None
    when either side has no last day (absent, ongoing or not a valid deadline).
    """

    old: str | None
    new: str | None
    days: int | None


Detail: TypeAlias = TextEdit | ListEdit | DeadlineMove


@dataclass(frozen=True, slots=True)
class Change:
    plan: str
    kind: ChangeKind
    section: str | None = None
    task: str | None = None
    field: str | None = None
    old: Value = None
    new: Value = None
    detail: Detail | None = None


@dataclass(frozen=True)
class PlanDiff:
    """The changes to one plan, with the names a reader needs to place them."""

    plan: str
    title: str
    old_file: str | None
    new_file: str | None
    changes: tuple[Change, ...]
    section_labels: Mapping[str, str] = field(default_factory=dict)
    task_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DiffResult:
    """A whole comparison: two labelled sides, the plans that differ, and problems.

    A problem is a plan file that could not be read on one side; it is reported and the
    rest of the comparison goes on.
    """

    old_label: str
    new_label: str
    plans: tuple[PlanDiff, ...]
    problems: tuple[Finding, ...] = ()
    old_commit: str | None = None
    new_commit: str | None = None
    # A plan on the new side could not be read: the comparison is incomplete.
    incomplete: bool = False

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(change for plan in self.plans for change in plan.changes)

    @property
    def has_changes(self) -> bool:
        return any(plan.changes for plan in self.plans)
