"""Findings as GitHub workflow annotations (bounded, as GitHub shows only a few per step),
with the full list written to the step summary."""

from __future__ import annotations

import os
from pathlib import Path

from planctl.cli.terminal import printable
from planctl.findings import Finding, Severity
from planctl.i18n import _, ngettext
from planctl.rules.base import severity_name
from planctl.validate.engine import Report
from planctl.validate.formats.text import summary as summary_line

GITHUB_ANNOTATION_LIMIT = 50


def report_github(report: Report) -> str:
    """Workflow annotations and the summary line; under GitHub Actions the full list is
    also appended to the job's step summary."""
    lines = [_annotation(finding) for finding in report.findings[:GITHUB_ANNOTATION_LIMIT]]
    hidden = len(report.findings) - GITHUB_ANNOTATION_LIMIT
    if hidden > 0:
        more = ngettext(
            "{count} more finding is listed in the job summary.",
            "{count} more findings are listed in the job summary.",
            hidden,
        )
        lines.append(more.format(count=hidden))
    lines.append(summary_line(report))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with Path(summary_file).open("a", encoding="utf-8") as summary:
            summary.write(markdown_summary(report))
    return "".join(line + "\n" for line in lines)


def _annotation(finding: Finding) -> str:
    level = "error" if finding.severity is Severity.ERROR else "warning"
    properties = ",".join(
        f"{key}={_escape_property(value)}"
        for key, value in (
            ("file", printable(finding.file)),
            ("line", str(finding.line)),
            ("col", str(finding.column)),
            ("title", finding.rule),
        )
    )
    message = (
        _("{message} — fix: {hint}").format(message=finding.message, hint=finding.hint)
        if finding.hint
        else finding.message
    )
    return f"::{level} {properties}::{_escape_data(printable(message))}"


def markdown_summary(report: Report) -> str:
    lines = [f"### planctl validate\n\n{summary_line(report)}\n"]
    if report.findings:
        lines.append(_("| where | severity | rule | message | fix |") + "\n|---|---|---|---|---|")
        for f in report.findings:
            cells = [f.where, severity_name(f.severity), f.rule, f.message, f.hint]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
