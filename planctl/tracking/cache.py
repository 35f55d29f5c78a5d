"""The answers of `planctl status` and `planctl stats`, kept in
`.planctl-cache/tracking-answers/` (one file each, the last 16) while nothing they were
computed from has changed.

What is kept is the printed answer itself (text, JSON, CSV or Markdown, with its warnings
and exit code), keyed by the question (the command's options and the date) and by one
fingerprint of everything the answer depends on: planctl's code, schemas and libraries
and the language (validate's `salt`), the size and time of every file under `plans/`,
`reports/` and `reviews/` and of `planctl.toml`, and the commit HEAD names (submission
dates come from the history). Any change makes a new key; the old answers age out.

Why the answer and not the parsed reports: on a thousand plans with tens of thousands
of reports, building the Python objects back from any stored form takes longer than
the one second a warm run has, and the lights over a hundred thousand tasks take about
as long again. Looking at every file's size and time is what a warm run costs.

Each file is signed with the user's key (the one validate's cache uses), so an answer
copied in or committed to the repository is ignored rather than printed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.errors import WriteRefused
from planctl.repository import Repository

__all__ = ["Answer", "answered"]

CACHE_FOLDER = "tracking-answers"  # one signed file per answer, named by its key
FORMAT = "planctl-tracking-cache/1"
KEPT = 16  # answers kept: a few dates, formats and filters of the same state
_FOLDERS = ("plans", "reports", "reviews")


@dataclass(frozen=True)
class Answer:
    out: str  # what goes to standard output
    warnings: tuple[str, ...] = ()  # lines for standard error
    code: int = 0


def answered(repository: Repository, question: Sequence[str], work: Callable[[], Answer]) -> Answer:
    """The kept answer to `question` for the repository as it is, else `work()` (kept)."""
    from planctl.validate.cache import CACHE_DIR, _signing_key

    secret = _signing_key()
    cache = repository.root / CACHE_DIR
    folder = cache / CACHE_FOLDER
    if secret is None or any(path.is_symlink() for path in (cache, folder)):
        return work()  # no key to sign with, or a committed link: no cache
    path = folder / _key(repository, question)
    kept = _load(path, secret)
    if kept is not None:
        return kept
    answer = work()
    _save(path, secret, answer)
    return answer


def _key(repository: Repository, question: Sequence[str]) -> str:
    from planctl.git import head_commit
    from planctl.validate.cache import salt

    digest = hashlib.sha256(f"{FORMAT}\0{salt(())}\0".encode())
    digest.update(json.dumps(list(question), ensure_ascii=False).encode())
    digest.update(f"\0{head_commit(repository.root)}\0".encode())
    for line in _stamps(repository.root):
        digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _stamps(root: Path) -> Iterator[str]:
    """Every input file's path, size and modification time, in a fixed order."""
    settings = root / "planctl.toml"
    with contextlib.suppress(OSError):
        stat = settings.stat()
        yield f"planctl.toml:{stat.st_size}:{stat.st_mtime_ns}\n"
    for name in _FOLDERS:
        found: list[str] = []
        folders = [root / name]
        while folders:
            try:
                entries = list(os.scandir(folders.pop()))
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                else:
                    stat = entry.stat(follow_symlinks=False)
                    found.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}\n")
        yield from sorted(found)


def _load(path: Path, secret: bytes) -> Answer | None:
    if path.is_symlink():
        return None
    from planctl.validate.cache import read_signed

    body = read_signed(path, secret)
    if body is None:
        return None  # none, written elsewhere, or damaged
    try:
        stored = json.loads(body)
    except ValueError:
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return None
    return Answer(str(stored["out"]), tuple(stored["warnings"]), int(stored["code"]))


def _save(path: Path, secret: bytes, answer: Answer) -> None:
    """Write the answer and forget the oldest beyond `KEPT`; a failure costs only speed."""
    from planctl.validate.cache import _prepare_folder, write_signed

    stored = {"format": FORMAT, "out": answer.out, "warnings": list(answer.warnings)}
    body = json.dumps({**stored, "code": answer.code}, ensure_ascii=False).encode()
    root = path.parent.parent.parent
    with contextlib.suppress(OSError, WriteRefused):
        _prepare_folder(path.parent.parent)
        path.parent.mkdir(exist_ok=True)
        write_signed(path, secret, body, within=root)
        answers = sorted(path.parent.iterdir(), key=lambda kept: kept.stat().st_mtime_ns)
        for old in answers[:-KEPT]:
            old.unlink()
