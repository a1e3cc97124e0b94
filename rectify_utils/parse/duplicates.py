"""Near-duplicate notices: reposts and lightly edited copies of one notice (MinHash LSH).

The same notice is often published on several sites: with a web page's header (`发布时间：…
来源：… 浏览次数`), a character changed, a line wrapped otherwise. Each notice's normalised text
is reduced to its word characters (CJK, letters, digits: spaces, punctuation and wraps do not
count), cut into overlapping ``SHINGLE``-character shingles, and one shingle in ``SAMPLE`` is
kept (those whose hash is divisible by ``SAMPLE``, the same in every notice). A MinHash of
``NUM_PERM`` permutations (``datasketch``) and its LSH index propose pairs of notices whose
shingle sets may overlap by ``THRESHOLD`` (Jaccard) or more; each proposed pair is then measured
exactly on the shingles. Notices joined by such pairs are copies of one notice.

One copy is kept: the one published first when every copy is dated (the original precedes its
reposts), else the one with the shortest header (a repost carries the site's 发布时间/来源 lines),
else the longest text (a copy cut short loses), else the first file. The others are listed in
``corpus.duplicates`` (``notice_id``, ``duplicate_of``, ``similarity``, ``evidence`` for the
choice) and, unless ``load_corpus(..., keep_duplicates=True)``, dropped from every table and
listed in ``corpus.skipped`` as ``near-duplicate of …``. Exact copies (the same text but for
whitespace) are found while the tables are joined and listed the same way, ``match="exact"``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # datasketch pulls in scipy: imported when a corpus is checked, not before
    from datasketch import LeanMinHash, MinHash

from .. import schema

SHINGLE = 5
SAMPLE = 4
NUM_PERM = 128
THRESHOLD = 0.8
#: what is left out of the text before shingling: anything but CJK, latin letters and digits
NOT_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")
_SEED = 1
_PRIME, _MIX = np.uint64(0x100000001B3), np.uint64(0xBF58476D1CE4E5B9)


def shingle_hashes(text: str) -> np.ndarray:
    """The sorted distinct 32-bit hashes of the sampled shingles of ``text``.

    Parameters
    ----------
    text : str
        A notice's normalised text.

    Returns
    -------
    np.ndarray
        uint64 hashes below 2**32, one per distinct kept shingle; the text as one shingle when
        it is shorter than ``SHINGLE``.
    """
    chars = NOT_WORD.sub("", text)
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.r_[codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)]
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(SHINGLE):  # uint64 arithmetic wraps around silently
        h = h * _PRIME + codes[j : j + n]
    h ^= h >> np.uint64(29)
    h *= _MIX
    h = h >> np.uint64(32)
    kept = np.unique(h[h % np.uint64(SAMPLE) == 0])
    return kept if len(kept) else np.unique(h)


@functools.lru_cache(maxsize=1)
def _template() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def _minhash(hashes: np.ndarray) -> LeanMinHash:
    from datasketch import LeanMinHash, MinHash

    template = _template()
    sketch = MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        hashfunc=int,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    sketch.update_batch(hashes.tolist())
    return LeanMinHash(sketch)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted hash sets (``shingle_hashes``).

    Parameters
    ----------
    a, b : np.ndarray
        Sorted distinct hashes.

    Returns
    -------
    float
        |a ∩ b| / |a ∪ b|; 1.0 for two empty sets.
    """
    both = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - both
    return both / union if union else 1.0


def similar_pairs(texts: dict[str, str], threshold: float = THRESHOLD) -> pd.DataFrame:
    """Pairs of texts whose sampled shingle sets overlap by ``threshold`` or more.

    Parameters
    ----------
    texts : dict of str to str
        notice_id → normalised text.
    threshold : float, default 0.8
        Lowest Jaccard similarity of the shingle sets.

    Returns
    -------
    pd.DataFrame
        One row per pair, ``a`` before ``b`` in the order of ``texts``: ``a``, ``b`` (string,
        notice ids), ``similarity`` (float64, exact Jaccard of the sampled shingles).
    """
    from datasketch import MinHashLSH

    ids = list(texts)
    hashes = {nid: shingle_hashes(texts[nid]) for nid in ids}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sketches = {nid: _minhash(hashes[nid]) for nid in ids}
    for nid in ids:
        lsh.insert(nid, sketches[nid])
    position = {nid: i for i, nid in enumerate(ids)}
    rows = []
    for nid in ids:
        for other in lsh.query(sketches[nid]):
            if position[other] > position[nid]:
                sim = jaccard(hashes[nid], hashes[other])
                if sim >= threshold:
                    rows.append((nid, other, sim))
    out = pd.DataFrame(rows, columns=["a", "b", "similarity"])
    return out.astype({"a": "string", "b": "string", "similarity": "float64"})


