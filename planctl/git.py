"""Git, for the diff and the history: the one module that uses gitpython.

Every revision the user names is resolved to a commit here before anything else sees
it, and a name starting with `-` is refused outright, so no user text can reach git as
an option. Objects are read through gitpython's `GitCmdObjectDB`, which keeps one
`git cat-file --batch` process open for the life of the repository object: reading a
plan at 500 revisions costs 500 round-trips on a pipe, not 500 processes.

`changed_files` (for `planctl validate --changed`) runs plain `git diff --name-only`
instead: one process, and no gitpython to import on the validate path.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from planctl.errors import InputError, NotInGitRepository, UsageError
from planctl.i18n import _, quote
from planctl.repository import PLAN_SUFFIXES, Repository, iter_plan_files

if TYPE_CHECKING:
    from git import Repo
    from git.objects import Tree
    from git.types import AnyGitObject

_NULL_BLOB = "0" * 40
# Separators for `git log --format`: a record starts with RS, fields are split by US.
_RECORD, _UNIT = "\x1e", "\x1f"
_LOG_FORMAT = f"--format={_RECORD}%H{_UNIT}%an{_UNIT}%ae{_UNIT}%aI{_UNIT}%s"


@dataclass(frozen=True)
class Revision:
    """A revision as the user named it and the commit it resolved to."""

    name: str
    commit: str

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class TreeFile:
    """A file in a commit's tree: its path from the top of the repository and its blob id."""

    path: str
    blob: str


@dataclass(frozen=True)
class FileCommit:
    """One commit that touched a followed file, with the file's blobs before and after."""

    commit: str
    author: str
    email: str
    date: str
    subject: str
    status: str
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


