"""A first plan in one command: `planctl init` makes a plan repository, `planctl new` a plan.

`init_files` decides every file of a new plan repository (the unit registry with
commented examples, a commented skeleton plan that validates and renders, the schemas
for editors, `.gitignore`, a pre-commit configuration and CI for GitHub and GitLab that
install the same planctl); `write_new_files` writes them, refusing when any exists.
`new_plan_text` is the text of one more plan, blank or with the header and sections of
another. The git steps (init, the diff driver) belong to the command, which runs them
through the git adapter.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from string import Template
from typing import Any

from planctl import repository, resources
from planctl.atomic import write_atomic
from planctl.errors import UsageError
from planctl.i18n import _
from planctl.scaffold.commented_yaml import commented_plan
from planctl.scaffold.install import InstallSource

__all__ = [
    "PLAN_ID",
    "InstallSource",
    "NewFile",
    "init_files",
    "new_plan_text",
    "skeleton_plan",
    "write_new_files",
]

PLAN_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
GITHUB_WORKFLOW = ".github/workflows/plans.yml"
GITLAB_CI = ".gitlab-ci.yml"

# Header fields a new plan takes from the plan it starts from (--from-plan): who issues
# it and to whom, not what this one says or when.
_COPIED_HEADER = ("kind", "issuer", "period")
_COPIED_NOTICE = ("issuer_mark", "recipients", "signer", "disclosure", "cc", "printer")
_COPIED_SECTION = ("id", "source_number", "title")


@dataclass(frozen=True)
class NewFile:
    """A file to create: its path relative to the repository, and its bytes."""

    path: str
    content: bytes


def init_files(source: InstallSource, *, year: int | None = None) -> list[NewFile]:
    """Every file of a new plan repository, with CI installing planctl from `source`."""
    year = year or datetime.date.today().year
    plan_id = f"{year}-work-plan"
    files = [
        NewFile("plans/units.yaml", _template("units.yaml")),
        NewFile(f"plans/{plan_id}.yaml", commented_plan(skeleton_plan(plan_id, year)).encode()),
        *(
            NewFile(f"schema/{name}.schema.json", resources.schema_path(name).read_bytes())
            for name in resources.SCHEMA_NAMES  # plans, units, reports, reviews, calendar
        ),
        NewFile(".gitignore", _template("gitignore")),
        NewFile(PRE_COMMIT_CONFIG, _pre_commit_config(source)),
        NewFile(GITHUB_WORKFLOW, _filled("github-workflow.yml", requirement=source.requirement)),
        NewFile(GITLAB_CI, _filled("gitlab-ci.yml", requirement=source.requirement)),
    ]
    return files


def write_new_files(root: Path, files: Sequence[NewFile]) -> list[Path]:
    """Write `files` under `root`; refuse, writing nothing, when any of them exists."""
    targets = [(root / file.path, file) for file in files]
    _refuse_links_leading_out(root, [path for path, _ in targets])
    existing = [file.path for path, file in targets if path.exists() or path.is_symlink()]
    if existing:
        raise UsageError(
            _("these files exist already and would be overwritten: {files}").format(
                files=", ".join(existing)
            ),
            where=str(root),
            hint=_("run planctl init in an empty folder, or move these files away first"),
        )
    for path, file in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, file.content, within=root)
    return [path for path, _ in targets]


def _refuse_links_leading_out(root: Path, paths: Sequence[Path]) -> None:
    """A folder on the way that is a link to elsewhere would put files outside `root`."""
    inside = root.resolve()
    for path in paths:
        if not path.parent.resolve().is_relative_to(inside):
            raise UsageError(
                _("{folder} leads outside {root}").format(folder=path.parent, root=root),
                hint=_("remove the link, or run planctl init in another folder"),
            )


def skeleton_plan(plan_id: str, year: int, title: str | None = None) -> dict[str, Any]:
    """A draft plan with one of everything an officer fills in; it validates and renders."""
    return {
        "format": "planctl/1",
        "id": plan_id,
        "title": title or f"示例市{year}年重点工作计划",
        "kind": "工作计划",
        "stage": "draft",
        "issuer": "示例市人民政府",
        "period": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
        "notice": _skeleton_notice(year),
        "preamble": [
            {
                "title": "总体要求",
                "text": "围绕全年目标任务，明确责任分工，确保各项工作落到实处。\n",
            }
        ],
        "sections": [_skeleton_section(year)],
    }


def _skeleton_notice(year: int) -> dict[str, Any]:
    return {
        "doc_number": f"示府办〔{year}〕1号",
        "title": f"印发示例市{year}年重点工作计划的通知",
        "recipients": ["各县（区）人民政府", "市政府各部门"],
        "body": f"《示例市{year}年重点工作计划》已经市人民政府同意，现印发给你们，"
        "请认真贯彻执行。\n",
        "signer": "示例市人民政府办公室",
        "date": f"{year}-01-10",
        "printer": "示例市人民政府办公室",
        "printed": f"{year}-01-11",
    }


def _skeleton_section(year: int) -> dict[str, Any]:
    return {
        "id": "economy",
        "title": "推动经济高质量发展",
        "tasks": [
            {
                "id": "major-projects",
                "title": "加快重点项目建设",
                "text": "建立重点项目台账，逐月调度进度，推动项目按期建成投产。\n",
                "lead": ["市发展改革局"],
                "support": ["市财政局", "各县（区）人民政府"],
                "due": f"{year}-06",
                "milestones": [{"due": f"{year}-03", "text": "完成项目台账"}],
            },
            {
                "id": "ecology",
                "title": "持续改善生态环境",
                "lead": ["市生态环境局"],
                "due": "ongoing",
            },
        ],
    }


def new_plan_text(plan_id: str, title: str | None, base: Mapping[str, Any] | None) -> str:
    """The text of a new draft plan `plan_id`: the skeleton, or `base`'s header and sections."""
    check_plan_id(plan_id)
    year = datetime.date.today().year
    data = skeleton_plan(plan_id, year, title) if base is None else _from_plan(plan_id, title, base)
    return commented_plan(data)


