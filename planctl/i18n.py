"""Every message planctl shows a person, in Chinese or in English.

planctl speaks Chinese where the user's locale is Chinese and English elsewhere. The
English text in the source is the message id; the Chinese lives in one gettext catalog,
`planctl/locale/zh_CN/LC_MESSAGES/planctl.po`, compiled to `planctl.mo` when the package
is built or installed (`pip install .` or `pip install -e .`; the build hook is
`hatch_build.py`). Only the standard library's `gettext` reads it, so start-up stays lean.

Writing a message
-----------------
- Translate whole sentences, with named placeholders filled in *after* translating::

      from planctl.i18n import _
      raise PlanctlError(_("{unit} leads no task").format(unit=name))

  Never build a sentence from translated pieces (`_("no task") + " " + _("for") ...`),
  and never put a variable inside `_()`'s argument (`_(f"...")`): the extractor only sees
  string literals, and word order differs between the two languages.
- A text defined before it is shown (a constant, a rule's message table, an option's
  help read at start-up) is marked with `N_()` where it is written and translated with
  `_()` where it is shown::

      MESSAGE = N_("the plan has no title")
      ...
      print(_(MESSAGE))

- A count: `ngettext("{count} error", "{count} errors", n).format(count=n)`.
- The same English word meaning two things: `pgettext("severity", "error")`.
- A name or value the user wrote goes through `quote()`: 'x' in English, “x” in
  Chinese, control characters escaped in both (never `{name!r}` in a message: a
  translation could drop the `!r`, and with it the escaping).
- A list of alternatives: `either(names)` (A, B or C / A、B或C).
- Identifiers stay as they are in both languages: rule ids, option names, JSON keys,
  file names, YAML keys and values the user types. Put them in placeholders or quote
  them literally; do not translate them.
- Text of the plan's own documents (the 修订对照表, rendered tables) is Chinese in both
  languages: it is the plan's language, not the interface's.

Adding its translation
----------------------
1. `python tools/catalog.py update` adds every new message to the catalog (and drops
   the ones no longer in the source); it needs Babel (`pip install -e '.[test]'`).
2. Write the Chinese in the new entries' `msgstr` (keep every `{placeholder}`; the
   Chinese of an office document: 错误, 警告, 修改建议：…). Plurals: Chinese has one form,
   `msgstr[0]`.
3. `tests/test_i18n.py` fails while a message has no translation, while the catalog keeps
   a message the source no longer has, or when a translation loses a placeholder. The
   test run compiles the catalog itself; an installed planctl gets it on reinstall
   (`pip install -e .`), or at once with `python tools/catalog.py compile`.

Choosing the language
---------------------
`PLANCTL_LANG` first (`zh`, `zh_CN`, `en`, `C`…), else the locale as gettext reads it:
`LC_ALL`, then `LC_MESSAGES`, then `LANG` (and GNU's `LANGUAGE` list, unless the locale
is C/POSIX); on Windows without those variables, the user's display language. Any
Chinese locale (`zh_CN`, `zh_TW`, `zh_HK`, `Chinese_China.936`…) gets the Chinese
catalog; every other locale gets English.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

DOMAIN = "planctl"
CHINESE = "zh_CN"
ENGLISH = "en"
DOCUMENT_LANGUAGE = CHINESE  # what documents are written in, whatever the terminal speaks
LANGUAGES = (CHINESE, ENGLISH)
LOCALE_DIR = Path(__file__).parent / "locale"


class Translations(Protocol):
    """What planctl asks of a catalog (the part of `gettext.NullTranslations` it uses)."""

    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, count: int, /) -> str: ...
    def pgettext(self, context: str, message: str, /) -> str: ...


class SourceEnglish:
    """The English written in the source: what gettext shows without a catalog, without
    importing gettext (the English start-up stays as lean as it was)."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int, /) -> str:
        return singular if count == 1 else plural

    def pgettext(self, context: str, message: str, /) -> str:
        return message


_active: Translations | None = None
_active_language: str | None = None


