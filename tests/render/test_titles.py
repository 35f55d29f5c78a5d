"""Titles break only between words, in the trapezoid or diamond shape (GB/T 9704 7.3.1).

The real titles in tests/data/titles/titles.txt (sources beside it) are the examples: for
each, the lines it must break into and the words no break may fall inside.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from planctl import chinese, words
from planctl.chinese import balanced_lines, display_width, title_lines
from planctl.model import plan_from_data
from planctl.plans import load_registry
from planctl.render.context import TITLE_COLUMNS, notice_view, plan_view
from planctl.words import official_words, word_breaks

ROOT = Path(__file__).resolve().parents[2]
TITLES = ROOT / "tests" / "data" / "titles" / "titles.txt"
UNITS = load_registry(ROOT / "plans" / "units.yaml")


@dataclass(frozen=True)
class Example:
    lines: tuple[str, ...]
    words: tuple[str, ...]

    @property
    def title(self) -> str:
        return "".join(self.lines)


def examples() -> list[Example]:
    found: list[Example] = []
    for line in TITLES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(" "):
            found[-1] = Example(found[-1].lines, tuple(line.split()))
        else:
            found.append(Example(tuple(line.split(" / ")), ()))
    return found


EXAMPLES = examples()


def break_offsets(lines: list[str]) -> list[int]:
    offsets, total = [], 0
    for line in lines[:-1]:
        total += len(line)
        offsets.append(total)
    return offsets


def test_the_collection_holds_forty_real_titles_each_with_its_words() -> None:
    assert len(EXAMPLES) >= 40
    for example in EXAMPLES:
        assert example.words, example.title
        assert all(word in example.title for word in example.words), example.title


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.title[:16])
def test_real_titles_break_between_words_as_written_in_the_test_data(example: Example) -> None:
    lines = balanced_lines(example.title, TITLE_COLUMNS, UNITS.known_names())
    assert tuple(lines) == example.lines
    for offset in break_offsets(lines):
        for word in example.words:
            start = example.title.find(word)
            while start >= 0:
                assert not start < offset < start + len(word), (word, lines)
                start = example.title.find(word, start + 1)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.title[:16])
def test_every_line_of_a_real_title_fits_the_title_line(example: Example) -> None:
    assert all(display_width(line) <= TITLE_COLUMNS for line in example.lines)


def test_the_official_words_stay_whole_where_the_general_dictionary_cuts_them() -> None:
    assert {"责任分工表", "任务分解表", "工作方案", "实施方案", "关于", "印发"} <= set(
        official_words()
    )
    title = "肇庆市直有关单位2023年度重点任务责任分工表"
    for offset in word_breaks(title):
        assert not title.startswith("责任分工表", offset - 3), offset
        assert not title.startswith("责任分工表", offset - 4), offset


def test_a_registered_unit_name_is_never_broken() -> None:
    title = "关于印发市人力资源社会保障局2023年就业创业重点工作任务分解表的通知"
    lines = balanced_lines(title, 24, ["市人力资源社会保障局"])
    assert any("市人力资源社会保障局" in line for line in lines), lines


def test_the_signer_of_a_notice_is_kept_whole_in_its_title() -> None:
    data = {
        "format": "planctl/1",
        "id": "p",
        "title": "某某计划",
        "stage": "draft",
        "notice": {
            "title": "江门市蓬江区棠下镇人民政府办公室关于印发棠下镇2023年重点工作的通知",
            "signer": "江门市蓬江区棠下镇人民政府办公室",
            "date": "2023-03-01",
        },
    }
    plan = plan_from_data(data)
    assert plan.notice is not None
    notice = notice_view(plan.notice, plan_view(plan))
    assert notice.title_lines[0].startswith("江门市蓬江区棠下镇人民政府办公室")


def test_numbers_keep_their_measure_word_and_book_titles_stay_whole() -> None:
    title = "关于印发《江门市全面深化改革2023年工作要点》第3季度重点任务的通知"
    breaks = word_breaks(title)
    for phrase in ("2023年", "第3季度"):
        start = title.index(phrase)
        assert not breaks & set(range(start + 1, start + len(phrase)))
    lines = balanced_lines(title, TITLE_COLUMNS)
    assert any("《江门市全面深化改革2023年工作要点》" in line for line in lines), lines


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation() -> None:
    for example in EXAMPLES:
        for line in balanced_lines(example.title, 24):
            assert line[0] not in "，。、；：？！）》〉」』”’】〕", line
            assert line[-1] not in "（《〈「『“‘【〔", line


def test_two_lines_put_the_longer_on_top() -> None:
    lines = balanced_lines("关于进一步加强城市规划建设管理工作的实施意见", TITLE_COLUMNS)
    assert lines == ["关于进一步加强城市规划", "建设管理工作的实施意见"]


def test_a_top_line_is_shorter_only_where_the_words_leave_no_better_break() -> None:
    # 北京市人民政府办公厅关于印发 / 《北京市2016年政务公开工作要点》的通知: the book
    # title stays whole, so the top line is five characters shorter, and never more.
    for example in EXAMPLES:
        if len(example.lines) == 2:
            top, bottom = (display_width(line) for line in example.lines)
            assert bottom - top <= 10, example.lines


def test_three_lines_are_a_diamond_or_trapezoid_never_an_hourglass() -> None:
    for example in EXAMPLES:
        if len(example.lines) == 3:
            top, middle, bottom = (display_width(line) for line in example.lines)
            assert middle >= min(top, bottom), example.lines


def test_a_title_written_on_lines_is_set_as_written() -> None:
    written = "印发肇庆市实施\n《珠三角规划纲要》2012年工作计划的通知"
    assert title_lines(written, TITLE_COLUMNS) == [
        "印发肇庆市实施",
        "《珠三角规划纲要》2012年工作计划的通知",
    ]
    assert title_lines("  一行标题\n\n", TITLE_COLUMNS) == ["一行标题"]
    assert chinese.one_line(written) == "印发肇庆市实施《珠三角规划纲要》2012年工作计划的通知"


def test_the_word_edges_of_a_title_are_kept_in_the_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    title = "江门市2023年全面深化改革重点工作任务分解表"
    first = word_breaks(title)
    assert list((tmp_path / "planctl" / "words").iterdir())

    def no_segmenter() -> None:
        raise AssertionError("the segmenter was loaded although the title was cut before")

    monkeypatch.setattr(words, "_cut", no_segmenter)
    assert word_breaks(title) == first


def test_a_damaged_cache_entry_is_cut_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    title = "国务院办公厅关于加快发展体育竞赛表演产业的指导意见"
    first = word_breaks(title)
    for stored in (tmp_path / "planctl" / "words").iterdir():
        stored.write_text("not numbers", encoding="ascii")
    assert word_breaks(title) == first
