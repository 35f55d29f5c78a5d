"""Benchmark the semantic diff and the task history on generated plans.

    python bench/bench_diff.py [--tasks 5000] [--commits 500] [--log-tasks 200] [--runs 3]

1. Two versions of a plan with `--tasks` tasks (the second with 5% of the tasks edited,
   1% added, 1% removed and 1% moved): open one through the plan gate, compare the two,
   and the whole `planctl diff OLD NEW` between two files and two commits; a line diff of
   the YAML for comparison.
2. A plan with `--log-tasks` tasks and `--commits` commits, each editing one task (the
   followed task every tenth commit): the whole `planctl log TASK`, the same parsing every
   version, and reading every version through one `git cat-file --batch` against one
   `git show` per commit.

Only planctl's public face (`import planctl`) is used, as a library user would.

The repositories are built in a temporary folder with `git fast-import` (one process for
the whole history), with a fixed author and dates. Prints a Markdown table of the best of
`--runs` timings, and ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import planctl

UNITS = [
    "市发展改革局",
    "市财政局",
    "市科技局",
    "市教育局",
    "市商务局",
    "市自然资源局",
    "市生态环境局",
    "市住房城乡建设局",
    "市交通运输局",
    "市农业农村局",
]
DEADLINES = ["2023-03", "2023-06", "2023-Q3", "2023-H2", "2023-12", "2023", "ongoing"]
TEXT = (
    "推进{n}号重点项目建设，完善配套基础设施，强化要素保障，确保年内完成投资目标并形成实物工作量。"
    "建立健全工作台账，定期调度通报进展情况。"
)
PLAN_PATH = "plans/bench.yaml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "基准",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "基准",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


# --- generated plans -------------------------------------------------------------------------


def plan_text(tasks: list[dict[str, str]], per_section: int = 100) -> str:
    lines = [
        "format: planctl/1",
        "id: bench",
        "title: 基准测试工作计划",
        "stage: draft",
        "period: {start: 2023-01-01, end: 2023-12-31}",
        "sections:",
    ]
    for start in range(0, len(tasks), per_section):
        lines += [
            f"  - id: s{start // per_section:03d}",
            f"    title: 第{start // per_section + 1}部分",
            "    tasks:",
        ]
        for task in tasks[start : start + per_section]:
            lines += [
                f"      - id: {task['id']}",
                f"        title: {task['title']}",
                "        text: |",
                f"          {task['text']}",
                f"        lead: [{task['lead']}]",
                f"        support: [{task['support']}]",
                f"        due: {task['due']}",
            ]
    return "\n".join(lines) + "\n"


def generated_tasks(count: int, rng: random.Random) -> list[dict[str, str]]:
    return [
        {
            "id": f"t{n:05d}",
            "title": f"第{n}项重点工作",
            "text": TEXT.format(n=n),
            "lead": rng.choice(UNITS),
            "support": ", ".join(rng.sample(UNITS, 2)),
            "due": rng.choice(DEADLINES),
        }
        for n in range(count)
    ]


def revised(tasks: list[dict[str, str]], rng: random.Random) -> list[dict[str, str]]:
    """5% edited (deadline, lead or text), 1% removed, 1% added, 1% moved elsewhere."""
    new = [dict(task) for task in tasks]
    for task in rng.sample(new, len(new) // 20):
        field = rng.choice(["due", "lead", "text"])
        if field == "text":
            task["text"] = task["text"].replace("确保年内", "力争三季度")
        else:
            task[field] = rng.choice(DEADLINES if field == "due" else UNITS)
    for task in rng.sample(new, len(new) // 100):
        new.remove(task)
    for task in rng.sample(new, len(new) // 100):
        new.remove(task)
        new.insert(rng.randrange(len(new)), task)
    extra = generated_tasks(len(tasks) // 100, rng)
    for task in extra:
        task["id"] = "new-" + task["id"]
        new.insert(rng.randrange(len(new)), task)
    return new


# --- repositories through git fast-import ------------------------------------------------------


def fast_import(root: Path, versions: Iterator[tuple[str, str]]) -> None:
    """A repository whose commit n holds the n-th (message, plan text), one day apart.

    Commits on one branch follow each other in a fast-import stream without `from`.
    """
    subprocess.run(
        ["git", "init", "--quiet", "--initial-branch=main", str(root)],
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    stream = []
    for number, (message, text) in enumerate(versions, start=1):
        data, note = text.encode(), message.encode()
        when = 1_677_632_400 + 86_400 * number
        stream += [
            b"commit refs/heads/main",
            f"author 基准 <bench@example.org> {when} +0800".encode(),
            f"committer 基准 <bench@example.org> {when} +0800".encode(),
            b"data %d" % len(note),
            note,
        ]
        stream += [f"M 100644 inline {PLAN_PATH}".encode(), b"data %d" % len(data), data, b""]
    subprocess.run(
        ["git", "fast-import", "--quiet"],
        cwd=root,
        input=b"\n".join(stream),
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    subprocess.run(["git", "checkout", "--quiet", "main"], cwd=root, check=True)


# --- timing ---------------------------------------------------------------------------------


def best(runs: int, action: Callable[[], Any]) -> float:
    """The fastest of `runs` runs, in milliseconds."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


def loaded(raw: bytes) -> Any:
    """The typed plan in `raw`, through the plan gate."""
    opened = planctl.open_plan_bytes(raw, "bench.yaml")
    assert opened.trusted, opened.refusal
    return opened.plan()


