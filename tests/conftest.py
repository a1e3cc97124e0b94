"""Shared fixtures: the repository root and the bundled corpus, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (the folder holding ``pyproject.toml``)."""
    return ROOT


@pytest.fixture(scope="session")
def corpus(repo_root: Path):
    """``load_corpus("data/raw")``: the five bundled notices. Treat it as read-only."""
    from rectify_utils import load_corpus

    return load_corpus(repo_root / "data" / "raw")
