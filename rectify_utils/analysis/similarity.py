"""Similarity: problems that recur across associations (sparse TF-IDF cosine on tokens).

Each problem is the TF-IDF vector of its title tokens plus that of its rectification text at a
lower weight (the title says what was wrong; the text says what was done, in much boilerplate),
held as a sparse matrix. Each problem's nearest problems of *other* associations are found in
blocks of rows (``nearest_neighbours``), so the memory used is bounded and the pairs returned
grow with the number of problems, not with its square; pairs whose cosine reaches the threshold
are "recurring problems". ``clusters.recurrence_clusters`` groups them.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .cache import memo
from .neighbours import nearest_neighbours
from .tokens import tokenize_problems

PAIR_COLUMNS = [
    "notice_id_a", "problem_no_a", "association_a", "title_a",
    "notice_id_b", "problem_no_b", "association_b", "title_b",
    "similarity", "shared_terms",
]  # fmt: skip
_PAIR_CHUNK = 200_000  # pairs whose shared terms are worked out at once


def _tf_matrix(rows: np.ndarray, cols: np.ndarray, n: int, idf: np.ndarray) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows (n × vocab) with dampened term frequency log(1 + tf)."""
    from sklearn.preprocessing import normalize  # imported when used: seconds in every kernel

    ok = cols >= 0
    ones = np.ones(int(ok.sum()), dtype=np.float64)
    matrix = sp.csr_matrix((ones, (rows[ok], cols[ok])), shape=(n, len(idf)))
    matrix.sum_duplicates()
    matrix.data = np.log1p(matrix.data) * idf[matrix.indices]
    return normalize(matrix, norm="l2", copy=False)


def _token_rows(problems: pd.DataFrame, tokens: pd.DataFrame) -> np.ndarray:
    """Each token's row in ``problems`` (-1 for a token of a problem not in it)."""
    keys = pd.MultiIndex.from_arrays(
        [problems["notice_id"].astype("string"), problems["problem_no"].astype("Int64")]
    )
    found = pd.MultiIndex.from_arrays(
        [tokens["notice_id"].astype("string"), tokens["problem_no"].astype("Int64")]
    )
    return keys.get_indexer(found).astype(np.int64)


@fill_params
def problem_vectors(
    problems: pd.DataFrame,
    tokens: pd.DataFrame | None = None,
    text_weight: float = 0.3,
    max_terms: int = 20000,
) -> tuple[sp.csr_matrix, pd.Index]:
    """L2-normalised sparse TF-IDF vectors of the problems, and their vocabulary.

    Parameters
    ----------
    problems : DataFrame
        The corpus's ``problems`` table, or some of its rows.
    tokens : DataFrame, optional
        {params.tokens}
    text_weight : float, default 0.3
        {params.text_weight}
    max_terms : int, default 20000
        Size of the vocabulary: the ``max_terms`` terms found in the most problems are kept.

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        float64, one row per problem in ``problems`` order and one column per term; a problem
        with no kept term is a row of zeros.
    vocab : pd.Index
        The terms of the columns, most widespread first.

    Notes
    -----
    The title's TF-IDF vector and the text's TF-IDF vector are each normalised, then added with
    the text at ``text_weight`` — so a long rectification text cannot drown the problem statement —
    and normalised again. tf is dampened as log(1 + tf); idf = log((1 + N) / (1 + df)) + 1 with df
    counted over problems. Computed once per problems table and setting (``analysis.cache``)
    when ``tokens`` is not given.
    """
    if tokens is not None:
        return _problem_vectors(problems, tokens, text_weight, max_terms)
    return memo(
        "problem_vectors",
        problems,
        (text_weight, max_terms),
        lambda: _problem_vectors(problems, tokenize_problems(problems), text_weight, max_terms),
    )


