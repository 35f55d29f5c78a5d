"""Benchmark `planctl dashboard` on the generated corpus with a year of monthly reports.

    python bench/bench_dashboard.py [--plans 1000] [--tasks 100] [--units 3] [--runs 1]
                                    [--against CHECKOUT]...

1. The corpus of `bench/generate.py` (`--plans` × `--tasks`, made when missing), copied
   into a temporary repository where every plan reports monthly from January of
   `--year` (`reporting: {cycle: month, due_day: 5, start: YYYY-01}`).
2. A year of monthly reports, deterministic (seeded): for every plan and month, a report
   from each of the first `--units` units leading its tasks (in the order the plan names
   them), on every task that unit leads — percent rising month by month (some behind
   schedule), some tasks delayed, some done, a few reports missing — each with its
   进展情况; and for each plan a review of June closing some of the tasks reported done.
3. The whole `planctl dashboard --as-of YYYY-12-31 -o DIR` as a user runs it (a fresh
   process): first with nothing kept from an earlier run (`.planctl-cache/` removed, so
   every file is parsed and the data kept), then again (the files unchanged: their data
   is taken from `.planctl-cache/tracking-data`). Then the same through the library in
   this process, split into its phases: reading the tracking data (with nothing kept,
   and with the data kept), the date's status (the trend started on a worker), and
   building and writing the site (the trend's figures, one per month end, waited for).

With `--against CHECKOUT` (a work tree of another commit, `git worktree add`), that
version's command is timed too, in the same rounds, nothing kept. Prints a Markdown table
of the best of `--runs` timings and every run's, in wall-clock and CPU seconds, the time
of a fixed loop at each round (the machine's speed at the time) and the load average;
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_SEED, generate  # noqa: E402 — bench/ is not a package

_LEAD = re.compile(r"^\s+lead: \[(?P<units>[^\]]*)\]", re.MULTILINE)
_TASK = re.compile(r"^\s+- id: (?P<id>task-[0-9]+)\n", re.MULTILINE)
_PERIOD = re.compile(r"^period: .*\n", re.MULTILINE)
_ID = re.compile(r"^id: (?P<id>\S+)", re.MULTILINE)
PROGRESS = (
    "已完成年度计划的{percent}%，{work}有序推进。",
    "已召开专题会议{count}次，{work}按计划推进，完成投资{money}亿元。",
    "{work}已完成阶段性任务，累计完成{percent}%。",
)
WORKS = ("项目前期工作", "方案编制", "征地拆迁", "主体工程建设", "配套设施建设", "验收准备")


def corpus(plans: int, tasks: int) -> Path:
    folder = HERE / ".corpora" / f"{plans}x{tasks}"
    if not (folder / "plans").is_dir():
        generate(folder, plans, tasks)
    return folder


def tracking_repository(source: Path, out: Path, year: int, units: int, seed: int) -> int:
    """Copy the corpus into `out` with monthly reporting and write a year of reports and a
    review per plan; the number of report files written."""
    rng = random.Random(seed)
    plans_dir = out / "plans"
    shutil.copytree(source / "plans", plans_dir)
    reporting = (
        f"reporting: {{cycle: month, due_day: 5, start: {year}-01, "
        "supervisor: 江海市人民政府督查室}\n"
    )
    written = 0
    for path in sorted(plans_dir.glob("*.yaml")):
        if path.name == "units.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        match = _PERIOD.search(text)
        plan_id = _ID.search(text)
        if match is None or plan_id is None:
            continue  # a deliberately broken plan: the gate refuses it anyway
        path.write_text(text[: match.end()] + reporting + text[match.end() :], encoding="utf-8")
        written += _reports(out, plan_id["id"], _leads(text)[:units], year, rng)
    return written


def _leads(text: str) -> list[tuple[str, list[str]]]:
    """Each unit leading a task, in the order the plan first names them, with its tasks."""
    led: dict[str, list[str]] = defaultdict(list)
    starts = [(m.start(), m["id"]) for m in _TASK.finditer(text)]
    for lead in _LEAD.finditer(text):
        task = next((tid for start, tid in reversed(starts) if start < lead.start()), None)
        if task is None:
            continue
        for unit in (u.strip() for u in lead["units"].split(",")):
            if unit and task not in led[unit]:
                led[unit].append(task)
    return list(led.items())


def _reports(
    root: Path, plan: str, leads: list[tuple[str, list[str]]], year: int, rng: random.Random
) -> int:
    written = 0
    done: set[str] = set()
    pace = {task: rng.randint(5, 10) for _, tasks in leads for task in tasks}
    for month in range(1, 13):
        period = f"{year}-{month:02d}"
        last = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(1)
        for unit, tasks in leads:
            if rng.random() < 0.03:
                continue  # 未报送
            lines = [
                "format: planctl-report/1",
                f"plan: {plan}",
                f"period: {period}",
                f"unit: {unit}",
                f"as_of: {last.isoformat()}",
                "tasks:",
            ]
            for task in tasks:
                percent = min(100, pace[task] * month)
                status = "done" if percent == 100 else "in_progress"
                if status == "in_progress" and rng.random() < 0.05:
                    status = "delayed"
                if percent == 100:
                    done.add(task)
                progress = rng.choice(PROGRESS).format(
                    percent=percent, work=rng.choice(WORKS), count=month, money=month * 3
                )
                lines += [
                    f"  - task: {task}",
                    f"    status: {status}",
                    f"    percent: {percent}",
                    f"    progress: {progress}",
                ]
                if status == "done":
                    lines.append("    request: close")
            target = root / "reports" / plan / period / f"{unit}.yaml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written += 1
        if month == 6 and done:
            _review(root, plan, f"{year}-06", datetime.date(year, 7, 8), sorted(done))
    return written


def _review(root: Path, plan: str, period: str, day: datetime.date, closed: list[str]) -> None:
    lines = [
        "format: planctl-review/1",
        f"plan: {plan}",
        f"period: {period}",
        "reviewer: 江海市人民政府督查室",
        f"date: {day.isoformat()}",
        "decisions:",
    ]
    lines += [f"  - {{task: {task}, close: {day.isoformat()}}}" for task in closed]
    target = root / "reviews" / plan / f"{period}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def command_seconds(
    root: Path, as_of: datetime.date, out: Path, code: Path | None = None
) -> tuple[float, float]:
    """The command's wall-clock and CPU seconds (its process tree's user + system); with
    `code`, the planctl of that checkout (put first on the import path) instead."""
    planctl = Path(sys.executable).with_name("planctl")
    environment = {**os.environ, "PLANCTL_LANG": "en"}
    if code is not None:
        environment["PYTHONPATH"] = str(code)
    before = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        [str(planctl), "dashboard", "--as-of", as_of.isoformat(), "-o", str(out)],
        cwd=root,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    return time.perf_counter() - started, _children_cpu() - before


def calibration_seconds() -> float:
    """The CPU seconds of a fixed piece of pure Python: how fast the machine is just now
    (a shared virtual machine's speed drifts by half from one minute to the next)."""
    started = time.process_time()
    sum(number * number for number in range(10**7))
    return time.process_time() - started


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def phases(root: Path, as_of: datetime.date, out: Path) -> dict[str, tuple[float, float]]:
    """The library's phases, each timed in wall-clock seconds and in CPU seconds of this
    process and of the worker processes it waited for (a busy machine stretches the wall
    clock, not these): what the command does, in the same order."""
    from planctl.config import load_settings
    from planctl.dashboard import build_site
    from planctl.dashboard.service import Chosen, status_and_trend
    from planctl.repository import Repository
    from planctl.tracking.lights import Lights
    from planctl.tracking.load import load_tracking

    timings: dict[str, tuple[float, float]] = {}
    clock = _Clock()
    load_tracking(Repository(root), use_cache=False)
    timings["read the plans, reports and reviews (every file parsed)"] = clock.lap()
    clock = _Clock()
    tracking = load_tracking(Repository(root))
    timings["read the plans, reports and reviews (the data kept)"] = clock.lap()
    data = Chosen(
        tracking.plans, tracking.units, tracking.reports, tracking.reviews, tracking.workdays
    )
    settings = load_settings(root).tracking
    clock = _Clock()
    status, trend = status_and_trend(Lights(data, settings), as_of)
    timings["the date's status, the trend started on a worker"] = clock.lap()
    clock = _Clock()
    result = build_site(tracking.plans, status, out, trend=trend, settings=settings)
    months = len(result.view.trend) - 1
    timings[f"site: {len(result.written)} files, and the trend's {months} month ends"] = clock.lap()
    return timings


class _Clock:
    """Wall-clock and CPU seconds (this process and its waited-for children) since made."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time() + _children_cpu()

    def lap(self) -> tuple[float, float]:
        cpu = time.process_time() + _children_cpu()
        return time.perf_counter() - self.wall, cpu - self.cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--units", type=int, default=3, help="reporting units per plan")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--against",
        type=Path,
        action="append",
        default=[],
        help="a checkout of another planctl version to time in the same rounds (repeatable)",
    )
    arguments = parser.parse_args()
    source = corpus(arguments.plans, arguments.tasks)
    as_of = datetime.date(arguments.year, 12, 31)
    with tempfile.TemporaryDirectory(prefix="planctl-dashboard-") as temporary:
        root = Path(temporary) / "repo"
        started = time.perf_counter()
        reports = tracking_repository(source, root, arguments.year, arguments.units, arguments.seed)
        made = time.perf_counter() - started
        print(
            f"{arguments.plans} plans × {arguments.tasks} tasks, {reports} monthly reports "
            f"of {arguments.year} (made in {made:.1f} s), as of {as_of}\n"
        )
        command = f"`planctl dashboard --as-of {as_of} -o DIR`"
        runs: dict[str, list[tuple[float, float]]] = {
            f"{command}, nothing kept": [],
            f"{command} again, the data kept": [],
        }
        others: dict[str, list[tuple[float, float]]] = {
            f"{command} by the planctl of {path}": [] for path in arguments.against
        }
        calibrations = []
        # Rounds interleave the versions, so that a drift of the machine's speed falls
        # on all of them alike.
        for run in range(arguments.runs):
            calibrations.append(calibration_seconds())
            for path, timings in zip(arguments.against, others.values(), strict=True):
                shutil.rmtree(root / ".planctl-cache", ignore_errors=True)
                site = Path(temporary) / f"site-{run}-{path.name}"
                timings.append(command_seconds(root, as_of, site, path.resolve()))
            shutil.rmtree(root / ".planctl-cache", ignore_errors=True)
            for kept, timings in enumerate(runs.values()):
                site = Path(temporary) / f"site-{run}-{kept}"
                timings.append(command_seconds(root, as_of, site))
        split = phases(root, as_of, Path(temporary) / "site-library")
        print("| step | wall-clock s (best) | CPU s | every run, wall-clock s |")
        print("|---|---:|---:|---|")
        for name, timings in {**others, **runs}.items():
            wall, cpu = min(timings)
            every = ", ".join(f"{one:.1f}" for one, _cpu in timings)
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {every} |")
        for name, (phase_wall, phase_cpu) in split.items():
            print(f"| — {name} | {phase_wall:.2f} | {phase_cpu:.2f} | |")
        shown = ", ".join(f"{seconds:.2f}" for seconds in calibrations)
        print(f"\ncalibration (a fixed loop, CPU s, at each round): {shown}")
        print(f"load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
