"""Where a Chinese title may break: between words, never inside one.

A title breaks only where a reader sees a word end. The words come from three places:

- the segmenter (rjieba: the jieba dictionary and model in Rust, MIT, wheels for Windows,
  macOS and Linux, so no compiler is needed), loaded on first use because its dictionary
  takes a few tenths of a second to build;
- `official_words.txt` beside this module: words of official documents that a general
  dictionary cuts (任务分解表, 责任分工表, 工作方案…), always kept whole;
- the caller's words: unit names from the registry, the issuer, the signer.

Numbers stay with their measure word (2023年, 第3季度, 2023—2025年).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Protocol

from planctl.atomic import write_atomic
from planctl.errors import WriteRefused
from planctl.usercache import installed_file, user_cache_dir

__all__ = ["official_words", "word_breaks"]

_OFFICIAL_WORDS = Path(__file__).with_name("official_words.txt")

# A number with its measure word or ordinal prefix: 2023年, 2023—2025年, 第3季度, 第二批, 100强.
_NUMBER_PHRASE = re.compile(
    r"第?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[—–\-~～至到][0-9０-９]+)?"
    r"(?:年度|年|月份|月|日|季度|号|批|届|次|期|条|项|个|强|周年|版)?"
    r"|第[一二三四五六七八九十百千零〇○两]+(?:季度|批|届|次|期|条|项|个|号|版)"
    r"|[A-Za-z][A-Za-z0-9]*"
)


class _Cut(Protocol):
    def __call__(self, text: str, hmm: bool = True) -> list[str]: ...


@cache
def _cut() -> _Cut:
    # Imported here: importing builds the dictionary, which costs more than the rest of
    # start-up. Its shared segmenter is only read, never given words.
    import rjieba

    cut: _Cut = rjieba.cut
    return cut


@cache
def official_words() -> tuple[str, ...]:
    """The official-document words kept whole in every title, longest first."""
    lines = _OFFICIAL_WORDS.read_text(encoding="utf-8").splitlines()
    words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def word_breaks(text: str, keep: Iterable[str] = ()) -> set[int]:
    """Offsets in `text` (0 < offset < len) that fall between two words.

    A word of `keep` or of the official list is never broken and its edges are word
    edges; a number with its measure word is one word.
    """
    breaks = _segment_edges(text)
    inside: set[int] = set()
    for start, end in _kept_spans(text, keep):
        breaks.update((start, end))
        inside.update(range(start + 1, end))
    for match in _NUMBER_PHRASE.finditer(text):
        breaks.update(match.span())
        inside.update(range(match.start() + 1, match.end()))
    return {offset for offset in breaks if 0 < offset < len(text) and offset not in inside}


def _segment_edges(text: str) -> set[int]:
    """Where the segmenter's words end: from the user's cache when this text was cut
    before (a plan's titles seldom change, and loading the segmenter costs more than
    the rest of a render's start), else cut now and kept."""
    stored = _edges_file(text)
    if stored is not None:
        with contextlib.suppress(OSError, ValueError):
            return {int(edge) for edge in stored.read_text(encoding="ascii").split()}
    edges: set[int] = set()
    offset = 0
    for word in _cut()(text):
        offset += len(word)
        edges.add(offset)
    if stored is not None:
        with contextlib.suppress(OSError, WriteRefused):  # a read-only cache only costs time
            stored.parent.mkdir(parents=True, exist_ok=True)
            body = " ".join(str(edge) for edge in sorted(edges))
            write_atomic(stored, body, within=stored.parent, durable=False)
    return edges


def _edges_file(text: str) -> Path | None:
    """The cache file of `text`'s word edges, for this install of the segmenter."""
    folder = user_cache_dir()
    library = installed_file("rjieba", "__init__.py")
    if folder is None or library is None:
        return None
    try:
        status = Path(library).stat()
    except OSError:
        return None
    key = f"{_CACHE_FORMAT}:{library}:{status.st_mtime_ns}:{status.st_size}:{text}"
    return folder / "words" / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.txt"


_CACHE_FORMAT = "1"


def _kept_spans(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for word in {*official_words(), *(word for word in keep if len(word) > 1)}:
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + 1)
    return spans