def _problem_vectors(
    problems: pd.DataFrame, tokens: pd.DataFrame, text_weight: float, max_terms: int
) -> tuple[sp.csr_matrix, pd.Index]:
    from sklearn.preprocessing import normalize  # imported when used: seconds in every kernel

    rows = _token_rows(problems, tokens)
    keep = rows >= 0
    rows = rows[keep]
    # factorised from the Arrow strings (first-seen order, as of the plain strings), and the
    # field compared as a category: no 3 M Python strings made on 10,000 notices
    codes, uniques = pd.factorize(tokens["token"][keep])
    is_title = (tokens["field"] == "title").to_numpy(dtype=bool)[keep]
    n = len(problems)
    pairs = pd.DataFrame({"row": rows, "term": codes}).drop_duplicates()
    df = pairs["term"].value_counts().head(max_terms)
    vocab = pd.Index(np.asarray(uniques, dtype=object)[df.index.to_numpy()], dtype="string")
    column_of = np.full(len(uniques), -1, dtype=np.int64)
    column_of[df.index.to_numpy()] = np.arange(len(df))
    cols = column_of[codes]
    idf = np.log((1 + n) / (1 + df.to_numpy(dtype=float))) + 1.0
    title = _tf_matrix(rows[is_title], cols[is_title], n, idf)
    text = _tf_matrix(rows[~is_title], cols[~is_title], n, idf)
    matrix = normalize(title + text_weight * text, norm="l2", copy=False)
    return matrix.tocsr(), vocab