def _groups(pairs: pd.DataFrame) -> list[list[str]]:
    """Notices joined by pairs, each group in first-seen order (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(pairs["a"], pairs["b"], strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(root(x), []).append(x)
    return [g for g in groups.values() if len(g) > 1]


def keeper(notices: pd.DataFrame) -> tuple[str, str]:
    """Which of a group of copies to keep, and why.

    Parameters
    ----------
    notices : pd.DataFrame
        The copies' rows of ``corpus.notices``, in file order, with ``header_chars`` and
        ``body_chars`` (characters of the header spans and of the rest) when known.

    Returns
    -------
    (str, str)
        The kept notice_id and the evidence, by the first rule that tells the copies apart:
        ``earliest publish date 2022-06-21`` (when every copy has one), ``shortest header (29
        characters)`` (a repost carries the web page's 发布时间/来源 lines), ``longest text
        (7693 characters)`` (a copy cut short loses), else ``first in file order``.
    """
    ids = notices["notice_id"].astype(str).to_numpy()
    dates = pd.to_datetime(notices["publish_date"]).reset_index(drop=True)
    if dates.notna().all() and dates.nunique() > 1:
        return ids[dates.idxmin()], f"earliest publish date {dates.min():%Y-%m-%d}"
    header = notices.get("header_chars", pd.Series(0, index=notices.index)).reset_index(drop=True)
    if header.nunique() > 1:
        return ids[header.idxmin()], f"shortest header ({header.min()} characters)"
    body = notices.get("body_chars", notices["n_chars"]).astype("Int64").reset_index(drop=True)
    if body.nunique() > 1:
        return ids[body.astype(float).idxmax()], f"longest text ({body.max()} characters)"
    return ids[0], "first in file order"


def _with_lengths(notices: pd.DataFrame, spans: pd.DataFrame | None) -> pd.DataFrame:
    """``notices`` with ``header_chars`` and ``body_chars`` from the spans."""
    if spans is None or spans.empty:
        return notices
    size = (spans["char_end"] - spans["char_start"]).astype("Int64")
    is_header = spans["kind"].astype("string") == "header"
    header = size.where(is_header, 0).groupby(spans["notice_id"]).sum()
    body = size.where(~is_header, 0).groupby(spans["notice_id"]).sum()
    return notices.assign(
        header_chars=notices["notice_id"].map(header).fillna(0).astype("Int64"),
        body_chars=notices["notice_id"].map(body).fillna(0).astype("Int64"),
    )


def near_duplicates(
    notices: pd.DataFrame,
    texts: dict[str, str],
    threshold: float = THRESHOLD,
    spans: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The copies of a notice other than the one kept, with the one kept and why.

    Parameters
    ----------
    notices : pd.DataFrame
        ``corpus.notices``.
    texts : dict of str to str
        ``corpus.texts``.
    threshold : float, default 0.8
        Lowest Jaccard similarity of two copies' shingles.
    spans : pd.DataFrame, optional
        ``corpus.spans``, to tell a copy with a web page's header from the original.

    Returns
    -------
    pd.DataFrame
        ``schema.DUPLICATE_COLUMNS``, one row per copy not kept, ``match="near"``,
        ``dropped`` False (the caller decides).
    """
    pairs = similar_pairs({k: texts[k] for k in notices["notice_id"] if k in texts}, threshold)
    rows = []
    groups = _groups(pairs)
    if groups:
        notices = _with_lengths(notices, spans)
    for group in groups:
        members = notices[notices["notice_id"].isin(group)]
        kept, evidence = keeper(members)
        hashes = {nid: shingle_hashes(texts[nid]) for nid in group}
        for row in members.itertuples():
            if row.notice_id != kept:
                rows.append(
                    dict(
                        notice_id=row.notice_id,
                        duplicate_of=kept,
                        similarity=round(jaccard(hashes[row.notice_id], hashes[kept]), 6),
                        match="near",
                        evidence=f"kept {kept}: {evidence}",
                        source_path=row.source_path,
                        dropped=False,
                    )
                )
    return schema.frame(rows, schema.DUPLICATE_COLUMNS)


def mark_duplicates(corpus, keep_duplicates: bool = False, threshold: float = THRESHOLD):
    """``corpus`` with its near-duplicate copies listed and, by default, dropped.

    Parameters
    ----------
    corpus : Corpus
        The joined corpus; ``corpus.duplicates`` may already list exact copies.
    keep_duplicates : bool, default False
        Keep every copy in the tables (still listed in ``corpus.duplicates``).
    threshold : float, default 0.8
        Lowest Jaccard similarity of two copies' shingles.

    Returns
    -------
    Corpus
        The same object, its tables filtered unless ``keep_duplicates``, ``duplicates`` and
        ``skipped`` extended.
    """
    listed = set(corpus.duplicates["notice_id"])
    notices = corpus.notices[~corpus.notices["notice_id"].isin(listed)]
    found = near_duplicates(notices, corpus.texts, threshold, corpus.spans)
    if found.empty:
        return corpus
    found["dropped"] = pd.array([not keep_duplicates] * len(found), dtype="boolean")
    corpus.duplicates = pd.concat([corpus.duplicates, found], ignore_index=True)
    if keep_duplicates:
        return corpus
    gone = set(found["notice_id"])
    for name in schema.TABLE_COLUMNS:
        table = getattr(corpus, name)
        setattr(corpus, name, table[~table["notice_id"].isin(gone)].reset_index(drop=True))
    corpus.texts = {k: v for k, v in corpus.texts.items() if k not in gone}
    corpus.originals = {k: v for k, v in corpus.originals.items() if k not in gone}
    skips = [
        dict(path=r.source_path, reason=f"near-duplicate of {r.duplicate_of} "
             f"(similarity {r.similarity:.2f}; {r.evidence})")
        for r in found.itertuples()
    ]  # fmt: skip
    corpus.skipped = pd.concat(
        [corpus.skipped, schema.frame(skips, schema.SKIPPED_COLUMNS)], ignore_index=True
    )
    return corpus
