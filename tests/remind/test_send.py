"""`planctl remind --send` against a real SMTP server on 127.0.0.1: the messages arrive
with their recipients, subjects and UTF-8 bodies; nothing is sent without --send; a
refused connection or login is one line, exit 2, naming what was not sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import CLI
from .conftest import PASSWORD, USER, Inbox

AS_OF = ("--as-of", "2023-07-10")


def use_server(office: Path, settings: str) -> None:
    path = office / "planctl.toml"
    path.write_text(path.read_text(encoding="utf-8") + settings, encoding="utf-8")


def test_send_delivers_each_unit_its_reminder(cli: CLI, office: Path, smtp_server: Inbox) -> None:
    use_server(office, smtp_server.settings())

    result = cli("remind", *AS_OF, "--send", cwd=office)

    assert result.exit_code == 0, result.stderr
    received = {tuple(item.recipients): item for item in smtp_server.messages}
    assert set(received) == {
        ("fgj@example.gov.cn",),
        ("czj@example.gov.cn",),
        ("jtj@example.gov.cn",),
    }
    czj = received[("czj@example.gov.cn",)]
    assert czj.sender == "dcs@example.gov.cn"
    assert czj.message["Subject"] == "关于市财政局督办事项的提醒（截至2023年7月10日）"
    assert str(czj.message["To"]) == "市财政局 <czj@example.gov.cn>"
    assert str(czj.message["From"]) == "示例市人民政府督查室 <dcs@example.gov.cn>"
    assert czj.message["X-Unsent"] is None  # a sent message is no draft
    body = czj.message.get_body()
    assert body is not None and body.get_content_charset() == "utf-8"
    assert body.get_content().startswith("致：市财政局\n")
    assert "督办措施：通报提醒" in body.get_content()
    assert "sent to 市财政局 <czj@example.gov.cn>" in result.stdout
    # 市生态环境局 has no address: listed, not failed, not sent.
    assert "no address for 市生态环境局" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [(), ("--format", "eml", "-o", "drafts"), ("--format", "json"), ("--format", "md")],
)
def test_nothing_is_sent_without_send(
    cli: CLI, office: Path, smtp_server: Inbox, arguments: tuple[str, ...]
) -> None:
    use_server(office, smtp_server.settings())

    result = cli("remind", *AS_OF, *arguments, cwd=office)

    assert result.exit_code == 0, result.stderr
    assert smtp_server.messages == []


def test_a_login_server_gets_the_password_from_the_environment(
    cli: CLI, office: Path, smtp_login_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_server(office, smtp_login_server.settings(user=USER, password_env="DCS_MAIL_PASSWORD"))
    monkeypatch.setenv("DCS_MAIL_PASSWORD", PASSWORD)

    result = cli("remind", *AS_OF, "--send", "--unit", "市交通运输局", cwd=office)

    assert result.exit_code == 0, result.stderr
    assert [item.recipients for item in smtp_login_server.messages] == [["jtj@example.gov.cn"]]


def test_a_refused_login_is_one_line_naming_what_was_not_sent(
    cli: CLI, office: Path, smtp_login_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_server(office, smtp_login_server.settings(user=USER, password_env="DCS_MAIL_PASSWORD"))
    monkeypatch.setenv("DCS_MAIL_PASSWORD", "wrong")

    result = cli("remind", *AS_OF, "--send", cwd=office)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "refused the user name or password" in result.stderr
    assert "not sent: 市发展改革局, 市财政局, 市交通运输局" in result.stderr
    assert smtp_login_server.messages == []


def test_a_missing_password_sends_nothing(
    cli: CLI, office: Path, smtp_login_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_server(office, smtp_login_server.settings(user=USER, password_env="DCS_MAIL_PASSWORD"))
    monkeypatch.delenv("DCS_MAIL_PASSWORD", raising=False)

    result = cli("remind", *AS_OF, "--send", cwd=office)

    assert result.exit_code == 2
    assert "DCS_MAIL_PASSWORD" in result.stderr
    assert result.stderr.count("\n") == 1
    assert smtp_login_server.messages == []


def test_a_refused_connection_is_one_line_naming_what_was_not_sent(
    cli: CLI, office: Path, closed_port: int
) -> None:
    use_server(office, Inbox(closed_port).settings())

    result = cli("remind", *AS_OF, "--send", cwd=office)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"127.0.0.1:{closed_port}" in result.stderr
    assert "connection was refused" in result.stderr
    assert "not sent: 市发展改革局, 市财政局, 市交通运输局" in result.stderr


def test_send_without_a_server_setting_says_so(cli: CLI, office: Path) -> None:
    result = cli("remind", *AS_OF, "--send", cwd=office)

    assert result.exit_code == 2
    assert "[smtp] host" in result.stderr


def test_without_a_sender_address_nothing_is_sent(
    cli: CLI, office: Path, smtp_server: Inbox
) -> None:
    use_server(office, smtp_server.settings(sender=""))

    result = cli("remind", *AS_OF, "--send", cwd=office)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "[smtp] sender" in result.stderr
    assert smtp_server.messages == []


@pytest.mark.parametrize(
    ("words", "named", "hint"),
    [
        ("STARTTLS extension not supported by server.", "STARTTLS", "starttls = false"),
        ("SMTP AUTH extension not supported by server.", "SMTP AUTH", "leave [smtp] user out"),
        ("SMTPUTF8 not supported by server", "SMTPUTF8", "ASCII addresses"),
    ],
)
def test_a_server_lacking_an_extension_is_named_for_the_one_it_lacks(
    words: str, named: str, hint: str
) -> None:
    import smtplib

    from planctl.remind.mail import _reason, _reason_hint

    error = smtplib.SMTPNotSupportedError(words)
    assert named in _reason(error)
    assert hint in _reason_hint(error)


def test_a_line_break_in_a_unit_name_never_makes_a_header() -> None:
    from email.message import EmailMessage

    from planctl.remind.mail import header_text

    assert header_text("市财政局\r\nBcc: x@example.org") == "市财政局 Bcc: x@example.org"
    message = EmailMessage()
    message["To"] = header_text("市财政局\r\nBcc: x@example.org")
    assert message["Bcc"] is None
