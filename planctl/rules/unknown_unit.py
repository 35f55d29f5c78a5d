"""unknown-unit: every lead and support unit is registered."""

from collections.abc import Iterator

from planctl.findings import JsonPath, Severity
from planctl.i18n import _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, unit_uses
from planctl.units import UnitRegistry, list_text, split_unit_list


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Every name in `lead` and `support` is a unit, an alias or a group in `plans/units.yaml`.

    Passes: `lead: [市发展改革局]` when the registry lists 市发展改革局.
    Fails: `lead: [市发改委]` when it does not (the finding suggests near names);
    `lead: [市公安局、市自然资源局]`, two units in one entry (the fix is the list).
    """
    if context.units is None:
        return
    for path, name in unit_uses(plan):
        if context.units.lookup(name).kind != "unknown":
            continue
        names = split_unit_list(name)
        if len(names) > 1:
            yield Issue(
                path,
                _("{name!r} names several units in one entry").format(name=name),
                _("write a list: {names}").format(names=list_text(names)),
            )
        else:
            yield _unknown(context.units, path, name)


def _unknown(units: UnitRegistry, path: JsonPath, name: str) -> Issue:
    suggestions = units.suggest(name)
    hint = (
        f"did you mean {' or '.join(suggestions)}?"
        if suggestions
        else f"add {name} to plans/units.yaml"
    )
    return Issue(path, f"unknown unit {name!r}", hint)


RULE = Rule(
    id="unknown-unit",
    summary="every lead and support unit is in the unit registry",
    hint="correct the name or add the unit to plans/units.yaml",
    severity=Severity.ERROR,
    check=check,
)
