"""The semantic diff: what changed between two versions of plans, in plan terms.

`diff_plans(old, new)` is a pure function of two `Plan`s; `run_diff` resolves what the
command line names (revisions, the working tree, files) and compares every plan.
"""

from __future__ import annotations

from planctl.diff.changes import (
    Change,
    ChangeKind,
    DeadlineMove,
    DiffResult,
    ListEdit,
    PlanDiff,
    Segment,
    TextEdit,
)
from planctl.diff.compare import diff_plans, plan_diff

__all__ = [
    "Change",
    "ChangeKind",
    "DeadlineMove",
    "DiffResult",
    "ListEdit",
    "PlanDiff",
    "Segment",
    "TextEdit",
    "diff_plans",
    "plan_diff",
]
