"""What an import extracted, as comparable sets, and how close it came to the hand-made truth.

A hierarchy item is (path, kind, title): the numbers as written from the top down (an item
with no number of its own is named by its title), whether it is a section or a task, and
its title; each preamble part counts as ("preamble", title). An assignment is
(path, role, unit), the role one of lead, responsible, support and guide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planctl.model import ROLES

Item = tuple[str, ...]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    found: int
    expected: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<24} precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"F1 {self.f1:.3f}  ({self.found} extracted, {self.expected} expected)"
        )


def score(found: set[Item], expected: set[Item]) -> Score:
    hits = len(found & expected)
    precision = hits / len(found) if found else float(not expected)
    recall = hits / len(expected) if expected else 1.0
    return Score(precision, recall, len(found), len(expected))


def _step(item: dict[str, Any]) -> str:
    return str(item.get("source_number") or item.get("title") or item["id"])


def _walk(
    sections: list[dict[str, Any]], above: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], str, dict[str, Any]]]:
    found = []
    for section in sections:
        path = (*above, _step(section))
        found.append((path, "section", section))
        for task in section.get("tasks", []):
            found.append(((*path, _step(task)), "task", task))
        found.extend(_walk(section.get("sections", []), path))
    return found


def hierarchy(data: dict[str, Any]) -> set[Item]:
    items: set[Item] = {("preamble", part.get("title", "")) for part in data.get("preamble", [])}
    for path, kind, item in _walk(data.get("sections", [])):
        items.add((" / ".join(path), kind, str(item.get("title", ""))))
    return items


def assignments(data: dict[str, Any]) -> set[Item]:
    found: set[Item] = set()
    for path, kind, item in _walk(data.get("sections", [])):
        if kind != "task":
            continue
        for role in ROLES:
            found.update((" / ".join(path), role, unit) for unit in item.get(role, []))
    return found


def expected_hierarchy(truth: dict[str, Any]) -> set[Item]:
    items: set[Item] = {("preamble", title) for title in truth.get("preamble") or []}
    items.update((row["path"], row["kind"], row["title"]) for row in truth["hierarchy"])
    return items


def expected_assignments(truth: dict[str, Any]) -> set[Item]:
    return {
        (path, role, unit)
        for path, roles in truth["assignments"].items()
        for role, units in roles.items()
        for unit in units
    }
