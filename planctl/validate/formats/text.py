"""Findings as text lines, `file:line:col  severity  rule  message`, with the fix below."""

from __future__ import annotations

from planctl.chinese import display_width
from planctl.findings import Finding, Severity
from planctl.i18n import _, ngettext
from planctl.report import Span, StyledLine
from planctl.rules.base import severity_name
from planctl.validate.engine import Report


def report_lines(report: Report) -> list[StyledLine]:
    """One line per finding and its fix, then the summary (the terminal may colour them)."""
    lines: list[StyledLine] = []
    width = max(display_width(severity_name(severity)) for severity in Severity)
    # "fix: {hint}" as one sentence; its label is dimmed where colour is shown
    label, _hint, after = _("fix: {hint}").partition("{hint}")
    bare = label.rstrip()
    for finding in report.findings:
        lines.append(_finding_line(finding, width))
        if finding.hint:
            fix = Span(f"{label[len(bare) :]}{finding.hint}{after}")
            lines.append((Span("    "), Span(bare, "dim"), fix))
    lines.append((Span(summary(report)),))
    return lines


def _finding_line(finding: Finding, width: int) -> StyledLine:
    style = "error" if finding.severity is Severity.ERROR else "warning"
    name = severity_name(finding.severity)
    return (
        Span(finding.where, "where"),
        Span("  "),
        Span(name + " " * (width - display_width(name)), style),
        Span(f"  {finding.rule}  {finding.message}"),
    )


def summary(report: Report) -> str:
    files = ngettext("{count} file", "{count} files", report.files).format(count=report.files)
    if not report.findings:
        return _("All checks passed ({files}).").format(files=files)
    errors = ngettext("{count} error", "{count} errors", report.errors)
    warnings = ngettext("{count} warning", "{count} warnings", report.warnings)
    return _("Found {errors} and {warnings} in {files}.").format(
        errors=errors.format(count=report.errors),
        warnings=warnings.format(count=report.warnings),
        files=files,
    )
