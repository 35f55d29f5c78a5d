"""How a change reads in Chinese: field names, values and one line per change.

Shared by the text and Markdown formats, `planctl log` and the 修订对照表, so a change
is worded the same everywhere. A line is a label and a body of segments; inserted and
deleted characters keep their marks so each output can show them its own way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple, TypeAlias

from planctl.chinese import deadline_cn
from planctl.deadlines import DeadlineError, parse_deadline
from planctl.diff.changes import (
    Change,
    ChangeKind,
    DeadlineMove,
    ListEdit,
    Mark,
    Segment,
    TextEdit,
    Value,
)
from planctl.diff.marks import new_side, old_side, text_segments
from planctl.model import STATUS_NAMES

K = ChangeKind
# Section id → its titles (重点工作任务 › 推进经济结构…), to say where a move went.
Labels: TypeAlias = Mapping[str, str]
# Words one record: a milestone, an indicator or a progress entry.
_RecordText: TypeAlias = Callable[[Mapping[str, Value]], str]
NONE_TEXT = "（无）"
TOP_LEVEL = "不属于章节的任务"  # the heading of changes to the plan's top-level tasks
ARROW = " → "

TASK_FIELDS = {
    "id": "标识",
    "title": "标题",
    "text": "内容",
    "source_number": "原文编号",
    "lead": "牵头单位",
    "lead_word": "牵头单位称谓",
    "lead_more": "牵头单位后“等有关部门”",
    "support": "配合单位",
    "support_word": "配合单位称谓",
    "support_more": "配合单位后“等有关部门”",
    "responsible": "责任单位",
    "responsible_more": "责任单位后“等有关部门”",
    "guide": "指导单位",
    "start": "开始时间",
    "due": "完成时限",
    "due_text": "原文时限",
    "due_note": "时限说明",
    "milestones": "节点任务",
    "indicators": "量化指标",
    "status": "状态",
    "progress": "进展",
}
SECTION_FIELDS = {
    "title": "标题",
    "text": "说明",
    "source_number": "原文编号",
    "before": "排在任务之前",
}
PLAN_FIELDS = {
    "id": "计划编号",
    "title": "计划标题",
    "kind": "文种",
    "stage": "阶段",
    "issuer": "制定机关",
    "period": "实施期限",
    "reporting": "进展报送",
    "preamble": "前言",
}
NOTICE_FIELDS = {
    "issuer_mark": "发文机关标志",
    "doc_number": "发文字号",
    "title": "通知标题",
    "recipients": "主送机关",
    "body": "正文",
    "attachments": "附件",
    "signer": "发文机关署名",
    "date": "成文日期",
    "date_style": "日期写法",
    "disclosure": "公开方式",
    "keywords": "主题词",
    "cc": "抄送机关",
    "printer": "印发机关",
    "printed": "印发日期",
}
STAGE_NAMES = {"draft": "草稿", "review": "送审稿", "issued": "已印发"}
DATE_STYLES = {"arabic": "阿拉伯数字", "chinese": "汉字"}

_FIELDS_BY_SUBJECT = {
    "plan": PLAN_FIELDS,
    "notice": NOTICE_FIELDS,
    "section": SECTION_FIELDS,
    "task": TASK_FIELDS,
}


class Line(NamedTuple):
    """One change as read: `label` (what) and `body` (how), e.g. 完成时限 / A → B（推迟 5 天）."""

    label: str
    body: tuple[Segment, ...]


def field_label(change: Change) -> str:
    names = _FIELDS_BY_SUBJECT[change.kind.subject]
    return names.get(change.field or "", change.field or "")


def describe(change: Change, section_labels: Labels | None = None) -> Line:
    """The line that tells a reader what happened."""
    if change.kind in _WHOLE:
        return _WHOLE[change.kind](change)
    if change.kind in (K.TASK_MOVED, K.SECTION_MOVED):
        return Line("移动", (Segment(moved_text(change, section_labels)),))
    return Line(field_label(change), field_body(change))


def field_body(change: Change) -> tuple[Segment, ...]:
    detail = change.detail
    if change.field == "milestones":
        return _milestone(change)
    if isinstance(detail, TextEdit):
        return detail.segments
    if isinstance(detail, ListEdit):
        return _list_body(change, detail)
    if isinstance(detail, DeadlineMove):
        return (Segment(deadline_text(detail)),)
    if change.field == "indicators":
        return _indicator_body(change)
    if change.field == "progress":
        return _record_body(change, _progress_text)
    return (
        Segment(
            f"{value_text(change.field, change.old)}{ARROW}{value_text(change.field, change.new)}"
        ),
    )


def deadline_text(move: DeadlineMove) -> str:
    """2023年6月底前 → 2023年12月底前（推迟 184 天）"""
    shift = days_text(move.days)
    text = f"{move.old or NONE_TEXT}{ARROW}{move.new or NONE_TEXT}"
    return f"{text}（{shift}）" if shift else text


def days_text(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return "截止日不变"
    return f"{'推迟' if days > 0 else '提前'} {abs(days)} 天"


def value_text(field: str | None, value: Value) -> str:
    """A scalar value as a reader knows it: 推进中 rather than in_progress."""
    if value is None:
        return NONE_TEXT
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Mapping) and field == "period":
        return f"{value.get('start')} 至 {value.get('end')}"
    if isinstance(value, Mapping) and field == "reporting":
        return _reporting_text(value)
    if isinstance(value, tuple):
        return "、".join(str(item) for item in value) or NONE_TEXT
    names = {"status": STATUS_NAMES, "stage": STAGE_NAMES, "date_style": DATE_STYLES}
    return names.get(field or "", {}).get(str(value), str(value))


_CYCLE_NAMES = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年"}


def _reporting_text(value: Mapping[str, Value]) -> str:
    """每月报送，次月5日前，自 2012-05 起，市政府督查室督查."""
    cycle = str(value.get("cycle"))
    words = [f"{_CYCLE_NAMES.get(cycle, cycle)}报送", f"次月{value.get('due_day', 5)}日前"]
    if value.get("start") is not None:
        words.append(f"自 {value['start']} 起")
    if value.get("supervisor"):
        words.append(f"{value['supervisor']}督查")
    return "，".join(words)


def due_text(value: Value) -> str:
    """A stored deadline in its printed form; an invalid one as written."""
    if value is None:
        return NONE_TEXT
    try:
        return deadline_cn(parse_deadline(str(value)))
    except DeadlineError:
        return str(value)


def moved_text(change: Change, section_labels: Labels | None) -> str:
    """从「A」第 2 项 移至「B」第 1 项, or 本章节内 第 3 项 → 第 1 项."""
    old, new = _place(change.old), _place(change.new)
    if old[0] == new[0]:
        return f"本章节内 第 {old[1]} 项{ARROW}第 {new[1]} 项"
    before, after = _where(old[0], section_labels), _where(new[0], section_labels)
    return f"从{before}第 {old[1]} 项 移至{after}第 {new[1]} 项"


def _place(value: Value) -> tuple[str | None, int]:
    if not isinstance(value, Mapping):
        return None, 0
    section, position = value.get("section"), value.get("position")
    return (
        str(section) if section is not None else None,
        position if isinstance(position, int) else 0,
    )


def _where(section: str | None, section_labels: Labels | None) -> str:
    if section is None:
        return "顶层"
    label = section_labels.get(section, section) if section_labels else section
    return f"「{label}」"


# --- whole plans, notices, sections and tasks -------------------------------------------


def _summary_title(value: Value) -> str:
    return str(value.get("title")) if isinstance(value, Mapping) else str(value)


def _counts(value: Value) -> str:
    if not isinstance(value, Mapping):
        return ""
    return f"（{value.get('sections')} 个章节，{value.get('tasks')} 项任务）"


_WHOLE = {
    K.PLAN_ADDED: lambda c: Line(
        "新增计划", (Segment(f"{_summary_title(c.new)}{_counts(c.new)}", "insert"),)
    ),
    K.PLAN_REMOVED: lambda c: Line(
        "删除计划", (Segment(f"{_summary_title(c.old)}{_counts(c.old)}", "delete"),)
    ),
    K.NOTICE_ADDED: lambda c: Line("新增印发通知", (Segment(str(c.new), "insert"),)),
    K.NOTICE_REMOVED: lambda c: Line("删除印发通知", (Segment(str(c.old), "delete"),)),
    K.SECTION_ADDED: lambda c: Line("新增章节", (Segment(f"「{c.new}」", "insert"),)),
    K.SECTION_REMOVED: lambda c: Line("删除章节", (Segment(f"「{c.old}」", "delete"),)),
    K.TASK_ADDED: lambda c: Line("新增任务", (Segment(str(c.new), "insert"),)),
    K.TASK_REMOVED: lambda c: Line("删除任务", (Segment(str(c.old), "delete"),)),
}


# --- lists and records ------------------------------------------------------------------


def _list_body(change: Change, edit: ListEdit) -> tuple[Segment, ...]:
    old_text = value_text(change.field, change.old)
    new_text = value_text(change.field, change.new)
    if edit.reordered:
        return (Segment(f"顺序调整 {old_text}{ARROW}{new_text}"),)
    if not edit.removed:
        return (Segment("新增 "), Segment("、".join(edit.added), "insert"))
    if not edit.added:
        return (Segment("删去 "), Segment("、".join(edit.removed), "delete"))
    old_cell, new_cell = _list_cells(change, edit)
    return (*old_cell, Segment(ARROW), *new_cell)


def _milestone(change: Change) -> tuple[Segment, ...]:
    old, new = change.old, change.new
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        move = change.detail if isinstance(change.detail, DeadlineMove) else None
        shift = deadline_text(move) if move else ""
        return (Segment(f"「{new.get('text')}」 {shift}"),)
    return _record_body(change, _milestone_text)


def _milestone_text(record: Mapping[str, Value]) -> str:
    return f"{due_text(record.get('due'))} {record.get('text')}"


def _indicator_text(record: Mapping[str, Value]) -> str:
    unit = record.get("unit") or ""
    text = f"{record.get('name')}：目标 {record.get('target')} {unit}".rstrip()
    baseline = record.get("baseline")
    return text if baseline is None else f"{text}（基数 {baseline} {unit}）".replace(" ）", "）")


def _indicator_body(change: Change) -> tuple[Segment, ...]:
    """「新增规上企业」目标 50 家 → 60 家 for a changed indicator; 新增/删去 for the others."""
    old, new = change.old, change.new
    if not (isinstance(old, Mapping) and isinstance(new, Mapping)):
        return _record_body(change, _indicator_text)
    unit_changed = old.get("unit") != new.get("unit")
    parts = [
        f"{word} {_amount(old.get(key), old.get('unit'))}{ARROW}"
        f"{_amount(new.get(key), new.get('unit'))}"
        for key, word in (("target", "目标"), ("baseline", "基数"))
        if old.get(key) != new.get(key) or (unit_changed and new.get(key) is not None)
    ]
    return (Segment(f"「{new.get('name')}」" + "，".join(parts)),)


def _amount(value: Value, unit: Value) -> str:
    return NONE_TEXT if value is None else f"{value} {unit or ''}".rstrip()


def _progress_text(record: Mapping[str, Value]) -> str:
    status = record.get("status")
    state = f" {value_text('status', status)}" if status else ""
    return f"{record.get('date')}{state} {record.get('note')}"


def _record_body(change: Change, text_of: _RecordText) -> tuple[Segment, ...]:
    old, new = change.old, change.new
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return (Segment(text_of(old), "delete"), Segment(ARROW), Segment(text_of(new), "insert"))
    if isinstance(new, Mapping):
        return (Segment("新增 "), Segment(text_of(new), "insert"))
    if isinstance(old, Mapping):
        return (Segment("删去 "), Segment(text_of(old), "delete"))
    return (Segment(f"{value_text(None, old)}{ARROW}{value_text(None, new)}"),)


# --- the two sides of a change, for tables ----------------------------------------------


def old_and_new(change: Change, section_labels: Labels | None = None) -> tuple[Cell, Cell]:
    """What a table shows in its 原 and 新 columns, with deleted and inserted text marked."""
    kind, detail = change.kind, change.detail
    if kind in _WHOLE:
        line = _WHOLE[kind](change)
        return ((), line.body) if kind.action == "added" else (line.body, ())
    if kind in (K.TASK_MOVED, K.SECTION_MOVED):
        return _moved_cells(change, section_labels)
    if isinstance(detail, TextEdit):
        return old_side(detail.segments), new_side(detail.segments)
    if isinstance(detail, ListEdit):
        return _list_cells(change, detail)
    if isinstance(detail, DeadlineMove) and change.field == "due":
        return _deadline_cells(detail)
    if change.field in _RECORD_TEXT:
        return _record_cells(change, _RECORD_TEXT[change.field])
    return (
        (Segment(value_text(change.field, change.old)),),
        (Segment(value_text(change.field, change.new)),),
    )


Cell: TypeAlias = tuple[Segment, ...]


def _moved_cells(change: Change, section_labels: Labels | None) -> tuple[Cell, Cell]:
    (old_section, old_position), (new_section, new_position) = (
        _place(change.old),
        _place(change.new),
    )
    return (
        (Segment(f"{_where(old_section, section_labels)}第 {old_position} 项"),),
        (Segment(f"{_where(new_section, section_labels)}第 {new_position} 项"),),
    )


def _list_cells(change: Change, edit: ListEdit) -> tuple[Cell, Cell]:
    def cell(values: Value, changed: tuple[str, ...], mark: Mark) -> Cell:
        items = [str(item) for item in values] if isinstance(values, tuple) else []
        parts: list[Segment] = []
        for index, item in enumerate(items):
            if index:
                parts.append(Segment("、"))
            parts.append(Segment(item, mark if item in changed else None))
        return tuple(parts) or (Segment(NONE_TEXT),)

    return cell(change.old, edit.removed, "delete"), cell(change.new, edit.added, "insert")


def _deadline_cells(move: DeadlineMove) -> tuple[Cell, Cell]:
    shift = days_text(move.days)
    new = (Segment(move.new or NONE_TEXT, "insert"),)
    return (
        (Segment(move.old or NONE_TEXT, "delete"),),
        new + ((Segment(f"（{shift}）"),) if shift else ()),
    )


def _record_cells(change: Change, text_of: _RecordText) -> tuple[Cell, Cell]:
    old = text_of(change.old) if isinstance(change.old, Mapping) else ""
    new = text_of(change.new) if isinstance(change.new, Mapping) else ""
    segments = text_segments(old, new)
    return old_side(segments), new_side(segments)


_RECORD_TEXT: dict[str, _RecordText] = {
    "milestones": _milestone_text,
    "indicators": _indicator_text,
    "progress": _progress_text,
}
