"""The git adapter: revisions resolved safely, blobs through one long-lived cat-file."""

from __future__ import annotations

import ast
from typing import Any

import pytest

from planctl.errors import UsageError
from planctl.git import blob_id, open_git

from .conftest import ROOT, GitPlans
from .demo import PLAN_PATH


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("--output=/tmp/x", "refusing revision '--output=/tmp/x': it starts with '-'"),
        ("-n1", "refusing revision '-n1'"),
        ("", "an empty revision name"),
        ("HEAD..main", "unknown revision 'HEAD..main'"),
        ("main\nHEAD", "unknown revision 'main\\nHEAD'"),
        ("no-such-branch", "unknown revision 'no-such-branch'"),
        ("HEAD~5", "unknown revision 'HEAD~5'"),
        ("0123456789abcdef0123456789abcdef01234567", "unknown revision '0123456789abcdef"),
    ],
)
def test_bad_revisions_are_refused_by_name(repo: GitPlans, name: str, message: str) -> None:
    with open_git(repo.root) as git, pytest.raises(UsageError) as raised:
        git.resolve(name)
    assert message in str(raised.value)
    assert raised.value.exit_code == 2


def test_a_revision_resolves_to_its_commit(repo: GitPlans) -> None:
    repo.commit("第二次提交")
    with open_git(repo.root) as git:
        revision = git.resolve("HEAD~1")
    assert (revision.name, revision.commit) == ("HEAD~1", repo.git("rev-parse", "HEAD~1").strip())
    assert revision.short == revision.commit[:7]


def test_blob_ids_match_git(repo: GitPlans) -> None:
    data = (repo.root / PLAN_PATH).read_bytes()
    assert blob_id(data) == repo.git("hash-object", PLAN_PATH).strip()


def test_many_revisions_are_read_through_one_cat_file(
    repo: GitPlans, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(1, 21):
        repo.edit(PLAN_PATH, "新增规模以上工业企业", f"新增规模以上工业企业（第{number}次）")
        repo.commit(f"第{number}次修改")
    import git.cmd

    launched: list[list[str]] = []
    real_popen = git.cmd.safer_popen

    def counting_popen(command: list[str], *args: Any, **kwargs: Any) -> Any:
        launched.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(git.cmd, "safer_popen", counting_popen)
    with open_git(repo.root) as repository:
        history = repository.file_history(repository.resolve("HEAD"), PLAN_PATH)
        texts = [repository.read(commit.new_blob or "").decode() for commit in history]
    assert len(texts) == 21
    assert "（第20次）" in texts[0] and "（第" not in texts[-1]
    subcommands = [command[1] for command in launched]
    assert subcommands.count("log") == 1
    assert subcommands.count("cat-file") <= 2, launched  # --batch, and --batch-check at most


def test_the_history_names_each_commits_blobs_and_renames(repo: GitPlans) -> None:
    repo.git("mv", PLAN_PATH, "plans/demo.yaml")
    repo.commit("改名 | 特殊字符 \t 测试")
    with open_git(repo.root) as git:
        renamed, added = git.file_history(git.resolve("HEAD"), "plans/demo.yaml")
    assert (renamed.status, renamed.old_path, renamed.new_path) == (
        "R",
        PLAN_PATH,
        "plans/demo.yaml",
    )
    assert renamed.subject == "改名 | 特殊字符 \t 测试"
    assert renamed.old_blob == renamed.new_blob == added.new_blob
    assert (added.status, added.old_path, added.old_blob) == ("A", None, None)


def test_only_the_git_adapter_imports_gitpython() -> None:
    importers = set()
    for path in (ROOT / "planctl").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name.split(".")[0] in ("git", "gitdb") for name in names):
                importers.add(path.relative_to(ROOT).as_posix())
    assert importers == {"planctl/git.py"}
