"""Small pieces of wording shared by the 督查通报 and the 催办通知."""

from __future__ import annotations

import datetime

from planctl.chinese import date_cn
from planctl.tracking.state import TaskState
from planctl.tracking.stats import Ratio

ATTACHMENT_COLUMNS = ("序号", "工作任务", "牵头单位", "完成时限", "进展情况", "存在问题")
ATTACHMENT_WIDTHS = (2, 8, 4, 4, 6, 4)  # characters of the 28 across the 版心


def share(part: int, whole: int) -> str:
    """x% to one decimal, as `planctl.tracking.stats.Ratio` rounds it; 0.0% of nothing."""
    value = Ratio(part, whole).share
    return f"{0.0 if value is None else value:.1f}%"


def rate(ratio: Ratio) -> str:
    return "—" if ratio.share is None else f"{ratio.share:.1f}%"


def task_name(task: TaskState) -> str:
    placed = task.placed.task
    return placed.heading or (placed.text or "").strip().split("。")[0] or task.task_id


def lead_of(task: TaskState) -> str:
    written = task.placed.task.lead or task.placed.task.responsible
    return "、".join(written) or "、".join(task.lead_units)


def days_overdue(task: TaskState, as_of: datetime.date) -> int:
    return (as_of - task.deadline).days if task.deadline is not None else 0


def deadline_words(task: TaskState) -> str:
    return task.deadline_words or (date_cn(task.deadline) if task.deadline else "长期坚持")


def problems_of(task: TaskState) -> str:
    """存在问题: what the unit reported, else why the light is what it is."""
    latest = task.latest
    if latest is not None and latest.problems:
        return latest.problems.strip()
    return "；".join(task.reasons)


def progress_of(task: TaskState) -> str:
    latest = task.latest
    if latest is None or not latest.progress:
        return "未报送进展"
    percent = f"（完成{latest.percent}%）" if latest.percent is not None else ""
    return latest.progress.strip() + percent


def task_rows(tasks: list[TaskState] | tuple[TaskState, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            str(serial),
            task_name(task),
            lead_of(task),
            deadline_words(task),
            progress_of(task),
            problems_of(task),
        )
        for serial, task in enumerate(tasks, start=1)
    )


def paragraphs(text: str) -> list[str]:
    """The office's text, one paragraph per blank-line-separated part, lines joined."""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return ["".join(line.strip() for line in part.splitlines()) for part in parts if part]


def book_title(title: str) -> str:
    """A title to put inside 《》: the 《》 it holds become 〈〉, as nested titles are written."""
    return title.replace("《", "〈").replace("》", "〉")
