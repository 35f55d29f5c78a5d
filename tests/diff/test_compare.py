"""The semantic diff of two plans, one kind of change at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planctl.diff import (
    Change,
    ChangeKind,
    DeadlineMove,
    ListEdit,
    Segment,
    TextEdit,
    diff_plans,
)
from planctl.diff.compare import task_changes_between
from planctl.diff.wording import value_text

from ..demo import demo_data, demo_plan

K = ChangeKind
Data = dict[str, Any]


def changes_after(edit: Callable[[Data], None]) -> tuple[Change, ...]:
    """The changes from the demo plan to a copy edited by `edit`."""
    data = demo_data()
    edit(data)
    return diff_plans(demo_plan(), demo_plan(data))


def economy(data: Data) -> list[Data]:
    tasks: list[Data] = data["sections"][0]["tasks"]
    return tasks


def education(data: Data) -> Data:
    section: Data = data["sections"][1]["sections"][0]
    return section


def only(changes: tuple[Change, ...]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


# --- nothing, and whole plans ------------------------------------------------------------


def test_a_plan_compared_with_itself_has_no_changes() -> None:
    assert diff_plans(demo_plan(), demo_plan()) == ()


def test_a_new_plan_is_one_addition_with_its_size() -> None:
    change = only(diff_plans(None, demo_plan()))
    assert change.kind is K.PLAN_ADDED
    assert change.new == {"title": "示例市2023年重点工作计划", "sections": 4, "tasks": 5}


def test_a_deleted_plan_is_one_removal() -> None:
    change = only(diff_plans(demo_plan(), None))
    assert (change.kind, change.plan) == (K.PLAN_REMOVED, "demo-2023")


def test_plan_header_fields() -> None:
    def edit(data: Data) -> None:
        data["stage"] = "draft"
        data["period"] = {"start": "2023-01-01", "end": "2024-06-30"}

    stage, period = changes_after(edit)
    assert (stage.kind, stage.field, stage.old, stage.new) == (
        K.PLAN_CHANGED,
        "stage",
        "issued",
        "draft",
    )
    assert period.new == {"start": "2023-01-01", "end": "2024-06-30"}


def test_reporting_added_and_a_task_start_moved_are_shown_in_plan_words() -> None:
    def edit(data: Data) -> None:
        data["reporting"] = {"cycle": "month", "due_day": 5, "supervisor": "市政府督查室"}
        economy(data)[0]["start"] = "2023-03"

    reporting, start = changes_after(edit)
    assert (reporting.field, reporting.old) == ("reporting", None)
    assert value_text("reporting", reporting.new) == "每月报送，次月5日前，市政府督查室督查"
    assert (start.field, start.old, start.new) == ("start", None, "2023-03")


def test_a_preamble_part_changed_carries_its_text_marks() -> None:
    def edit(data: Data) -> None:
        data["preamble"] = [{"title": "总体要求", "text": "坚持稳中求进。"}]

    change = only(changes_after(edit))
    assert (change.field, change.old, change.new) == (
        "preamble",
        None,
        {"text": "坚持稳中求进。", "title": "总体要求"},
    )


# --- the notice --------------------------------------------------------------------------


def test_notice_fields_changed() -> None:
    def edit(data: Data) -> None:
        data["notice"]["doc_number"] = "示府办〔2023〕6号"
        data["notice"]["recipients"].append("各直属单位")

    number, recipients = changes_after(edit)
    assert (number.kind, number.field, number.new) == (
        K.NOTICE_CHANGED,
        "doc_number",
        "示府办〔2023〕6号",
    )
    assert recipients.detail == ListEdit(added=("各直属单位",), removed=())


def test_notice_added_and_removed() -> None:
    removed = only(changes_after(lambda data: data.pop("notice")))
    assert (removed.kind, removed.old) == (K.NOTICE_REMOVED, "印发示例市2023年重点工作计划的通知")
    data = demo_data()
    del data["notice"]
    added = only(diff_plans(demo_plan(data), demo_plan()))
    assert added.kind is K.NOTICE_ADDED


# --- sections ----------------------------------------------------------------------------


def test_a_renamed_section_marks_the_changed_characters() -> None:
    change = only(changes_after(lambda data: education(data).update(title="办好人民满意教育")))
    assert (change.kind, change.section) == (K.SECTION_RENAMED, "education")
    assert change.detail == TextEdit(
        (Segment("办好人民满意"), Segment("的", "delete"), Segment("教育"))
    )


def test_a_section_added_with_its_tasks() -> None:
    def edit(data: Data) -> None:
        data["sections"].append(
            {
                "id": "safety",
                "title": "统筹发展和安全",
                "tasks": [
                    {"id": "fire", "text": "开展消防安全专项整治。", "lead": ["市消防救援支队"]}
                ],
            }
        )

    section, task = changes_after(edit)
    assert (section.kind, section.section, section.new) == (
        K.SECTION_ADDED,
        "safety",
        "统筹发展和安全",
    )
    assert (task.kind, task.section, task.task) == (K.TASK_ADDED, "safety", "fire")


def test_a_removed_section_removes_the_tasks_that_went_with_it() -> None:
    section, task = changes_after(lambda data: data["sections"][1]["sections"].pop(1))
    assert (section.kind, section.section) == (K.SECTION_REMOVED, "health")
    assert (task.kind, task.task, task.old) == (K.TASK_REMOVED, "hospitals", "提升医疗服务能力")


def test_a_section_moved_under_another_parent() -> None:
    def edit(data: Data) -> None:
        data["sections"][0].setdefault("sections", []).append(
            data["sections"][1]["sections"].pop(1)
        )

    change = only(changes_after(edit))
    assert change.kind is K.SECTION_MOVED
    assert change.old == {"section": "livelihood", "position": 2}
    assert change.new == {"section": "economy", "position": 1}


def test_sections_swapped_are_one_move() -> None:
    change = only(changes_after(lambda data: data["sections"].reverse()))
    assert change.kind is K.SECTION_MOVED


def test_a_section_text_changed() -> None:
    change = only(changes_after(lambda data: education(data).update(text="教育优先发展。")))
    assert (change.kind, change.field, change.new) == (K.SECTION_CHANGED, "text", "教育优先发展。")


# --- tasks: added, removed, moved ----------------------------------------------------------


def test_a_task_added() -> None:
    def edit(data: Data) -> None:
        economy(data).insert(
            1, {"id": "digital", "title": "发展数字经济", "lead": ["市政务服务数据管理局"]}
        )

    change = only(changes_after(edit))
    assert (change.kind, change.section, change.task, change.new) == (
        K.TASK_ADDED,
        "economy",
        "digital",
        "发展数字经济",
    )


def test_a_task_removed_is_reported_under_the_section_it_left() -> None:
    change = only(changes_after(lambda data: economy(data).pop(1)))
    assert (change.kind, change.section, change.task) == (K.TASK_REMOVED, "economy", "services")


def test_a_task_moved_to_another_section_is_a_move_not_a_removal() -> None:
    def edit(data: Data) -> None:
        education(data)["tasks"].append(economy(data).pop(2))

    change = only(changes_after(edit))
    assert (change.kind, change.task, change.section) == (K.TASK_MOVED, "agriculture", "education")
    assert change.old == {"section": "economy", "position": 3}
    assert change.new == {"section": "education", "position": 2}


def test_a_task_moved_up_within_its_section_is_the_only_move() -> None:
    def edit(data: Data) -> None:
        economy(data).insert(0, economy(data).pop(2))

    change = only(changes_after(edit))
    assert (change.kind, change.task) == (K.TASK_MOVED, "agriculture")
    assert (change.old, change.new) == (
        {"section": "economy", "position": 3},
        {"section": "economy", "position": 1},
    )


def test_an_insertion_does_not_make_the_tasks_after_it_moves() -> None:
    def edit(data: Data) -> None:
        economy(data).insert(0, {"id": "first", "text": "新增的第一项。"})

    assert [change.kind for change in changes_after(edit)] == [K.TASK_ADDED]


# --- tasks: fields -------------------------------------------------------------------------


def test_reworded_text_is_marked_character_by_character() -> None:
    def edit(data: Data) -> None:
        economy(data)[0]["text"] = "推进工业园区扩能增效，新增规模以上工业企业60家。\n"

    change = only(changes_after(edit))
    assert (change.kind, change.task, change.field) == (K.TASK_CHANGED, "industry", "text")
    assert change.detail == TextEdit(
        (
            Segment("推进工业园区扩能增效，新增规模以上工业企业"),
            Segment("5", "delete"),
            Segment("6", "insert"),
            Segment("0家。"),
        )
    )


def test_a_final_newline_is_layout_not_a_change() -> None:
    assert (
        changes_after(
            lambda data: economy(data)[0].update(text=economy(data)[0]["text"].rstrip("\n"))
        )
        == ()
    )


def test_lead_unit_replaced() -> None:
    change = only(changes_after(lambda data: economy(data)[1].update(lead=["市发展改革局"])))
    assert (change.field, change.old, change.new) == ("lead", ("市商务局",), ("市发展改革局",))
    assert change.detail == ListEdit(added=("市发展改革局",), removed=("市商务局",))


def test_support_units_added_and_removed() -> None:
    change = only(
        changes_after(lambda data: economy(data)[0].update(support=["市财政局", "市科技局"]))
    )
    assert change.detail == ListEdit(added=("市科技局",), removed=("市发展改革局",))


def test_support_units_reordered() -> None:
    change = only(changes_after(lambda data: economy(data)[0]["support"].reverse()))
    detail = change.detail
    assert isinstance(detail, ListEdit) and detail.reordered


def test_a_deadline_moved_later_counts_the_days_between_last_days() -> None:
    change = only(changes_after(lambda data: economy(data)[0].update(due="2023-12")))
    assert change.detail == DeadlineMove("2023年6月底前", "2023年12月底前", 184)


def test_a_deadline_moved_earlier_is_negative() -> None:
    change = only(changes_after(lambda data: economy(data)[2].update(due="2023-H1")))
    assert change.detail == DeadlineMove("2023年第三季度", "2023年上半年", -92)


def test_a_deadline_made_ongoing_has_no_day_count() -> None:
    change = only(changes_after(lambda data: economy(data)[1].update(due="ongoing")))
    assert change.detail == DeadlineMove("2023年底前", "长期坚持", None)


def test_a_deadline_set_and_cleared() -> None:
    cleared = only(changes_after(lambda data: economy(data)[1].pop("due")))
    assert cleared.detail == DeadlineMove("2023年底前", None, None)


def test_status_changed() -> None:
    change = only(changes_after(lambda data: economy(data)[0].update(status="done")))
    assert (change.field, change.old, change.new) == ("status", "in_progress", "done")


def test_a_milestone_moved_is_matched_by_its_text() -> None:
    change = only(
        changes_after(lambda data: economy(data)[0]["milestones"][0].update(due="2023-04"))
    )
    assert change.field == "milestones"
    assert change.old == {"due": "2023-03", "text": "出台扶持政策"}
    assert change.detail == DeadlineMove("2023年3月底前", "2023年4月底前", 30)


def test_a_milestone_added() -> None:
    change = only(
        changes_after(
            lambda data: economy(data)[0]["milestones"].append(
                {"due": "2023-05", "text": "完成企业摸底"}
            )
        )
    )
    assert (change.old, change.new) == (None, {"due": "2023-05", "text": "完成企业摸底"})


def test_an_indicator_target_raised() -> None:
    change = only(changes_after(lambda data: economy(data)[0]["indicators"][0].update(target=60)))
    assert change.field == "indicators"
    assert change.old == {"name": "新增规上企业", "unit": "家", "target": 50, "baseline": None}
    assert change.new == {"name": "新增规上企业", "unit": "家", "target": 60, "baseline": None}


def test_a_progress_entry_added() -> None:
    change = only(
        changes_after(
            lambda data: economy(data)[0].update(
                progress=[{"date": "2023-03-31", "status": "in_progress", "note": "已出台政策"}]
            )
        )
    )
    assert (change.field, change.old) == ("progress", None)


def test_several_fields_of_one_task_come_in_reading_order() -> None:
    def edit(data: Data) -> None:
        economy(data)[0].update(status="delayed", due="2023-09", lead=["市发展改革局"])

    assert [change.field for change in changes_after(edit)] == ["lead", "due", "status"]


# --- one task's changes, for its history -------------------------------------------------------


def test_one_task_between_versions() -> None:
    data = demo_data()
    economy(data)[0]["due"] = "2023-12"
    economy(data)[1]["due"] = "2024"
    changes = task_changes_between(demo_plan(), demo_plan(data), "industry")
    assert [(change.task, change.field) for change in changes] == [("industry", "due")]


def test_one_task_appears_with_its_plan() -> None:
    added = only(task_changes_between(None, demo_plan(), "schools"))
    assert (added.kind, added.section) == (K.TASK_ADDED, "education")
    data = demo_data()
    economy(data).pop(1)
    removed = only(task_changes_between(demo_plan(), demo_plan(data), "services"))
    assert (removed.kind, removed.section, removed.old) == (
        K.TASK_REMOVED,
        "economy",
        "发展现代服务业",
    )
    assert task_changes_between(demo_plan(), demo_plan(), "schools") == ()
    assert task_changes_between(None, demo_plan(), "no-such-task") == ()
