"""The unit registry (单位名录): registered names, their aliases and groups of units."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

NameKind = Literal["unit", "alias", "group", "unknown"]

UNITS_FORMAT = "planctl-units/1"  # the `format:` of plans/units.yaml


def is_units_data(data: object) -> bool:
    """Whether YAML data says it is the unit registry (else it is read as a plan)."""
    return isinstance(data, dict) and data.get("format") == UNITS_FORMAT


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    full_name: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "other"


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a name used in a plan is: a unit, an alias (of `canonical`), a group, or unknown."""

    kind: NameKind
    canonical: str | None


@dataclass
class UnitRegistry:
    units: dict[str, Unit] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> UnitRegistry:
        """Build from the (schema-valid) contents of `plans/units.yaml`."""
        registry = cls()
        for entry in data.get("units") or []:
            unit = Unit(
                name=entry["name"],
                full_name=entry.get("full_name"),
                aliases=tuple(entry.get("aliases") or ()),
                kind=entry.get("kind", "other"),
            )
            registry.units.setdefault(unit.name, unit)
            for alias in (*unit.aliases, *([unit.full_name] if unit.full_name else [])):
                if alias != unit.name:
                    registry.aliases.setdefault(alias, unit.name)
        for entry in data.get("groups") or []:
            group = Group(entry["name"], tuple(entry.get("members") or ()))
            registry.groups.setdefault(group.name, group)
        return registry

    def lookup(self, name: str) -> Lookup:
        if name in self.units:
            return Lookup("unit", name)
        if name in self.groups:
            return Lookup("group", name)
        if name in self.aliases:
            return Lookup("alias", self.aliases[name])
        return Lookup("unknown", None)

    def known_names(self) -> list[str]:
        return [*self.units, *self.groups, *self.aliases]

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Registered names close to `name`; an alias suggests the name it stands for."""
        close = difflib.get_close_matches(name, self.known_names(), n=limit * 2, cutoff=0.5)
        seen: dict[str, None] = {}
        for candidate in close:
            seen.setdefault(self.aliases.get(candidate, candidate), None)
        return list(seen)[:limit]

    def expand(self, name: str) -> tuple[str, ...]:
        """The units a name stands for: a group's members, an alias's unit, or itself."""
        if name in self.groups:
            return tuple(self.aliases.get(m, m) for m in self.groups[name].members)
        return (self.aliases.get(name, name),)

    def expand_all(self, names: Iterable[str]) -> tuple[str, ...]:
        expanded: dict[str, None] = {}
        for name in names:
            for unit in self.expand(name):
                expanded.setdefault(unit, None)
        return tuple(expanded)
