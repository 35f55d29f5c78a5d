"""The bulletin file is checked by `planctl validate` like a report or a review, and
`render --as bulletin` says in one line what is wrong with it or that it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import CLI
from ..tracking.demo import PLAN_FILE, PLAN_ID, build_demo
from .conftest import write_bulletins


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bulletin-files")
    return write_bulletins(build_demo(folder / "repo", folder / "home").root)


def write(root: Path, place: str, text: str) -> Path:
    path = root / place
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bulletin_file(plan_id: str, period: str, date: str) -> str:
    """The text of a bulletin file with its required keys only."""
    return f"format: planctl-bulletin/1\nplan: {plan_id}\nperiod: {period}\ndate: {date}\n"


def with_a_copy_of_the_plan(root: Path) -> str:
    """A second plan, the demo's under another id, with a September bulletin file: its id."""
    other = "zhaoqing-2012-copy"
    text = (root / PLAN_FILE).read_text(encoding="utf-8")
    write(root, f"plans/{other}.yaml", text.replace(f"id: {PLAN_ID}", f"id: {other}"))
    write(root, f"bulletins/{other}/2012-09.yaml", bulletin_file(other, "2012-09", "2012-10-15"))
    return other


def test_the_demo_bulletins_pass(cli: CLI, repository: Path) -> None:
    for period in ("2012-09", "2012-12"):
        result = cli("validate", f"bulletins/{PLAN_ID}/{period}.yaml", cwd=repository)
        assert result.exit_code == 0, result.output


def test_an_unknown_plan_a_quarter_of_a_monthly_plan_and_a_wrong_place(
    cli: CLI, repository: Path
) -> None:
    write(
        repository,
        "bulletins/zhaoqing/2012-Q3.yaml",
        "format: planctl-bulletin/1\nplan: zhaoqing-2012-prd-workplam\nperiod: 2012-Q3\n"
        "date: 2012-10-15\n",
    )
    write(
        repository,
        f"bulletins/{PLAN_ID}/2012-10.yaml",
        bulletin_file(PLAN_ID, "2012-Q3", "2012-02-30"),
    )
    result = cli("validate", "bulletins", cwd=repository)
    assert result.exit_code == 1
    out = result.stdout
    assert "bulletins/zhaoqing/2012-Q3.yaml:2:7" in out and "tracking-unknown-plan" in out
    assert f"did you mean {PLAN_ID}?" in out
    assert f"bulletins/{PLAN_ID}/2012-10.yaml:4:7" in out and "tracking-date" in out
    assert "which reports every month" in out
    assert f"move it to bulletins/{PLAN_ID}/2012-Q3.yaml" in out


def test_a_key_the_schema_does_not_know_is_refused_everywhere(cli: CLI, repository: Path) -> None:
    write(
        repository,
        f"bulletins/{PLAN_ID}/2012-11.yaml",
        bulletin_file(PLAN_ID, "2012-11", "2012-12-12") + "numbr: 11\n",
    )
    checked = cli("validate", f"bulletins/{PLAN_ID}/2012-11.yaml", cwd=repository)
    assert checked.exit_code == 1 and "numbr" in checked.stdout
    rendered = cli(
        "render",
        PLAN_FILE,
        "--as",
        "bulletin",
        "--period",
        "2012-11",
        "-f",
        "md",
        "-o",
        "-",
        cwd=repository,
    )
    assert rendered.exit_code == 1  # a file the gate refuses is a finding, as in validate
    assert rendered.stdout == ""
    assert "numbr" in rendered.stderr
    assert "Traceback" not in rendered.stderr


def test_no_bulletin_file_for_the_period(cli: CLI, repository: Path) -> None:
    result = cli("render", PLAN_FILE, "--as", "bulletin", "--period", "2012-07", cwd=repository)
    assert result.exit_code == 2
    assert f"bulletins/{PLAN_ID}/2012-07.yaml" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # the error and its hint
    assert not (repository / "build").exists()


def test_a_period_is_required_and_the_layout_is_one_of_two(cli: CLI, repository: Path) -> None:
    missing = cli("render", PLAN_FILE, "--as", "bulletin", cwd=repository)
    assert missing.exit_code == 2 and "--period" in missing.stderr
    wrong = cli(
        "render",
        PLAN_FILE,
        "--as",
        "bulletin",
        "--period",
        "2012-09",
        "--layout",
        "poster",
        cwd=repository,
    )
    assert wrong.exit_code == 2 and "gongwen" in wrong.stderr and "jianbao" in wrong.stderr


def test_fmt_keeps_a_bulletin_file_in_the_order_of_its_schema(cli: CLI, repository: Path) -> None:
    place = f"bulletins/{PLAN_ID}/2012-08.yaml"
    write(
        repository,
        place,
        f"date: 2012-09-12\nformat: planctl-bulletin/1\nperiod: 2012-08\nplan: {PLAN_ID}\n"
        "number: 8\n",
    )
    assert cli("fmt", place, cwd=repository).exit_code == 0
    assert (repository / place).read_text(encoding="utf-8") == (
        f"format: planctl-bulletin/1\nplan: {PLAN_ID}\nperiod: 2012-08\nnumber: 8\n"
        "date: 2012-09-12\n"
    )
    assert cli("fmt", "--check", f"bulletins/{PLAN_ID}/2012-09.yaml", cwd=repository).exit_code == 0


@pytest.mark.parametrize(
    "arguments",
    [
        ("--as", "notice", "--period", "2012-09"),
        ("--as", "urge", "--unit", "市林业局", "--layout", "jianbao"),
        ("--as", "ledger", "--period", "2012-09"),
    ],
)
def test_period_and_layout_belong_to_the_bulletin(
    cli: CLI, repository: Path, arguments: tuple[str, ...]
) -> None:
    result = cli("render", PLAN_FILE, *arguments, cwd=repository)
    assert result.exit_code == 2 and "--as bulletin" in result.stderr


