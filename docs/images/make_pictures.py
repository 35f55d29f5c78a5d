"""Make the page pictures of docs/render.md from a real render of the demo plan.

    python docs/images/make_pictures.py

Renders plans/zhaoqing-2012-prd-workplan.yaml to PDF with the installed planctl, and its
责任分工表 to a landscape PDF, then turns their first pages into PNGs with pdftoppm
(poppler-utils). Run it again whenever the page layout changes, and commit the pictures.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "zhaoqing-2012-prd-workplan.yaml"
IMAGES = Path(__file__).resolve().parent
PAGES = 2
RESOLUTION = 60  # dots per inch: an A4 page about 500 pixels wide


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "notice.pdf"
        render = [sys.executable, "-m", "planctl", "render", str(PLAN), "--as", "notice"]
        subprocess.run([*render, "--format", "pdf", "-o", str(pdf)], check=True, cwd=ROOT)
        prefix = Path(folder) / "notice"
        pages = ["-f", "1", "-l", str(PAGES), "-r", str(RESOLUTION)]
        subprocess.run(["pdftoppm", "-png", *pages, str(pdf), str(prefix)], check=True)
        for number, picture in enumerate(sorted(Path(folder).glob("notice-*.png")), start=1):
            shutil.copy(picture, IMAGES / f"notice-{number}.png")
            print(f"wrote docs/images/notice-{number}.png")
        table = Path(folder) / "table.pdf"
        tables = [sys.executable, "-m", "planctl", "render", str(PLAN), "--as", "table"]
        subprocess.run([*tables, "--format", "pdf", "-o", str(table)], check=True, cwd=ROOT)
        first = ["-f", "1", "-l", "1", "-r", str(RESOLUTION), "-singlefile"]
        subprocess.run(
            ["pdftoppm", "-png", *first, str(table), str(IMAGES / "table-1")], check=True
        )
        print("wrote docs/images/table-1.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