def diff_rows(tasks: int, runs: int, work: Path) -> list[tuple[str, float]]:
    rng = random.Random(2023)
    old_tasks = generated_tasks(tasks, rng)
    old_text, new_text = plan_text(old_tasks), plan_text(revised(old_tasks, rng))
    old_raw, new_raw = old_text.encode(), new_text.encode()
    (work / "old.yaml").write_bytes(old_raw)
    (work / "new.yaml").write_bytes(new_raw)
    old, new = loaded(old_raw), loaded(new_raw)
    changes = planctl.diff_plans(old, new)
    repo = work / "diff-repo"
    fast_import(repo, iter([("旧版", old_text), ("新版", new_text)]))
    size = f"{len(old_raw) / 1e6:.1f} MB"
    return [
        (
            f"open one plan ({tasks} tasks, {size}): read, parse, check the schema, type it",
            best(runs, lambda: loaded(old_raw)),
        ),
        (
            f"`diff_plans`: compare the two ({len(changes)} changes)",
            best(runs, lambda: planctl.diff_plans(old, new)),
        ),
        (
            "`planctl diff old.yaml new.yaml` (open both, compare)",
            best(runs, lambda: planctl.diff_revisions("old.yaml", "new.yaml", cwd=work)),
        ),
        (
            "`planctl diff HEAD~1 HEAD` (resolve, cat-file, open, compare)",
            best(runs, lambda: planctl.diff_revisions("HEAD~1", "HEAD", cwd=repo)),
        ),
        (
            "difflib line diff of the YAML (for comparison)",
            best(
                1, lambda: list(difflib.unified_diff(old_text.splitlines(), new_text.splitlines()))
            ),
        ),
    ]


def history_versions(tasks: int, commits: int, target: str) -> Iterator[tuple[str, str]]:
    rng = random.Random(500)
    current = generated_tasks(tasks, rng)
    yield ("初稿", plan_text(current))
    for number in range(2, commits + 1):
        task = (
            next(t for t in current if t["id"] == target)
            if number % 10 == 0
            else rng.choice(current)
        )
        task["due"] = DEADLINES[number % len(DEADLINES)]
        task["text"] = TEXT.format(n=number)
        yield (f"第{number}次修改", plan_text(current))


def git(repo: Path, *arguments: str, data: bytes | None = None) -> bytes:
    done = subprocess.run(["git", *arguments], cwd=repo, input=data, capture_output=True)
    done.check_returncode()
    return done.stdout


def blob_ids(repo: Path) -> list[str]:
    """The plan file's blob at every commit, newest first, from one `git log --raw`."""
    listing = git(repo, "log", "--follow", "--raw", "--no-abbrev", "--format=", "--", PLAN_PATH)
    return [line.split()[3] for line in listing.decode().splitlines() if line.startswith(":")]


def log_rows(tasks: int, commits: int, runs: int, work: Path) -> list[tuple[str, float]]:
    repo, target = work / "log-repo", "t00007"
    fast_import(repo, history_versions(tasks, commits, target))
    history = planctl.task_history(repo, target)
    blobs = blob_ids(repo)
    batch = "".join(f"{blob}\n" for blob in blobs).encode()
    raws = [git(repo, "cat-file", "blob", blob) for blob in blobs]
    commit_ids = git(repo, "log", "--format=%H", "--", PLAN_PATH).decode().split()
    shows = [["show", f"{commit}:{PLAN_PATH}"] for commit in commit_ids]
    return [
        (
            f"`planctl log {target}` over {len(blobs)} commits "
            f"({len(history.entries)} entries, {tasks}-task plan, {history.parsed} versions "
            "parsed)",
            best(runs, lambda: planctl.task_history(repo, target)),
        ),
        (
            "the same, parsing every version",
            best(1, lambda: planctl.task_history(repo, target, shortcut=False)),
        ),
        (
            "  list the file's commits (`git log --follow --raw`)",
            best(runs, lambda: blob_ids(repo)),
        ),
        (
            f"  read {len(blobs)} versions through one `git cat-file --batch`",
            best(runs, lambda: git(repo, "cat-file", "--batch", data=batch)),
        ),
        (f"  open {len(raws)} versions", best(1, lambda: [loaded(raw) for raw in raws])),
        (
            "read the same versions with one `git show` per commit (for comparison)",
            best(1, lambda: [git(repo, *show) for show in shows]),
        ),
    ]


def print_table(title: str, rows: list[tuple[str, float]]) -> None:
    print(f"\n| {title} | ms |\n|---|---:|")
    for label, milliseconds in rows:
        print(f"| {label} | {milliseconds:,.0f} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--log-tasks", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args(argv)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs "
        f"(load average {os.getloadavg()[0]:.1f} at start), "
        f"{subprocess.run(['git', '--version'], capture_output=True, text=True).stdout.strip()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        diff = diff_rows(options.tasks, options.runs, work)
        print_table(f"diff of two {options.tasks}-task plans", diff)
        log = log_rows(options.log_tasks, options.commits, options.runs, work)
        print_table(f"log of one task over {options.commits} commits", log)
    ratios = {
        "difflib on the YAML / diff_plans": diff[4][1] / diff[1][1],
        "parsing every version / `planctl log`": log[1][1] / log[0][1],
        "one `git show` per commit / one cat-file": log[5][1] / log[3][1],
    }
    print("\n| ratio | × |\n|---|---:|")
    for label, ratio in ratios.items():
        print(f"| {label} | {ratio:,.1f} |")


if __name__ == "__main__":
    main()
