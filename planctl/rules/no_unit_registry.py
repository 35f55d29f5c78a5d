"""no-unit-registry: without a unit registry, the units a plan names go unchecked."""

from collections.abc import Iterator

from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, unit_uses


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """A plan naming units is checked against `plans/units.yaml`; say so when there is none.

    Passes: `lead: [市发展改革局]` in a repository with a readable `plans/units.yaml`.
    Fails: the same plan in a repository without one (or with a registry that has errors):
    a misspelt unit would pass unnoticed, so validate warns once per plan.
    """
    if context.units is not None:
        return
    for path, _name in unit_uses(plan):
        yield Issue(
            path,
            _(
                "the units this plan names are not checked: there is no plans/units.yaml, "
                "or it has errors"
            ),
        )
        return


RULE = Rule(
    id="no-unit-registry",
    summary=N_("the units a plan names can be checked against plans/units.yaml"),
    hint=N_(
        "create plans/units.yaml listing the units (planctl init writes one with examples), "
        "or fix the errors reported for it"
    ),
    severity=Severity.WARNING,
    check=check,
    details=N_(
        "A plan naming units is checked against plans/units.yaml; without one, a misspelt "
        "unit would pass unnoticed, so validate warns once per plan.\n"
        "\n"
        "Passes: `lead: [市发展改革局]` in a repository with a readable plans/units.yaml. "
        "Fails: the same plan in a repository without one, or with a registry that has errors."
    ),
)
