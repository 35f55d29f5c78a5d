"""Reminders (`planctl remind`): per unit, what is near its deadline, overdue or
unreported as of a date, and which step of the escalation ladder applies; as Chinese text
for an office messenger, JSON, or one mail draft per unit, sent only when asked.

`build_reminders` reads the repository and computes them (`planctl.remind.engine`);
`planctl.remind.formats` words them; `planctl.remind.mail` writes and sends the mail.
"""

from __future__ import annotations

from planctl.remind.service import build_reminders, parse_within

__all__ = ["build_reminders", "parse_within"]
