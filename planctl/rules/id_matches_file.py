"""id-matches-file: a plan's id is its file name."""

import re
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
            fix_for(plan.id, context.file_stem),
        )


_PLAN_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")  # the schema's plan id


def fix_for(plan_id: str, stem: str) -> str:
    """Only a fix whose result is itself valid: never an id the schema refuses."""
    id_ok, stem_ok = bool(_PLAN_ID.match(plan_id)), bool(_PLAN_ID.match(stem))
    if id_ok and stem_ok:
        return _("rename the file to {file} or set `id: {name}`").format(
            file=f"{plan_id}.yaml", name=stem
        )
    if id_ok:
        return _("rename the file to {name}").format(name=f"{plan_id}.yaml")
    if stem_ok:
        return _("set `id: {stem}`").format(stem=stem)
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "plan"
    return _(
        "use one id of lowercase letters, digits and hyphens for both, such as {slug}: "
        "rename the file to {slug}.yaml and set `id: {slug}`"
    ).format(slug=slug)


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
