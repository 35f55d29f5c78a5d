"""The responsibility table and the per-unit lists, built as format-neutral tables."""

from __future__ import annotations

import pytest

from planctl.errors import UsageError
from planctl.render.job import Job
from planctl.render.plan_tables import responsibility_table, unit_lists
from planctl.render.source import load_source
from planctl.render.table import Cell, Row, Segment, Table, lines

from .conftest import TRACKED


def test_the_table_has_a_row_per_task_and_per_section(zhaoqing_job: Job) -> None:
    document = responsibility_table(zhaoqing_job.plan)
    assert document.title == "肇庆市实施《珠三角规划纲要》2012年工作计划责任分工表"
    (table,) = document.tables
    assert [c.header for c in table.columns] == [
        "序号",
        "工作任务",
        "牵头单位",
        "配合单位",
        "完成时限",
    ]
    items = [row for row in table.rows if row.kind == "item"]
    sections = [row for row in table.rows if row.kind == "section"]
    assert len(items) == 35
    assert [row.cells[0].text for row in items] == [str(n) for n in range(1, 36)]
    assert sections[0].cells[0].text == "二、完成考核指标和重大项目建设任务"
    assert sections[2].cells[0].text == "（一）推进经济结构战略性调整，加快转变经济发展方式"
    assert (sections[0].level, sections[2].level) == (1, 2)


def test_a_task_row_holds_its_heading_text_units_and_deadline(zhaoqing_job: Job) -> None:
    (table,) = responsibility_table(zhaoqing_job.plan).tables
    services = next(r for r in table.rows if r.cells[0].text == "3")
    task_cell = services.cells[1]
    assert task_cell.segments[0] == Segment("优先发展现代服务业。", "strong")
    assert task_cell.text.startswith("优先发展现代服务业。推进端州区生产性服务业基地")
    assert services.cells[2].text == "市发展改革局"
    assert services.cells[3].text == "市经济信息化局、市文广新局、市旅游发展局等有关部门"
    education = next(r for r in table.rows if r.cells[0].text == "31")
    assert education.cells[4].text == "2012年底前"


def test_groups_stay_as_written_in_the_table() -> None:
    job = Job(load_source(TRACKED))
    (table,) = responsibility_table(job.plan).tables
    ring_road = next(r for r in table.rows if r.kind == "item")
    assert ring_road.cells[3].text == "市财政局、各县（市、区）人民政府等有关部门"


def test_tracked_tasks_add_a_progress_column() -> None:
    job = Job(load_source(TRACKED))
    (table,) = responsibility_table(job.plan).tables
    assert table.columns[-1].header == "进展"
    ring_road = next(r for r in table.rows if r.kind == "item")
    assert ring_road.cells[-1].text == "推进中\n已完成征地"


# --- per-unit lists -------------------------------------------------------------------------


def test_each_unit_lists_what_it_leads_and_what_it_supports(zhaoqing_job: Job) -> None:
    document = unit_lists(zhaoqing_job.plan, zhaoqing_job.source.units)
    by_unit = {table.title: table for table in document.tables}
    development = by_unit["市发展改革局"]
    assert development.note == "牵头9项，配合3项"
    headings = [row.cells[0].text for row in development.rows if row.kind == "section"]
    assert headings == ["牵头任务（9项）", "配合任务（3项）"]
    serials = [row.cells[0].text for row in development.rows if row.kind == "item"]
    assert serials[:3] == ["2", "3", "4"]  # the table's 序号, to look tasks up there


def test_groups_expand_to_their_members_in_the_unit_lists() -> None:
    job = Job(load_source(TRACKED))
    units = job.source.units
    assert units is not None
    titles = [table.title for table in unit_lists(job.plan, units).tables]
    assert "各县（市、区）人民政府" not in titles
    members = units.expand("各县（市、区）人民政府")
    assert len(members) == 8
    assert set(members) <= set(titles)


def test_one_unit_by_name_or_alias(zhaoqing_job: Job) -> None:
    units = zhaoqing_job.source.units
    (table,) = unit_lists(zhaoqing_job.plan, units, "市发改局").tables  # an alias
    assert table.title == "市发展改革局"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("各县（市、区）人民政府", "is a group of units"),
        ("市发展改革委", "no unit named 市发展改革委"),
        ("肇庆市人民政府", "has no tasks in this plan"),
    ],
)
def test_a_unit_that_cannot_be_listed_is_a_usage_error(
    zhaoqing_job: Job, name: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        unit_lists(zhaoqing_job.plan, zhaoqing_job.source.units, name)
    assert caught.value.hint


def test_a_misspelt_unit_gets_a_suggestion(zhaoqing_job: Job) -> None:
    with pytest.raises(UsageError) as caught:
        unit_lists(zhaoqing_job.plan, None, "市发展改革")
    assert "市发展改革局" in caught.value.hint


# --- the generic model ------------------------------------------------------------------


def test_blocks_cut_the_rows_at_each_section_row() -> None:
    item = Row((Cell.of("1"),))
    table = Table("", (), (item, Row.section("一、"), item, item, Row.section("二、")))
    blocks = table.blocks()
    assert [(b.heading.cells[0].text if b.heading else None, len(b.rows)) for b in blocks] == [
        (None, 1),
        ("一、", 2),
        ("二、", 0),
    ]


def test_lines_split_segments_at_line_breaks_keeping_marks() -> None:
    segments = [Segment("甲\n乙", "strong"), Segment("丙")]
    assert lines(segments) == [[Segment("甲", "strong")], [Segment("乙", "strong"), Segment("丙")]]
