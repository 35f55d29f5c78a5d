"""Schema validation: a compiled validator answers fast, jsonschema explains failures.

Nearly every file in a repository is valid, so each is first checked by a validator
compiled once with fastjsonschema (`compiled`); only a file it rejects goes through
jsonschema (`explain`), which lists every error with its JSON path, mapped back to
line:column by the loader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planctl.errors import SchemaRejected
from planctl.findings import Finding
from planctl.schemas import compiled
from planctl.schemas.compiled import SchemaName
from planctl.yamlio import Document

__all__ = ["SchemaName", "compiled_validator", "is_valid", "schema_findings"]


def compiled_validator(name: SchemaName) -> Callable[[Any], Any]:
    """The fast validator (generated code, cached on disk): raises on data it rejects."""
    return compiled.validator(name)


def is_valid(data: Any, name: SchemaName) -> bool:
    try:
        compiled_validator(name)(data)
    except SchemaRejected:
        return False
    return True


def schema_findings(document: Document, name: SchemaName) -> list[Finding]:
    """Every schema error in the document, located; empty when it is valid."""
    if is_valid(document.data, name):
        return []
    from planctl.schemas.explain import explain

    return sorted(set(explain(document, name)))
