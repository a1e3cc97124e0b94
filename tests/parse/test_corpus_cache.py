"""A parsed corpus kept on disk: read back while the files and the code are unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import rectify_utils
from rectify_utils.parse import corpus_cache

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Two bundled notices in a folder of their own, and an empty cache."""
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path / "cache"))
    notices = tmp_path / "notices"
    notices.mkdir()
    for path in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copyfile(path, notices / path.name)
    return notices


@pytest.fixture
def parses(monkeypatch):
    """Count the real parses ``load_corpus_cached`` makes."""
    calls: list[object] = []
    real = rectify_utils.load_corpus

    def counting(paths):
        calls.append(paths)
        return real(paths)

    monkeypatch.setattr(rectify_utils, "load_corpus", counting, raising=False)
    return calls


def test_a_second_load_reads_the_first_parse_back_with_the_same_tables(folder, parses):
    first = corpus_cache.load_corpus_cached(folder)
    second = corpus_cache.load_corpus_cached(folder)
    assert len(parses) == 1, "an unchanged folder must not be parsed twice"
    for table in ("notices", "problems", "measures", "spans"):
        pd.testing.assert_frame_equal(getattr(first, table), getattr(second, table))
    assert second.texts == first.texts


def test_a_changed_or_added_notice_is_parsed_again(folder, parses):
    corpus_cache.load_corpus_cached(folder)
    path = sorted(folder.iterdir())[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    corpus_cache.load_corpus_cached(folder)
    shutil.copyfile(sorted(RAW.glob("*.txt"))[2], folder / "third.txt")
    third = corpus_cache.load_corpus_cached(folder)
    assert len(parses) == 3, "an edited or a new file must invalidate the stored parse"
    assert len(third.notices) == 3


def test_a_corrupt_stored_parse_is_passed_over(folder, parses):
    corpus_cache.load_corpus_cached(folder)
    (stored,) = (Path(corpus_cache.cache_dir("corpus"))).glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    corpus = corpus_cache.load_corpus_cached(folder)
    assert len(parses) == 2 and len(corpus.notices) == 2, "a broken cache file must mean a parse"
