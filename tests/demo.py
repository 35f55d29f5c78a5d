"""The demo plan the diff, log and 修订对照表 tests edit and commit."""

from __future__ import annotations

from typing import Any

from planctl.model import Plan, plan_from_data

# A small issued plan: a notice, two top-level sections (one nested), five tasks.
DEMO_PLAN = """\
format: planctl/1
id: demo-2023
title: 示例市2023年重点工作计划
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {start: 2023-01-01, end: 2023-12-31}
notice:
  doc_number: 示府办〔2023〕5号
  title: 印发示例市2023年重点工作计划的通知
  recipients: [各区人民政府, 市政府各部门]
  body: |
    现将《示例市2023年重点工作计划》印发给你们，请认真贯彻执行。
  signer: 示例市人民政府办公室
  date: 2023-02-10
sections:
  - id: economy
    title: 推动经济高质量发展
    tasks:
      - id: industry
        title: 壮大先进制造业
        text: |
          推进工业园区扩能增效，新增规模以上工业企业50家。
        lead: [市工业和信息化局]
        support: [市发展改革局, 市财政局]
        due: 2023-06
        status: in_progress
        milestones:
          - {due: 2023-03, text: 出台扶持政策}
        indicators:
          - {name: 新增规上企业, unit: 家, target: 50}
      - id: services
        title: 发展现代服务业
        text: |
          培育商贸物流、文化旅游等服务业新业态。
        lead: [市商务局]
        due: 2023
      - id: agriculture
        title: 发展现代农业
        text: |
          建设现代农业产业园。
        lead: [市农业农村局]
        due: 2023-Q3
  - id: livelihood
    title: 保障和改善民生
    sections:
      - id: education
        title: 办好人民满意的教育
        tasks:
          - id: schools
            title: 新建中小学校
            text: |
              新建、改扩建中小学校10所，新增学位1万个。
            lead: [市教育局]
            support: [各区人民政府]
            support_more: true
            due: 2023-12-31
      - id: health
        title: 推进健康示例建设
        tasks:
          - id: hospitals
            title: 提升医疗服务能力
            text: |
              推进市人民医院新院区建设。
            lead: [市卫生健康局]
            due: ongoing
"""

PLAN_PATH = "plans/demo-2023.yaml"


def demo_data() -> dict[str, Any]:
    """The demo plan as the plain data the loader gives (a fresh copy each time)."""
    from planctl.yamlio import load_text

    document = load_text(DEMO_PLAN, "demo.yaml")
    assert document.readable, document.problems
    data: dict[str, Any] = document.data
    return data


def demo_plan(data: dict[str, Any] | None = None) -> Plan:
    return plan_from_data(data if data is not None else demo_data())
