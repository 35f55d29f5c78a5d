"""The guide in docs/ is the reference: in step with the schema, the rules and the code."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from planctl import i18n
from planctl.rules.reference import rules_markdown

from .conftest import ROOT

DOCS = ROOT / "docs"
PLAN_FORMAT = DOCS / "plan-format.md"
# A table documents the object its marker names: `<!-- schema: plan.schema.json#/$defs/task -->`
# (the file alone for the top level), then rows whose first cell is the key in backticks.
MARKER = re.compile(r"<!-- schema: (?P<file>[\w.-]+\.schema\.json)(?:#/\$defs/(?P<name>\w+))? -->")
ROW_KEY = re.compile(r"^\| `(?P<key>[^`]+)` \|")


def schema_objects() -> Iterator[tuple[str, dict[str, object]]]:
    """Every object of every schema in schema/ that has keys: `plan.schema.json#task`."""
    for path in sorted((ROOT / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if "properties" in schema:
            yield path.name, schema["properties"]
        for name, definition in schema.get("$defs", {}).items():
            if "properties" in definition:
                yield f"{path.name}#{name}", definition["properties"]


def documented_tables(text: str) -> dict[str, list[str]]:
    """Each marked table: its object, and the keys its rows name, in order."""
    tables: dict[str, list[str]] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines):
        marker = MARKER.fullmatch(line.strip())
        if marker is None:
            continue
        name = marker["file"] + (f"#{marker['name']}" if marker["name"] else "")
        assert name not in tables, f"{name} is documented twice"
        rows = []
        for row in lines[number + 1 :]:
            if not row.startswith("|"):
                break
            if key := ROW_KEY.match(row):
                rows.append(key["key"])
        tables[name] = rows
    return tables


def test_every_schema_key_is_documented_and_every_documented_key_exists() -> None:
    tables = documented_tables(PLAN_FORMAT.read_text(encoding="utf-8"))
    objects = dict(schema_objects())
    assert sorted(tables) == sorted(objects), "one table in docs/plan-format.md per schema object"
    for name, properties in objects.items():
        assert tables[name] == list(properties), f"the table for {name} lists its keys in order"


def test_the_schema_check_notices_a_missing_key() -> None:
    text = PLAN_FORMAT.read_text(encoding="utf-8").replace("| `due_text` |", "| due_text |", 1)
    objects = {name: list(keys) for name, keys in schema_objects()}
    assert documented_tables(text) != objects


def test_the_rules_page_is_generated_from_the_rules() -> None:
    previous = i18n.language()
    try:
        i18n.use_language("zh_CN")
        generated = rules_markdown()
    finally:
        i18n.use_language(previous)
    written = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert written == generated, (
        "regenerate: PLANCTL_LANG=zh planctl rules --format markdown > docs/rules.md"
    )


def guide_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def test_nothing_links_outside_the_repository() -> None:
    for path in guide_files():
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text, path
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            resolved = (path.parent / unquote(target)).resolve()
            assert resolved.is_relative_to(ROOT), f"{path.name} links outside: {target}"
            assert resolved.exists(), f"{path.name} links to a missing file: {target}"


def test_every_page_of_the_guide_is_linked_from_its_index() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    pages = {path.name for path in DOCS.glob("*.md")} - {"README.md"}
    assert all(f"]({page})" in index for page in pages), sorted(
        p for p in pages if f"]({p})" not in index
    )


def test_hints_in_the_code_point_into_the_guide() -> None:
    for path in (ROOT / "planctl").rglob("*.py"):
        assert "PLAN_FORMAT" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("page", ["README.md", "docs/README.md", "docs/quickstart.md"])
def test_the_guide_speaks_chinese_first(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```|`[^`]*`", "", text, flags=re.S)
    chinese = len(re.findall(r"[\u4e00-\u9fff]", prose))
    latin = len(re.findall(r"[A-Za-z]", prose))
    assert chinese > latin, page
