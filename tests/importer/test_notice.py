"""The cover notice: its head before the plan and its closing lines after it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planctl.importer.document import import_source
from planctl.importer.notice import parse_date
from planctl.importer.reader import read_source

NOTICE = """\
{mark}肇庆市人民政府办公室文件
肇府办[2012]022号
关于印发肇庆市2012年
重点工作任务分解表的通知
各县(市、区)人民政府,市政府各部门:
现将《肇庆市2012年重点工作任务分解表》印发给你们,请认真贯彻执行。
附件:1.肇庆市2012年重点项目表
2.联络员名单
肇庆市人民政府办公室 2012年4月19日
(此件公开发布)
肇庆市2012年重点工作任务分解表
一、推进重点项目建设。(市发展改革局牵头,6月底前完成)
公开方式:主动公开
主题词:经济管理 计划 通知
抄送:市委办公室,市人大常委会办公室。
肇庆市人民政府办公室  2012年4月20日印发
"""


def notice_of(tmp_path: Path, text: str) -> dict[str, object]:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return import_source(read_source(path), "plan", None).data.get("notice", {})


def test_every_part_of_the_notice_finds_its_field(tmp_path: Path) -> None:
    assert notice_of(tmp_path, NOTICE.format(mark="")) == {
        "issuer_mark": "肇庆市人民政府办公室文件",
        "doc_number": "肇府办〔2012〕22号",
        "title": "关于印发肇庆市2012年重点工作任务分解表的通知",
        "recipients": ["各县（市、区）人民政府", "市政府各部门"],
        "body": "现将《肇庆市2012年重点工作任务分解表》印发给你们，请认真贯彻执行。",
        "attachments": ["肇庆市2012年重点项目表", "联络员名单"],
        "signer": "肇庆市人民政府办公室",
        "date": "2012-04-19",
        "date_style": "arabic",
        "disclosure": "主动公开",
        "keywords": ["经济管理", "计划", "通知"],
        "cc": ["市委办公室", "市人大常委会办公室"],
        "printer": "肇庆市人民政府办公室",
        "printed": "2012-04-20",
    }


def test_the_plan_after_the_notice_takes_its_year_from_the_title(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(mark=""), encoding="utf-8")
    data = import_source(read_source(path), "plan", None).data
    assert data["title"] == "肇庆市2012年重点工作任务分解表"
    assert data["period"] == {"start": "2012-01-01", "end": "2012-12-31"}
    [task] = data["tasks"]
    assert (task["lead"], task["due"]) == (["市发展改革局"], "2012-06")


def test_web_page_metadata_above_the_notice_is_set_aside(tmp_path: Path) -> None:
    metadata = "索引号：007212345/2012-00021\n发文字号：肇府办〔2012〕22号\n主题分类：综合政务\n"
    path = tmp_path / "web.txt"
    path.write_text(metadata + NOTICE.format(mark="").split("\n", 2)[2], encoding="utf-8")
    result = import_source(read_source(path), "plan", None)
    assert result.data["notice"]["doc_number"] == "肇府办〔2012〕22号"
    reasons = {u.text: u.reason for u in result.unplaced}
    assert reasons["索引号：007212345/2012-00021"] == "web page metadata with no place in a plan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012年4月19日", (datetime.date(2012, 4, 19), "arabic")),
        ("2012 年 4 月 19 日", (datetime.date(2012, 4, 19), "arabic")),
        ("二○一二年四月十九日", (datetime.date(2012, 4, 19), "chinese")),
        ("二〇二三年十二月三十一日", (datetime.date(2023, 12, 31), "chinese")),
        ("2023年2月30日", None),
        ("2012年4月", None),
    ],
)
def test_dates_in_both_numeral_styles(text: str, expected: object) -> None:
    assert parse_date(text) == expected


def test_without_signature_and_date_there_is_no_notice(tmp_path: Path) -> None:
    text = "关于印发某某方案的通知\n各区：\n现印发给你们。\n某某方案\n一、工作任务\n"
    assert notice_of(tmp_path, text) == {}


def test_a_joint_notice_is_signed_by_every_organ(tmp_path: Path) -> None:
    text = (
        "关于印发《某市2024年营商环境改革要点》的通知\n各区委、区政府，市直各单位：\n"
        "现将《某市2024年营商环境改革要点》印发给你们，请认真贯彻落实。\n"
        "中共某市委办公室\n某市人民政府办公室\n2024年2月1日\n某市2024年营商环境改革要点\n"
        "一、深化商事制度改革。（市市场监管局牵头）\n"
    )
    notice = notice_of(tmp_path, text)
    assert notice["signer"] == "中共某市委办公室 某市人民政府办公室"
    assert notice["recipients"] == ["各区委、区政府", "市直各单位"]


def test_a_notice_whose_body_is_the_task_list_keeps_its_own_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知\n"
        "国办发〔2018〕117号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "经国务院同意，现将调整后的督查激励措施通知如下：\n"
        "一、对深化商事制度改革成效显著的地方，优先纳入相关试点。（市场监管总局负责）\n"
        "二、对促进外贸稳定增长成效明显的省（区、市），给予优先支持。（商务部负责）\n"
        "各有关部门于每年2月底前研究提出拟予督查激励的地方。\n"
        "国务院办公厅\n"
        "2018年12月6日\n",
        encoding="utf-8",
    )
    data = import_source(read_source(path), "plan", None).data
    assert data["notice"]["doc_number"] == "国办发〔2018〕117号"
    assert data["notice"]["body"] == (
        "经国务院同意，现将调整后的督查激励措施通知如下：\n\n"
        "各有关部门于每年2月底前研究提出拟予督查激励的地方。"
    )
    assert [(t["source_number"], t["lead"]) for t in data["tasks"]] == [
        ("一、", ["市场监管总局"]),
        ("二、", ["商务部"]),
    ]
