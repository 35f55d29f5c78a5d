"""A fuzzing campaign: mutate the real plans and documents and run every command on each.

    python tests/fuzz/campaign.py --minutes 20 --workers 1 --keep fuzz-findings/

Each case is a mutated plan (or document) in a fresh plan repository with git history,
and one child process runs every command on it in turn: validate, fmt --check, fmt,
diff, diff --exit-code, render in every format, import (documents). The child runs
under a memory and CPU limit and a wall-clock timeout. The campaign reports

- a traceback or an internal error (planctl's own "internal error" line);
- a hang (the child outlived its timeout) or a child killed by its limits;
- an exit code outside the contract (0, 1, 2; 130/141 are never expected here);
- a data change: after `fmt` exits 0, the loader must read the same data and the same
  comments in the same places as before, and `fmt --check` must then pass;
- an import that exits 0 with a plan the loader cannot read.

Every failing case is kept (input, command, output) under --keep. Not part of the test
suite: it runs for minutes. Seeds: plans/*.yaml, tests/data/valid/*.yaml and the text
documents under tests/data/import/seeds/ (or --documents DIR), plus .docx files made from
them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = {0, 1, 2}
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space per case
CPU_LIMIT = 120  # seconds per case
WALL_LIMIT = 180.0  # seconds per case
FORMATS = ("md", "html", "csv", "docx", "xlsx")

# --- mutations ------------------------------------------------------------------------

ODD_CHARACTERS = [
    "\u2028", "\u2029", "\u0085", "\ufffe", "\uffff", "\ufeff", "\x00", "\x07", "\x08",
    "\x0b", "\x0c", "\x1b[31m", "\x1b]0;title\x07", "\x7f", "\u202e", "\u2066", "\u200b",
    "\t", "\r", "\r\n", "\ud800", "\U0001f600", "\u3000", "〔", "：", "#", "&", "*", "!",
    "|", ">", "%", "@", "`", "'", '"', "{", "}", "[", "]", ",", "?", "-", ": ", " #",
]  # fmt: skip
ODD_ESCAPES = [
    "\\u2028", "\\L", "\\P", "\\N", "\\x07", "\\x1b[2J", "\\ufffe", "\\uffff", "\\ud800",
    "\\0", "\\e", "\\r", "\\t", "\\U0010ffff", "\\x85",
]  # fmt: skip
ODD_SCALARS = [
    "-0x1", "+0x1", "0x1F", "0o17", "-0o7", "0b101", "1_000", "1e999", "-1e999", ".inf",
    "-.inf", ".nan", ".NaN", "1.", ".5", "+.5", "0777", "1:30", "1:30:00", "yes", "no", "on",
    "off", "y", "n", "~", "null", "Null", "NULL", "true", "False", "TRUE", "2012-02-30",
    "2012-13-01", "9999-99-99", "2012-06-31", "2012-00", "2012-Q5", "2012-H3", "0000-01-01",
    "2012-01-01T25:00:00", "2012-01-01 10:00:00 +8", "9" * 5000, "1" + "0" * 400, "-" + "9" * 40,
    "!!float abc", "!!bool yes", "!!bool no", "!!int 1.5", "!!int 0x", "!!null x",
    "!!binary aGVsbG8=", "!!timestamp 2012-02-30", "!!set {a, b}", "!!omap [a: 1]",
    "!!python/object:os.system ls", "!!python/name:os.system", "!custom x", "!<tag:x> y",
    "&a x", "*undefined", "<<: {a: 1}", "'", '"', "'''", "|", ">", "|-", "|+", ">2", "[", "{",
    "[]", "{}", "[[]]", "{a: [}", "? complex", "- - -", "@x", "`x", "%x", "标" * 300,
    "第" * 5000,
]  # fmt: skip
DIRECTIVES = [
    "%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%YAML 1.3\n---\n", "%YAML 2.0\n---\n",
    "%YAML 1.1\n%YAML 1.1\n---\n", "%TAG ! tag:example.com,2000:\n---\n",
    "%TAG !! tag:example.com,2000:\n---\n", "---\n", "--- !!map\n", "...\n", "%FOO bar\n---\n",
]  # fmt: skip


def _lines(text: str) -> list[str]:
    return text.split("\n")


def flip_byte(raw: bytes, rng: random.Random) -> bytes:
    if not raw:
        return raw
    data = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def insert_bytes(raw: bytes, rng: random.Random) -> bytes:
    where = rng.randint(0, len(raw))
    junk = rng.choice(
        [b"\xff", b"\xe2\x80", b"\xc0\xaf", b"\x00", b"\xef\xbb\xbf", b"\r", b"\xa1\xa1", b"\x80"]
    )
    return raw[:where] + junk + raw[where:]


def truncate(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randint(0, len(raw))]


def splice(raw: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    other = rng.choice(others)
    a, b = sorted(rng.randint(0, len(raw)) for _ in range(2))
    c, d = sorted(rng.randint(0, len(other)) for _ in range(2))
    return raw[:a] + other[c:d] + raw[b:]


def text_mutation(name: str) -> Callable[[str, random.Random], str]:
    def run(text: str, rng: random.Random) -> str:
        lines = _lines(text)
        index = rng.randrange(len(lines)) if lines else 0
        if name in _VALUE_MUTATIONS:  # a line holding a value, mostly (most lines are prose)
            keyed = [n for n, line in enumerate(lines) if ": " in line or "- " in line]
            if keyed and rng.random() < 0.9:
                index = rng.choice(keyed)
        line = lines[index] if lines else ""
        if name == "odd-character":
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + rng.choice(ODD_CHARACTERS) + line[at:]
        elif name == "odd-escape":
            lines[index] = _replace_value(line, '"' + rng.choice(ODD_ESCAPES) + "中文" + '"')
        elif name == "odd-scalar":
            lines[index] = _replace_value(line, rng.choice(ODD_SCALARS))
        elif name == "directive":
            return rng.choice(DIRECTIVES) + text
        elif name == "duplicate-line":
            lines.insert(index, line)
        elif name == "delete-line":
            del lines[index]
        elif name == "swap-lines" and len(lines) > 1:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
        elif name == "indent":
            shift = rng.choice([-4, -2, -1, 1, 2, 4])
            lines[index] = (" " * shift + line) if shift > 0 else line[-shift:]
        elif name == "comment":
            comment = rng.choice(["# 注释", "#注释", "  # 注释 # 又一个", "# - id: x", "#"])
            if rng.random() < 0.5:
                lines[index] = line + "  " + comment
            else:
                indent = len(line) - len(line.lstrip(" "))
                lines.insert(index, " " * rng.choice([0, indent, indent + 2]) + comment)
        elif name == "dash-comment":
            stripped = line.lstrip(" ")
            if stripped.startswith("- "):
                indent = len(line) - len(stripped)
                lines[index] = " " * indent + "- # 说明"
                lines.insert(index + 1, " " * (indent + 2) + stripped[2:])
        elif name == "deep-nesting":
            depth = rng.choice([50, 99, 100, 101, 200, 5000])
            lines[index] = _replace_value(line, "[" * depth + "]" * depth)
        elif name == "deep-block":
            depth = rng.choice([50, 120])
            lines.extend(f"{'  ' * level}k{level}:" for level in range(depth))
            lines.append("  " * depth + "v")
        elif name == "alias":
            lines.insert(0, "x-shared: &shared [市财政局, 市教育局]")
            lines[index] = _replace_value(line, rng.choice(["*shared", "*missing", "&self *self"]))
        elif name == "alias-bomb":
            lines[:0] = [f"b{n}: &b{n} [{', '.join([f'*b{n - 1}'] * 9)}]" for n in range(1, 8)]
            lines.insert(0, "b0: &b0 [x, x, x, x, x, x, x, x, x]")
        elif name == "merge-key":
            lines.insert(0, "x-base: &base {lead: [市财政局]}")
            lines[index] = line + "\n" + " " * (len(line) - len(line.lstrip())) + "<<: *base"
        elif name == "duplicate-key":
            lines.insert(index, line)
        elif name == "flow":
            lines[index] = _replace_value(line, "{id: x, title: [a, b], lead: {c: d}}")
        elif name == "long-line":
            lines[index] = _replace_value(line, "长" * rng.choice([256, 300, 40_000]))
        elif name == "crlf":
            return "\r\n".join(lines)
        elif name == "tabs":
            lines[index] = line.replace("  ", "\t", 1)
        elif name == "rename-id":
            return text.replace("id: ", "id: renamed-", 1) if rng.random() < 0.5 else text
        return "\n".join(lines)

    run.__name__ = name
    return run


_VALUE_MUTATIONS = frozenset(
    {"odd-escape", "odd-scalar", "deep-nesting", "alias", "merge-key", "flow", "long-line"}
)


def _replace_value(line: str, value: str) -> str:
    if ": " in line:
        return line.split(": ", 1)[0] + ": " + value
    if line.lstrip().startswith("- "):
        return line[: len(line) - len(line.lstrip())] + "- " + value
    return line + value


TEXT_MUTATIONS = [
    text_mutation(name)
    for name in (
        "odd-character", "odd-escape", "odd-scalar", "directive", "duplicate-line",
        "delete-line", "swap-lines", "indent", "comment", "dash-comment", "deep-nesting",
        "deep-block", "alias", "alias-bomb", "merge-key", "duplicate-key", "flow", "long-line",
        "crlf", "tabs", "rename-id",
    )
]  # fmt: skip
_HEAVY = {"odd-escape": 5, "odd-scalar": 5, "odd-character": 2, "comment": 3, "dash-comment": 2}
TEXT_WEIGHTS = [_HEAVY.get(mutation.__name__, 1) for mutation in TEXT_MUTATIONS]


def mutate_plan(raw: bytes, rng: random.Random, others: list[bytes]) -> tuple[bytes, list[str]]:
    """One to three mutations, text-level or byte-level; the names of those applied."""
    applied: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        choice = rng.random()
        if choice < 0.08:
            raw, name = flip_byte(raw, rng), "flip-byte"
        elif choice < 0.12:
            raw, name = insert_bytes(raw, rng), "insert-bytes"
        elif choice < 0.14:
            raw, name = truncate(raw, rng), "truncate"
        elif choice < 0.19:
            raw, name = splice(raw, rng, others), "splice"
        elif choice < 0.21:
            raw, name = _reencode(raw, rng), "encoding"
        else:  # values and comments most: byte damage mostly ends in one syntax error
            mutation = rng.choices(TEXT_MUTATIONS, weights=TEXT_WEIGHTS)[0]
            text = raw.decode("utf-8", "surrogateescape")
            raw = mutation(text, rng).encode("utf-8", "surrogatepass")
            name = mutation.__name__
        applied.append(name)
    return raw, applied


def _reencode(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8", "replace")
    encoding = rng.choice(["gb18030", "utf-8-sig", "utf-16", "big5", "latin-1"])
    return text.encode(encoding, "replace")


def mutate_document(text: str, rng: random.Random) -> tuple[str, list[str]]:
    lines = text.split("\n")
    applied = []
    for _ in range(rng.choice([1, 2, 3])):
        index = rng.randrange(len(lines)) if lines else 0
        line = lines[index] if lines else ""
        at = rng.randint(0, len(line))
        kind = rng.choice(["odd", "dup", "del", "long", "number", "swap"])
        if kind == "odd":
            lines[index] = line[:at] + rng.choice(ODD_CHARACTERS) + line[at:]
        elif kind == "dup":
            lines.insert(index, line)
        elif kind == "del" and lines:
            del lines[index]
        elif kind == "long":
            lines[index] = line + "长" * rng.choice([300, 5000])
        elif kind == "number":
            lines[index] = rng.choice(["一、", "（一）", "1.", "（1）", "①", "第一章 "]) + line
        elif kind == "swap" and len(lines) > 1:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
        applied.append(kind)
    return "\n".join(lines), applied


# --- cases --------------------------------------------------------------------------------


@dataclass
class Case:
    number: int
    kind: str  # "plan" or "document"
    seed: str
    mutations: list[str]
    payload: bytes
    suffix: str = ".yaml"


@dataclass
class Outcome:
    case: Case
    problems: list[str] = field(default_factory=list)
    commands: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


def seeds(documents: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    plans = {
        path.relative_to(ROOT).as_posix(): path.read_bytes()
        for pattern in ("plans/*.yaml", "tests/data/valid/*.yaml")
        for path in sorted(ROOT.glob(pattern))
        if path.name not in ("units.yaml", "calendar.yaml")  # plans, not registry or calendar
    }
    texts = {
        path.name: path.read_text(encoding="utf-8") for path in sorted(documents.glob("*.txt"))
    }
    return plans, texts


def cases(rng: random.Random, plans: dict[str, bytes], texts: dict[str, str]) -> Iterator[Case]:
    number = 0
    others = list(plans.values())
    while True:
        number += 1
        if texts and rng.random() < 0.2:
            name = rng.choice(sorted(texts))
            text, applied = mutate_document(texts[name], rng)
            if rng.random() < 0.4:
                yield Case(number, "document", name, [*applied, "docx"], _docx(text), ".docx")
            else:
                payload = text.encode("utf-8", "surrogatepass")
                yield Case(number, "document", name, applied, payload, ".txt")
            continue
        name = rng.choice(sorted(plans))
        payload, applied = mutate_plan(plans[name], rng, others)
        yield Case(number, "plan", name, applied, payload)


def _docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for line in text.split("\n"):
        with contextlib.suppress(ValueError):  # python-docx refuses XML-invalid characters
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- running one case (in a child process) ---------------------------------------------------


def run_case_in_child(folder: Path) -> dict[str, Any]:
    """Run every command on the case in `folder` (in this process); report what happened."""
    os.environ.update({"NO_COLOR": "1", "COLUMNS": "120", "PLANCTL_LANG": "en"})
    meta = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    os.chdir(folder / "repo")
    from planctl.cli import run

    commands: list[dict[str, Any]] = []

    def call(*args: str) -> dict[str, Any]:
        out, err = io.StringIO(), io.StringIO()
        started = time.monotonic()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = run(list(args))
        except BaseException:  # a traceback escaping the command's own boundary
            code = -1
            err.write(traceback.format_exc())
        record = {
            "args": list(args),
            "code": code,
            "stdout": out.getvalue()[-4000:],
            "stderr": err.getvalue()[-4000:],
            "seconds": round(time.monotonic() - started, 2),
        }
        commands.append(record)
        return record

    if meta["kind"] == "plan":
        plan = meta["path"]
        before = Path(plan).read_bytes()
        call("validate", "--no-cache", plan)
        call("fmt", "--check", plan)
        call("diff")
        call("diff", "--exit-code")
        call("diff", "HEAD", "--", plan)
        for fmt in FORMATS:
            call("render", plan, "-f", fmt, "-o", f"out-{fmt}/")
        formatted = call("fmt", plan)
        if formatted["code"] == 0:
            commands[-1]["fmt"] = _fmt_check(before, Path(plan).read_bytes())
            call("fmt", "--check", plan)["expect_clean"] = True  # fmt is idempotent
        call("log", "--plan", plan, _first_task_id(before))
    else:
        document = meta["path"]
        imported = call("import", document, "-o", "plans/imported.yaml", "--force")
        if imported["code"] == 0:
            call("validate", "--no-cache", "plans/imported.yaml")
            commands[-1]["import"] = _import_check(Path("plans/imported.yaml").read_bytes())
        call("import", document, "-o", "-")
    return {"commands": commands}


def _first_task_id(raw: bytes) -> str:
    for line in raw.decode("utf-8", "replace").split("\n"):
        stripped = line.strip()
        if stripped.startswith("- id: ") and line.startswith("      "):
            return stripped[6:].strip() or "x"
    return "x"


def _fmt_check(before: bytes, after: bytes) -> str:
    """ "" when the loader reads the same data and comments before and after fmt."""
    from planctl.errors import Difference
    from planctl.fmt.proof import check_same_meaning
    from planctl.yamlio import load_bytes

    original = load_bytes(before, "before.yaml")
    if not original.readable:
        return "fmt exited 0 on a file the loader refuses"
    if not _is_utf8(after):
        return "fmt wrote bytes that are not UTF-8"
    written = load_bytes(after, "after.yaml")  # the one decoding policy: a kept BOM, CRLF
    try:
        check_same_meaning(original, written.text)
    except Difference as difference:
        return f"data change: {difference.message} at {difference.position}"
    return ""


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _import_check(raw: bytes) -> str:
    from planctl.yamlio import load_bytes

    document = load_bytes(raw, "imported.yaml")
    return "" if document.readable else f"import wrote an unreadable plan: {document.problems}"


# --- the parent: making repositories, limits, judging ------------------------------------------


def prepare(case: Case, folder: Path) -> None:
    repo = folder / "repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copyfile(ROOT / "plans" / "units.yaml", repo / "plans" / "units.yaml")
    env = _git_env()
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    if case.kind == "plan":
        original = (ROOT / case.seed).read_bytes()
        path = f"plans/{Path(case.seed).name}"
        (repo / path).write_bytes(original)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "seed"], cwd=repo, check=True, env=env)
        (repo / path).write_bytes(case.payload)
    else:
        path = f"document{case.suffix}"
        (repo / path).write_bytes(case.payload)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "seed"], cwd=repo, check=True, env=env)
    meta = {"kind": case.kind, "path": path, "seed": case.seed, "mutations": case.mutations}
    (folder / "case.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _git_env() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_AUTHOR_NAME": "fuzz",
        "GIT_AUTHOR_EMAIL": "fuzz@example.org",
        "GIT_COMMITTER_NAME": "fuzz",
        "GIT_COMMITTER_EMAIL": "fuzz@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def run_case(case: Case, work: Path) -> Outcome:
    folder = Path(tempfile.mkdtemp(prefix=f"case-{case.number}-", dir=work))
    outcome = Outcome(case)
    started = time.monotonic()
    try:
        prepare(case, folder)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(folder)],
            capture_output=True,
            text=True,
            timeout=WALL_LIMIT,
            preexec_fn=_limits,
            env={**_git_env(), "HOME": str(folder)},
        )
    except subprocess.TimeoutExpired:
        outcome.problems.append(f"hang: no answer after {WALL_LIMIT:.0f} s")
        return _finish(outcome, folder, started)
    if child.returncode != 0:
        outcome.problems.append(
            f"child ended with {child.returncode} (killed by a limit?): {child.stderr[-2000:]}"
        )
        return _finish(outcome, folder, started)
    report = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    outcome.commands = report["commands"]
    for record in outcome.commands:
        outcome.problems.extend(judge(record))
    return _finish(outcome, folder, started)


def judge(record: dict[str, Any]) -> list[str]:
    found = []
    name = " ".join(record["args"][:1])
    output = record["stdout"] + record["stderr"]
    if record["code"] not in CONTRACT:
        found.append(f"{name}: exit code {record['code']} outside the contract")
    if "Traceback" in output or "internal error" in output:
        found.append(f"{name}: internal error: {output.strip().splitlines()[-1][:300]}")
    if record.get("fmt"):
        found.append(f"fmt: {record['fmt']}")
    if record.get("import"):
        found.append(f"import: {record['import']}")
    if record.get("expect_clean") and record["code"] != 0:
        found.append(f"fmt: not idempotent (fmt --check after fmt exits {record['code']})")
    return found


def _finish(outcome: Outcome, folder: Path, started: float) -> Outcome:
    outcome.seconds = time.monotonic() - started
    if not outcome.problems:
        shutil.rmtree(folder, ignore_errors=True)
    return outcome


def keep(outcome: Outcome, into: Path) -> None:
    target = into / f"case-{outcome.case.number}"
    target.mkdir(parents=True, exist_ok=True)
    (target / f"input{outcome.case.suffix}").write_bytes(outcome.case.payload)
    record = {
        "seed": outcome.case.seed,
        "mutations": outcome.case.mutations,
        "problems": outcome.problems,
        "commands": outcome.commands,
    }
    (target / "report.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--cases", type=int, default=0, help="stop after this many (0: no limit)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--documents", type=Path, default=ROOT / "tests/data/import/seeds")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child is not None:
        report = run_case_in_child(options.child)
        (options.child / "result.json").write_text(json.dumps(report), encoding="utf-8")
        return 0
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    plans, texts = seeds(options.documents)
    deadline = time.monotonic() + options.minutes * 60
    tally: Counter[str] = Counter()
    codes: Counter[str] = Counter()  # exit codes by command, for the summary
    failing = 0
    print(f"fuzz campaign: seed {seed}, {len(plans)} plans, {len(texts)} documents", flush=True)
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    with (
        tempfile.TemporaryDirectory(prefix="planctl-fuzz-") as work,
        ThreadPoolExecutor(options.workers) as pool,
    ):
        source = cases(rng, plans, texts)
        running: set[Any] = set()
        done_cases = 0
        while True:
            more = time.monotonic() < deadline and (
                not options.cases or done_cases + len(running) < options.cases
            )
            while more and len(running) < options.workers:
                running.add(pool.submit(run_case, next(source), Path(work)))
                more = not options.cases or done_cases + len(running) < options.cases
            if not running:
                break
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                outcome = future.result()
                done_cases += 1
                tally[outcome.case.kind] += 1
                for record in outcome.commands:
                    tally[f"command:{record['args'][0]}"] += 1
                    codes[f"{record['args'][0]} {record['code']}"] += 1
                if outcome.problems:
                    failing += 1
                    keep(outcome, options.keep)
                    print(
                        f"case {outcome.case.number} ({outcome.case.seed}, "
                        f"{'+'.join(outcome.case.mutations)}): {outcome.problems[0]}",
                        flush=True,
                    )
                if done_cases % 25 == 0:
                    print(f"... {done_cases} cases, {failing} failing", flush=True)
    commands = sum(v for k, v in tally.items() if k.startswith("command:"))
    print(
        f"fuzz campaign done: seed {seed}, {done_cases} cases ({tally['plan']} plans, "
        f"{tally['document']} documents), {commands} command runs, {failing} failing"
        + (f" (kept in {options.keep}/)" if failing else ""),
        flush=True,
    )
    print("exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())), flush=True)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
