"""A tracking repository worked out by hand for the reminders, and a real SMTP server on
127.0.0.1 (aiosmtpd) that keeps every message it receives.

The plan reports monthly from May 2023, due by the 5th of the next month. As of
2023-07-10:

- 推进重点项目建设 (市发展改革局 leads, 市财政局 supports), due 2023-06: overdue by 10
  days (red); on 30 June, its last day, it was within the warning days (yellow);
- 完善交通路网 (市交通运输局), due 2023-07-15: 5 days left (yellow);
- 优化营商环境 (市生态环境局), due 2023-12, reported at 25 % in May and June while about
  41 % and 50 % of its time had passed: behind schedule (yellow) at both month ends;
- reports: 市发展改革局 and 市生态环境局 sent May and June, 市交通运输局 June only,
  市财政局 none.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from ..conftest import DATA

PLAN = """\
format: planctl/1
id: remind-2023
title: 示例市2023年重点工作计划
stage: issued
period: {start: 2023-01-01, end: 2023-12-31}
reporting: {cycle: month, due_day: 5, start: 2023-05, supervisor: 示例市人民政府督查室}
tasks:
  - id: projects
    title: 推进重点项目建设
    text: 完成重点项目年度投资计划。
    lead: [市发展改革局]
    support: [市财政局]
    due: 2023-06
  - id: roads
    title: 完善交通路网
    text: 建成环城公路。
    lead: [市交通运输局]
    due: 2023-07-15
  - id: business
    title: 优化营商环境
    text: 推进政务服务“一网通办”。
    lead: [市生态环境局]
    due: 2023-12
"""

SETTINGS = """\
[remind]
sender = "示例市人民政府督查室"

[[remind.escalation]]
when = "yellow"
periods = 2
action = "专函督办"

[[remind.escalation]]
when = "missing"
periods = 2
action = "通报提醒"

[[remind.escalation]]
when = "red"
periods = 2
action = "约谈提醒"

[remind.contacts]
"市发展改革局" = "fgj@example.gov.cn"
"市财政局" = "czj@example.gov.cn"
"市交通运输局" = "jtj@example.gov.cn"
"""


# 国务院办公厅关于2023年部分节假日安排的通知
HOLIDAYS = """\
format: planctl-calendar/1
years:
  - year: 2023
    source: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）
    rest:
      - {from: 2023-01-01, to: 2023-01-02}
      - {from: 2023-01-21, to: 2023-01-27}
      - 2023-04-05
      - {from: 2023-04-29, to: 2023-05-03}
      - {from: 2023-06-22, to: 2023-06-24}
      - {from: 2023-09-29, to: 2023-10-06}
    work: [2023-01-28, 2023-01-29, 2023-04-23, 2023-05-06, 2023-06-25, 2023-10-07, 2023-10-08]
"""


def report(unit: str, month: int, *entries: str) -> str:
    lines = "".join(f"  - {entry}\n" for entry in entries)
    return (
        f"format: planctl-report/1\nplan: remind-2023\nperiod: 2023-{month:02d}\n"
        f"unit: {unit}\nas_of: 2023-{month:02d}-28\ntasks:\n{lines}"
    )


PROJECTS = "{task: projects, status: in_progress, progress: 已开工}"
ROADS = "{task: roads, status: in_progress, percent: 95, progress: 路面施工}"
BUSINESS = "{task: business, status: in_progress, percent: 25, progress: 梳理事项}"
REPORTS = {
    ("市发展改革局", 5): report("市发展改革局", 5, PROJECTS),
    ("市发展改革局", 6): report("市发展改革局", 6, PROJECTS),
    ("市交通运输局", 6): report("市交通运输局", 6, ROADS),
    ("市生态环境局", 5): report("市生态环境局", 5, BUSINESS),
    ("市生态环境局", 6): report("市生态环境局", 6, BUSINESS),
}


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture
def office(tmp_path: Path) -> Path:
    root = tmp_path / "office"
    write(root, "plans/units.yaml", (DATA / "units.yaml").read_text(encoding="utf-8"))
    write(root, "plans/remind-2023.yaml", PLAN)
    write(root, "plans/calendar.yaml", HOLIDAYS)
    write(root, "planctl.toml", SETTINGS)
    for (unit, month), text in REPORTS.items():
        write(root, f"reports/remind-2023/2023-{month:02d}/{unit}.yaml", text)
    return root


# --- a real SMTP server on the loopback address ------------------------------------------


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """What the server received, and what `[smtp]` settings reach it."""

    port: int
    messages: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def settings(self, **more: str | int | bool) -> str:
        values: dict[str, str | int | bool] = {
            "host": "127.0.0.1",
            "port": self.port,
            "starttls": False,
            "sender": "dcs@example.gov.cn",
            "timeout": 10,
            **more,
        }
        lines = [f"{key} = {_toml(value)}" for key, value in values.items()]
        return "\n[smtp]\n" + "\n".join(lines) + "\n"


def _toml(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else f'"{value}"'


class _Keeper:
    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self.inbox.lock:
            self.inbox.messages.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), message)
            )
        return "250 OK"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


USER, PASSWORD = "dcs", "s3cret-口令"


def _authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    good = isinstance(auth_data, LoginPassword) and (
        auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
    )
    return AuthResult(success=good, handled=False)


def _serve(inbox: Inbox, **options: Any) -> Iterator[Inbox]:
    # Our own event loop, closed after: the controller leaves the one it makes open.
    loop = asyncio.new_event_loop()
    controller = Controller(
        _Keeper(inbox), hostname="127.0.0.1", port=inbox.port, loop=loop, **options
    )
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
        loop.close()


@pytest.fixture
def smtp_server() -> Iterator[Inbox]:
    """An SMTP server on 127.0.0.1 at a free port, without login."""
    yield from _serve(Inbox(_free_port()))


@pytest.fixture
def smtp_login_server() -> Iterator[Inbox]:
    """An SMTP server offering a login (plain text allowed: it is on this computer),
    refusing any but USER with PASSWORD."""
    yield from _serve(
        Inbox(_free_port()),
        authenticator=_authenticator,
        auth_require_tls=False,
    )


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on."""
    return _free_port()
