"""Which installed face serves each typeface role of a GB/T 9704 document, and where from.

A role (`fangsong` 仿宋 for the text, `kaiti` 楷体, `heiti` 黑体, `xiaobiaosong` 小标宋 for
the 标志 and titles, `songti` 宋体 for page numbers) is served by the first face found of:

1. the standard's own faces (仿宋_GB2312, 方正小标宋简体 …) — an office's copy always wins;
2. the faces Windows and macOS ship for the role (FangSong, KaiTi, SimHei, STFangsong …);
3. free stand-ins installed on the system (FandolFang, Noto CJK, LXGW WenKai …);
4. the subsets planctl ships in `planctl/fonts/files/` (see the README there).

Faces are looked for in the office's folders first (the repository's `fonts/` folder and
the folders in `PLANCTL_FONT_PATH`), then in the system's font folders (Windows'
%WINDIR%\\Fonts and the per-user font folder, macOS's /Library/Fonts and ~/Library/Fonts,
the fontconfig folders on Linux). Faces are matched by the family name in the font's own
name table, the way Typst matches them. `FontSet.missing()` finds characters no face of a
role's chain can print, so that a document is refused rather than printed with boxes.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from planctl.atomic import write_atomic
from planctl.errors import WriteRefused
from planctl.i18n import N_
from planctl.usercache import user_cache_dir

Kind = Literal["standard", "equivalent", "stand-in", "bundled"]
Origin = Literal["office", "system", "bundled"]

BUNDLED_FOLDER = Path(__file__).resolve().parent / "files"
OFFICE_FOLDER_NAME = "fonts"  # beside plans/ in a repository
PATH_VARIABLE = "PLANCTL_FONT_PATH"

ROLES = ("fangsong", "kaiti", "heiti", "xiaobiaosong", "songti")
ROLE_NAMES = {
    "fangsong": "仿宋",
    "kaiti": "楷体",
    "heiti": "黑体",
    "xiaobiaosong": "小标宋",
    "songti": "宋体",
}
REGULAR, BOLD = 400, 700
KIND_WORDS: Mapping[str, str] = {
    "standard": N_("the standard's face"),
    "equivalent": N_("the system's equivalent"),
    "stand-in": N_("a free stand-in"),
    "bundled": N_("the fallback planctl ships"),
}
ORIGIN_WORDS: Mapping[str, str] = {
    "office": N_("office"),
    "system": N_("system"),
    "bundled": N_("bundled"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A face that may serve a role: its family name(s) as fonts spell them."""

    names: tuple[str, ...]
    kind: Kind
    weight: int = REGULAR


def _faces(kind: Kind, *groups: tuple[str, ...], weight: int = REGULAR) -> tuple[Candidate, ...]:
    return tuple(Candidate(names, kind, weight) for names in groups)


CANDIDATES: Mapping[str, tuple[Candidate, ...]] = {
    "fangsong": (
        *_faces("standard", ("仿宋_GB2312", "FangSong_GB2312"), ("方正仿宋_GBK", "FZFangSong-Z02")),
        *_faces("equivalent", ("仿宋", "FangSong"), ("华文仿宋", "STFangsong")),
        *_faces("stand-in", ("FandolFang", "FandolFang R")),
        *_faces("stand-in", ("Zhuque Fangsong (technical preview)",)),
        *_faces("bundled", ("Planctl Fang",)),
    ),
    "kaiti": (
        *_faces("standard", ("楷体_GB2312", "KaiTi_GB2312"), ("方正楷体_GBK", "FZKai-Z03")),
        *_faces("equivalent", ("楷体", "KaiTi"), ("华文楷体", "STKaiti"), ("Kaiti SC",)),
        *_faces("stand-in", ("LXGW WenKai",), ("FandolKai", "FandolKai R"), ("AR PL UKai CN",)),
        *_faces("bundled", ("Planctl Kai",)),
    ),
    "heiti": (
        *_faces("standard", ("方正黑体_GBK", "FZHei-B01"), ("黑体", "SimHei")),
        *_faces("equivalent", ("华文黑体", "STHeiti"), ("Heiti SC",)),
        *_faces("stand-in", ("Noto Sans CJK SC",), ("Source Han Sans SC",), ("Noto Sans SC",)),
        *_faces("stand-in", ("FandolHei", "FandolHei R"), ("WenQuanYi Zen Hei",)),
        *_faces("bundled", ("Planctl Hei",)),
    ),
    "xiaobiaosong": (
        *_faces("standard", ("方正小标宋简体", "FZXiaoBiaoSong-B05S"), ("方正小标宋_GBK",)),
        *_faces("standard", ("FZXiaoBiaoSong-B05",)),
        *_faces("equivalent", ("华文中宋", "STZhongsong")),
        *_faces("stand-in", ("Noto Serif CJK SC",), ("Source Han Serif SC",), weight=BOLD),
        *_faces("stand-in", ("Noto Serif SC",), ("FandolSong", "FandolSong R"), weight=BOLD),
        *_faces("bundled", ("Planctl Song",), weight=BOLD),
    ),
    "songti": (
        *_faces("standard", ("宋体", "SimSun")),
        *_faces("equivalent", ("华文宋体", "STSong"), ("Songti SC",)),
        *_faces("stand-in", ("Noto Serif CJK SC",), ("Source Han Serif SC",), ("Noto Serif SC",)),
        *_faces("stand-in", ("FandolSong", "FandolSong R"), ("AR PL UMing CN",)),
        *_faces("bundled", ("Planctl Song",)),
    ),
}


