"""The message catalog: complete, current, compiled at build time; the language chosen
from the environment as gettext programs choose it."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from planctl import i18n

from .conftest import ROOT


def _load_catalog_tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("planctl_catalog", ROOT / "tools" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


catalog = _load_catalog_tools()


# --- the catalog matches the source -------------------------------------------------


def test_every_message_has_a_translation_and_the_catalog_nothing_stale() -> None:
    problems = [str(problem) for problem in catalog.check()]
    assert problems == [], (
        "the catalog does not match the source (see planctl/i18n.py: "
        "`python tools/catalog.py update`, then translate):\n" + "\n".join(problems)
    )


def test_there_is_a_chinese_catalog() -> None:
    assert [po.parent.parent.name for po in catalog.po_files()] == ["zh_CN"]


def _write_package(folder: Path, source: str) -> Path:
    package = folder / "pkg"
    package.mkdir()
    (package / "module.py").write_text(source, encoding="utf-8")
    return package


def _write_po(locale_dir: Path, entries: str) -> Path:
    po = locale_dir / "zh_CN" / "LC_MESSAGES" / "planctl.po"
    po.parent.mkdir(parents=True)
    header = (
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
    )
    po.write_text(header + entries, encoding="utf-8")
    return po


SOURCE = """
from planctl.i18n import _, N_, ngettext, pgettext
TITLE = N_("the plan has no title")
def report(unit, count):
    print(_("{unit} leads no task").format(unit=unit))
    print(ngettext("{count} error", "{count} errors", count).format(count=count))
    print(pgettext("severity", "error"))
    print(_("Check the plans"))
