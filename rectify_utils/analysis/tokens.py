"""Tokens: jieba segmentation with the field's user dictionary and stopwords, cached on disk.

A private ``jieba.Tokenizer`` (not jieba's global one) is built once per user dictionary. Tokens
are cached in one SQLite file per cache directory, keyed by the sha256 of the text together with
the contents of the dictionary and stopword files, so editing either file re-tokenises and an
unchanged corpus is read back without calling jieba.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import multiprocessing
import os
import re
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jieba
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..config import STOPWORDS_PATH, USERDICT_PATH, cache_dir
from ._docstrings import fill_params
from .cache import file_key, memo

DEFAULT_USERDICT = USERDICT_PATH
DEFAULT_STOPWORDS = STOPWORDS_PATH
TOKEN_FIELDS = ("title", "text")
_CACHE_VERSION = b"tokens-v2"
_WORDS_VERSION = b"words-v1"  # every word with its character offset (``segment_words``)
_SQL_CHUNK = 500  # keys per SELECT ... IN (...)

#: a token worth counting contains a CJK character or a latin letter: "科普e站", "AI" — not "，" or "2022"
WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: a user-dictionary line: word, optional frequency, optional POS tag — "三会一课", "科普e站 20 nz"
USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?: (?P<freq>\d+))?(?: (?P<tag>[a-z]+))?$")


def default_cache_dir() -> Path:
    """Where tokens are cached when no ``cache_dir`` is given.

    Returns
    -------
    Path
        ``config.cache_dir("tokens")``.
    """
    return cache_dir("tokens")


def read_wordlist(path: str | Path) -> list[str]:
    """The words of a word list file (a stopword list, say).

    Parameters
    ----------
    path : str or Path
        A UTF-8 text file, one word a line; lines starting with ``#`` are comments.

    Returns
    -------
    list of str
        The non-empty, non-comment lines, stripped, in file order.
    """
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


@fill_params
def get_tokenizer(userdict_path: str | Path = DEFAULT_USERDICT) -> jieba.Tokenizer:
    """The private jieba tokenizer with a user dictionary loaded.

    A private ``jieba.Tokenizer`` (not jieba's global one) is built once per dictionary
    content and reused: editing the file builds a new one.

    Parameters
    ----------
    userdict_path : str or Path
        {params.userdict_path}

    Returns
    -------
    jieba.Tokenizer
        The initialised tokenizer, each dictionary word added with its frequency and tag.
    """
    return _tokenizer_for(Path(userdict_path).read_text(encoding="utf-8"))


#: one text's kept tokens joined by SEP, and their positions as little-endian uint32 bytes
Segmented = tuple[str, bytes]
SEP = "\x1f"  # ASCII unit separator: never inside a token (tokens contain no control characters)
_POSITION_DTYPE = np.dtype("<u4")


class TokenCache:
    """Segmented texts on disk: one SQLite file, one row per text key, each with a checksum.

    The cache heals itself. A file that is not a database or is damaged (``file is not a
    database``, ``database disk image is malformed``) is moved aside to
    ``tokens.sqlite.corrupt-<time>`` with a warning and started afresh; a row whose checksum does
    not match its content (edited, half-written) is dropped with a warning and recomputed; a
    cache that cannot be opened or written (no permission, locked) is replaced by one in memory
    for this run, with a warning. No cache fault ever fails a report.
    """

    _TABLE = "segments_v2"  # v2: with checksums; the unchecked ``segments`` table is dropped

    def __init__(self, directory: str | Path) -> None:
        self.path = Path(directory) / "tokens.sqlite"
        self._memory: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._use_memory(f"its folder cannot be made ({exc.strerror or exc})")
        self._guarded(lambda db: None)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE IF EXISTS segments")
        db.execute(
            f"CREATE TABLE IF NOT EXISTS {self._TABLE} (key TEXT PRIMARY KEY, tokens TEXT NOT NULL, "
            "positions BLOB NOT NULL, checksum TEXT NOT NULL)"
        )

    def _run(self, operation: Callable[[sqlite3.Connection], Any]) -> Any:
        if self._memory is not None:
            with self._memory:
                return operation(self._memory)
        with contextlib.closing(self._connect()) as db, db:
            self._create(db)
            return operation(db)

    def _guarded(self, operation: Callable[[sqlite3.Connection], Any]) -> Any:
        """``operation(db)``; on a damaged file, again on a fresh one; on any other fault, in memory."""
        try:
            return self._run(operation)
        except sqlite3.OperationalError as exc:  # cannot open, read-only, locked: not damage
            self._use_memory(str(exc))
        except sqlite3.DatabaseError as exc:
            self._move_aside(str(exc))
        try:
            return self._run(operation)
        except sqlite3.DatabaseError as exc:
            self._use_memory(str(exc))
            return self._run(operation)

    def _move_aside(self, why: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            self._use_memory(f"{why}, and it cannot be moved aside ({exc.strerror or exc})")
            return
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        warnings.warn(
            f"the token cache {self.path} was damaged ({why}); moved it to {aside.name} and "
            "rebuilding it",
            RuntimeWarning,
            stacklevel=4,
        )

    def _use_memory(self, why: str) -> None:
        if self._memory is None:
            warnings.warn(
                f"the token cache {self.path} cannot be used ({why}); tokens are cached in memory "
                "for this run only",
                RuntimeWarning,
                stacklevel=4,
            )
            self._memory = sqlite3.connect(":memory:")
            self._create(self._memory)

    def get_many(self, keys: Sequence[str]) -> dict[str, Segmented]:
        """Cached segmentations for those of ``keys`` that are present and intact.

        Parameters
        ----------
        keys : sequence of str
            Text keys (sha256 hex digests of the setting and the text).

        Returns
        -------
        dict of str to (str, bytes)
            The found keys' kept tokens joined by ``SEP`` and their positions as little-endian
            uint32 bytes; missing keys, and rows whose checksum does not match (dropped, with a
            warning), are left out.
        """
        found = self._guarded(lambda db: _select_segments(db, self._TABLE, keys))
        bad = [key for key, (tokens, positions, checksum) in found.items()
               if checksum != _segment_checksum(key, tokens, positions)]  # fmt: skip
        if bad:
            warnings.warn(
                f"{len(bad)} row(s) of the token cache {self.path} did not match their checksum "
                "(edited or damaged); they are recomputed",
                RuntimeWarning,
                stacklevel=2,
            )
            marks = ",".join("?" * len(bad))
            self._guarded(
                lambda db: db.execute(f"DELETE FROM {self._TABLE} WHERE key IN ({marks})", bad)
            )
        return {k: (t, p) for k, (t, p, _) in found.items() if k not in set(bad)}

    def put_many(self, items: dict[str, Segmented]) -> None:
        """Store segmentations per key with their checksums, replacing any already stored.

        Parameters
        ----------
        items : dict of str to (str, bytes)
            Text key → (tokens joined by ``SEP``, positions as little-endian uint32 bytes).
        """
        rows = [(k, t, p, _segment_checksum(k, t, p)) for k, (t, p) in sorted(items.items())]
        self._guarded(
            lambda db: db.executemany(
                f"INSERT OR REPLACE INTO {self._TABLE} VALUES (?, ?, ?, ?)", rows
            )
        )


def _select_segments(
    db: sqlite3.Connection, table: str, keys: Sequence[str]
) -> dict[str, tuple[str, bytes, str]]:
    """``key -> (tokens, positions, checksum)`` of the stored keys among ``keys``."""
    found: dict[str, tuple[str, bytes, str]] = {}
    for i in range(0, len(keys), _SQL_CHUNK):
        chunk = list(keys[i : i + _SQL_CHUNK])
        marks = ",".join("?" * len(chunk))
        query = f"SELECT key, tokens, positions, checksum FROM {table} WHERE key IN ({marks})"
        found.update((key, (t, bytes(p), c)) for key, t, p, c in db.execute(query, chunk))
    return found


def _segment_checksum(key: str, tokens: str, positions: bytes) -> str:
    """The checksum stored with a cache row: sha256 of its key, tokens and positions."""
    digest = hashlib.sha256(key.encode("utf-8"))
    digest.update(b"\0" + tokens.encode("utf-8") + b"\0" + bytes(positions))
    return digest.hexdigest()[:32]


#: jieba's own split of a text into blocks (``Tokenizer.cut``): runs of 汉字, latin letters,
#: digits and ``+#&._%-``, and what lies between. jieba segments each block on its own, so a
#: block met in many texts (`进一步加强`, `整改时限：`) is segmented once.
BLOCKS = jieba.re_han_default


@dataclass(frozen=True)
class _Reading:
    """One reading (kept tokens, or words) of every distinct block, block ``b``'s items being
    ``strings[ptr[b]:ptr[b + 1]]``, numbered by ``numbers`` from the block's start; ``unit[b]`` is
    what the block adds to the numbering of the blocks after it (its words, or its characters)."""

    ptr: np.ndarray
    strings: pa.Array
    numbers: np.ndarray
    unit: np.ndarray


def _readings(
    cuts: Sequence[Sequence[str]], stopwords: frozenset[str], min_chars: int
) -> tuple[_Reading, _Reading]:
    """The kept tokens (numbered by their ordinal) and the words (a CJK character or a latin
    letter, no digit, numbered by their offset) of each block's jieba words."""
    tokens, ordinals, n_tokens, n_words = [], [], [], []
    words, starts, n_kept_words, lengths = [], [], [], []
    for cut in cuts:
        start = kept = kept_words = 0
        for ordinal, word in enumerate(cut):
            if word.strip() == word and WORD_CHAR.search(word):
                if not any(c.isdigit() for c in word):
                    words.append(word.replace(SEP, ""))
                    starts.append(start)
                    kept_words += 1
            start += len(word)
            token = word.strip()
            if len(token) < min_chars or token in stopwords or not WORD_CHAR.search(token):
                continue
            tokens.append(token.replace(SEP, ""))
            ordinals.append(ordinal)
            kept += 1
        n_tokens.append(kept)
        n_words.append(len(cut))
        n_kept_words.append(kept_words)
        lengths.append(start)
    return _reading(tokens, ordinals, n_tokens, n_words), _reading(
        words, starts, n_kept_words, lengths
    )


def _reading(
    strings: list[str], numbers: list[int], counts: list[int], unit: list[int]
) -> _Reading:
    return _Reading(
        ptr=np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]),
        strings=pa.array(strings, type=pa.large_string()),
        numbers=np.asarray(numbers, dtype=np.int64),
        unit=np.asarray(unit, dtype=np.int64),
    )


