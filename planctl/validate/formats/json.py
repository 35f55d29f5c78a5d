"""Findings as JSON, in the versioned envelope (`planctl-validate/1`)."""

from __future__ import annotations

from planctl.report import json_text
from planctl.validate.engine import Report

KIND, VERSION = "validate", 1


def report_json(report: Report) -> str:
    return json_text(
        KIND,
        VERSION,
        summary={"files": report.files, "errors": report.errors, "warnings": report.warnings},
        findings=[finding.as_dict() for finding in report.findings],
    )
