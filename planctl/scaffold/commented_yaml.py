"""Plan data written as YAML with a Chinese comment above each key, saying what it is for.

The comments come from the JSON Schema's own titles and descriptions (the one place that
says what every key means), with a few notes added for writing by hand. A key is
explained where it first appears; later tasks are left uncluttered. The text is then put
into the canonical layout by `planctl fmt`, so a new file never needs formatting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from planctl import resources
from planctl.fmt import format_text
from planctl.yamlio import load_text

# (object, key) -> the object under that key (or under each item of its list).
_CHILD_KIND: dict[tuple[str, str], str] = {
    ("plan", "period"): "period",
    ("plan", "notice"): "notice",
    ("plan", "preamble"): "preamble_part",
    ("plan", "sections"): "section",
    ("section", "sections"): "section",
    ("section", "tasks"): "task",
    ("task", "milestones"): "milestone",
    ("task", "indicators"): "indicator",
    ("task", "progress"): "progress_entry",
}

# Objects written on one line ({start: …, end: …}); their keys are explained by the key above.
_RECORDS = frozenset({"period", "milestone", "indicator", "progress_entry"})

# Notes for writing by hand, beyond what the schema says.
_NOTES: dict[tuple[str, str], str] = {
    ("plan", "id"): "新建计划用 planctl new 计划标识，会检查标识是否合规、是否已被使用。",
    ("plan", "stage"): "起草时写 draft（部分问题只提示）；送审改为 review，印发后改为 issued。",
    ("task", "lead"): "单位名称须在 plans/units.yaml 中登记；多个单位写成列表：[甲单位, 乙单位]。",
    ("task", "support"): "写法同牵头单位；没有配合单位时删去此行。",
    ("task", "due"): (
        "也可以按公文写法写，如“2025年6月底前”“第二季度”“长期坚持”，planctl fmt 会换成"
        "标准写法，原文保留在 due_text 中。"
    ),
    ("notice", "doc_number"): "用六角括号〔〕；序号不加“第”，不编虚位（写 1号，不写 01号）。",
}


def commented_plan(data: Mapping[str, Any]) -> str:
    """The plan `data` as canonical YAML text with explaining comments."""
    writer = _Writer(_schema_comments())
    writer.header()
    writer.mapping(data, "plan", 0)
    return format_text(writer.text(), kind="plan")


class _Writer:
    def __init__(self, comments: dict[tuple[str, str], list[str]]) -> None:
        self._comments = comments
        self._explained: set[tuple[str, str]] = set()
        self._lines: list[str] = []

    def text(self) -> str:
        return "\n".join(self._lines) + "\n"

    def header(self) -> None:
        self._lines += [
            "# yaml-language-server: $schema=../schema/plan.schema.json",
            "# 以“#”开头的是说明，planctl 不读取，可以删去。",
            "# 检查：planctl validate；统一排版：planctl fmt；生成公文：planctl render 本文件。",
        ]

    def mapping(self, data: Mapping[str, Any], kind: str, indent: int, first: str = "") -> None:
        """Write `data`; `first` is the "- " that starts a list item on its first key."""
        for index, (key, value) in enumerate(data.items()):
            pad = " " * indent
            lead = first if index == 0 else " " * len(first)
            self._explain(kind, key, pad + " " * len(first))
            self._value(f"{pad}{lead}{key}:", value, kind, key, indent + len(first))

    def _explain(self, kind: str, key: str, pad: str) -> None:
        if (kind, key) in self._explained or kind in _RECORDS:
            return
        self._explained.add((kind, key))
        self._lines += [f"{pad}# {line}" for line in self._comments.get((kind, key), [])]

    def _value(self, prefix: str, value: Any, kind: str, key: str, indent: int) -> None:
        child = _CHILD_KIND.get((kind, key))
        if isinstance(value, Mapping):
            self._lines.append(prefix)
            self.mapping(value, child or "", indent + 2)
        elif isinstance(value, Sequence) and not isinstance(value, str) and child:
            self._lines.append(prefix + (" []" if not value else ""))
            for item in value:
                self.mapping(item, child, indent + 2, first="- ")
        elif isinstance(value, Sequence) and not isinstance(value, str):
            self._lines.append(
                f"{prefix} [{', '.join(_scalar(item, flow=True) for item in value)}]"
            )
        elif isinstance(value, str) and "\n" in value.rstrip("\n"):
            self._lines.append(prefix + " |")
            self._lines += [" " * (indent + 2) + line for line in value.rstrip("\n").split("\n")]
        else:
            self._lines.append(f"{prefix} {_scalar(value, flow=False)}")


def _scalar(value: object, *, flow: bool) -> str:
    """`value` as a YAML scalar: plain where YAML reads it back unchanged, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _reads_back(text, flow):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str, flow: bool) -> bool:
    """Whether planctl's loader reads `text` written plain as the same text."""
    source = f"x: [{text}]" if flow else f"x: {text}"
    document = load_text(source, "<scalar>")
    return not document.problems and document.data == {"x": [text] if flow else text}


def _schema_comments() -> dict[tuple[str, str], list[str]]:
    """(object, key) -> comment lines: the schema's title and description, and any note."""
    schema = resources.schema("plan")
    objects: dict[str, Mapping[str, Any]] = {"plan": schema, **schema["$defs"]}
    comments: dict[tuple[str, str], list[str]] = {}
    for kind, definition in objects.items():
        for key, field in definition.get("properties", {}).items():
            lines = [_described(field, objects)]
            if (kind, key) in _NOTES:
                lines.append(_NOTES[kind, key])
            comments[kind, key] = lines
    return comments


def _described(field: Mapping[str, Any], objects: Mapping[str, Mapping[str, Any]]) -> str:
    title = field.get("title", "")
    description = field.get("description") or _referenced(field, objects).get("description", "")
    chinese = re.sub(r"\s*\([^()]*\)\s*$", "", description)  # drop the English gloss
    return f"{title}：{chinese}" if title else chinese


def _referenced(
    field: Mapping[str, Any], objects: Mapping[str, Mapping[str, Any]]
) -> Mapping[str, Any]:
    reference = field.get("$ref", "")
    return objects.get(reference.rsplit("/", 1)[-1], {}) if reference else {}