def _join_reading(reading: _Reading, occurrences: np.ndarray, text_ptr: np.ndarray) -> list:
    """Each text's items and numbers from its blocks' (``occurrences[text_ptr[i]:text_ptr[i + 1]]``
    are text ``i``'s blocks in order), renumbered from the text's start: ``Segmented`` pairs."""
    n_texts = len(text_ptr) - 1
    text_of = np.repeat(np.arange(n_texts), np.diff(text_ptr))
    before = np.concatenate([[0], np.cumsum(reading.unit[occurrences])])
    offset = before[:-1] - before[text_ptr[:-1]][text_of]
    n_items = np.diff(reading.ptr)[occurrences]
    item_ptr = np.concatenate([[0], np.cumsum(n_items)])
    owner = np.repeat(np.arange(len(occurrences)), n_items)
    item = reading.ptr[occurrences][owner] + np.arange(item_ptr[-1]) - item_ptr[:-1][owner]
    numbers = (reading.numbers[item] + offset[owner]).astype(_POSITION_DTYPE).tobytes()
    bounds = item_ptr[text_ptr]
    lists = pa.LargeListArray.from_arrays(pa.array(bounds), reading.strings.take(pa.array(item)))
    joined = pc.binary_join(lists, pa.scalar(SEP, pa.large_string())).to_pylist()
    size = _POSITION_DTYPE.itemsize
    return [
        (j, numbers[a * size : b * size])
        for j, a, b in zip(joined, bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
    ]


#: characters to segment from which the work is shared among forked processes (one per core)
PARALLEL_CHARS = 200_000
_shared: tuple = ()  # (tokenizer,) for forked workers


def _cut_chunk(blocks: list[str]) -> list[tuple[str, ...]]:
    (tokenizer,) = _shared
    return [tuple(tokenizer.cut(b)) for b in blocks]


def _cut_blocks(blocks: list[str], tokenizer: jieba.Tokenizer) -> list[tuple[str, ...]]:
    """jieba's words of each block; in forked processes sharing the tokenizer when there is much."""
    global _shared
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    forks = "fork" in multiprocessing.get_all_start_methods()
    if sum(map(len, blocks)) < PARALLEL_CHARS or (cores or 1) < 2 or not forks:
        return [tuple(tokenizer.cut(b)) for b in blocks]
    _shared = (tokenizer,)
    size = -(-len(blocks) // (cores * 4))
    chunks = [blocks[i : i + size] for i in range(0, len(blocks), size)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(cores, mp_context=context) as pool:
            return [cut for part in pool.map(_cut_chunk, chunks) for cut in part]
    finally:
        _shared = ()


def _segment_many(
    texts: list[str], tokenizer: jieba.Tokenizer, stopwords: frozenset[str], min_chars: int
) -> list[tuple[Segmented, Segmented]]:
    """Each text's segmentation, read two ways, with every distinct block segmented once.

    The same as one ``tokenizer.tokenize`` pass over each text, since jieba cuts each block
    alone: the blocks' tokens and words are renumbered from the text's start.
    """
    index: dict[str, int] = {}
    per_text = [[index.setdefault(b, len(index)) for b in BLOCKS.split(t) if b] for t in texts]
    text_ptr = np.concatenate([[0], np.cumsum([len(ids) for ids in per_text], dtype=np.int64)])
    occurrences = np.fromiter(
        (i for ids in per_text for i in ids), dtype=np.int64, count=int(text_ptr[-1])
    )
    tokens, words = _readings(_cut_blocks(list(index), tokenizer), stopwords, min_chars)
    return list(
        zip(
            _join_reading(tokens, occurrences, text_ptr),
            _join_reading(words, occurrences, text_ptr),
            strict=True,
        )
    )


def _prefixes(userdict_path: str | Path, stopwords_path: str | Path, min_chars: int) -> tuple:
    """Cache-key prefixes of the token and of the word segmentations."""
    userdict = Path(userdict_path).read_bytes()
    tokens = hashlib.sha256(_CACHE_VERSION)
    tokens.update(userdict)
    tokens.update(b"\0stopwords\0" + Path(stopwords_path).read_bytes())
    tokens.update(f"\0min_chars={min_chars}\0".encode())
    return tokens.digest(), hashlib.sha256(_WORDS_VERSION + userdict).digest()


def _segment_texts(
    texts: Iterable[str],
    userdict_path: str | Path,
    stopwords_path: str | Path,
    cache_dir: str | Path | None,
    min_chars: int,
    use_cache: bool,
    words: bool = False,
) -> list[Segmented]:
    """Segmentations of ``texts``: kept tokens and ordinals, or (``words``) all words and offsets.

    A text missing from the cache is segmented once and stored both ways, so the stock phrases
    (words) of texts already tokenised (tokens) cost no second jieba pass, and the reverse.
    """
    texts = ["" if t is None or t is pd.NA else str(t) for t in texts]
    token_prefix, word_prefix = _prefixes(userdict_path, stopwords_path, min_chars)
    unique = list(dict.fromkeys(texts))
    prefix = word_prefix if words else token_prefix
    keys = {t: hashlib.sha256(prefix + t.encode("utf-8")).hexdigest() for t in unique}
    cache = TokenCache(cache_dir or default_cache_dir()) if use_cache else None
    found = cache.get_many(list(keys.values())) if cache else {}
    missing = [t for t in unique if keys[t] not in found]
    if missing:
        tokenizer = get_tokenizer(userdict_path)
        stopwords = frozenset(read_wordlist(stopwords_path))
        other = token_prefix if words else word_prefix
        fresh, also = {}, {}
        segmented = _segment_many(missing, tokenizer, stopwords, min_chars)
        for t, (as_tokens, as_words) in zip(missing, segmented, strict=True):
            fresh[keys[t]] = as_words if words else as_tokens
            also[hashlib.sha256(other + t.encode("utf-8")).hexdigest()] = (
                as_tokens if words else as_words
            )
        if cache:
            cache.put_many({**fresh, **also})
        found.update(fresh)
    return [found[keys[t]] for t in texts]


@fill_params
def tokenize_texts(
    texts: Iterable[str],
    *,
    userdict_path: str | Path = DEFAULT_USERDICT,
    stopwords_path: str | Path = DEFAULT_STOPWORDS,
    cache_dir: str | Path | None = None,
    min_chars: int = 2,
    use_cache: bool = True,
) -> list[tuple[list[str], list[int]]]:
    """Segment texts into the tokens worth counting, read from the cache where possible.

    Parameters
    ----------
    texts : iterable of str
        The texts; None or ``<NA>`` counts as an empty text.
    userdict_path : str or Path
        {params.userdict_path}
    stopwords_path : str or Path
        {params.stopwords_path}
    cache_dir : str or Path, optional
        {params.cache_dir}
    min_chars : int, default 2
        {params.min_chars}
    use_cache : bool, default True
        {params.use_cache}

    Returns
    -------
    list of (list of str, list of int)
        One ``(tokens, positions)`` pair per text, in order: the kept tokens (with a CJK
        character or a latin letter, not a stopword, at least ``min_chars`` long) and each
        one's ordinal in jieba's full segmentation of the text.

    Examples
    --------
    Stopwords (``加强``, ``落实``) and punctuation are dropped but keep their ordinal:

    >>> tokenize_texts(["认真落实“三会一课”制度，党费按时收缴。"])
    [(['认真落实', '三会一课', '制度', '党费', '按时', '收缴'], [0, 2, 4, 6, 7, 8])]
    """
    segmented = _segment_texts(
        texts, userdict_path, stopwords_path, cache_dir, min_chars, use_cache
    )
    return [
        (joined.split(SEP) if joined else [], np.frombuffer(pos, dtype=_POSITION_DTYPE).tolist())
        for joined, pos in segmented
    ]


def _flatten(pieces: list[Segmented]) -> tuple[np.ndarray, pa.Array, np.ndarray]:
    """(piece index per token, the tokens, their stored uint32 numbers) of many segmentations."""
    counts = np.fromiter((len(pos) for _, pos in pieces), dtype=np.int64, count=len(pieces))
    counts //= _POSITION_DTYPE.itemsize
    nonempty = [joined for joined, _ in pieces if joined]
    flat = pc.split_pattern(pa.array(nonempty, type=pa.large_string()), SEP).flatten()
    numbers = np.frombuffer(b"".join(pos for _, pos in pieces), dtype=_POSITION_DTYPE)
    return np.repeat(np.arange(len(pieces)), counts), flat, numbers.astype(np.int64)


@fill_params
def segment_words(
    texts: Iterable[str],
    *,
    userdict_path: str | Path = DEFAULT_USERDICT,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
) -> pd.DataFrame:
    """Every word of each text with its character offsets, stopwords included.

    Unlike :func:`tokenize_texts` nothing is dropped but punctuation, spaces and tokens with a
    digit (`2022年`), so two words are adjacent in the text exactly when one's ``char_end`` is
    the next one's ``char_start``: what word n-grams (``concreteness.stock_phrases``) need. A
    user-dictionary name (`习近平新时代中国特色社会主义思想`) is one word. Cached on disk like
    the tokens.

    Parameters
    ----------
    texts : iterable of str
        The texts; None or ``<NA>`` counts as an empty text.
    userdict_path : str or Path
        {params.userdict_path}
    cache_dir : str or Path, optional
        {params.cache_dir}
    use_cache : bool, default True
        {params.use_cache}

    Returns
    -------
    pd.DataFrame
        One row per word, text by text in order. Columns:

        - ``text_no`` (int64): the text's index in ``texts``
        - ``word`` (string)
        - ``char_start``, ``char_end`` (int64): ``text[char_start:char_end] == word``

    Examples
    --------
    >>> segment_words(["学习习近平新时代中国特色社会主义思想"])
       text_no                word  char_start  char_end
    0        0                  学习           0         2
    1        0  习近平新时代中国特色社会主义思想           2        18
    """
    segmented = _segment_texts(
        texts, userdict_path, DEFAULT_STOPWORDS, cache_dir, 2, use_cache, words=True
    )
    text_no, flat, starts = _flatten(segmented)
    words = pd.Series(pd.arrays.ArrowStringArray(flat.cast(pa.large_string())))
    lengths = pc.utf8_length(flat).to_numpy(zero_copy_only=False).astype(np.int64)
    return pd.DataFrame(
        {"text_no": text_no, "word": words, "char_start": starts, "char_end": starts + lengths}
    )


@fill_params
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
    """Long token table of the problems' titles and texts, one row per kept token.

    Parameters
    ----------
    problems : Corpus or DataFrame
        {params.corpus}
    fields : sequence of str
        {params.fields}
    userdict_path : str or Path
        {params.userdict_path}
    stopwords_path : str or Path
        {params.stopwords_path}
    cache_dir : str or Path, optional
        {params.cache_dir}
    min_chars : int, default 2
        {params.min_chars}
    use_cache : bool, default True
        {params.use_cache}

    Returns
    -------
    pd.DataFrame
        Rows follow the problems, and within a problem the ``fields`` in order (title before
        text); a text with no kept token has no row. Columns:

        - ``notice_id`` (string)
        - ``association`` (string)
        - ``problem_no`` (Int64)
        - ``field`` (category of ``fields``)
        - ``token`` (string)
        - ``position`` (Int64): the token's ordinal in jieba's segmentation of that field;
          stopwords and punctuation leave gaps.

    Examples
    --------
    >>> tokenize_problems(load_corpus("data/raw")).head(3)
           notice_id association  problem_no  field token  position
    0  dongying-2024       东营市科协           1  title    政治         0
    1  dongying-2024       东营市科协           1  title    站位         1
    2  dongying-2024       东营市科协           1  title    不高         2
    """
    problems = getattr(problems, "problems", problems)
    args = (fields, userdict_path, stopwords_path, cache_dir, min_chars, use_cache)
    if not use_cache:
        return _tokenize_problems(problems, *args)
    where = str(Path(cache_dir or default_cache_dir()).resolve())
    setting = (tuple(fields), file_key(userdict_path), file_key(stopwords_path), min_chars, where)
    return memo("tokenize_problems", problems, setting, lambda: _tokenize_problems(problems, *args))


def _tokenize_problems(
    problems: pd.DataFrame,
    fields: Sequence[str],
    userdict_path: str | Path,
    stopwords_path: str | Path,
    cache_dir: str | Path | None,
    min_chars: int,
    use_cache: bool,
) -> pd.DataFrame:
    # one pass over every field's texts, so a text in two fields is segmented once
    texts = [text for field in fields for text in problems[field].tolist()]
    segmented = _segment_texts(
        texts, userdict_path, stopwords_path, cache_dir, min_chars, use_cache
    )
    n = len(problems)
    per_field = [segmented[k * n : (k + 1) * n] for k in range(len(fields))]
    # flatten problem-major, field-minor; texts with no kept token contribute nothing
    pieces = [seg[i] for i in range(len(problems)) for seg in per_field]
    slot, flat, positions = _flatten(pieces)
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
    out["position"] = pd.array(positions, dtype="Int64")
    return out
