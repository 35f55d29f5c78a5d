"""A new plan repository carries the schemas of reports, reviews and the calendar too, so
that the `$schema` line of a report (`../../../schema/report.schema.json`) finds its file."""

from __future__ import annotations

import json
from pathlib import Path

from planctl import resources
from planctl.scaffold import init_files, write_new_files
from planctl.scaffold.install import index_source


def test_init_writes_every_schema(tmp_path: Path) -> None:
    write_new_files(tmp_path, init_files(index_source(), year=2025))
    for name in resources.SCHEMA_NAMES:
        written = tmp_path / "schema" / f"{name}.schema.json"
        assert written.read_bytes() == resources.schema_path(name).read_bytes()
        assert json.loads(written.read_text(encoding="utf-8"))["title"]
