"""The `due` value domain: every stored form, its last day, its order and its errors."""

from __future__ import annotations

import calendar
import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planctl.deadlines import (
    MAX_YEAR,
    MIN_YEAR,
    Deadline,
    DeadlineError,
    parse_date,
    parse_deadline,
)

# --- The six forms of docs/plan-format.md ------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "expected", "last_day"),
    [
        ("2012-12-31", Deadline("day", 2012, 12, 31), datetime.date(2012, 12, 31)),
        ("2012-06", Deadline("month", 2012, 6), datetime.date(2012, 6, 30)),
        ("2012-Q2", Deadline("quarter", 2012, 2), datetime.date(2012, 6, 30)),
        ("2012-H1", Deadline("half", 2012, 1), datetime.date(2012, 6, 30)),
        ("2012-H2", Deadline("half", 2012, 2), datetime.date(2012, 12, 31)),
        ("2012", Deadline("year", 2012), datetime.date(2012, 12, 31)),
        ("ongoing", Deadline("ongoing"), None),
    ],
)
def test_each_stored_form_parses_and_prints_back(
    stored: str, expected: Deadline, last_day: datetime.date | None
) -> None:
    deadline = parse_deadline(stored)
    assert deadline == expected
    assert deadline.last_day() == last_day
    assert str(deadline) == stored


def test_yaml_reads_a_bare_year_as_int_and_that_is_a_year_deadline() -> None:
    assert parse_deadline(2012) == Deadline("year", 2012)


def test_february_ends_on_the_29th_in_a_leap_year() -> None:
    assert parse_deadline("2024-02").last_day() == datetime.date(2024, 2, 29)
    assert parse_deadline("2023-02").last_day() == datetime.date(2023, 2, 28)


def test_first_day_opens_the_period() -> None:
    assert parse_deadline("2012-Q3").first_day() == datetime.date(2012, 7, 1)
    assert parse_deadline("2012-H2").first_day() == datetime.date(2012, 7, 1)
    assert parse_deadline("ongoing").first_day() is None


def test_sorting_goes_by_last_day_narrowest_first_and_ongoing_last() -> None:
    stored = ["ongoing", "2012", "2012-H1", "2012-Q2", "2012-06", "2012-06-30", "2012-01-15"]
    ordered = sorted((parse_deadline(s) for s in stored), key=Deadline.sort_key)
    assert [str(d) for d in ordered] == [
        "2012-01-15",
        "2012-06-30",
        "2012-06",
        "2012-Q2",
        "2012-H1",
        "2012",
        "ongoing",
    ]


# --- Errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "2023-02-30 is not a real date (February 2023 has 28 days)"),
        ("2023-13-01", "2023-13-01 is not a real date (month 13 does not exist)"),
        ("2023-04-00", "days start at 1"),
        ("2023-13", "2023-13 is not a real month (month 13 does not exist)"),
        ("2023-00", "month 0 does not exist"),
        ("2012-Q5", "quarters are Q1 to Q4"),
        ("2012-H3", "halves are H1 and H2"),
        ("0999", "year 999 is outside 1000-9999"),
        (12, "year 12 is outside 1000-9999"),
    ],
)
def test_impossible_deadlines_say_what_is_wrong(value: str | int, message: str) -> None:
    with pytest.raises(DeadlineError, match=re.escape(message)):
        parse_deadline(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "2012-6",  # the month needs two digits
        "2012-q2",
        "2012年6月",
        " 2012-06",
        "2012-06\n",
        "Ongoing",
        "２０１２",  # full-width digits
        "2012-06-30T00:00",
    ],
)
def test_anything_but_the_stored_forms_is_rejected(value: str) -> None:
    with pytest.raises(DeadlineError, match="use one of 2012-12-31, 2012-06"):
        parse_deadline(value)


def test_a_boolean_is_not_a_year_even_though_python_says_it_is_an_int() -> None:
    with pytest.raises(DeadlineError):
        parse_deadline(True)


def test_deadline_construction_enforces_its_invariants() -> None:
    with pytest.raises(DeadlineError, match="has no day"):
        Deadline("month", 2012, 6, 30)
    with pytest.raises(DeadlineError, match="needs a part"):
        Deadline("quarter", 2012)
    with pytest.raises(DeadlineError, match="ongoing deadline has no year"):
        Deadline("ongoing", 2012)


def test_deadline_error_is_a_value_error() -> None:
    assert issubclass(DeadlineError, ValueError)


# --- parse_date -------------------------------------------------------------------------


def test_parse_date_reads_iso_days() -> None:
    assert parse_date("2012-04-19") == datetime.date(2012, 4, 19)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "2023-02-30 is not a real date (February 2023 has 28 days)"),
        ("2023-13-01", "month 13 does not exist"),
        ("2012-4-19", "write it as YYYY-MM-DD"),
        ("2012-04", "write it as YYYY-MM-DD"),
    ],
)
def test_parse_date_rejects_impossible_and_malformed_dates(value: str, message: str) -> None:
    with pytest.raises(DeadlineError, match=re.escape(message)):
        parse_date(value)


# --- Laws ---------------------------------------------------------------------------------

_years = st.integers(MIN_YEAR, MAX_YEAR)

deadlines = st.one_of(
    st.dates(datetime.date(MIN_YEAR, 1, 1), datetime.date(MAX_YEAR, 12, 31)).map(
        lambda d: Deadline("day", d.year, d.month, d.day)
    ),
    st.builds(Deadline, st.just("month"), _years, st.integers(1, 12)),
    st.builds(Deadline, st.just("quarter"), _years, st.integers(1, 4)),
    st.builds(Deadline, st.just("half"), _years, st.integers(1, 2)),
    st.builds(Deadline, st.just("year"), _years),
    st.just(Deadline("ongoing")),
)


@given(deadlines)
def test_the_stored_form_parses_back_to_the_same_deadline(deadline: Deadline) -> None:
    assert parse_deadline(str(deadline)) == deadline


@given(deadlines)
def test_last_day_is_never_before_the_first_day(deadline: Deadline) -> None:
    first, last = deadline.first_day(), deadline.last_day()
    if deadline.kind == "ongoing":
        assert first is None and last is None
    else:
        assert first is not None and last is not None
        assert first <= last
        assert first.year == last.year == deadline.year


@given(deadlines)
def test_a_period_ends_on_the_last_day_of_a_month(deadline: Deadline) -> None:
    last = deadline.last_day()
    if deadline.kind not in ("day", "ongoing"):
        assert last is not None
        assert last.day == calendar.monthrange(last.year, last.month)[1]


@given(deadlines, deadlines)
def test_sort_key_agrees_with_last_day_and_separates_distinct_deadlines(
    a: Deadline, b: Deadline
) -> None:
    last_a, last_b = a.last_day(), b.last_day()
    if last_a is not None and last_b is not None and last_a < last_b:
        assert a.sort_key() < b.sort_key()
    if last_a is not None and last_b is None:
        assert a.sort_key() < b.sort_key()
    assert (a.sort_key() == b.sort_key()) == (a == b)


@given(st.dates(datetime.date(MIN_YEAR, 1, 1), datetime.date(MAX_YEAR, 12, 31)))
def test_parse_date_reads_what_isoformat_writes(day: datetime.date) -> None:
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=12))
def test_arbitrary_text_either_parses_or_raises_deadline_error(text: str) -> None:
    try:
        deadline = parse_deadline(text)
    except DeadlineError:
        return
    assert str(deadline) == text
