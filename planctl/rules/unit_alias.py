"""unit-alias: plans name units by their registered name, not an alias."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _, quote
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, unit_uses


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the units named by an alias."""
    if context.units is None:
        return
    for path, name in unit_uses(plan):
        found = context.units.lookup(name)
        if found.kind == "alias":
            yield Issue(
                path,
                _("{name} is an alias of {unit}").format(
                    name=quote(name), unit=quote(found.canonical or "")
                ),
                _("use {unit}").format(unit=found.canonical),
            )


RULE = Rule(
    id="unit-alias",
    summary=N_("units are named by their registered name, not an alias"),
    hint=N_("use the registered name"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "A unit is named as registered; an alias or full name is accepted but reported.\n"
        "\n"
        "Passes: `lead: [市发展改革局]`. Fails: `lead: [市发改局]` when 市发改局 is an alias of\n"
        "市发展改革局."
    ),
)
