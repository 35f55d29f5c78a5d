"""Where the built-in schemas and templates live, installed or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal

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


def schema_path(name: Literal["plan", "units"]) -> Path:
    return data_dir("schema") / f"{name}.schema.json"


@cache
def schema(name: Literal["plan", "units"]) -> dict[str, Any]:
    """The parsed JSON Schema for plans or for the unit registry."""
    loaded: dict[str, Any] = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return loaded
