"""Measuring Chinese text and breaking titles into balanced lines (planctl.chinese)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from planctl.chinese import balanced_lines, display_width

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TITLE_PIECES = st.one_of(
    st.text(HAN, min_size=1, max_size=8),
    st.builds(lambda t: f"《{t}》", st.text(HAN, min_size=1, max_size=10)),
    st.from_regex(r"20[0-9]{2}年", fullmatch=True),
)
TITLES = st.lists(TITLE_PIECES, min_size=1, max_size=8).map("".join)


def test_chinese_characters_are_two_columns_and_digits_one() -> None:
    assert display_width("肇府办") == 6
    assert display_width("2012年") == 6
    assert display_width("“四年”") == 8  # quotes are set full-width in Chinese faces


def test_the_zhaoqing_title_breaks_after_the_book_title_as_the_issued_document_does() -> None:
    assert balanced_lines("印发肇庆市实施《珠三角规划纲要》2012年工作计划的通知", 40) == [
        "印发肇庆市实施《珠三角规划纲要》",
        "2012年工作计划的通知",
    ]


def test_a_title_that_fits_stays_on_one_line() -> None:
    assert balanced_lines("江门市2023年重点改革项目任务分解表", 40) == [
        "江门市2023年重点改革项目任务分解表"
    ]


def test_lines_are_even_and_the_longer_one_goes_on_top() -> None:
    lines = balanced_lines("关于进一步加强城市规划建设管理工作的实施意见", 40)
    assert lines == ["关于进一步加强城市规划", "建设管理工作的实施意见"]


@given(TITLES, st.integers(min_value=12, max_value=60))
def test_breaking_loses_nothing_and_never_splits_a_book_title_that_fits_or_a_number(
    title: str, width: int
) -> None:
    lines = balanced_lines(title, width)
    assert "".join(lines) == title
    if all(display_width(book) <= width for book in re.findall(r"《[^》]*》", title)):
        for line in lines:
            assert line.count("《") == line.count("》")
    for before, after in itertools.pairwise(lines):
        assert not (before[-1].isdigit() and after[0].isdigit())


@given(TITLES, st.integers(min_value=12, max_value=60))
def test_every_line_fits_when_the_title_can_be_broken_to_fit(title: str, width: int) -> None:
    lines = balanced_lines(title, width)
    if len(lines) > 1:
        assert all(display_width(line) <= width for line in lines)
        assert not any(re.match(r"[，。、》）]", line) for line in lines[1:])
