"""The forms of `planctl remind --format`: Chinese text to paste into an office messenger
(text, md) and JSON for scripts; eml drafts are written by `planctl.remind.mail`."""

from __future__ import annotations

from planctl.report import Formats

FORMATS: Formats[object, str] = Formats(
    "planctl.remind.formats",
    {"text": "text:render_text", "md": "text:render_markdown", "json": "json:render_json"},
)
EML = "eml"  # one RFC 5322 draft per unit, written into a folder
