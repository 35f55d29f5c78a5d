"""The text format: changes grouped plan → section → task, one line per change.

Lines are built as styled spans so the command line can colour them; without colour,
deleted and inserted characters are written the way `git diff --word-diff` does:
`[-删去的-]{+新加的+}`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planctl.diff.changes import Change, DiffResult, PlanDiff
from planctl.diff.marks import condensed
from planctl.diff.wording import Labels, describe
from planctl.findings import Finding
from planctl.report import Span, StyledLine, plain

INDENT = "  "


def text_lines(result: DiffResult) -> list[StyledLine]:
    """The whole diff as styled lines (empty when nothing changed)."""
    lines: list[StyledLine] = []
    for plan in result.plans:
        lines.extend(plan_lines(plan))
    return lines


def render_text(result: DiffResult) -> str:
    """The diff as plain text, marks written as [-…-] and {+…+}."""
    return "".join(plain(line) + "\n" for line in text_lines(result))


def problem_lines(problems: Iterable[Finding]) -> list[str]:
    """Files that could not be read on one side, one line each."""
    return [f"{problem.where}: cannot compare: {problem.message}" for problem in problems]


def plan_lines(plan: PlanDiff) -> Iterator[StyledLine]:
    yield _plan_heading(plan)
    group: tuple[str, str | None] | None = None
    task: str | None = None
    for change in plan.changes:
        here = _group_of(change)
        if here != group:
            group, task = here, None
            yield _group_heading(change, plan)
        if change.task is not None and change.task != task:
            task = change.task
            yield _task_heading(change.task, plan)
        yield _change_line(change, plan, depth=3 if change.task else 2)


def _plan_heading(plan: PlanDiff) -> StyledLine:
    spans = [Span(f"计划 {plan.plan}", "plan"), Span(f" {plan.title}")]
    if plan.old_file != plan.new_file:
        spans.append(
            Span(f"  {plan.old_file or '/dev/null'} → {plan.new_file or '/dev/null'}", "meta")
        )
    elif plan.new_file:
        spans.append(Span(f"  {plan.new_file}", "meta"))
    return tuple(spans)


def _group_of(change: Change) -> tuple[str, str | None]:
    """Changes to the plan header, the notice, and each section are grouped apart."""
    if change.kind.subject in ("plan", "notice"):
        return (change.kind.subject, None)
    return ("section", change.section)


def _group_heading(change: Change, plan: PlanDiff) -> StyledLine:
    if change.kind.subject == "plan":
        return (Span(INDENT), Span("计划信息", "section"))
    if change.kind.subject == "notice":
        return (Span(INDENT), Span("印发通知", "section"))
    label = plan.section_labels.get(change.section or "", change.section or "")
    return (Span(INDENT), Span(f"章节 {label}", "section"), Span(f"  ({change.section})", "meta"))


def _task_heading(task_id: str, plan: PlanDiff) -> StyledLine:
    heading = plan.task_labels.get(task_id, "")
    return (Span(INDENT * 2), Span(f"任务 {task_id}", "task"), Span(f" {heading}".rstrip()))


def _change_line(change: Change, plan: PlanDiff, depth: int) -> StyledLine:
    return (Span(INDENT * depth), *change_spans(change, plan.section_labels))


def change_spans(change: Change, section_labels: Labels | None = None) -> StyledLine:
    """One change as `label：body`, long texts cut down to the words around each edit."""
    line = describe(change, section_labels)
    body = condensed(line.body) if change.detail is not None else line.body
    spans = (Span(segment.text.replace("\n", "↵"), segment.mark) for segment in body)
    return (Span(f"{line.label}：", "label"), *spans)
