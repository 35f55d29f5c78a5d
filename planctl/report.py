"""What every command's output is made of: one output contract for the whole tool.

- `Formats`, the registry each command's `--format` choices come from: a name for each
  format and the function writing it, imported on first use (heavy writers load only
  when chosen). Every command's formats are one of these.
- `Rendered`, what a format function returns: text printed as it is, or styled lines
  (`Span`s) the terminal may colour; without colour, inserted and deleted text is marked
  the way `git diff --word-diff` does: `[-删去的-]{+新加的+}`.
- `envelope`, the one JSON envelope: `{"format": "planctl-<kind>/<version>", ...}`, so a
  script knows what it reads and which version of it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, NamedTuple, TypeAlias, TypeVar

from planctl.errors import UsageError
from planctl.i18n import _

In = TypeVar("In")
Out = TypeVar("Out")


class Span(NamedTuple):
    """A run of output text and its role: plan, section, task, label, meta, insert,
    delete, commit, error, warning, where, dim (the terminal decides what each looks like)."""

    text: str
    style: str | None = None


StyledLine: TypeAlias = tuple[Span, ...]
Rendered: TypeAlias = str | Sequence[StyledLine]

PLAIN_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def plain(line: StyledLine) -> str:
    """A styled line as plain text, inserted and deleted text marked."""
    parts = []
    for text, style in line:
        opening, closing = PLAIN_MARKS.get(style or "", ("", ""))
        parts.append(f"{opening}{text}{closing}")
    return "".join(parts)


def plain_text(rendered: Rendered) -> str:
    """Any format's output as plain text."""
    if isinstance(rendered, str):
        return rendered
    return "".join(plain(line) + "\n" for line in rendered)


def envelope(kind: str, version: int, **body: Any) -> dict[str, Any]:
    """The JSON envelope of every machine-readable output: its format first, then `body`."""
    return {"format": f"planctl-{kind}/{version}", **body}


def json_text(kind: str, version: int, **body: Any) -> str:
    """`envelope` as indented JSON text, Chinese kept readable."""
    return json.dumps(envelope(kind, version, **body), ensure_ascii=False, indent=2) + "\n"


class Formats(Generic[In, Out]):
    """A command's output formats by name: `--format`'s choices and the function for each.

    `entries` maps each name to "module:function" under `package`; the module is imported
    when the format is first used.
    """

    def __init__(self, package: str, entries: Mapping[str, str]) -> None:
        self.package = package
        self.entries = dict(entries)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def check(self, name: str, *, option: str = "--format", extra: Sequence[str] = ()) -> None:
        """Refuse a name that is not one of the formats (or of `extra` choices)."""
        if name not in self.entries and name not in extra:
            choices = ", ".join((*extra, *self.entries))
            raise UsageError(
                _("unknown format {name}").format(name=repr(name)),
                where=option,
                hint=_("use one of: {choices}").format(choices=choices),
            )

    def get(self, name: str) -> Callable[[In], Out]:
        """The function writing format `name` (checked first with `check`)."""
        self.check(name)
        module_name, function = self.entries[name].split(":")
        module = importlib.import_module(f"{self.package}.{module_name}")
        found: Callable[[In], Out] = getattr(module, function)
        return found
