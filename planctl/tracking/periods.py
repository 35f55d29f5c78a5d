"""Reporting periods: the month, quarter, half-year or year a progress report covers.

A period is written as its plan's reporting cycle says: ``2023-06`` (a month),
``2023-Q2`` (a quarter), ``2023-H1`` (a half-year) or ``2023`` (a year). The report for a
period is due by day N of the month after it (次月N日前), moved to the next workday when
that day is a rest day (see `planctl.tracking.workdays`).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeAlias

from planctl.errors import DeadlineError
from planctl.i18n import N_, _, quote

__all__ = ["CYCLES", "Cycle", "Period", "parse_period", "period_containing", "periods_between"]

Cycle: TypeAlias = Literal["month", "quarter", "half", "year"]
CYCLES: tuple[Cycle, ...] = ("month", "quarter", "half", "year")

# How many months one period of each cycle spans, and how many periods make a year.
_MONTHS: dict[Cycle, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}

_FORMS: tuple[tuple[re.Pattern[str], Cycle], ...] = (
    (re.compile(r"(?P<year>[0-9]{4})-(?P<part>[0-9]{2})"), "month"),
    (re.compile(r"(?P<year>[0-9]{4})-Q(?P<part>[1-4])"), "quarter"),
    (re.compile(r"(?P<year>[0-9]{4})-H(?P<part>[12])"), "half"),
    (re.compile(r"(?P<year>[0-9]{4})"), "year"),
)

_NOT_A_PERIOD = N_("{value} is not a reporting period; write 2023-06, 2023-Q2, 2023-H1 or 2023")
# How a period is named in Chinese documents and tables.
_CHINESE: dict[Cycle, str] = {
    "month": "{year}年{part}月",
    "quarter": "{year}年第{numeral}季度",
    "half": "{year}年{half}",
    "year": "{year}年",
}


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One reporting period; ``part`` is the month, quarter or half (1 for a year).

    Periods of one cycle order by time; ``order=True`` compares (cycle, year, part), so
    compare only periods of the same cycle (`start`/`end` compare any two).
    """

    cycle: Cycle
    year: int
    part: int = 1

    def __post_init__(self) -> None:
        if self.cycle not in _MONTHS:
            raise DeadlineError(f"unknown reporting cycle {self.cycle!r}")
        if not 1 <= self.part <= 12 // _MONTHS[self.cycle]:
            raise DeadlineError(_(_NOT_A_PERIOD).format(value=quote(str(self))))

    @property
    def start(self) -> datetime.date:
        """The period's first day."""
        return datetime.date(self.year, self._first_month(), 1)

    @property
    def end(self) -> datetime.date:
        """The period's last day."""
        month = self._first_month() + _MONTHS[self.cycle] - 1
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> Period:
        if self.part < 12 // _MONTHS[self.cycle]:
            return Period(self.cycle, self.year, self.part + 1)
        return Period(self.cycle, self.year + 1, 1)

    def previous(self) -> Period:
        if self.part > 1:
            return Period(self.cycle, self.year, self.part - 1)
        return Period(self.cycle, self.year - 1, 12 // _MONTHS[self.cycle])

    def nominal_due(self, due_day: int) -> datetime.date:
        """Day `due_day` of the month after the period, before any move off a rest day."""
        after = self.end + datetime.timedelta(days=1)
        return after.replace(day=due_day)

    def chinese(self) -> str:
        """The period as documents name it: 2023年6月, 2023年第二季度 (as deadlines are
        worded), 2023年上半年, 2023年."""
        half = "上半年" if self.part == 1 else "下半年"
        numeral = "一二三四"[self.part - 1] if self.cycle == "quarter" else ""
        return _CHINESE[self.cycle].format(
            year=self.year, part=self.part, half=half, numeral=numeral
        )

    def __str__(self) -> str:
        if self.cycle == "month":
            return f"{self.year:04d}-{self.part:02d}"
        if self.cycle == "quarter":
            return f"{self.year:04d}-Q{self.part}"
        if self.cycle == "half":
            return f"{self.year:04d}-H{self.part}"
        return f"{self.year:04d}"

    def _first_month(self) -> int:
        return (self.part - 1) * _MONTHS[self.cycle] + 1


def parse_period(value: str | int, cycle: Cycle | None = None) -> Period:
    """Parse a written period (an int is a year, as YAML reads ``2023``).

    With `cycle`, the period must be written in that cycle's form. Raises
    :class:`DeadlineError` with a sentence saying what is wrong.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DeadlineError(_(_NOT_A_PERIOD).format(value=repr(value)))
    return _parse_known_type(value, cycle)


# A year of reports writes the same few periods tens of thousands of times: each is
# parsed once (periods are frozen; errors are raised anew, never cached).
@lru_cache(maxsize=4096)
def _parse_known_type(value: str | int, cycle: Cycle | None) -> Period:
    text = str(value)
    for pattern, form in _FORMS:
        if match := pattern.fullmatch(text):
            year, part = int(match["year"]), int(match.groupdict().get("part") or 1)
            if form == "month" and not 1 <= part <= 12:
                break
            written = Period(form, year, part)
            if cycle is not None and form != cycle:
                # The example is the period of the cycle that ends where the one written
                # does (2012-Q3 in a monthly plan: 2012-09).
                example = period_containing(written.end, cycle)
                raise DeadlineError(
                    _("{value} is not a {cycle} period; write it as {example}").format(
                        value=quote(text), cycle=cycle, example=str(example)
                    )
                )
            return written
    raise DeadlineError(_(_NOT_A_PERIOD).format(value=quote(text)))


def period_containing(day: datetime.date, cycle: Cycle) -> Period:
    """The period of `cycle` that `day` falls in."""
    return Period(cycle, day.year, (day.month - 1) // _MONTHS[cycle] + 1)


def periods_between(first: Period, last: Period) -> Iterator[Period]:
    """Every period from `first` to `last`, both included (none when `last` is earlier)."""
    period = first
    while period <= last:
        yield period
        period = period.next()