def _(message: str) -> str:
    """`message` in the user's language."""
    return (_active or _activate()).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it yet; `_()` it when shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` things (Chinese has one form for any count)."""
    return (_active or _activate()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the user's language, where `context` tells which meaning it has."""
    return (_active or _activate()).pgettext(context, message)


def quote(text: str) -> str:
    """A name or value the user wrote, quoted for a message in the user's language
    ('x' in English, “x” in Chinese), with control characters escaped."""
    if (_active_language or language()) == ENGLISH:
        return repr(text)
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return f"“{shown}”"


def either(names: list[str] | tuple[str, ...]) -> str:
    """Alternatives as one phrase: `A`, `A or B`, `A, B or C` (Chinese: A、B或C)."""
    if len(names) < 2:
        return "".join(names)
    head = pgettext("list separator", ", ").join(names[:-1])
    return _("{items} or {last}").format(items=head, last=names[-1])


def language() -> str:
    """The language messages are shown in: `zh_CN` or `en`."""
    if _active_language is None:
        _activate()
    assert _active_language is not None
    return _active_language


def use_language(name: str | None = None) -> str:
    """Show messages in `name` (a language or locale name) from now on; None: choose again
    from the environment. Returns the language chosen. Texts translated before the
    change (help declared at import time) keep their language."""
    global _active, _active_language
    chosen = choose_language(os.environ) if name is None else _language_of(name)
    _active = catalog(chosen)
    _active_language = chosen
    return chosen


@contextlib.contextmanager
def in_language(name: str) -> Iterator[None]:
    """Messages in `name` inside the block, for text that goes into a document: the 台账,
    the dashboard and the reminders are Chinese whatever language the terminal speaks."""
    before = language()
    use_language(name)
    try:
        yield
    finally:
        use_language(before)


def catalog(language: str) -> Translations:
    """The compiled catalog of `language`; for English, or without a compiled catalog
    (a source checkout never built), the English of the source."""
    if language == ENGLISH:
        return SourceEnglish()
    from gettext import GNUTranslations

    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as compiled:
            return GNUTranslations(compiled)
    except OSError:
        return SourceEnglish()


def choose_language(environ: os._Environ[str] | dict[str, str]) -> str:
    """The language for this environment: `PLANCTL_LANG`, else the locale."""
    wanted = environ.get("PLANCTL_LANG", "").strip()
    if wanted:
        return _language_of(wanted)
    locale = next(
        (value for key in ("LC_ALL", "LC_MESSAGES", "LANG") if (value := environ.get(key))),
        None,
    )
    if locale is None and sys.platform == "win32":
        return CHINESE if windows_ui_is_chinese() else ENGLISH
    if locale is None or _is_c_locale(locale):
        return ENGLISH
    # GNU gettext's priority list, which it honours only outside the C locale: the first
    # language in it that planctl speaks; none of them, the English of the source.
    preferences = [entry for entry in environ.get("LANGUAGE", "").split(":") if entry.strip()]
    for entry in preferences:
        if _language_of(entry) == CHINESE or entry.strip().lower().startswith("en"):
            return _language_of(entry)
    return ENGLISH if preferences else _language_of(locale)


def windows_ui_is_chinese() -> bool:
    """Whether the Windows user's display language is Chinese (any variant)."""
    import ctypes

    try:
        language_id = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False
    return language_id & 0x3FF == _LANG_CHINESE


_LANG_CHINESE = 0x04  # the primary language id of every Chinese LANGID (0x0804, 0x0404…)


def _language_of(name: str) -> str:
    """`zh_CN` for any Chinese language or locale name, `en` for any other."""
    lowered = name.strip().lower().replace("-", "_")
    if lowered == "zh" or lowered.startswith(("zh_", "zh.", "zh@", "chinese")):
        return CHINESE
    return ENGLISH


def _is_c_locale(name: str) -> bool:
    base = name.split(".")[0].split("@")[0]
    return base in ("C", "POSIX")


def _activate() -> Translations:
    use_language(None)
    assert _active is not None
    return _active


class ForeignWordings:
    """Another program's English messages (a parser's, click's), each matched by a pattern
    and shown through the catalog: `(pattern, message id)` pairs, the message id written
    with the pattern's named groups as placeholders. First match wins."""

    def __init__(self, entries: Sequence[tuple[str, str]]) -> None:
        self._patterns = tuple(
            (re.compile(pattern, re.DOTALL), message) for pattern, message in entries
        )

    def match(self, text: str) -> tuple[str, dict[str, str]] | None:
        """The message id for `text` and the parts its placeholders take, or None."""
        for pattern, message in self._patterns:
            found = pattern.fullmatch(text)
            if found:
                return message, {key: value or "" for key, value in found.groupdict().items()}
        return None
