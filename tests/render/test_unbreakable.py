"""Phrases kept on one line: word joiners between their characters, and Word rows kept
whole with the header repeated."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from planctl.render.docx.rows import is_kept_whole, is_repeated, keep_whole, repeat_on_every_page
from planctl.render.unbreakable import WORD_JOINER, joined, without_joiners


def test_a_joined_phrase_has_a_joiner_between_every_two_characters() -> None:
    phrase = "2023年6月底前"
    text = joined(phrase)
    assert text.count(WORD_JOINER) == len(phrase) - 1
    assert not text.startswith(WORD_JOINER) and not text.endswith(WORD_JOINER)
    assert without_joiners(text) == phrase


def test_row_properties_are_written_in_schema_order() -> None:
    table = docx.Document().add_table(rows=2, cols=1)
    header, body = (row._tr for row in table.rows)
    repeat_on_every_page(header.get_or_add_trPr())
    keep_whole(header.get_or_add_trPr())
    keep_whole(body.get_or_add_trPr())
    tags = [element.tag for element in header.trPr]
    assert tags == [qn("w:cantSplit"), qn("w:tblHeader")]
    assert is_kept_whole(header) and is_repeated(header)
    assert is_kept_whole(body) and not is_repeated(body)
