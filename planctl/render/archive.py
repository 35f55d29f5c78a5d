"""Zip packages (.docx, .xlsx) rewritten so that the same input always gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

# The earliest time a zip entry can carry: no trace of when a file was rendered.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def repackage(package: bytes, replace: Mapping[str, bytes] | None = None) -> bytes:
    """`package` with the parts named in `replace` swapped and every entry's time fixed."""
    replacements = replace or {}
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = replacements.get(info.filename, source.read(info.filename))
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, data)
    return out.getvalue()
