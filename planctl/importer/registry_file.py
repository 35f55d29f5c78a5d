"""Append units to the unit registry (plans/units.yaml), keeping its comments and layout.

The file is edited round-trip with ruamel.yaml, so the entries already there, their
comments and their flow lists stay as they were; new units go at the end of `units`
with `kind: other`, for someone to complete later.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from planctl.atomic import boundary, write_atomic
from planctl.importer.writer import canonical_layout
from planctl.plans import open_file, require_registry

NEW_REGISTRY = (
    "# yaml-language-server: $schema=../schema/units.schema.json\n"
    "format: planctl-units/1\nunits: []\n"
)
NEW_KIND = "other"


def add_units(path: Path, names: list[str]) -> list[str]:
    """Append each of `names` not yet registered (as unit, alias or group); return those added."""
    text = _registry_text(path) if path.is_file() else NEW_REGISTRY
    yaml = _round_trip(text)
    data = yaml.load(text)
    if data.get("units") is None:
        data["units"] = []
    added = [name for name in dict.fromkeys(names) if name not in _registered(data)]
    if not added:
        return []
    from ruamel.yaml.comments import CommentedMap

    for name in added:
        data["units"].append(CommentedMap([("name", name), ("kind", NEW_KIND)]))
    _block_style(data["units"])
    out = io.StringIO()
    yaml.dump(data, out)
    write_atomic(path, _formatted(out.getvalue()), within=boundary(path, path.parent.parent))
    return added


def _registry_text(path: Path) -> str:
    """The registry's text, decoded by the plan gate: units are added only to a registry
    the gate trusts."""
    require_registry(path, doing="add units")
    return open_file(path, schema=False).document.text


def _round_trip(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    offset = _sequence_offset(text)
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _sequence_offset(text: str) -> int:
    """How far the file indents the dashes of `units:` (2 in `  - name: …`)."""
    match = re.search(r"^units:\s*\n(?:\s*#.*\n)*( *)- ", text, re.MULTILINE)
    return len(match[1]) if match else 2


def _registered(data: Any) -> set[str]:
    names: set[str] = set()
    for unit in data.get("units") or []:
        names.add(str(unit.get("name")))
        names.update(str(alias) for alias in unit.get("aliases") or [])
        if unit.get("full_name"):
            names.add(str(unit["full_name"]))
    names.update(str(group.get("name")) for group in data.get("groups") or [])
    return names


def _block_style(units: Any) -> None:
    """`units: []` in a new file must become a block list once it holds entries."""
    if hasattr(units, "fa"):
        units.fa.set_block_style()


def _formatted(text: str) -> str:
    return canonical_layout(text, "units")
