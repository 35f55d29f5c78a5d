"""Importing real documents: the 2012 Zhaoqing plan against its hand-made YAML, the
precision and recall of what is extracted, and that no line of any seed is lost."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from planctl.chinese import date_cn
from planctl.deadlines import parse_date
from planctl.importer.document import Imported, import_source
from planctl.importer.numbering import recognise
from planctl.importer.reader import read_source
from planctl.importer.writer import render
from planctl.model import plan_from_data
from planctl.validate.engine import check_document, load_registry
from planctl.yamlio import load_text, read_document

from ..conftest import DATA, ROOT
from .extraction import assignments, expected_assignments, expected_hierarchy, hierarchy, score

IMPORT = DATA / "import"
SEEDS = sorted((IMPORT / "seeds").glob("*.txt"))
EXPECTED = sorted((IMPORT / "expected").glob("*.yaml"))
REGISTRY = load_registry(ROOT / "plans" / "units.yaml")


def imported(path: Path, plan_id: str | None = None) -> Imported:
    return import_source(read_source(path), plan_id or path.stem, REGISTRY)


def test_the_zhaoqing_plan_imports_with_the_hand_made_owners() -> None:
    seed = IMPORT / "seeds" / "zhaoqing-2012-prd-workplan.txt"
    result = imported(seed)
    text = render(result.data, result.unplaced)
    document = load_text(text, "zhaoqing-2012-prd-workplan.yaml")
    check = check_document(document, REGISTRY)
    assert check.findings == (), [f.message for f in check.findings]
    mine = plan_from_data(document.data)
    hand = plan_from_data(read_document(ROOT / "plans" / "zhaoqing-2012-prd-workplan.yaml").data)
    owners = [(t.source_number, t.lead, t.responsible, t.support) for t in mine.tasks()]
    assert owners == [(t.source_number, t.lead, t.responsible, t.support) for t in hand.tasks()]
    words = [
        (t.lead_word, t.support_word, t.lead_more, t.support_more, t.responsible_more)
        for t in mine.tasks()
    ]
    assert words == [
        (t.lead_word, t.support_word, t.lead_more, t.support_more, t.responsible_more)
        for t in hand.tasks()
    ]
    texts = [compact(t.title, t.text, t.due) for t in mine.tasks()]
    assert texts == [compact(t.title, t.text, t.due) for t in hand.tasks()]


def compact(*values: object) -> str:
    """The words, whatever the spacing (the hand-made plan keeps a stray space or two)."""
    return re.sub(r"\s+", "", "|".join(str(v) for v in values))


def test_the_zhaoqing_notice_is_read_whole() -> None:
    notice = imported(IMPORT / "seeds" / "zhaoqing-2012-prd-workplan.txt").data["notice"]
    hand = read_document(ROOT / "plans" / "zhaoqing-2012-prd-workplan.yaml").data["notice"]
    same = (
        "doc_number",
        "title",
        "recipients",
        "body",
        "attachments",
        "signer",
        "date",
        "date_style",
        "disclosure",
        "keywords",
        "printer",
        "printed",
    )
    assert {key: notice[key] for key in same} == {
        key: hand[key].strip() if key == "body" else hand[key] for key in same
    }


@pytest.mark.parametrize("truth_file", EXPECTED, ids=lambda p: p.stem)
def test_extraction_matches_the_hand_checked_truth(truth_file: Path) -> None:
    truth: dict[str, Any] = read_document(truth_file).data
    data = imported(IMPORT / truth["source"]).data
    structure = score(hierarchy(data), expected_hierarchy(truth))
    owners = score(assignments(data), expected_assignments(truth))
    print(f"\n{truth_file.stem}")
    print(structure.line("numbering hierarchy"))
    print(owners.line("(role, unit) pairs"))
    assert structure.f1 >= 0.95, sorted(hierarchy(data) ^ expected_hierarchy(truth))
    assert owners.f1 >= 0.95, sorted(assignments(data) ^ expected_assignments(truth))


# --- nothing is lost --------------------------------------------------------------------------

# Words the importer turns into structure (roles, 等, labels, dates) rather than text.
STRUCTURE_WORDS = re.compile(
    r"按职责分工负责|按职责分工落实|分工负责|牵头负责|牵头|负责|配合|参与|协办|会同|"
    r"等有关部门|等有关单位|等部门|等单位|等|由|印\s*发|公\s*开\s*方\s*式|主\s*题\s*词|"
    r"抄\s*送|附\s*件|牵头单位|配合单位|完成时限"
)
WORD_RUN = re.compile(r"[0-9A-Za-z\u4e00-\u9fff\u3400-\u4dbf〇○]+")


def corpus_of(result: Imported) -> str:
    """Every string the plan holds (and the dates as written), plus the unplaced lines."""
    pieces: list[str] = []

    def collect(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for child_key, child in value.items():
                collect(child, child_key)
        elif isinstance(value, list):
            for child in value:
                collect(child, key)
        elif isinstance(value, str):
            pieces.append(value)
            if key in ("date", "printed"):
                day = parse_date(value)
                pieces.extend((date_cn(day, "arabic"), date_cn(day, "chinese")))

    collect(result.data)
    pieces.extend(item.text for item in result.unplaced)
    return re.sub(r"\s+", "", "\n".join(pieces))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_line_of_a_seed_ends_up_in_the_plan_or_the_unplaced_list(seed: Path) -> None:
    result = imported(seed, "seed")
    corpus = corpus_of(result)
    source = read_source(seed)
    missing = []
    for line in source.lines:
        number = recognise(line.raw)  # heading numbers are kept as source_number
        words = number.rest if number is not None else line.raw
        for run in WORD_RUN.findall(STRUCTURE_WORDS.sub(" ", words)):
            if run not in corpus:
                missing.append((line.where, run))
    assert missing == []
