"""Write a file so that readers see the old bytes or the new, never a half-written file, and
only where planctl may write.

Every command that writes (fmt, render, import, git install, the caches) goes through
`write_atomic`, which holds one policy:

- the file lands inside `within`: the repository, or the folder the user named (see
  `boundary`). No link, committed or not, leads a write out of it: a symlinked folder on
  the way or a symlinked file is followed only while it stays inside;
- only a regular file is replaced: a FIFO, a device, a socket or a folder never is;
- never over an input the command is reading (`protect`): `render -o plans/p.yaml`, or a
  link in the output folder naming a plan; many inputs (a year of reports) are best
  given as one `Inputs`, known by identity, made once for every write;
- a temporary file beside the target, flushed to disk, then renamed over it; both in the
  folder opened once, so the folder cannot be swapped for a link in between. An existing
  file keeps its permission bits; a symlink keeps pointing at the file it names (that file
  is replaced, not the link).

A refused write raises `WriteRefused` (exit 2), naming the file and why.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from planctl.errors import InputError, UsageError, WriteRefused, os_error_reason
from planctl.i18n import N_, _

_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISSOCK, N_("a socket")),
)


class Inputs:
    """The files a command reads, which it never writes over, known by device and inode: a
    write is checked with one lookup however many there are (a dashboard reads 36,000
    files). A file that cannot be looked at cannot be written over either."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._known = frozenset(_identities(paths))

    def hold(self, status: os.stat_result) -> bool:
        """Whether the file of `status` is one of the inputs."""
        return (status.st_dev, status.st_ino) in self._known


def _identities(paths: Iterable[Path]) -> Iterator[tuple[int, int]]:
    for path in paths:
        try:
            status = path.stat()
        except (OSError, ValueError):
            continue
        yield status.st_dev, status.st_ino


def boundary(path: Path, root: Path | None) -> Path:
    """Where a write to `path` must stay: the repository `root` when `path` is in it as
    written (before any link is followed), else the folder `path` names."""
    absolute = _lexical(path)
    if root is not None:
        top = _lexical(root)
        if absolute == top or top in absolute.parents:
            return top
    return absolute.parent


def write_atomic(
    path: Path,
    data: bytes | str,
    *,
    within: Path,
    protect: Iterable[Path] | Inputs = (),
    durable: bool = True,
    make_folders: bool = False,
) -> None:
    """Replace `path` with `data` (str is written as UTF-8 with LF line ends) in one step.

    `within` is the folder the write must stay in (see the module docstring); `protect`
    the files being read, never written over. `make_folders` creates missing folders on
    the way, inside `within` only. `durable` also syncs the data and the rename to disk;
    the caches, which can always be rebuilt, skip that. The temporary name is made here
    rather than with `tempfile`, whose import costs more than a write: process id and
    random bytes make it unique, O_EXCL makes sure, and it gets the umask's mode.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    limit = Path(os.path.realpath(within))
    if make_folders:
        _make_folders(path.parent, limit)
    target = _checked_target(path, limit, protect)
    if os.name != "posix":  # Windows cannot open a folder: the checks above stand alone
        _replace_in(None, target, content, durable)
        return
    folder = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        # The folder now open is the one written in: check it is still the one checked.
        _check_inside(_opened_folder(folder, target.parent), limit, path)
        _replace_in(folder, target, content, durable)
    finally:
        os.close(folder)


def output_folder(folder: Path, *, hint: str, within: Path | None = None) -> Path:
    """The folder a command writes its files into (`-o DIR`), made when missing (inside
    `within` only, when given: no link on the way leads the folders made out of it); a
    file in its place or a folder that cannot be made is one clear error (`hint` says
    what to name)."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(_("not a folder"), where=str(folder), hint=hint)
    try:
        if within is None:
            folder.mkdir(parents=True, exist_ok=True)
        else:
            _make_folders(folder, Path(os.path.realpath(within)))
    except OSError as error:
        raise InputError(
            _("cannot make the folder: {reason}").format(reason=os_error_reason(error)),
            where=str(folder),
            hint=_("check the path and its permissions"),
        ) from None
    return folder


