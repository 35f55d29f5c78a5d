"""Templates: the one place planctl builds a Jinja environment.

- Names are looked up in a plan repository's own `templates/` first, then in the
  built-in templates shipped with planctl, so a repository overrides a template by
  giving its file the same name. `--template` names one template, or a file anywhere.
- Undefined names are errors (StrictUndefined), never blanks in an official document.
- HTML and XML templates escape every value; Markdown templates escape every value
  for Markdown (see `planctl.render.markup`).
- Templates that are not planctl's own (a repository's, or a file named on the
  command line) run in Jinja's sandbox.
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
import jinja2.exceptions
import jinja2.sandbox

from planctl import resources
from planctl.errors import PlanctlError, TemplateError, UsageError
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
            raise UsageError(f"{default_name} is not an HTML or Markdown template")
        folders, name = self._search(default_name)
        if kind_of(name) != kind:
            raise UsageError(
                f"template {name} does not make {kind} output",
                where="--template",
                hint=f"name a {_SUFFIXES[kind][0]} template",
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
                    "no such template file",
                    where=self.choice,
                    hint="name a template file, or a template by its name",
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
    factory = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
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
            f"no template named {missing}",
            where=", ".join(str(f) for f in folders),
            hint=f"built-in templates: {', '.join(builtin_names())}",
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"template syntax error: {error.message}",
            where=f"{error.filename or error.name}:{error.lineno}",
            hint="fix the template",
        ) from None


def _located(error: Exception, filename: str) -> TemplateError:
    """Name the template file and line a rendering error comes from."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"template syntax error: {error.message}",
            where=f"{error.filename or filename}:{error.lineno}",
            hint="fix the template",
        )
    where = filename
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(_TEMPLATE_SUFFIXES):
            where = f"{frame.filename}:{frame.lineno}"
            break
    what = "unsafe operation" if isinstance(error, jinja2.exceptions.SecurityError) else "error"
    return TemplateError(
        f"template {what}: {error}",
        where=where,
        hint="fix the template (the sandbox allows no access to internals)"
        if what == "unsafe operation"
        else "fix the template",
    )


_TEMPLATE_SUFFIXES = (".j2", ".html", ".htm", ".xml", ".md", ".css", ".jinja", ".svg")
