"""The answers of `planctl status` and `planctl stats`, kept in `.planctl-cache/` while
nothing they were computed from has changed.

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

The file is signed with the user's key (the one validate's cache uses), so an answer
copied in or committed to the repository is ignored rather than printed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planctl.atomic import write_atomic
from planctl.errors import WriteRefused
from planctl.repository import Repository

__all__ = ["Answer", "answered"]

CACHE_FILE = "tracking-answers.json"
FORMAT = "planctl-tracking-cache/1"
KEPT = 32  # answers kept: a few dates, formats and filters of the same state
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
    path = repository.root / CACHE_DIR / CACHE_FILE
    if secret is None or path.parent.is_symlink() or path.is_symlink():
        return work()  # no key to sign with, or a committed link: no cache
    key = _key(repository, question)
    entries = _load(path, secret)
    kept = entries.get(key)
    if kept is not None:
        return Answer(kept["out"], tuple(kept["warnings"]), int(kept["code"]))
    answer = work()
    entries.pop(key, None)
    entries[key] = {"out": answer.out, "warnings": list(answer.warnings), "code": answer.code}
    _save(path, secret, dict(list(entries.items())[-KEPT:]))
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


def _load(path: Path, secret: bytes) -> dict[str, dict[str, Any]]:
    try:
        signature, _, body = path.read_bytes().partition(b"\n")
    except OSError:
        return {}
    if not hmac.compare_digest(signature, _sign(secret, body)):
        return {}
    try:
        stored = json.loads(body)
    except ValueError:
        return {}
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return {}
    entries = stored.get("entries")
    return entries if isinstance(entries, dict) else {}


def _save(path: Path, secret: bytes, entries: dict[str, dict[str, Any]]) -> None:
    """Write the answers back; a failure costs only speed."""
    from planctl.validate.cache import _prepare_folder

    body = json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False).encode()
    with contextlib.suppress(OSError, WriteRefused):
        _prepare_folder(path.parent)
        write_atomic(
            path, _sign(secret, body) + b"\n" + body, within=path.parent.parent, durable=False
        )


def _sign(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")
