"""Whatever a document holds, the import gives a plan that passes the schema, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl.importer.document import import_source
from planctl.importer.reader import read_text_bytes
from planctl.importer.writer import render
from planctl.validate.engine import check_document
from planctl.yamlio import load_text

PIECES = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "（1）",
    "①",
    "●",
    "第一章 ",
    "第二节 ",
    "1 ",
    "推进改革",
    "加快建设",
    "。",
    "，",
    "；",
    "：",
    ":",
    "（",
    "）",
    "(",
    ")",
    "〔",
    "〕",
    "、",
    "市发展改革局",
    "市财政局",
    "各县(市、区)政府",
    "牵头",
    "负责",
    "配合",
    "参与",
    "协办",
    "会同",
    "等有关部门",
    "按职责分工负责",
    "牵头单位：",
    "完成时限：",
    "年底前",
    "6月底前",
    "第二季度",
    "2023年10月底前",
    "长期坚持",
    "的通知",
    "关于印发",
    "附件：",
    "抄送：",
    "主题词：",
    "2012年4月19日",
    "二○一二年四月十九日",
    "印发",
    "肇府办〔2012〕22号",
    "目录",
    "— 3 —",
    "\t",
    "\n",
    "\n",
    "\n",
    " ",
    "\u3000",
    "“",
    "”",
    "《",
    "》",
    "#",
    "- ",
    "'",
    '"',
    "[x]",
]
# Findings an import must never cause, whatever the document says.
NEVER = {
    "schema",
    "yaml-syntax",
    "duplicate-key",
    "duplicate-id",
    "lead-and-support",
    "impossible-date",
    "doc-number-format",
    "milestone-after-due",
}
DOCUMENTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS.filter(lambda text: bool(text.strip())))
def test_any_text_imports_into_a_plan_the_schema_accepts(text: str) -> None:
    source = read_text_bytes(text.encode("utf-8"), Path("random.txt"))
    result = import_source(source, "random", None)
    document = load_text(render(result.data, result.unplaced), "random.yaml")
    findings = check_document(document, None).findings
    assert not [f for f in findings if f.rule in NEVER], [f.message for f in findings]
