"""Class 4: every input is bounded, and a worker that dies is noticed.

A killed validation worker, a Word file that inflates to gigabytes, a small plan that
aliases expand to a huge one: each ends quickly with a one-line answer.
"""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from ..conftest import CLI

HEADER = "format: planctl/1\nid: {id}\ntitle: {title}\nkind: 工作计划\nstage: draft\n"


def big_plans(repo: Path, count: int) -> None:
    """Enough bytes that validate spreads the files over worker processes."""
    filler = "        text: |\n          " + "推进重点工作。" * 4000 + "\n"
    for number in range(count):
        plan_id = f"big-{number}"
        tasks = "".join(f"      - id: t{task}\n        title: 任务\n{filler}" for task in range(4))
        text = HEADER.format(id=plan_id, title="计划") + (
            f"sections:\n  - id: s\n    title: 部分\n    tasks:\n{tasks}"
        )
        (repo / "plans" / f"{plan_id}.yaml").write_text(text, encoding="utf-8")


KILLING_WORKER = textwrap.dedent(
    """
    import os, signal, sys
    from planctl.validate import engine as validate

    checked = validate.check_file

    def check_or_die(path, shown, units):
        if path.name == "big-2.yaml":  # as the kernel's OOM killer would
            os.kill(os.getpid(), signal.SIGKILL)
        return checked(path, shown, units)

    validate.check_file = check_or_die
    from planctl.cli import run
    sys.exit(run(["validate", "-j", "2", "--no-cache"]))
    """
)


def test_validate_notices_a_worker_killed_by_the_kernel(plan_repo: Path) -> None:
    big_plans(plan_repo, 6)
    try:
        done = subprocess.run(
            [sys.executable, "-c", KILLING_WORKER],
            cwd=plan_repo,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail("validate waited for a dead worker")
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert re.search(r"plans/big-2\.yaml:1:1 +error +unchecked .*killed by signal 9", output)
    assert "Traceback" not in output
    for other in (0, 1, 3, 4, 5):  # every other file is still checked
        assert f"plans/big-{other}.yaml:10:9  warning  missing-lead" in output


def docx_with(document_xml: bytes, *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    from docx import Document

    sample = io.BytesIO()
    Document().save(sample)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(sample.getvalue())) as source,
        zipfile.ZipFile(out, "w", compression) as target,
    ):
        for item in source.infolist():
            data = document_xml if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item.filename, data)
    return out.getvalue()


def bomb_xml(size: int) -> bytes:
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
    head += b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    return head + b" " * (size - len(head) - len(tail)) + tail


def test_import_refuses_a_word_file_that_inflates_too_far(cli: CLI, plan_repo: Path) -> None:
    bomb = plan_repo / "bomb.docx"
    bomb.write_bytes(docx_with(bomb_xml(300 * 1024 * 1024)))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = cli("import", str(bomb), "-o", "-", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "bomb.docx" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "word/document.xml" in result.stderr  # refused for its size, before unzipping


def lie_about_sizes(archive: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the declared uncompressed size of entry `name` (local and central headers)."""
    data = bytearray(archive)
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            length = struct.unpack_from("<H", data, start + name_at - 4 - (signature[2] == 1) * 2)
            if data[start + name_at : start + name_at + length[0]] == name:
                struct.pack_into("<I", data, start + size_at, size)
            start += 4
    return bytes(data)


def test_import_refuses_a_word_file_whose_headers_understate_its_size(
    cli: CLI, plan_repo: Path
) -> None:
    lying = lie_about_sizes(docx_with(bomb_xml(300 * 1024 * 1024)), b"word/document.xml", 4096)
    bomb = plan_repo / "lying.docx"
    bomb.write_bytes(lying)
    result = cli("import", str(bomb), "-o", "-", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "lying.docx" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_import_still_reads_an_ordinary_word_file(cli: CLI, plan_repo: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("示例市2024年工作计划")
    document.add_paragraph("一、总体要求")
    document.add_paragraph("（一）做好各项工作。")
    path = plan_repo / "ordinary.docx"
    document.save(str(path))
    result = cli("import", str(path), "-o", "-", cwd=plan_repo)
    assert result.exit_code == 0, result.output


ALIAS_BOMB = HEADER.format(id="bomb", title="计划") + textwrap.dedent(
    """\
    x: &t {id: t, title: 任务, lead: [市财政局]}
    y: &s0 {id: s, title: 部分, tasks: [*t, *t, *t, *t, *t, *t, *t, *t]}
    z: &s1 {id: s, title: 部分, sections: [*s0, *s0, *s0, *s0, *s0, *s0, *s0, *s0]}
    w: &s2 {id: s, title: 部分, sections: [*s1, *s1, *s1, *s1, *s1, *s1, *s1, *s1]}
    v: &s3 {id: s, title: 部分, sections: [*s2, *s2, *s2, *s2, *s2, *s2, *s2, *s2]}
    sections: [*s3, *s3, *s3, *s3, *s3, *s3, *s3, *s3]
    """
)


@pytest.mark.parametrize("command", ["render", "validate", "diff"])
def test_a_plan_built_from_nested_aliases_is_refused_by_every_command(
    cli: CLI, plan_repo: Path, command: str
) -> None:
    assert len(ALIAS_BOMB.encode("utf-8")) < 1024
    (plan_repo / "plans" / "bomb.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    args = {
        "render": ["render", "plans/bomb.yaml", "--as", "table", "-f", "csv", "-o", "out.csv"],
        "validate": ["validate", "plans/bomb.yaml"],
        "diff": ["diff", "plans/issued-with-notice.yaml", "plans/bomb.yaml"],
    }[command]
    result = cli(*args, cwd=plan_repo)
    assert result.exit_code in (1, 2), result.output
    assert "alias" in result.output and "plans/bomb.yaml:" in result.output
    assert not (plan_repo / "out.csv").exists()


def test_a_few_aliases_for_shared_unit_lists_are_still_read(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="shared", title="计划") + textwrap.dedent(
        """\
        sections:
          - id: s
            title: 部分
            tasks:
              - {id: a, title: 甲, lead: &leads [市财政局, 市教育局]}
              - {id: b, title: 乙, lead: *leads}
              - {id: c, title: 丙, lead: *leads}
        """
    )
    (plan_repo / "plans" / "shared.yaml").write_text(text, encoding="utf-8")
    result = cli("validate", "plans/shared.yaml", cwd=plan_repo)
    assert "alias" not in result.output, result.output
