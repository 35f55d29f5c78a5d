"""Fixtures for the validator at scale: generated plan repositories with broken plans."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from ..conftest import ROOT, GitPlans


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of 22 plans of 14 tasks, ten of them broken in ten different ways."""
    folder = tmp_path_factory.mktemp("corpus") / "repository"
    generator.generate(folder, plans=22, tasks=14)
    return folder


@pytest.fixture
def corpus(corpus_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the generated repository, as the working directory."""
    folder = tmp_path / "repository"
    shutil.copytree(corpus_template, folder)
    monkeypatch.chdir(folder)
    return folder


Git = Callable[..., str]


@pytest.fixture
def git(corpus: Path, git_env: dict[str, str]) -> Git:
    """Run git in the corpus, made a repository with one commit of everything."""
    repository = GitPlans.create(corpus, Path(git_env["HOME"]))
    repository.commit("plans")
    return repository.git
