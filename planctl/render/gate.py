"""Render checks the plan first, as `validate` would: a plan under review or issued that has
errors is refused, a draft is rendered with its findings shown.

A document that leaves the office is the plan's last check: an issued notice with
`江府办[2023]012号` or an unknown 牵头单位 must not be printed. A draft is work in progress
and prints with a 征求意见稿 mark, so its findings are shown but do not stop it.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.errors import RenderRefused
from planctl.findings import Finding, Severity
from planctl.units import UnitRegistry
from planctl.validate.engine import Report, check_document
from planctl.yamlio import Document

# Stages whose documents go out under the office's name: errors stop the render.
STRICT_STAGES = frozenset({"review", "issued"})


@dataclass(frozen=True)
class Checked:
    """What the check found in a plan that may be rendered (warnings, or a draft's errors)."""

    report: Report

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(self.report.findings)


def check_before_render(document: Document, units: UnitRegistry | None, stage: str) -> Checked:
    """Validate `document` as `planctl validate` does; raise `RenderRefused` when its stage
    forbids printing it with errors, else return the findings to show."""
    result = check_document(document, units)
    report = Report(findings=list(result.findings), files=1)
    if stage in STRICT_STAGES and any(f.severity is Severity.ERROR for f in result.findings):
        raise RenderRefused(report, stage=stage, file=document.file)
    return Checked(report)
