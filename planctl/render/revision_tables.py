"""The 修订对照表 as a `TableDocument`, so that every table writer prints it.

`planctl render PLAN --as revision --from REV` compares the plan as the git revision REV
holds it (found by its id, wherever its file was then) with the working-tree file PLAN.
The rows come from `planctl.revision`; here they get the official layout: 序号 narrow and
centred, the two contents wide, the note between. Changed characters keep their marks —
deleted text struck through, inserted text underlined — which each writer shows its own
way. A plan added after REV has no old side: that is an error, not a table of additions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.diff.changes import Segment as MarkedText
from planctl.model import Plan
from planctl.render.table import Cell, Column, Row, Segment, Table, TableDocument
from planctl.revision import RevisionTable, revision_table

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
    from planctl.diff.request import plan_and_commit_at_revision
    from planctl.gitrepo import NotInGitRepository

    try:
        plan, resolved = plan_and_commit_at_revision(plan_file.resolve().parent, revision, plan_id)
    except NotInGitRepository as error:
        error.hint = "--from names a git revision: render a plan inside its git checkout"
        raise
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
        Row((Cell.of(str(row.number)), _cell(row.original), _cell(row.revised), _cell(row.note)))
        for row in table.rows
    )
    return TableDocument(table.title, (Table("", columns, rows, note),))


def _cell(segments: Sequence[MarkedText]) -> Cell:
    return Cell(tuple(Segment(text, mark or "") for text, mark in segments if text))