"""


def test_the_check_names_missing_stale_fuzzy_and_broken_translations(tmp_path: Path) -> None:
    package = _write_package(tmp_path, SOURCE)
    locale_dir = tmp_path / "locale"
    _write_po(
        locale_dir,
        'msgid "the plan has no title"\nmsgstr "计划没有标题"\n\n'
        'msgid "{unit} leads no task"\nmsgstr "{单位}未牵头任何任务"\n\n'
        'msgid "{count} error"\nmsgid_plural "{count} errors"\nmsgstr[0] ""\n\n'
        '#, fuzzy\nmsgctxt "severity"\nmsgid "error"\nmsgstr "错误"\n\n'
        'msgid "an old message"\nmsgstr "旧消息"\n\n',
    )
    problems = "\n".join(str(p) for p in catalog.check(package, locale_dir))
    assert "placeholders ['单位']" in problems  # the translation lost {unit}
    assert "no translation of '{count} error'" in problems  # empty plural
    assert "no translation of 'error' [severity]" in problems  # fuzzy is not translated
    assert "no entry for 'Check the plans' (planctl/module.py)" in problems
    assert "stale entry (not in the source) 'an old message'" in problems
    assert "the plan has no title" not in problems
    assert len(problems.splitlines()) == 5


def test_update_adds_new_messages_keeps_translations_and_drops_stale_ones(tmp_path: Path) -> None:
    package = _write_package(tmp_path, SOURCE)
    locale_dir = tmp_path / "locale"
    po = _write_po(
        locale_dir,
        'msgid "the plan has no title"\nmsgstr "计划没有标题"\n\n'
        'msgid "an old message"\nmsgstr "旧消息"\n\n',
    )
    catalog.update(package, locale_dir)
    text = po.read_text(encoding="utf-8")
    assert 'msgid "the plan has no title"\nmsgstr "计划没有标题"' in text
    assert 'msgid "{unit} leads no task"\nmsgstr ""' in text
    assert 'msgctxt "severity"\nmsgid "error"' in text
    assert "an old message" not in text
    assert "#: planctl/module.py\n" in text  # no line numbers: edits elsewhere leave it alone
    missing = {problem.message for problem in catalog.check(package, locale_dir)}
    assert len(missing) == 4 and all(m.startswith("no translation of") for m in missing)


def test_a_compiled_catalog_speaks_chinese_and_leaves_the_untranslated_english(
    tmp_path: Path,
) -> None:
    locale_dir = tmp_path / "locale"
    _write_po(
        locale_dir,
        'msgid "{unit} leads no task"\nmsgstr "{unit}未牵头任何任务"\n\n'
        'msgid "{count} error"\nmsgid_plural "{count} errors"\nmsgstr[0] "{count} 个错误"\n\n'
        'msgctxt "severity"\nmsgid "error"\nmsgstr "错误"\n\n'
        '#, fuzzy\nmsgid "unsure"\nmsgstr "不确定"\n\n',
    )
    (mo,) = catalog.compile_catalogs(locale_dir)
    assert mo == locale_dir / "zh_CN" / "LC_MESSAGES" / "planctl.mo"
    from gettext import GNUTranslations

    with mo.open("rb") as compiled:
        chinese = GNUTranslations(compiled)
    assert (
        chinese.gettext("{unit} leads no task").format(unit="市公安局") == "市公安局未牵头任何任务"
    )
    assert chinese.ngettext("{count} error", "{count} errors", 3) == "{count} 个错误"
    assert chinese.pgettext("severity", "error") == "错误"
    assert chinese.gettext("unsure") == "unsure"  # a fuzzy entry is not shipped
    assert chinese.gettext("not in the catalog") == "not in the catalog"


# --- the language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.GBK"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),  # one Chinese catalog for every Chinese locale
        ({"LANG": "zh_HK"}, "zh_CN"),
        ({"LANG": "zh"}, "zh_CN"),
        ({"LANG": "Chinese (Simplified)_China.936"}, "zh_CN"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "C", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "", "LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "fr:en"}, "en"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:zh_TW"}, "zh_CN"),
        ({"LANG": "C", "LANGUAGE": "zh_CN"}, "en"),  # GNU: LANGUAGE is not read in C
        ({"LANG": "en_US.UTF-8", "PLANCTL_LANG": "zh"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "PLANCTL_LANG": "zh-CN"}, "zh_CN"),
        ({"LC_ALL": "zh_CN.UTF-8", "PLANCTL_LANG": "en"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "PLANCTL_LANG": "C"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "PLANCTL_LANG": " "}, "zh_CN"),
    ],
)
def test_the_language_follows_planctl_lang_then_the_locale(
    environment: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert i18n.choose_language(environment) == expected


@pytest.mark.parametrize(("chinese_ui", "expected"), [(True, "zh_CN"), (False, "en")])
def test_on_windows_without_a_locale_variable_the_display_language_decides(
    chinese_ui: bool, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(i18n, "windows_ui_is_chinese", lambda: chinese_ui)
    assert i18n.choose_language({}) == expected
    assert i18n.choose_language({"LANG": "en_US.UTF-8"}) == "en"  # Git Bash sets LANG
    assert i18n.choose_language({"PLANCTL_LANG": "zh"}) == "zh_CN"


def test_the_windows_display_language_is_read_only_on_windows() -> None:
    if sys.platform != "win32":
        assert i18n.windows_ui_is_chinese() is False  # no windll here: never a crash


def test_messages_follow_the_chosen_language(monkeypatch: pytest.MonkeyPatch) -> None:
    translated = {"{unit} leads no task": "{unit}未牵头任何任务"}

    class Chinese(i18n.SourceEnglish):
        def gettext(self, message: str, /) -> str:
            return translated.get(message, message)

    monkeypatch.setattr(
        i18n, "catalog", lambda lang: Chinese() if lang == "zh_CN" else i18n.SourceEnglish()
    )
    try:
        assert i18n.use_language("zh_CN.UTF-8") == "zh_CN" == i18n.language()
        assert i18n._("{unit} leads no task").format(unit="市公安局") == "市公安局未牵头任何任务"
        assert i18n.use_language("en") == "en"
        assert i18n._("{unit} leads no task") == "{unit} leads no task"
        assert i18n.ngettext("{count} error", "{count} errors", 2) == "{count} errors"
        assert i18n.ngettext("{count} error", "{count} errors", 1) == "{count} error"
        assert i18n.pgettext("severity", "error") == "error"
        assert i18n.N_("the plan has no title") == "the plan has no title"
    finally:
        monkeypatch.undo()
        i18n.use_language(None)


def test_the_installed_package_has_its_chinese_catalog() -> None:
    """`pip install -e .` (how the tests run) compiled the catalog beside its source."""
    from gettext import GNUTranslations

    chinese = i18n.catalog("zh_CN")
    assert isinstance(chinese, GNUTranslations)
    assert chinese.info()["language"] == "zh_CN"


# --- the build ----------------------------------------------------------------------

BUILD_INPUTS = (
    "pyproject.toml",
    "README.md",
    "hatch_build.py",
    "tools",
    "planctl",
    "schema",
    "templates",
)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """The project's sources without any compiled catalog, as a fresh clone has them."""
    copy = tmp_path / "project"
    copy.mkdir()
    ignore = shutil.ignore_patterns("*.mo", "__pycache__")
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    return copy


def _build(kind: str, project: Path, output: Path) -> Path:
    """Build through the PEP 517 hook pip calls (`build_wheel` or `build_editable`)."""
    output.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import hatchling.build as b; print(b.build_{kind}({str(output)!r}))",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return output / done.stdout.strip().splitlines()[-1]


def test_a_wheel_carries_the_compiled_catalog_and_not_its_source(
    project_copy: Path, tmp_path: Path
) -> None:
    wheel = _build("wheel", project_copy, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        mo = archive.read("planctl/locale/zh_CN/LC_MESSAGES/planctl.mo")
    assert not [name for name in names if name.endswith(".po")]
    assert "planctl/i18n.py" in names
    assert mo[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # gettext's magic number
    assert not list(project_copy.rglob("*.mo")), "a wheel build leaves the source as it was"


def test_an_editable_install_compiles_the_catalog_beside_its_source(
    project_copy: Path, tmp_path: Path
) -> None:
    _build("editable", project_copy, tmp_path / "dist")
    mo = project_copy / "planctl" / "locale" / "zh_CN" / "LC_MESSAGES" / "planctl.mo"
    assert mo.is_file()
    from gettext import GNUTranslations

    with mo.open("rb") as compiled:
        assert GNUTranslations(compiled).info()["language"] == "zh_CN"