def shared_term_lists(
    matrix: sp.csr_matrix, vocab: pd.Index, a: np.ndarray, b: np.ndarray, n_shared: int
) -> list[str]:
    """For each pair, the ``n_shared`` terms that contribute most to its cosine, joined by ``、``.

    Parameters
    ----------
    matrix : scipy.sparse.csr_matrix
        The problem vectors.
    vocab : pd.Index
        Their terms (``problem_vectors``).
    a, b : np.ndarray
        Row numbers of the pairs.
    n_shared : int
        Terms per pair; ties go to the more widespread term.

    Returns
    -------
    list of str
        One string per pair, empty where the two share no term.
    """
    out: list[str] = []
    terms = np.asarray(vocab, dtype=object)
    for start in range(0, len(a), _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        product = matrix[a[start:stop]].multiply(matrix[b[start:stop]]).tocoo()
        order = np.lexsort((product.col, -product.data, product.row))
        row, col, data = product.row[order], product.col[order], product.data[order]
        first = np.searchsorted(row, row, side="left")
        keep = (np.arange(len(row)) - first < n_shared) & (data > 0)
        row, words = row[keep], terms[col[keep]].tolist()
        bounds = np.searchsorted(row, np.arange(min(stop, len(a)) - start + 1))
        out += ["、".join(words[i:j]) for i, j in pairwise(bounds)]
    return out


#: neighbour graphs are computed from this cosine (or the threshold asked, if lower) and
#: filtered, so the pairs (0.35) and the clusters (0.3) share one search
EDGE_FLOOR = 0.3


def problem_edges(
    problems: pd.DataFrame,
    n_neighbours: int = 10,
    threshold: float = 0.35,
    text_weight: float = 0.3,
) -> pd.DataFrame:
    """Each problem's nearest problems of other associations, computed once per table.

    Parameters
    ----------
    problems : DataFrame
        The corpus's ``problems`` table.
    n_neighbours : int, default 10
        Neighbours per problem.
    threshold : float, default 0.35
        Lowest cosine kept.
    text_weight : float, default 0.3
        Weight of the rectification text (see ``problem_vectors``).

    Returns
    -------
    pd.DataFrame
        As ``neighbours.nearest_neighbours``: ``row``, ``neighbour`` (row numbers of
        ``problems``), ``similarity``. The top ``n_neighbours`` at or above ``EDGE_FLOOR``,
        filtered at ``threshold``, are the top ``n_neighbours`` at or above ``threshold``.
    """
    floor = min(threshold, EDGE_FLOOR)

    def search() -> pd.DataFrame:
        matrix, _ = problem_vectors(problems, text_weight=text_weight)
        return nearest_neighbours(matrix, problems["association"], n_neighbours, floor)

    edges = memo("problem_edges", problems, (n_neighbours, floor, text_weight), search)
    return edges[edges["similarity"] >= threshold].reset_index(drop=True)


@fill_params
def recurring_problems(
    corpus: Corpus | pd.DataFrame,
    threshold: float = 0.35,
    text_weight: float = 0.3,
    n_shared: int = 5,
    tokens: pd.DataFrame | None = None,
    n_neighbours: int = 10,
) -> pd.DataFrame:
    """Pairs of problems in different associations that say nearly the same thing.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    threshold : float, default 0.35
        Lowest cosine similarity a pair needs. Short titles give modest cosines: in the bundled
        notices pairs from 0.35 up read as the same issue stated twice, while 0.5 keeps only
        near-verbatim repeats — hence the default.
    text_weight : float, default 0.3
        {params.text_weight}
    n_shared : int, default 5
        How many of the terms that contribute most to a pair's similarity to list.
    tokens : DataFrame, optional
        {params.tokens}
    n_neighbours : int, default 10
        {params.n_neighbours}

    Returns
    -------
    pd.DataFrame
        One row per pair, problem ``_a`` before ``_b`` in corpus order, most similar first
        (ties in corpus order). Columns:

        - ``notice_id_a``, ``problem_no_a``, ``association_a``, ``title_a`` (string, Int64,
          string, string): the first problem
        - ``notice_id_b``, ``problem_no_b``, ``association_b``, ``title_b``: the second, alike
        - ``similarity`` (float64): TF-IDF cosine (see ``problem_vectors``), rounded to 6 places
        - ``shared_terms`` (string): the ``n_shared`` terms that contribute most, joined by ``、``

    Notes
    -----
    A pair is kept when one of its problems is among the other's ``n_neighbours`` most similar
    problems of other associations, so a problem stated alike by hundreds of notices yields a
    bounded number of pairs; ``clusters.recurrence_clusters`` gathers such groups whole.

    Examples
    --------
    At 0.5, the bundled notices keep one near-verbatim pair:

    >>> pairs = recurring_problems(load_corpus("data/raw"), threshold=0.5)
    >>> pairs[["association_a", "title_a", "association_b", "title_b", "similarity"]]
      association_a          title_a association_b         title_b  similarity
    0         东营市科协  党风廉政建设主体责任落实不到位         石龙区科协  党风廉政建设主体责任压得不实     0.64478
    """
    table = table_of(corpus, "problems")
    problems = table.reset_index(drop=True)
    matrix, vocab = problem_vectors(table, tokens, text_weight)
    if tokens is None:
        edges = problem_edges(table, n_neighbours, threshold, text_weight)
    else:
        edges = nearest_neighbours(matrix, problems["association"], n_neighbours, threshold)
    a = np.minimum(edges["row"], edges["neighbour"]).to_numpy()
    b = np.maximum(edges["row"], edges["neighbour"]).to_numpy()
    found = pd.DataFrame({"a": a, "b": b, "sim": edges["similarity"].to_numpy()})
    found = found.drop_duplicates(["a", "b"])
    found = found.iloc[np.lexsort((found["b"], found["a"], -found["sim"].round(6)))]
    a, b = found["a"].to_numpy(), found["b"].to_numpy()
    out = pd.DataFrame(index=range(len(found)))
    for suffix, rows in (("a", a), ("b", b)):
        for col in ("notice_id", "problem_no", "association", "title"):
            dtype = "Int64" if col == "problem_no" else "string"
            out[f"{col}_{suffix}"] = problems[col].take(rows).astype(dtype).reset_index(drop=True)
    out["similarity"] = found["sim"].to_numpy(dtype="float64").round(6)
    out["shared_terms"] = pd.array(shared_term_lists(matrix, vocab, a, b, n_shared), "string")
    return out[PAIR_COLUMNS]
