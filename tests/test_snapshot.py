"""The parse and the analyses of the bundled notices match the recorded snapshot, table by table.

A refactor must leave every table as it was. When behaviour is meant to change, rerun
``python tests/snapshot/snapshot.py`` and say why in the commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).resolve().parent / "snapshot"
sys.path.insert(0, str(SNAPSHOT))

import snapshot  # noqa: E402
from functions import ANALYSES  # noqa: E402


def _stored(name: str) -> dict:
    return json.loads((SNAPSHOT / "data" / f"{name}.json").read_text(encoding="utf-8"))


def _compare(name: str, now: dict) -> None:
    changes = snapshot.differences(_stored(name), now)
    assert not changes, f"{name} differs from the snapshot:\n  " + "\n  ".join(changes)


@pytest.mark.parametrize("table", [*snapshot.CORPUS_TABLES, "texts"])
def test_corpus_tables_match_snapshot(corpus, table):
    _compare(table, snapshot.corpus_records(corpus)[table])


@pytest.mark.parametrize("name", list(ANALYSES))
def test_analysis_tables_match_snapshot(corpus, name):
    _compare(name, snapshot.analysis_records(corpus, {name: ANALYSES[name]})[name])
