"""Benchmark `planctl status` against `planctl validate --no-cache` on a tracked corpus.

    python bench/bench_tracking.py                       # 1,000 plans of 100 tasks
    python bench/bench_tracking.py --plans 20 --runs 3   # a quick look

The corpus is bench/generate.py's (same seed, same plans). Every `--tracked-every`-th
plan that is not one of the deliberately broken ones gets a `reporting:` block (monthly
from January of its year, due on the 5th) and a year of monthly reports, one per unit
leading one of its tasks and month, with an entry for each task the unit leads (status,
percent, progress; now and then a delayed task, a late or a missing report), committed
in one git repository by `git fast-import`, one commit per day a report arrived. The same
arguments give the same bytes and the same commits.

It then times, `--runs` times each, best run shown:

- `planctl validate --no-cache` on the whole repository (plans and reports);
- `planctl status` with no kept answer (`.planctl-cache/tracking-answers/` deleted: cold);
- `planctl status` again with nothing changed (warm);
- `planctl stats`, cold and warm.

Each timing gives the wall clock and the CPU time (user + system) of the command: on a
machine shared with other work the wall clock grows with the load, the CPU time much less.

Targets: status cold within 1.5× of validate --no-cache, status warm under 1 s. Prints a
Markdown table; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # bench/generate.py, beside this file

_SCRIPT = Path(sys.executable).parent / "planctl"
PLANCTL = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "planctl"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "基准",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "基准",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
DEFAULT_SEED = 20240601
PROGRESS = (
    "召开专题推进会，分解落实年度目标任务",
    "完成阶段性督查，整改问题清单已销号",
    "推动重点项目开工，落实用地和资金保障",
    "组织现场调研，协调解决项目建设困难",
    "开展中期评估，调整完善工作推进措施",
    "加强部门协作，建立周报调度工作机制",
)


# --- the corpus -----------------------------------------------------------------------


def tracked(index: int, every: int) -> bool:
    return index % every == 0 and generate.broken_kind(index) is None


def with_reporting(text: str, year: int) -> str:
    """The plan with a monthly `reporting:` block after its period."""
    anchor = f"period: {{start: {year}-01-01, end: {year}-12-31}}\n"
    block = (
        f"reporting: {{cycle: month, due_day: 5, start: {year}-01,"
        " supervisor: 江海市人民政府督查室}\n"
    )
    return text.replace(anchor, anchor + block, 1)


def led_tasks(text: str) -> dict[str, list[str]]:
    """unit -> the ids of the tasks it leads, read from the generated plan's lines."""
    leads: dict[str, list[str]] = {}
    task = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("- id: task-"):
            task = stripped.removeprefix("- id: ")
        elif stripped.startswith("lead: [") and task is not None:
            for unit in stripped.removeprefix("lead: [").rstrip("]").split(", "):
                leads.setdefault(unit, []).append(task)
    return leads


def report_text(
    plan_id: str, period: str, as_of: datetime.date, unit: str, entries: list[str]
) -> str:
    head = (
        f"format: planctl-report/1\nplan: {plan_id}\nperiod: {period}\nunit: {unit}\n"
        f"as_of: {as_of.isoformat()}\ntasks:\n"
    )
    return head + "".join(entries)


def entry_text(task: str, month: int, rng: random.Random) -> str:
    percent = min(100, round(month * 100 / 12) - rng.choice((0, 0, 0, 5, 15)))
    status = "delayed" if rng.random() < 0.03 else "in_progress"
    progress = f"{month}月，{PROGRESS[(month + len(task)) % len(PROGRESS)]}，{task}按计划推进。"
    return (
        f"  - task: {task}\n    status: {status}\n    percent: {max(percent, 0)}\n"
        f"    progress: {progress}\n"
    )


def month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def corpus_files(
    plans: int, tasks: int, every: int, seed: int
) -> Iterator[tuple[datetime.date, str, str]]:
    """(day committed, path, text) of every file: the plans on 1 January of 2020, then
    each report on the day it arrived."""
    with tempfile.TemporaryDirectory() as scratch:
        paths = generate.generate(Path(scratch) / "corpus", plans, tasks, seed)
        units = (Path(scratch) / "corpus" / "plans" / "units.yaml").read_text("utf-8")
        texts = [(path.name, path.read_text("utf-8")) for path in paths]
    yield datetime.date(2020, 1, 1), "plans/units.yaml", units
    for index, (name, text) in enumerate(texts):
        year = 2020 + index % 6
        if not tracked(index, every):
            yield datetime.date(2020, 1, 1), f"plans/{name}", text
            continue
        yield datetime.date(2020, 1, 1), f"plans/{name}", with_reporting(text, year)
        yield from _reports(name.removesuffix(".yaml"), year, led_tasks(text), seed + index)


