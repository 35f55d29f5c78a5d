"""The Markdown format, for a pull-request comment: a summary line, then a table per plan.

Inserted and deleted characters are wrapped in `<ins>` and `<del>`: emphasis markers
(`**`, `~~`) next to Chinese punctuation often fail to render, the tags never do. All
plan text is escaped, so a plan can neither break the table nor inject markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planctl.diff.changes import Change, DiffResult, PlanDiff, Segment
from planctl.diff.marks import condensed
from planctl.diff.tally import phrase, tally
from planctl.diff.wording import field_label, old_and_new

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "~": "\\~",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "#": "\\#",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\n": "<br>",
    }
)
_TAGS = {"insert": ("<ins>", "</ins>"), "delete": ("<del>", "</del>")}
_ACTION_NAMES = {"added": "新增", "removed": "删除", "moved": "移动", "renamed": "更名"}


def render_markdown(result: DiffResult) -> str:
    lines = [_summary(result)]
    for problem in result.problems:
        where = f"{problem.file}:{problem.line}"
        lines += ["", f"> ⚠️ `{_code(where)}` 无法比较：{escape(problem.message)}"]
    for plan in result.plans:
        lines += ["", *_plan_table(plan)]
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def cell(segments: Iterable[Segment]) -> str:
    parts = []
    for segment in condensed(segments):
        opening, closing = _TAGS.get(segment.mark or "", ("", ""))
        parts.append(f"{opening}{escape(segment.text)}{closing}")
    return "".join(parts)


def _summary(result: DiffResult) -> str:
    sides = f"`{_code(result.old_label)}` → `{_code(result.new_label)}`"
    changed = [plan for plan in result.plans if plan.changes]
    if not changed:
        return f"**planctl diff** {sides}：计划内容无变更。"
    counts = phrase(tally(result.changes))
    return f"**planctl diff** {sides}：{len(changed)} 个计划有变更 — {counts}。"


def _code(text: str) -> str:
    return text.replace("`", "'")


def _plan_table(plan: PlanDiff) -> Iterator[str]:
    yield f"### {escape(plan.title)}（`{_code(plan.plan)}`）"
    if plan.old_file != plan.new_file:
        yield ""
        was, now = _code(plan.old_file or "/dev/null"), _code(plan.new_file or "/dev/null")
        yield f"文件：`{was}` → `{now}`"
    if not plan.changes:
        return
    yield ""
    yield "| 位置 | 变更 | 原内容 | 修改后 |"
    yield "|---|---|---|---|"
    for change in plan.changes:
        old, new = old_and_new(change, plan.section_labels)
        yield f"| {_where(change, plan)} | {_what(change)} | {cell(old)} | {cell(new)} |"


def _where(change: Change, plan: PlanDiff) -> str:
    if change.kind.subject == "plan":
        return "计划信息"
    if change.kind.subject == "notice":
        return "印发通知"
    section = escape(plan.section_labels.get(change.section or "", change.section or ""))
    if change.task is None:
        return section
    heading = escape(plan.task_labels.get(change.task, ""))
    return f"{section}<br>任务 `{_code(change.task)}` {heading}".rstrip()


def _what(change: Change) -> str:
    kind = change.kind
    if kind.action in _ACTION_NAMES:
        subject = {"plan": "计划", "notice": "印发通知", "section": "章节", "task": "任务"}
        return f"{_ACTION_NAMES[kind.action]}{subject[kind.subject]}"
    return escape(field_label(change))
