"""How `planctl log` prints a task's history: text (styled lines) or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planctl.report import Formats, Rendered

if TYPE_CHECKING:
    from planctl.history import TaskHistory

FORMATS: Formats[TaskHistory, Rendered] = Formats(
    "planctl.history.formats", {"text": "text:log_lines", "json": "json:render_log_json"}
)
