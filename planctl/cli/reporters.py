"""Output formats for findings, chosen by name; the registry feeds `--format`.

JSON carries a versioned envelope; `github` prints workflow annotations (bounded, as
GitHub shows only a few per step) and writes the full list to the step summary.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from planctl.findings import Finding, Severity
from planctl.validate import Report

JSON_VERSION = 1
GITHUB_ANNOTATION_LIMIT = 50


def report_text(report: Report, out: TextIO, *, color: bool = False) -> None:
    for finding in report.findings:
        out.write(_text_line(finding, color) + "\n")
        if finding.hint:
            out.write(f"    {_paint('fix:', 'dim', color)} {finding.hint}\n")
    out.write(_summary(report) + "\n")


def _text_line(finding: Finding, color: bool) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    style = "red" if finding.severity is Severity.ERROR else "yellow"
    severity = _paint(f"{finding.severity!s:7}", style, color)
    return f"{_paint(where, 'bold', color)}  {severity}  {finding.rule}  {finding.message}"


_ANSI = {"red": "31", "yellow": "33", "bold": "1", "dim": "2", "green": "32"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\033[{_ANSI[style]}m{text}\033[0m" if color else text


def _summary(report: Report) -> str:
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not report.findings:
        return f"All checks passed ({files})."
    return (
        f"Found {report.errors} error{'s' if report.errors != 1 else ''} and "
        f"{report.warnings} warning{'s' if report.warnings != 1 else ''} in {files}."
    )


def report_json(report: Report, out: TextIO, *, color: bool = False) -> None:
    envelope = {
        "version": JSON_VERSION,
        "tool": "planctl",
        "summary": {"files": report.files, "errors": report.errors, "warnings": report.warnings},
        "findings": [finding.as_dict() for finding in report.findings],
    }
    json.dump(envelope, out, ensure_ascii=False, indent=2)
    out.write("\n")


def report_github(report: Report, out: TextIO, *, color: bool = False) -> None:
    for finding in report.findings[:GITHUB_ANNOTATION_LIMIT]:
        level = "error" if finding.severity is Severity.ERROR else "warning"
        properties = ",".join(
            f"{key}={_escape_property(value)}"
            for key, value in (
                ("file", finding.file),
                ("line", str(finding.line)),
                ("col", str(finding.column)),
                ("title", finding.rule),
            )
        )
        message = finding.message + (f" — fix: {finding.hint}" if finding.hint else "")
        out.write(f"::{level} {properties}::{_escape_data(message)}\n")
    hidden = len(report.findings) - GITHUB_ANNOTATION_LIMIT
    if hidden > 0:
        out.write(f"{hidden} more findings are listed in the job summary.\n")
    out.write(_summary(report) + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with Path(summary_file).open("a", encoding="utf-8") as summary:
            summary.write(markdown_summary(report))


def markdown_summary(report: Report) -> str:
    lines = [f"### planctl validate\n\n{_summary(report)}\n"]
    if report.findings:
        lines.append("| where | severity | rule | message | fix |\n|---|---|---|---|---|")
        for f in report.findings:
            cells = [f"{f.file}:{f.line}:{f.column}", str(f.severity), f.rule, f.message, f.hint]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


Reporter = Callable[..., None]

REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
FORMAT_CHOICES = ("auto", *REPORTERS)


def pick_format(name: str) -> str:
    """`auto` means GitHub annotations under GitHub Actions, text elsewhere."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def wants_color(stream: TextIO = sys.stdout) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()
