"""The deadline timeline (Gantt-style): where each task's bar starts and ends.

Geometry only, in SVG user units; the template draws it. A bar runs from the task's
start (its own, else the plan's period start) to its effective deadline, in the colour
of its light; a line marks the dashboard's date. Tasks without a deadline (长期坚持)
have no bar.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.dashboard.view import LIGHT_NAMES, TaskRow

WIDTH = 960.0
LABEL_WIDTH = 300.0
ROW_HEIGHT = 22.0
AXIS_HEIGHT = 28.0
_DEFAULT_SPAN = datetime.timedelta(days=30)  # a bar for a task whose start is unknown
_LABEL_CHARACTERS = 22


@dataclass(frozen=True)
class Bar:
    row: TaskRow
    href: str  # the task's anchor on its plan page, relative to the page the bar is on
    y: float
    x: float
    width: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Gantt:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    today: float | None  # where the dashboard's date falls, None when outside
    width: float = WIDTH
    label_width: float = LABEL_WIDTH
    row_height: float = ROW_HEIGHT
    axis_height: float = AXIS_HEIGHT

    @property
    def height(self) -> float:
        return self.axis_height + self.row_height * len(self.bars) + 6

    def rows(self) -> list[tuple[object, ...]]:
        """Each bar as the template draws it, in one tuple (unpacked in the loop). The
        texts the template writes side by side come joined, each escaped once: the label
        (number and short title) and the tooltip (title, deadline and light)."""
        return [
            (
                bar.href,
                bar.y,
                bar.x,
                bar.width,
                bar.row.light,
                "|".join(bar.row.units),
                f"{bar.row.number} {_short(bar.row.title)}",
                f"{bar.row.title}：{bar.row.deadline_words}（{LIGHT_NAMES[bar.row.light]}）",
            )
            for bar in self.bars
        ]


def gantt(rows: Sequence[tuple[TaskRow, str]], as_of: datetime.date) -> Gantt | None:
    """The timeline of `rows` (each with the link to its task), in the order given;
    None when none of them has a deadline."""
    spans = [(row, href, *_span(row)) for row, href in rows if row.deadline is not None]
    if not spans:
        return None
    first = min(start for _, _, start, _ in spans)
    last = max(end for _, _, _, end in spans)
    first, last = min(first, as_of), max(last, as_of)
    days = max(1, (last - first).days + 1)
    scale = (WIDTH - LABEL_WIDTH - 12) / days

    def x_of(day: datetime.date) -> float:
        return round(LABEL_WIDTH + (day - first).days * scale, 1)

    bars = tuple(
        Bar(
            row,
            href,
            y=AXIS_HEIGHT + index * ROW_HEIGHT,
            x=x_of(start),
            width=max(3.0, round((end - start).days * scale + scale, 1)),
        )
        for index, (row, href, start, end) in enumerate(spans)
    )
    ticks = tuple(Tick(x_of(day), label) for day, label in _ticks(first, last))
    return Gantt(bars, ticks, x_of(as_of))


def _short(title: str) -> str:
    return title if len(title) <= _LABEL_CHARACTERS else title[: _LABEL_CHARACTERS - 1] + "…"


def _span(row: TaskRow) -> tuple[datetime.date, datetime.date]:
    end = row.deadline or datetime.date.max
    start = row.start or end - _DEFAULT_SPAN
    return min(start, end), end


def _ticks(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, str]]:
    """Month starts, or quarter or year starts when the range is long: about a dozen,
    named short (2012年, 2月, 3月 …) to fit side by side."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next(step for step in (1, 3, 6, 12, 24, 60) if months / step <= 14)
    ticks: list[tuple[datetime.date, str]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        if (month - 1) % step == 0 or step == 1:
            day = datetime.date(year, month, 1)
            if day >= first:
                # The year on January and on the first tick; the month alone elsewhere.
                if month == 1:
                    label = f"{year}年"
                else:
                    label = f"{month}月" if ticks else f"{year}年{month}月"
                ticks.append((day, label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks
