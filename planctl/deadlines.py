"""The `due` value domain: parse, validate, compare and print task deadlines.

A deadline is stored in one of six forms (see "完成时限" in docs/plan-format.md):
``2012-12-31`` (a day), ``2012-06`` (a month), ``2012-Q2`` (a quarter),
``2012-H1`` (a half-year), ``2012`` (a year) or ``ongoing``. Every form except
``ongoing`` has a last day, the date the task is overdue after.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeAlias

from planctl.errors import DeadlineError
from planctl.i18n import N_, _, quote

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Deadline",
    "DeadlineError",
    "DeadlineKind",
    "parse_date",
    "parse_deadline",
]

DeadlineKind: TypeAlias = Literal["day", "month", "quarter", "half", "year", "ongoing"]

# Plans are dated documents; a four-digit year keeps the stored form unambiguous.
MIN_YEAR = 1000
MAX_YEAR = 9999

_ONGOING = "ongoing"

# One message per month: languages name months differently (calendar.month_name follows the
# process locale, not the user's language).
_MONTH_LENGTHS = (
    N_("January {year} has {length} days"),
    N_("February {year} has {length} days"),
    N_("March {year} has {length} days"),
    N_("April {year} has {length} days"),
    N_("May {year} has {length} days"),
    N_("June {year} has {length} days"),
    N_("July {year} has {length} days"),
    N_("August {year} has {length} days"),
    N_("September {year} has {length} days"),
    N_("October {year} has {length} days"),
    N_("November {year} has {length} days"),
    N_("December {year} has {length} days"),
)

# How many months one month, quarter or half spans.
_MONTHS_PER_PART: dict[DeadlineKind, int] = {"month": 1, "quarter": 3, "half": 6}

# Among deadlines with the same last day, the narrower one sorts first.
_KIND_RANK: dict[DeadlineKind, int] = {
    "day": 0,
    "month": 1,
    "quarter": 2,
    "half": 3,
    "year": 4,
    "ongoing": 5,
}

# [0-9] rather than \d: \d also matches full-width and other Unicode digits.
_DAY_RE = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_MONTH_RE = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")
_QUARTER_RE = re.compile(r"(?P<year>[0-9]{4})-Q(?P<part>[0-9])")
_HALF_RE = re.compile(r"(?P<year>[0-9]{4})-H(?P<part>[0-9])")
_YEAR_RE = re.compile(r"(?P<year>[0-9]{4})")

_DATED_FORMS: tuple[tuple[re.Pattern[str], DeadlineKind], ...] = (
    (_DAY_RE, "day"),
    (_MONTH_RE, "month"),
    (_QUARTER_RE, "quarter"),
    (_HALF_RE, "half"),
    (_YEAR_RE, "year"),
)

# What to call each kind in "… is not a real …" messages.
_NOT_REAL: dict[DeadlineKind, str] = {
    "day": N_("{text} is not a real date ({reason})"),
    "month": N_("{text} is not a real month ({reason})"),
    "quarter": N_("{text} is not a real quarter ({reason})"),
    "half": N_("{text} is not a real half-year ({reason})"),
    "year": N_("{text} is not a real year ({reason})"),
}

_NOT_A_DEADLINE = N_(
    "{value} is not a deadline; use one of 2012-12-31, 2012-06, 2012-Q2, 2012-H1, 2012 or ongoing"
)
_NOT_A_DATE = N_("{value} is not a date; write it as YYYY-MM-DD, e.g. 2012-04-19")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A task deadline in one of the stored forms.

    ``part`` is the month (1-12), quarter (1-4) or half (1-2) for those kinds and
    ``None`` otherwise; ``day`` is set only for ``kind == "day"``, where ``part`` is
    the month. ``year`` is ``None`` only for ``ongoing``. Construction validates
    these rules and raises :class:`DeadlineError` when they are broken.
    """

    kind: DeadlineKind
    year: int | None = None
    part: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.kind == "ongoing":
            if (self.year, self.part, self.day) != (None, None, None):
                raise DeadlineError("an ongoing deadline has no year, part or day")
            return
        if self.kind not in _KIND_RANK:
            raise DeadlineError(f"unknown deadline kind {self.kind!r}")
        year = _require(self.year, "year", self.kind)
        _check_year(year)
        if self.kind == "year":
            _forbid(self.part, "part", self.kind)
            _forbid(self.day, "day", self.kind)
        elif self.kind == "day":
            _check_real_date(year, _require(self.part, "part", self.kind), self.day)
        else:
            _forbid(self.day, "day", self.kind)
            _check_part(self.kind, _require(self.part, "part", self.kind))

    def first_day(self) -> datetime.date | None:
        """Return the first day of the period the deadline names (None for ongoing)."""
        if self.kind == "ongoing":
            return None
        year = _known(self.year)
        if self.kind == "day":
            return datetime.date(year, _known(self.part), _known(self.day))
        if self.kind == "year":
            return datetime.date(year, 1, 1)
        return datetime.date(year, self._last_month() - self._months_spanned() + 1, 1)

    def last_day(self) -> datetime.date | None:
        """Return the date the deadline is overdue after (None for ongoing)."""
        if self.kind == "ongoing":
            return None
        year = _known(self.year)
        if self.kind == "day":
            return datetime.date(year, _known(self.part), _known(self.day))
        month = 12 if self.kind == "year" else self._last_month()
        return datetime.date(year, month, _days_in_month(year, month))

    def sort_key(self) -> tuple[int, datetime.date, int]:
        """Return a key that orders deadlines by last day, with ongoing last.

        Deadlines that end on the same day (2012-06-30, 2012-06, 2012-Q2, 2012-H1)
        are ordered narrowest first, so the key is distinct for distinct deadlines.
        """
        last = self.last_day()
        if last is None:
            return (1, datetime.date.max, _KIND_RANK[self.kind])
        return (0, last, _KIND_RANK[self.kind])

    def __str__(self) -> str:
        if self.kind == "ongoing":
            return _ONGOING
        year = f"{_known(self.year):04d}"
        if self.kind == "year":
            return year
        if self.kind == "day":
            return f"{year}-{_known(self.part):02d}-{_known(self.day):02d}"
        if self.kind == "month":
            return f"{year}-{_known(self.part):02d}"
        letter = "Q" if self.kind == "quarter" else "H"
        return f"{year}-{letter}{_known(self.part)}"

    def _months_spanned(self) -> int:
        return _MONTHS_PER_PART[self.kind]

    def _last_month(self) -> int:
        return _known(self.part) * self._months_spanned()


