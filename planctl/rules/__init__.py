"""The registry of checks: every rule `planctl validate` applies, in one explicit list.

Plan rules live one to a module in this package; the loader, the schema and the
repository make the other checks listed here, so `planctl rules` documents all of them.
"""

from __future__ import annotations

from planctl.findings import Severity
from planctl.i18n import N_
from planctl.rules import (
    doc_number_format,
    doc_number_year,
    due_before_notice,
    due_outside_period,
    due_text_matches,
    duplicate_id,
    id_matches_file,
    impossible_date,
    lead_and_support,
    milestone_after_due,
    missing_lead,
    no_unit_registry,
    period_order,
    printed_before_signed,
    registry_consistency,
    section_before,
    unit_alias,
    unknown_unit,
)
from planctl.rules.base import Context, Issue, Rule
from planctl.rules.tracking import TRACKING_RULES

__all__ = ["ALL_RULES", "PLAN_RULES", "Context", "Issue", "Rule", "rule_by_id"]


def _builtin(
    rule_id: str,
    summary: str,
    hint: str,
    source: str,
    severity: Severity = Severity.ERROR,
    details: str = "",
) -> Rule:
    return Rule(rule_id, summary, hint, severity, source=source, details=details)


FILE_CHECKS = (
    _builtin(
        "unreadable",
        N_("the file can be read as text"),
        N_("check the path; plans are YAML text"),
        "loader",
    ),
    _builtin(
        "encoding",
        N_("the file is UTF-8 (GBK/GB18030 is read, and reported)"),
        N_("run `planctl fmt` to save it as UTF-8"),
        "loader",
    ),
    _builtin(
        "line-endings",
        N_("the lines of a file all end alike (all CRLF or all LF)"),
        N_("run `planctl fmt`"),
        "loader",
        Severity.WARNING,
        N_(
            "The lines of a file all end alike: all in CRLF (as Git for Windows checks files\n"
            "out) or all in LF. Either is read as it is; a file mixing them (usually text pasted\n"
            "from elsewhere) gets this warning. A UTF-8 byte-order mark (as Notepad writes it)\n"
            "is read without comment too.\n"
            "\n"
            "`planctl fmt` writes one kind throughout: the kind git expects in the working tree\n"
            "(`eol` in .gitattributes, `core.autocrlf`, `core.eol`), else the kind of the file's\n"
            "first line."
        ),
    ),
    _builtin(
        "yaml-syntax",
        N_("the file is valid YAML (spaces, not tabs, for indentation)"),
        N_("fix the YAML at the place shown"),
        "loader",
    ),
    _builtin(
        "duplicate-key",
        N_("no key appears twice in one mapping"),
        N_("remove one of them"),
        "loader",
    ),
    _builtin(
        "yaml-tag",
        N_("no YAML tags (`!!python/...` and the like); they are never applied"),
        N_("remove the tag"),
        "loader",
    ),
    _builtin(
        "yaml-limits",
        N_("nesting and alias expansion stay within sane bounds"),
        N_("write the data out plainly"),
        "loader",
    ),
    _builtin(
        "yaml-version",
        N_("no %YAML 1.1 directive: planctl reads YAML 1.2 (yes, no, on and off are text)"),
        N_("remove the %YAML line (`planctl fmt` does)"),
        "loader",
        Severity.WARNING,
    ),
    _builtin(
        "empty-file", N_("the file holds data"), N_("write the plan or delete the file"), "loader"
    ),
    _builtin(
        "multiple-documents",
        N_("the file holds one YAML document"),
        N_("one plan per file"),
        "loader",
    ),
    _builtin(
        "schema",
        N_("the file matches the JSON Schema (`planctl schema`)"),
        N_("see the message: the key or value the schema expects"),
        "schema",
    ),
    _builtin(
        "unchecked",
        N_(
            "every file is checked (a worker process killed from outside leaves its file unchecked)"
        ),
        N_("check the file alone with `planctl validate -j 1 FILE`"),
        "repository",
    ),
    _builtin(
        "duplicate-plan-id",
        N_("plan ids are unique in the repository"),
        N_("give one of the plans a new id (and file name)"),
        "repository",
    ),
)

PLAN_RULES: tuple[Rule, ...] = (
    duplicate_id.RULE,
    id_matches_file.RULE,
    unknown_unit.RULE,
    no_unit_registry.RULE,
    unit_alias.RULE,
    lead_and_support.RULE,
    missing_lead.RULE,
    impossible_date.RULE,
    period_order.RULE,
    due_outside_period.RULE,
    due_before_notice.RULE,
    milestone_after_due.RULE,
    due_text_matches.RULE,
    doc_number_format.RULE,
    doc_number_year.RULE,
    printed_before_signed.RULE,
    section_before.RULE,
)

REGISTRY_RULES = (registry_consistency.DUPLICATE, registry_consistency.MEMBER)

ALL_RULES: tuple[Rule, ...] = (*FILE_CHECKS, *PLAN_RULES, *REGISTRY_RULES, *TRACKING_RULES)


def rule_by_id(rule_id: str) -> Rule | None:
    return next((rule for rule in ALL_RULES if rule.id == rule_id), None)
