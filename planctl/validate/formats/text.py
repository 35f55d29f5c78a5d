"""Findings as text lines, `file:line:col  severity  rule  message`, with the fix below."""

from __future__ import annotations

from typing import TextIO

from planctl.cli.terminal import printable
from planctl.findings import Finding, Severity
from planctl.validate.engine import Report


def report_text(report: Report, out: TextIO, *, color: bool = False) -> None:
    for finding in report.findings:
        out.write(_text_line(finding, color) + "\n")
        if finding.hint:
            out.write(f"    {_paint('fix:', 'dim', color)} {printable(finding.hint)}\n")
    out.write(summary(report) + "\n")


def _text_line(finding: Finding, color: bool) -> str:
    where = f"{printable(finding.file)}:{finding.line}:{finding.column}"
    style = "red" if finding.severity is Severity.ERROR else "yellow"
    severity = _paint(f"{finding.severity!s:7}", style, color)
    message = printable(finding.message)  # plan text: never raw on a terminal
    return f"{_paint(where, 'bold', color)}  {severity}  {finding.rule}  {message}"


_ANSI = {"red": "31", "yellow": "33", "bold": "1", "dim": "2", "green": "32"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\033[{_ANSI[style]}m{text}\033[0m" if color else text


def summary(report: Report) -> str:
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not report.findings:
        return f"All checks passed ({files})."
    return (
        f"Found {report.errors} error{'s' if report.errors != 1 else ''} and "
        f"{report.warnings} warning{'s' if report.warnings != 1 else ''} in {files}."
    )
