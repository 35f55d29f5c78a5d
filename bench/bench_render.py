"""Benchmark rendering the demo plan: the notice PDF through Typst against Chromium.

    python bench/bench_render.py [--runs 7] [--plan plans/zhaoqing-2012-prd-workplan.yaml]
    python bench/bench_render.py --write docs/benchmarks.md

Each step runs as a user runs it, `planctl render …` in a fresh process, so start-up,
font discovery and the engine's own start are all counted:

- the notice as PDF through Typst (the default engine);
- the same through headless Chromium printing the HTML notice (`PLANCTL_PDF_ENGINE=
  chromium`, the former engine, kept as an opt-in; skipped when no Chromium is installed);
- the notice as Word (docx);
- the whole `planctl render PLAN` (every document in every format: notice, table and unit
  lists as docx, pdf, xlsx, html, md…).

And the same two PDF paths in one process through the library (`planctl.render`), after a
first call has loaded everything: what a server or a batch of plans pays per notice.

One untimed run of every step warms the disk cache; then `--runs` rounds run every step
once each, so that a machine getting busier or quieter affects all steps alike. Prints a
Markdown table of medians (and the fastest and slowest run) and the Typst/Chromium ratio;
`--write FILE` puts it between the `render-results` markers of FILE. Asserts nothing
about time.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEMO = ROOT / "plans" / "zhaoqing-2012-prd-workplan.yaml"
_SCRIPT = Path(sys.executable).parent / "planctl"
PLANCTL = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "planctl"]
# The work every path shares (start-up, the plan gate, validation, the views) and the
# cheapest writer: what is left above it is the engine's own time.
FLOOR = "`planctl render --as notice --format md` (the shared floor)"
MARK_START = "<!-- render-results:start -->"
MARK_END = "<!-- render-results:end -->"


@dataclass
class Step:
    name: str
    run: Callable[[Path], None]
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds, this process and children

    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    def median_cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000


def command(args: list[str], engine: str = "typst") -> Callable[[Path], None]:
    """A `planctl` command line run in a fresh process, output into the run's folder."""

    def run(folder: Path) -> None:
        env = {**os.environ, "PLANCTL_PDF_ENGINE": engine}
        full = [*PLANCTL, *(str(folder) if arg == "{out}" else arg for arg in args)]
        done = subprocess.run(full, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(full)} failed ({done.returncode}): {done.stderr}")

    return run


def in_process(plan: Path, engine: str) -> Callable[[Path], None]:
    """One notice PDF through the library, in this process (warm after the first call)."""

    def run(folder: Path) -> None:
        import planctl

        os.environ["PLANCTL_PDF_ENGINE"] = engine
        try:
            planctl.render(plan, document="notice", fmt="pdf", output=folder / "notice.pdf")
        finally:
            os.environ.pop("PLANCTL_PDF_ENGINE", None)

    return run


def chromium_installed() -> bool:
    from planctl.render.formats.pdf_chromium import find_engine

    return find_engine() is not None


def steps(plan: Path) -> list[Step]:
    notice_pdf = [
        "render",
        str(plan),
        "--as",
        "notice",
        "--format",
        "pdf",
        "-o",
        "{out}",
    ]
    found = [Step("`planctl render --as notice --format pdf` (Typst)", command(notice_pdf))]
    if chromium_installed():
        found.append(
            Step(
                "`planctl render --as notice --format pdf` (Chromium)",
                command(notice_pdf, "chromium"),
            )
        )
    docx = [*notice_pdf[:5], "docx", "-o", "{out}"]
    markdown = [*notice_pdf[:5], "md", "-o", "{out}"]
    found += [
        Step(FLOOR, command(markdown)),
        Step("`planctl render --as notice --format docx`", command(docx)),
        Step(
            "`planctl render PLAN` (every document and format)",
            command(["render", str(plan), "-o", "{out}"]),
        ),
        Step("notice PDF in one process, warm (Typst)", in_process(plan, "typst")),
    ]
    if chromium_installed():
        found.append(
            Step("notice PDF in one process, warm (Chromium)", in_process(plan, "chromium"))
        )
    return found


