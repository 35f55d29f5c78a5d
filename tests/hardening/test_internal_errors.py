"""Class 3: no input ends in an internal error; each gets a located one-line answer.

One bad file never stops the others: the rest of the run goes on and is reported.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from ..conftest import CLI
from .conftest import PLAN_PATH, GitPlans

HEADER = "format: planctl/1\nid: {id}\ntitle: {title}\nkind: 工作计划\nstage: draft\n"
HUGE = "9" * 5000
LOCATED = re.compile(r"^planctl: error: .*plans/[\w-]+\.yaml:\d+:\d+: ", re.M)


def write_plan(repo: Path, plan_id: str, text: str) -> Path:
    path = repo / "plans" / f"{plan_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def no_internal_error(output: str) -> None:
    assert "internal error" not in output and "Traceback" not in output, output


def test_fmt_on_an_impossible_date_formats_it_and_the_others(cli: CLI, plan_repo: Path) -> None:
    bad = write_plan(
        plan_repo, "feb", HEADER.format(id="feb", title="计划") + "period:   {start: 2012-02-30}\n"
    )
    messy = write_plan(plan_repo, "messy", HEADER.format(id="messy", title="计划") + "\n\n\n")
    result = cli("fmt", cwd=plan_repo)
    no_internal_error(result.output)
    assert result.exit_code == 0, result.output
    assert "period: {start: 2012-02-30}" in bad.read_text(encoding="utf-8")
    assert not messy.read_text(encoding="utf-8").endswith("\n\n")


@pytest.mark.parametrize(
    ("case", "text"),
    [
        pytest.param(case, text, id=case)
        for case, text in [
            ("float-tag", HEADER.format(id="float-tag", title="!!float abc")),
            ("int-tag", HEADER.format(id="int-tag", title="!!int 1.5")),
            ("yaml-1-3", "%YAML 1.3\n---\n" + HEADER.format(id="yaml-1-3", title="计划")),
            (
                "huge-number",
                HEADER.format(id="huge-number", title="计划") + "issuer: " + "9" * 5000,
            ),
            ("bad-syntax", HEADER.format(id="bad-syntax", title="[计划")),
        ]
    ],
)
def test_fmt_answers_each_bad_file_in_one_located_line_and_goes_on(
    cli: CLI, plan_repo: Path, case: str, text: str
) -> None:
    bad = write_plan(plan_repo, case, text)
    messy = write_plan(plan_repo, "messy", HEADER.format(id="messy", title="计划") + "\n\n\n")
    result = cli("fmt", cwd=plan_repo)
    no_internal_error(result.output)
    verdict = cli("validate", f"plans/{case}.yaml", cwd=plan_repo).exit_code
    assert result.exit_code == verdict != 0, result.output  # the same verdict as validate
    assert len(LOCATED.findall(result.stderr)) == 1, result.stderr
    assert f"plans/{case}.yaml:" in result.stderr
    assert bad.read_text(encoding="utf-8") == text
    assert not messy.read_text(encoding="utf-8").endswith("\n\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_validate_keeps_every_finding_beside_a_five_thousand_digit_number(
    cli: CLI, plan_repo: Path, jobs: str
) -> None:
    write_plan(plan_repo, "huge", HEADER.format(id="huge", title="计划") + "issuer: " + "9" * 5000)
    write_plan(plan_repo, "mismatch", HEADER.format(id="other-id", title="计划"))
    result = cli("validate", "-j", jobs, "--no-cache", cwd=plan_repo)
    no_internal_error(result.output)
    assert result.exit_code == 1, result.output
    assert re.search(r"plans/huge\.yaml:6:9 +error +yaml-limits", result.stdout), result.stdout
    assert "plans/mismatch.yaml:2:5" in result.stdout


@pytest.mark.parametrize("command", ["validate", "render"])
@pytest.mark.parametrize(
    ("case", "text", "where"),
    [
        pytest.param("float-tag", HEADER.format(id="float-tag", title="!!float abc"), ":3:8"),
        pytest.param(
            "yaml-1-3", "%YAML 1.3\n---\n" + HEADER.format(id="yaml-1-3", title="计划"), ":1:1"
        ),
    ],
    ids=["float-tag", "yaml-1-3"],
)
def test_every_command_locates_a_bad_scalar_or_directive(
    cli: CLI, plan_repo: Path, command: str, case: str, text: str, where: str
) -> None:
    write_plan(plan_repo, case, text)
    args = [command, f"plans/{case}.yaml"]
    if command == "render":
        args += ["--as", "table", "-f", "md", "-o", "out.md"]
    result = cli(*args, cwd=plan_repo)
    no_internal_error(result.output)
    assert result.exit_code in (1, 2), result.output
    assert f"plans/{case}.yaml{where}" in result.output


def test_diff_reads_a_reflog_revision(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "due: 2023-06", "due: 2023-12")
    repo.commit("推迟")
    result = cli("diff", "HEAD@{1}", cwd=repo.root)
    no_internal_error(result.output)
    assert result.exit_code == 0, result.output
    assert "2023年12月底前" in result.stdout


def test_diff_answers_a_reflog_date_in_one_line(cli: CLI, repo: GitPlans) -> None:
    result = cli("diff", "HEAD@{yesterday}", cwd=repo.root)
    no_internal_error(result.output)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def control_and_long_plan(plan_repo: Path) -> Path:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "title: 示例市2012年重点工作计划", 'title: "示例市\\x07重点\\x1b[31m工作计划"'
    )
    text = text.replace("title: 建设环城公路", "title: " + "长" * 300)
    text = text.replace("- title: 总体要求", '- title: "总体\\x01要求"')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "output_format",
    ["docx", "xlsx", "html", "md", "csv"],
)
def test_render_answers_control_characters_and_long_titles(
    cli: CLI, plan_repo: Path, output_format: str
) -> None:
    control_and_long_plan(plan_repo)
    result = cli("render", "plans/issued-with-notice.yaml", "-f", output_format, cwd=plan_repo)
    no_internal_error(result.output)
    if result.exit_code == 0:
        for made in (plan_repo / "build" / "issued-with-notice").iterdir():
            if made.suffix in (".docx", ".xlsx"):
                zipfile.ZipFile(io.BytesIO(made.read_bytes())).testzip()
    else:
        assert result.exit_code in (1, 2)
        assert "plans/issued-with-notice.yaml:" in result.stderr


def test_render_writes_a_title_over_255_characters_into_word(cli: CLI, plan_repo: Path) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("示例市2012年重点工作计划", "长" * 300, 1), encoding="utf-8")
    result = cli("render", "plans/issued-with-notice.yaml", "-f", "docx", cwd=plan_repo)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "odd",
    ["\ufffe", "\uffff", "\x07", "\x1b[2J", "\u2028", "\ud800"],
)
def test_import_reads_a_text_with_odd_characters(cli: CLI, plan_repo: Path, odd: str) -> None:
    source = Path(__file__).parents[1] / "data" / "import" / "seeds"
    text = (source / "zhaoqing-2012-prd-workplan.txt").read_text(encoding="utf-8")
    marker = "确保完成指标任务"
    document = plan_repo / "zhaoqing.txt"
    document.write_bytes(
        text.replace(marker, f"确保{odd}完成指标任务", 1).encode("utf-8", "surrogatepass")
    )
    result = cli("import", str(document), "-o", "plans/zhaoqing.yaml", cwd=plan_repo)
    no_internal_error(result.output)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code != 2:
        check = cli("validate", "plans/zhaoqing.yaml", cwd=plan_repo)
        assert "yaml-syntax" not in check.stdout, check.stdout
        assert "完成指标任务" in (plan_repo / "plans" / "zhaoqing.yaml").read_text(encoding="utf-8")
