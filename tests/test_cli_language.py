"""planctl speaks the user's language: Chinese under a Chinese locale, English under C.

Run as a user runs it, in a fresh process with only the locale set (no PLANCTL_LANG).
"Chinese" is checked two ways: the output holds Chinese, and it holds no English
sentence (three lowercase English words in a row, outside `code`) — an untranslated
message fails.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA

LOCALE_VARIABLES = ("PLANCTL_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
CHINESE = "zh_CN.UTF-8"


def planctl(
    *arguments: str, cwd: Path, lang: str, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in LOCALE_VARIABLES}
    env.update({"LANG": lang, "NO_COLOR": "1", "COLUMNS": "100", **extra})
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "planctl", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def english_sentences(text: str) -> list[str]:
    """Runs of three lowercase English words, outside `code` and quoted names."""
    prose = re.sub(r"`[^`]*`|'[^']*'", " ", text)
    return re.findall(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b", prose)


def unquoted(text: str) -> str:
    """`text` without what it quotes (names and values from the plans are Chinese)."""
    return re.sub(r"`[^`]*`|'[^']*'|“[^”]*”", " ", text)


def has_chinese(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def assert_chinese(text: str) -> None:
    assert has_chinese(text), text
    assert english_sentences(text) == [], text


@pytest.fixture
def broken_repo(plan_repo: Path) -> Path:
    """A repository whose plans break several rules and the schema."""
    for case in ("unknown-unit/near-name", "duplicate-id/duplicate-id", "schema/unknown-key"):
        source = DATA / "invalid" / f"{case}.yaml"
        shutil.copyfile(source, plan_repo / "plans" / source.name)
    return plan_repo


def test_help_is_chinese_under_a_chinese_locale_and_english_under_c(tmp_path: Path) -> None:
    chinese = planctl("--help", cwd=tmp_path, lang=CHINESE)
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.startswith("用法：planctl [选项] 命令 [参数]...")
    for heading in ("选项：", "命令：", "显示本帮助后退出。", "按 Schema 和规则检查计划"):
        assert heading in chinese.stdout
    assert_chinese(chinese.stdout)
    english = planctl("--help", cwd=tmp_path, lang="C")
    assert english.stdout.startswith("Usage: planctl [OPTIONS] COMMAND [ARGS]...")
    assert "Show this message and exit." in english.stdout
    # Names of documents and files are the same in every language.
    names = ("修订对照表", "全部.ics")
    assert not has_chinese(
        functools.reduce(lambda text, name: text.replace(name, ""), names, english.stdout)
    )


@pytest.mark.parametrize(
    "command", ["validate", "fmt", "rules", "schema", "import", "render", "diff", "log", "git"]
)
def test_every_commands_help_is_chinese(command: str, tmp_path: Path) -> None:
    done = planctl(command, "--help", cwd=tmp_path, lang=CHINESE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"用法：planctl {command} [选项]")
    assert_chinese(done.stdout)


def test_help_lines_fit_the_terminal_in_chinese(tmp_path: Path) -> None:
    from planctl.chinese import display_width

    done = planctl("render", "--help", cwd=tmp_path, lang=CHINESE, COLUMNS="80")
    widest = max(display_width(line) for line in done.stdout.splitlines())
    assert widest <= 80, done.stdout


def test_validate_reports_a_broken_plan_in_chinese(broken_repo: Path) -> None:
    chinese = planctl("validate", cwd=broken_repo, lang=CHINESE)
    english = planctl("validate", cwd=broken_repo, lang="C")
    assert chinese.returncode == english.returncode == 1
    assert "  错误  unknown-unit  未登记的单位 “市交通运输厅”" in chinese.stdout
    assert "    修改建议：是否应为 市交通运输局？" in chinese.stdout
    assert re.search(r"在 \d+ 个文件中发现 \d+ 个错误、\d+ 个警告。", chinese.stdout)
    assert_chinese(chinese.stdout)
    assert "  error    unknown-unit  unknown unit '市交通运输厅'" in english.stdout
    assert "    fix: did you mean 市交通运输局?" in english.stdout

    # the same findings, in the same places, under the same rule ids
    def places(output: str) -> list[tuple[str, str]]:
        return [
            (line.split()[0], line.split()[2]) for line in output.splitlines() if line[:1] != " "
        ][:-1]

    assert places(chinese.stdout) == places(english.stdout)


def test_json_keeps_its_keys_and_carries_the_chosen_language(broken_repo: Path) -> None:
    import json

    chinese = json.loads(planctl("validate", "-f", "json", cwd=broken_repo, lang=CHINESE).stdout)
    english = json.loads(planctl("validate", "-f", "json", cwd=broken_repo, lang="C").stdout)
    assert chinese.keys() == english.keys()
    for zh, en in zip(chinese["findings"], english["findings"], strict=True):
        assert zh.keys() == en.keys()
        assert (zh["rule"], zh["severity"], zh["line"]) == (en["rule"], en["severity"], en["line"])
        assert has_chinese(zh["message"]) and zh["message"] != en["message"]


def test_the_cache_keeps_each_language_apart(broken_repo: Path) -> None:
    first = planctl("validate", cwd=broken_repo, lang="C")
    again = planctl("validate", cwd=broken_repo, lang=CHINESE)  # cached findings, other language
    assert "unknown unit" in first.stdout and "未登记的单位" in again.stdout


def test_planctl_lang_wins_over_the_locale(broken_repo: Path) -> None:
    done = planctl("validate", cwd=broken_repo, lang="C", PLANCTL_LANG="zh")
    assert "未登记的单位" in done.stdout
    done = planctl("validate", cwd=broken_repo, lang=CHINESE, PLANCTL_LANG="en")
    assert "unknown unit" in done.stdout


# Every way the CLI refuses a command line or its input, as the CLI tests make them.
ERROR_PATHS = [
    ("validate", "--format", "xml"),
    ("validate", "--jobs", "-1"),
    ("validate", "--changed", "a", "b"),
    ("validate", "--changed", "HEAD", "plans/x.yaml", "plans/y.yaml"),
    ("validate", "plans/missing.yaml"),
    ("validate", "--nope"),
    ("validate", "-j", "many"),
    ("validate", "--format"),
    ("fmt", "plans/missing.yaml"),
    ("fmt", "plans/broken.yaml"),
    ("rules", "no-such-rule"),
    ("rules", "a", "b"),
    ("schema", "nothing"),
    ("render",),
    ("render", "plans/missing.yaml"),
    ("render", "plans/units.yaml"),
    ("render", "plans/issued-with-notice.yaml", "--as", "poster"),
    ("render", "plans/issued-with-notice.yaml", "--format", "odt"),
    ("render", "plans/issued-with-notice.yaml", "--unit", "市气象局"),
    ("render", "plans/issued-with-notice.yaml", "--from", "HEAD"),
    ("render", "plans/issued-with-notice.yaml", "--as", "revision"),
    ("render", "plans/issued-with-notice.yaml", "--template", "nope"),
    ("diff", "--format", "xml"),
    ("diff", "--stat", "--format", "json"),
    ("diff", "HEAD~1"),
    ("diff", "a", "b", "c"),
    ("log", "some-task"),
    ("log", "some-task", "--format", "xml"),
    ("import", "missing.docx"),
    ("import", "plans/units.yaml"),
    ("git", "external-diff", "one", "two"),
    ("no-such-command",),
]


@pytest.mark.parametrize("arguments", ERROR_PATHS, ids=" ".join)
def test_every_error_path_speaks_chinese_or_english(
    arguments: tuple[str, ...], plan_repo: Path
) -> None:
    (plan_repo / "plans" / "broken.yaml").write_text("a: [1, 2\n", encoding="utf-8")
    chinese = planctl(*arguments, cwd=plan_repo, lang=CHINESE)
    english = planctl(*arguments, cwd=plan_repo, lang="C")
    assert chinese.returncode == english.returncode != 0, (chinese.stderr, english.stderr)
    assert "Traceback" not in chinese.stderr + english.stderr
    assert_chinese(chinese.stderr)
    # English under C: English words, and none of Chinese's sentence punctuation
    # (names from the plans, Chinese in either language, have none)
    prose = unquoted(english.stderr).replace("修订对照表", "")
    assert re.search(r"[A-Za-z]{2,}\s+[a-z]+\b", prose), english.stderr
    assert not re.search("[，。；：？！]", prose), english.stderr


def test_the_cache_notices_edited_rules_and_translations() -> None:
    from planctl.validate.cache import _package_fingerprint

    stamped = _package_fingerprint()
    assert "/planctl/rules/unknown_unit.py:" in stamped.replace("\\", "/")
    assert "/planctl/locale/zh_CN/LC_MESSAGES/planctl.mo:" in stamped.replace("\\", "/")
