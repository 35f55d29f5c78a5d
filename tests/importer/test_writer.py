"""The YAML the importer writes reads back as the same data, whatever the text holds."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from planctl.importer.document import Unplaced
from planctl.importer.writer import render
from planctl.yamlio import load_text

TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n:#-'\"[]{}"),
    min_size=1,
    max_size=40,
)
NAME = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and "\n" not in s)


def plan(title: str, text: str, units: list[str], number: str) -> dict[str, Any]:
    task: dict[str, Any] = {"id": "1.1", "source_number": number, "title": title, "text": text}
    if units:
        task["lead"] = units
    return {
        "format": "planctl/1",
        "id": "demo",
        "title": title,
        "stage": "draft",
        "sections": [{"id": "1", "title": title, "tasks": [task]}],
    }


@given(NAME, TEXT, st.lists(NAME, max_size=3, unique=True), NAME)
def test_written_plans_read_back_unchanged(
    title: str, text: str, units: list[str], number: str
) -> None:
    data = plan(title, text, units, number)
    loaded = load_text(render(data, []), "demo.yaml")
    assert loaded.readable, [p.message for p in loaded.problems]
    task = loaded.data["sections"][0]["tasks"][0]
    assert loaded.data["title"] == title
    assert task["source_number"] == number and task.get("lead", []) == units
    assert task["text"] in (text, f"{text}\n")  # a block literal adds the final newline


def test_ids_are_always_quoted_strings() -> None:
    written = render(plan("标题", "内容。", [], "1、"), [])
    assert 'id: "1.1"' in written and 'source_number: "1、"' in written
    assert load_text(written, "demo.yaml").data["sections"][0]["id"] == "1"


def test_unplaced_lines_are_kept_as_comments() -> None:
    written = render(
        plan("标题", "内容。", [], "1、"), [Unplaced("line 61", "附件:", "an attachment label")]
    )
    assert written.endswith("# line 61 (an attachment label): 附件:\n")
    assert load_text(written, "demo.yaml").readable
