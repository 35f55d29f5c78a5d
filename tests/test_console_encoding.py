"""Output on a console that cannot show every character: a Chinese Windows writes text to
a file or a pipe in GBK (cp936), which has no ✓, no emoji and not every rare character of a
name. planctl must finish, say everything it can, and keep JSON valid."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RARE = "𠮷"  # U+20BB7, in names, beyond GBK (and beyond the BMP)
SYMBOL = "✓"  # U+2713, not in GBK either


def planctl_bytes(
    *arguments: str, cwd: Path, encoding: str, lang: str
) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key != "PLANCTL_LANG"}
    env.update({"PYTHONIOENCODING": encoding, "LANG": lang, "NO_COLOR": "1"})
    return subprocess.run(
        [sys.executable, "-m", "planctl", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )


@pytest.fixture
def odd_names(plan_repo: Path) -> Path:
    """A plan naming a unit written with characters GBK lacks."""
    plan = plan_repo / "plans" / "issued-with-notice.yaml"
    text = plan.read_text(encoding="utf-8")
    first_lead = text.index("lead: [") + len("lead: [")
    plan.write_text(
        text[:first_lead] + f"市{RARE}{SYMBOL}局, " + text[first_lead:], encoding="utf-8"
    )
    return plan_repo


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8", "C"])
def test_text_output_on_a_gbk_console_escapes_what_gbk_lacks(odd_names: Path, lang: str) -> None:
    done = planctl_bytes("validate", cwd=odd_names, encoding="cp936", lang=lang)
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
    text = done.stdout.decode("cp936")  # what the console shows: valid GBK throughout
    assert "\\ud842\\udfb7\\u2713" in text  # the name, escaped, not lost
    assert "unknown-unit" in text
    assert ("未登记的单位" if lang.startswith("zh") else "unknown unit") in text


def test_json_on_a_gbk_console_stays_valid_and_loses_nothing(odd_names: Path) -> None:
    done = planctl_bytes(
        "validate", "--format", "json", cwd=odd_names, encoding="cp936", lang="zh_CN.UTF-8"
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout.decode("cp936"))
    messages = [finding["message"] for finding in report["findings"]]
    assert any(f"市{RARE}{SYMBOL}局" in message for message in messages), messages


def test_errors_on_a_gbk_console_are_escaped_too(plan_repo: Path) -> None:
    done = planctl_bytes(
        "rules", f"rule-{SYMBOL}", cwd=plan_repo, encoding="cp936", lang="zh_CN.UTF-8"
    )
    assert done.returncode == 2
    message = done.stderr.decode("cp936")
    assert "没有规则" in message and "\\u2713" in message and "Traceback" not in message


def test_a_gb18030_console_shows_every_character_as_it_is(odd_names: Path) -> None:
    done = planctl_bytes("validate", cwd=odd_names, encoding="gb18030", lang="zh_CN.UTF-8")
    assert f"市{RARE}{SYMBOL}局" in done.stdout.decode("gb18030")


def test_a_choice_of_error_handling_by_the_user_is_kept(odd_names: Path) -> None:
    done = planctl_bytes("validate", cwd=odd_names, encoding="cp936:replace", lang="C")
    assert "市??局" in done.stdout.decode("cp936")
