"""Golden files keep the rendered HTML and Markdown stable.

A deliberate change to a template or to the wording regenerates them:
PLANCTL_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py — then review the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from .conftest import GOLDEN, TRACKED, UPDATE_GOLDEN, ZHAOQING, Render

CASES = [
    (ZHAOQING, "notice", "html"),
    (ZHAOQING, "notice", "md"),
    (ZHAOQING, "table", "html"),
    (ZHAOQING, "table", "md"),
    (ZHAOQING, "units", "md"),
    (TRACKED, "notice", "html"),
    (TRACKED, "table", "md"),
    (TRACKED, "units", "html"),
]


@pytest.mark.parametrize(
    ("plan", "document", "fmt"), CASES, ids=[f"{p.stem}-{d}.{f}" for p, d, f in CASES]
)
def test_rendering_matches_the_golden_file(
    rendered: Render, plan: Path, document: str, fmt: str
) -> None:
    actual = rendered(plan, document, fmt).read_text(encoding="utf-8")
    golden = GOLDEN / f"{plan.stem}-{document}.{fmt}"
    if UPDATE_GOLDEN:
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), str(golden), "rendered", n=1
        )
    )
    assert actual == expected, f"rendering changed; if intended, regenerate:\n{diff[:3000]}"
