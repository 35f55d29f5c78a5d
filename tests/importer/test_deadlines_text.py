"""Deadlines in words become `due` values, with the plan's year where none is written."""

from __future__ import annotations

import pytest

from planctl.deadlines import parse_deadline
from planctl.importer.deadlines_text import Due, find_in_text, is_deadline_phrase, read_field


@pytest.mark.parametrize(
    ("words", "due"),
    [
        ("年底前", "2012"),
        ("6月底前", "2012-06"),
        ("六月底前完成", "2012-06"),
        ("第二季度", "2012-Q2"),
        ("二季度", "2012-Q2"),
        ("上半年", "2012-H1"),
        ("下半年", "2012-H2"),
        ("2023年10月底前", "2023-10"),
        ("2012年6月30日前", "2012-06-30"),
        ("长期坚持", "ongoing"),
        ("持续推进", "ongoing"),
        ("2023年6月底前完成方案，12月底前全面实施", "2023-12"),
        ("2023—2025年", "2025"),
        ("明年底前", "2013"),
    ],
)
def test_a_deadline_field_is_read_whatever_its_wording(words: str, due: str) -> None:
    assert read_field(words, 2012) == Due(due)
    parse_deadline(due)  # every value is a stored form


def test_without_a_year_the_wording_is_kept_as_a_note() -> None:
    assert read_field("6月底前", None) == Due(None, "6月底前")
    assert read_field("分阶段推进", 2012) == Due(None, "分阶段推进")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("到2012年底，全市70%以上的乡镇创建成为省教育强镇。", "2012"),
        ("确保6月底前完成方案编制，年底前全面实施。", "2012"),
        ("力争部分项目上半年见成效。", None),
        ("争取年内完成主体工程建设。", None),
        ("持续推进江门公用水务上市工作。", None),
        ("为实现2020年普及国家卫生镇打好基础。", None),
    ],
)
def test_running_text_gives_only_clear_deadlines(text: str, due: str | None) -> None:
    assert find_in_text(text, 2012) == due


@pytest.mark.parametrize(
    ("text", "is_deadline"),
    [("2023年底前完成", True), ("长期坚持", True), ("第三季度", True), ("市财政局负责", False)],
)
def test_deadline_phrases_are_told_from_unit_lists(text: str, is_deadline: bool) -> None:
    assert is_deadline_phrase(text) is is_deadline
