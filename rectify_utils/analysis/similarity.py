"""Similarity: problems that recur across associations (TF-IDF cosine on tokens).

Each problem is the TF-IDF vector of its title tokens plus that of its rectification text at a
lower weight (the title says what was wrong; the text says what was done, in much boilerplate). Pairs
from different associations whose cosine reaches the threshold are "recurring problems".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .tokens import tokenize_problems

PAIR_COLUMNS = [
    "notice_id_a", "problem_no_a", "association_a", "title_a",
    "notice_id_b", "problem_no_b", "association_b", "title_b",
    "similarity", "shared_terms",
]  # fmt: skip
_BLOCK = 2048  # rows of the similarity matrix computed at once


def _tfidf(
    rows: np.ndarray, terms: np.ndarray, n: int, vocab: pd.Index, idf: np.ndarray
) -> np.ndarray:
    """L2-normalised TF-IDF matrix (n × vocab) with dampened term frequency log(1 + tf)."""
    matrix = np.zeros((n, len(vocab)), dtype=np.float32)
    col = vocab.get_indexer(terms)
    ok = col >= 0
    if ok.any():
        tf = pd.DataFrame({"row": rows[ok], "col": col[ok]}).value_counts().reset_index(name="tf")
        c = tf["col"].to_numpy()
        matrix[tf["row"].to_numpy(), c] = np.log1p(tf["tf"].to_numpy(dtype=float)) * idf[c]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix


@fill_params
def problem_vectors(
    problems: pd.DataFrame,
    tokens: pd.DataFrame | None = None,
    text_weight: float = 0.3,
    max_terms: int = 20000,
) -> tuple[np.ndarray, pd.Index]:
    """L2-normalised TF-IDF vectors of the problems, and their vocabulary.

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
    matrix : np.ndarray
        float32, one row per problem in ``problems`` order and one column per term; a problem
        with no kept term is a row of zeros.
    vocab : pd.Index
        The terms of the columns, most widespread first.

    Notes
    -----
    The title's TF-IDF vector and the text's TF-IDF vector are each normalised, then added with
    the text at ``text_weight`` — so a long rectification text cannot drown the problem statement —
    and normalised again. tf is dampened as log(1 + tf); idf = log((1 + N) / (1 + df)) + 1 with df
    counted over problems.
    """
    if tokens is None:
        tokens = tokenize_problems(problems)
    keys = problems[["notice_id", "problem_no"]].astype(
        {"notice_id": "string", "problem_no": "Int64"}
    )
    row_of = {k: i for i, k in enumerate(zip(keys["notice_id"], keys["problem_no"], strict=True))}
    rows = np.array(
        [row_of.get(k, -1) for k in zip(tokens["notice_id"], tokens["problem_no"], strict=True)],
        dtype=np.int64,
    )
    keep = rows >= 0
    rows = rows[keep]
    terms = tokens["token"].to_numpy()[keep]
    is_title = (tokens["field"].astype("string").to_numpy() == "title")[keep]
    n = len(problems)
    df = (
        pd.DataFrame({"row": rows, "term": terms})
        .drop_duplicates()["term"]
        .value_counts()
        .head(max_terms)
    )
    vocab = pd.Index(df.index)
    idf = np.log((1 + n) / (1 + df.to_numpy(dtype=float))) + 1.0
    title = _tfidf(rows[is_title], terms[is_title], n, vocab, idf)
    text = _tfidf(rows[~is_title], terms[~is_title], n, vocab, idf)
    matrix = title + np.float32(text_weight) * text
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix, vocab


@fill_params
def recurring_problems(
    corpus: Corpus | pd.DataFrame,
    threshold: float = 0.35,
    text_weight: float = 0.3,
    n_shared: int = 5,
    tokens: pd.DataFrame | None = None,
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

    Returns
    -------
    pd.DataFrame
        One row per pair, problem ``_a`` before ``_b`` in corpus order, most similar first.
        Columns:

        - ``notice_id_a``, ``problem_no_a``, ``association_a``, ``title_a`` (string, Int64,
          string, string): the first problem
        - ``notice_id_b``, ``problem_no_b``, ``association_b``, ``title_b``: the second, alike
        - ``similarity`` (float64): TF-IDF cosine (see ``problem_vectors``), rounded to 6 places
        - ``shared_terms`` (string): the ``n_shared`` terms that contribute most, joined by ``、``

    Examples
    --------
    At 0.5, the bundled notices keep one near-verbatim pair:

    >>> pairs = recurring_problems(load_corpus("data/raw"), threshold=0.5)
    >>> pairs[["association_a", "title_a", "association_b", "title_b", "similarity"]]
      association_a          title_a association_b         title_b  similarity
    0         东营市科协  党风廉政建设主体责任落实不到位         石龙区科协  党风廉政建设主体责任压得不实     0.64478
    """
    problems = table_of(corpus, "problems").reset_index(drop=True)
    matrix, vocab = problem_vectors(problems, tokens, text_weight)
    assoc = problems["association"].astype("string").fillna("").to_numpy()
    found: list[tuple[int, int, float]] = []
    for start in range(0, len(problems), _BLOCK):
        block = matrix[start : start + _BLOCK] @ matrix.T
        i, j = np.nonzero(block >= threshold)
        i = i + start
        keep = (i < j) & (assoc[i] != assoc[j])
        found.extend(zip(i[keep], j[keep], block[i[keep] - start, j[keep]], strict=True))
    records = []
    for i, j, sim in found:
        contribution = matrix[i] * matrix[j]
        top = np.argsort(-contribution)[:n_shared]
        shared = "、".join(vocab[k] for k in top if contribution[k] > 0)
        a, b = problems.iloc[i], problems.iloc[j]
        records.append(
            (a["notice_id"], a["problem_no"], a["association"], a["title"],
             b["notice_id"], b["problem_no"], b["association"], b["title"],
             float(sim), shared)
        )  # fmt: skip
    out = pd.DataFrame(records, columns=PAIR_COLUMNS)
    for col in PAIR_COLUMNS:
        if col.startswith("problem_no"):
            out[col] = out[col].astype("Int64")
        elif col != "similarity":
            out[col] = out[col].astype("string")
    out["similarity"] = out["similarity"].astype("float64").round(6)
    return out.sort_values("similarity", ascending=False, kind="stable").reset_index(drop=True)
