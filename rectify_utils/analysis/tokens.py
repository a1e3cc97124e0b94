"""Tokens: jieba segmentation with the field's user dictionary and stopwords, cached on disk.

A private ``jieba.Tokenizer`` (not jieba's global one) is built once per user dictionary. Tokens
are cached in one SQLite file per cache directory, keyed by the sha256 of the text together with
the contents of the dictionary and stopword files, so editing either file re-tokenises and an
unchanged corpus is read back without calling jieba.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jieba
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..config import STOPWORDS_PATH, USERDICT_PATH, cache_dir

DEFAULT_USERDICT = USERDICT_PATH
DEFAULT_STOPWORDS = STOPWORDS_PATH
TOKEN_FIELDS = ("title", "text")
_CACHE_VERSION = b"tokens-v2"
_SQL_CHUNK = 500  # keys per SELECT ... IN (...)

#: a token worth counting contains a CJK character or a latin letter: "科普e站", "AI" — not "，" or "2022"
WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: a user-dictionary line: word, optional frequency, optional POS tag — "三会一课", "科普e站 20 nz"
USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?: (?P<freq>\d+))?(?: (?P<tag>[a-z]+))?$")


def default_cache_dir() -> Path:
    """Where tokens are cached: ``config.cache_dir("tokens")``."""
    return cache_dir("tokens")


def read_wordlist(path: str | Path) -> list[str]:
    """Non-empty, non-comment (``#``) lines of a word list, stripped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


@functools.lru_cache(maxsize=4)
def _tokenizer_for(userdict_text: str) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    logger = logging.getLogger("jieba")  # jieba logs "Building prefix dict ..." at INFO
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        tokenizer.initialize()
    finally:
        logger.setLevel(level)
    for line in userdict_text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = USERDICT_LINE.match(line)
        assert m is not None  # the pattern matches any non-empty line
        freq = int(m["freq"]) if m["freq"] else None
        tokenizer.add_word(m["word"], freq, m["tag"])
    return tokenizer


def get_tokenizer(userdict_path: str | Path = DEFAULT_USERDICT) -> jieba.Tokenizer:
    """The private jieba tokenizer with ``userdict_path`` loaded (built once per dictionary content)."""
    return _tokenizer_for(Path(userdict_path).read_text(encoding="utf-8"))


#: one text's kept tokens joined by SEP, and their positions as little-endian uint32 bytes
Segmented = tuple[str, bytes]
SEP = "\x1f"  # ASCII unit separator: never inside a token (tokens contain no control characters)
_POSITION_DTYPE = np.dtype("<u4")


class TokenCache:
    """Segmented texts on disk: one SQLite file, one row per text key."""

    def __init__(self, directory: str | Path) -> None:
        self.path = Path(directory) / "tokens.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS segments "
                "(key TEXT PRIMARY KEY, tokens TEXT NOT NULL, positions BLOB NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def get_many(self, keys: Sequence[str]) -> dict[str, Segmented]:
        """Cached segmentations for those of ``keys`` that are present."""
        found: dict[str, Segmented] = {}
        with self._connect() as db:
            for i in range(0, len(keys), _SQL_CHUNK):
                chunk = list(keys[i : i + _SQL_CHUNK])
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, tokens, positions FROM segments WHERE key IN ({marks})"
                found.update(
                    (key, (tokens, positions))
                    for key, tokens, positions in db.execute(query, chunk)
                )
        return found

    def put_many(self, items: dict[str, Segmented]) -> None:
        """Store segmentations per key."""
        rows = [(k, tokens, positions) for k, (tokens, positions) in items.items()]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO segments VALUES (?, ?, ?)", rows)


def _segment(
    text: str, tokenizer: jieba.Tokenizer, stopwords: frozenset[str], min_chars: int
) -> Segmented:
    """Kept tokens of ``text`` and their ordinal in jieba's full segmentation."""
    tokens, positions = [], []
    for position, token in enumerate(tokenizer.lcut(text)):
        token = token.strip()
        if len(token) < min_chars or token in stopwords or not WORD_CHAR.search(token):
            continue
        tokens.append(token.replace(SEP, ""))
        positions.append(position)
    return SEP.join(tokens), np.asarray(positions, dtype=_POSITION_DTYPE).tobytes()


def _segment_texts(
    texts: Iterable[str],
    userdict_path: str | Path,
    stopwords_path: str | Path,
    cache_dir: str | Path | None,
    min_chars: int,
    use_cache: bool,
) -> list[Segmented]:
    texts = ["" if t is None or t is pd.NA else str(t) for t in texts]
    setting = hashlib.sha256(_CACHE_VERSION)
    setting.update(Path(userdict_path).read_bytes())
    setting.update(b"\0stopwords\0" + Path(stopwords_path).read_bytes())
    setting.update(f"\0min_chars={min_chars}\0".encode())
    prefix = setting.digest()
    unique = list(dict.fromkeys(texts))
    keys = {t: hashlib.sha256(prefix + t.encode("utf-8")).hexdigest() for t in unique}
    cache = TokenCache(cache_dir or default_cache_dir()) if use_cache else None
    found = cache.get_many(list(keys.values())) if cache else {}
    missing = [t for t in unique if keys[t] not in found]
    if missing:
        tokenizer = get_tokenizer(userdict_path)
        stopwords = frozenset(read_wordlist(stopwords_path))
        fresh = {keys[t]: _segment(t, tokenizer, stopwords, min_chars) for t in missing}
        if cache:
            cache.put_many(fresh)
        found.update(fresh)
    return [found[keys[t]] for t in texts]


def tokenize_texts(
    texts: Iterable[str],
    *,
    userdict_path: str | Path = DEFAULT_USERDICT,
    stopwords_path: str | Path = DEFAULT_STOPWORDS,
    cache_dir: str | Path | None = None,
    min_chars: int = 2,
    use_cache: bool = True,
) -> list[tuple[list[str], list[int]]]:
    """(tokens, positions) for each text, read from the cache where possible."""
    segmented = _segment_texts(
        texts, userdict_path, stopwords_path, cache_dir, min_chars, use_cache
    )
    return [
        (joined.split(SEP) if joined else [], np.frombuffer(pos, dtype=_POSITION_DTYPE).tolist())
        for joined, pos in segmented
    ]


def tokenize_problems(
    problems: pd.DataFrame | Any,
    fields: Sequence[str] = TOKEN_FIELDS,
    *,
    userdict_path: str | Path = DEFAULT_USERDICT,
    stopwords_path: str | Path = DEFAULT_STOPWORDS,
    cache_dir: str | Path | None = None,
    min_chars: int = 2,
    use_cache: bool = True,
) -> pd.DataFrame:
    """Long token table: notice_id, association, problem_no, field, token, position.

    ``position`` is the token's ordinal in jieba's segmentation of that field (stopwords and
    punctuation leave gaps). Rows follow the problems, title before text. Accepts the corpus or
    its ``problems`` frame.
    """
    problems = getattr(problems, "problems", problems)
    per_field = [
        _segment_texts(
            problems[field].tolist(), userdict_path, stopwords_path, cache_dir, min_chars, use_cache
        )
        for field in fields
    ]
    # flatten problem-major, field-minor; texts with no kept token contribute nothing
    pieces = [seg[i] for i in range(len(problems)) for seg in per_field]
    counts = np.fromiter((len(pos) for _, pos in pieces), dtype=np.int64, count=len(pieces))
    counts //= _POSITION_DTYPE.itemsize
    nonempty = [joined for joined, _ in pieces if joined]
    flat = pc.split_pattern(pa.array(nonempty, type=pa.large_string()), SEP).flatten()
    slot = np.repeat(np.arange(len(pieces)), counts)
    row_index = slot // max(len(fields), 1)
    out = pd.DataFrame(
        {
            col: problems[col].take(row_index).reset_index(drop=True)
            for col in ("notice_id", "association", "problem_no")
        }
    )
    out["notice_id"] = out["notice_id"].astype("string")
    out["association"] = out["association"].astype("string")
    out["problem_no"] = out["problem_no"].astype("Int64")
    out["field"] = pd.Categorical.from_codes(slot % max(len(fields), 1), categories=list(fields))
    out["token"] = pd.Series(pd.arrays.ArrowStringArray(flat.cast(pa.large_string())))
    positions = np.frombuffer(b"".join(pos for _, pos in pieces), dtype=_POSITION_DTYPE)
    out["position"] = pd.array(positions.astype(np.int64), dtype="Int64")
    return out
