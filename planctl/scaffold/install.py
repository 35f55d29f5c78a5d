"""How a plan repository's CI installs planctl: the same planctl the officer runs.

A planctl installed from the office's git server (`pip install git+https://…@v0.2.0`)
records where it came from (PEP 610, `direct_url.json`); CI files then install that same
URL and tag. A planctl installed from the package index, or from a local folder, gives
the package index requirement of this version. `planctl init --install` names another.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata

from planctl import __version__
from planctl.errors import UsageError
from planctl.i18n import _

DISTRIBUTION = "planctl-gov"

# Characters a requirement may hold: it is written inside quotes in YAML and in shell.
_SAFE = re.compile(r"[A-Za-z0-9._\-\[\]@:/+=<>!~,%? ]+")
_GIT_URL = re.compile(r"(?:.+ @ )?git\+(?P<url>[^@ ]+(?:@[^@/ ]+/[^@ ]*)?)@(?P<rev>[^@/ ]+)")


@dataclass(frozen=True)
class InstallSource:
    """What pip installs (`requirement`); for a git source, also the clone URL and tag."""

    requirement: str
    repository: str | None = None
    revision: str | None = None

    @property
    def from_index(self) -> bool:
        return self.repository is None and not self.requirement.startswith(DISTRIBUTION + " @")


def index_source() -> InstallSource:
    return InstallSource(f"{DISTRIBUTION}=={__version__}")


def this_installation() -> InstallSource:
    """Where the running planctl was installed from, when CI can install it from there."""
    try:
        recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return index_source()
    origin = json.loads(recorded) if recorded else {}
    vcs = origin.get("vcs_info") or {}
    url = origin.get("url", "")
    if vcs.get("vcs") == "git" and url and not url.startswith("file:"):
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        if revision:
            return chosen_source(f"git+{url}@{revision}")
    return index_source()


def chosen_source(text: str) -> InstallSource:
    """The source named by `planctl init --install TEXT`: a requirement or a git+ URL."""
    requirement = text.strip()
    if not _SAFE.fullmatch(requirement):
        raise UsageError(
            _("cannot use {requirement!r} as the planctl to install").format(
                requirement=requirement
            ),
            hint=_(
                "give a pip requirement such as planctl-gov==0.1.0 or "
                "git+https://git.example.gov.cn/tools/planctl.git@v0.1.0"
            ),
        )
    if requirement.startswith("git+"):
        requirement = f"{DISTRIBUTION} @ {requirement}"
    match = _GIT_URL.fullmatch(requirement)
    if match is None:
        return InstallSource(requirement)
    return InstallSource(requirement, match["url"], match["rev"])