def blob_id(data: bytes) -> str:
    """The id git gives a blob holding `data` (to skip files identical on both sides)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def open_git(start: Path, *, hint: str | None = None) -> GitRepository:
    """The git repository holding `start`, or a clear error when there is none (with
    `hint`, the command's own advice, else diff's and log's)."""
    from git import Repo
    from git.db import GitCmdObjectDB
    from git.exc import InvalidGitRepositoryError, NoSuchPathError

    try:
        repo = Repo(start, odbt=GitCmdObjectDB, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise NotInGitRepository(
            _("not inside a git repository"),
            where=str(start),
            hint=hint
            or _(
                "run planctl diff or log inside the plans' git checkout, or compare two "
                "files with `planctl diff OLD.yaml NEW.yaml`"
            ),
        ) from None
    if repo.bare or repo.working_tree_dir is None:
        repo.close()
        raise UsageError(
            _("the repository has no working tree"),
            where=str(start),
            hint=_("run planctl in a checkout, not in a bare repository"),
        )
    return GitRepository(repo)


class GitRepository:
    """An open repository; close it (or use `with`) to end its cat-file processes."""

    def __init__(self, repo: Repo) -> None:
        self._repo = repo

    def __enter__(self) -> GitRepository:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._repo.close()

    @property
    def root(self) -> Path:
        """The top folder of the working tree."""
        return Path(str(self._repo.working_tree_dir))

    def resolve(self, name: str) -> Revision:
        """The commit `name` names; exit 2 with the name when it names none."""
        _check_revision_text(name)
        target = self._parse(name)
        while target.type == "tag":  # an annotated tag: the object it tags
            target = target.object
        if target.type != "commit":
            raise UsageError(
                _("revision {name} names a {kind}, not a commit").format(
                    name=quote(name), kind=target.type
                ),
                hint=_("name a branch, a tag or a commit"),
            )
        return Revision(name, target.hexsha)

    def merge_base(self, left: Revision, right: Revision) -> Revision:
        """Where two revisions' histories meet (for `A...B`)."""
        bases = self._repo.merge_base(left.commit, right.commit)
        if not bases:
            raise UsageError(
                _("{left} and {right} have no common ancestor").format(
                    left=left.name, right=right.name
                ),
                hint=_("compare them directly with A..B"),
            )
        return Revision(f"{left.name}...{right.name}", bases[0].hexsha)

    def files(self, revision: Revision, folder: str) -> list[TreeFile]:
        """Every file under `folder` (a path from the top; "" for all) at a revision."""
        tree = self._repo.commit(revision.commit).tree
        if folder:
            try:
                tree = tree[folder]
            except KeyError:
                return []
            if tree.type != "tree":
                return []
        return sorted(_walk(tree), key=lambda file: file.path)

    def read(self, blob: str) -> bytes:
        """A blob's bytes, through the long-lived `git cat-file --batch`."""
        data: bytes = self._repo.odb.stream(bytes.fromhex(blob)).read()
        return data

    def file_history(self, revision: Revision, path: str) -> list[FileCommit]:
        """The commits up to `revision` that changed `path`, newest first, across renames."""
        output = self._repo.git.log(
            "--follow",
            "-M",
            "--raw",
            "--no-abbrev",
            "-z",
            "--no-color",
            _LOG_FORMAT,
            "--end-of-options",
            revision.commit,
            "--",
            path,
        )
        return list(_parse_log(output))

    def set_config(self, section: str, option: str, value: str) -> None:
        """Set a value in this repository's own config (`.git/config`)."""
        with self._repo.config_writer("repository") as writer:
            writer.set_value(section, option, value)

    def _parse(self, name: str) -> AnyGitObject:
        from git.exc import GitError, ODBError

        try:
            return self._repo.rev_parse(name)
        except NotImplementedError:  # a form gitpython does not read (`HEAD@{yesterday}`)
            pass
        except (ODBError, GitError, ValueError, LookupError, TypeError, OSError):
            raise UsageError(
                _("unknown revision {name}").format(name=quote(name)), hint=self._unknown_hint()
            ) from None
        try:  # git itself reads every form; `--end-of-options` keeps the name a name
            object_id = self._repo.git.rev_parse("--verify", "--quiet", "--end-of-options", name)
            return self._repo.rev_parse(object_id.strip())
        except (ODBError, GitError, ValueError, LookupError, TypeError, OSError):
            raise UsageError(
                _("unknown revision {name}").format(name=quote(name)), hint=self._unknown_hint()
            ) from None

    def shallow_boundary(self) -> set[str]:
        """The commits of a shallow clone whose parents were not fetched (none when the
        clone is whole): history before them is not in this repository."""
        path = self._repo.git.rev_parse("--git-path", "shallow").strip()
        shallow = Path(path) if Path(path).is_absolute() else self.root / path
        try:
            return set(shallow.read_text(encoding="ascii").split())
        except OSError:
            return set()

    def _unknown_hint(self) -> str:
        if not self._repo.head.is_valid():
            return _("the repository has no commits yet")
        return _("check the name with `git log --oneline` or `git branch --all`")


def _walk(tree: Tree) -> list[TreeFile]:
    files = [TreeFile(str(blob.path), blob.hexsha) for blob in tree.blobs]
    for subtree in tree.trees:
        files.extend(_walk(subtree))
    return files


def _check_revision_text(name: str) -> None:
    """Refuse what could be read as an option or break a git request line."""
    if not name:
        raise UsageError(_("an empty revision name"), hint=_("name a branch, a tag or a commit"))
    if name.startswith("-"):
        raise UsageError(
            _(
                "refusing revision {name}: it starts with '-' and git would read it as an option"
            ).format(name=quote(name)),
            hint=_("name a branch, a tag or a commit; put paths after --"),
        )
    if ".." in name or any(character.isspace() or ord(character) < 32 for character in name):
        raise UsageError(
            _("unknown revision {name}").format(name=quote(name)),
            hint=_("a revision name holds no '..', spaces or control characters"),
        )


def _parse_log(output: str) -> list[FileCommit]:
    commits = []
    for record in output.split(_RECORD)[1:]:
        header, _, changes = record.partition("\0")
        commit, author, email, date, subject = (header.split(_UNIT, 4) + [""] * 5)[:5]
        for status, old_path, new_path, old_blob, new_blob in _raw_entries(changes.lstrip("\n")):
            commits.append(
                FileCommit(
                    commit,
                    author,
                    email,
                    date,
                    subject,
                    status,
                    old_path,
                    new_path,
                    old_blob,
                    new_blob,
                )
            )
    return commits


def _raw_entries(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    """Parse `--raw -z` lines: `:mode mode old new STATUS\\0path\\0[new path\\0]`."""
    tokens = text.split("\0")
    entries = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if not token.startswith(":"):
            continue
        _modes1, _modes2, old, new, status = token[1:].split()
        old_path = tokens[index]
        index += 1
        new_path = old_path
        if status[0] in "RC":
            new_path = tokens[index]
            index += 1
        entries.append(
            (
                status[0],
                old_path if old != _NULL_BLOB else None,
                new_path if new != _NULL_BLOB else None,
                None if old == _NULL_BLOB else old,
                None if new == _NULL_BLOB else new,
            )
        )
    return entries


# --- a new repository (`planctl init`) ---------------------------------------------------


def work_tree_root(folder: Path) -> Path | None:
    """The top of the git working tree holding `folder`, or None outside any."""
    done = _run(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        return None
    return Path(_names(done, "\n")[0])


def init_repository(folder: Path) -> None:
    """Make `folder` a new git repository (`git init`)."""
    done = _run(folder, "init", "--quiet")
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            f"git init failed: {reason[-1] if reason else done.returncode}", where=str(folder)
        )


# --- the plans changed since a revision (`planctl validate --changed`) ------------------
#
# One `git diff --name-only` against the working tree (so committed, staged and unstaged
# changes all count) plus the untracked files. A change to the unit registry or to the
# schemas can break any plan, so then every plan is returned.

SCHEMA_DIR = "schema"


def changed_files(repository: Repository, revision: str) -> list[Path]:
    """The files to check: the plans, reports and reviews changed since `revision` (and the
    reports and reviews of a changed plan); everything when the registry or a schema changed."""
    commit = resolve_revision(repository.root, revision)
    names = _git_names(repository.root, "diff", "--name-only", "--relative", "-z", commit, "--")
    names += _git_names(repository.root, "ls-files", "--others", "--exclude-standard", "-z")
    changed = {(repository.root / name).resolve() for name in names}
    if _touches_everything(repository, changed):
        everything = [repository.units_path] if repository.units_path.is_file() else []
        return everything + repository.plan_files() + repository.tracking_files()
    folders = [
        folder.resolve()
        for folder in (repository.plans_dir, repository.reports_dir, repository.reviews_dir)
    ]
    chosen = {
        path
        for path in changed
        if path.suffix in PLAN_SUFFIXES
        and path.is_file()
        and any(path.is_relative_to(folder) for folder in folders)
    }
    return sorted(chosen | _tracking_files_of(repository, chosen))


def _tracking_files_of(repository: Repository, changed: set[Path]) -> set[Path]:
    """The reports and reviews of the changed plans (in `reports/<id>/`, `reviews/<id>/`,
    the id being the plan's file name): a plan that changed may have made them wrong."""
    plans = repository.plans_dir.resolve()
    stems = {path.stem for path in changed if path.is_relative_to(plans)}
    found: set[Path] = set()
    for folder in (repository.reports_dir, repository.reviews_dir):
        for stem in stems:
            if (folder / stem).is_dir():
                found.update(path.resolve() for path in iter_plan_files(folder / stem))
    return found


def resolve_revision(root: Path, revision: str) -> str:
    """The commit `revision` names; never passed to git where it could read as an option.

    The same guard as every revision the diff and the history read (`_check_revision_text`).
    """
    _check_revision_text(revision)
    spec = f"{revision}^{{commit}}"
    done = _run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
    if done.returncode == 0:
        return _names(done, "\n")[0]
    _fail_outside_git(done, root)
    raise UsageError(
        _("unknown revision {name}").format(name=quote(revision)),
        hint=_("check the name with `git log --oneline`; in CI, fetch enough history"),
    )


def _touches_everything(repository: Repository, changed: set[Path]) -> bool:
    schemas = (repository.root / SCHEMA_DIR).resolve()
    units = repository.units_path.resolve()
    return any(path == units or path.is_relative_to(schemas) for path in changed)


def _git_names(root: Path, *arguments: str) -> list[str]:
    """The NUL-separated names a git command (run with -z) prints."""
    done = _run(root, *arguments)
    if done.returncode != 0:
        _fail_outside_git(done, root)
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            _("git {command} failed: {reason}").format(
                command=arguments[0], reason=reason[-1] if reason else done.returncode
            ),
            where=str(root),
        )
    return _names(done, "\0")


def _run(
    root: Path, *arguments: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *arguments],
            cwd=root,
            input=stdin,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except FileNotFoundError:
        raise InputError(
            _("git is not installed"), hint=_("install git (on Windows: Git for Windows)")
        ) from None
    except subprocess.TimeoutExpired:
        raise InputError(_("git did not answer within a minute"), where=str(root)) from None


def _fail_outside_git(done: subprocess.CompletedProcess[bytes], root: Path) -> None:
    if b"not a git repository" in done.stderr:
        raise UsageError(
            _("not inside a git repository"),
            where=str(root),
            hint=_("--changed compares with git history; name the files to check instead"),
        )


def _names(done: subprocess.CompletedProcess[bytes], separator: str) -> list[str]:
    output = done.stdout.decode("utf-8", "surrogateescape")
    return [name for name in output.split(separator) if name]


# --- line ends ------------------------------------------------------------------------
# Git for Windows checks text files out with CRLF (core.autocrlf=true); .gitattributes
# `eol` and core.eol say the same per file or per repository. `planctl fmt` writes the
# line ends git expects in the working tree, so formatting a file shows no change in git.

CRLF, LF = "\r\n", "\n"


def working_tree_line_ends(files: list[Path]) -> dict[Path, str | None]:
    """For each file, the line end git gives it in the working tree (CRLF or LF), or None
    where git says nothing (no attribute, no setting, no git, or not in a repository)."""
    found: dict[Path, str | None] = dict.fromkeys(files)
    by_folder: dict[Path, list[Path]] = {}
    for path in files:
        by_folder.setdefault(path.resolve().parent, []).append(path)
    for folder, paths in by_folder.items():
        found.update(_line_ends_in(folder, paths))
    return found


def _line_ends_in(folder: Path, paths: list[Path]) -> dict[Path, str | None]:
    try:
        settings = _config(folder, "core.autocrlf"), _config(folder, "core.eol")
        names = [path.resolve().name for path in paths]
        done = _run(folder, "check-attr", "-z", "text", "eol", "--", *names)
    except InputError:  # no git at all
        return {}
    if done.returncode != 0:  # not a repository, or a path outside it
        return {}
    attributes = _attributes(done.stdout.decode("utf-8", "surrogateescape"))
    return {
        path: line_end_for(attributes.get(name, {}), *settings)
        for path, name in zip(paths, names, strict=True)
    }


def line_end_for(attributes: dict[str, str], autocrlf: str | None, eol: str | None) -> str | None:
    """git's choice of working-tree line end for one file (see gitattributes(5), `text`
    and `eol`, and git-config(1), core.autocrlf and core.eol)."""
    if attributes.get("eol") in ("lf", "crlf"):
        return CRLF if attributes["eol"] == "crlf" else LF
    text = attributes.get("text", "unspecified")
    if text == "unset":  # `-text`: git leaves the file as it is
        return None
    autocrlf = (autocrlf or "false").lower()
    if autocrlf == "true":
        return CRLF
    if autocrlf == "input":
        return LF
    if text in ("set", "auto") and eol:
        native = CRLF if os.name == "nt" else LF
        return {"crlf": CRLF, "lf": LF, "native": native}.get(eol.lower())
    return None


def _config(folder: Path, key: str) -> str | None:
    done = _run(folder, "config", "--get", key)
    value = done.stdout.decode("utf-8", "replace").strip()
    return value if done.returncode == 0 and value else None


def _attributes(output: str) -> dict[str, dict[str, str]]:
    """`git check-attr -z` output (path NUL attribute NUL value NUL …) by path."""
    fields = output.split("\0")
    found: dict[str, dict[str, str]] = {}
    for index in range(0, len(fields) - 2, 3):
        path, attribute, value = fields[index : index + 3]
        found.setdefault(path, {})[attribute] = value
    return found


# --- files as they were at a revision (`planctl stats --at REV`) ------------------------
#
# One `git ls-tree` lists the files, one `git cat-file --batch` reads them all: a year of
# reports costs two processes, not one per file.


def tree_files(root: Path, revision: str, folders: Sequence[str]) -> list[TreeFile]:
    """The files under `folders` (paths from `root`) at `revision`, paths from `root`."""
    commit = resolve_revision(root, revision)
    entries = _git_names(root, "ls-tree", "-r", "-z", commit, "--", *folders)
    files = []
    for entry in entries:
        meta, _tab, path = entry.partition("\t")
        _mode, kind, blob = meta.split(" ")
        if kind == "blob":
            files.append(TreeFile(path, blob))
    return sorted(files, key=lambda file: file.path)


def read_blobs(root: Path, blobs: Sequence[str]) -> dict[str, bytes]:
    """The bytes of each blob, read through one `git cat-file --batch`."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    request = "".join(f"{blob}\n" for blob in wanted).encode("ascii")
    done = _run(root, "cat-file", "--batch", stdin=request)
    if done.returncode != 0:
        _fail_outside_git(done, root)
        raise InputError(_("git cat-file failed"), where=str(root))
    found: dict[str, bytes] = {}
    output, offset = done.stdout, 0
    for blob in wanted:
        end = output.index(b"\n", offset)
        header = output[offset:end].decode("ascii", "replace").split()
        offset = end + 1
        if len(header) < 3 or header[1] == "missing":
            continue
        size = int(header[2])
        found[blob] = output[offset : offset + size]
        offset += size + 1  # the content, then a newline
    return found


def first_added(
    root: Path, folder: str, revision: str | None = None
) -> tuple[list[tuple[str, int, str, str]], bool]:
    """For each file under `folder` (from `root`) some commit added, the oldest such
    commit: (path from `root`, author time, committer date as ISO text, commit id); and
    whether the repository is a shallow clone. Empty outside git or with no commits.

    One `git log --diff-filter=A` run; renames are not followed (a moved file is added
    anew where it now lies).
    """
    start = "HEAD" if revision is None else resolve_revision(root, revision)
    if revision is None and _run(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode:
        return [], False  # outside git, or no commits yet
    done = _run(
        root,
        "-c",
        "core.quotePath=false",
        "log",
        "--diff-filter=A",
        "--no-renames",
        "--relative",
        "--name-only",
        "-z",
        f"--format={_RECORD}%H{_UNIT}%at{_UNIT}%cI",
        start,
        "--",
        folder,
    )
    if done.returncode != 0:
        _fail_outside_git(done, root)
        return [], False
    added: dict[str, tuple[str, int, str, str]] = {}
    text = done.stdout.decode("utf-8", "surrogateescape")
    for record in text.split(_RECORD)[1:]:
        header, _newline, names = record.partition("\n")
        commit, author_time, committed = header.rstrip("\0").split(_UNIT)
        for name in names.split("\0"):
            name = name.strip("\n")
            if name:  # newest first: the last commit seen is the oldest
                added[name] = (name, int(author_time), committed, commit)
    shallow = _run(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
    return sorted(added.values()), shallow


def shallow_commits(root: Path) -> set[str]:
    """The boundary commits of a shallow clone (their parents were not fetched)."""
    done = _run(root, "rev-parse", "--git-path", "shallow")
    if done.returncode != 0:
        return set()
    path = Path(_names(done, "\n")[0])
    try:
        return set((path if path.is_absolute() else root / path).read_text("ascii").split())
    except OSError:
        return set()


def head_commit(root: Path) -> str | None:
    """The commit HEAD names, or None outside git or before the first commit (a cache
    of what depends on the history keys on it; never an error)."""
    try:
        done = _run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except InputError:
        return None
    return _names(done, "\n")[0] if done.returncode == 0 else None
