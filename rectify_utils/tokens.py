"""Tokens: jieba segmentation with the field's user dictionary and stopwords, cached on disk.

A private ``jieba.Tokenizer`` (not jieba's global one) is built once per user dictionary. Tokens
are cached in one SQLite file per cache directory, keyed by the sha256 of the text together with
the contents of the dictionary and stopword files, so editing either file re-tokenises and an
unchanged corpus is read back without calling jieba.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jieba
import numpy as np
import pandas as pd

RESOURCES = Path(__file__).parent / "resources"
DEFAULT_USERDICT = RESOURCES / "userdict.txt"
DEFAULT_STOPWORDS = RESOURCES / "stopwords.txt"
CACHE_ENV = "RECTIFY_CACHE_DIR"
TOKEN_FIELDS = ("title", "text")
_CACHE_VERSION = b"tokens-v1"
_SQL_CHUNK = 500  # keys per SELECT ... IN (...)

#: a token worth counting contains a CJK character or a latin letter: "科普e站", "AI" — not "，" or "2022"
WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: a user-dictionary line: word, optional frequency, optional POS tag — "三会一课", "科普e站 20 nz"
USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?: (?P<freq>\d+))?(?: (?P<tag>[a-z]+))?$")

jieba.setLogLevel(logging.WARNING)  # silence "Building prefix dict ..." on stderr


def default_cache_dir() -> Path:
    """``$RECTIFY_CACHE_DIR`` if set, else ``.cache/tokens/`` at the repository root."""
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".cache" / "tokens"


def read_wordlist(path: str | Path) -> list[str]:
    """Non-empty, non-comment (``#``) lines of a word list, stripped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


@functools.lru_cache(maxsize=4)
def _tokenizer_for(userdict_text: str) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
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


class TokenCache:
    """Token lists on disk: one SQLite file, one row per text key."""

    def __init__(self, directory: str | Path) -> None:
        self.path = Path(directory) / "tokens.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS tokens (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[list[str], list[int]]]:
        """Cached (tokens, positions) for those of ``keys`` that are present."""
        found: dict[str, tuple[list[str], list[int]]] = {}
        with self._connect() as db:
            for i in range(0, len(keys), _SQL_CHUNK):
                chunk = list(keys[i : i + _SQL_CHUNK])
                marks = ",".join("?" * len(chunk))
                for key, value in db.execute(
                    f"SELECT key, value FROM tokens WHERE key IN ({marks})", chunk
                ):
                    tokens, positions = json.loads(value)
                    found[key] = (tokens, positions)
        return found

    def put_many(self, items: dict[str, tuple[list[str], list[int]]]) -> None:
        """Store (tokens, positions) per key."""
        rows = [(k, json.dumps(v, ensure_ascii=False)) for k, v in items.items()]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO tokens (key, value) VALUES (?, ?)", rows)


def _segment(
    text: str, tokenizer: jieba.Tokenizer, stopwords: frozenset[str], min_chars: int
) -> tuple[list[str], list[int]]:
    """Kept tokens and their ordinal in jieba's full segmentation of ``text``."""
    tokens, positions = [], []
    for position, token in enumerate(tokenizer.lcut(text)):
        token = token.strip()
        if len(token) < min_chars or token in stopwords or not WORD_CHAR.search(token):
            continue
        tokens.append(token)
        positions.append(position)
    return tokens, positions


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
    punctuation leave gaps). Accepts the corpus or its ``problems`` frame.
    """
    problems = getattr(problems, "problems", problems)
    n = len(problems)
    field_names, segments = [], []
    for field in fields:
        field_names.append(field)
        segments.append(
            tokenize_texts(
                problems[field].tolist(),
                userdict_path=userdict_path,
                stopwords_path=stopwords_path,
                cache_dir=cache_dir,
                min_chars=min_chars,
                use_cache=use_cache,
            )
        )
    # flatten: row i of problems, field f -> its tokens, in problem order then field order
    counts = np.array([[len(seg[i][0]) for seg in segments] for i in range(n)], dtype=np.int64)
    row_index = np.repeat(np.arange(n), counts.sum(axis=1)) if n else np.array([], dtype=np.int64)
    tokens: list[str] = []
    positions: list[int] = []
    field_codes: list[int] = []
    for i in range(n):
        for f, seg in enumerate(segments):
            toks, pos = seg[i]
            tokens.extend(toks)
            positions.extend(pos)
            field_codes.extend([f] * len(toks))
    out = pd.DataFrame(
        {
            "notice_id": problems["notice_id"].to_numpy()[row_index],
            "association": problems["association"].to_numpy()[row_index],
            "problem_no": problems["problem_no"].to_numpy()[row_index],
        }
    )
    out["notice_id"] = out["notice_id"].astype("string")
    out["association"] = out["association"].astype("string")
    out["problem_no"] = out["problem_no"].astype("Int64")
    out["field"] = pd.Categorical.from_codes(
        np.asarray(field_codes, dtype=np.int64), categories=field_names
    )
    out["token"] = pd.Series(tokens, dtype="string")
    out["position"] = pd.Series(positions, dtype="Int64")
    return out
