"""Workdays: which days a report due date may fall on.

The State Council publishes each year's 放假安排: public holidays (rest days, some of
them on weekdays) and 调休 workdays (weekend days worked). `plans/calendar.yaml` holds
them year by year; for a year it does not hold, Saturdays and Sundays are the rest days
and `missing_years` says so, so that a command can warn.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from planctl.tracking.periods import Period
from planctl.tracking.records import Holidays

__all__ = ["Workdays"]

_SATURDAY = 5


@dataclass(frozen=True)
class Workdays:
    """The rest days and workdays of the years the calendar holds."""

    years: Mapping[int, Holidays] = field(default_factory=dict)

    def is_workday(self, day: datetime.date) -> bool:
        holidays = self.years.get(day.year)
        if holidays is not None:
            if day in holidays.work:
                return True
            if day in holidays.rest:
                return False
        return day.weekday() < _SATURDAY

    def next_workday(self, day: datetime.date) -> datetime.date:
        """`day` itself when it is a workday, else the first workday after it."""
        while not self.is_workday(day):
            day += datetime.timedelta(days=1)
        return day

    def report_due(self, period: Period, due_day: int) -> datetime.date:
        """The last day to report on `period`: day `due_day` of the next month, or the
        first workday after it when that is a rest day (遇节假日顺延)."""
        return self.next_workday(period.nominal_due(due_day))

    def missing_years(self, years: Iterable[int]) -> list[int]:
        """Those of `years` the calendar does not hold (weekends stand in for them)."""
        return sorted({year for year in years if year not in self.years})
