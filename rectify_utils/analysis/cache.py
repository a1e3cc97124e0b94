"""Work done once per corpus: an in-process memo of tokens, themes, vectors and facts.

Several reports ask for the same intermediate results — the crosstab, completion by theme and
the profiles all classify the problems; every term function tokenises them; the concreteness
shares, the money and the document tables all find the facts. ``memo`` computes such a result
once per *content* of the table it is computed from and per setting (the taxonomy file's path
and the sha256 of its content, the user dictionary's, …), and returns the stored result after.

A table's content fingerprint (``fingerprint``) is computed the first time the table object is
seen and remembered for that object, so a second call costs a dictionary look-up; two equal
tables (the corpus loaded twice) share their results. A table changed *in place* after a first
call keeps its old fingerprint: pass a new DataFrame (``df.assign(...)``, ``df.copy()``) instead.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")
#: results kept at once (oldest dropped first): a few corpora × a few kinds of result
MAX_ENTRIES = 64
_results: OrderedDict[tuple, Any] = OrderedDict()
_fingerprints: dict[int, tuple[weakref.ref, str]] = {}
_lock = threading.RLock()
#: how many times each kind of result was computed (not read back), for tests and benchmarks
computed: dict[str, int] = {}


def _content_hash(frame: pd.DataFrame) -> str:
    digest = hashlib.sha256(repr(list(zip(frame.columns, map(str, frame.dtypes)))).encode())
    digest.update(str(frame.shape).encode())
    if len(frame):
        hashed = pd.util.hash_pandas_object(frame, index=True).to_numpy()
        digest.update(hashed.tobytes())
    return digest.hexdigest()


def fingerprint(frame: pd.DataFrame) -> str:
    """The sha256 of a table's columns, dtypes and cells, computed once per table object.

    Parameters
    ----------
    frame : pd.DataFrame
        Any table, e.g. ``corpus.problems``.

    Returns
    -------
    str
        A hex digest: equal for tables with equal cells and index.
    """
    key = id(frame)
    with _lock:
        known = _fingerprints.get(key)
        if known is not None and known[0]() is frame:
            return known[1]
    value = _content_hash(frame)
    with _lock:
        _fingerprints[key] = (
            weakref.ref(frame, lambda _, k=key: _fingerprints.pop(k, None)),
            value,
        )
    return value


def file_key(path: str | Path | None) -> tuple[str, str] | None:
    """A setting file's resolved path and the sha256 of its bytes (None stays None).

    Parameters
    ----------
    path : str or Path, optional
        A taxonomy, user dictionary or stopword file.

    Returns
    -------
    tuple of (str, str) or None
        ``(resolved path, content hash)``: editing the file changes the key.
    """
    if path is None:
        return None
    resolved = Path(path).resolve()
    return str(resolved), hashlib.sha256(resolved.read_bytes()).hexdigest()


def memo(kind: str, frame: pd.DataFrame, setting: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or the result stored for the same kind, table content and setting.

    Parameters
    ----------
    kind : str
        What is computed, e.g. ``"classify_problems"``; counted in ``computed``.
    frame : pd.DataFrame
        The table the result is computed from (its content is part of the key).
    setting : hashable
        Everything else the result depends on: file keys (``file_key``), parameters.
    compute : callable
        Computes the result when it is not stored yet.

    Returns
    -------
    object
        The result. A DataFrame is returned as a shallow copy, so that adding a column to it
        does not change the stored one (pandas copy-on-write protects the cells).
    """
    key = (kind, fingerprint(frame), setting)
    with _lock:
        if key in _results:
            _results.move_to_end(key)
            return _copy(_results[key])
    value = compute()
    with _lock:
        computed[kind] = computed.get(kind, 0) + 1
        _results[key] = value
        while len(_results) > MAX_ENTRIES:
            _results.popitem(last=False)
    return _copy(value)


def _copy(value: T) -> T:
    return value.copy(deep=False) if isinstance(value, (pd.DataFrame, pd.Series)) else value


def clear() -> None:
    """Forget every stored result and fingerprint (the counts in ``computed`` too).

    Returns
    -------
    None
    """
    with _lock:
        _results.clear()
        _fingerprints.clear()
        computed.clear()
