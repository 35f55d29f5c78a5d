"""`planctl log` parses only the versions where the task could change, and says the same.

Random histories of edits (texts, deadlines, leads, tasks added, removed and moved,
sections renamed, renumbered and inserted, keys appended, comments, duplicate ids, YAML
broken and fixed) are logged for every task twice: with the shortcut and parsing every
version. The histories must agree.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from planctl.history import HistoryEntry, task_history
from planctl.history.versions import changed_lines, shifted_span

from ..conftest import GitPlans

PATH = "plans/p.yaml"
Data = list[dict[str, Any]]


def emit(sections: Data, comment: str = "", broken: str = "") -> str:
    lines = ["format: planctl/1", "id: p", "title: 随机计划", "stage: draft", "sections:"]
    for section in sections:
        lines += _section(section, "  ")
    text = "\n".join(lines) + "\n"
    if comment:
        text = text.replace(f"id: {comment}\n", f"id: {comment}\n    # 备注\n", 1)
    if broken:
        text = text.replace(f"id: {broken}\n", f"id: {broken}\n        lead: [未闭合\n", 1)
    return text


def _section(section: dict[str, Any], indent: str) -> list[str]:
    lines = [f"{indent}- id: {section['id']}", f"{indent}  title: {section['title']}"]
    if section["tasks"]:
        lines.append(f"{indent}  tasks:")
    for task in section["tasks"]:
        lines += [
            f"{indent}    - id: {task['id']}",
            f"{indent}      text: |",
            f"{indent}        {task['text']}",
            f"{indent}      lead: [{task['lead']}]",
            f"{indent}      due: {task['due']}",
        ]
        lines += [f"{indent}      status: {task['status']}"] if "status" in task else []
    if section.get("sections"):
        lines.append(f"{indent}  sections:")
        for child in section["sections"]:
            lines += _section(child, indent + "    ")
    return lines


class History:
    """Random edits to a plan, one commit each."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0
        self.sections: Data = [self.new_section() for _ in range(3)]
        self.sections[0]["sections"] = [self.new_section()]

    def new_section(self) -> dict[str, Any]:
        self.count += 1
        tasks = [self.new_task() for _ in range(self.rng.randint(1, 3))]
        return {"id": f"s{self.count}", "title": f"章节{self.count}", "tasks": tasks}

    def new_task(self) -> dict[str, Any]:
        self.count += 1
        return {
            "id": f"t{self.count}",
            "text": f"任务内容{self.count}。",
            "lead": "市财政局",
            "due": "2023-06",
        }

    def all_sections(self) -> Data:
        found = list(self.sections)
        for section in self.sections:
            found += section.get("sections", [])
        return found

    def a_task(self) -> tuple[dict[str, Any], dict[str, Any]]:
        section = self.rng.choice([s for s in self.all_sections() if s["tasks"]])
        return section, self.rng.choice(section["tasks"])

    def edit(self) -> str:
        """Apply one random edit; return the text of the new version."""
        kind = self.rng.choice(EDITS)
        section, task = self.a_task()
        if kind == "text":
            task["text"] += "有所调整。"
        elif kind == "due":
            task["due"] = self.rng.choice(["2023-03", "2023-Q3", "2023", "ongoing"])
        elif kind == "lead":
            task["lead"] = self.rng.choice(["市发展改革局", "市教育局"])
        elif kind == "status":
            task["status"] = "done"
        elif kind == "add":
            section["tasks"].insert(self.rng.randrange(len(section["tasks"]) + 1), self.new_task())
        elif kind == "remove" and len(section["tasks"]) > 1:
            section["tasks"].remove(task)
        elif kind == "move":
            section["tasks"].remove(task)
            target = self.rng.choice(self.all_sections())
            target["tasks"].insert(self.rng.randrange(len(target["tasks"]) + 1), task)
        elif kind == "title":
            section["title"] += "（修订）"
        elif kind == "renumber":
            self.count += 1
            section["id"] = f"s{self.count}"
        elif kind == "section":
            self.sections.insert(self.rng.randrange(len(self.sections) + 1), self.new_section())
        elif kind == "duplicate":
            other = self.rng.choice(self.all_sections())
            other["tasks"].insert(0, dict(task, text="同号任务。"))
        elif kind == "comment":
            return emit(self.sections, comment=section["id"])
        elif kind == "broken":
            return emit(self.sections, broken=task["id"])
        return emit(self.sections)


