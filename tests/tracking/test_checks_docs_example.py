"""The example report and review of docs/tracking.md pass `planctl validate` against the
Zhaoqing plan they speak of, with the reporting block the page shows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..conftest import CLI, ROOT
from .tracking_data import write

PAGE = (ROOT / "docs" / "tracking.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", PAGE, re.DOTALL)
PLAN = "zhaoqing-2012-prd-workplan"


def block(marker: str) -> str:
    [found] = [text for text in BLOCKS if marker in text]
    return found


def test_the_pages_report_and_review_are_valid(tmp_path: Path, cli: CLI) -> None:
    for name in ("units.yaml", "calendar.yaml"):
        write(tmp_path, f"plans/{name}", (ROOT / "plans" / name).read_text(encoding="utf-8"))
    reporting = block("reporting: {").split("\n", 1)[1].strip()
    plan = (ROOT / "plans" / f"{PLAN}.yaml").read_text(encoding="utf-8")
    period = "period: {start: 2012-01-01, end: 2012-12-31}\n"
    write(tmp_path, f"plans/{PLAN}.yaml", plan.replace(period, period + reporting + "\n", 1))
    write(tmp_path, f"reports/{PLAN}/2012-06/市发展改革局.yaml", block("planctl-report/1"))
    write(tmp_path, f"reviews/{PLAN}/2012-06.yaml", block("planctl-review/1"))
    write(tmp_path, "plans/calendar.yaml", block("planctl-calendar/1"))
    result = cli("validate", "--no-cache", cwd=tmp_path)
    assert result.exit_code == 0 and "All checks passed (5 files)" in result.stdout, result.output
    shutil.rmtree(tmp_path / "reports")  # the review now decides on reports that are not there
    assert cli("validate", "--no-cache", cwd=tmp_path).exit_code == 1
