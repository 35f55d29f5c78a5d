"""Throwaway git repositories of plans, with pinned authors and dates and no network."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from planctl.model import Plan, plan_from_data

# A small issued plan: a notice, two top-level sections (one nested), five tasks.
DEMO_PLAN = """\
format: planctl/1
id: demo-2023
title: 示例市2023年重点工作计划
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {start: 2023-01-01, end: 2023-12-31}
notice:
  doc_number: 示府办〔2023〕5号
  title: 印发示例市2023年重点工作计划的通知
  recipients: [各区人民政府, 市政府各部门]
  body: |
    现将《示例市2023年重点工作计划》印发给你们，请认真贯彻执行。
  signer: 示例市人民政府办公室
  date: 2023-02-10
sections:
  - id: economy
    title: 推动经济高质量发展
    tasks:
      - id: industry
        title: 壮大先进制造业
        text: |
          推进工业园区扩能增效，新增规模以上工业企业50家。
        lead: [市工业和信息化局]
        support: [市发展改革局, 市财政局]
        due: 2023-06
        status: in_progress
        milestones:
          - {due: 2023-03, text: 出台扶持政策}
        indicators:
          - {name: 新增规上企业, unit: 家, target: 50}
      - id: services
        title: 发展现代服务业
        text: |
          培育商贸物流、文化旅游等服务业新业态。
        lead: [市商务局]
        due: 2023
      - id: agriculture
        title: 发展现代农业
        text: |
          建设现代农业产业园。
        lead: [市农业农村局]
        due: 2023-Q3
  - id: livelihood
    title: 保障和改善民生
    sections:
      - id: education
        title: 办好人民满意的教育
        tasks:
          - id: schools
            title: 新建中小学校
            text: |
              新建、改扩建中小学校10所，新增学位1万个。
            lead: [市教育局]
            support: [各区人民政府]
            support_more: true
            due: 2023-12-31
      - id: health
        title: 推进健康示例建设
        tasks:
          - id: hospitals
            title: 提升医疗服务能力
            text: |
              推进市人民医院新院区建设。
            lead: [市卫生健康局]
            due: ongoing
"""

PLAN_PATH = "plans/demo-2023.yaml"
# Commit n is dated 2023-03-n 09:00 (+08:00): the first on 1 March, one a day after.
_EPOCH = 1_677_546_000


@dataclass
class GitPlans:
    """A plan repository in git: write and edit files, commit with pinned dates, run git."""

    root: Path
    commits: int = 0

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
        )
        return done.stdout

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def edit(self, path: str, old: str, new: str) -> None:
        text = self.read(path)
        assert old in text, f"{old!r} is not in {path}"
        self.write(path, text.replace(old, new, 1))

    def commit(self, message: str, author: str = "张三") -> str:
        """Commit everything, dated one day after the previous commit; returns the id."""
        self.commits += 1
        date = f"@{_EPOCH + 86_400 * self.commits} +0800"
        self.git("add", "--all")
        self.git(
            "commit",
            "--quiet",
            "--allow-empty",
            "-m",
            message,
            env={"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date},
        )
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture(autouse=True)
def pinned_git(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No user or system git config; fixed identity and committer date."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "张三")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "zhangsan@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "张三")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "zhangsan@example.org")
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"@{_EPOCH} +0800")
    monkeypatch.setenv("GIT_PAGER", "cat")
    monkeypatch.delenv("GIT_EXTERNAL_DIFF", raising=False)
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[GitPlans]:
    """A repository whose first commit holds the demo plan."""
    plans = GitPlans(tmp_path / "repo")
    plans.root.mkdir()
    plans.git("init", "--quiet", "--initial-branch=main")
    plans.write(PLAN_PATH, DEMO_PLAN)
    plans.commit("初稿")
    yield plans


def demo_data() -> dict[str, Any]:
    """The demo plan as the plain data the loader gives (a fresh copy each time)."""
    from planctl.yamlio import load_text

    document = load_text(DEMO_PLAN, "demo.yaml")
    assert document.readable, document.problems
    data: dict[str, Any] = document.data
    return data


def demo_plan(data: dict[str, Any] | None = None) -> Plan:
    return plan_from_data(data if data is not None else demo_data())
