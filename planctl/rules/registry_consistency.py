"""Checks of `plans/units.yaml` itself: names are unique and groups name known units."""

from collections.abc import Iterator, Mapping
from typing import Any

from planctl.findings import Severity
from planctl.i18n import N_, _, quote
from planctl.rules.base import Issue, Rule


def check_registry(data: Mapping[str, Any]) -> Iterator[tuple[str, Issue]]:
    """Yield (rule id, issue) for the registry's own problems."""
    owners: dict[str, str] = {}
    for index, unit in enumerate(data.get("units") or ()):
        names: list[tuple[str, int | None, str]] = [("name", None, unit["name"])]
        names += [("aliases", i, alias) for i, alias in enumerate(unit.get("aliases") or ())]
        for key, position, name in names:
            path = ("units", index, key) if position is None else ("units", index, key, position)
            if name in owners and owners[name] != unit["name"]:
                yield (
                    "registry-duplicate",
                    Issue(
                        path,
                        _("{name} is already registered for {unit}").format(
                            name=quote(name), unit=quote(owners[name])
                        ),
                        _("a name or alias may stand for one unit only"),
                    ),
                )
            elif name in owners and key == "name":
                yield (
                    "registry-duplicate",
                    Issue(
                        path,
                        _("unit {name} is registered twice").format(name=quote(name)),
                        _("merge the two entries"),
                    ),
                )
            owners.setdefault(name, unit["name"])
    for index, group in enumerate(data.get("groups") or ()):
        if group["name"] in owners:
            yield (
                "registry-duplicate",
                Issue(
                    ("groups", index, "name"),
                    _("group {name} has a unit's name").format(name=quote(group["name"])),
                    _("rename the group or the unit"),
                ),
            )
        for position, member in enumerate(group.get("members") or ()):
            if member not in owners:
                yield (
                    "group-member",
                    Issue(
                        ("groups", index, "members", position),
                        _("group member {name} is not a registered unit").format(
                            name=quote(member)
                        ),
                        _("add {name} to `units`").format(name=member),
                    ),
                )


DUPLICATE = Rule(
    id="registry-duplicate",
    summary=N_("each unit name, alias and group name in plans/units.yaml stands for one thing"),
    hint=N_("remove or merge the duplicate entry"),
    severity=Severity.ERROR,
    source="registry",
)
MEMBER = Rule(
    id="group-member",
    summary=N_("a group's members are registered units"),
    hint=N_("add the member to `units` in plans/units.yaml"),
    severity=Severity.ERROR,
    source="registry",
)
