"""The 督查通报 of one plan and one period, worded from its facts (`facts.Facts`).

Body as bulletins have it: 一、总体情况 (the counts and shares), 二、存在问题 (overdue and
lagging items by lead unit, units that reported late or not at all), 三、下一步工作要求
(the office's text); 附件1 逾期未完成事项, 附件2 滞后序时事项. Text the office writes in the
bulletin file (`overview`, `problems`) replaces the drafted sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from planctl.chinese import quoted
from planctl.model import Plan
from planctl.supervision.bulletin_file import BulletinFile
from planctl.supervision.document import AttachmentTable, Block, Layout, Paper
from planctl.supervision.facts import Facts, units_of
from planctl.supervision.words import (
    ATTACHMENT_COLUMNS,
    ATTACHMENT_WIDTHS,
    book_title,
    days_overdue,
    lead_of,
    paragraphs,
    rate,
    share,
    task_name,
    task_rows,
)
from planctl.tracking.state import TaskState

DEFAULT_REQUIREMENTS = (
    "请各牵头单位对照附件所列事项，逐项分析原因，明确整改措施和完成时限，"
    "确保按期保质完成；配合单位要主动对接、密切配合。"
    "请各单位严格按照报送时限报送进展情况，{issuer}将持续跟踪督办。"
)
LISTED = 5  # up to this many items are named one by one; more are counted by lead unit


def build_bulletin(plan: Plan, office: BulletinFile, facts: Facts, layout: Layout) -> Paper:
    issuer = (
        office.issuer
        or (plan.reporting.supervisor if plan.reporting else "")
        or (plan.issuer or "")
    )
    period = office.period.chinese()
    title = office.title or f"关于{period}重点工作任务推进情况的通报"
    blocks = [
        *_opening(plan, issuer, office),
        Block("heading", "一、总体情况"),
        *(_texts(office.overview) or [Block("paragraph", overview(plan, office, facts))]),
        Block("heading", "二、存在问题"),
        *(_texts(office.problems) or [Block("paragraph", t) for t in problems(office, facts)]),
        Block("heading", "三、下一步工作要求"),
        *(
            _texts(office.requirements)
            or [Block("paragraph", DEFAULT_REQUIREMENTS.format(issuer=issuer or "我室"))]
        ),
    ]
    attachments = (
        AttachmentTable(
            "附件1",
            "逾期未完成事项",
            ATTACHMENT_COLUMNS,
            ATTACHMENT_WIDTHS,
            task_rows(facts.overdue),
        ),
        AttachmentTable(
            "附件2",
            "滞后序时事项",
            ATTACHMENT_COLUMNS,
            ATTACHMENT_WIDTHS,
            task_rows(facts.lagging),
        ),
    )
    serial = f"第{office.number}期" if office.number is not None else ""
    return Paper(
        layout=layout,
        kind="bulletin",
        issuer=issuer,
        mark="督查简报" if layout == "jianbao" else issuer,
        doc_number=office.doc_number,
        serial=serial,
        title=title,
        recipients="、".join(office.recipients) + "：" if office.recipients else "",
        blocks=tuple(blocks),
        attachments=attachments,
        date=office.date,
        cc="、".join(office.cc) + "。" if office.cc else "",
        as_of_note=f"数据截至{facts.as_of.year}年{facts.as_of.month}月{facts.as_of.day}日",
    )


def _texts(text: str) -> list[Block]:
    return [Block("paragraph", part) for part in paragraphs(text)]


def _opening(plan: Plan, issuer: str, office: BulletinFile) -> list[Block]:
    return [
        Block(
            "paragraph",
            f"根据《{book_title(plan.title)}》督查工作安排，{issuer or '我室'}对"
            f"{office.period.chinese()}各项重点工作任务推进情况进行了督查。现将有关情况通报如下：",
        )
    ]


def overview(plan: Plan, office: BulletinFile, facts: Facts) -> str:
    """共N项，已完成N项、占x%；序时推进N项；滞后N项；逾期N项；完成率x%，按时完成率x%."""
    figures, counted = facts.figures, facts.counted
    as_of = facts.as_of
    grey = figures.lights.get("grey", 0)
    aside = f"（另有取消、暂缓任务{grey}项，不计入统计）" if grey else ""
    sentence = (
        f"截至{as_of.year}年{as_of.month}月{as_of.day}日，纳入督查的重点工作任务共{counted}项{aside}，"
        f"已完成{facts.done}项、占{share(facts.done, counted)}；"
        f"序时推进{len(facts.on_track)}项、占{share(len(facts.on_track), counted)}；"
        f"滞后{len(facts.lagging)}项、占{share(len(facts.lagging), counted)}；"
        f"逾期{figures.overdue}项、占{share(figures.overdue, counted)}。"
        f"完成率{rate(figures.completion)}，按时完成率{rate(figures.on_time_completion)}。"
    )
    reporting = figures.reporting
    if reporting.denominator:
        sentence += (
            f"各单位应报送进展报告{reporting.denominator}份，按时报送{reporting.numerator}份，"
            f"报送及时率{rate(reporting)}。"
        )
    return sentence


def problems(office: BulletinFile, facts: Facts) -> list[str]:
    found = []
    if facts.overdue:
        items = (
            _by_unit(facts.overdue)
            if len(facts.overdue) > LISTED
            else "；".join(
                f"{lead_of(task)}牵头的{quoted(task_name(task))}"
                f"（逾期{days_overdue(task, facts.as_of)}天）"
                for task in facts.overdue
            )
        )
        found.append(f"（一）逾期未完成{len(facts.overdue)}项：{items}（详见附件1）。")
    if facts.lagging:
        items = (
            _by_unit(facts.lagging)
            if len(facts.lagging) > LISTED
            else "；".join(
                f"{lead_of(task)}牵头的{quoted(task_name(task))}（{'；'.join(task.reasons)}）"
                for task in facts.lagging
            )
        )
        number = "（二）" if facts.overdue else "（一）"
        found.append(f"{number}滞后序时{len(facts.lagging)}项：{items}（详见附件2）。")
    late, missing = units_of(facts.late_reports), units_of(facts.missing_reports)
    if late or missing:
        said = []
        if late:
            said.append(f"{'、'.join(late)}迟报")
        if missing:
            said.append(f"{'、'.join(missing)}未报")
        number = "（一）（二）（三）"[3 * len(found) : 3 * len(found) + 3]
        found.append(
            f"{number}进展情况报送不及时：{office.period.chinese()}进展报告，{'，'.join(said)}。"
        )
    if not found:
        found.append("各项任务均按序时推进，未发现逾期、滞后问题，各单位均按时报送进展情况。")
    return found


def _by_unit(tasks: Sequence[TaskState]) -> str:
    """涉及市发展改革局5项、市财政局2项: the lead units by how many of the items they lead."""
    counts = Counter(unit for task in tasks for unit in task.lead_units)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], list(counts).index(item[0])))
    return "涉及" + "、".join(f"{unit}{count}项" for unit, count in ranked)


def _requirements(issuer: str) -> str:
    return DEFAULT_REQUIREMENTS.format(issuer=issuer or "我室")
