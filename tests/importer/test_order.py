"""An imported plan keeps the document's order: tasks at the top level stay there, and a
section between two tasks says which task it stands before."""

from __future__ import annotations

from pathlib import Path

from planctl.importer.document import import_source
from planctl.importer.reader import read_source
from planctl.importer.writer import render
from planctl.model import plan_from_data
from planctl.render.context import plan_view
from planctl.validate.engine import check_document
from planctl.yamlio import load_text

DOCUMENT = """\
某市2024年重点工作任务分工方案
一、稳定经济增长
（一）扩大有效投资
1.推进重大项目建设。（市发展改革局牵头）
2.加快专项债券发行使用。（市财政局牵头）
（二）促进消费回升。开展消费季活动。（市商务局牵头）
（三）稳定外贸外资
1.支持企业开拓市场。（市商务局牵头）
二、保障改善民生。落实就业优先政策。（市人力资源社会保障局牵头）
"""


def test_the_rendered_plan_reads_in_the_document_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    result = import_source(read_source(path), "plan", None)
    data = load_text(render(result.data, result.unplaced), "plan.yaml").data
    assert [task["id"] for task in data["tasks"]] == ["2"]
    first = data["sections"][0]
    assert first["before"] == "2"
    assert [(s["id"], s.get("before")) for s in first["sections"]] == [
        ("1.1", "1.2"),
        ("1.3", None),
    ]
    view = plan_view(plan_from_data(data))
    assert [
        entry.number + (entry.title if entry.kind == "section" else entry.heading)
        for entry in view.reading_order
    ] == [
        "一、稳定经济增长",
        "（一）扩大有效投资",
        "1.推进重大项目建设。",
        "2.加快专项债券发行使用。",
        "（二）促进消费回升。",
        "（三）稳定外贸外资",
        "1.支持企业开拓市场。",
        "二、保障改善民生。",
    ]
    schema = [
        f
        for f in check_document(load_text(render(result.data, []), "p.yaml"), None).findings
        if f.rule in ("schema", "section-before")
    ]
    assert not schema
