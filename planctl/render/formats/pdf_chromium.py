"""PDF through headless Chromium (opt-in: PLANCTL_PDF_ENGINE=chromium): the notice's HTML printed.

Chromium honours the stylesheet's @page rules (A4, the GB/T 9704 margins, page numbers
in the left and right margin boxes of even and odd pages, the 版记 on a page of its own)
and fontconfig's CJK fonts. Each run gets a fresh profile folder and a time limit; the
built-in templates forbid scripts and remote content in their Content-Security-Policy.
`PLANCTL_CHROMIUM` names the browser binary when it is not on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from planctl.errors import PdfEngineMissing, PdfError
from planctl.render.formats import html as html_format
from planctl.render.job import Job

ENGINE_VARIABLE = "PLANCTL_CHROMIUM"
ENGINE_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
ENGINE_PACKAGE = "chromium"
FONT_PACKAGE = "fonts-noto-cjk"
TIMEOUT_SECONDS = 120

_INSTALL_HINT = (
    f"install the Debian package {ENGINE_PACKAGE} (apt-get install {ENGINE_PACKAGE} "
    f"{FONT_PACKAGE}), or set {ENGINE_VARIABLE} to a Chromium or Chrome binary"
)


def find_engine() -> str | None:
    """The Chromium binary to print with, or None when none is installed."""
    chosen = os.environ.get(ENGINE_VARIABLE)
    if chosen:
        return shutil.which(chosen) or (chosen if Path(chosen).is_file() else None)
    for name in ENGINE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_engine_note() -> str:
    """One line saying why there is no PDF and what to install."""
    return f"no PDF engine found: {_INSTALL_HINT}"


def notice(job: Job) -> bytes:
    return print_html(html_format.notice(job))


def print_html(html: bytes) -> bytes:
    """Typeset an HTML page (with its print stylesheet) into PDF bytes."""
    engine = find_engine()
    if engine is None:
        raise PdfEngineMissing("no PDF engine found", hint=_INSTALL_HINT)
    _require_cjk_fonts()
    with tempfile.TemporaryDirectory(prefix="planctl-pdf-") as folder:
        page, output = Path(folder) / "page.html", Path(folder) / "page.pdf"
        page.write_bytes(html)
        _run(_command(engine, Path(folder), page, output))
        if not output.is_file() or output.stat().st_size == 0:
            raise PdfError(
                "Chromium wrote no PDF",
                where=engine,
                hint="run with --debug; check that Chromium starts on this machine",
            )
        return output.read_bytes()


def _command(engine: str, folder: Path, page: Path, output: Path) -> list[str]:
    return [
        engine,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",  # containers often give /dev/shm only 64 MB
        f"--user-data-dir={folder / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={output}",
        page.as_uri(),
    ]


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise PdfError(
            f"Chromium did not finish printing within {TIMEOUT_SECONDS} s",
            where=command[0],
            hint="try again; check the machine's load",
        ) from None
    except OSError as error:
        raise PdfError(
            f"cannot start Chromium: {error.strerror or error}",
            where=command[0],
            hint=_INSTALL_HINT,
        ) from None
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise PdfError(
            f"Chromium failed (exit {done.returncode}): {last}",
            where=command[0],
            hint="run the command with --debug for details",
        )


def cjk_fonts_missing() -> bool:
    """Whether fontconfig knows no Chinese font (False where it cannot be asked)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    listed = subprocess.run(
        [fc_list, ":lang=zh", "family"],
        capture_output=True,
        timeout=30,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return listed.returncode == 0 and not listed.stdout.strip()


def _require_cjk_fonts() -> None:
    """Refuse to print without a Chinese font: every character would come out as a box."""
    if cjk_fonts_missing():
        raise PdfEngineMissing(
            "no Chinese fonts are installed, so the PDF would lose every glyph",
            hint=f"install the Debian package {FONT_PACKAGE}",
        )
