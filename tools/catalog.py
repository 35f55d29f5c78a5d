"""planctl's message catalog: extract the messages from the source, update and compile it.

    python tools/catalog.py update    # add new messages to every .po, drop the stale ones
    python tools/catalog.py compile   # .po -> .mo beside it (what `pip install -e .` does)
    python tools/catalog.py check     # list what is missing, stale or broken; exit 1 if any

Needs Babel (a build and test dependency, never a run-time one). The build hook
`hatch_build.py` and the tests use the functions below, so all three read the source and
the catalogs the same way. How to write a message: see the docstring of `planctl/i18n.py`.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "planctl"
DOMAIN = "planctl"
LOCALE_DIR = PACKAGE / "locale"
KEYWORDS = DEFAULT_KEYWORDS  # _, N_, gettext, ngettext, pgettext, npgettext …


def po_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Every catalog source: `<language>/LC_MESSAGES/planctl.po`."""
    return sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract(package: Path = PACKAGE) -> Catalog:
    """Every message the source marks for translation, as a template catalog."""
    template = Catalog(domain=DOMAIN, project="planctl", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        package, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        location = (f"planctl/{Path(filename).as_posix()}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def read(po: Path) -> Catalog:
    with po.open("rb") as source:
        return read_po(source, domain=DOMAIN)


def write(po: Path, catalog: Catalog) -> None:
    """Write a catalog the way `update` always does (stable order, no line numbers, no
    wrapping), so that branches adding messages touch only their own lines."""
    with po.open("wb") as target:
        write_po(
            target, catalog, width=0, sort_by_file=True, include_lineno=False, ignore_obsolete=True
        )


def update(package: Path = PACKAGE, locale_dir: Path = LOCALE_DIR) -> None:
    """Bring every catalog in step with the source: new messages untranslated, reworded
    ones with the old translation marked fuzzy, removed ones dropped."""
    template = extract(package)
    for po in po_files(locale_dir):
        catalog = read(po)
        catalog.update(template, update_creation_date=False)
        write(po, catalog)


def compile_catalogs(locale_dir: Path = LOCALE_DIR, output_dir: Path | None = None) -> list[Path]:
    """Compile every `.po` to its `.mo` (beside it, or in the same layout under
    `output_dir`); fuzzy and untranslated entries stay English. Returns the `.mo` paths."""
    written = []
    for po in po_files(locale_dir):
        relative = po.relative_to(locale_dir).with_suffix(".mo")
        mo = (output_dir or locale_dir) / relative
        mo.parent.mkdir(parents=True, exist_ok=True)
        partial = mo.with_name(mo.name + ".partial")
        with partial.open("wb") as target:
            write_mo(target, read(po), use_fuzzy=False)
        partial.replace(mo)
        written.append(mo)
    return written


@dataclass(frozen=True)
class Problem:
    po: Path
    message: str

    def __str__(self) -> str:
        where = self.po.relative_to(ROOT) if self.po.is_relative_to(ROOT) else self.po
        return f"{where}: {self.message}"


def check(package: Path = PACKAGE, locale_dir: Path = LOCALE_DIR) -> list[Problem]:
    """What keeps the catalogs from matching the source: messages without a translation,
    translations of messages the source no longer has, translations that lose or invent
    a `{placeholder}`."""
    template = extract(package)
    wanted = {_key(message): message for message in template if message.id}
    problems: list[Problem] = []
    for po in po_files(locale_dir):
        catalog = read(po)
        present = {_key(message): message for message in catalog if message.id}
        for key, message in wanted.items():
            translated = present.get(key)
            if translated is None:
                problems.append(Problem(po, f"no entry for {_show(message)}"))
            elif translated.fuzzy or not _all_translated(translated):
                problems.append(Problem(po, f"no translation of {_show(message)}"))
            else:
                problems.extend(Problem(po, text) for text in _placeholder_problems(translated))
        problems.extend(
            Problem(po, f"stale entry (not in the source) {_show(message)}")
            for key, message in present.items()
            if key not in wanted
        )
    return problems


def _key(message: Message) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context, msgid)


def _show(message: Message) -> str:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    where = ", ".join(path for path, _line in message.locations)
    context = f" [{message.context}]" if message.context else ""
    return f"{msgid!r}{context}" + (f" ({where})" if where else "")


def _strings(message: Message) -> list[str]:
    if isinstance(message.string, str):
        return [message.string]
    return list(message.string or ())


def _all_translated(message: Message) -> bool:
    strings = _strings(message)
    return bool(strings) and all(strings)


def _placeholders(text: str) -> set[str]:
    try:
        return {field for _lit, field, _spec, _conv in string.Formatter().parse(text) if field}
    except ValueError:
        return {"<unbalanced braces>"}


def _placeholder_problems(message: Message) -> Iterator[str]:
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    expected = set().union(*(_placeholders(text) for text in ids))
    for text in _strings(message):
        found = _placeholders(text)
        if found - expected or (expected - found and not _plural_drops_count(message, found)):
            yield (
                f"the translation of {_show(message)} has placeholders {sorted(found)}, "
                f"the message {sorted(expected)}"
            )


def _plural_drops_count(message: Message, found: set[str]) -> bool:
    """A plural's singular may leave out the count ("one file"); a translation may too."""
    if isinstance(message.id, str):
        return False
    singular = _placeholders(message.id[0])
    return found == singular


def main(arguments: list[str]) -> int:
    command = arguments[0] if arguments else "check"
    if command == "update":
        update()
    elif command == "compile":
        for mo in compile_catalogs():
            print(mo.relative_to(ROOT))
    elif command == "check":
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
