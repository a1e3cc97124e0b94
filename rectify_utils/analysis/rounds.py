"""Successive rounds: a body's notices in order, and the problems that come back (屡改屡犯).

A body inspected twice publishes two notices (罗庄区科协 2022 and 2024). ``notice_labels`` names
each notice as a researcher would — the association alone when it has one notice, else the
association and the year, `罗庄区科协（2022）` — so tables keep one row per notice.
``rounds`` compares each notice of a body with the one before it: every problem of the later
round whose most similar problem of the earlier round reaches the threshold (TF-IDF cosine on
``similarity.problem_vectors``) is a problem that came back.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus
from ._docstrings import fill_params
from .similarity import problem_vectors, shared_term_lists

LABEL_COLUMNS = {
    "notice_id": "string",
    "association": "string",
    "notice_label": "string",
    "round_no": "Int64",
    "n_rounds": "Int64",
    "date": "datetime64[ns]",
}
ROUND_COLUMNS = {
    "association": "string",
    "earlier_label": "string",
    "notice_id_earlier": "string",
    "problem_no_earlier": "Int64",
    "title_earlier": "string",
    "later_label": "string",
    "notice_id_later": "string",
    "problem_no_later": "Int64",
    "title_later": "string",
    "similarity": "float64",
    "shared_terms": "string",
}
#: the notice dates a round is dated by, the first known one
DATE_COLUMNS = ("publish_date", "as_of_date", "feedback_date", "inspection_end")


@fill_params
def notice_labels(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """Each notice's label and its round among the body's notices.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus_notices}

    Returns
    -------
    pd.DataFrame
        One row per notice, in notice order. Columns:

        - ``notice_id``, ``association`` (string)
        - ``notice_label`` (string): the association alone when it has one notice; else with
          the year, `罗庄区科协（2022）`, two notices of one year `（2022-1）`, `（2022-2）`, and a
          notice with no date its notice_id
        - ``round_no`` (Int64): 1 for the body's earliest notice, then 2, …
        - ``n_rounds`` (Int64): the body's notices
        - ``date`` (datetime64[ns]): the date the round is ordered by (the first of
          publish_date, as_of_date, feedback_date, inspection_end)

    Examples
    --------
    >>> notice_labels(load_corpus("data/raw"))["notice_label"].tolist()
    ['东营市科协', '立山区科协', '罗庄区科协', '石龙区科协', '新野县科协']
    """
    notices = getattr(corpus, "notices", corpus)
    out = notices[["notice_id", "association"]].reset_index(drop=True).copy()
    out["association"] = out["association"].astype("string").fillna(out["notice_id"])
    date = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    for column in DATE_COLUMNS:
        if column in notices:
            date = date.fillna(pd.to_datetime(notices[column]).reset_index(drop=True))
    out["date"] = date
    out["order"] = np.arange(len(out))
    ranked = out.sort_values(["association", "date", "order"], na_position="last")
    out["round_no"] = ranked.groupby("association").cumcount().reindex(out.index) + 1
    out["n_rounds"] = out.groupby("association")["notice_id"].transform("size")
    year = out["date"].dt.year.astype("Int64").astype("string")
    same_year = out.groupby(["association", year.fillna("")])["notice_id"].transform("size")
    nth = ranked.groupby(["association", year.fillna("")]).cumcount().reindex(out.index) + 1
    tag = year.where(same_year == 1, year + "-" + nth.astype("string"))
    tag = tag.fillna(out["notice_id"].astype("string"))
    label = out["association"] + "（" + tag + "）"
    out["notice_label"] = label.where(out["n_rounds"] > 1, out["association"])
    return out[list(LABEL_COLUMNS)].astype(LABEL_COLUMNS)


@fill_params
def rounds(
    corpus: Corpus,
    threshold: float = 0.35,
    text_weight: float = 0.3,
    n_shared: int = 5,
) -> pd.DataFrame:
    """Problems of a body's notice that come back from its previous notice (屡改屡犯).

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}
    threshold : float, default 0.35
        Lowest cosine between a later problem and its most similar earlier one, as in
        ``similarity.recurring_problems``.
    text_weight : float, default 0.3
        {params.text_weight}
    n_shared : int, default 5
        How many of the terms contributing most to the similarity to list.

    Returns
    -------
    pd.DataFrame
        One row per problem that came back: bodies in notice order, then round, then the later
        problem's order. Columns:

        - ``association`` (string)
        - ``earlier_label``, ``notice_id_earlier``, ``title_earlier`` (string),
          ``problem_no_earlier`` (Int64): the earlier round's most similar problem
        - ``later_label``, ``notice_id_later``, ``title_later`` (string),
          ``problem_no_later`` (Int64): the problem of the next round
        - ``similarity`` (float64): their cosine, rounded to 6 places
        - ``shared_terms`` (string): the terms contributing most, joined by ``、``

    Examples
    --------
    With 罗庄区科协's 2022 notice and a 2024 one in the folder:

    >>> rounds(load_corpus(folder))[["later_label", "title_later", "title_earlier"]]
    ... # doctest: +SKIP
    """
    labels = notice_labels(corpus)
    problems = corpus.problems.reset_index(drop=True)
    matrix, vocab = problem_vectors(corpus.problems, text_weight=text_weight)
    rows_of = problems.groupby(problems["notice_id"].astype("string")).indices
    none = np.empty(0, dtype=np.int64)
    found = []
    # bodies in notice order, each body's rounds in order: one sort, then consecutive pairs
    multi = labels[labels["n_rounds"] > 1]
    body_no = pd.factorize(multi["association"])[0]
    multi = multi.assign(body_no=body_no)[body_no >= 0]
    multi = multi.sort_values(["body_no", "round_no"], kind="stable")
    bodies = multi["body_no"].tolist()
    notice_ids, notice_labels_ = multi["notice_id"].tolist(), multi["notice_label"].tolist()
    for i in range(len(bodies) - 1):
        if bodies[i] != bodies[i + 1]:
            continue
        a, b = rows_of.get(notice_ids[i], none), rows_of.get(notice_ids[i + 1], none)
        if not len(a) or not len(b):
            continue
        sims = (matrix[b] @ matrix[a].T).toarray()
        best = sims.argmax(axis=1)
        keep = sims[np.arange(len(b)), best] >= threshold
        found += [
            (notice_labels_[i], notice_labels_[i + 1], a[best[k]], b[k], sims[k, best[k]])
            for k in np.flatnonzero(keep)
        ]
    return _round_table(found, problems, matrix, vocab, n_shared)


def _round_table(found: list, problems: pd.DataFrame, matrix, vocab, n_shared: int) -> pd.DataFrame:
    if not found:
        return pd.DataFrame(columns=list(ROUND_COLUMNS)).astype(ROUND_COLUMNS)
    earlier_label, later_label, a, b, sims = map(np.asarray, zip(*found))
    a, b = a.astype(np.int64), b.astype(np.int64)
    out = pd.DataFrame({"association": problems["association"].take(b).to_numpy()})
    out["earlier_label"] = earlier_label
    for suffix, rows in (("earlier", a), ("later", b)):
        if suffix == "later":
            out["later_label"] = later_label
        out[f"notice_id_{suffix}"] = problems["notice_id"].take(rows).to_numpy()
        out[f"problem_no_{suffix}"] = problems["problem_no"].take(rows).to_numpy()
        out[f"title_{suffix}"] = problems["title"].take(rows).to_numpy()
    out["similarity"] = sims.astype("float64").round(6)
    out["shared_terms"] = shared_term_lists(matrix, vocab, a, b, n_shared)
    return out[list(ROUND_COLUMNS)].astype(ROUND_COLUMNS)
