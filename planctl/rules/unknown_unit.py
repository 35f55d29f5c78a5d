"""unknown-unit: every lead and support unit is registered."""

from collections.abc import Iterator

from planctl.findings import JsonPath, Severity
from planctl.i18n import N_, _, either, quote
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
                _("{name} names several units in one entry").format(name=quote(name)),
                _("write a list: {names}").format(names=list_text(names)),
            )
        else:
            yield _unknown(context.units, path, name)


def _unknown(units: UnitRegistry, path: JsonPath, name: str) -> Issue:
    suggestions = units.suggest(name)
    hint = (
        _("did you mean {names}?").format(names=either(suggestions))
        if suggestions
        else _("add {name} to plans/units.yaml").format(name=name)
    )
    return Issue(path, _("unknown unit {name}").format(name=quote(name)), hint)


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
