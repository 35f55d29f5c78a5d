"""Reminders in Chinese, one block per unit, as an office messenger takes them:
致：单位 … the items by kind … 请于X月X日前报送 … the office and the date.

The words are the documents' language (Chinese) whatever the interface's language."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

from planctl import chinese
from planctl.remind.engine import Escalated, Reminder, Reminders, ReportDue, TaskDue

__all__ = ["block_lines", "render_markdown", "render_text", "unit_text"]

_LIGHTS = {"red": "红灯", "yellow": "黄灯", "green": "绿灯"}
_RUNNING = {
    "yellow": "连续{periods}期亮黄灯或红灯",
    "red": "连续{periods}期亮红灯",
    "missing": "连续{periods}期未报送进展",
}


def render_text(reminders: object) -> str:
    """Every unit's block, blank lines between."""
    assert isinstance(reminders, Reminders)
    blocks = [unit_text(reminders, r) for r in reminders.reminders]
    return "\n\n".join(blocks) + "\n" if blocks else _nothing(reminders) + "\n"


def render_markdown(reminders: object) -> str:
    """The same blocks in Markdown: the addressee and headings bold, items numbered."""
    assert isinstance(reminders, Reminders)
    blocks = ["\n".join(block_lines(reminders, r, markdown=True)) for r in reminders.reminders]
    return "\n\n---\n\n".join(blocks) + "\n" if blocks else _nothing(reminders) + "\n"


def unit_text(reminders: Reminders, reminder: Reminder) -> str:
    """One unit's reminder as plain text (the body of its mail too)."""
    return "\n".join(block_lines(reminders, reminder, markdown=False))


def block_lines(reminders: Reminders, reminder: Reminder, *, markdown: bool) -> list[str]:
    bold: Callable[[str], str] = (lambda text: f"**{text}**") if markdown else (lambda t: t)
    lines = [bold(f"致：{reminder.unit}"), ""]
    if reminder.empty:
        lines.append(f"截至{_day(reminders.as_of)}，贵单位没有临期、逾期或未报送的事项。")
    else:
        lines.append(
            f"截至{_day(reminders.as_of)}，贵单位承担的工作任务和进展报送有以下事项，请抓紧办理："
        )
    for number, (title, items) in enumerate(_sections(reminders, reminder), start=1):
        lines.append("")
        lines.append(bold(f"{chinese.number(number)}、{title}"))
        lines.extend(f"{index}. {item}" for index, item in enumerate(items, start=1))
    tail = list(_closing(reminder))
    if tail:
        lines.append("")
        lines.extend(tail)
    if reminders.sender:
        lines += ["", reminders.sender]
    lines.append(_day(reminders.as_of))
    return lines


def _sections(reminders: Reminders, reminder: Reminder) -> Iterator[tuple[str, list[str]]]:
    if reminder.overdue:
        yield (
            f"逾期未完成（{len(reminder.overdue)}项）",
            [_task(item, f"已逾期{-(item.days or 0)}天") for item in reminder.overdue],
        )
    if reminder.near:
        yield (
            f"临近完成时限（{reminders.within}天内，{len(reminder.near)}项）",
            [_task(item, _left(item)) for item in reminder.near],
        )
    if reminder.lit:
        yield (
            f"亮灯事项（{len(reminder.lit)}项）",
            [_task(item, _LIGHTS.get(item.light, item.light)) for item in reminder.lit],
        )
    if reminder.unreported:
        yield (
            f"未按期报送进展（{len(reminder.unreported)}期）",
            [_report(item) for item in reminder.unreported],
        )
    if reminder.upcoming:
        yield (
            f"近期应报送进展（{len(reminder.upcoming)}期）",
            [_report(item) for item in reminder.upcoming],
        )


def _closing(reminder: Reminder) -> Iterator[str]:
    if reminder.reply_by is not None:
        yield f"请于{_day(reminder.reply_by)}前补报未报送的进展情况。"
    if reminder.upcoming:
        first = min(item.due for item in reminder.upcoming)
        yield f"请于{_day(first)}前报送本期进展情况。"
    if reminder.escalation is not None:
        yield f"督办措施：{escalation_words(reminder.escalation)}"


def escalation_words(escalated: Escalated) -> str:
    """专函督办（连续2期亮黄灯或红灯：壮大先进制造业）."""
    rung = escalated.rung
    why = _RUNNING[rung.when].format(periods=rung.periods)
    return f"{rung.action}（{why}：{'、'.join(escalated.because)}）"


def _task(item: TaskDue, state: str) -> str:
    if item.milestone is not None:
        deadline = f"，时限{item.deadline_words}" if item.deadline_words else ""
        what = f"{item.heading}：阶段目标{chinese.quoted(item.milestone)}"
    else:
        deadline = f"，完成时限{item.deadline_words}" if item.deadline_words else ""
        what = item.heading
    return f"{what}（{_book(item.plan_title)}{deadline}，{state}）"


def _left(item: TaskDue) -> str:
    return "今天到期" if item.days == 0 else f"还有{item.days}天"


def _report(item: ReportDue) -> str:
    report = f"{_book(item.plan_title)}{item.period.chinese()}进展"
    if item.missing:
        return f"{report}，应于{_day(item.due)}前报送，尚未报送"
    return f"{report}，请于{_day(item.due)}前报送"


def _book(title: str) -> str:
    """《title》, a book title inside it marked 〈〉 as a title within a title is."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def _day(day: datetime.date) -> str:
    return chinese.date_cn(day)


def _nothing(reminders: Reminders) -> str:
    return f"截至{_day(reminders.as_of)}，没有需要提醒的单位。"
