"""The view model: display numbers, owner parentheticals, deadlines and the notice's parts."""

from __future__ import annotations

import datetime

import pytest

from planctl.model import Notice, Plan, Task, plan_from_data
from planctl.render.context import (
    PlanContentError,
    notice_view,
    owners_note,
    paragraphs,
    plan_view,
    run_in_heading,
    signature_indents,
)
from planctl.render.job import Job


def task(**fields: object) -> Task:
    return Task(id="t", path=("sections", 0, "tasks", 0), **fields)  # type: ignore[arg-type]


# --- owner parentheticals, worded as the source documents word them ---------------------


@pytest.mark.parametrize(
    ("fields", "note"),
    [
        ({"lead": ("市农业局",)}, "（市农业局牵头）"),
        ({"lead": ("各指标监测落实部门",), "lead_word": "负责"}, "（各指标监测落实部门负责）"),
        (
            {"lead": ("市发展改革局", "市经济信息化局"), "lead_more": True, "lead_word": "负责"},
            "（市发展改革局、市经济信息化局等有关部门负责）",
        ),
        (
            {
                "lead": ("市发展改革局",),
                "support": ("市经济信息化局", "市文广新局", "市旅游发展局"),
                "support_more": True,
                "support_word": "参与",
            },
            "（市发展改革局牵头，市经济信息化局、市文广新局、市旅游发展局等有关部门参与）",
        ),
        (
            {"lead": ("市交通运输局",), "support": ("市财政局",)},
            "（市交通运输局牵头，市财政局配合）",
        ),
        ({}, ""),
    ],
)
def test_owner_parenthetical_reads_as_the_source_writes_it(
    fields: dict[str, object], note: str
) -> None:
    assert owners_note(task(**fields)) == note


def test_every_zhaoqing_task_is_numbered_and_owned_as_in_the_issued_document(
    zhaoqing_job: Job,
) -> None:
    view = zhaoqing_job.plan
    assert [part.number + part.title for part in view.preamble] == ["一、总体要求"]
    assert [s.heading for s in view.sections] == [
        "二、完成考核指标和重大项目建设任务",
        "三、重点工作任务",
    ]
    first = view.sections[0].tasks[0]
    assert (first.number, first.heading) == ("（一）", "确保完成指标任务。")
    assert first.owners == "（各指标监测落实部门负责）"
    services = view.sections[1].sections[0].tasks[0]
    assert (services.level, services.number, services.serial) == (3, "1.", 3)
    assert services.owners == (
        "（市发展改革局牵头，市经济信息化局、市文广新局、市旅游发展局等有关部门参与）"
    )
    assert [t.serial for t in view.tasks] == list(range(1, 36))


def test_numbers_continue_after_the_preamble_and_tasks_share_a_level_with_subsections() -> None:
    plan = plan_from_data(
        {
            "id": "p",
            "title": "计划",
            "stage": "draft",
            "preamble": [{"title": "总体要求", "text": "甲"}, {"text": "无标题的引言"}],
            "sections": [
                {
                    "id": "s",
                    "title": "重点任务",
                    "tasks": [{"id": "a", "text": "甲。"}],
                    "sections": [
                        {"id": "t", "title": "子项", "tasks": [{"id": "b", "text": "乙。"}]}
                    ],
                }
            ],
        }
    )
    view = plan_view(plan)
    assert [p.number for p in view.preamble] == ["一、", ""]
    section = view.sections[0]
    assert section.number == "二、"
    assert section.tasks[0].number == "（一）"
    assert section.sections[0].number == "（二）"
    assert section.sections[0].tasks[0].number == "1."


def test_levels_deeper_than_four_keep_the_fourth_form() -> None:
    def nest(depth: int) -> dict[str, object]:
        inner: dict[str, object] = {"id": f"s{depth}", "title": f"第{depth}层"}
        if depth < 6:
            inner["sections"] = [nest(depth + 1)]
        else:
            inner["tasks"] = [{"id": "deep", "text": "最深的任务。"}]
        return inner

    view = plan_view(
        plan_from_data({"id": "p", "title": "计划", "stage": "draft", "sections": [nest(1)]})
    )
    assert view.tasks[0].number == "（1）"
    assert view.all_sections[-1].number == "（1）"


def test_deadlines_are_worded_and_a_broken_one_is_a_located_finding(zhaoqing_job: Job) -> None:
    education = next(t for t in zhaoqing_job.plan.tasks if t.id == "education")
    assert education.due == "2012年底前"
    plan = plan_from_data(
        {
            "id": "p",
            "title": "计划",
            "stage": "draft",
            "sections": [
                {
                    "id": "s",
                    "title": "节",
                    "tasks": [{"id": "a", "text": "甲", "due": "2012-02-30"}],
                }
            ],
        }
    )
    with pytest.raises(PlanContentError) as caught:
        plan_view(plan)
    assert caught.value.path == ("sections", 0, "tasks", 0, "due")
    assert caught.value.exit_code == 1


def test_texts_keep_paragraphs_and_join_wrapped_lines() -> None:
    assert paragraphs("第一段\n接着写。\n\n第二段 \n") == ("第一段接着写。", "第二段")
    assert paragraphs("see the\nplan") == ("see the plan",)
    assert paragraphs(None) == ()
    assert run_in_heading("优先发展现代服务业") == "优先发展现代服务业。"
    assert run_in_heading("目标：") == "目标："


# --- the notice ---------------------------------------------------------------------------


def test_the_zhaoqing_notice_has_every_element(zhaoqing_job: Job) -> None:
    notice = zhaoqing_job.notice
    assert notice.mark == "肇庆市人民政府办公室文件"
    assert notice.doc_number == "肇府办〔2012〕22号"
    assert notice.title_lines == ("印发肇庆市实施《珠三角规划纲要》", "2012年工作计划的通知")
    assert notice.recipients.endswith("市政府有关部门、直属有关单位：")
    assert notice.date == "二○一二年四月十九日"  # date_style: chinese
    assert notice.signed_on == datetime.date(2012, 4, 19)
    assert notice.attachments[0] == "肇庆市实施《珠三角规划纲要》2012年工作计划"
    assert notice.attachment_label == "附件1"
    assert notice.cc.startswith("市委办公室，市委宣传部") and notice.cc.endswith("。")
    assert notice.printed == "2012年4月20日印发"
    assert notice.note == "（此件主动公开）"


def test_dates_are_arabic_by_default() -> None:
    plan = Plan(id="p", title="计划", stage="issued")
    notice = Notice(title="通知", signer="示例市人民政府", date="2012-04-19")
    view = notice_view(notice, plan_view(plan))
    assert view.date == "2012年4月19日"
    assert view.mark == "示例市人民政府文件"
    assert view.attachment_label == "附件"


@pytest.mark.parametrize(
    ("signer", "date", "indents"),
    [
        # The signature two characters in; the date starts two characters right of it.
        ("肇庆市人民政府办公室", "2012年4月19日", (2.0, 3.5)),
        # A date as long as the signature sits two in and pushes the signature left.
        ("肇庆市人民政府办公室", "二○一二年四月十九日", (4.0, 2.0)),
        ("示例市人民政府", "二○一二年四月十九日", (7.0, 2.0)),
    ],
)
def test_signature_and_date_are_placed_as_gbt_9704_says(
    signer: str, date: str, indents: tuple[float, float]
) -> None:
    assert signature_indents(signer, date) == indents