def check_writable(path: Path, *, within: Path, protect: Iterable[Path] | Inputs = ()) -> None:
    """Raise `WriteRefused` now if `write_atomic` would refuse `path` (before reading it,
    say, when it is a link leading elsewhere)."""
    _checked_target(path, Path(os.path.realpath(within)), protect)


def _checked_target(path: Path, limit: Path, protect: Iterable[Path] | Inputs) -> Path:
    """The regular file to replace: `path`, or the file a link at `path` names."""
    parent = Path(os.path.realpath(path.parent))
    _check_inside(parent, limit, path)
    target = parent / path.name
    status = _lstat(target)
    if status is not None and stat.S_ISLNK(status.st_mode):
        target = Path(os.path.realpath(target))
        _check_inside(target.parent, limit, path)
        status = _lstat(target)
    if status is not None:
        kind = next((name for test, name in _KINDS if test(status.st_mode)), None)
        if kind is not None:
            raise WriteRefused(
                _("{kind} is there, not a regular file; planctl never replaces it").format(
                    kind=_(kind)
                ),
                where=str(path),
                hint=_("name a file to write, or a folder ending in /"),
            )
        inputs = protect if isinstance(protect, Inputs) else Inputs(protect)
        if inputs.hold(status):
            raise WriteRefused(
                _("this is a file the command is reading; it is not written over"),
                where=str(path),
                hint=_("write the output to another file"),
            )
    return target


def _check_inside(folder: Path, limit: Path, shown: Path) -> None:
    if folder != limit and limit not in folder.parents:
        raise WriteRefused(
            _("a link leads this write out of {limit} (to {folder}); nothing was written").format(
                limit=limit, folder=folder
            ),
            where=str(shown),
            hint=_("remove the link, or name a real file inside {limit}").format(limit=limit),
        )


def _make_folders(folder: Path, limit: Path) -> None:
    """Create `folder` and the folders above it that are missing, checking first that the
    nearest existing one really is inside `limit` (a link there would take them outside)."""
    missing: list[Path] = []
    existing = _lexical(folder)
    while not existing.exists() and existing != existing.parent:
        missing.append(existing)
        existing = existing.parent
    if not existing.is_dir():
        raise WriteRefused(
            _("{path} is not a folder").format(path=existing),
            where=str(folder),
            hint=_("name a folder for the output"),
        )
    real = Path(os.path.realpath(existing))
    if real in limit.parents:
        # The folder named is among those to make (-o /tmp/new/x.md): where they lead.
        _check_inside(Path(os.path.realpath(folder)), limit, folder)
    else:
        _check_inside(real, limit, folder)
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            created.mkdir()


def _replace_in(folder: int | None, target: Path, content: bytes, durable: bool) -> None:
    """Write a temporary file in the folder, then rename it over the target (both relative
    to the open `folder`, where there is one)."""
    mode = _existing_mode(target)
    name = f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    temporary: str | Path = name if folder is not None else target.parent / name
    final: str | Path = target.name if folder is not None else target
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(temporary, flags, mode or 0o666, dir_fd=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            if durable:
                out.flush()
                os.fsync(out.fileno())
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), mode)  # the umask may have taken bits off
        os.replace(temporary, final, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    if durable and folder is not None:
        os.fsync(folder)  # the rename itself


def _opened_folder(handle: int, fallback: Path) -> Path:
    """Where an open folder is (Linux says; elsewhere, where its path leads now)."""
    try:
        return Path(f"/proc/self/fd/{handle}").readlink()
    except OSError:
        return Path(os.path.realpath(fallback))


def _lexical(path: Path) -> Path:
    """The absolute path as written: `..` removed, no link followed."""
    return Path(os.path.normpath(path.absolute()))


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None  # nothing there (a file in a folder's place: making the folder says so)


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
