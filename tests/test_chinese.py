"""Chinese wording of numbers, dates, deadlines and heading numbers."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planctl.chinese import YEAR_ZERO, date_cn, deadline_cn, heading_number, number
from planctl.deadlines import parse_deadline

# --- number ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (119, "一百一十九"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (2012, "二千零一十二"),
        (9999, "九千九百九十九"),
    ],
)
def test_number_writes_section_numbers(n: int, words: str) -> None:
    assert number(n) == words


@pytest.mark.parametrize("n", [-1, 10_000])
def test_number_rejects_what_it_cannot_write(n: int) -> None:
    with pytest.raises(ValueError, match="outside 0-9999"):
        number(n)


@given(st.integers(1, 9999))
def test_number_never_ends_in_or_doubles_a_zero(n: int) -> None:
    words = number(n)
    assert not words.endswith("零")
    assert "零零" not in words


@given(st.integers(1, 9999))
def test_number_spells_each_non_zero_digit_once(n: int) -> None:
    # 十 alone stands for 一十 at the start (十一), so count that 一 back in.
    words = number(n)
    spoken = "一" + words if words.startswith("十") else words
    digits = [d for d in spoken if d in "一二三四五六七八九"]
    assert len(digits) == sum(1 for c in str(n) if c != "0")


# --- date_cn --------------------------------------------------------------------------


def test_arabic_dates_follow_gbt_9704_2012_without_zero_padding() -> None:
    assert date_cn(datetime.date(2012, 4, 19)) == "2012年4月19日"
    assert date_cn(datetime.date(2012, 4, 9), "arabic") == "2012年4月9日"


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (datetime.date(2012, 4, 19), "二○一二年四月十九日"),
        (datetime.date(2000, 10, 1), "二○○○年十月一日"),
        (datetime.date(1999, 11, 20), "一九九九年十一月二十日"),
        (datetime.date(2012, 12, 31), "二○一二年十二月三十一日"),
    ],
)
def test_chinese_dates_spell_the_year_digit_by_digit(day: datetime.date, words: str) -> None:
    assert date_cn(day, "chinese") == words


def test_the_year_zero_is_the_white_circle_the_format_uses() -> None:
    assert YEAR_ZERO == "\u25cb"


# --- deadline_cn ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        ("2012-12-31", "2012年12月31日前"),
        ("2012-06", "2012年6月底前"),
        ("2012-Q2", "2012年第二季度"),
        ("2012-H1", "2012年上半年"),
        ("2012-H2", "2012年下半年"),
        ("2012", "2012年底前"),
        ("ongoing", "长期坚持"),
    ],
)
def test_deadlines_read_as_in_plan_format(stored: str, words: str) -> None:
    assert deadline_cn(parse_deadline(stored)) == words


# --- heading_number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "n", "text"),
    [
        (1, 1, "一、"),
        (1, 12, "十二、"),
        (2, 3, "（三）"),
        (3, 4, "4."),
        (4, 5, "（5）"),
        (4, 12, "（12）"),
    ],
)
def test_heading_numbers_follow_gbt_9704(level: int, n: int, text: str) -> None:
    assert heading_number(level, n) == text


def test_heading_numbers_use_full_width_parentheses_and_an_ascii_full_stop() -> None:
    assert heading_number(2, 1)[0] == "\uff08" and heading_number(2, 1)[-1] == "\uff09"
    assert heading_number(3, 1).endswith(".")


@pytest.mark.parametrize(("level", "n"), [(0, 1), (5, 1), (1, 0)])
def test_heading_number_rejects_levels_and_numbers_that_do_not_exist(level: int, n: int) -> None:
    with pytest.raises(ValueError):
        heading_number(level, n)


def test_a_quotation_inside_a_quotation_is_in_single_quotes() -> None:
    from planctl.chinese import quoted

    assert quoted("建设环城公路") == "“建设环城公路”"
    assert quoted("重点推进“两区引领两化”建设") == "“重点推进‘两区引领两化’建设”"
