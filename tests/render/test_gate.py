"""Render checks the plan first: a plan under review or issued with errors is refused, a
draft is rendered with its findings shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planctl.errors import RenderRefused
from planctl.findings import Severity
from planctl.render.gate import check_before_render
from planctl.validate.engine import load_registry
from planctl.yamlio import read_document

from .conftest import REPOSITORY

PLAN_NAME = "zhaoqing-2012-prd-workplan.yaml"


def edited_plan(root: Path, *edits: tuple[str, str], stage: str = "issued") -> Path:
    """The Zhaoqing plan in a repository of its own, with `edits` (old, new) made as text."""
    (root / "plans").mkdir(parents=True)
    shutil.copyfile(REPOSITORY / "plans" / "units.yaml", root / "plans" / "units.yaml")
    text = (REPOSITORY / "plans" / PLAN_NAME).read_text(encoding="utf-8")
    for old, new in (("stage: issued", f"stage: {stage}"), *edits):
        assert old in text
        text = text.replace(old, new, 1)
    plan = root / "plans" / PLAN_NAME
    plan.write_text(text, encoding="utf-8")
    return plan


def check(plan: Path, stage: str) -> tuple[str, ...]:
    units = load_registry(plan.parent / "units.yaml")
    checked = check_before_render(read_document(plan, str(plan)), units, stage)
    return tuple(finding.rule for finding in checked.findings)


SQUARE_BRACKETS = ("肇府办〔2012〕22号", "江府办[2023]012号")
UNKNOWN_UNIT = ("lead: [市发展改革局]", "lead: [市星际航行局]")


@pytest.mark.parametrize("stage", ["issued", "review"])
@pytest.mark.parametrize(
    ("edit", "rule"),
    [(SQUARE_BRACKETS, "doc-number-format"), (UNKNOWN_UNIT, "unknown-unit")],
    ids=["malformed-doc-number", "unknown-unit"],
)
def test_a_plan_going_out_with_an_error_is_refused(
    tmp_path: Path, stage: str, edit: tuple[str, str], rule: str
) -> None:
    plan = edited_plan(tmp_path, edit, stage=stage)
    with pytest.raises(RenderRefused) as refused:
        check(plan, stage)
    assert refused.value.exit_code == 1
    assert stage in refused.value.message
    errors = [f for f in refused.value.report.findings if f.severity is Severity.ERROR]
    assert rule in {f.rule for f in errors}
    assert all(f.file == str(plan) and f.line > 0 for f in errors)


def test_a_draft_with_the_same_errors_is_rendered_and_its_findings_kept(tmp_path: Path) -> None:
    plan = edited_plan(tmp_path, SQUARE_BRACKETS, UNKNOWN_UNIT, stage="draft")
    assert {"doc-number-format", "unknown-unit"} <= set(check(plan, "draft"))


def test_a_clean_issued_plan_passes_with_nothing_to_say(tmp_path: Path) -> None:
    assert check(edited_plan(tmp_path), "issued") == ()
