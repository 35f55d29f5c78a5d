"""unknown-unit: every lead and support unit is registered."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _, either, quote
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, unit_uses


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report the lead and support names the unit registry does not know."""
    if context.units is None:
        return
    for path, name in unit_uses(plan):
        if context.units.lookup(name).kind == "unknown":
            suggestions = context.units.suggest(name)
            hint = (
                _("did you mean {names}?").format(names=either(suggestions))
                if suggestions
                else _("add {name} to plans/units.yaml").format(name=name)
            )
            yield Issue(path, _("unknown unit {name}").format(name=quote(name)), hint)


RULE = Rule(
    id="unknown-unit",
    summary=N_("every lead and support unit is in the unit registry"),
    hint=N_("correct the name or add the unit to plans/units.yaml"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "Every name in `lead` and `support` is a unit, an alias or a group in `plans/units.yaml`.\n"
        "\n"
        "Passes: `lead: [市发展改革局]` when the registry lists 市发展改革局.\n"
        "Fails: `lead: [市发改委]` when it does not (the finding suggests near names)."
    ),
)
