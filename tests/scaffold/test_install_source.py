"""CI installs the planctl the officer runs: from the office's git server, or the index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planctl import __version__
from planctl.errors import UsageError
from planctl.scaffold import install
from planctl.scaffold.install import chosen_source, this_installation


class RecordedDistribution:
    """An installed distribution whose `direct_url.json` says where it came from."""

    def __init__(self, origin: dict[str, object] | None) -> None:
        self._origin = origin

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return json.dumps(self._origin) if self._origin is not None else None


def installed_from(monkeypatch: pytest.MonkeyPatch, origin: dict[str, object] | None) -> None:
    monkeypatch.setattr(install.metadata, "distribution", lambda name: RecordedDistribution(origin))


def test_a_planctl_installed_from_git_is_installed_from_the_same_url_and_tag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = "https://git.example.gov.cn/tools/planctl.git"
    installed_from(
        monkeypatch,
        {
            "url": url,
            "vcs_info": {"vcs": "git", "requested_revision": "v0.2.0", "commit_id": "ab" * 20},
        },
    )
    source = this_installation()
    assert source.requirement == f"planctl-gov @ git+{url}@v0.2.0"
    assert (source.repository, source.revision) == (url, "v0.2.0")


def test_without_a_requested_tag_the_commit_is_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://git.example.gov.cn/tools/planctl.git"
    installed_from(monkeypatch, {"url": url, "vcs_info": {"vcs": "git", "commit_id": "ab" * 20}})
    assert this_installation().revision == "ab" * 20


@pytest.mark.parametrize(
    "origin",
    [
        None,
        {"url": "file:///home/officer/planctl", "dir_info": {"editable": True}},
        {"url": "file:///tmp/planctl", "vcs_info": {"vcs": "git", "commit_id": "ab" * 20}},
    ],
)
def test_a_local_or_index_install_gives_the_index_requirement(
    monkeypatch: pytest.MonkeyPatch, origin: dict[str, object] | None
) -> None:
    installed_from(monkeypatch, origin)
    source = this_installation()
    assert source.requirement == f"planctl-gov=={__version__}"
    assert source.from_index and source.repository is None


def test_the_running_planctl_is_found(tmp_path: Path) -> None:
    assert this_installation().requirement.startswith("planctl-gov")


@pytest.mark.parametrize(
    ("given", "requirement", "repository", "revision"),
    [
        ("planctl-gov==0.3.0", "planctl-gov==0.3.0", None, None),
        (
            "git+ssh://git@git.example.gov.cn/tools/planctl.git@v0.3.0",
            "planctl-gov @ git+ssh://git@git.example.gov.cn/tools/planctl.git@v0.3.0",
            "ssh://git@git.example.gov.cn/tools/planctl.git",
            "v0.3.0",
        ),
    ],
)
def test_a_chosen_source(
    given: str, requirement: str, repository: str | None, revision: str | None
) -> None:
    source = chosen_source(given)
    assert (source.requirement, source.repository, source.revision) == (
        requirement,
        repository,
        revision,
    )


@pytest.mark.parametrize("hostile", ['planctl-gov"; rm -rf ~', "planctl-gov\n- run: x", "$(id)"])
def test_a_requirement_that_would_break_the_quoting_is_refused(hostile: str) -> None:
    with pytest.raises(UsageError, match="cannot use"):
        chosen_source(hostile)
