"""Findings as text lines, `file:line:col  severity  rule  message`, with the fix below."""

from __future__ import annotations

from planctl.findings import Finding, Severity
from planctl.report import Span, StyledLine
from planctl.validate.engine import Report


def report_lines(report: Report) -> list[StyledLine]:
    """One line per finding and its fix, then the summary (the terminal may colour them)."""
    lines: list[StyledLine] = []
    for finding in report.findings:
        lines.append(_finding_line(finding))
        if finding.hint:
            lines.append((Span("    "), Span("fix:", "dim"), Span(f" {finding.hint}")))
    lines.append((Span(summary(report)),))
    return lines


def _finding_line(finding: Finding) -> StyledLine:
    style = "error" if finding.severity is Severity.ERROR else "warning"
    return (
        Span(finding.where, "where"),
        Span("  "),
        Span(f"{finding.severity!s:7}", style),
        Span(f"  {finding.rule}  {finding.message}"),
    )


def summary(report: Report) -> str:
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not report.findings:
        return f"All checks passed ({files})."
    return (
        f"Found {report.errors} error{'s' if report.errors != 1 else ''} and "
        f"{report.warnings} warning{'s' if report.warnings != 1 else ''} in {files}."
    )
