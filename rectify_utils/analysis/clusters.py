"""Recurrence clusters: groups of problems from different associations that say the same thing.

The problems are the nodes of a graph whose edges join each problem to its ``n_neighbours``
most similar problems of *other* associations at or above a cosine threshold
(``neighbours.nearest_neighbours`` on ``similarity.problem_vectors``); a cluster is a connected
part of that graph. Its representative is its medoid — the member closest to the cluster's
centroid — and its ``cohesion`` (the mean cosine of the members to the representative) shows a
cluster that grew by a chain of merely related problems. This is what a researcher means by a
recurring problem: one row per issue, however many notices state it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .cache import memo
from .neighbours import pair_similarities
from .similarity import problem_edges, problem_vectors

MEMBER_COLUMNS = {
    "cluster": "Int64",
    "notice_id": "string",
    "problem_no": "Int64",
    "association": "string",
    "title": "string",
    "similarity": "float64",
    "representative": "boolean",
}
CLUSTER_COLUMNS = {
    "cluster": "Int64",
    "title": "string",
    "notice_id": "string",
    "problem_no": "Int64",
    "size": "Int64",
    "n_associations": "Int64",
    "associations": "string",
    "cohesion": "float64",
    "members": "string",
}


def _stars(edges: pd.DataFrame, n: int) -> np.ndarray:
    """Centre row per row, -1 for a row without an edge: greedy star clustering.

    Rows are taken by decreasing sum of their edges' similarities; a row not yet in a star
    becomes a centre and takes in its neighbours not yet in one, so every member is itself
    similar to its centre (no chains of merely related problems).
    """
    a = np.concatenate([edges["row"].to_numpy(), edges["neighbour"].to_numpy()])
    b = np.concatenate([edges["neighbour"].to_numpy(), edges["row"].to_numpy()])
    sims = np.tile(edges["similarity"].to_numpy(), 2)
    weight = np.bincount(a, weights=sims, minlength=n)
    graph = sp.csr_matrix((sims, (a, b)), shape=(n, n))
    centre = np.full(n, -1, dtype=np.int64)
    for row in np.lexsort((np.arange(n), -weight)):
        if centre[row] >= 0 or weight[row] == 0:
            continue
        centre[row] = row
        around = graph.indices[graph.indptr[row] : graph.indptr[row + 1]]
        around = around[centre[around] < 0]
        centre[around] = row
    return centre


def _attach_lone_centres(
    matrix: sp.csr_matrix, edges: pd.DataFrame, centre: np.ndarray, threshold: float
) -> np.ndarray:
    """A centre left alone (its neighbours all taken) joins its best neighbour's star if it is
    similar enough to that star's centre, and is dropped (-1) otherwise."""
    size = np.bincount(centre[centre >= 0], minlength=len(centre))
    lone = np.flatnonzero((centre == np.arange(len(centre))) & (size == 1))
    if not len(lone):
        return centre
    best = edges[edges["row"].isin(lone)].drop_duplicates("row")  # sorted: best first
    rows, target = best["row"].to_numpy(), centre[best["neighbour"].to_numpy()]
    close = pair_similarities(matrix, rows, target) >= threshold
    centre = centre.copy()
    centre[lone] = -1
    centre[rows[close]] = target[close]
    return centre


