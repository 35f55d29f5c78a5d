"""`planctl log` as text: styled lines, newest commit first."""

from __future__ import annotations

from planctl.diff.formats.text import INDENT, change_spans
from planctl.history import HistoryEntry, TaskHistory
from planctl.i18n import _
from planctl.report import Span, StyledLine, plain


def log_lines(history: TaskHistory) -> list[StyledLine]:
    """A heading naming the task and its plan, then each commit newest first."""
    heading = f" {history.heading}" if history.heading else ""
    lines: list[StyledLine] = [
        (
            Span(f"任务 {history.task}", "task"),
            Span(heading),
            Span(f"  计划 {history.plan}  {history.path}", "meta"),
        ),
    ]
    for entry in history.entries:
        lines.append(())
        lines.extend(_entry_lines(entry))
    if not history.entries:
        lines.append((Span(INDENT), Span("（没有提交改动过这项任务）", "meta")))
    if history.cut_off is not None:
        note = _(
            "history before {commit} is not in this clone (a shallow clone): run "
            "`git fetch --unshallow` to see it"
        ).format(commit=history.cut_off[:7])
        lines.extend([(), (Span(note, "meta"),)])
    return lines


def render_log_text(history: TaskHistory) -> str:
    return "".join(plain(line) + "\n" for line in log_lines(history))


def _entry_lines(entry: HistoryEntry) -> list[StyledLine]:
    lines: list[StyledLine] = [
        (
            Span(entry.commit[:7], "commit"),
            Span(f"  {entry.date[:10]}  "),
            Span(entry.author, "meta"),
            Span(f"  {entry.subject}"),
        ),
    ]
    if entry.problem is not None:
        problem = entry.problem
        lines.append(
            (
                Span(INDENT),
                Span(
                    _("{where}: cannot read the plan here: {message}").format(
                        where=problem.where, message=problem.message
                    ),
                    "delete",
                ),
            )
        )
    for change in entry.changes:
        lines.append((Span(INDENT), *change_spans(change, entry.section_labels)))
    return lines
