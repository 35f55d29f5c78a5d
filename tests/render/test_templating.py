"""Templates: repository overrides, --template files, strictness, escaping and the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup, escape

from planctl.errors import UsageError
from planctl.render import render
from planctl.render.templating import TemplateError, Templates, builtin_names


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_built_in_templates_are_shipped_and_listed() -> None:
    assert {
        "notice.html.j2",
        "table.html.j2",
        "units.html.j2",
        "notice.md.j2",
        "table.md.j2",
        "units.md.j2",
    } <= set(builtin_names())


def test_a_repository_template_overrides_the_built_in_one_by_name(plan_repository: Path) -> None:
    write(plan_repository / "templates" / "table.md.j2", "自定义：{{ doc.title }}\n")
    target = plan_repository / "out.md"
    render(
        plan_repository / "plans" / "zhaoqing-2012-prd-workplan.yaml",
        document="table",
        fmt="md",
        output=target,
    )
    assert target.read_text(encoding="utf-8") == (
        "自定义：肇庆市实施《珠三角规划纲要》2012年工作计划责任分工表\n"
    )


def test_an_override_can_extend_the_built_in_base(plan_repository: Path) -> None:
    write(
        plan_repository / "templates" / "table.html.j2",
        '{% extends "_tables.html.j2" %}{% block tables %}<p>{{ doc.title }}</p>'
        "{{ super() }}{% endblock %}",
    )
    target = plan_repository / "out.html"
    render(
        plan_repository / "plans" / "zhaoqing-2012-prd-workplan.yaml",
        document="table",
        fmt="html",
        output=target,
    )
    html = target.read_text(encoding="utf-8")
    assert "<p>肇庆市实施《珠三角规划纲要》2012年工作计划责任分工表</p>" in html
    assert '<th scope="col">序号</th>' in html


def test_a_template_file_named_on_the_command_line(tmp_path: Path) -> None:
    template = write(tmp_path / "mine" / "web.html.j2", "<h1>{{ notice.title_lines | join }}</h1>")
    assert Templates(None, str(template)).render("notice.html.j2", {"notice": _Notice()}) == (
        "<h1>&lt;通知&gt;</h1>"
    )


def test_an_undefined_name_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    template = write(tmp_path / "broken.md.j2", "第一行\n{{ doc.no_such_field }}\n")
    with pytest.raises(TemplateError) as caught:
        Templates(None, str(template)).render("table.md.j2", {"doc": _Notice()})
    assert caught.value.where == f"{template.resolve()}:2"
    assert "no_such_field" in caught.value.message


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    template = write(tmp_path / "broken.html.j2", "<p>\n\n{% if %}\n")
    with pytest.raises(TemplateError) as caught:
        Templates(None, str(template)).render("notice.html.j2", {})
    assert caught.value.where.endswith("broken.html.j2:3")
    assert "syntax" in caught.value.message


def test_user_templates_run_in_the_sandbox(tmp_path: Path) -> None:
    template = write(
        tmp_path / "evil.html.j2", "{{ notice.__class__.__mro__[1].__subclasses__() }}"
    )
    with pytest.raises(TemplateError, match=r"unsafe operation.*'__class__'") as caught:
        Templates(None, str(template)).render("notice.html.j2", {"notice": _Notice()})
    assert caught.value.where.endswith("evil.html.j2:1")


def test_a_template_must_make_the_format_asked_for(tmp_path: Path) -> None:
    template = write(tmp_path / "page.md.j2", "x")
    with pytest.raises(UsageError, match="does not make html output"):
        Templates(None, str(template)).render("notice.html.j2", {})


def test_an_unknown_template_name_lists_the_built_in_ones() -> None:
    with pytest.raises(UsageError) as caught:
        Templates(None, "nothing.html.j2").render("notice.html.j2", {})
    assert "notice.html.j2" in caught.value.hint


class _Notice:
    title_lines = ("<通知>",)


HOSTILE = (
    "中文，无需转义",
    "<script>alert('x')</script> & \"quoted\"",
    "a > b",
    Markup("<em>已标记安全</em>"),
    Markup("<em>") + "<b>",
    7,
    -3,
    True,
    None,
    1.5,
)


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_every_value_an_html_template_outputs_is_escaped_as_markupsafe_escapes_it(
    tmp_path: Path, value: object
) -> None:
    template = write(
        tmp_path / "t.html.j2",
        "{% macro cell(v) %}<td>{{ v }}</td>{% endmacro %}"
        "{% set captured %}<i>{{ value }}</i>{% endset %}"
        "{{ value }}|{{ cell(value) }}|{{ captured }}|{{ value ~ '<' }}",
    )
    out = Templates(choice=str(template)).render("t.html.j2", {"value": value})
    once = escape(value)
    assert out == f"{once}|<td>{once}</td>|<i>{once}</i>|{once + '<'}"


def test_an_autoescape_block_turned_off_outputs_as_written(tmp_path: Path) -> None:
    template = write(
        tmp_path / "t.html.j2",
        "{% autoescape false %}{{ value }}{% endautoescape %}|{{ value }}",
    )
    out = Templates(choice=str(template)).render("t.html.j2", {"value": "<b>"})
    assert out == "<b>|&lt;b&gt;"
