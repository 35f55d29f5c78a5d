"""What the 督查室 publishes from the tracking figures: the 督查通报 of a period
(`planctl render PLAN --as bulletin --period P`, as a GB/T 9704 document or a 督查简报)
and the 催办通知 to one unit (`--as urge --unit U`).

`facts` takes every number from `planctl.tracking.stats` and `compute_status` for one
date; `bulletin` and `urge` word them into a `document.Paper`, the format-neutral
document every writer (`planctl.render.formats.bulletin_*`) prints; `service` finds the
files, computes and writes.
"""

from planctl.supervision.service import render_bulletin, render_urge

__all__ = ["render_bulletin", "render_urge"]
