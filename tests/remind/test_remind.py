"""`planctl remind`: what each unit is told, in text, Markdown, JSON and mail drafts, and
which step of the escalation ladder applies (the repository is described in conftest)."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from planctl.remind import parse_within

from ..conftest import CLI

FGJ = """\
致：市发展改革局

截至2023年7月10日，贵单位承担的工作任务和进展报送有以下事项，请抓紧办理：

一、逾期未完成（1项）
1. 推进重点项目建设（《示例市2023年重点工作计划》，完成时限2023年6月底前，已逾期10天）

督办措施：专函督办（连续2期亮黄灯或红灯：推进重点项目建设）

示例市人民政府督查室
2023年7月10日"""

CZJ = """\
致：市财政局

截至2023年7月10日，贵单位承担的工作任务和进展报送有以下事项，请抓紧办理：

一、未按期报送进展（2期）
1. 《示例市2023年重点工作计划》2023年5月进展，应于2023年6月5日前报送，尚未报送
2. 《示例市2023年重点工作计划》2023年6月进展，应于2023年7月5日前报送，尚未报送

请于2023年7月13日前补报未报送的进展情况。
督办措施：通报提醒（连续2期未报送进展：示例市2023年重点工作计划）

示例市人民政府督查室
2023年7月10日"""

JTJ = """\
致：市交通运输局

截至2023年7月10日，贵单位承担的工作任务和进展报送有以下事项，请抓紧办理：

一、临近完成时限（7天内，1项）
1. 完善交通路网（《示例市2023年重点工作计划》，完成时限2023年7月15日前，还有5天）

二、未按期报送进展（1期）
1. 《示例市2023年重点工作计划》2023年5月进展，应于2023年6月5日前报送，尚未报送

请于2023年7月13日前补报未报送的进展情况。

示例市人民政府督查室
2023年7月10日"""

HBJ = """\
致：市生态环境局

截至2023年7月10日，贵单位承担的工作任务和进展报送有以下事项，请抓紧办理：

一、亮灯事项（1项）
1. 优化营商环境（《示例市2023年重点工作计划》，完成时限2023年12月底前，黄灯）

督办措施：专函督办（连续2期亮黄灯或红灯：优化营商环境）

