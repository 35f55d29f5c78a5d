"""The registry of checks: every rule `planctl validate` applies, in one explicit list.

Plan rules live one to a module in this package; the loader, the schema and the
repository make the other checks listed here, so `planctl rules` documents all of them.
"""

from __future__ import annotations

from planctl.findings import Severity
from planctl.rules import (
    doc_number_format,
    doc_number_year,
    due_before_notice,
    due_outside_period,
    duplicate_id,
    id_matches_file,
    impossible_date,
    lead_and_support,
    milestone_after_due,
    missing_lead,
    period_order,
    printed_before_signed,
    registry_consistency,
    unit_alias,
    unknown_unit,
)
from planctl.rules.base import Context, Issue, Rule

__all__ = ["ALL_RULES", "PLAN_RULES", "Context", "Issue", "Rule", "rule_by_id"]


def _builtin(rule_id: str, summary: str, hint: str, source: str) -> Rule:
    return Rule(rule_id, summary, hint, Severity.ERROR, source=source)


FILE_CHECKS = (
    _builtin(
        "unreadable",
        "the file can be read as text",
        "check the path; plans are YAML text",
        "loader",
    ),
    _builtin(
        "encoding",
        "the file is UTF-8 (GBK/GB18030 is read, and reported)",
        "run `planctl fmt` to save it as UTF-8",
        "loader",
    ),
    _builtin(
        "byte-order-mark", "the file has no UTF-8 byte-order mark", "run `planctl fmt`", "loader"
    ),
    _builtin(
        "line-endings", "the file has LF line endings, not CRLF", "run `planctl fmt`", "loader"
    ),
    _builtin(
        "yaml-syntax",
        "the file is valid YAML (spaces, not tabs, for indentation)",
        "fix the YAML at the place shown",
        "loader",
    ),
    _builtin(
        "duplicate-key", "no key appears twice in one mapping", "remove one of them", "loader"
    ),
    _builtin(
        "yaml-tag",
        "no YAML tags (`!!python/...` and the like); they are never applied",
        "remove the tag",
        "loader",
    ),
    _builtin(
        "yaml-limits",
        "nesting and alias expansion stay within sane bounds",
        "write the data out plainly",
        "loader",
    ),
    Rule(
        "yaml-version",
        "no %YAML 1.1 directive: planctl reads YAML 1.2 (yes, no, on and off are text)",
        "remove the %YAML line (`planctl fmt` does)",
        Severity.WARNING,
        source="loader",
    ),
    _builtin("empty-file", "the file holds data", "write the plan or delete the file", "loader"),
    _builtin(
        "multiple-documents", "the file holds one YAML document", "one plan per file", "loader"
    ),
    _builtin(
        "schema",
        "the file matches the JSON Schema (`planctl schema`)",
        "see the message: the key or value the schema expects",
        "schema",
    ),
    _builtin(
        "unchecked",
        "every file is checked (a worker process killed from outside leaves its file unchecked)",
        "check the file alone with `planctl validate -j 1 FILE`",
        "repository",
    ),
    _builtin(
        "duplicate-plan-id",
        "plan ids are unique in the repository",
        "give one of the plans a new id (and file name)",
        "repository",
    ),
)

PLAN_RULES: tuple[Rule, ...] = (
    duplicate_id.RULE,
    id_matches_file.RULE,
    unknown_unit.RULE,
    unit_alias.RULE,
    lead_and_support.RULE,
    missing_lead.RULE,
    impossible_date.RULE,
    period_order.RULE,
    due_outside_period.RULE,
    due_before_notice.RULE,
    milestone_after_due.RULE,
    doc_number_format.RULE,
    doc_number_year.RULE,
    printed_before_signed.RULE,
)

REGISTRY_RULES = (registry_consistency.DUPLICATE, registry_consistency.MEMBER)

ALL_RULES: tuple[Rule, ...] = (*FILE_CHECKS, *PLAN_RULES, *REGISTRY_RULES)


def rule_by_id(rule_id: str) -> Rule | None:
    return next((rule for rule in ALL_RULES if rule.id == rule_id), None)
