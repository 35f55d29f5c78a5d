"""JUnit XML, the test report most CI services show (GitLab, Jenkins, Azure, TeamCity).

Each plan file checked is a test case: it fails when the file has errors (and, with
`--strict`, warnings), one `<failure>` per finding; findings that do not fail the run
are listed in the case's `<system-out>`. All cases form one suite, `planctl validate`.
The output follows the JUnit schema Jenkins' xUnit plugin publishes (junit-10.xsd).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from planctl.findings import Finding, Severity
from planctl.validate.formats.shared import FindingsReport, xml_safe

SUITE_NAME = "planctl validate"


def report_junit(
    report: FindingsReport,
) -> str:
    """Write `report` as a JUnit XML document."""
    by_file = _findings_by_file(report)
    cases = [_case(name, by_file.get(name, []), report.strict) for name in by_file]
    failed = sum(1 for case in cases if case.find("failure") is not None)
    counts = _counts(len(cases), failed)
    suite = ET.Element("testsuite", counts, name=SUITE_NAME, skipped="0")
    suite.extend(cases)
    root = ET.Element("testsuites", counts, name=SUITE_NAME)
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _findings_by_file(report: FindingsReport) -> dict[str, list[Finding]]:
    """Every file checked, in order, with its findings (files named only by a finding,
    such as a missing unit registry, come after)."""
    by_file: dict[str, list[Finding]] = {name: [] for name in report.checked}
    for finding in report.findings:
        by_file.setdefault(finding.file, []).append(finding)
    return by_file


def _counts(tests: int, failures: int) -> dict[str, str]:
    return {"tests": str(tests), "failures": str(failures), "errors": "0"}


def _case(file: str, findings: Sequence[Finding], strict: bool) -> ET.Element:
    case = ET.Element("testcase", name=xml_safe(file), classname="planctl.validate")
    noted: list[str] = []
    for finding in findings:
        if _fails(finding, strict):
            failure = ET.SubElement(
                case, "failure", message=xml_safe(finding.message), type=finding.rule
            )
            failure.text = xml_safe(_detail(finding))
        else:
            noted.append(_detail(finding))
    if noted:
        ET.SubElement(case, "system-out").text = xml_safe("\n\n".join(noted))
    return case


def _fails(finding: Finding, strict: bool) -> bool:
    return finding.severity is Severity.ERROR or strict


def _detail(finding: Finding) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    text = f"{where} {finding.severity} {finding.rule}: {finding.message}"
    return f"{text}\nfix: {finding.hint}" if finding.hint else text
