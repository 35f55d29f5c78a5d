"""LibreOffice as the reader of the .docx and .xlsx files planctl writes, for tests.

Each conversion runs headless with a profile folder of its own (parallel runs would
otherwise share one and wait for each other's lock) and a timeout, and sees exactly the
fonts it is given: a fontconfig file naming one folder, with aliases that map the faces
a document names (仿宋_GB2312 …) onto the faces that stand in for them, as the Typst
PDF does. Text comes back out through poppler's pdftotext.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from planctl.fonts import FontSet, discover
from planctl.render import gbt9704
from planctl.render.unbreakable import without_joiners

TIMEOUT_SECONDS = 240


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_libreoffice = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (Debian libreoffice-writer-nogui, libreoffice-calc-nogui) and "
    "poppler-utils are needed to read documents back as PDF",
)


def fontconfig_file(
    folder: Path, fonts: Sequence[Path], aliases: Mapping[str, tuple[str, int]]
) -> Path:
    """A fontconfig configuration in `folder` that sees only the fonts in `fonts`, and
    serves each family `aliases` names with the (family, CSS weight) it maps to."""
    cache = folder / "fontconfig-cache"
    cache.mkdir(parents=True, exist_ok=True)
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{html.escape(asked)}'
        '</string></test><edit name="family" mode="assign" binding="strong"><string>'
        f"{html.escape(family)}</string></edit>"
        f'<edit name="weight" mode="assign"><int>{_fontconfig_weight(weight)}</int></edit>'
        "</match>"
        for asked, (family, weight) in aliases.items()
    )
    dirs = "".join(f"<dir>{html.escape(str(path))}</dir>" for path in fonts)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{dirs}<cachedir>{html.escape(str(cache))}</cachedir>{rules}</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def _fontconfig_weight(css_weight: int) -> int:
    return 200 if css_weight >= 700 else 80  # FC_WEIGHT_BOLD, FC_WEIGHT_REGULAR


def same_fonts_as_typst(folder: Path, fonts: FontSet | None = None) -> Path:
    """A fontconfig file that lets LibreOffice see the faces the Typst PDF is set in: the
    face serving each role, under every name a .docx gives that role (仿宋_GB2312, 仿宋 …)."""
    fonts = fonts or discover()
    aliases = {}
    for role, face in gbt9704.FACES.items():
        choice = fonts[role]
        for name in (face.word, face.word_alternative):
            aliases[name] = (choice.face.family, choice.weight)
    return fontconfig_file(folder, fonts.folders, aliases)


def convert_to_pdf(document: Path, folder: Path, *, fontconfig: Path | None = None) -> Path:
    """`document` converted to PDF by LibreOffice, written into `folder`."""
    program = soffice()
    assert program is not None
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "libreoffice-profile"
    env = {**os.environ, "HOME": str(folder)}
    if fontconfig is not None:
        env["FONTCONFIG_FILE"] = str(fontconfig)
    completed = subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    pdf = folder / (document.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice wrote no PDF: {completed.stdout} {completed.stderr}"
    return pdf


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in reading order (pdftotext -layout keeps each printed
    line on a line of its own)."""
    completed = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    pages = completed.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [without_joiners(page) for page in pages]


def printed_lines(page: str) -> list[str]:
    """A page's non-blank lines, inner spaces dropped (justified Chinese text comes back
    from pdftotext with spaces between characters)."""
    lines = (re.sub(r"\s+", "", line) for line in page.splitlines())
    return [line for line in lines if line]


def first_lines(pdf: Path) -> list[str]:
    """The first printed line of every page ("" for a blank page)."""
    return [next(iter(printed_lines(page)), "") for page in page_texts(pdf)]