def _medoids(matrix: sp.csr_matrix, rows: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """For each member (``rows``, with component ``labels``), the row of its medoid."""
    codes, _ = pd.factorize(labels)
    member_of = sp.csr_matrix(
        (np.ones(len(rows)), (codes, rows)), shape=(codes.max() + 1, matrix.shape[0])
    )
    centroids = sp.csr_matrix(member_of @ matrix)
    closeness = np.asarray(matrix[rows].multiply(centroids[codes]).sum(axis=1)).ravel()
    order = np.lexsort((rows, -closeness, codes))
    first = order[np.r_[True, np.diff(codes[order]) != 0]]
    return rows[first][codes]


@fill_params
def recurrence_members(
    corpus: Corpus | pd.DataFrame,
    threshold: float = 0.3,
    n_neighbours: int = 10,
    text_weight: float = 0.3,
) -> pd.DataFrame:
    """Every problem that belongs to a recurrence cluster, with its cluster.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    threshold : float, default 0.3
        Lowest cosine joining two problems of different associations. Lower than the 0.35 of
        ``recurring_problems``: a cluster needs only one such link per member, and its
        ``cohesion`` shows how close the members are to its representative. In the bundled
        notices 0.3 gathers the three 三会一课 problems of 石龙区 and 新野县 (one of them is 0.347
        from 石龙区's).
    n_neighbours : int, default 10
        {params.n_neighbours}
    text_weight : float, default 0.3
        {params.text_weight}

    Returns
    -------
    pd.DataFrame
        One row per member problem, clusters in the order of :func:`recurrence_clusters`, the
        representative first in each, then by similarity to it. Columns:

        - ``cluster`` (Int64): 1 = the cluster spanning most associations (then most problems)
        - ``notice_id``, ``association``, ``title`` (string), ``problem_no`` (Int64): the
          problem, a key into ``corpus.problems``
        - ``similarity`` (float64): cosine to the cluster's representative (1.0 for itself)
        - ``representative`` (boolean): the cluster's medoid
    """
    problems = table_of(corpus, "problems")
    setting = ("recurrence_members", threshold, n_neighbours, text_weight)
    return memo(
        "recurrence_members",
        problems,
        setting,
        lambda: _members(problems, threshold, n_neighbours, text_weight),
    )


def _members(
    problems: pd.DataFrame, threshold: float, n_neighbours: int, text_weight: float
) -> pd.DataFrame:
    matrix, _ = problem_vectors(problems, text_weight=text_weight)
    edges = problem_edges(problems, n_neighbours, threshold, text_weight)
    labels = _attach_lone_centres(matrix, edges, _stars(edges, len(problems)), threshold)
    rows = np.flatnonzero(labels >= 0)
    if not len(rows):
        return pd.DataFrame(columns=list(MEMBER_COLUMNS)).astype(MEMBER_COLUMNS)
    medoid = _medoids(matrix, rows, labels[rows])
    out = problems.iloc[rows][["notice_id", "problem_no", "association", "title"]]
    out = out.reset_index(drop=True).assign(
        medoid=medoid, row=rows, similarity=pair_similarities(matrix, rows, medoid).clip(0, 1)
    )
    out["representative"] = out["row"] == out["medoid"]
    out.loc[out["representative"], "similarity"] = 1.0
    stats = out.groupby("medoid").agg(
        n_assoc=("association", "nunique"), size=("row", "size"), first=("row", "min")
    )
    stats = stats.sort_values(["n_assoc", "size", "first"], ascending=[False, False, True])
    number = pd.Series(np.arange(1, len(stats) + 1), index=stats.index)
    out["cluster"] = out["medoid"].map(number)
    out = out.sort_values(
        ["cluster", "representative", "similarity", "row"], ascending=[True, False, False, True]
    )
    return out[list(MEMBER_COLUMNS)].astype(MEMBER_COLUMNS).reset_index(drop=True)


@fill_params
def recurrence_clusters(
    corpus: Corpus | pd.DataFrame,
    threshold: float = 0.3,
    n_neighbours: int = 10,
    text_weight: float = 0.3,
) -> pd.DataFrame:
    """Groups of problems from different associations that say the same thing, largest first.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    threshold : float, default 0.3
        Lowest cosine joining two problems of different associations (see
        :func:`recurrence_members`).
    n_neighbours : int, default 10
        {params.n_neighbours}
    text_weight : float, default 0.3
        {params.text_weight}

    Returns
    -------
    pd.DataFrame
        One row per cluster, most associations first, then most problems. Columns:

        - ``cluster`` (Int64): its number, as in :func:`recurrence_members`
        - ``title`` (string): the representative's title (the medoid)
        - ``notice_id`` (string), ``problem_no`` (Int64): the representative's key
        - ``size`` (Int64): member problems
        - ``n_associations`` (Int64), ``associations`` (string): the associations in it, in
          order of first appearance in the corpus, joined by ``、``
        - ``cohesion`` (float64): mean cosine of the other members to the representative
        - ``members`` (string): the members' keys ``notice_id:problem_no``, joined by ``、``
          (one row each in :func:`recurrence_members`)

    Examples
    --------
    >>> clusters = recurrence_clusters(load_corpus("data/raw"))
    >>> clusters.loc[clusters["title"].str.contains("三会一课"), ["title", "size", "associations"]]
               title  size associations
    2  “三会一课”制度落实不到位     3  石龙区科协、新野县科协
    """
    members = recurrence_members(corpus, threshold, n_neighbours, text_weight)
    order = table_of(corpus, "problems")["association"].drop_duplicates().tolist()
    rank = {a: i for i, a in enumerate(order)}
    keys = members["notice_id"] + ":" + members["problem_no"].astype("string")
    grouped = members.assign(key=keys).groupby("cluster", sort=True)
    out = grouped.agg(size=("key", "size"), n_associations=("association", "nunique"))
    out["associations"] = grouped["association"].agg(
        lambda s: "、".join(sorted(s.unique(), key=lambda a: rank.get(a, len(rank))))
    )
    others = members[~members["representative"]]
    out["cohesion"] = others.groupby("cluster")["similarity"].mean()
    out["members"] = grouped["key"].agg("、".join)
    heads = members[members["representative"]].set_index("cluster")
    out = out.join(heads[["title", "notice_id", "problem_no"]]).reset_index()
    return out[list(CLUSTER_COLUMNS)].astype(CLUSTER_COLUMNS)
