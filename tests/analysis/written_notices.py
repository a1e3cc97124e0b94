"""The notices written for the tests (tests/data/notices), parsed once per test process.

They are materialised as a user would drop them into ``data/raw`` (Word files built from their
``.docx.json``, text re-encoded where the expected file says ``encode_as``) by the helpers of
``tests/parse/test_notice_collection.py``, then parsed together.
"""

from __future__ import annotations

import importlib.util
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from rectify_utils import load_corpus
from rectify_utils.parse.corpus import Corpus

TESTS = Path(__file__).resolve().parents[1]
NOTICES = TESTS / "data" / "notices"
LABELS = TESTS / "data" / "labelled_themes_unseen.csv"
SPLIT = TESTS / "data" / "labelled_themes_unseen_split.csv"


def _collection_helpers():
    path = TESTS / "parse" / "test_notice_collection.py"
    spec = importlib.util.spec_from_file_location("_notice_collection", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def notice_files() -> tuple[Path, ...]:
    """Every written document, materialised in a temporary folder (kept for the process)."""
    helpers = _collection_helpers()
    folder = Path(tempfile.mkdtemp(prefix="written-notices-"))
    paths = []
    for expected in sorted(NOTICES.glob("*.expected.yml")):
        spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
        paths.append(helpers.materialise(helpers.source_of(expected), spec, folder))
    return tuple(paths)


@cache
def written_corpus() -> Corpus:
    """``load_corpus`` of every written document (the four that are not notices are skipped)."""
    return load_corpus(list(notice_files()))


def notice_file(stem: str) -> Path:
    """The materialised file of one written notice, by its stem."""
    return next(p for p in notice_files() if p.name.split(".")[0] == stem)


def unseen_labels() -> pd.DataFrame:
    """The 180 hand labels with their fixed split (``tuning`` / ``held_out``) and body group."""
    labels = pd.read_csv(LABELS).merge(pd.read_csv(SPLIT), on=["stem", "problem_no"], how="left")
    labels["body"] = labels["unit_kind"].eq("科协").map({True: "科协", False: "other"})
    return labels