def measure(all_steps: list[Step], runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="planctl-bench-render-") as temp:
        for index, step in enumerate(all_steps):  # the untimed warm-up round
            step.run(_fresh(Path(temp), f"warm{index}"))
        for round_ in range(runs):
            for index, step in enumerate(all_steps):
                folder = _fresh(Path(temp), f"r{round_}-{index}")
                start, start_cpu = time.perf_counter(), cpu_seconds()
                step.run(folder)
                step.times.append(time.perf_counter() - start)
                step.cpu.append(cpu_seconds() - start_cpu)
            print(f"round {round_ + 1}/{runs} done", file=sys.stderr)


def cpu_seconds() -> float:
    """CPU time used so far by this process and every child it has waited for (a child's
    own children included): on a busy machine a steadier measure than the clock."""
    import resource

    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _fresh(temp: Path, name: str) -> Path:
    folder = temp / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    return folder


def table(all_steps: list[Step], runs: int) -> str:
    rows = [
        f"| {step.name} | {step.median_ms():,.0f} | {min(step.times) * 1000:,.0f} | "
        f"{max(step.times) * 1000:,.0f} | {step.median_cpu_ms():,.0f} |"
        for step in all_steps
    ]
    lines = [
        f"Median of {runs} runs, in ms (fastest and slowest run beside it), and the median "
        "CPU time of the process and its children (Chromium's included):",
        "",
        "| step | median | fastest | slowest | CPU |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        *ratios(all_steps),
    ]
    return "\n".join(lines)


def ratios(all_steps: list[Step]) -> list[str]:
    by_name = {step.name: step for step in all_steps}
    typst = by_name.get("`planctl render --as notice --format pdf` (Typst)")
    chromium = by_name.get("`planctl render --as notice --format pdf` (Chromium)")
    if typst is None or chromium is None:
        return ["Chromium is not installed: no ratio."]
    floor = by_name[FLOOR]
    warm_typst = by_name["notice PDF in one process, warm (Typst)"]
    warm_chromium = by_name["notice PDF in one process, warm (Chromium)"]

    def above(step: Step, measure: Callable[[Step], float]) -> float:
        return max(measure(step) - measure(floor), 1.0)

    def ratio(measure: Callable[[Step], float]) -> str:
        whole = measure(chromium) / measure(typst)
        engine = above(chromium, measure) / above(typst, measure)
        warm = measure(warm_chromium) / measure(warm_typst)
        return f"**{whole:.1f}×** (whole command), **{engine:.1f}×** (above the floor), " + (
            f"**{warm:.1f}×** (one process, warm)"
        )

    return [
        f"Typst against Chromium, by the clock: {ratio(Step.median_ms)};",
        f"by CPU time: {ratio(Step.median_cpu_ms)}.",
    ]


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the start"
    )


def chromium_version() -> str:
    from planctl.render.formats.pdf_chromium import find_engine

    binary = find_engine()
    if binary is None:
        return "none"
    done = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(package)
    except PackageNotFoundError:
        return "not installed"


def write(target: Path, text: str) -> None:
    current = target.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(MARK_START) + ".*?" + re.escape(MARK_END), re.DOTALL)
    if not pattern.search(current):
        raise SystemExit(f"{target} has no {MARK_START} … {MARK_END} markers")
    block = f"{MARK_START}\n{text}\n{MARK_END}"
    target.write_text(pattern.sub(lambda _: block, current), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plan", type=Path, default=DEMO)
    parser.add_argument("--write", type=Path, help="put the results into this Markdown file")
    options = parser.parse_args()
    all_steps = steps(options.plan.resolve())
    head = f"{machine()}; typst {version('typst')}; {chromium_version()}."
    print(head, file=sys.stderr)
    measure(all_steps, options.runs)
    text = "\n".join([head, "", table(all_steps, options.runs)])
    print(text)
    if options.write:
        write(options.write, text)


if __name__ == "__main__":
    main()
