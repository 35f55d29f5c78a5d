"""One kind of problem, with a place: every check in planctl reports a `Finding`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


JsonPath = tuple[str | int, ...]


def json_path_text(path: JsonPath) -> str:
    """`("sections", 0, "tasks", 2)` -> `$.sections[0].tasks[2]`."""
    parts = ["$"]
    for step in path:
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(parts)


def place(file: str, line: int, column: int) -> str:
    """`file:line:col`, as editors and compilers spell a place: the one spelling planctl uses."""
    return f"{file}:{line}:{column}"


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """A located problem in one file. Sorting orders by file, then place, then rule."""

    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    hint: str = field(default="", compare=False)
    json_path: str = field(default="$", compare=False)
    # True for problems that stop a file from being read at all (exit code 2).
    fatal: bool = field(default=False, compare=False)

    @property
    def where(self) -> str:
        """`file:line:col` of the finding."""
        return place(self.file, self.line, self.column)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
            "json_path": self.json_path,
            "fatal": self.fatal,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Finding:
        return cls(
            file=str(data["file"]),
            line=int(str(data["line"])),
            column=int(str(data["column"])),
            rule=str(data["rule"]),
            severity=Severity(str(data["severity"])),
            message=str(data["message"]),
            hint=str(data.get("hint", "")),
            json_path=str(data.get("json_path", "$")),
            fatal=bool(data.get("fatal", False)),
        )


Position = tuple[int, int]  # line and column, from 1


def problem(
    file: str,
    position: Position,
    rule: str,
    message: str,
    hint: str,
    *,
    severity: Severity = Severity.ERROR,
    fatal: bool = False,
    json_path: str = "$",
) -> Finding:
    """A finding at `position`: the one way the readers spell where a problem is."""
    return Finding(file, position[0], position[1], rule, severity, message, hint, json_path, fatal)
