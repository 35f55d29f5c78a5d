"""`planctl validate FILE` imports only what validating one file needs.

Measured the way a user would: `python -X importtime -m planctl validate FILE` in a fresh
interpreter, reading the list of modules it imported.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT

HEAVY = {
    "git": "gitpython",
    "jinja2": "jinja2",
    "jsonschema": "jsonschema (only for files the schema rejects)",
    "docx": "python-docx",
    "openpyxl": "openpyxl",
    "typer": "typer",
    "click": "click",
    "pydantic": "pydantic (typer's)",
    "rich": "rich (only for a progress bar)",
    "ruamel": "ruamel.yaml (fmt only)",
    "fastjsonschema": "fastjsonschema (its code is generated once, then loaded)",
    "multiprocessing": "multiprocessing (only for large batches)",
    "subprocess": "subprocess (only for --changed)",
    "babel": "Babel (it compiles the message catalog at build time only)",
    "ryml": "rapidyaml (once many files are read)",
}


def imported_by(*arguments: str, cwd: Path, cache: Path, lang: str = "C") -> set[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1", "PLANCTL_LANG": lang}
    env.pop("CI", None)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planctl", "validate", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return set(re.findall(r"^import time:.*\|\s*([\w.]+)$", done.stderr, re.MULTILINE))


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_one_valid_plan_imports_nothing_heavy(plan_repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "user-cache"
    imported_by("plans/issued-with-notice.yaml", cwd=plan_repo, cache=cache)  # fills it
    modules = top_level(imported_by("plans/issued-with-notice.yaml", cwd=plan_repo, cache=cache))
    assert "planctl" in modules and "yaml" in modules  # the test does see imports
    heavy = {HEAVY[name] for name in modules & HEAVY.keys()}
    assert heavy == set(), f"`planctl validate FILE` imported {sorted(heavy)}"


def test_in_chinese_too_only_the_standard_librarys_gettext_is_added(
    plan_repo: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "user-cache"
    arguments = ("plans/issued-with-notice.yaml",)
    english = imported_by(*arguments, cwd=plan_repo, cache=cache)
    chinese = imported_by(*arguments, cwd=plan_repo, cache=cache, lang="zh_CN")
    assert "gettext" in chinese  # the compiled catalog is read
    assert top_level(chinese - english) <= {"gettext"}, sorted(chinese - english)
    assert not top_level(chinese) & HEAVY.keys()


def test_a_plan_the_schema_rejects_imports_jsonschema_to_explain(
    plan_repo: Path, tmp_path: Path
) -> None:
    bad = plan_repo / "plans" / "bad.yaml"
    bad.write_text("format: planctl/1\nid: bad\ntitle: 坏计划\nstage: issued\nowner: 某局\n")
    modules = top_level(imported_by("plans/bad.yaml", cwd=plan_repo, cache=tmp_path / "c"))
    assert "jsonschema" in modules
    assert not modules & {"git", "jinja2", "typer", "rich", "docx", "openpyxl"}


def test_help_still_works_through_typer(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planctl", "validate", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for flag in ("--format", "--strict", "--jobs", "--no-cache", "--changed"):
        assert flag in done.stdout


def test_the_quick_exit_flushes_all_output(plan_repo: Path, tmp_path: Path) -> None:
    """The lean path ends with os._exit; everything printed must still arrive."""
    many = plan_repo / "plans" / "many.yaml"
    many.write_text("".join(f"k{i}: 1\nk{i}: 2\n" for i in range(2000)), encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "planctl", "validate", "--format", "json", "plans/many.yaml"],
        cwd=plan_repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["errors"] == len(report["findings"]) > 2000
