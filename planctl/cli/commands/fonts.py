"""`planctl fonts`: which face serves each typeface role, and where it came from."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _

HELP = N_("List the face serving each typeface role (body, headings, titles) and its origin.")


def fonts(
    folder: Path = typer.Argument(  # noqa: B008 — typer declares options this way
        Path(), help=_("A folder in the plan repository (its fonts/ folder is searched first).")
    ),
) -> None:
    """List the face serving each typeface role (仿宋, 楷体, 黑体, 小标宋, 宋体) and its origin."""
    from planctl.fonts import KIND_WORDS, ORIGIN_WORDS, ROLE_NAMES, discover
    from planctl.repository import find_root

    found = discover(find_root(Path(folder).resolve()))
    for role, choice in found.choices.items():
        face = choice.face
        print(
            _("{role}: {face} — {kind}, {origin}: {path}").format(
                role=ROLE_NAMES[role],
                face=face.family,
                kind=_(KIND_WORDS[choice.kind]),
                origin=_(ORIGIN_WORDS[face.origin]),
                path=face.path,
            )
        )
    if found.stand_ins():
        print(
            _(
                "note: install the standard's faces (仿宋_GB2312, 楷体_GB2312, 黑体, "
                "方正小标宋简体) or put them in the repository's fonts/ folder to replace "
                "the stand-ins"
            )
        )
    raise done(0)
