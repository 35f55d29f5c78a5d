"""The JSON format: a versioned envelope around every change, for scripts and bots."""

from __future__ import annotations

from typing import Any

from planctl.diff.changes import Change, DeadlineMove, DiffResult, ListEdit, PlanDiff, TextEdit
from planctl.diff.marks import marked_text
from planctl.diff.tally import tally
from planctl.diff.wording import Labels, describe
from planctl.report import json_text

KIND, VERSION = "diff", 1  # the envelope's "format": planctl-diff/1


def render_json(result: DiffResult) -> str:
    return json_text(
        KIND,
        VERSION,
        old={"label": result.old_label, "commit": result.old_commit},
        new={"label": result.new_label, "commit": result.new_commit},
        summary={
            "plans": sum(1 for plan in result.plans if plan.changes),
            "changes": len(result.changes),
            "counts": tally(result.changes),
        },
        plans=[_plan(plan) for plan in result.plans],
        problems=[problem.as_dict() for problem in result.problems],
    )


def _plan(plan: PlanDiff) -> dict[str, Any]:
    return {
        "id": plan.plan,
        "title": plan.title,
        "old_file": plan.old_file,
        "new_file": plan.new_file,
        "changes": [change_record(change, plan.section_labels) for change in plan.changes],
    }


def change_record(change: Change, section_labels: Labels | None = None) -> dict[str, Any]:
    """One change as JSON: ids, kind, field, old and new values, detail, and how it reads."""
    line = describe(change, section_labels)
    return {
        "plan": change.plan,
        "kind": str(change.kind),
        "section": change.section,
        "task": change.task,
        "field": change.field,
        "old": change.old,
        "new": change.new,
        "detail": _detail(change),
        "text": f"{line.label}：{marked_text(line.body)}",
    }


def _detail(change: Change) -> dict[str, Any] | None:
    detail = change.detail
    if isinstance(detail, TextEdit):
        return {"type": "text", "segments": [[s.text, s.mark] for s in detail.segments]}
    if isinstance(detail, ListEdit):
        return {"type": "list", "added": list(detail.added), "removed": list(detail.removed)}
    if isinstance(detail, DeadlineMove):
        return {"type": "deadline", "old": detail.old, "new": detail.new, "days": detail.days}
    return None
