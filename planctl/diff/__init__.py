"""The semantic diff: what changed between two versions of plans, in plan terms.

`diff_plans(old, new)` is a pure function of two `Plan`s; `diff_revisions` resolves what
the command line names (revisions, the working tree, files) and compares every plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

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
    "diff_revisions",
    "plan_diff",
]


def diff_revisions(
    *names: str, paths: Sequence[str] | None = None, cwd: Path | None = None
) -> DiffResult:
    """Compare the plans as `planctl diff NAMES... [-- PATHS...]` does, from `cwd`.

    No name compares HEAD with the working tree, one compares it with the working tree,
    two (or `A..B`) compare two revisions, two files compare those files.
    """
    from planctl.diff.arguments import run_diff

    return run_diff(list(names), None if paths is None else list(paths), cwd or Path.cwd())
