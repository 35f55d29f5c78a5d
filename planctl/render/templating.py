"""Templates: the one place planctl builds a Jinja environment.

- Names are looked up in a plan repository's own `templates/` first, then in the
  built-in templates shipped with planctl, so a repository overrides a template by
  giving its file the same name. `--template` names one template, or a file anywhere.
- Undefined names are errors (StrictUndefined), never blanks in an official document.
- HTML and XML templates escape every value; Markdown templates escape every value
  for Markdown (see `planctl.render.markup`).
- Templates that are not planctl's own (a repository's, or a file named on the
  command line) run in Jinja's sandbox.
- A value output in an escaping template is escaped by `escape_output`: markupsafe's
  escaping, with text that holds nothing to escape passed on as it is (a large site
  outputs millions of values, most of them Chinese text).
- A template error becomes a `PlanctlError` naming the template file and line.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.compiler
import jinja2.exceptions
import jinja2.sandbox
import markupsafe

from planctl import resources
from planctl.errors import PlanctlError, TemplateError, UsageError
from planctl.i18n import _, pgettext
from planctl.render import markup

Kind = Literal["html", "markdown"]

_SUFFIXES: dict[Kind, tuple[str, ...]] = {
    "html": (".html.j2", ".html", ".htm", ".xml.j2", ".xml"),
    "markdown": (".md.j2", ".md"),
}
_ESCAPED_SUFFIXES = (".html.j2", ".html", ".htm", ".xml.j2", ".xml", ".svg.j2", ".svg")


@dataclass(frozen=True)
class Templates:
    """Where templates come from for one render.

    `repository_dir` is the plan repository's `templates/` folder (if any); `choice` is
    what `--template` named: a template name, or the path of a template file.
    """

    repository_dir: Path | None = None
    choice: str | None = None

    def render(self, default_name: str, context: Mapping[str, Any]) -> str:
        """Render the chosen template, or `default_name`, with `context`."""
        kind = kind_of(default_name)
        if kind is None:
            raise UsageError(
                _("{name} is not an HTML or Markdown template").format(name=default_name)
            )
        folders, name = self._search(default_name)
        if kind_of(name) != kind:
            raise UsageError(
                _("template {name} does not make {kind} output").format(name=name, kind=kind),
                where="--template",
                hint=_("name a {suffix} template").format(suffix=_SUFFIXES[kind][0]),
            )
        sandboxed = folders != (builtin_dir(),)
        environment = _environment(kind, folders, sandboxed)
        template = _load(environment, name, folders)
        try:
            return template.render(context)
        except PlanctlError:
            raise
        except Exception as error:
            raise _located(error, template.filename or name) from None

    def _search(self, default_name: str) -> tuple[tuple[Path, ...], str]:
        folders: list[Path] = []
        name = default_name
        if self.choice and _is_path(self.choice):
            path = Path(self.choice)
            if not path.is_file():
                raise UsageError(
                    _("no such template file"),
                    where=self.choice,
                    hint=_("name a template file, or a template by its name"),
                )
            folders.append(path.resolve().parent)
            name = path.name
        elif self.choice:
            name = self.choice
        if self.repository_dir is not None and self.repository_dir.is_dir():
            folders.append(self.repository_dir)
        folders.append(builtin_dir())
        return tuple(dict.fromkeys(folders)), name


def builtin_dir() -> Path:
    return resources.data_dir("templates")


def kind_of(name: str) -> Kind | None:
    for kind, suffixes in _SUFFIXES.items():
        if name.endswith(suffixes):
            return kind
    return None


def builtin_names() -> list[str]:
    """The built-in templates a user may name or override."""
    return sorted(p.name for p in builtin_dir().iterdir() if kind_of(p.name) and p.is_file())


def _is_path(choice: str) -> bool:
    return "/" in choice or "\\" in choice or Path(choice).is_file()


def escape_output(value: Any) -> Any:
    """A value output by an escaping template, as markupsafe escapes it: text with none of
    the five characters HTML escapes, and whole numbers, come out as they are (the same
    text markupsafe would give, without making a `Markup` of it); anything else, `Markup`
    included, goes through `markupsafe.escape`."""
    kind = type(value)
    if kind is str:
        # The five characters markupsafe escapes, each a scan in C (a generator or a
        # regular expression costs more than the escaping it would spare).
        if not ("&" in value or "<" in value or ">" in value or "'" in value or '"' in value):
            return value
    elif kind is int:
        return str(value)
    return markupsafe.escape(value)


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles what an escaping template outputs to `environment.escape_output(value)`
    instead of markupsafe's `escape(value)`: the same text, several times faster for plain
    text. Output is joined as text, or marked safe as a whole where it is captured (a
    macro, a block set), so a value passed on as `str` is never escaped twice nor lost."""

    def _output_child_pre(
        self,
        node: jinja2.nodes.Expr,
        frame: jinja2.compiler.Frame,
        finalize: Any,
    ) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.escape_output(")
        if finalize.src is not None:
            self.write(finalize.src)


class _EscapingOutput:
    """What an environment needs for `_CodeGenerator`'s code."""

    code_generator_class: type[jinja2.compiler.CodeGenerator] = _CodeGenerator
    escape_output = staticmethod(escape_output)


class _Environment(_EscapingOutput, jinja2.Environment):
    pass


class _SandboxedEnvironment(_EscapingOutput, jinja2.sandbox.SandboxedEnvironment):
    pass


@cache
def _environment(kind: Kind, folders: tuple[Path, ...], sandboxed: bool) -> jinja2.Environment:
    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader([str(folder) for folder in folders]),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "autoescape": _autoescape if kind == "html" else False,
    }
    if kind == "markdown":
        options["finalize"] = markup.escape
    factory = _SandboxedEnvironment if sandboxed else _Environment
    environment = factory(**options)
    environment.filters.update(
        md_cell=markup.cell, md_heading=markup.heading, md_align=markup.alignment
    )
    return environment


def _autoescape(name: str | None) -> bool:
    return name is None or name.endswith(_ESCAPED_SUFFIXES)


def _load(environment: jinja2.Environment, name: str, folders: tuple[Path, ...]) -> jinja2.Template:
    try:
        return environment.get_template(name)
    except jinja2.TemplateNotFound as error:
        missing = error.name or name
        raise UsageError(
            _("no template named {name}").format(name=missing),
            where=", ".join(str(f) for f in folders),
            hint=_("built-in templates: {names}").format(
                names=pgettext("list separator", ", ").join(builtin_names())
            ),
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            _("template syntax error: {reason}").format(reason=error.message),
            where=f"{error.filename or error.name}:{error.lineno}",
            hint=_("fix the template"),
        ) from None


def _located(error: Exception, filename: str) -> TemplateError:
    """Name the template file and line a rendering error comes from."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return TemplateError(
            _("template syntax error: {reason}").format(reason=error.message),
            where=f"{error.filename or filename}:{error.lineno}",
            hint=_("fix the template"),
        )
    where = filename
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(_TEMPLATE_SUFFIXES):
            where = f"{frame.filename}:{frame.lineno}"
            break
    if isinstance(error, jinja2.exceptions.SecurityError):
        return TemplateError(
            _("template unsafe operation: {reason}").format(reason=error),
            where=where,
            hint=_("fix the template (the sandbox allows no access to internals)"),
        )
    return TemplateError(
        _("template error: {reason}").format(reason=error), where=where, hint=_("fix the template")
    )


_TEMPLATE_SUFFIXES = (".j2", ".html", ".htm", ".xml", ".md", ".css", ".jinja", ".svg")
