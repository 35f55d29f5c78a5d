"""Render a plan as official documents: the notice, the responsibility table, per-unit lists,
and on request the 修订对照表 against an earlier git revision.

`render()` is the entry point (`service`); `writers` says which document is written in
which format, by which module of `formats` (Word's building blocks are in `docx`).
"""

from __future__ import annotations

from planctl.render.service import RenderResult, render

__all__ = ["RenderResult", "render"]
