"""The real plans kept in this repository."""

from __future__ import annotations

import pytest

from planctl.model import Plan, plan_from_data
from planctl.validate.engine import load_registry
from planctl.yamlio import read_document

from .conftest import ROOT

PLANS = ROOT / "plans"


def load_plan(name: str) -> Plan:
    document = read_document(PLANS / f"{name}.yaml")
    assert document.readable, document.problems
    return plan_from_data(document.data)


def test_the_zhaoqing_plan_is_the_whole_issued_document() -> None:
    plan = load_plan("zhaoqing-2012-prd-workplan")
    assert plan.stage == "issued"
    assert plan.notice is not None
    assert plan.notice.doc_number == "肇府办〔2012〕22号"
    assert plan.notice.cc and plan.notice.printer and plan.notice.printed
    assert [part.title for part in plan.preamble] == ["总体要求"]
    tasks = list(plan.tasks())
    assert len(tasks) >= 33
    assert all(task.lead for task in tasks)
    assert any(task.support_more for task in tasks)
    assert {task.lead_word for task in tasks} == {"牵头", "负责"}
    assert "参与" in {task.support_word for task in tasks}


def test_the_jiangmen_draft_invents_no_units() -> None:
    plan = load_plan("jiangmen-2023-key-reforms")
    assert plan.stage == "draft"
    assert len(plan.sections) == 10
    assert not any(task.lead or task.support for task in plan.tasks())


@pytest.mark.parametrize("name", ["zhaoqing-2012-prd-workplan", "jiangmen-2023-key-reforms"])
def test_every_unit_a_plan_names_is_registered(name: str) -> None:
    registry = load_registry(PLANS / "units.yaml")
    assert registry is not None
    for task in load_plan(name).tasks():
        for unit in (*task.lead, *task.support):
            assert registry.lookup(unit).kind in ("unit", "group"), unit


def test_county_group_expands_to_its_members() -> None:
    registry = load_registry(PLANS / "units.yaml")
    assert registry is not None
    members = registry.expand("各县（市、区）人民政府")
    assert len(members) == 8
    assert all(registry.lookup(member).kind == "unit" for member in members)
