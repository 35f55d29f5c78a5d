"""`planctl render` from the command line: defaults, choices, output paths and errors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from planctl.render.formats import pdf as pdf_writer
from planctl.render.formats import pdf_chromium

from ..conftest import CLI
from .conftest import needs_chromium

PLAN = "plans/zhaoqing-2012-prd-workplan.yaml"
BUILD = Path("build") / "zhaoqing-2012-prd-workplan"


@pytest.fixture
def no_pdf_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Chromium asked for, and not there."""
    monkeypatch.setenv(pdf_writer.ENGINE_VARIABLE, "chromium")
    monkeypatch.setenv(pdf_chromium.ENGINE_VARIABLE, str(tmp_path / "no-such-chromium"))


def test_by_default_everything_is_written_into_build(
    cli: CLI, plan_repository: Path, no_pdf_engine: None
) -> None:
    result = cli("render", PLAN, cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote {BUILD / 'notice.docx'}",
        f"wrote {BUILD / 'notice.html'}",
        f"wrote {BUILD / 'table.xlsx'}",
        f"wrote {BUILD / 'table.pdf'}",  # the tables are Typst's whatever the engine
        f"wrote {BUILD / 'units.docx'}",
        "note: notice.pdf: skipped, no PDF engine found: install the Debian package chromium "
        "(apt-get install chromium fonts-noto-cjk), or set PLANCTL_CHROMIUM to a Chromium or "
        "Chrome binary",  # only when Chromium was asked for
    ]
    written = sorted(p.name for p in (plan_repository / BUILD).iterdir())
    assert written == ["notice.docx", "notice.html", "table.pdf", "table.xlsx", "units.docx"]


def test_the_default_includes_the_pdf_typeset_by_typst(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert f"wrote {BUILD / 'notice.pdf'}" in result.stdout.splitlines()
    assert (plan_repository / BUILD / "notice.pdf").read_bytes().startswith(b"%PDF-")


@needs_chromium
def test_chromium_prints_the_pdf_when_asked_for(
    cli: CLI, plan_repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pdf_writer.ENGINE_VARIABLE, "chromium")
    result = cli("render", PLAN, "--as", "notice", "--format", "pdf", cwd=plan_repository)
    assert result.exit_code == 0, result.output


def test_a_plan_without_a_notice_or_units_renders_what_it_has(
    cli: CLI, plan_repository: Path, no_pdf_engine: None
) -> None:
    result = cli("render", "plans/jiangmen-2023-key-reforms.yaml", cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "wrote build/jiangmen-2023-key-reforms/table.xlsx",
        "wrote build/jiangmen-2023-key-reforms/table.pdf",
        "note: notice.docx, notice.html, notice.pdf: skipped, the plan has no notice: block",
        "note: units.docx: skipped, no task names a lead or supporting unit",
    ]


def test_one_document_in_one_format_into_a_folder(cli: CLI, plan_repository: Path) -> None:
    result = cli(
        "render", PLAN, "--as", "table", "--format", "csv", "-o", "out/", cwd=plan_repository
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {Path('out') / 'table.csv'}\n"


def test_the_output_file_names_the_format(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, "--as", "table", "-o", "分工表.md", cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert (plan_repository / "分工表.md").read_text(encoding="utf-8").startswith("# 肇庆市")


def test_a_format_alone_renders_every_document_that_has_it(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, "--format", "md", "-o", "md", cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (plan_repository / "md").iterdir()) == [
        "notice.md",
        "table.md",
        "units.md",
    ]


def test_one_unit_s_list(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, "--unit", "市发改局", "-o", "lists/", cwd=plan_repository)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(plan_repository / "lists" / "units-市发展改革局.docx"))
    headings = [p.text for p in document.paragraphs if getattr(p.style, "name", "") == "表格标题"]
    assert headings == ["市发展改革局"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--as", "notice", "--format", "xlsx"],
            "notice cannot be written as xlsx — notice is written as: docx, pdf, html, md",
        ),
        (["--as", "memo"], "unknown document 'memo'"),
        (["--format", "odt"], "unknown format 'odt'"),
        (["--as", "table", "--unit", "市发展改革局"], "--unit selects one unit's list"),
        (["--unit", "各县（市、区）人民政府"], "is a group of units, not one unit"),
        (["--unit", "市发展改革委"], "did you mean 市发展改革局"),
        (["--format", "md", "-o", "all.md"], "3 files would be written, but -o names one file"),
        (["--template", "x.html.j2"], "--template replaces the template of one"),
        (
            ["--as", "notice", "--format", "html", "--template", "nothing.html.j2"],
            "no template named nothing.html.j2",
        ),
    ],
)
def test_usage_errors_are_one_line_with_a_hint(
    cli: CLI, plan_repository: Path, args: list[str], message: str
) -> None:
    result = cli("render", PLAN, *args, cwd=plan_repository)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("planctl: error: ")
    assert message in result.stderr


def test_pdf_asked_for_without_an_engine_names_the_package(
    cli: CLI, plan_repository: Path, no_pdf_engine: None
) -> None:
    result = cli("render", PLAN, "--as", "notice", "--format", "pdf", cwd=plan_repository)
    assert result.exit_code == 2, result.output
    assert "no PDF engine found — install the Debian package chromium" in result.stderr


def test_a_plan_that_breaks_the_schema_is_refused_with_its_place(
    cli: CLI, plan_repository: Path
) -> None:
    plan = plan_repository / "plans" / "broken.yaml"
    plan.write_text("format: planctl/1\nid: broken\ntitle: 计划\nstage: final\n", encoding="utf-8")
    result = cli("render", "plans/broken.yaml", cwd=plan_repository)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("planctl: error: plans/broken.yaml:4:8: cannot render: ")


def test_a_missing_plan_is_an_input_error(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", "plans/nothing.yaml", cwd=plan_repository)
    assert result.exit_code == 2
    assert "plans/nothing.yaml: no such plan file" in result.stderr


def test_a_template_error_names_the_file_and_line(cli: CLI, plan_repository: Path) -> None:
    template = plan_repository / "templates" / "table.md.j2"
    template.parent.mkdir()
    template.write_text("# {{ doc.title }}\n{{ doc.missing }}\n", encoding="utf-8")
    result = cli("render", PLAN, "--as", "table", "--format", "md", cwd=plan_repository)
    assert result.exit_code == 2, result.output
    assert f"{template}:2: template error:" in result.stderr
    assert "missing" in result.stderr


def test_files_are_replaced_whole(cli: CLI, plan_repository: Path) -> None:
    target = plan_repository / "table.csv"
    target.write_text("old", encoding="utf-8")
    assert (
        cli("render", PLAN, "--as", "table", "-o", "table.csv", cwd=plan_repository).exit_code == 0
    )
    assert target.read_bytes().startswith("\ufeff序号".encode())
    assert [p.name for p in plan_repository.iterdir() if p.name.startswith(".")] == []
