"""The findings of `planctl validate`, kept per file content in `.planctl-cache/`.

A file whose bytes (and name) were validated before, under the same conditions, gets its
findings from here instead of being parsed again. The conditions are one fingerprint
(`salt`) over everything findings depend on besides the file: planctl's version and code,
the schemas, the unit registry, the repository's `planctl.toml`, and the YAML and schema
libraries. When any of them changes, the whole cache is dropped.

The cache file is signed with a key kept in the user's cache folder, so a cache that was
copied in or committed to the repository (which could claim a broken plan is clean) is
ignored rather than trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planctl import __version__, i18n
from planctl.atomic import write_atomic
from planctl.errors import WriteRefused
from planctl.findings import Finding, Severity
from planctl.schemas.compiled import schema_fingerprint
from planctl.usercache import installed_file, user_cache_dir

CACHE_DIR = ".planctl-cache"
CACHE_FILE = "validate.json"
FORMAT = "planctl-validate-cache/1"
MIN_KEPT = 10_000  # entries kept beyond those of the latest run (other branches, old edits)
_KEY_FILE = "cache-key"
_LIBRARIES = ("yaml", "ryml", "jsonschema", "fastjsonschema")
_PACKAGE = Path(__file__).resolve().parent.parent  # planctl/, every source file of it

Row = list[Any]  # a finding without its file: line, column, rule, severity, message, ...


@dataclass
class ResultCache:
    """Findings by content key; `get` and `put` in memory, `save` writes them back."""

    path: Path
    salt: str
    secret: bytes
    entries: dict[str, list[Any]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def open(cls, root: Path, salt: str) -> ResultCache | None:
        """The cache of the repository at `root`; None when no signing key can be kept."""
        secret = _signing_key()
        if secret is None:
            return None
        path = root / CACHE_DIR / CACHE_FILE
        if path.parent.is_symlink() or path.is_symlink():
            return None  # committed links could lead the cache's writes anywhere: no cache
        cache = cls(path, salt, secret)
        cache.entries = cache._load()
        return cache

    @staticmethod
    def key(name: str, raw: bytes) -> str:
        """The key of a file: its bytes, and its name (`id-matches-file` reads the name)."""
        digest = hashlib.sha256(Path(name).stem.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()[:32]

    def get(self, key: str, file: str) -> tuple[tuple[Finding, ...], str | None] | None:
        """The findings (named for `file`) and plan id stored under `key`, if any."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        self.used.add(key)
        plan_id, rows = entry
        return tuple(_finding(file, row) for row in rows), plan_id

    def put(self, key: str, findings: Iterable[Finding], plan_id: str | None) -> None:
        self.entries[key] = [plan_id, [_row(finding) for finding in findings]]
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the cache back if this run added to it (a failure only costs speed)."""
        if not self.changed:
            return
        body = json.dumps(
            {"format": FORMAT, "salt": self.salt, "entries": self._kept()},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        with contextlib.suppress(OSError, WriteRefused):
            _prepare_folder(self.path.parent)
            root = self.path.parent.parent
            write_signed(self.path, self.secret, body, within=root)

    def _kept(self) -> dict[str, list[Any]]:
        """Entries of this run, then the most recent others up to a bound."""
        others = [key for key in self.entries if key not in self.used]
        keep = max(MIN_KEPT, 4 * len(self.used)) - len(self.used)
        order = others[max(0, len(others) - keep) :] + [k for k in self.entries if k in self.used]
        return {key: self.entries[key] for key in order}

    def _load(self) -> dict[str, list[Any]]:
        body = read_signed(self.path, self.secret)
        if body is None:
            return {}  # none yet, written elsewhere, or damaged: start again
        try:
            stored = json.loads(body)
        except ValueError:
            return {}
        if stored.get("format") != FORMAT or stored.get("salt") != self.salt:
            return {}
        entries: dict[str, list[Any]] = stored.get("entries", {})
        return entries


def write_signed(path: Path, secret: bytes, body: bytes, *, within: Path) -> None:
    """Write `body` atomically under a first line that signs it with `secret`."""
    write_atomic(path, _signature(secret, body) + b"\n" + body, within=within, durable=False)


def read_signed(path: Path, secret: bytes) -> bytes | None:
    """The body of a file `write_signed` wrote with `secret`; None when there is none, or
    it was signed with another key (copied in, committed) or changed since."""
    try:
        signature, _, body = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    return body if hmac.compare_digest(signature, _signature(secret, body)) else None


def _signature(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")


def _row(finding: Finding) -> Row:
    return [
        finding.line,
        finding.column,
        finding.rule,
        str(finding.severity),
        finding.message,
        finding.hint,
        finding.json_path,
        finding.fatal,
    ]


def _finding(file: str, row: Row) -> Finding:
    line, column, rule, severity, message, hint, json_path, fatal = row
    return Finding(file, line, column, rule, Severity(severity), message, hint, json_path, fatal)


def _prepare_folder(folder: Path) -> None:
    """Create the cache folder so that git and backup tools leave it alone."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("# created by planctl\n*\n", encoding="utf-8")
    (folder / "CACHEDIR.TAG").write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This folder is a cache created by planctl (https://planctl.dev).\n",
        encoding="utf-8",
    )


def _signing_key() -> bytes | None:
    """This user's secret for signing caches, made on first use; None if it cannot be kept."""
    folder = user_cache_dir()
    if folder is None:
        return None
    path = folder / _KEY_FILE
    key = _read_key(path)
    if key is not None:
        return key
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another planctl made it just now
        return _read_key(path)
    except OSError:
        return None
    key = secrets.token_bytes(32)
    with os.fdopen(handle, "wb") as out:
        out.write(key)
    return key


def _read_key(path: Path) -> bytes | None:
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 32 else None


# --- what findings depend on ------------------------------------------------------------


def salt(extra: Sequence[bytes | None]) -> str:
    """One fingerprint of planctl, the schemas, the libraries and `extra` (file contents)."""
    # Messages are stored translated: each language has its own entries.
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{i18n.language()}\0".encode())
    digest.update(_package_fingerprint().encode())
    digest.update(schema_fingerprint().encode())
    digest.update(_libraries_fingerprint().encode())
    for part in extra:
        digest.update(b"\1" if part is None else b"\2" + hashlib.sha256(part).digest())
    return digest.hexdigest()


def _package_fingerprint() -> str:
    """planctl's own source files and message catalogs by name, size and time, so edited
    rules and translations count as new."""
    stamps: list[str] = []
    folders = [str(_PACKAGE)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith((".py", ".mo")):
                    stat = entry.stat()
                    stamps.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(sorted(stamps))


def _libraries_fingerprint() -> str:
    """Where and when the YAML and schema libraries were installed (found, not imported)."""
    stamps = []
    for name in _LIBRARIES:
        found = installed_file(name, "__init__.py")
        if found is None:
            stamps.append(f"{name}:-")
            continue
        stat = os.stat(found)  # noqa: PTH116 — start-up path
        stamps.append(f"{name}:{found}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(stamps)
