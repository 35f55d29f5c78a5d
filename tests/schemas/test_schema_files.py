"""The JSON Schemas: valid 2020-12, titled in Chinese, and the compiled validator agrees."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from jsonschema import Draft202012Validator

from planctl import resources
from planctl.plans import kind_at, kind_of
from planctl.yamlio import read_document

from ..conftest import DATA, ROOT


def properties_of(schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        for key, value in schema.get("properties", {}).items():
            yield key, value
        for value in schema.values():
            yield from properties_of(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from properties_of(item)


@pytest.mark.parametrize("name", resources.SCHEMA_NAMES)
def test_schema_is_valid_and_every_key_has_a_chinese_title(name: resources.SchemaName) -> None:
    schema = resources.schema(name)
    Draft202012Validator.check_schema(schema)
    for key, definition in properties_of(schema):
        assert definition.get("title") and definition.get("description"), key
        assert str(definition["description"]).endswith(")"), key  # the English in brackets
    assert schema.get("additionalProperties") is False


def all_yaml_files() -> list[Path]:
    return sorted([*(DATA.rglob("*.yaml")), *((ROOT / "plans").rglob("*.yaml"))])


@pytest.mark.parametrize("path", all_yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_validator_agrees_with_jsonschema(path: Path) -> None:
    document = read_document(path)
    if not document.readable:
        return
    name = kind_of(document.data, kind_at(path))
    schema = resources.schema(name)
    reference = Draft202012Validator(schema).is_valid(document.data)
    try:
        fastjsonschema.compile(schema, use_default=False)(document.data)
        compiled = True
    except fastjsonschema.JsonSchemaException:
        compiled = False
    assert compiled == reference


@pytest.mark.parametrize("name", resources.SCHEMA_NAMES)
def test_installed_schema_is_the_one_in_the_repository(name: resources.SchemaName) -> None:
    assert (
        resources.schema_path(name).read_bytes()
        == (ROOT / "schema" / f"{name}.schema.json").read_bytes()
    )
