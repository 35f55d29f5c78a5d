"""`planctl validate`, `rules` and `schema` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import CLI, DATA, ROOT

INVALID = sorted((DATA / "invalid").rglob("*.yaml"))
FINDING_LINE = r"^\S+:\d+:\d+  (error|warning)  [a-z-]+  "


def test_this_repository_validates(cli: CLI) -> None:
    result = cli("validate", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert " error " not in result.stdout


def test_a_clean_repository_prints_a_summary(cli: CLI, plan_repo: Path) -> None:
    result = cli("validate", cwd=plan_repo)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "All checks passed (2 files)."


@pytest.mark.parametrize("case", INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_bad_input_gives_a_located_finding(cli: CLI, plan_repo: Path, case: Path) -> None:
    target = plan_repo / "plans" / case.name
    shutil.copyfile(case, target)
    result = cli("validate", "--strict", f"plans/{case.name}", cwd=plan_repo)  # warnings too
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"plans/{case.name}:"), first
    assert f"  {case.parent.name}  " in result.stdout
    assert result.stdout.splitlines()[1].startswith("    fix: ")


def test_a_binary_file_is_unreadable_input(cli: CLI, plan_repo: Path) -> None:
    (plan_repo / "plans" / "scan.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = cli("validate", "plans/scan.yaml", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "binary" in result.stdout


def test_a_python_tag_is_never_run(cli: CLI, plan_repo: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    plan = plan_repo / "plans" / "tagged.yaml"
    plan.write_text(f'x: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    result = cli("validate", "plans/tagged.yaml", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert not marker.exists()


def test_warnings_fail_only_with_strict(cli: CLI, plan_repo: Path) -> None:
    shutil.copyfile(
        DATA / "valid" / "draft-without-units.yaml",
        plan_repo / "plans" / "draft-without-units.yaml",
    )
    assert cli("validate", cwd=plan_repo).exit_code == 0
    strict = cli("validate", "--strict", cwd=plan_repo)
    assert strict.exit_code == 1, strict.output
    assert "missing-lead" in strict.stdout


def test_two_plans_with_one_id(cli: CLI, plan_repo: Path) -> None:
    copy = plan_repo / "plans" / "sub" / "issued-with-notice.yaml"
    copy.parent.mkdir()
    shutil.copyfile(plan_repo / "plans" / "issued-with-notice.yaml", copy)
    result = cli("validate", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert "duplicate-plan-id" in result.stdout


def test_json_output_is_a_versioned_envelope(cli: CLI, plan_repo: Path) -> None:
    shutil.copyfile(
        DATA / "invalid" / "unknown-unit" / "near-name.yaml", plan_repo / "plans" / "near-name.yaml"
    )
    result = cli("validate", "--format", "json", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "planctl-validate/1"
    assert report["summary"] == {"files": 3, "errors": 1, "warnings": 0}
    finding = report["findings"][0]
    assert finding["rule"] == "unknown-unit"
    assert finding["json_path"] == "$.sections[0].tasks[0].lead[0]"
    assert "市交通运输局" in finding["hint"]


def test_github_annotations_under_actions(
    cli: CLI, plan_repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    shutil.copyfile(
        DATA / "invalid" / "unit-alias" / "alias.yaml", plan_repo / "plans" / "alias.yaml"
    )
    result = cli("validate", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith(
        "::error file=plans/alias.yaml,line=35,col=16,title=unit-alias::"
    )
    assert "| plans/alias.yaml:35:16 | error | unit-alias |" in summary.read_text("utf-8")


def test_github_output_is_bounded(cli: CLI, plan_repo: Path) -> None:
    lines = "\n".join(f"k{i}: 1\nk{i}: 2" for i in range(60))
    (plan_repo / "plans" / "many.yaml").write_text(lines + "\n", encoding="utf-8")
    result = cli("validate", "plans/many.yaml", "--format", "github", cwd=plan_repo)
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 50
    assert "more findings are listed in the job summary" in result.stdout


def test_a_missing_path_is_a_usage_error(cli: CLI, plan_repo: Path) -> None:
    result = cli("validate", "plans/nope.yaml", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("planctl: error: plans/nope.yaml: no such file")


def test_an_unknown_format_is_a_usage_error(cli: CLI, plan_repo: Path) -> None:
    result = cli("validate", "--format", "xml", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "use one of: auto, text, json, github" in result.stderr


def test_outside_a_repository_without_paths(cli: CLI, tmp_path: Path) -> None:
    result = cli("validate", cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "no files to check" in result.stderr


def test_rules_lists_every_rule(cli: CLI) -> None:
    from planctl.rules import ALL_RULES

    result = cli("rules")
    assert result.exit_code == 0, result.output
    for rule in ALL_RULES:
        assert rule.id in result.stdout


def test_rules_explains_one_rule(cli: CLI) -> None:
    result = cli("rules", "missing-lead")
    assert result.exit_code == 0, result.output
    assert "warning (draft), error (review, issued)" in result.stdout
    assert "Passes:" in result.stdout


def test_schema_prints_json_schema(cli: CLI) -> None:
    for name in ("plan", "units"):
        result = cli("schema", name)
        assert result.exit_code == 0, result.output
        schema = json.loads(result.stdout)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert cli("schema", "task").exit_code == 2


def test_version_and_help(cli: CLI) -> None:
    from planctl import __version__

    assert cli("--version").stdout.strip() == f"planctl {__version__}"
    help_text = cli("--help").stdout
    for command in ("validate", "fmt", "rules", "schema"):
        assert f"  {command} " in help_text
