"""Calendar feeds (`planctl calendar`): one iCalendar file per unit, and one for all.

Each unit's calendar holds the dated things it owes: the deadline and milestones of every
task it leads, is responsible for or supports, and the due date of every progress report
it must send (see `planctl.feeds.events`); `全部.ics` holds every event of the plans for
the supervising office. The files are written atomically into the folder named, and only
there (`planctl.atomic`).
"""

from __future__ import annotations

from planctl.feeds.service import ALL_FILE, FeedFile, FeedResult, write_feeds

__all__ = ["ALL_FILE", "FeedFile", "FeedResult", "write_feeds"]
