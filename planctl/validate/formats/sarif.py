"""SARIF 2.1.0, the static-analysis format GitHub code scanning, Azure DevOps and many
editors read.

One run of the tool `planctl`, listing every check it knows as a rule (id, summary,
fix, default level), and one result per finding at its file, line and column. Paths are
relative URIs against `%SRCROOT%` (the folder CI runs in), percent-encoded so Chinese
file names stay valid URIs.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from planctl import __version__
from planctl.findings import Finding, Severity
from planctl.rules import ALL_RULES, Rule
from planctl.validate.formats.shared import FindingsReport, posix_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
SOURCE_ROOT = "%SRCROOT%"
_SOURCE_ROOT_DESCRIPTION = {"description": {"text": "the folder planctl ran in"}}


def report_sarif(
    report: FindingsReport,
) -> str:
    """Write `report` as a SARIF 2.1.0 log."""
    index = {rule.id: position for position, rule in enumerate(ALL_RULES)}
    log = {
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [
            {
                "tool": {"driver": _driver()},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {SOURCE_ROOT: _SOURCE_ROOT_DESCRIPTION},
                "results": [_result(finding, index) for finding in report.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _driver() -> dict[str, Any]:
    return {
        "name": "planctl",
        "version": __version__,
        "rules": [_rule(rule) for rule in ALL_RULES],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.hint},
        "defaultConfiguration": {"level": _level(_default_severity(rule))},
    }


def _default_severity(rule: Rule) -> Severity:
    """The severity for an issued plan, the strictest stage."""
    return rule.severity_for("issued")


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = finding.message if not finding.hint else f"{finding.message} — fix: {finding.hint}"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _level(finding.severity),
        "message": {"text": text},
        "locations": [_location(finding)],
        "properties": {"jsonPath": finding.json_path},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def _location(finding: Finding) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(finding.file),
            "region": {"startLine": finding.line, "startColumn": finding.column},
        }
    }


def _artifact(shown: str) -> dict[str, str]:
    path = posix_path(shown)
    if PurePosixPath(shown).is_absolute() or PureWindowsPath(shown).is_absolute():
        absolute = path if path.startswith("/") else "/" + path  # C:/x -> /C:/x
        return {"uri": "file://" + quote(absolute, safe="/:")}
    return {"uri": quote(path), "uriBaseId": SOURCE_ROOT}