def check_plan_id(plan_id: str) -> None:
    if not PLAN_ID.fullmatch(plan_id):
        suggestion = re.sub(r"[^a-z0-9-]+", "-", plan_id.lower()).strip("-") or "work-plan-2025"
        raise UsageError(
            _(
                "{plan_id!r} cannot be a plan id: ids are lower-case letters, digits and hyphens"
            ).format(plan_id=plan_id),
            hint=_("e.g. planctl new {suggestion}").format(suggestion=suggestion),
        )


def _from_plan(plan_id: str, title: str | None, base: Mapping[str, Any]) -> dict[str, Any]:
    """Key order does not matter here: `planctl fmt` puts the keys in their order."""
    data: dict[str, Any] = {key: base[key] for key in _COPIED_HEADER if key in base}
    data |= {"format": "planctl/1", "id": plan_id, "stage": "draft"}
    data["title"] = title or str(base.get("title") or plan_id)
    notice = base.get("notice")
    if isinstance(notice, Mapping):
        data["notice"] = {key: notice[key] for key in _COPIED_NOTICE if key in notice}
        data["notice"] |= {"title": f"印发{data['title']}的通知"}
        data["notice"] |= {"date": datetime.date.today().isoformat()}
        data["notice"].setdefault("signer", base.get("issuer") or "（发文机关署名）")
    data["sections"] = [_section_outline(section) for section in base.get("sections") or []]
    return data


def _section_outline(section: Mapping[str, Any]) -> dict[str, Any]:
    outline = {key: section[key] for key in _COPIED_SECTION if key in section}
    children = section.get("sections") or []
    if children:
        outline["sections"] = [_section_outline(child) for child in children]
    return outline


def plan_path(root: Path, plan_id: str) -> Path:
    return root / repository.PLANS_DIR / f"{plan_id}.yaml"


def _pre_commit_config(source: InstallSource) -> bytes:
    if source.repository and source.revision:
        return _filled(
            "pre-commit-repo.yaml", repository=source.repository, revision=source.revision
        )
    return _filled("pre-commit-local.yaml", requirement=source.requirement)


def _template(name: str) -> bytes:
    return (package_files.files(__package__) / "templates" / name).read_bytes()


def _filled(name: str, **values: str) -> bytes:
    text = _template(name).decode("utf-8")
    return Template(text).substitute(values).encode("utf-8")
