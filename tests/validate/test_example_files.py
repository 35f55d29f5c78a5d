"""Every file under tests/data/valid and tests/data/invalid/<rule-id>/ is a test case.

Beside each case, `NAME.expected` lists the findings (`line:col severity rule message`);
a valid case without one must produce none. Adding a case means adding two files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.units import UnitRegistry
from planctl.validate.engine import check_document, load_registry
from planctl.yamlio import read_document

from ..conftest import DATA

VALID = sorted((DATA / "valid").glob("*.yaml"))
INVALID = sorted((DATA / "invalid").rglob("*.yaml"))


@pytest.fixture(scope="module")
def units() -> UnitRegistry:
    registry = load_registry(DATA / "units.yaml")
    assert registry is not None
    return registry


def findings_of(path: Path, units: UnitRegistry) -> list[str]:
    result = check_document(read_document(path), units)
    return [f"{f.line}:{f.column} {f.severity} {f.rule} {f.message}" for f in result.findings]


def expected_of(path: Path) -> list[str]:
    expected = path.with_suffix(".expected")
    return expected.read_text(encoding="utf-8").splitlines() if expected.exists() else []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_files_have_no_errors(path: Path, units: UnitRegistry) -> None:
    assert findings_of(path, units) == expected_of(path)
    assert not any(" error " in line for line in expected_of(path))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_invalid_files_report_their_rule(path: Path, units: UnitRegistry) -> None:
    found = findings_of(path, units)
    assert found == expected_of(path)
    assert any(f" {path.parent.name} " in line for line in found), "the case's own rule fires"


def test_every_rule_has_a_failing_example() -> None:
    from planctl.rules import ALL_RULES

    cases = {path.parent.name for path in INVALID}
    # Not a property of one file: two files, a missing registry, a killed worker process
    # (tested in test_repository_checks.py and elsewhere).
    whole_repository = {"duplicate-plan-id", "no-unit-registry", "unchecked"}
    # Reports and reviews against their plans: small repositories in tests/tracking/.
    whole_repository |= {rule.id for rule in ALL_RULES if rule.source == "tracking"}
    untested = {rule.id for rule in ALL_RULES} - cases - whole_repository
    assert not untested, f"add tests/data/invalid/<rule-id>/ cases for {sorted(untested)}"
