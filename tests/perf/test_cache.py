"""The content-hash cache: same findings as a fresh check, and dropped when anything changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.validate import Report, cache
from planctl.validate import engine as validate

CACHE_FILE = Path(".planctl-cache") / "validate.json"


def checked_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the files the next validation actually parses (cache misses)."""
    seen: list[str] = []
    real = validate.check_file

    def recording(path: Path, shown: str, units: object) -> validate.Checked:
        seen.append(shown)
        return real(path, shown, units)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "check_file", recording)
    return seen


def run(**options: object) -> Report:
    return validate.validate([], jobs=1, **options)  # type: ignore[arg-type]


def test_a_warm_run_reports_exactly_what_a_fresh_check_does(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = run(use_cache=False)
    first = run()
    checked = checked_files(monkeypatch)
    warm = run()
    assert checked == []
    assert warm.findings == first.findings == fresh.findings
    assert warm.files == fresh.files == 23
    assert {finding.rule for finding in warm.findings} >= {
        "yaml-syntax", "schema", "unknown-unit", "unit-alias", "duplicate-id",
        "impossible-date", "milestone-after-due", "doc-number-format", "duplicate-key",
        "lead-and-support",
    }  # fmt: skip


def test_only_the_edited_plan_is_checked_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run()
    plan = sorted((corpus / "plans").glob("jianghai-2022-*.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8") + "# 已复核\n", encoding="utf-8")
    checked = checked_files(monkeypatch)
    run()
    assert checked == [f"plans/{plan.name}"]


def test_a_renamed_plan_is_checked_again(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`id-matches-file` reads the file name, so the same bytes under a new name are new."""
    run()
    plan = sorted((corpus / "plans").glob("jianghai-2022-*.yaml"))[0]
    plan.rename(plan.with_name("renamed.yaml"))
    checked = checked_files(monkeypatch)
    report = run()
    assert checked == ["plans/renamed.yaml"]
    assert any(
        f.rule == "id-matches-file" and f.file == "plans/renamed.yaml" for f in report.findings
    )


@pytest.mark.parametrize(
    "change",
    ["units registry", "planctl.toml", "schema", "planctl version", "planctl code", "library"],
)
def test_everything_is_checked_again_when_a_condition_changes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    run()
    if change == "units registry":
        units = corpus / "plans" / "units.yaml"
        units.write_text(units.read_text(encoding="utf-8") + "# 新增备注\n", encoding="utf-8")
    elif change == "planctl.toml":
        (corpus / "planctl.toml").write_text("[rules]\n", encoding="utf-8")
    elif change == "schema":
        monkeypatch.setattr(cache, "schema_fingerprint", lambda: "another schema")
    elif change == "planctl version":
        monkeypatch.setattr(cache, "__version__", "99.0")
    elif change == "planctl code":
        monkeypatch.setattr(cache, "_package_fingerprint", lambda: "edited rules")
    else:
        monkeypatch.setattr(cache, "_libraries_fingerprint", lambda: "upgraded PyYAML")
    checked = checked_files(monkeypatch)
    run()
    assert len(checked) == 23


def test_no_cache_neither_reads_nor_writes(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(use_cache=False)
    assert not CACHE_FILE.parent.exists()
    run()
    checked = checked_files(monkeypatch)
    run(use_cache=False)
    assert len(checked) == 23


def test_the_cache_folder_keeps_itself_out_of_git(corpus: Path) -> None:
    run()
    assert (CACHE_FILE.parent / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_cache_written_elsewhere_is_not_trusted(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A cache committed to the repository (or copied from another user) could claim that
    broken plans are clean; signed with another key, it is ignored."""
    run()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    checked = checked_files(monkeypatch)
    report = run()
    assert len(checked) == 23
    assert report.errors > 0


def test_a_forged_entry_is_not_trusted(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run()
    raw = CACHE_FILE.read_bytes()
    signature, _, body = raw.partition(b"\n")
    CACHE_FILE.write_bytes(signature + b"\n" + body.replace(b'"yaml-syntax"', b'"yaml-fine"'))
    checked = checked_files(monkeypatch)
    report = run()
    assert len(checked) == 23
    assert "yaml-syntax" in {finding.rule for finding in report.findings}


def test_a_damaged_cache_file_only_costs_time(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run()
    CACHE_FILE.write_bytes(b"\x00not a cache")
    assert run().findings == first.findings


def test_old_entries_are_bounded(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_KEPT", 30)
    run()
    plan = corpus / "plans" / "draft.yaml"
    for version in range(40):
        plan.write_text(f"format: planctl/1\nid: draft\ntitle: 草稿{version}\nstage: draft\n")
        run()
    assert CACHE_FILE.stat().st_size < 30_000
    checked = checked_files(monkeypatch)
    run()
    assert checked == []  # the current files' entries were kept
