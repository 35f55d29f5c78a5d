"""Every command gives the same verdict on the same file: the plan gate's.

Each file of tests/data/invalid/ (and tests/data/valid/) is put into a plan repository
and given to validate, diff, render, fmt and import. Each command either accepts it or
refuses it naming a rule, and they agree with the gate (`planctl.plans`) and so with
each other:

- validate reports the refusal among its findings and checks no rule on refused data;
- diff (the file against a valid plan) reports it as the problem of that side;
- render stops with `PlanRefused` and that rule;
- fmt refuses with that rule whatever the gate refuses for reading (steps 1-3: the bytes,
  the YAML, the data); a plan the schema rejects it formats all the same, since a
  formatter changes no value, or refuses it with the same `schema` rule when it cannot
  lay it out;
- import reads the unit registry through the gate: put as plans/units.yaml, a file is
  refused by the same rule, and a plan there (not a registry) by `schema`.

A progress report, a review or the workdays calendar (by its `format:`) is put where it
belongs (reports/, reviews/, plans/calendar.yaml); validate gives the gate's verdict on it,
and it is nothing diff compares or render prints.

Rules past the gate (a missing lead, an impossible date) are each command's own: validate
reports them, diff compares such plans.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import planctl
from planctl.errors import PlanContentError, PlanRefused, RenderRefused
from planctl.plans import kind_of, open_file, refusal_of
from planctl.rules import PLAN_RULES
from planctl.yamlio import read_document

from .conftest import DATA

CASES = sorted((DATA / "invalid").rglob("*.yaml")) + sorted((DATA / "valid").glob("*.yaml"))
VALID_PLAN = DATA / "valid" / "issued-with-notice.yaml"
SEMANTIC_RULES = {rule.id for rule in PLAN_RULES}
SOURCE = (
    "关于做好2024年重点工作的通知\n\n一、加强组织领导\n"
    "（一）健全工作机制。市政府办公室牵头，2024年6月底前完成。\n"
)


@dataclass(frozen=True)
class Case:
    root: Path  # a plan repository holding the case
    path: Path  # the case's file in it
    units: bool  # the case is a unit registry (plans/units.yaml)
    tracking: bool = False  # the case is a report, a review, the calendar or a bulletin file


# Where each kind of tracking file lies in a repository.
TRACKING_PLACES = {
    "report": "reports/case-plan/2023-06",
    "review": "reviews/case-plan",
    "calendar": "plans",
    "bulletin": "bulletins/case-plan",
}


@pytest.fixture(params=CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def case(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    source: Path = request.param
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copyfile(DATA / "units.yaml", plans / "units.yaml")
    units = source.name == "units.yaml"
    kind = kind_of(read_document(source).data)
    if kind in TRACKING_PLACES:
        folder = tmp_path / TRACKING_PLACES[kind]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ("calendar.yaml" if kind == "calendar" else source.name)
    else:
        path = plans / ("units.yaml" if units else source.name)
    shutil.copyfile(source, path)
    monkeypatch.chdir(tmp_path)
    return Case(tmp_path, path, units, kind in TRACKING_PLACES)


def gate_verdict(path: Path) -> str | None:
    refusal = open_file(path).refusal
    return refusal.rule if refusal else None


def validate_verdict(case: Case) -> str | None:
    [result] = [r for r in [planctl.validate([case.path], use_cache=False)] for _ in [0]]
    refusal = refusal_of(result.findings)
    if refusal is not None:
        ran = {finding.rule for finding in result.findings} & SEMANTIC_RULES
        assert not ran, f"validate checked rules on refused data: {sorted(ran)}"
    return refusal.rule if refusal else None


def diff_verdict(case: Case) -> str | None:
    shutil.copyfile(VALID_PLAN, case.root / "base.yaml")
    result = planctl.diff_revisions("base.yaml", str(case.path.relative_to(case.root)))
    assert all(problem.file != "base.yaml" for problem in result.problems)
    return result.problems[0].rule if result.problems else None


def render_verdict(path: Path, output: Path) -> str | None:
    try:
        planctl.render(path, document="table", fmt="md", output=output)
    except PlanRefused as refused:
        return refused.rule
    except PlanContentError:
        return None  # past the gate: a value render cannot print (a date that does not exist)
    except RenderRefused:
        return None  # past the gate: a plan under review or issued that breaks a rule
    return None


def fmt_verdict(path: Path) -> str | None:
    report = planctl.format_files([path], check=True)
    return report.failed[0].rule if report.failed else None


def import_verdict(case: Case) -> str | None:
    source = case.root / "notice.txt"
    source.write_text(SOURCE, encoding="utf-8")
    request = planctl.ImportRequest(source, output=case.root / "plans" / "imported.yaml")
    try:
        planctl.run_import(request, cwd=case.root)
    except PlanRefused as refused:
        return refused.rule
    return None


def test_validate_diff_and_render_give_the_gate_verdict(case: Case) -> None:
    expected = gate_verdict(case.path)
    assert validate_verdict(case) == expected
    if case.units or case.tracking:
        return  # not a plan: nothing to compare or print
    assert diff_verdict(case) == expected
    assert render_verdict(case.path, case.root / "table.md") == expected


def test_fmt_refuses_what_the_gate_refuses_for_reading(case: Case) -> None:
    expected = gate_verdict(case.path)
    if expected == "schema":
        assert fmt_verdict(case.path) in (None, "schema")
    else:
        assert fmt_verdict(case.path) == expected


def test_import_reads_the_registry_through_the_gate(case: Case) -> None:
    registry = case.root / "plans" / "units.yaml"
    if case.path != registry:
        shutil.copyfile(case.path, registry)
    opened = open_file(registry)
    expected = opened.refusal.rule if opened.refusal else None
    if expected is None and opened.kind != "units":
        expected = "schema"  # a plan is not a unit registry
    assert import_verdict(case) == expected


def test_the_cases_cover_every_way_the_gate_refuses() -> None:
    refused = {gate_verdict(path) for path in CASES} - {None}
    assert refused >= {
        "unreadable",
        "encoding",
        "yaml-syntax",
        "yaml-limits",
        "empty-file",
        "multiple-documents",
        "duplicate-key",
        "yaml-tag",
        "schema",
    }
    assert any(read_document(path).problems and gate_verdict(path) is None for path in CASES)
