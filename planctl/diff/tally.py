"""Counting changes: how many tasks were changed, added, removed or moved, per plan."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from planctl.diff.changes import Change, ChangeKind

K = ChangeKind

# The order counts are printed in, with their Chinese names.
SUBJECTS = (("plan", "计划"), ("notice", "印发通知"), ("section", "章节"), ("task", "任务"))
ACTIONS = (
    ("changed", "修改"),
    ("added", "新增"),
    ("removed", "删除"),
    ("moved", "移动"),
    ("renamed", "更名"),
)


def tally(changes: Iterable[Change]) -> dict[str, dict[str, int]]:
    """Counts by subject and action; a task (or section) with several changed fields counts once.

    `{"task": {"changed": 3, "added": 1}, "section": {"renamed": 1}}`
    """
    seen: set[tuple[str, str, str]] = set()
    counts: Counter[tuple[str, str]] = Counter()
    for change in changes:
        subject, action = change.kind.subject, change.kind.action
        who = change.task or change.section or change.field or ""
        if (subject, action, who) in seen and action == "changed":
            continue
        seen.add((subject, action, who))
        counts[(subject, action)] += 1
    result: dict[str, dict[str, int]] = {}
    for (subject, action), number in counts.items():
        result.setdefault(subject, {})[action] = number
    return result


def phrase(counts: dict[str, dict[str, int]]) -> str:
    """任务 修改 3 · 新增 1；章节 更名 1"""
    parts = []
    for subject, subject_name in SUBJECTS:
        actions = counts.get(subject, {})
        said = [f"{name} {actions[action]}" for action, name in ACTIONS if actions.get(action)]
        if said:
            parts.append(f"{subject_name} {' · '.join(said)}")
    return "；".join(parts)
