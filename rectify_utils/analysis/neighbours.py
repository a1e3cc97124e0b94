"""Nearest neighbours of unit vectors across groups, in blocks of bounded memory.

``nearest_neighbours`` finds, for every problem vector, its ``k`` most similar vectors of *other*
groups (associations) at or above a cosine threshold. Candidates come from a dense view of the
vectors — the vectors themselves when they are few enough, else their projection on the first
``EMBED_DIM`` singular vectors (``TruncatedSVD``) — scored in blocks of rows (every pair, up to
``BRUTE_LIMIT`` rows) or, beyond that, only against the rows of the nearest k-means cells
(``MiniBatchKMeans``, as an inverted-file index does). Every candidate kept is then scored exactly
on the sparse vectors, so no similarity is approximate; only, on a projection or with cells, a
true neighbour can be missed. Memory stays within ``BLOCK_CELLS`` similarities at a time.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

#: rows × columns up to which the vectors are used densely as they are (exact candidates)
EXACT_CELLS = 20_000_000
#: dimensions of the projection used beyond EXACT_CELLS
EMBED_DIM = 256
#: rows up to which every pair is scored (in blocks); beyond, each row meets its nearest cells
BRUTE_LIMIT = 20_000
#: similarities computed at once (float32: 32 MB)
BLOCK_CELLS = 8_000_000
#: rows the k-means cells are fitted on (all rows are then put in their nearest cell)
KMEANS_SAMPLE = 20_000
#: cells probed per row beyond BRUTE_LIMIT
N_PROBE = 8
#: candidates on a projection are kept from this far below the threshold before exact scoring
APPROX_SLACK = 0.1
_PAIR_CHUNK = 200_000


def pair_similarities(matrix: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of rows ``a[k]`` and ``b[k]`` of an L2-normalised matrix, for every k.

    Parameters
    ----------
    matrix : scipy.sparse.csr_matrix
        Row vectors of unit length (``similarity.problem_vectors``).
    a, b : np.ndarray
        Row numbers, of equal length.

    Returns
    -------
    np.ndarray
        float64, one cosine per pair.
    """
    out = np.empty(len(a), dtype=np.float64)
    for start in range(0, len(a), _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        product = matrix[a[start:stop]].multiply(matrix[b[start:stop]])
        out[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    return out


def _embedding(matrix: sp.csr_matrix) -> tuple[np.ndarray, bool]:
    """Dense float32 unit rows to find candidates with, and whether they are the vectors as is."""
    from sklearn.decomposition import TruncatedSVD  # imported when used: seconds per kernel
    from sklearn.preprocessing import normalize

    n, v = matrix.shape
    if n * v <= EXACT_CELLS or min(n, v) <= EMBED_DIM + 1:
        return matrix.toarray().astype(np.float32), True
    svd = TruncatedSVD(n_components=EMBED_DIM, n_iter=4, random_state=0)
    dense = svd.fit_transform(matrix).astype(np.float32)
    return normalize(dense, copy=False), False


def _best(scores: np.ndarray, k: int, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's ``k`` highest scores that reach ``floor``."""
    k = min(k, scores.shape[1])
    if k == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(scores.shape[0]), k)
    cols = top.ravel()
    keep = scores[rows, cols] >= floor
    return rows[keep], cols[keep]


def _brute(dense: np.ndarray, groups: np.ndarray, k: int, floor: float) -> tuple:
    """Candidates scored against every row, a block of rows at a time."""
    n = len(dense)
    block = max(1, BLOCK_CELLS // max(n, 1))
    found_rows, found_cols = [], []
    for start in range(0, n, block):
        scores = dense[start : start + block] @ dense.T
        scores[groups[start : start + block, None] == groups[None, :]] = -np.inf
        rows, cols = _best(scores, k, floor)
        found_rows.append(rows + start)
        found_cols.append(cols)
    return np.concatenate(found_rows), np.concatenate(found_cols)


def _cells(dense: np.ndarray, groups: np.ndarray, k: int, floor: float) -> tuple:
    """Candidates scored against the rows of the ``N_PROBE`` cells nearest each row's cell."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.preprocessing import normalize

    n = len(dense)
    n_cells = int(np.clip(2 * np.sqrt(n), 16, 4096))
    kmeans = MiniBatchKMeans(n_cells, batch_size=4096, n_init=1, max_iter=20, random_state=0)
    sample = np.random.default_rng(0).choice(n, size=min(n, KMEANS_SAMPLE), replace=False)
    kmeans.fit(dense[np.sort(sample)].astype(np.float64))
    centres = normalize(kmeans.cluster_centers_).astype(np.float32)
    labels = np.concatenate(
        [np.argmax(dense[i : i + 8192] @ centres.T, axis=1) for i in range(0, n, 8192)]
    )
    probes = np.argsort(-(centres @ centres.T), axis=1)[:, :N_PROBE]
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_cells + 1))
    members = [order[bounds[c] : bounds[c + 1]] for c in range(n_cells)]
    found_rows, found_cols = [], []
    for cell, queries in enumerate(members):
        if not len(queries):
            continue
        pool = np.concatenate([members[p] for p in probes[cell]])
        step = max(1, BLOCK_CELLS // len(pool))
        for start in range(0, len(queries), step):
            part = queries[start : start + step]
            scores = dense[part] @ dense[pool].T
            scores[groups[part, None] == groups[None, pool]] = -np.inf
            rows, cols = _best(scores, k, floor)
            found_rows.append(part[rows])
            found_cols.append(pool[cols])
    return np.concatenate(found_rows), np.concatenate(found_cols)


def nearest_neighbours(
    matrix: sp.csr_matrix, groups: pd.Series, k: int = 10, threshold: float = 0.35
) -> pd.DataFrame:
    """Each row's ``k`` most similar rows of other groups, at or above ``threshold``.

    Parameters
    ----------
    matrix : scipy.sparse.csr_matrix
        L2-normalised row vectors (``similarity.problem_vectors``).
    groups : pd.Series
        One group per row (the association); rows of one group are never neighbours, and
        rows without a group (<NA>) are one group.
    k : int, default 10
        Neighbours kept per row, the most similar first.
    threshold : float, default 0.35
        Lowest cosine kept.

    Returns
    -------
    pd.DataFrame
        One row per (row, neighbour) edge, by row then by similarity (descending), ties by
        neighbour. Columns: ``row``, ``neighbour`` (int64, row numbers of ``matrix``),
        ``similarity`` (float64, exact cosine).
    """
    codes = pd.factorize(pd.Series(groups).astype("string"), use_na_sentinel=True)[0]
    dense, exact = _embedding(matrix)
    floor = threshold - (1e-4 if exact else APPROX_SLACK)
    width = k if exact else 2 * k + 10
    search = _brute if len(dense) <= BRUTE_LIMIT else _cells
    rows, cols = search(dense, codes.astype(np.int64), width, floor)
    del dense
    sims = pair_similarities(matrix, rows, cols)
    keep = sims >= threshold
    edges = pd.DataFrame({"row": rows[keep], "neighbour": cols[keep], "similarity": sims[keep]})
    edges = edges.sort_values(["row", "similarity", "neighbour"], ascending=[True, False, True])
    edges = edges.groupby("row", sort=False).head(k)
    return edges.astype({"row": "int64", "neighbour": "int64"}).reset_index(drop=True)
