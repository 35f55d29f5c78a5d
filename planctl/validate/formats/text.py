"""Findings as text lines, `file:line:col  severity  rule  message`, with the fix below."""

from __future__ import annotations

from typing import TextIO

from planctl.chinese import display_width
from planctl.findings import Finding, Severity
from planctl.i18n import _, ngettext
from planctl.rules.base import severity_name
from planctl.validate.engine import Report


def report_text(report: Report, out: TextIO, *, color: bool = False) -> None:
    width = max(display_width(severity_name(severity)) for severity in Severity)
    label, _hint, after = _("fix: {hint}").partition("{hint}")
    fix = _paint(label.rstrip(), "dim", color) + label[len(label.rstrip()) :]
    for finding in report.findings:
        out.write(_text_line(finding, width, color) + "\n")
        if finding.hint:
            out.write(f"    {fix}{finding.hint}{after}\n")
    out.write(summary(report) + "\n")


def _text_line(finding: Finding, width: int, color: bool) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    style = "red" if finding.severity is Severity.ERROR else "yellow"
    name = severity_name(finding.severity)
    severity = _paint(name + " " * (width - display_width(name)), style, color)
    return f"{_paint(where, 'bold', color)}  {severity}  {finding.rule}  {finding.message}"


_ANSI = {"red": "31", "yellow": "33", "bold": "1", "dim": "2", "green": "32"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\033[{_ANSI[style]}m{text}\033[0m" if color else text


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
