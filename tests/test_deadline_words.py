"""Deadlines written in words become stored deadlines, or are refused with a valid fix."""

from __future__ import annotations

import re

import pytest

from planctl.deadline_words import (
    PlanYears,
    WordedDeadlineError,
    is_stored_form,
    plan_years,
    read_worded,
)

ONE_YEAR = PlanYears(2023, 2023)
FIVE_YEARS = PlanYears(2021, 2025)


@pytest.mark.parametrize(
    ("words", "stored"),
    [
        ("2023年6月底前", "2023-06"),
        ("2023年6月底", "2023-06"),
        ("2023年6月", "2023-06"),
        ("于2023年6月底前完成", "2023-06"),
        ("２０２３年６月底前", "2023-06"),
        ("2023 年 6 月底前", "2023-06"),
        ("2023年6月30日前", "2023-06-30"),
        ("2023年6月30号", "2023-06-30"),
        ("2023/6/30", "2023-06-30"),
        ("2023.6", "2023-06"),
        ("2023-6", "2023-06"),
        ("二〇二三年十月底前", "2023-10"),
        ("2023年第二季度", "2023-Q2"),
        ("2023年二季度末", "2023-Q2"),
        ("2023Q3", "2023-Q3"),
        ("2023年上半年", "2023-H1"),
        ("2023年年中", "2023-H1"),
        ("2023年下半年", "2023-H2"),
        ("2023年底前", "2023"),
        ("2023年年底前", "2023"),
        ("2023年内", "2023"),
        ("2023年", "2023"),
        ("力争2023年底前基本完成", "2023"),
        ("2021—2025年", "2025"),
        ("2023年至2025年底", "2025"),
        ("长期坚持", "ongoing"),
        ("持续推进", "ongoing"),
        ("常态化推进", "ongoing"),
        ("长期", "ongoing"),
    ],
)
def test_a_wording_with_its_year_means_one_stored_deadline(words: str, stored: str) -> None:
    for years in (ONE_YEAR, FIVE_YEARS, None):
        worded = read_worded(words, years)
        assert (worded.stored, worded.words) == (stored, words.strip())


@pytest.mark.parametrize(
    ("words", "stored"),
    [
        ("6月底前", "2023-06"),
        ("十二月底前", "2023-12"),
        ("6月中旬前", "2023-06-20"),
        ("6月下旬", "2023-06"),
        ("第二季度", "2023-Q2"),
        ("二季度", "2023-Q2"),
        ("上半年", "2023-H1"),
        ("下半年", "2023-H2"),
        ("年底前", "2023"),
        ("年内", "2023"),
        ("今年底", "2023"),
        ("明年6月底前", "2024-06"),
    ],
)
def test_a_wording_without_a_year_takes_the_year_of_a_one_year_plan(
    words: str, stored: str
) -> None:
    assert read_worded(words, ONE_YEAR).stored == stored


@pytest.mark.parametrize("words", ["年底前", "上半年", "第二季度", "6月底前", "今年底"])
@pytest.mark.parametrize("years", [FIVE_YEARS, None])
def test_a_wording_without_a_year_is_refused_when_the_plan_does_not_give_one(
    words: str, years: PlanYears | None
) -> None:
    with pytest.raises(WordedDeadlineError, match="does not say which year") as refused:
        read_worded(words, years)
    assert_fix_is_valid(refused.value)


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("2023年2月30日前", "not a real date"),
        ("2023年13月底前", "not a real date"),
        ("每季度", "recurring"),
        ("6月底前完成方案，12月底前完成建设", "not a deadline planctl can read"),
        ("尽快", "not a deadline planctl can read"),
    ],
)
def test_what_is_not_one_deadline_is_refused_with_a_valid_fix(words: str, reason: str) -> None:
    with pytest.raises(WordedDeadlineError, match=reason) as refused:
        read_worded(words, ONE_YEAR)
    assert_fix_is_valid(refused.value)


def assert_fix_is_valid(error: WordedDeadlineError) -> None:
    """Every value a fix proposes (after "e.g." or in backticks) is itself accepted."""
    proposed = re.findall(r"e\.g\. ([^,;( ]+)", error.fix)
    proposed += re.findall(r"`due: ([^`]+)`", error.fix)
    assert proposed, error.fix
    for value in proposed:
        assert is_stored_form(value) or read_worded(value, None), value


def test_the_impossible_day_gets_the_last_day_of_its_month() -> None:
    with pytest.raises(WordedDeadlineError) as refused:
        read_worded("2024年2月30日前", None)
    assert "2024年2月29日前 (2024-02-29)" in refused.value.fix


def test_stored_forms_are_recognised() -> None:
    assert all(map(is_stored_form, ["2023-06-30", "2023-06", "2023-Q2", "2023-H1", 2023]))
    assert not any(map(is_stored_form, ["2023年6月底前", "长期坚持", True, None, "2023-02-30"]))


def test_plan_years_come_from_the_period() -> None:
    assert plan_years({"period": {"start": "2023-01-01", "end": "2023-12-31"}}) == ONE_YEAR
    assert plan_years({"period": {"start": "2021-01-01", "end": "2025-12-31"}}) == FIVE_YEARS
    assert plan_years({"period": {"start": "2025-01-01", "end": "2021-12-31"}}) is None
    assert plan_years({"title": "no period"}) is None
    assert plan_years(["not a plan"]) is None
