"""When each report was submitted: the commit that first added its file, read from git."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from planctl.tracking.submitted import submitted_dates

from ..conftest import GitPlans

A = "reports/p/2023-06/市发展改革局.yaml"
B = "reports/p/2023-06/市财政局.yaml"
C = "reports/p/2023-07/市财政局.yaml"


def commit_at(repository: GitPlans, message: str, author: str, committer: str) -> str:
    repository.git("add", "--all")
    repository.git(
        "commit",
        "--quiet",
        "-m",
        message,
        env={"GIT_AUTHOR_DATE": author, "GIT_COMMITTER_DATE": committer},
    )
    return repository.git("rev-parse", "HEAD").strip()


def test_the_first_commit_adding_a_file_dates_it_in_the_committers_zone(
    git_repo: GitPlans,
) -> None:
    git_repo.write(A, "v1")
    # 20:00 in New York on 3 July is 08:00 on 4 July in 北京, where it was committed.
    commit_at(git_repo, "报送", "2023-07-03T20:00:00-04:00", "2023-07-04T08:05:00+08:00")
    git_repo.write(A, "v2")  # corrected later: still submitted on the first day
    git_repo.write(B, "v1")
    commit_at(git_repo, "更正", "2023-07-06T23:30:00+08:00", "2023-07-06T23:30:00+08:00")
    git_repo.write(C, "not committed")

    submitted = submitted_dates(git_repo.root, "reports")
    assert submitted.of(A) == datetime.date(2023, 7, 4)
    assert submitted.of(B) == datetime.date(2023, 7, 6)  # 15:30 UTC, but 6 July in 北京
    assert submitted.of(C) is None
    assert submitted.notes == ()


def test_a_file_deleted_and_added_again_keeps_its_first_date(git_repo: GitPlans) -> None:
    git_repo.write(A, "v1")
    commit_at(git_repo, "报送", "2023-07-03T10:00:00+08:00", "2023-07-03T10:00:00+08:00")
    (git_repo.root / A).unlink()
    commit_at(git_repo, "撤回", "2023-07-04T10:00:00+08:00", "2023-07-04T10:00:00+08:00")
    git_repo.write(A, "v2")
    commit_at(git_repo, "重报", "2023-07-05T10:00:00+08:00", "2023-07-05T10:00:00+08:00")
    assert submitted_dates(git_repo.root, "reports").of(A) == datetime.date(2023, 7, 3)


def test_as_of_a_revision_later_files_are_not_submitted(git_repo: GitPlans) -> None:
    git_repo.write(A, "v1")
    first = commit_at(git_repo, "6月", "2023-07-03T10:00:00+08:00", "2023-07-03T10:00:00+08:00")
    git_repo.write(C, "v1")
    commit_at(git_repo, "7月", "2023-08-03T10:00:00+08:00", "2023-08-03T10:00:00+08:00")
    then = submitted_dates(git_repo.root, "reports", revision=first)
    assert then.of(A) == datetime.date(2023, 7, 3) and then.of(C) is None


def test_no_commits_yet_and_no_git_give_no_dates(git_repo: GitPlans, tmp_path: Path) -> None:
    git_repo.write(A, "v1")
    assert submitted_dates(git_repo.root, "reports").dates == {}
    outside = tmp_path / "plain"
    (outside / "reports").mkdir(parents=True)
    assert submitted_dates(outside, "reports").dates == {}


def test_a_shallow_clone_does_not_date_what_it_cannot_see(
    git_repo: GitPlans, tmp_path: Path, git_env: dict[str, str]
) -> None:
    git_repo.write(A, "v1")
    commit_at(git_repo, "6月", "2023-07-03T10:00:00+08:00", "2023-07-03T10:00:00+08:00")
    git_repo.write(B, "v1")
    commit_at(git_repo, "6月", "2023-07-04T10:00:00+08:00", "2023-07-04T10:00:00+08:00")
    git_repo.write(C, "v1")
    commit_at(git_repo, "7月", "2023-08-03T10:00:00+08:00", "2023-08-03T10:00:00+08:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "2", f"file://{git_repo.root}", str(clone)],
        check=True,
    )
    submitted = submitted_dates(clone, "reports")
    # The oldest commit fetched holds A and B as if it added them: their dates are unknown.
    assert submitted.of(A) is None and submitted.of(B) is None
    assert submitted.of(C) == datetime.date(2023, 8, 3)
    [note] = submitted.notes
    assert "2 reports" in note and "git fetch --unshallow" in note
