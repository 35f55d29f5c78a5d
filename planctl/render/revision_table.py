"""The 修订对照表 as data: one row per revised item, with the changed characters marked.

Offices circulate this table with each revised draft: 序号 | 原内容 | 修改后内容 | 修改说明.
A task is one row, whatever number of its fields changed: its clause as the document
words it (标题。内容（牵头单位牵头，配合单位配合；完成时限）) before and after, compared
character by character, and a note listing each change. Sections, notice fields and the
plan header get a row each. Cells are sequences of (text, mark) segments, mark None,
"insert" or "delete", for the table writers to style (underline, strike-through).

`planctl render PLAN --as revision --from REV` compares the plan as the git revision REV
holds it (found by its id, wherever its file was then) with the working-tree file PLAN.
`as_document` gives the table the official layout, a `TableDocument` every table writer
prints: 序号 narrow and centred, the two contents wide, the note between. Changed
characters keep their marks — deleted text struck through, inserted text underlined —
which each writer shows its own way. A plan added after REV has no old side: that is an
error, not a table of additions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.chinese import deadline_cn, one_line, owners_text, quoted
from planctl.deadlines import DeadlineError, parse_deadline
from planctl.diff.changes import Change, ChangeKind, DeadlineMove, ListEdit, PlanDiff, TextEdit
from planctl.diff.changes import Segment as MarkedText
from planctl.diff.compare import plan_diff
from planctl.diff.marks import marked_whole, new_side, old_side, text_segments
from planctl.diff.wording import Cell, days_text, field_label, moved_text, old_and_new, value_text
from planctl.i18n import _
from planctl.model import Plan, Task
from planctl.render.table import Cell as TableCell
from planctl.render.table import Column, Row, Segment, Table, TableDocument

K = ChangeKind
COLUMNS = ("序号", "原内容", "修改后内容", "修改说明")


@dataclass(frozen=True)
class RevisionRow:
    number: int
    original: Cell  # 原内容
    revised: Cell  # 修改后内容
    note: Cell  # 修改说明
    location: str  # where in the plan: 印发通知, or the section's titles


@dataclass(frozen=True)
class RevisionTable:
    title: str
    plan: str
    rows: tuple[RevisionRow, ...]
    columns: tuple[str, ...] = COLUMNS


def revision_table(old: Plan, new: Plan) -> RevisionTable:
    """The whole table: its title (《…》修订对照表) and its rows."""
    # A title quoted inside 《》 turns its own 《》 into 〈〉, as in the plan's notice.
    title = one_line(new.title).replace("《", "〈").replace("》", "〉")
    return RevisionTable(f"《{title}》修订对照表", new.id, revision_rows(old, new))


def revision_rows(old: Plan, new: Plan) -> tuple[RevisionRow, ...]:
    """One row per revised task, section, notice field and plan header field, in order."""
    found = plan_diff(old, new)
    rows = []
    for number, group in enumerate(_groups(found.changes), start=1):
        original, revised = _contents(group, old, new, found)
        note = _plain("；".join(_note(change, found) for change in group) + "。")
        rows.append(RevisionRow(number, original, revised, note, _where(group[0], found)))
    return tuple(rows)


def task_clause(task: Task) -> str:
    """A task as the document words it: 标题。内容（A牵头，B、C等有关部门配合；完成时限：…）"""
    text = (task.text or "").strip()
    title = (task.title or "").strip()
    head = f"{title}。{text}" if title and not text.startswith(title) else text or title
    duties = _duties(task)
    return f"{head}（{duties}）" if duties else head


def _duties(task: Task) -> str:
    duties = owners_text(task)  # worded as the notice words them
    if task.due:
        due = f"完成时限：{_due(task.due)}" + (f"，{task.due_note}" if task.due_note else "")
        duties = f"{duties}；{due}" if duties else due
    return duties


def _due(value: str) -> str:
    try:
        return deadline_cn(parse_deadline(value))
    except DeadlineError:
        return value


# --- rows -----------------------------------------------------------------------------


def _groups(changes: Sequence[Change]) -> Iterator[list[Change]]:
    """Consecutive changes to the same task, or the same section, share a row."""
    group: list[Change] = []
    for change in changes:
        if group and _key(group[0]) != _key(change):
            yield group
            group = []
        group.append(change)
    if group:
        yield group


def _key(change: Change) -> tuple[str, str | None]:
    if change.kind.subject == "task":
        return ("task", change.task)
    if change.kind.subject == "section":
        return ("section", change.section)
    return (change.kind.subject, change.field)


def _contents(group: list[Change], old: Plan, new: Plan, found: PlanDiff) -> tuple[Cell, Cell]:
    first = group[0]
    if first.kind.subject == "task" and first.task is not None:
        # A renamed task had its old id in the old plan (the diff says which).
        was = next((c.old for c in group if c.field == "id" and isinstance(c.old, str)), None)
        return _task_contents(old.task(was or first.task), new.task(first.task))
    if first.kind.subject == "section" and first.section is not None:
        return _section_contents(group, found)
    return _field_contents(first, found)


def _task_contents(before: Task | None, after: Task | None) -> tuple[Cell, Cell]:
    if before is None or after is None:
        return (
            marked_whole(task_clause(before), "delete") if before else (),
            marked_whole(task_clause(after), "insert") if after else (),
        )
    segments = text_segments(task_clause(before), task_clause(after))
    return old_side(segments), new_side(segments)


def _section_contents(group: list[Change], found: PlanDiff) -> tuple[Cell, Cell]:
    renamed = next((change for change in group if change.kind is K.SECTION_RENAMED), None)
    if renamed is not None or group[0].kind in (K.SECTION_ADDED, K.SECTION_REMOVED):
        return old_and_new(renamed or group[0], found.section_labels)
    title = found.section_labels.get(group[0].section or "", "").rsplit(" › ", 1)[-1]
    return _plain(title), _plain(title)


def _field_contents(change: Change, found: PlanDiff) -> tuple[Cell, Cell]:
    old, new = old_and_new(change, found.section_labels)
    if change.field is None:
        return old, new
    if change.detail is None and change.old is not None and change.new is not None:
        # A short value (发文字号, 成文日期): mark the characters that changed.
        segments = text_segments(
            value_text(change.field, change.old), value_text(change.field, change.new)
        )
        old, new = old_side(segments), new_side(segments)
    label = _plain(f"{field_label(change)}：")
    return (label + old if old else ()), (label + new if new else ())


def _where(change: Change, found: PlanDiff) -> str:
    if change.kind.subject == "notice":
        return "印发通知"
    if change.kind.subject == "plan":
        return "计划"
    return found.section_labels.get(change.section or "", change.section or "")


def _plain(text: str) -> Cell:
    return marked_whole(text, None)


# --- notes ----------------------------------------------------------------------------

_SUBJECTS = {"plan": "计划", "notice": "印发通知", "section": "章节", "task": "任务"}
_VERBS = {"added": "新增", "removed": "删除"}


def _note(change: Change, found: PlanDiff) -> str:
    kind = change.kind
    if kind.action in _VERBS:
        return f"{_VERBS[kind.action]}{_SUBJECTS[kind.subject]}"
    if kind in (K.TASK_MOVED, K.SECTION_MOVED):
        return f"调整位置：{moved_text(change, found.section_labels)}"
    label = field_label(change)
    if kind is K.SECTION_RENAMED:
        return "修改章节标题"
    detail = change.detail
    if isinstance(detail, DeadlineMove) and change.field == "due":
        return _deadline_note(detail)
    if isinstance(detail, ListEdit):
        return _list_note(label, detail)
    if kind is K.TASK_CHANGED and change.field in ("title", "text"):
        return f"修改任务{label}"
    if isinstance(detail, TextEdit) or change.field in ("milestones", "indicators", "progress"):
        return f"修改{label}"
    old, new = value_text(change.field, change.old), value_text(change.field, change.new)
    return f"{label}由{quoted(old)}调整为{quoted(new)}"


def _deadline_note(move: DeadlineMove) -> str:
    if move.old is None:
        return f"增加完成时限{quoted(move.new or '')}"
    if move.new is None:
        return f"删去完成时限{quoted(move.old)}"
    shift = days_text(move.days).replace(" ", "")
    return f"完成时限由{quoted(move.old)}调整为{quoted(move.new)}" + (
        f"（{shift}）" if shift else ""
    )


def _list_note(label: str, edit: ListEdit) -> str:
    def names(items: tuple[str, ...]) -> str:
        return "、".join(quoted(item) for item in items)

    if edit.reordered:
        return f"调整{label}顺序"
    if not edit.removed:
        return f"增加{label}{names(edit.added)}"
    if not edit.added:
        return f"删去{label}{names(edit.removed)}"
    return f"{label}{names(edit.removed)}调整为{names(edit.added)}"


# --- the table's layout ----------------------------------------------------------------

# Widths in east-Asian characters: the two contents carry the text, the note is short.
WIDTHS = {"序号": 4, "原内容": 30, "修改后内容": 30, "修改说明": 14}
CENTRED = ("序号",)
SHORT_ID = 7  # characters of a commit id, as `git log --oneline` shows them


@dataclass(frozen=True)
class Previous:
    """The plan as a revision holds it: the old side of the 修订对照表."""

    plan: Plan
    revision: str  # as the user named it
    commit: str  # the commit it resolved to

    @property
    def label(self) -> str:
        """`v1（a1b2c3d）`, or the commit id alone when the revision was one."""
        if len(self.revision) >= SHORT_ID and self.commit.startswith(self.revision.lower()):
            return self.revision
        return f"{self.revision}（{self.commit[:SHORT_ID]}）"


def load_previous(plan_file: Path, revision: str, plan_id: str) -> Previous:
    """The plan `plan_id` at `revision`, in the git repository holding `plan_file`.

    A revision starting with `-` is refused and an unknown one named (exit 2), before
    anything is written.
    """
    from planctl.diff.arguments import plan_and_commit_at_revision
    from planctl.errors import NotInGitRepository

    try:
        plan, resolved = plan_and_commit_at_revision(plan_file.resolve().parent, revision, plan_id)
    except NotInGitRepository as error:
        raise NotInGitRepository(
            error.message,
            where=error.where,
            hint=_("--from names a git revision: render a plan inside its git checkout"),
        ) from error
    return Previous(plan, revision, resolved.commit)


def revision_document(previous: Previous, current: Plan, current_file: str) -> TableDocument:
    """The 修订对照表 from `previous` to `current` (read from `current_file`)."""
    table = revision_table(previous.plan, current)
    note = f"原内容：{previous.label}；修改后内容：{current_file}"
    if not table.rows:
        note += "。两稿内容相同，没有修订"
    return as_document(table, note)


def as_document(table: RevisionTable, note: str = "") -> TableDocument:
    """Any `RevisionTable` as a one-table document, `note` printed under the title."""
    columns = tuple(
        Column(name, WIDTHS.get(name, 14), "center" if name in CENTRED else "left")
        for name in table.columns
    )
    rows = tuple(
        Row(
            (
                TableCell.of(str(row.number)),
                _cell(row.original),
                _cell(row.revised),
                _cell(row.note),
            )
        )
        for row in table.rows
    )
    return TableDocument(table.title, (Table("", columns, rows, note),))


def _cell(segments: Sequence[MarkedText]) -> TableCell:
    return TableCell(tuple(Segment(text, mark or "") for text, mark in segments if text))
