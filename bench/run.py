"""Benchmark `planctl validate` against the tools people would otherwise wire into CI.

    python bench/run.py                      # everything (about an hour on two cores)
    python bench/run.py --corpus 10x50 --runs 3 --quiet-cores 2
    python bench/run.py --write docs/benchmarks.md

On the same synthetic corpora (bench/generate.py) and, for each corpus, the same list of
plan files, it runs:

- `planctl validate` with a cold cache (`.planctl-cache/` deleted before every run) and
  with a warm one (nothing changed since the previous run), and on one process (`-j 1`);
- `check-jsonschema --schemafile schema/plan.schema.json`, default install and with
  ruamel.yaml.clib (its C parser), each in its own virtual environment under
  bench/.venvs/ (created on first use);
- `yamllint` with its default rules (skipped on the largest corpus unless --yamllint-all).

Each command runs once to warm up (that run also samples the memory of its whole process
tree every 20 ms); then `--runs` rounds run every command once, so that a machine getting
busier or quieter affects all tools alike. Before each round it waits (up to
`--quiet-timeout` seconds) until other processes use fewer than `--quiet-cores` cores,
and it records how much CPU they took during each timed run. The tables show medians,
ratios to planctl's cold run, peak memory, how many files each tool flagged and that
background load. `--write FILE` puts the tables between the `validation-results`
markers of FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "schema" / "plan.schema.json"
VENVS = HERE / ".venvs"
CORPORA = HERE / ".corpora"
SIZES = {"10x50": (10, 50), "200x100": (200, 100), "1000x100": (1000, 100)}
PEERS = {
    "check-jsonschema": ["check-jsonschema"],
    "check-jsonschema-clib": ["check-jsonschema", "ruamel.yaml.clib"],
    "yamllint": ["yamllint"],
}
# The console script users run (as the peers run theirs), else the module.
_SCRIPT = Path(sys.executable).parent / "planctl"
PLANCTL = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "planctl"]
MARK_START = "<!-- validation-results:start -->"
MARK_END = "<!-- validation-results:end -->"

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402 — the generator sits beside this script


@dataclass
class Measured:
    label: str
    times: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    flagged: int | None = None
    exit_code: int = 0
    others: list[float] = field(default_factory=list)  # cores other processes used

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def others_cores(self) -> float:
        return statistics.mean(self.others) if self.others else 0.0


@dataclass(frozen=True)
class Command:
    label: str
    argv: list[str]
    cwd: Path
    before: Callable[[], None] = lambda: None
    count_flagged: Callable[[str], int] | None = None


# --- running ---------------------------------------------------------------------------


def bench_environment() -> dict[str, str]:
    """The environment every tool runs in: bytecode allowed, no CI, no colour."""
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "CI", "GITHUB_ACTIONS", "FORCE_COLOR"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    return env


def measure_all(commands: list[Command], runs: int, quiet: Quiet) -> list[Measured]:
    """A warm-up of each command, then `runs` rounds that run each command once.

    Rounds rather than one command after another: if the machine gets busier or quieter
    during the hour a full run takes, every tool shares the change.
    """
    results = [warm_up(command) for command in commands]
    for round_number in range(runs):
        quiet.wait(f"round {round_number + 1}")
        for command, result in zip(commands, results, strict=True):
            seconds, others = timed_run(command)
            result.times.append(seconds)
            result.others.append(others)
    for result in results:
        print(
            f"  {result.label}: median {result.median:.3f} s, peak {result.peak_mib:.0f} MiB, "
            f"other processes {result.others_cores:.2f} cores",
            file=sys.stderr,
        )
    return results


def warm_up(command: Command) -> Measured:
    result = Measured(command.label)
    command.before()
    output, result.exit_code, result.peak_mib = run_sampled(command)
    if command.count_flagged is not None:
        result.flagged = command.count_flagged(output)
    return result


def timed_run(command: Command) -> tuple[float, float]:
    """(wall seconds, cores that other processes kept busy meanwhile)."""
    command.before()
    busy, children = system_busy_seconds(), children_cpu_seconds()
    started = time.perf_counter()
    subprocess.run(
        command.argv,
        cwd=command.cwd,
        env=bench_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    seconds = time.perf_counter() - started
    ours = children_cpu_seconds() - children
    others = max(0.0, system_busy_seconds() - busy - ours)
    return seconds, others / seconds


def system_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (Linux /proc/stat)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Quiet:
    """Waits, before each round, until other processes leave the cores alone."""

    max_cores: float | None
    timeout: float = 900.0

    def wait(self, what: str) -> None:
        if self.max_cores is None:
            return
        deadline = time.monotonic() + self.timeout
        while True:
            busy = others_busy(3.0)
            if busy <= self.max_cores or time.monotonic() > deadline:
                break
            print(f"  waiting before {what}: other processes use {busy:.2f} cores", file=sys.stderr)
            time.sleep(20)


def others_busy(window: float) -> float:
    """Cores kept busy by other processes over `window` seconds (we are idle meanwhile)."""
    before = system_busy_seconds()
    time.sleep(window)
    return (system_busy_seconds() - before) / window


def run_sampled(command: Command) -> tuple[str, int, float]:
    """Run once, sampling the RSS of the whole process tree; (stdout, exit code, MiB)."""
    process = subprocess.Popen(
        command.argv,
        cwd=command.cwd,
        env=bench_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    done.set()
    sampler.join()
    return output.decode("utf-8", "replace"), process.returncode, peak[0] / 2**20


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        rss[int(entry.name)] = int(found.group(1)) * 1024 if found else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


# --- the tools -------------------------------------------------------------------------


def ensure_venv(name: str) -> Path:
    """bench/.venvs/NAME with the peer installed (created once, reused after)."""
    folder = VENVS / name
    python = folder / "bin" / "python"
    if not python.exists():
        print(f"creating {folder} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS[name]], check=True)
    return folder / "bin"


def package_version(venv_bin: Path, package: str) -> str:
    done = subprocess.run(
        [str(venv_bin / "python"), "-m", "pip", "show", package],
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"^Version: (\S+)", done.stdout, re.MULTILINE)
    return found.group(1) if found else "not installed"


def planctl_command(
    label: str, corpus: Path, files: Sequence[str], *extra: str, cold: bool = False
) -> Command:
    cache = corpus / ".planctl-cache"

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    return Command(
        label,
        [*PLANCTL, "validate", "--format", "json", *extra, *files],
        corpus,
        clear if cold else lambda: None,
        count_planctl,
    )


def count_planctl(output: str) -> int:
    findings = json.loads(output)["findings"]
    return len({finding["file"] for finding in findings if finding["severity"] == "error"})


def count_check_jsonschema(output: str) -> int:
    invalid = re.findall(r"^  (\S+?\.yaml)::", output, re.MULTILINE)
    unparsed = re.findall(r"^  Failed to parse (\S+?\.yaml)$", output, re.MULTILINE)
    return len(set(invalid) | set(unparsed))


def count_yamllint(output: str) -> int:
    return len({line.split(":", 1)[0] for line in output.splitlines() if "[error]" in line})


def commands_for(corpus: Path, files: list[str], yamllint: bool) -> list[Command]:
    commands = [
        planctl_command("planctl validate (cold cache)", corpus, files, cold=True),
        planctl_command("planctl validate (warm cache)", corpus, files),
        planctl_command("planctl validate -j 1 --no-cache", corpus, files, "-j", "1", "--no-cache"),
    ]
    for name in ("check-jsonschema-clib", "check-jsonschema"):
        executable = str(ensure_venv(name) / "check-jsonschema")
        commands.append(
            Command(
                f"{name.replace('-clib', ' + ruamel.yaml.clib')}",
                [executable, "--schemafile", str(SCHEMA), *files],
                corpus,
                count_flagged=count_check_jsonschema,
            )
        )
    if yamllint:
        executable = str(ensure_venv("yamllint") / "yamllint")
        commands.append(
            Command(
                "yamllint (default rules)",
                [executable, "-f", "parsable", *files],
                corpus,
                count_flagged=count_yamllint,
            )
        )
    return commands


# --- corpora ---------------------------------------------------------------------------


def corpus(name: str) -> tuple[Path, list[str]]:
    """The corpus folder (generated when missing) and its plan files, relative to it."""
    plans, tasks = SIZES[name]
    folder = CORPORA / name
    if not (folder / "plans").is_dir() or len(list((folder / "plans").glob("*.yaml"))) != plans + 1:
        generate(folder, plans, tasks)
    files = sorted(
        str(p.relative_to(folder))
        for p in (folder / "plans").glob("*.yaml")
        if p.name != "units.yaml"
    )
    return folder, files


def one_plan(folder: Path, files: list[str]) -> list[str]:
    """A valid plan of the 10x50 corpus: the pre-commit case."""
    for name in files:
        done = subprocess.run(
            [*PLANCTL, "validate", "--no-cache", name],
            cwd=folder,
            capture_output=True,
            check=False,
        )
        if done.returncode == 0:
            return [name]
    raise SystemExit("no valid plan in the corpus")


# --- reporting -------------------------------------------------------------------------


def table(title: str, size: str, results: list[Measured]) -> str:
    base = results[0].median
    lines = [
        f"#### {title}",
        "",
        size,
        "",
        "| command | median | time ÷ planctl cold | peak memory | files with errors "
        "| other processes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        flagged = "—" if result.flagged is None else str(result.flagged)
        lines.append(
            f"| {result.label} | {result.median:.3f} s | {result.median / base:.2f} "
            f"| {result.peak_mib:.0f} MiB | {flagged} | {result.others_cores:.2f} cores |"
        )
    return "\n".join(lines) + "\n\n" + claims(results) + "\n"


TARGETS = (  # (corpus, planctl command, peer, at least this many times faster)
    ("1000x100", "planctl validate (cold cache)", "check-jsonschema + ruamel.yaml.clib", 10),
    ("1000x100", "planctl validate (cold cache)", "check-jsonschema", 25),
    ("1000x100", "planctl validate (warm cache)", "check-jsonschema + ruamel.yaml.clib", 100),
    ("one plan", "planctl validate (cold cache)", "check-jsonschema + ruamel.yaml.clib", 4),
    ("one plan", "planctl validate (cold cache)", "check-jsonschema", 4),
)
MEMORY_LIMIT_MIB = 150


def targets(measured: dict[str, list[Measured]]) -> str:
    """The acceptance targets, each with the ratio this run measured."""
    lines = [
        "#### Targets",
        "",
        "| corpus | planctl | against | target | measured | |",
        "|---|---|---|---:|---:|---|",
    ]
    for corpus_name, ours, peer, wanted in TARGETS:
        if corpus_name not in measured:
            continue
        by_label = {result.label: result for result in measured[corpus_name]}
        ratio = by_label[peer].median / by_label[ours].median
        lines.append(
            f"| {corpus_name} | {ours.removeprefix('planctl validate (').rstrip(')')} | {peer} "
            f"| ≥ {wanted}× | {ratio:.1f}× | {'met' if ratio >= wanted else 'NOT met'} |"
        )
    if "1000x100" in measured:
        peak = measured["1000x100"][0].peak_mib
        verdict = "met" if peak < MEMORY_LIMIT_MIB else "NOT met"
        lines.append(
            f"| 1000x100 | cold cache, peak memory | — | < {MEMORY_LIMIT_MIB} MiB "
            f"| {peak:.0f} MiB | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def claims(results: list[Measured]) -> str:
    """The ratios the targets are stated in, spelled out."""
    by_label = {result.label: result.median for result in results}
    cold = by_label["planctl validate (cold cache)"]
    warm = by_label["planctl validate (warm cache)"]
    lines = []
    for peer in ("check-jsonschema + ruamel.yaml.clib", "check-jsonschema"):
        lines.append(
            f"- planctl (cold cache) is {by_label[peer] / cold:.1f}× faster than {peer}"
            f"; with a warm cache {by_label[peer] / warm:.0f}× faster"
        )
    return "\n".join(lines) + "\n"


def machine_notes(runs: int) -> str:
    cpu = "unknown CPU"
    with_cpu = Path("/proc/cpuinfo")
    if with_cpu.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", with_cpu.read_text(), re.MULTILINE)
        cpu = found.group(1) if found else cpu
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    venv = {name: ensure_venv(name) for name in PEERS}
    checker = package_version(venv["check-jsonschema"], "check-jsonschema")
    ruamel = package_version(venv["check-jsonschema"], "ruamel.yaml")
    clib = package_version(venv["check-jsonschema-clib"], "ruamel.yaml.clib")
    linter = package_version(venv["yamllint"], "yamllint")
    system = f"{platform.system()} {platform.release()}"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    notes = [
        f"- machine: {os.cpu_count()} cores ({cpu}), {system}",
        f"- Python {platform.python_version()}; planctl at commit {commit or 'unknown'}",
        f"- check-jsonschema {checker} (ruamel.yaml {ruamel}; with ruamel.yaml.clib {clib}),"
        f" yamllint {linter}",
        f"- load average before the run: {load}",
        f"- one warm-up run per command, then {runs} rounds running each command once;"
        " medians shown; 'other processes' is the CPU (in cores) that processes outside"
        " the benchmark used during its timed runs",
    ]
    return "\n".join(notes) + "\n"


def write_between_markers(path: Path, text: str) -> None:
    current = path.read_text(encoding="utf-8")
    if MARK_START not in current or MARK_END not in current:
        raise SystemExit(f"{path} has no {MARK_START} … {MARK_END} block")
    head, rest = current.split(MARK_START, 1)
    tail = rest.split(MARK_END, 1)[1]
    path.write_text(f"{head}{MARK_START}\n{text}{MARK_END}{tail}", encoding="utf-8")


# --- main ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", action="append", choices=list(SIZES), help="corpora to run (default: all)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--yamllint-all",
        action="store_true",
        help="run yamllint on the largest corpus too (over ten minutes)",
    )
    parser.add_argument("--write", type=Path, help="put the results into this Markdown file")
    parser.add_argument(
        "--quiet-cores",
        type=float,
        default=0.3,
        help="before each round, wait until other processes use fewer cores than this",
    )
    parser.add_argument("--quiet-timeout", type=float, default=900, help="seconds to wait at most")
    args = parser.parse_args()
    quiet = Quiet(args.quiet_cores, args.quiet_timeout)
    sections = [machine_notes(args.runs)]
    small_folder, small_files = corpus("10x50")
    single = one_plan(small_folder, small_files)
    print("one plan of 50 tasks", file=sys.stderr)
    results = measure_all(commands_for(small_folder, single, True), args.runs, quiet)
    measured = {"one plan": results}
    sections.append(table("One plan of 50 tasks (the pre-commit case)", f"`{single[0]}`", results))
    for name in args.corpus or list(SIZES):
        folder, files = corpus(name)
        size = sum((folder / f).stat().st_size for f in files) / 1e6
        print(f"{name}: {len(files)} plans, {size:.1f} MB", file=sys.stderr)
        with_yamllint = name != "1000x100" or args.yamllint_all
        results = measure_all(commands_for(folder, files, with_yamllint), args.runs, quiet)
        measured[name] = results
        sections.append(table(f"{name}", f"{len(files)} plans, {size:.1f} MB", results))
    sections.append(
        f"- load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n"
    )
    sections.insert(1, targets(measured))
    text = "\n".join(sections)
    print(text)
    if args.write is not None:
        write_between_markers(args.write, text)


if __name__ == "__main__":
    main()