@dataclass(frozen=True, slots=True)
class Face:
    """One installed font: what Typst calls it, where the file is, where it came from."""

    family: str
    weight: int
    path: Path
    index: int
    origin: Origin


@dataclass(frozen=True, slots=True)
class Choice:
    """The face serving a role and the faces that print what it lacks, in order."""

    role: str
    face: Face
    kind: Kind
    weight: int  # the weight to ask for: 小标宋's free stand-ins are the bold of a serif
    chain: tuple[Face, ...]  # face first, then the fallbacks

    @property
    def stand_in(self) -> bool:
        """Whether the standard's face (or the system's equivalent) is missing."""
        return self.kind in ("stand-in", "bundled")

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(face.family for face in self.chain))


@dataclass(frozen=True)
class FontSet:
    """Every role's choice, and the folders Typst must be given to find them."""

    choices: Mapping[str, Choice]
    folders: tuple[Path, ...]

    def __getitem__(self, role: str) -> Choice:
        return self.choices[role]

    def stand_ins(self) -> list[Choice]:
        return [choice for choice in self.choices.values() if choice.stand_in]

    def missing(self, text: str, role: str) -> str:
        """The characters of `text` (in order, once each) that no face of `role` can print."""
        wanted = _printable(text)
        for face in self.choices[role].chain:
            if not wanted:
                break
            covered = coverage(face.path, face.index)
            wanted = [char for char in wanted if ord(char) not in covered]
        return "".join(wanted)


def discover(
    repository_root: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    include_system: bool = True,
) -> FontSet:
    """The faces on this machine for every role (see the module docstring for the order)."""
    environ = os.environ if environ is None else environ
    office = office_folders(repository_root, environ)
    system = system_folders(environ) if include_system else []
    faces = list(_installed(office, system, include_system))
    choices = {role: _choose(role, faces) for role in ROLES}
    folders = tuple(dict.fromkeys(face.path.parent for c in choices.values() for face in c.chain))
    return FontSet(choices, folders)


def office_folders(repository_root: Path | None, environ: Mapping[str, str]) -> list[Path]:
    """The repository's `fonts/` folder and the folders named in PLANCTL_FONT_PATH."""
    folders = [Path(part) for part in environ.get(PATH_VARIABLE, "").split(os.pathsep) if part]
    if repository_root is not None:
        folders.insert(0, repository_root / OFFICE_FOLDER_NAME)
    return [folder for folder in folders if folder.is_dir()]


def system_folders(
    environ: Mapping[str, str], platform: str = sys.platform, home: Path | None = None
) -> list[Path]:
    """The font folders of this system, the user's own included, that exist."""
    return [folder for folder in _system_folder_names(environ, platform, home) if folder.is_dir()]


