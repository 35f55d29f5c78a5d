"""id-matches-file: a plan's id is its file name."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _, quote
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report a plan id that is not the file's name."""
    if context.file_stem is not None and plan.id != context.file_stem:
        yield Issue(
            ("id",),
            _("the plan id {id} differs from the file name {name}").format(
                id=quote(plan.id), name=quote(context.file_stem)
            ),
            _("rename the file to {file} or set `id: {name}`").format(
                file=f"{plan.id}.yaml", name=context.file_stem
            ),
        )


RULE = Rule(
    id="id-matches-file",
    summary=N_("a plan's id is its file name"),
    hint=N_("rename the file or change the id"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "A plan's `id` equals its file name without `.yaml`.\n"
        "\n"
        "Passes: `plans/zhaoqing-2012.yaml` with `id: zhaoqing-2012`.\n"
        "Fails: the same file with `id: zhaoqing-2013`."
    ),
)
