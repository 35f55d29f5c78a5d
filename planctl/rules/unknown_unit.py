"""unknown-unit: every lead and support unit is registered."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, unit_uses


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Every name in `lead` and `support` is a unit, an alias or a group in `plans/units.yaml`.

    Passes: `lead: [市发展改革局]` when the registry lists 市发展改革局.
    Fails: `lead: [市发改委]` when it does not (the finding suggests near names).
    """
    if context.units is None:
        return
    for path, name in unit_uses(plan):
        if context.units.lookup(name).kind == "unknown":
            suggestions = context.units.suggest(name)
            hint = (
                f"did you mean {' or '.join(suggestions)}?"
                if suggestions
                else f"add {name} to plans/units.yaml"
            )
            yield Issue(path, f"unknown unit {name!r}", hint)


RULE = Rule(
    id="unknown-unit",
    summary="every lead and support unit is in the unit registry",
    hint="correct the name or add the unit to plans/units.yaml",
    severity=Severity.ERROR,
    check=check,
)