def parse_deadline(value: str | int) -> Deadline:
    """Parse a stored ``due`` value; an int is taken as a year (YAML reads 2012 as int).

    Raises :class:`DeadlineError` for anything but the forms in docs/plan-format.md.
    """
    # bool is an int subclass, but ``due: true`` is certainly not a year.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DeadlineError(_(_NOT_A_DEADLINE).format(value=repr(value)))
    return _parse_known_type(value)


# A status reads the same few deadline strings for every task and date: parse each once.
# Deadlines are frozen, so sharing one is safe; errors are raised anew (never cached).
@lru_cache(maxsize=4096)
def _parse_known_type(value: str | int) -> Deadline:
    if isinstance(value, int):
        return _build(str(value), "year", (value,))
    if value == _ONGOING:
        return Deadline("ongoing")
    for pattern, kind in _DATED_FORMS:
        if match := pattern.fullmatch(value):
            return _build(value, kind, _ints(match))
    # Quoted so that stray spaces or look-alike characters are visible.
    raise DeadlineError(_(_NOT_A_DEADLINE).format(value=quote(value)))


def parse_date(value: str) -> datetime.date:
    """Parse a ``YYYY-MM-DD`` string into a date, rejecting impossible dates."""
    if not isinstance(value, str):
        raise DeadlineError(_(_NOT_A_DATE).format(value=repr(value)))
    return _parse_date_text(value)


# A year of reports writes the same few dates tens of thousands of times: each is parsed
# once (dates are immutable; errors are raised anew, never cached).
@lru_cache(maxsize=4096)
def _parse_date_text(value: str) -> datetime.date:
    match = _DAY_RE.fullmatch(value)
    if match is None:
        raise DeadlineError(_(_NOT_A_DATE).format(value=quote(value)))
    year, month, day = _ints(match)
    _build(value, "day", (year, month, day))  # same checks and messages as a `due` day
    return datetime.date(year, month, day)


def _build(text: str, kind: DeadlineKind, numbers: tuple[int, ...]) -> Deadline:
    """Make a deadline from parsed numbers, naming the source text in any error."""
    try:
        return Deadline(kind, *numbers)
    except DeadlineError as error:
        raise DeadlineError(_(_NOT_REAL[kind]).format(text=text, reason=error)) from None


def _ints(match: re.Match[str]) -> tuple[int, ...]:
    return tuple(int(group) for group in match.groups())


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        message = _("year {year} is outside {first}-{last}")
        raise DeadlineError(message.format(year=year, first=MIN_YEAR, last=MAX_YEAR))


def _check_part(kind: DeadlineKind, part: int) -> None:
    if kind == "month":
        _check_month(part)
    elif kind == "quarter" and not 1 <= part <= 4:
        raise DeadlineError(
            _("quarter {part} does not exist; quarters are Q1 to Q4").format(part=part)
        )
    elif kind == "half" and not 1 <= part <= 2:
        raise DeadlineError(_("half {part} does not exist; halves are H1 and H2").format(part=part))


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise DeadlineError(_("month {month} does not exist").format(month=month))


def _check_real_date(year: int, month: int, day: int | None) -> None:
    _check_month(month)
    day = _require(day, "day", "day")
    if day < 1:
        raise DeadlineError(_("day {day} does not exist; days start at 1").format(day=day))
    length = _days_in_month(year, month)
    if day > length:
        raise DeadlineError(_(_MONTH_LENGTHS[month - 1]).format(year=year, length=length))


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _require(value: int | None, field: str, kind: str) -> int:
    if value is None:
        raise DeadlineError(f"a {kind} deadline needs a {field}")
    return value


def _forbid(value: int | None, field: str, kind: str) -> None:
    if value is not None:
        raise DeadlineError(f"a {kind} deadline has no {field}")


def _known(value: int | None) -> int:
    """Narrow a field that __post_init__ has already guaranteed to be set."""
    if value is None:
        raise AssertionError("Deadline invariant broken: a required field is None")
    return value
