"""id-matches-file: a plan's id is its file name."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """A plan's `id` equals its file name without `.yaml`.

    Passes: `plans/zhaoqing-2012.yaml` with `id: zhaoqing-2012`.
    Fails: the same file with `id: zhaoqing-2013`.
    """
    if context.file_stem is not None and plan.id != context.file_stem:
        yield Issue(
            ("id",),
            f"the plan id {plan.id!r} differs from the file name {context.file_stem!r}",
            f"rename the file to {plan.id}.yaml or set `id: {context.file_stem}`",
        )


RULE = Rule(
    id="id-matches-file",
    summary="a plan's id is its file name",
    hint="rename the file or change the id",
    severity=Severity.ERROR,
    check=check,
)
