"""How `planctl log` prints a task's history: text (styled lines) or JSON."""

from __future__ import annotations

LOG_FORMATS = ("text", "json")
