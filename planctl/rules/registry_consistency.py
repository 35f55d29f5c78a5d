"""Checks of `plans/units.yaml` itself: names are unique and groups name known units."""

from collections.abc import Iterator, Mapping
from typing import Any

from planctl.findings import Severity
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
                        f"{name!r} is already registered for {owners[name]!r}",
                        "a name or alias may stand for one unit only",
                    ),
                )
            elif name in owners and key == "name":
                yield (
                    "registry-duplicate",
                    Issue(path, f"unit {name!r} is registered twice", "merge the two entries"),
                )
            owners.setdefault(name, unit["name"])
    for index, group in enumerate(data.get("groups") or ()):
        if group["name"] in owners:
            yield (
                "registry-duplicate",
                Issue(
                    ("groups", index, "name"),
                    f"group {group['name']!r} has a unit's name",
                    "rename the group or the unit",
                ),
            )
        for position, member in enumerate(group.get("members") or ()):
            if member not in owners:
                yield (
                    "group-member",
                    Issue(
                        ("groups", index, "members", position),
                        f"group member {member!r} is not a registered unit",
                        f"add {member} to `units`",
                    ),
                )


DUPLICATE = Rule(
    id="registry-duplicate",
    summary="each unit name, alias and group name in plans/units.yaml stands for one thing",
    hint="remove or merge the duplicate entry",
    severity=Severity.ERROR,
    source="registry",
)
MEMBER = Rule(
    id="group-member",
    summary="a group's members are registered units",
    hint="add the member to `units` in plans/units.yaml",
    severity=Severity.ERROR,
    source="registry",
)