示例市人民政府督查室
2023年7月10日"""


def test_each_unit_gets_one_block_to_paste_into_a_messenger(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-07-10", cwd=office)

    assert result.exit_code == 0, result.stderr
    assert result.stdout == "\n\n".join([FGJ, CZJ, JTJ, HBJ]) + "\n"


def test_one_unit_and_a_wider_window_bring_the_next_report(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-07-10", "--unit", "市发改局", "--within", "4w",
                 cwd=office)  # fmt: skip

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("致：市发展改革局\n")
    # The July report is due on 5 August, a Saturday: the Monday after.
    assert "1. 《示例市2023年重点工作计划》2023年7月进展，请于2023年8月7日前报送" in result.stdout
    assert "请于2023年8月7日前报送本期进展情况。" in result.stdout
    assert "致：市财政局" not in result.stdout


def test_two_red_periods_running_climb_to_the_top_of_the_ladder(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-08-10", "--unit", "市发展改革局", cwd=office)

    assert "督办措施：约谈提醒（连续2期亮红灯：推进重点项目建设）" in result.stdout
    assert "已逾期41天" in result.stdout


def test_a_unit_with_nothing_due_is_left_out_unless_asked_for(cli: CLI, office: Path) -> None:
    everyone = cli("remind", "--as-of", "2023-05-10", cwd=office)
    asked = cli("remind", "--as-of", "2023-05-10", "--unit", "市生态环境局", cwd=office)

    assert everyone.exit_code == 0
    assert "致：市生态环境局" not in everyone.stdout
    assert "贵单位没有临期、逾期或未报送的事项" in asked.stdout


def test_markdown_marks_the_addressee_and_the_headings(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-07-10", "--format", "md", cwd=office)

    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n---\n\n")
    assert len(blocks) == 4
    assert blocks[0].startswith("**致：市发展改革局**\n")
    assert "**一、逾期未完成（1项）**\n1. 推进重点项目建设" in blocks[0]


def test_json_carries_every_item_for_scripts(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-07-10", "--format", "json", cwd=office)

    data = json.loads(result.stdout)
    assert data["format"] == "planctl-remind/1"
    assert data["as_of"] == "2023-07-10"
    assert data["within"] == 7
    by_unit = {unit["unit"]: unit for unit in data["units"]}
    assert list(by_unit) == ["市发展改革局", "市财政局", "市交通运输局", "市生态环境局"]
    assert by_unit["市发展改革局"]["overdue"] == [
        {
            "plan": "remind-2023",
            "task": "projects",
            "number": "1",
            "title": "推进重点项目建设",
            "milestone": None,
            "light": "red",
            "deadline": "2023-06-30",
            "deadline_words": "2023年6月底前",
            "days_left": -10,
        }
    ]
    assert by_unit["市财政局"]["unreported"] == [
        {"plan": "remind-2023", "period": "2023-05", "due": "2023-06-05"},
        {"plan": "remind-2023", "period": "2023-06", "due": "2023-07-05"},
    ]
    assert by_unit["市财政局"]["escalation"] == {
        "when": "missing",
        "periods": 2,
        "action": "通报提醒",
        "because": ["示例市2023年重点工作计划"],
    }
    assert by_unit["市财政局"]["reply_by"] == "2023-07-13"
    assert data["without_address"] == ["市生态环境局"]


def test_eml_drafts_one_per_unit_in_utf_8(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-07-10", "--format", "eml", "-o", "催报", cwd=office)

    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in (office / "催报").iterdir())
    assert names == sorted(
        f"{u}.eml" for u in ("市发展改革局", "市财政局", "市交通运输局", "市生态环境局")
    )
    raw = (office / "催报" / "市财政局.eml").read_bytes()
    assert b"\r\n" in raw  # RFC 5322 line ends
    message = message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "关于市财政局督办事项的提醒（截至2023年7月10日）"
    assert message["To"].addresses[0].addr_spec == "czj@example.gov.cn"
    assert message["X-Unsent"] == "1"
    body = message.get_body()
    assert body is not None and body.get_content_charset() == "utf-8"
    assert body.get_content() == CZJ + "\n"
    # A unit without an address gets a draft without a recipient, and is named.
    draft = message_from_bytes((office / "催报" / "市生态环境局.eml").read_bytes())
    assert draft["To"] is None
    assert "no address for 市生态环境局 in [remind.contacts]" in result.stderr


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ('[[remind.escalation]]\nwhen = "blue"\nperiods = 2\naction = "专函督办"\n', "when"),
        ('[[remind.escalation]]\nwhen = "red"\nperiods = 0\naction = "专函督办"\n', "periods"),
        ('[[remind.escalation]]\nwhen = "red"\nperiods = 1\n', "action"),
        ('[[remind.escalation]]\nwhen = "red"\nafter = 1\naction = "x"\n', "after"),
        ('[remind]\nwithin = "soon"\n', "within"),
        ('[remind.contacts]\n"市财政局" = "czj"\n', "市财政局"),
        ('[remind.contacts]\n"市财政局" = "a@b@c"\n', "市财政局"),
        ('[remind.contacts]\n"市财政局" = "czj@example.gov.cn, x@example.org"\n', "市财政局"),
        ('[remind.contacts]\n"市财政局" = "czj@example.gov.cn\\r\\nBcc: x@e.org"\n', "市财政局"),
        ('[remind.contacts]\n"市财政局" = "财政局 czj@example.gov.cn"\n', "市财政局"),
        ("[smtp]\nport = 70000\n", "port"),
        ('[smtp]\nsender = "dcs@ex ample"\n', "sender"),
        ("[smtp]\ntimeout = 0\n", "timeout"),
        ("[remind]\nwithin = 3000000\n", "within"),
        ("[remind]\nreply_days = 99999999999\n", "reply_days"),
        ('[[remind.escalation]]\nwhen = "red"\nperiods = 99999999\naction = "x"\n', "periods"),
        ("tracking = 5\n", "[tracking]"),
        ("[tracking]\nwarn_days = 3000000\n", "warn_days"),
        ('[remind]\nsubject = "{unit:>99999999999}"\n', "subject"),
        ('[remind]\nsubject = "{unit.__class__}"\n', "subject"),
        ('[remind]\nsubject = "关于{unit"\n', "subject"),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_file_and_key(
    cli: CLI, office: Path, setting: str, key: str
) -> None:
    (office / "planctl.toml").write_text(setting, encoding="utf-8")

    result = cli("remind", "--as-of", "2023-07-10", cwd=office)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "planctl.toml" in result.stderr
    assert key in result.stderr


@pytest.mark.parametrize(
    ("arguments", "where"),
    [
        (("--as-of", "2023-02-30"), "--as-of"),
        (("--as-of", "9999-12-30"), "--as-of"),
        (("--within", "soon"), "--within"),
        (("--format", "eml"), "--format"),
        (("-o", "out"), "--output"),
        (("--format", "pdf"), "--format"),
        (("--unit", "市发展改革委"), "--unit"),
    ],
)
def test_bad_options_are_one_line(
    cli: CLI, office: Path, arguments: tuple[str, ...], where: str
) -> None:
    result = cli("remind", "--as-of", "2023-07-10", *arguments, cwd=office)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert where in result.stderr


@pytest.mark.parametrize(
    ("text", "days"), [("7", 7), ("7d", 7), ("2w", 14), ("10天", 10), ("1周", 7)]
)
def test_within_takes_days_or_weeks(text: str, days: int) -> None:
    assert parse_within(text) == days


def test_the_guide_shows_what_the_command_prints() -> None:
    from ..conftest import ROOT

    guide = (ROOT / "docs" / "supervision.md").read_text(encoding="utf-8")
    shown = "\n".join(f"  {line}".rstrip() for line in CZJ.split("\n"))
    assert shown in guide


def test_a_report_the_gate_refuses_is_named_and_counts_as_missing(cli: CLI, office: Path) -> None:
    broken = office / "reports" / "remind-2023" / "2023-05" / "市交通运输局.yaml"
    broken.write_text("format: planctl-report/1\nplan: remind-2023\nplan: again\n")

    result = cli("remind", "--as-of", "2023-07-10", "--unit", "市交通运输局", cwd=office)

    assert result.exit_code == 0
    assert "市交通运输局.yaml" in result.stderr
    assert "the file is left out" in result.stderr
    assert "2023年5月进展，应于2023年6月5日前报送，尚未报送" in result.stdout


def test_milestones_count_until_a_report_says_they_are_done(cli: CLI, office: Path) -> None:
    plan = office / "plans" / "remind-2023.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "    due: 2023-12\n",
            "    due: 2023-12\n    milestones:\n"
            "      - {id: m1, due: 2023-06, text: 梳理政务服务事项}\n"
            "      - {id: m2, due: 2023-07-14, text: 上线一网通办平台}\n",
        ),
        encoding="utf-8",
    )
    before = cli("remind", "--as-of", "2023-07-10", "--unit", "市生态环境局", cwd=office)
    report = office / "reports" / "remind-2023" / "2023-06" / "市生态环境局.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").rstrip("}\n")
        + ", milestones: [{id: m1, done: 2023-06-20}]}\n",
        encoding="utf-8",
    )
    after = cli("remind", "--as-of", "2023-07-10", "--unit", "市生态环境局", cwd=office)

    plan_title = "《示例市2023年重点工作计划》"
    overdue = f"1. 优化营商环境：阶段目标“梳理政务服务事项”（{plan_title}，时限2023年6月底前，"
    overdue += "已逾期10天）"
    near = (
        f"1. 优化营商环境：阶段目标“上线一网通办平台”（{plan_title}，时限2023年7月14日前，还有4天）"
    )
    assert before.exit_code == 0, before.stderr
    assert overdue in before.stdout
    assert near in before.stdout
    assert "亮灯事项" not in before.stdout  # the milestones say why the task is lit
    assert overdue not in after.stdout
    assert near in after.stdout


@pytest.mark.parametrize("target", ["planctl.toml", "plans/units.yaml", "plans/remind-2023.yaml"])
def test_a_draft_never_goes_through_a_link_over_a_file_it_read(
    cli: CLI, office: Path, target: str
) -> None:
    before = (office / target).read_bytes()
    (office / "催报").mkdir()
    (office / "催报" / "市财政局.eml").symlink_to(office / target)

    result = cli("remind", "--as-of", "2023-07-10", "--format", "eml", "-o", "催报", cwd=office)

    assert result.exit_code == 2
    assert "a file the command is reading" in result.stderr
    assert (office / target).read_bytes() == before
    assert [path.name for path in (office / "催报").iterdir()] == ["市财政局.eml"]  # no other


def test_a_draft_folder_linked_out_of_the_repository_is_refused(
    cli: CLI, office: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (office / "催报").symlink_to(elsewhere)

    result = cli("remind", "--as-of", "2023-07-10", "--format", "eml", "-o", "催报", cwd=office)

    assert result.exit_code == 2
    assert "a link leads this write out of" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_units_whose_names_make_one_file_name_get_a_draft_each(tmp_path: Path) -> None:
    from email.message import EmailMessage

    from planctl.remind.mail import Draft, write_drafts

    def draft(unit: str) -> Draft:
        message = EmailMessage()
        message["Subject"] = f"关于{unit}督办事项的提醒"
        message.set_content(unit)
        return Draft(unit, None, str(message["Subject"]), message)

    written = write_drafts([draft("甲/乙局"), draft("甲:乙局"), draft("甲_乙局")], tmp_path)

    assert [path.name for path in written] == ["甲_乙局.eml", "甲_乙局-2.eml", "甲_乙局-3.eml"]
    bodies = [message_from_bytes(path.read_bytes(), policy=policy.default) for path in written]
    assert [body.get_content().strip() for body in bodies] == ["甲/乙局", "甲:乙局", "甲_乙局"]


def test_an_empty_window_is_refused_not_taken_for_the_default(cli: CLI, office: Path) -> None:
    result = cli("remind", "--as-of", "2023-07-10", "--within", "", cwd=office)

    assert result.exit_code == 2
    assert "--within" in result.stderr


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("[tracking]\nwarning_days = 15\n", "[tracking] warning_days must be one of"),
        ("[remind]\nwithn = 7\n", "[remind] withn must be one of"),
        ("[mail]\nhost = 'x'\n", "[mail] must be one of [tracking], [remind], [smtp], [urge]"),
        ("[urge]\nreply_days = 100000\n", "[urge] reply_days must be"),
    ],
)
def test_a_misspelt_setting_is_an_error_not_ignored(
    cli: CLI, office: Path, setting: str, said: str
) -> None:
    (office / "planctl.toml").write_text(setting, encoding="utf-8")

    result = cli("remind", "--as-of", "2023-07-10", cwd=office)

    assert result.exit_code == 2
    assert said in result.stderr


def test_an_internationalised_domain_is_written_in_ascii_in_the_draft(
    cli: CLI, office: Path
) -> None:
    settings = office / "planctl.toml"
    text = settings.read_text(encoding="utf-8").replace("czj@example.gov.cn", "czj@财政局.政务.cn")
    settings.write_text(text, encoding="utf-8")

    result = cli("remind", "--as-of", "2023-07-10", "--format", "eml", "-o", "催报", cwd=office)

    assert result.exit_code == 0, result.stderr
    raw = (office / "催报" / "市财政局.eml").read_bytes()
    message = message_from_bytes(raw, policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "czj@" + "财政局.政务.cn".encode("idna").decode()
    to = next(line for line in raw.split(b"\r\n") if line.startswith(b"To:"))
    assert b"<czj@xn--" in to  # an encoded word is no part of an address (RFC 5322)