def _system_folder_names(
    environ: Mapping[str, str], platform: str, home: Path | None
) -> list[Path]:
    home = home or Path.home()
    if platform.startswith("win"):
        windir = Path(environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows")
        local = environ.get("LOCALAPPDATA")
        user = Path(local) if local else home / "AppData" / "Local"
        return [windir / "Fonts", user / "Microsoft" / "Windows" / "Fonts"]
    if platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/AssetsV2"),  # fonts macOS downloads on demand (STFangsong …)
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data_home = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    data_dirs = environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [
        data_home / "fonts",
        home / ".fonts",
        *(Path(part) / "fonts" for part in data_dirs.split(":") if part),
    ]


def _installed(
    office: Sequence[Path], system: Sequence[Path], include_system: bool
) -> Iterable[Face]:
    """Every face Typst finds: office folders first, then the system's, then bundled ones."""
    import typst

    seen: set[tuple[Path, int]] = set()
    office_roots = [folder.resolve() for folder in office]
    fonts = typst.Fonts(
        include_system_fonts=include_system,
        include_embedded_fonts=False,
        font_paths=[str(folder) for folder in (*office, *system, BUNDLED_FOLDER)],
    )
    for info in fonts.fonts():
        if info.path is None or info.style != "normal":
            continue
        path = Path(info.path).resolve()
        if (path, info.index) in seen:
            continue
        seen.add((path, info.index))
        yield Face(info.family, info.weight, path, info.index, _origin(path, office_roots))


def _origin(path: Path, office_roots: Sequence[Path]) -> Origin:
    if path.is_relative_to(BUNDLED_FOLDER):
        return "bundled"
    if any(path.is_relative_to(root) for root in office_roots):
        return "office"
    return "system"


_ORIGIN_RANK = {"office": 0, "system": 1, "bundled": 2}


def _choose(role: str, faces: Sequence[Face]) -> Choice:
    """The best face for `role`, with every other candidate after it as fallbacks."""
    ranked: list[tuple[Face, Candidate]] = []
    for candidate in CANDIDATES[role]:
        matches = [face for face in faces if _matches(face, candidate)]
        matches.sort(key=lambda face: _preference(face, candidate))
        ranked.extend((face, candidate) for face in matches[:1])
    if not ranked:
        raise LookupError(f"no font serves the role {role!r}, not even the bundled ones")
    face, candidate = ranked[0]
    weight = candidate.weight
    chain = tuple(dict.fromkeys([*(face for face, _ in ranked), *_fallbacks(faces, weight)]))
    return Choice(role, face, candidate.kind, weight, chain)


def _preference(face: Face, candidate: Candidate) -> tuple[int, int]:
    """Office copies before the system's, the bundled last; then the nearest weight."""
    return _ORIGIN_RANK[face.origin], abs(face.weight - candidate.weight)


def _fallbacks(faces: Sequence[Face], weight: int) -> list[Face]:
    """The bundled faces Typst would pick at `weight`: one per family, the nearest weight."""
    nearest: dict[str, Face] = {}
    for face in faces:
        if face.origin != "bundled":
            continue
        known = nearest.get(face.family)
        if known is None or abs(face.weight - weight) < abs(known.weight - weight):
            nearest[face.family] = face
    return sorted(nearest.values(), key=lambda face: _BUNDLED_ORDER.index(face.family))


# Fallbacks for characters a face lacks: the text face first, the sans last.
_BUNDLED_ORDER = ("Planctl Fang", "Planctl Song", "Planctl Kai", "Planctl Hei")


def _matches(face: Face, candidate: Candidate) -> bool:
    family = face.family.casefold()
    return any(family == name.casefold() for name in candidate.names)


def _printable(text: str) -> list[str]:
    return [char for char in dict.fromkeys(text) if char.isprintable() and not char.isspace()]


@cache
def coverage(path: Path, index: int = 0) -> frozenset[int]:
    """The code points a font file's face maps to glyphs.

    Reading a CJK face's character map takes fontTools a few tenths of a second, so the
    answer is kept in the user's cache, under the file's path, size and modification time.
    """
    stored = _coverage_file(path, index)
    if stored is not None:
        with contextlib.suppress(OSError):
            return frozenset(array.array("I", stored.read_bytes()))
    found = _read_coverage(path, index)
    if stored is not None:
        with contextlib.suppress(OSError, WriteRefused):  # a read-only cache only costs time
            stored.parent.mkdir(parents=True, exist_ok=True)
            codes = array.array("I", sorted(found)).tobytes()
            write_atomic(stored, codes, within=stored.parent, durable=False)
    return found


def _read_coverage(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _coverage_file(path: Path, index: int) -> Path | None:
    folder = user_cache_dir()
    try:
        status = path.stat()
    except OSError:
        return None
    if folder is None:
        return None
    key = f"{_COVERAGE_FORMAT}:{path.resolve()}:{index}:{status.st_size}:{status.st_mtime_ns}"
    return folder / "font-coverage" / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.bin"


# Bumped when the stored form changes; code points as native unsigned 32-bit integers.
_COVERAGE_FORMAT = f"1:{sys.byteorder}"
