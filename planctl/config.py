"""The repository's settings: `planctl.toml` beside `plans/`.

Every table is optional and every key has a default; a table a command does not know is
left alone (other tools may keep settings there). A file that is not valid TOML, or a key
of the wrong type, is a `UsageError` naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planctl.errors import UsageError
from planctl.i18n import _

__all__ = ["Settings", "TrackingSettings", "load_settings"]

SETTINGS_FILE = "planctl.toml"


@dataclass(frozen=True)
class TrackingSettings:
    """`[tracking]`: the thresholds of the deadline lights (docs/tracking.md)."""

    warn_days: int = 7  # yellow within this many days of a deadline
    yellow_gap: int = 10  # percentage points behind the expected share: yellow
    red_gap: int = 30  # … and red


@dataclass(frozen=True)
class Settings:
    file: Path | None = None
    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def table(self, name: str) -> Mapping[str, Any]:
        """A table as written (empty when absent), for settings read by one command."""
        return self.tables.get(name, {})


def load_settings(root: Path) -> Settings:
    """The settings of the repository at `root` (defaults when it has no planctl.toml)."""
    path = root / SETTINGS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise UsageError(
            _("cannot read {file}: {reason}").format(file=path, reason=error.strerror)
        ) from error
    try:
        tables = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(
            _("{file} is not valid TOML: {reason}").format(file=path, reason=error)
        ) from error
    return Settings(path, _tracking(path, tables.get("tracking", {})), tables)


def _tracking(path: Path, table: Mapping[str, Any]) -> TrackingSettings:
    values = {}
    for key, default in vars(TrackingSettings()).items():
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise UsageError(
                _("{file}: [tracking] {key} must be a whole number of 0 or more").format(
                    file=path, key=key
                )
            )
        values[key] = value
    return TrackingSettings(**values)
