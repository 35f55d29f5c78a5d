"""The 催办通知 to one unit: its overdue and near-deadline items, its missing reports, and
the day to reply by (`[urge] reply_days` workdays after the notice, off rest days)."""

from __future__ import annotations

import datetime

from planctl.chinese import date_cn
from planctl.model import Plan
from planctl.supervision.document import Block, Paper
from planctl.supervision.facts import Facts
from planctl.supervision.words import book_title, days_overdue, deadline_words, task_name
from planctl.tracking.state import TaskState
from planctl.tracking.workdays import Workdays


def reply_date(as_of: datetime.date, workdays: Workdays, reply_days: int) -> datetime.date:
    """`reply_days` workdays after `as_of` (the notice's day not counted)."""
    day = as_of
    for _step in range(max(reply_days, 0)):
        day = workdays.next_workday(day + datetime.timedelta(days=1))
    return workdays.next_workday(day)


def near_deadline(facts: Facts, warn_days: int) -> list[TaskState]:
    """Open items whose deadline is within `warn_days` days (临期), not yet past."""
    return [
        task
        for task in (*facts.lagging, *facts.on_track)
        if task.deadline is not None and 0 <= (task.deadline - facts.as_of).days <= warn_days
    ]


def build_urge(
    plan: Plan,
    unit: str,
    issuer: str,
    facts: Facts,
    *,
    warn_days: int,
    reply_by: datetime.date,
) -> Paper:
    blocks = [
        Block(
            "paragraph",
            f"根据《{book_title(plan.title)}》督查安排，经核查，截至{date_cn(facts.as_of)}，"
            "你单位有关事项办理情况如下，现予催办：",
        )
    ]
    number = iter("一二三")
    if facts.overdue:
        blocks.append(Block("heading", f"{next(number)}、逾期未完成事项"))
        blocks += [
            Block(
                "paragraph",
                f"{index}.{task_name(task)}（完成时限：{deadline_words(task)}，"
                f"已逾期{days_overdue(task, facts.as_of)}天）。",
            )
            for index, task in enumerate(facts.overdue, start=1)
        ]
    near = near_deadline(facts, warn_days)
    if near:
        blocks.append(Block("heading", f"{next(number)}、临近完成时限事项"))
        blocks += [
            Block(
                "paragraph",
                f"{index}.{task_name(task)}（完成时限：{deadline_words(task)}，"
                f"距完成时限{(task.deadline - facts.as_of).days if task.deadline else 0}天）。",
            )
            for index, task in enumerate(near, start=1)
        ]
    if facts.missing_reports:
        blocks.append(Block("heading", f"{next(number)}、未报送的进展报告"))
        blocks += [
            Block(
                "paragraph",
                f"{index}.{state.period.chinese()}进展报告（应于{date_cn(state.due)}前报送）。",
            )
            for index, state in enumerate(facts.missing_reports, start=1)
        ]
    if len(blocks) == 1:
        blocks.append(Block("paragraph", "你单位暂无逾期、临期事项，进展报告均已报送。"))
    blocks.append(
        Block(
            "paragraph",
            f"请你单位高度重视，抓紧办理，并于{date_cn(reply_by)}前将办理情况"
            f"{'（含未报送的进展报告）' if facts.missing_reports else ''}书面报送{issuer}。",
        )
    )
    return Paper(
        layout="gongwen",
        kind="urge",
        issuer=issuer,
        mark=issuer,
        doc_number="",
        serial="",
        title="催办通知",
        recipients=f"{unit}：",
        blocks=tuple(blocks),
        attachments=(),
        date=facts.as_of,
    )
