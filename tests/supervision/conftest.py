"""The demo tracking repository (tests/tracking/demo.py) with the office's bulletin files
for two periods: September 2012 as a 督查简报 (第9期, lagging items, a late report) and
December 2012 as a 公文 (文号, the deadline passed: overdue items, two closed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..tracking.demo import PLAN_ID, build_demo

SEPTEMBER = f"""\
format: planctl-bulletin/1
plan: {PLAN_ID}
period: 2012-09
number: 9
date: 2012-10-15
recipients: [各县（市、区）人民政府, 市政府各部门]
cc: [市委办公室, 市人大常委会办公室]
requirements: |
  各牵头单位要对照附件所列事项，逐项分析原因，
  制定整改措施，明确完成时限。

  请各单位于每月5日前报送上月进展情况。
"""

DECEMBER = f"""\
format: planctl-bulletin/1
plan: {PLAN_ID}
period: 2012-12
doc_number: 肇府督〔2013〕1号
date: 2013-01-15
recipients: [各县（市、区）人民政府, 市政府各部门]
cc: [市委办公室]
requirements: 对逾期未完成事项，市政府督查室将实行挂牌督办。
"""


def write_bulletins(root: Path) -> Path:
    folder = root / "bulletins" / PLAN_ID
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2012-09.yaml").write_text(SEPTEMBER, encoding="utf-8")
    (folder / "2012-12.yaml").write_text(DECEMBER, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def bulletin_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository with its bulletin files; tests only read it."""
    folder = tmp_path_factory.mktemp("bulletin-demo")
    return write_bulletins(build_demo(folder / "repo", folder / "home").root)
