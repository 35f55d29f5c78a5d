"""`planctl render` validates first, and `-o -` writes one document to standard output."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import CLI

from .conftest import REPOSITORY

PLAN = "plans/zhaoqing-2012-prd-workplan.yaml"
MALFORMED_NUMBER = ("肇府办〔2012〕22号", "江府办[2023]012号")
UNKNOWN_UNIT = ("lead: [市发展改革局]", "lead: [市星际航行局]")


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A plan repository holding the issued Zhaoqing plan and its unit registry."""
    (tmp_path / "plans").mkdir()
    for name in ("zhaoqing-2012-prd-workplan.yaml", "units.yaml"):
        shutil.copyfile(REPOSITORY / "plans" / name, tmp_path / "plans" / name)
    return tmp_path


def edit(root: Path, *changes: tuple[str, str]) -> None:
    path = root / PLAN
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "rule"),
    [(MALFORMED_NUMBER, "doc-number-format"), (UNKNOWN_UNIT, "unknown-unit")],
    ids=["malformed-doc-number", "unknown-unit"],
)
def test_an_issued_plan_with_an_error_is_refused_with_the_findings_validate_prints(
    cli: CLI, office: Path, change: tuple[str, str], rule: str
) -> None:
    edit(office, change)
    validated = cli("validate", PLAN, cwd=office)
    rendered = cli("render", PLAN, cwd=office)
    assert (validated.exit_code, rendered.exit_code) == (1, 1)
    assert f"  error    {rule}  " in rendered.stderr
    assert rendered.stderr.startswith(validated.stdout)  # the same lines, the same summary
    assert "not rendered: a plan at stage issued must pass validate first" in rendered.stderr
    assert rendered.stdout == ""
    assert not (office / "build").exists()


def test_a_plan_under_review_is_held_to_the_same_standard(cli: CLI, office: Path) -> None:
    edit(office, ("stage: issued", "stage: review"), MALFORMED_NUMBER)
    result = cli("render", PLAN, "--as", "table", cwd=office)
    assert result.exit_code == 1
    assert "stage review" in result.stderr


def test_a_draft_is_rendered_and_its_findings_shown(cli: CLI, office: Path) -> None:
    edit(office, ("stage: issued", "stage: draft"), MALFORMED_NUMBER, UNKNOWN_UNIT)
    result = cli("render", PLAN, "--as", "table", "-f", "md", cwd=office)
    assert result.exit_code == 0, result.output
    assert "doc-number-format" in result.stderr and "unknown-unit" in result.stderr
    assert "Found 2 errors and 0 warnings in 1 file." in result.stderr
    assert result.stdout.startswith("wrote ")
    assert (office / "build" / "zhaoqing-2012-prd-workplan" / "table.md").is_file()


def test_a_clean_plan_renders_without_a_word_on_stderr(cli: CLI, office: Path) -> None:
    result = cli("render", PLAN, "--as", "table", "-f", "md", cwd=office)
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_a_text_format_goes_to_standard_output(cli: CLI, office: Path, fmt: str) -> None:
    streamed = cli("render", PLAN, "--as", "table", "-f", fmt, "-o", "-", cwd=office)
    assert streamed.exit_code == 0, streamed.output
    written = cli("render", PLAN, "--as", "table", "-f", fmt, "-o", f"out.{fmt}", cwd=office)
    assert written.exit_code == 0
    # CSV starts with a byte-order mark, so Excel reads it as UTF-8; the stream keeps it.
    assert streamed.stdout == (office / f"out.{fmt}").read_bytes().decode("utf-8")
    assert not (office / "build").exists()


def planctl(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planctl", *args], cwd=cwd, capture_output=True, timeout=120
    )


def test_a_binary_format_goes_into_a_pipe(office: Path) -> None:
    workbook = planctl("render", PLAN, "--as", "table", "-o", "-", cwd=office)
    assert workbook.returncode == 0, workbook.stderr
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.stdout)).worksheets[0]
    assert "责任分工表" in str(sheet["A1"].value)
    word = planctl("render", PLAN, "--as", "notice", "-f", "docx", "-o", "-", cwd=office)
    assert word.returncode == 0, word.stderr
    assert docx.Document(io.BytesIO(word.stdout)).paragraphs[0].text == "肇庆市人民政府办公室文件"


def test_a_binary_format_is_not_poured_onto_a_terminal(office: Path) -> None:
    code, _shown, stderr = on_a_terminal("render", PLAN, "--as", "table", "-o", "-", cwd=office)
    assert code == 2
    assert "xlsx is a binary format and standard output is a terminal" in stderr


def on_a_terminal(*args: str, cwd: Path) -> tuple[int, bytes, str]:
    """planctl with its standard output on a terminal (a pseudo-terminal): the exit code,
    what the terminal was sent, and the standard error."""
    import threading

    leader, follower = pty.openpty()
    shown = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return  # the other end closed
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "planctl", *args],
            cwd=cwd,
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=120,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        os.close(follower)
        reader.join(timeout=30)
        os.close(leader)
    return completed.returncode, bytes(shown), completed.stderr.decode("utf-8")


def test_standard_output_takes_one_document(cli: CLI, office: Path) -> None:
    result = cli("render", PLAN, "-o", "-", cwd=office)
    assert result.exit_code == 2
    assert "standard output takes one" in result.stderr
    assert not (office / "build").exists()


def test_a_document_on_a_terminal_never_carries_an_escape_sequence(office: Path) -> None:

    plan = office / PLAN
    text = plan.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("  title: "))
    plan.write_text(text.replace(title, f'  title: "{title[9:]}\\e[2J"'), encoding="utf-8")
    code, shown, stderr = on_a_terminal(
        "render", PLAN, "--as", "notice", "-f", "md", "-o", "-", cwd=office
    )
    assert code == 0, stderr
    assert b"\\x1b" in shown and b"\x1b" not in shown  # written as an escape, inert

    piped = planctl("render", PLAN, "--as", "notice", "-f", "md", "-o", "-", cwd=office)
    assert b"\x1b" in piped.stdout  # into a pipe the document is as it is
