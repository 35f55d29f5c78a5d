"""JUnit, Code Quality and SARIF output, each read back by its published schema or reader."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import junitparser
import pytest
import xmlschema

from planctl.findings import Finding, Severity
from planctl.validate import validate
from planctl.validate.formats import codeclimate, junit, sarif

from ..conftest import CLI, DATA

SCHEMAS = DATA / "ci-formats"


@dataclass
class CheckedReport:
    findings: Sequence[Finding]
    checked: Sequence[str]
    strict: bool = False


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckedReport:
    """A real report: a repository with a clean plan, broken plans and a Chinese file name."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(DATA / "units.yaml", plans / "units.yaml")
    shutil.copy(DATA / "valid" / "issued-with-notice.yaml", plans / "issued-with-notice.yaml")
    for case in ("unknown-unit/near-name", "missing-lead/issued", "yaml-syntax/tab-indent"):
        source = DATA / "invalid" / f"{case}.yaml"
        shutil.copy(source, plans / source.name)
    (plans / "工作 计划.yaml").write_bytes((DATA / "invalid/unit-alias/alias.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = validate([], use_cache=False, jobs=1)
    assert sorted(result.checked) == sorted(f"plans/{path.name}" for path in plans.iterdir())
    return CheckedReport(result.findings, result.checked)


def _written(
    write: Callable[[CheckedReport], str], report: CheckedReport, *, strict: bool = False
) -> str:
    return write(dataclasses.replace(report, strict=strict))


def _junit(report: CheckedReport, *, strict: bool = False) -> junitparser.JUnitXml:
    written = _written(junit.report_junit, report, strict=strict).encode("utf-8")
    return junitparser.JUnitXml.fromstring(written)


def test_the_example_report_has_errors_and_a_clean_file(report: CheckedReport) -> None:
    files_with_findings = {finding.file for finding in report.findings}
    assert "plans/issued-with-notice.yaml" not in files_with_findings
    assert len(files_with_findings) == 4
    assert any(finding.severity is Severity.ERROR for finding in report.findings)


def test_junit_is_valid_against_the_jenkins_schema(report: CheckedReport) -> None:
    schema = xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")
    schema.validate(_written(junit.report_junit, report))


def test_junit_has_a_case_per_file_and_a_failure_per_error(report: CheckedReport) -> None:
    xml = _junit(report)
    cases = {case.name: case for suite in xml for case in suite}
    assert sorted(cases) == sorted(report.checked)
    assert cases["plans/issued-with-notice.yaml"].is_passed
    for name, case in cases.items():
        errors = [f for f in report.findings if f.file == name and f.severity is Severity.ERROR]
        failures = [result for result in case.result if isinstance(result, junitparser.Failure)]
        assert [failure.type for failure in failures] == [error.rule for error in errors], name


def test_junit_fails_warnings_only_when_strict(tmp_path: Path) -> None:
    warning = Finding("plans/a.yaml", 3, 5, "missing-lead", Severity.WARNING, "no lead", "add one")
    report = CheckedReport([warning], ["plans/a.yaml"])
    lenient = _junit(report)
    strict = _junit(report, strict=True)
    assert next(iter(next(iter(lenient)))).is_passed
    assert (
        "plans/a.yaml:3:5 warning missing-lead: no lead"
        in next(iter(next(iter(lenient)))).system_out
    )
    assert not next(iter(next(iter(strict)))).is_passed


def test_junit_writes_control_characters_as_escapes() -> None:
    hostile = Finding("plans/a.yaml", 1, 1, "schema", Severity.ERROR, "bad \x1b[31m value\x00")
    xml = _written(junit.report_junit, CheckedReport([hostile], ["plans/a.yaml"]))
    xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd").validate(xml)
    assert "\x1b" not in xml and "\\u001b[31m" in xml


def test_codeclimate_is_a_valid_code_quality_report(report: CheckedReport) -> None:
    issues = json.loads(_written(codeclimate.report_codeclimate, report))
    schema = json.loads((SCHEMAS / "codeclimate-issues.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(issues)
    assert len(issues) == len(report.findings)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {issue["location"]["path"] for issue in issues} >= {"plans/工作 计划.yaml"}


def test_codeclimate_fingerprints_survive_a_moved_line() -> None:
    def issue_at(line: int) -> str:
        finding = Finding("plans/a.yaml", line, 9, "unknown-unit", Severity.ERROR, "unknown")
        written = _written(
            codeclimate.report_codeclimate, CheckedReport([finding], ["plans/a.yaml"])
        )
        return str(json.loads(written)[0]["fingerprint"])

    assert issue_at(10) == issue_at(14)


def test_sarif_is_valid_against_the_oasis_schema(report: CheckedReport) -> None:
    log = json.loads(_written(sarif.report_sarif, report))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.findings)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_locations_are_uris_relative_to_the_source_root(report: CheckedReport) -> None:
    log = json.loads(_written(sarif.report_sarif, report))
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
    }
    assert "plans/%E5%B7%A5%E4%BD%9C%20%E8%AE%A1%E5%88%92.yaml" in uris
    first = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert first["region"]["startLine"] >= 1 and first["region"]["startColumn"] >= 1


@pytest.mark.parametrize(
    ("shown", "uri"),
    [
        ("/srv/plans/a.yaml", "file:///srv/plans/a.yaml"),
        ("C:\\plans\\a.yaml", "file:///C:/plans/a.yaml"),
    ],
)
def test_sarif_names_absolute_paths_by_file_uri(shown: str, uri: str) -> None:
    finding = Finding(shown, 1, 1, "schema", Severity.ERROR, "bad")
    log = json.loads(_written(sarif.report_sarif, CheckedReport([finding], [shown])))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": uri}


@pytest.mark.parametrize("name", ["junit", "codeclimate", "sarif"])
def test_validate_writes_each_format_and_exits_as_usual(
    name: str, plan_repo: Path, cli: CLI
) -> None:
    plan = plan_repo / "plans/issued-with-notice.yaml"
    plan.write_text(plan.read_text("utf-8").replace("市交通运输局", "市交通局"), "utf-8")
    result = cli("validate", "--format", name, cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert "市交通局" in result.stdout and result.stderr == ""
    clean = cli("validate", "--format", name, "plans/units.yaml", cwd=plan_repo)
    assert clean.exit_code == 0, clean.output
