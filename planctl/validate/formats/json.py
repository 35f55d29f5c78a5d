"""Findings as JSON, in a versioned envelope."""

from __future__ import annotations

import json
from typing import TextIO

from planctl.validate.engine import Report

JSON_VERSION = 1


def report_json(report: Report, out: TextIO, *, color: bool = False) -> None:
    envelope = {
        "version": JSON_VERSION,
        "tool": "planctl",
        "summary": {"files": report.files, "errors": report.errors, "warnings": report.warnings},
        "findings": [finding.as_dict() for finding in report.findings],
    }
    json.dump(envelope, out, ensure_ascii=False, indent=2)
    out.write("\n")