def test_a_bulletin_is_dated_by_its_file_not_by_as_of(cli: CLI, repository: Path) -> None:
    result = cli(
        "render", PLAN_FILE, "--as", "bulletin", "--period", "2012-09", "--as-of", "2012-01-01",
        cwd=repository,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--as-of" in result.stderr and "bulletins/<plan-id>/<period>.yaml" in result.stderr


def test_several_plans_give_one_bulletin_each(cli: CLI, tmp_path: Path) -> None:
    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    other = with_a_copy_of_the_plan(root)
    everything = sorted(str(path.relative_to(root)) for path in (root / "plans").glob("*.yaml"))
    assert "plans/units.yaml" in everything  # as the shell expands plans/*.yaml
    result = cli(
        "render",
        *everything,
        "--as",
        "bulletin",
        "--period",
        "2012-09",
        "-f",
        "md",
        "-o",
        "out/",
        cwd=root,
    )
    assert result.exit_code == 0, result.stderr
    mine = (root / f"out/{PLAN_ID}-bulletin-2012-09.md").read_text(encoding="utf-8")
    assert "报送及时率99.1%" in mine
    copy = (root / f"out/{other}-bulletin-2012-09.md").read_text(encoding="utf-8")
    assert "报送及时率0.0%" in copy  # the copy has no reports at all


def test_a_bulletin_validate_refuses_is_refused_by_render_with_the_same_finding(
    cli: CLI, tmp_path: Path
) -> None:
    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    write(
        root,
        f"bulletins/{PLAN_ID}/2012-10.yaml",
        bulletin_file(PLAN_ID, "2012-10", "2011-01-01"),
    )
    found = cli("validate", f"bulletins/{PLAN_ID}/2012-10.yaml", cwd=root)
    assert found.exit_code == 1 and "before the period 2012-10 starts" in found.stdout

    result = cli("render", PLAN_FILE, "--as", "bulletin", "--period", "2012-10", cwd=root)

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"bulletins/{PLAN_ID}/2012-10.yaml:4:7" in result.stderr
    assert "before the period 2012-10 starts" in result.stderr


def test_a_refused_report_is_named_not_silently_counted_as_missing(
    cli: CLI, tmp_path: Path
) -> None:
    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    report = sorted((root / "reports" / PLAN_ID / "2012-09").glob("*.yaml"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "bad: [\n", encoding="utf-8")

    result = cli(
        "render", PLAN_FILE, "--as", "bulletin", "--period", "2012-09", "-f", "md", cwd=root
    )

    assert result.exit_code == 0, result.stderr
    assert f"{report.name}" in result.stderr and "(left out)" in result.stderr


@pytest.mark.parametrize(
    ("number", "rule", "said"),
    [
        ("乱写的文号", "doc-number-format", "乱写的文号"),
        ("肇府督[2013]1号", "doc-number-format", "肇府督〔2013〕1号"),
        ("肇府督〔2012〕1号", "doc-number-year", "肇府督〔2013〕1号"),
    ],
)
def test_a_bulletin_doc_number_is_checked_as_a_notice_s(
    cli: CLI, tmp_path: Path, number: str, rule: str, said: str
) -> None:
    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    december = root / "bulletins" / PLAN_ID / "2012-12.yaml"
    text = december.read_text(encoding="utf-8")
    december.write_text(text.replace("肇府督〔2013〕1号", number), encoding="utf-8")

    result = cli("validate", f"bulletins/{PLAN_ID}/2012-12.yaml", cwd=root)

    assert result.exit_code == 1
    assert f"bulletins/{PLAN_ID}/2012-12.yaml:4:13" in result.stdout and rule in result.stdout
    assert said in result.stdout


def test_a_bulletin_before_the_first_reporting_period_is_refused(cli: CLI, tmp_path: Path) -> None:
    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    write(
        root,
        f"bulletins/{PLAN_ID}/2011-12.yaml",
        bulletin_file(PLAN_ID, "2011-12", "2012-01-10"),
    )

    found = cli("validate", f"bulletins/{PLAN_ID}/2011-12.yaml", cwd=root)
    result = cli("render", PLAN_FILE, "--as", "bulletin", "--period", "2011-12", cwd=root)

    assert found.exit_code == 1 and "before the plan's first reporting period" in found.stdout
    assert result.exit_code == 1 and "before the plan's first reporting period" in result.stderr


@pytest.mark.parametrize(
    "document", [("--as", "ledger"), ("--as", "bulletin", "--period", "2012-09")]
)
def test_the_registry_and_the_calendar_alone_are_no_plans(
    cli: CLI, repository: Path, document: tuple[str, ...]
) -> None:
    result = cli("render", "plans/units.yaml", "plans/calendar.yaml", *document, cwd=repository)
    assert result.exit_code == 2
    assert "this is the unit registry, not a plan" in result.stderr


def test_several_bulletins_are_refused_before_the_first_is_written(
    cli: CLI, tmp_path: Path
) -> None:
    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    other = with_a_copy_of_the_plan(root)
    (root / "out" / f"{other}-bulletin-2012-09.md").mkdir(parents=True)  # in the way

    result = cli(
        "render", PLAN_FILE, f"plans/{other}.yaml", "--as", "bulletin", "--period", "2012-09",
        "-f", "md", "-o", "out/", cwd=root,
    )  # fmt: skip

    assert result.exit_code == 2
    assert sorted(path.name for path in (root / "out").iterdir()) == [
        f"{other}-bulletin-2012-09.md"
    ]
