"""A task's short title and its text, as the importer cuts them."""

from __future__ import annotations

import pytest

from planctl.importer.tasks import title_and_text


@pytest.mark.parametrize(
    ("text", "title", "rest"),
    [
        (
            "优先发展现代服务业。推进端州区生产性服务业基地建设。",
            "优先发展现代服务业",
            "推进端州区生产性服务业基地建设。",
        ),
        ("强化组织保障：成立领导小组，统筹推进。", "强化组织保障", "成立领导小组，统筹推进。"),
        ("编制印发工作要点。", "编制印发工作要点", None),
        (
            "加快江门海洋集团、江门港口集团、市农业控股集团、科普传媒集团发展，让国有资本做大做强。",
            None,
            "加快江门海洋集团、江门港口集团、市农业控股集团、科普传媒集团发展，让国有资本做大做强。",
        ),
        (
            "推动市有关部门积极与省有关部门沟通联系，争取省加大对江门便利华侨华人投资改革试点工作的支持力度。",
            "推动市有关部门积极与省有关部门沟通联系",
            "推动市有关部门积极与省有关部门沟通联系，争取省加大对江门便利华侨华人投资改革试点工作的支持力度。",
        ),
    ],
)
def test_titles_are_the_short_lead_of_a_task(
    text: str, title: str | None, rest: str | None
) -> None:
    assert title_and_text(text) == (title, rest)
