"""The data the gate trusted, kept between runs: a second read parses only the files
written since the first, gives the same tracking data, and trusts no cache it did not
sign."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from planctl import parallel
from planctl.repository import Repository
from planctl.tracking import load
from planctl.tracking.load import load_tracking
from planctl.tracking.trusted import CACHE_FILE, TrustedData

from .tracking_data import (
    PLAN_ID,
    REPORT,
    everything_read,
    report_path,
    tracking_repository,
    write,
)

MONTHS = 12
FILES = MONTHS + 3  # the units, the plan, a report for each month and the review


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan with a report for each month of 2023 and a review."""
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path / "repo")
    for month in range(1, MONTHS + 1):
        period = f"2023-{month:02d}"
        write(root, report_path(period=period), REPORT.replace("2023-06\n", f"{period}\n"))
    return root


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the gate parses in this process, as shown."""
    seen: list[str] = []
    opened = load._open

    def counted(source: load.Source, *, schema: bool = True) -> load.Opened:
        seen.append(source.path)
        return opened(source, schema=schema)

    monkeypatch.setattr(load, "_open", counted)
    return seen


def read(root: Path) -> tuple[object, ...]:
    return everything_read(load_tracking(Repository(root)))


def fresh(root: Path) -> tuple[object, ...]:
    return everything_read(load_tracking(Repository(root), use_cache=False))


def rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """What a careless tool might do: new content, same size, the old modification time."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def test_a_second_read_parses_nothing_and_gives_the_same_data(
    root: Path, parsed: list[str]
) -> None:
    first = read(root)
    files = len(parsed)
    assert files == FILES
    assert (root / ".planctl-cache" / CACHE_FILE).is_file()
    parsed.clear()
    assert read(root) == first == fresh(root)
    assert len(parsed) == files  # `fresh` parsed them all; the second read none


def test_only_a_changed_file_is_parsed_again(root: Path, parsed: list[str]) -> None:
    read(root)
    changed = root / report_path(period="2023-03")
    rewrite_keeping_size_and_time(changed, "percent: 80", "percent: 90")
    parsed.clear()
    again = load_tracking(Repository(root))
    assert parsed == [report_path(period="2023-03")]
    march = next(r for r in again.reports_of(PLAN_ID) if str(r.period) == "2023-03")
    entry = march.entry("t1")
    assert entry is not None and entry.percent == 90


def test_a_refused_file_is_refused_again_on_every_read(root: Path, parsed: list[str]) -> None:
    broken = report_path(period="2023-04")
    write(
        root, broken, REPORT.replace("2023-04-28", "2023-04-31").replace("2023-06\n", "2023-04\n")
    )
    write(root, report_path(period="2023-05"), REPORT + "unit: 又一个\n")  # a duplicate key
    first = load_tracking(Repository(root))
    parsed.clear()
    second = load_tracking(Repository(root))
    # The duplicate key is refused by the gate: parsed again. The impossible date passes
    # the gate (its data is kept) and is refused after it, as before: its file is
    # opened to say where.
    assert parsed == [broken, report_path(period="2023-05")]
    assert second.findings == first.findings
    assert [finding.rule for finding in second.findings] == ["tracking-date", "duplicate-key"]


def test_a_cache_signed_by_another_user_is_ignored(
    root: Path, parsed: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = read(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    parsed.clear()
    assert read(root) == first
    assert len(parsed) == FILES


def test_a_cache_changed_on_disk_is_ignored(root: Path, parsed: list[str]) -> None:
    first = read(root)
    cache = root / ".planctl-cache" / CACHE_FILE
    cache.write_bytes(cache.read_bytes().replace(b"80%", b"99%"))
    parsed.clear()
    assert read(root) == first
    assert len(parsed) == FILES


def test_a_new_planctl_drops_the_cache(
    root: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from planctl.validate import cache

    first = read(root)
    monkeypatch.setattr(cache, "salt", lambda extra: "another version")
    parsed.clear()
    assert read(root) == first
    assert len(parsed) == FILES


def test_no_cache_when_asked(
    root: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANCTL_NO_CACHE", "1")
    read(root)
    read(root)
    assert len(parsed) == 2 * (FILES)
    assert not (root / ".planctl-cache").exists()


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(
    root: Path, parsed: list[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".planctl-cache").symlink_to(elsewhere, target_is_directory=True)
    first = read(root)
    parsed.clear()
    assert read(root) == first
    assert len(parsed) == FILES
    assert list(elsewhere.iterdir()) == []


def test_workers_read_only_what_is_not_kept(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(load, "_FILES_PER_TASK", 3)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    hits = count_hits(monkeypatch)
    first = read(root)
    assert hits == []
    rewrite_keeping_size_and_time(
        root / report_path(period="2023-08"), "percent: 80", "percent: 70"
    )
    second = read(root)
    assert len(hits) == FILES - 1  # all but the August report, read by a worker
    assert second == fresh(root) != first


def count_hits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    hits: list[str] = []
    get: Callable[[TrustedData, str], object] = TrustedData.get

    def counted(self: TrustedData, stamp: str) -> object:
        found = get(self, stamp)
        if found is not None:
            hits.append(stamp)
        return found

    monkeypatch.setattr(TrustedData, "get", counted)
    return hits
