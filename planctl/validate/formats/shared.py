"""What the report formats for other tools (JUnit XML, GitLab Code Quality, SARIF) share:
the report they read, paths as CI services name files, text safe for XML."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PureWindowsPath
from typing import Protocol

from planctl.findings import Finding


class FindingsReport(Protocol):
    """What the formats read from a validation report."""

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def strict(self) -> bool:
        """Whether warnings fail the run (`--strict`)."""
        ...

    @property
    def checked(self) -> Sequence[str]:
        """Every file checked, as shown in findings (clean files too)."""
        ...


def posix_path(shown: str) -> str:
    """A finding's file with forward slashes, as CI services and URIs want it."""
    return PureWindowsPath(shown).as_posix() if "\\" in shown else shown


# XML 1.0 allows tab, newline and carriage return, and no other C0 control character;
# nor the surrogates or U+FFFE/U+FFFF. Such characters are written as \\uXXXX instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold written as an escape."""
    return _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def one_line(text: str) -> str:
    """`text` on one line: line breaks become spaces (Code Quality descriptions)."""
    return " ".join(text.split("\n")).replace("\r", " ")
