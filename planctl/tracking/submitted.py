"""When each report was submitted: the date of the commit that first added its file.

A report counts as submitted on the day its file first entered the history, whatever
was edited later (a returned report corrected in place keeps its first date). The date
is the author's moment read in the committer's time zone: an officer in 北京 committing
at 23:30 submitted that day, even when the server lies elsewhere.

All report files are dated by one `git log` run. A file not committed has no date
(None). So does every file outside git or in a repository with no commits yet. In a
shallow clone a file that the oldest fetched commit already holds may have been added
long before it: its date is unknown (None), and `notes` says why rather than giving a
false date.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planctl.errors import InputError
from planctl.i18n import _

__all__ = ["Submitted", "submitted_dates"]


@dataclass(frozen=True)
class Submitted:
    """The submission date of each report file (paths from the repository root)."""

    dates: Mapping[str, datetime.date] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def of(self, path: str) -> datetime.date | None:
        """The file's date; None when it is not committed or its date is unknown."""
        return self.dates.get(path)


def submitted_dates(root: Path, folder: str, *, revision: str | None = None) -> Submitted:
    """The dates of the files under `folder` (a path from `root`) as of `revision`
    (default: HEAD); empty outside git, with no commits, or without git installed."""
    from planctl import git

    try:
        added, shallow = git.first_added(root, folder, revision)
    except InputError:
        if revision is not None:
            raise  # a revision was asked for: say why it cannot be read
        return Submitted()  # no git at all: nothing is committed
    boundary = git.shallow_commits(root) if shallow else set()
    dates: dict[str, datetime.date] = {}
    unknown = 0
    for path, author_time, committed, commit in added:
        if commit in boundary:
            unknown += 1
            continue
        dates[path] = _local_date(author_time, committed)
    notes: tuple[str, ...] = ()
    if unknown:
        notes = (
            _(
                "{count} reports were committed before the oldest commit of this shallow "
                "clone: their submission dates are unknown (fetch the whole history: "
                "git fetch --unshallow)"
            ).format(count=unknown),
        )
    return Submitted(dates, notes)


def _local_date(author_time: int, committed: str) -> datetime.date:
    """The author's moment as a date in the committer's time zone (from `%cI`)."""
    zone = datetime.datetime.fromisoformat(committed).tzinfo or datetime.UTC
    return datetime.datetime.fromtimestamp(author_time, zone).date()
