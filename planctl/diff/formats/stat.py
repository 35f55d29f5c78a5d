"""`--stat`: how many tasks and sections changed, per plan and in all."""

from __future__ import annotations

from planctl.diff.changes import DiffResult
from planctl.diff.tally import phrase, tally


def render_stat(result: DiffResult) -> str:
    changed = [plan for plan in result.plans if plan.changes]
    if not changed:
        return ""
    width = max(len(plan.plan) for plan in changed)
    lines = [f" {plan.plan:<{width}} | {phrase(tally(plan.changes))}" for plan in changed]
    lines.append(f" {len(changed)} 个计划有变更：{phrase(tally(result.changes))}")
    return "\n".join(lines) + "\n"
