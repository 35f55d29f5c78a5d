"""A document read into numbered lines: what every reader (text, Word) gives the importer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the source: `raw` as written (cleaned), `text` normalized.

    `index` orders lines across paragraphs and tables; `where` names the place for
    people ("line 12", "paragraph 7", "table 1, row 3"). A table row has `cells`.
    """

    index: int
    where: str
    raw: str
    text: str
    cells: tuple[str, ...] | None = None
    table: int | None = None


@dataclass
class Source:
    path: Path
    lines: list[Line]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
