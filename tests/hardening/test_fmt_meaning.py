"""Class 2: fmt never changes what a plan means nor where its comments sit.

Each case is a file fmt used to rewrite wrongly. After `planctl fmt` the loader reads the
same data as before, each comment stays with the task it was written for, and the result
reads back (`fmt --check` passes). A file fmt cannot rewrite faithfully is refused in one
line with exit 2 and left as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.yamlio import load_text

from ..conftest import CLI

HEADER = "format: planctl/1\nid: {id}\ntitle: {title}\nkind: 工作计划\nstage: draft\n"


def write_plan(repo: Path, plan_id: str, text: str) -> Path:
    path = repo / "plans" / f"{plan_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def data_of(text: str) -> object:
    document = load_text(text, "plan.yaml")
    assert document.readable, document.problems
    return document.data


def fmt_keeps_the_data(cli: CLI, repo: Path, path: Path) -> str:
    before = path.read_text(encoding="utf-8")
    result = cli("fmt", str(path.relative_to(repo)), cwd=repo)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert data_of(after) == data_of(before)
    assert [type(v) for v in _leaves(data_of(after))] == [type(v) for v in _leaves(data_of(before))]
    check = cli("fmt", "--check", str(path.relative_to(repo)), cwd=repo)
    assert check.exit_code == 0, check.output
    return after


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for key in value for leaf in _leaves(value[key])]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_a_comment_after_a_list_dash_stays_with_its_task(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="dash", title="计划") + (
        "sections:\n"
        "  - id: s\n"
        "    title: 部分\n"
        "    tasks:\n"
        "      - id: first\n"
        "        title: 一\n"
        "      - # 第二项的说明\n"
        "        id: second\n"
        "        title: 二\n"
    )
    after = fmt_keeps_the_data(cli, plan_repo, write_plan(plan_repo, "dash", text))
    lines = after.splitlines()
    comment = lines.index("      # 第二项的说明")
    assert lines[comment + 1] == "      - id: second"


def test_a_yaml_1_1_directive_does_not_turn_text_into_booleans(cli: CLI, plan_repo: Path) -> None:
    text = "%YAML 1.1\n---\n" + HEADER.format(id="yaml11", title="no") + "issuer: yes\n"
    before = data_of(text)
    assert isinstance(before, dict) and before["title"] == "no"
    fmt_keeps_the_data(cli, plan_repo, write_plan(plan_repo, "yaml11", text))


def test_signed_hexadecimal_text_stays_text(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="hex", title="-0x1") + "issuer: +0o17\n"
    after = fmt_keeps_the_data(cli, plan_repo, write_plan(plan_repo, "hex", text))
    assert "title: -0x1\n" in after and "!!" not in after


def test_a_line_separator_in_a_multiline_text_reads_back(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="ls", title='"第一行\\L第二行\\n第三行"')
    fmt_keeps_the_data(cli, plan_repo, write_plan(plan_repo, "ls", text))


def test_an_impossible_date_is_kept_as_written(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="feb", title="计划") + "period: {start: 2012-02-30, end: 2012-12-31}\n"
    after = fmt_keeps_the_data(cli, plan_repo, write_plan(plan_repo, "feb", text))
    assert "2012-02-30" in after


def test_a_file_the_loader_cannot_read_is_refused_and_kept(cli: CLI, plan_repo: Path) -> None:
    # A raw U+2028: YAML 1.1 readers break the line there, YAML 1.2 readers do not.
    text = HEADER.format(id="raw", title="第一\u2028第二")
    path = write_plan(plan_repo, "raw", text)
    result = cli("fmt", "plans/raw.yaml", cwd=plan_repo)
    verdict = cli("validate", "plans/raw.yaml", cwd=plan_repo).exit_code
    assert result.exit_code == verdict != 0, result.output  # the same verdict as validate
    errors = [line for line in result.stderr.splitlines() if line.startswith("planctl: error")]
    assert len(errors) == 1 and "plans/raw.yaml:3:" in errors[0], result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_a_layout_that_would_not_read_back_the_same_is_refused(
    cli: CLI, plan_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proof itself: were the layout ever to lose a value, the file is kept (exit 2)."""
    import planctl.fmt as fmt

    text = HEADER.format(id="proof", title="计划") + "issuer: 某市人民政府\n\n\n"
    path = write_plan(plan_repo, "proof", text)
    layout = fmt.format_text
    monkeypatch.setattr(
        fmt,
        "format_text",
        lambda t, kind, **options: layout(t, kind=kind, **options).replace("某市", ""),
    )
    result = cli("fmt", "plans/proof.yaml", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "plans/proof.yaml:6:9: cannot format: formatting would change the value at $.issuer" in (
        result.stderr
    )
    assert path.read_text(encoding="utf-8") == text
