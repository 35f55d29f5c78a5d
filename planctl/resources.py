"""Where the built-in schemas and templates live, installed or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal

SchemaName = Literal["plan", "units", "report", "review", "calendar", "bulletin"]
SCHEMA_NAMES: tuple[SchemaName, ...] = (
    "plan",
    "units",
    "report",
    "review",
    "calendar",
    "bulletin",
)

Kind = Literal["schema", "templates"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(kind: Kind) -> Path:
    """The folder of built-in `kind` files.

    A wheel carries them under `planctl/_data/`; a source checkout (editable install) keeps
    them at the project root, beside the package.
    """
    installed = _PACKAGE / "_data" / kind
    return installed if installed.is_dir() else _PACKAGE.parent / kind


def schema_path(name: SchemaName) -> Path:
    return data_dir("schema") / f"{name}.schema.json"


@cache
def schema(name: SchemaName) -> dict[str, Any]:
    """The parsed JSON Schema of plans, the unit registry, reports, reviews or the calendar."""
    loaded: dict[str, Any] = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return loaded
