"""The token cache heals: a damaged, unreadable or tampered cache never gives wrong tokens or
fails a report; it is detected, moved aside (or bypassed) with a warning, and rebuilt."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from rectify_utils.analysis.tokens import TokenCache, tokenize_texts

TEXTS = ["认真落实“三会一课”制度，党费按时收缴。", "科普阵地建设滞后，基层组织覆盖面不广。"]


def fresh_tokens() -> list:
    return tokenize_texts(TEXTS, use_cache=False)


def cached_tokens(folder: Path) -> list:
    return tokenize_texts(TEXTS, cache_dir=folder)


def fill(folder: Path, n_rows: int = 0) -> Path:
    """A cache holding TEXTS (and ``n_rows`` more rows, so that cutting it loses pages)."""
    cached_tokens(folder)
    if n_rows:
        TokenCache(folder).put_many({f"k{i}": ("词" * 50, b"\0" * 200) for i in range(n_rows)})
    return folder / "tokens.sqlite"


def test_a_cache_of_random_bytes_is_moved_aside_and_rebuilt(tmp_path):
    path = fill(tmp_path)
    path.write_bytes(os.urandom(8192))
    with pytest.warns(RuntimeWarning, match="was damaged .*file is not a database.*moved it"):
        got = cached_tokens(tmp_path)
    assert got == fresh_tokens(), "a damaged cache gave other tokens"
    assert list(tmp_path.glob("tokens.sqlite.corrupt-*")), "the damaged file was not kept aside"
    assert sqlite3.connect(path).execute("SELECT count(*) FROM segments_v2").fetchone()[0] >= 2
    assert cached_tokens(tmp_path) == fresh_tokens()


def test_a_truncated_cache_is_moved_aside_and_rebuilt(tmp_path):
    path = fill(tmp_path, n_rows=2000)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.warns(RuntimeWarning, match="was damaged"):
        got = cached_tokens(tmp_path)
    assert got == fresh_tokens()


def test_a_tampered_row_is_detected_by_its_checksum_and_recomputed(tmp_path):
    path = fill(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE segments_v2 SET tokens = '篡改'")
    with pytest.warns(RuntimeWarning, match=r"\d+ row.* did not match their checksum"):
        got = cached_tokens(tmp_path)
    assert got == fresh_tokens(), "tampered rows gave silently wrong tokens"
    assert cached_tokens(tmp_path) == fresh_tokens()


def test_a_cache_that_cannot_be_opened_is_bypassed_in_memory(tmp_path):
    (tmp_path / "tokens.sqlite").mkdir()  # not a file: sqlite cannot open it
    with pytest.warns(RuntimeWarning, match="cannot be used .*in memory for this run"):
        got = cached_tokens(tmp_path)
    assert got == fresh_tokens()
