"""Match the unit names a document uses against the unit registry (plans/units.yaml).

A registered name or group is kept; an alias is replaced by the name it stands for
(plans name units as registered); anything else is unknown, with the registered names
closest to it as suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planctl.units import UnitRegistry


@dataclass(frozen=True, slots=True)
class Replacement:
    written: str
    registered: str


@dataclass
class UnitMatches:
    """The outcome for every distinct name: kept, replaced (alias) or unknown."""

    known: list[str] = field(default_factory=list)
    replaced: list[Replacement] = field(default_factory=list)
    unknown: dict[str, list[str]] = field(default_factory=dict)  # name → suggestions

    def registered(self, name: str) -> str:
        """The name to store for `name` as written."""
        for replacement in self.replaced:
            if replacement.written == name:
                return replacement.registered
        return name


def match_units(names: Iterable[str], registry: UnitRegistry | None) -> UnitMatches:
    """Look every distinct name up in `registry` (no registry: every name is unknown)."""
    matches = UnitMatches()
    for name in dict.fromkeys(names):
        if registry is None:
            matches.unknown[name] = []
            continue
        found = registry.lookup(name)
        if found.kind in ("unit", "group"):
            matches.known.append(name)
        elif found.kind == "alias" and found.canonical is not None:
            matches.replaced.append(Replacement(name, found.canonical))
        else:
            matches.unknown[name] = registry.suggest(name)
    return matches
