"""The schema code kept on disk accepts exactly what jsonschema accepts."""

from __future__ import annotations

from pathlib import Path
from types import CodeType
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from planctl import resources
from planctl.plans import kind_at, kind_of
from planctl.schemas import compiled as compiled_schema
from planctl.yamlio import read_document

from ..conftest import DATA, ROOT


def accepts(name: compiled_schema.SchemaName, data: Any) -> bool:
    try:
        compiled_schema.validator(name)(data)
    except compiled_schema.SchemaRejected:
        return False
    return True


def test_the_cached_code_agrees_with_jsonschema(corpus_template: Path) -> None:
    files = [
        *DATA.rglob("*.yaml"),
        *(ROOT / "plans").rglob("*.yaml"),
        *corpus_template.rglob("*.yaml"),
    ]
    checked = 0
    for path in files:
        document = read_document(path)
        if not document.readable:
            continue
        name: compiled_schema.SchemaName = kind_of(document.data, kind_at(path))
        reference = Draft202012Validator(resources.schema(name)).is_valid(document.data)
        assert accepts(name, document.data) == reference, path
        checked += 1
    assert checked > 30


@pytest.mark.parametrize(
    ("due", "valid"),
    [("2012-06", True), (2012, True), ("ongoing", True), (True, False), (2012.5, False),
     ("2012-13", False), (1800, False), (None, False)],
)  # fmt: skip
def test_deadlines_either_way(due: object, valid: bool) -> None:
    plan = {"format": "planctl/1", "id": "p", "title": "计划", "stage": "draft",
            "sections": [{"id": "s", "title": "章", "tasks": [{"id": "t", "title": "任务",
                                                               "due": due}]}]}  # fmt: skip
    assert accepts("plan", plan) == valid
    assert Draft202012Validator(resources.schema("plan")).is_valid(plan) == valid


def test_one_of_becomes_any_of_only_where_branches_cannot_both_match() -> None:
    disjoint = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    overlapping = {"oneOf": [{"type": "number"}, {"type": "integer"}]}
    untyped = {"oneOf": [{"type": "string"}, {"minimum": 3}]}
    nested = {"properties": {"due": disjoint}, "items": [overlapping]}
    assert compiled_schema._anyof_where_equivalent(disjoint) == {
        "anyOf": [{"type": "string"}, {"type": "integer"}]
    }
    assert compiled_schema._anyof_where_equivalent(overlapping) == overlapping
    assert compiled_schema._anyof_where_equivalent(untyped) == untyped
    assert compiled_schema._anyof_where_equivalent(nested)["properties"]["due"] == {
        "anyOf": disjoint["oneOf"]
    }


def test_the_code_is_generated_once_and_then_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled_schema.validator.cache_clear()
    compiled_schema.validator("plan")
    assert len(list((tmp_path / "planctl" / "schema").glob("plan-*.bin"))) == 1

    def no_generation(name: str) -> None:
        raise AssertionError("generated again")

    monkeypatch.setattr(compiled_schema, "_generate", no_generation)
    compiled_schema.validator.cache_clear()
    assert accepts("plan", {"format": "planctl/1", "id": "p", "title": "计划", "stage": "draft"})
    compiled_schema.validator.cache_clear()


def test_a_damaged_code_file_is_generated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled_schema.validator.cache_clear()
    compiled_schema.validator("units")
    (stored,) = (tmp_path / "planctl" / "schema").glob("units-*.bin")
    stored.write_bytes(b"garbage")
    compiled_schema.validator.cache_clear()
    assert not accepts("units", {"format": "planctl-units/1"})
    assert stored.read_bytes() != b"garbage"
    compiled_schema.validator.cache_clear()


def test_without_a_cache_folder_it_still_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file: no folder can be made there
    compiled_schema.validator.cache_clear()
    assert accepts("units", {"format": "planctl-units/1", "units": []})
    compiled_schema.validator.cache_clear()


def test_unique_items_are_counted_as_the_schema_counts_them() -> None:
    assert compiled_schema._distinct(["市财政局", "市统计局", "市财政局"]) == 2
    assert compiled_schema._distinct([True, 1, 1.0, "1"]) == 3  # true is not 1; 1.0 is
    assert compiled_schema._distinct([{"a": [1]}, {"a": [1]}, {"a": [True]}]) == 2


@pytest.mark.parametrize(
    ("lead", "valid"),
    [(["市财政局", "市统计局"], True), (["市财政局", "市财政局"], False), (["市财政局", 1], False),
     ([["市财政局"], ["市财政局"]], False), ([], True)],
)  # fmt: skip
def test_a_unit_named_twice_is_refused_as_jsonschema_refuses_it(lead: object, valid: bool) -> None:
    plan = {"format": "planctl/1", "id": "p", "title": "计划", "stage": "draft",
            "tasks": [{"id": "t", "title": "任务", "lead": lead}]}  # fmt: skip
    assert accepts("plan", plan) == valid
    assert Draft202012Validator(resources.schema("plan")).is_valid(plan) == valid


@pytest.mark.parametrize("name", ["plan", "units"])
def test_the_code_counts_unique_items_without_a_function_of_its_own(
    name: compiled_schema.SchemaName,
) -> None:
    _function, code = compiled_schema._generate(name)
    names = names_used(code)
    assert "_distinct" in names
    assert "fn" not in names


def names_used(code: CodeType) -> set[str]:
    inner = (names_used(const) for const in code.co_consts if isinstance(const, CodeType))
    return set(code.co_names).union(code.co_varnames, *inner)