def _reports(
    plan_id: str, year: int, leads: dict[str, list[str]], seed: int
) -> Iterator[tuple[datetime.date, str, str]]:
    rng = random.Random(seed)
    for month in range(1, 13):
        period = f"{year}-{month:02d}"
        end = month_end(year, month)
        for unit, ids in sorted(leads.items()):
            roll = rng.random()
            if roll < 0.01:
                continue  # a missing report
            delay = 12 if roll < 0.05 else rng.randint(1, 4)  # late, or on time
            entries = [entry_text(task, month, rng) for task in ids]
            text = report_text(plan_id, period, end, unit, entries)
            yield (
                end + datetime.timedelta(days=delay),
                f"reports/{plan_id}/{period}/{unit}.yaml",
                text,
            )


def build(root: Path, plans: int, tasks: int, every: int, seed: int) -> int:
    """The corpus as a git repository at `root`; returns the number of report files."""
    by_day: dict[datetime.date, list[tuple[str, str]]] = {}
    reports = 0
    for day, path, text in corpus_files(plans, tasks, every, seed):
        by_day.setdefault(day, []).append((path, text))
        reports += path.startswith("reports/")
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(root)], check=True)
    process = subprocess.Popen(
        ["git", "fast-import", "--quiet"],
        cwd=root,
        stdin=subprocess.PIPE,
        env={**os.environ, **GIT_ENV},
    )
    assert process.stdin is not None
    for mark, day in enumerate(sorted(by_day), start=1):
        stamp = int(datetime.datetime(day.year, day.month, day.day, 9, tzinfo=_CHINA).timestamp())
        note = f"{day.isoformat()} 报送".encode()
        who = "基准 <bench@example.org>".encode()
        chunks = [b"commit refs/heads/main\n", b"mark :%d\n" % mark]
        chunks.append(b"author %s %d +0800\ncommitter %s %d +0800\n" % (who, stamp, who, stamp))
        chunks.append(b"data %d\n%s\n" % (len(note), note))
        if mark > 1:
            chunks.append(b"from :%d\n" % (mark - 1))
        for path, text in by_day[day]:
            data = text.encode("utf-8")
            chunks.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
        process.stdin.write(b"".join(chunks))
    process.stdin.close()
    if process.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "--quiet", "main"], cwd=root, check=True)
    return reports


_CHINA = datetime.timezone(datetime.timedelta(hours=8))


# --- timing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds on the clock
    cpu: float  # seconds of CPU the command took (user + system): what a busy machine hides


def timed(command: Sequence[str], cwd: Path) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        tail = done.stderr.decode()[-500:]
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {tail}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def forget_tracking_cache(root: Path) -> None:
    shutil.rmtree(root / ".planctl-cache" / "tracking-answers", ignore_errors=True)


def best_of(runs: int, command: Sequence[str], cwd: Path, *, cold: bool = False) -> Timing:
    timings = []
    for _ in range(runs):
        if cold:
            forget_tracking_cache(cwd)
        timings.append(timed(command, cwd))
    return min(timings, key=lambda timing: timing.wall)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--tracked-every", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--keep", type=Path, help="build the repository here and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch) / "repo"
        if root.exists():
            shutil.rmtree(root)
        start = time.perf_counter()
        reports = build(root, args.plans, args.tasks, args.tracked_every, args.seed)
        built = time.perf_counter() - start
        as_of = ["--as-of", "2025-12-31"]
        status, stats = [*PLANCTL, "status", *as_of], [*PLANCTL, "stats", *as_of]
        rows = [
            (
                "`planctl validate --no-cache`",
                best_of(args.runs, [*PLANCTL, "validate", "--no-cache"], root),
                "",
            )
        ]
        rows.append(
            ("`planctl status` (cold)", best_of(args.runs, status, root, cold=True), "≤ 1.5×")
        )
        timed(status, root)  # the answer kept, should the cold runs have left none
        rows.append(("`planctl status` (warm)", best_of(args.runs, status, root), "< 1 s"))
        rows.append(("`planctl stats` (cold)", best_of(args.runs, stats, root, cold=True), ""))
        timed(stats, root)
        rows.append(("`planctl stats` (warm)", best_of(args.runs, stats, root), ""))
        _print(args, reports, built, rows)


def _print(
    args: argparse.Namespace, reports: int, built: float, rows: list[tuple[str, Timing, str]]
) -> None:
    tracked_plans = sum(1 for index in range(args.plans) if tracked(index, args.tracked_every))
    machine = f"{os.cpu_count()} cores, {platform.platform()}"
    print(f"- machine: {machine}, Python {platform.python_version()}")
    print(f"- load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"- corpus: {args.plans} plans × {args.tasks} tasks; {tracked_plans} tracked, "
        f"{reports:,} report files (built in {built:.0f} s); best of {args.runs} runs"
    )
    print()
    print("| command | wall s | CPU s | wall ÷ validate | CPU ÷ validate | target |")
    print("|---|---:|---:|---:|---:|---|")
    base = rows[0][1]
    for name, timing, target in rows:
        print(
            f"| {name} | {timing.wall:.2f} | {timing.cpu:.2f} | {timing.wall / base.wall:.2f} "
            f"| {timing.cpu / base.cpu:.2f} | {target} |"
        )


if __name__ == "__main__":
    main()