EDITS = [
    "text",
    "due",
    "lead",
    "status",
    "add",
    "remove",
    "move",
    "title",
    "renumber",
    "section",
    "duplicate",
    "comment",
    "broken",
    "text",
    "due",
    "text",
]


def build(repo: GitPlans, versions: list[str]) -> None:
    """One commit per version, one day apart, in one `git fast-import`."""
    stream: list[bytes] = []
    for number, text in enumerate(versions, start=1):
        data, when = text.encode(), 1_677_632_400 + 86_400 * number
        stream += [
            b"commit refs/heads/main",
            f"committer 张三 <z@example.org> {when} +0800".encode(),
            b"data 2",
            f"v{number % 10}".encode(),
            f"M 100644 inline {PATH}".encode(),
            b"data %d" % len(data),
            data,
            b"",
        ]
    repo.fast_import(b"\n".join(stream))


def settled(entries: tuple[HistoryEntry, ...]) -> list[tuple[str, Any]]:
    return [(entry.commit, entry.changes) for entry in entries if entry.problem is None]


@pytest.mark.parametrize("seed", range(4))
def test_the_shortcut_agrees_with_parsing_every_version(git_repo: GitPlans, seed: int) -> None:
    history = History(seed)
    versions = [emit(history.sections)] + [history.edit() for _ in range(30)]
    build(git_repo, versions)
    task_ids = {f"t{n}" for n in range(1, history.count + 1)}
    saved = 0
    for task_id in sorted(task_ids):
        fast = task_history(git_repo.root, task_id, PATH)
        slow = task_history(git_repo.root, task_id, PATH, shortcut=False)
        assert settled(fast.entries) == settled(slow.entries), task_id
        fast_problems = {entry.commit for entry in fast.entries if entry.problem}
        assert fast_problems <= {entry.commit for entry in slow.entries if entry.problem}
        assert fast.parsed <= slow.parsed == len(set(versions))
        saved += slow.parsed - fast.parsed
    assert saved > 0  # the shortcut was taken


def test_an_edit_elsewhere_keeps_the_task_without_parsing() -> None:
    old = [
        b"sections:",
        b"  - id: a",
        b"    tasks:",
        b"      - id: t1",
        b"        due: 2023",
        b"  - id: b",
        b"    tasks:",
        b"      - id: t2",
        b"        due: 2023",
    ]
    span = (1, 5)  # from section a's header to the end of t1
    after = [*old[:8], b"        due: 2024"]
    assert changed_lines(old, after) == (8, 9, 9)
    assert shifted_span(old, after, span, (b"t1", b"a")) == span
    before = ["# 注释".encode(), b"#", *old]
    assert shifted_span(old, before, span, (b"t1", b"a")) == (3, 7)


@pytest.mark.parametrize(
    "new_line",
    [
        b"        status: done",
        b"        text: |",
        b'        title: "unclosed',
        b"---",
        b"      - id: t1",
    ],
)
def test_edits_that_may_reach_the_task_are_parsed(new_line: bytes) -> None:
    old = [
        b"sections:",
        b"  - id: a",
        b"    tasks:",
        b"      - id: t1",
        b"        due: 2023",
        b"  - id: b",
        b"    tasks:",
        b"      - id: t2",
        b"        due: 2023",
    ]
    edited = (
        [*old[:5], new_line, *old[5:]]
        if new_line.startswith(b"        s")
        else [*old[:7], new_line, *old[8:]]
    )
    assert shifted_span(old, edited, (1, 5), (b"t1", b"a")) is None
