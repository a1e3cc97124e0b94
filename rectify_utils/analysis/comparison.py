"""Associations side by side, as the completion and recurring-themes reports show them: the
corpus-wide completion rate, completion by theme, the claimed-vs-parsed table, each
association's top and key terms, keywords in context, and recurring problem pairs with the links
they make between associations.

Every function takes the corpus (or the table it needs) and returns a new DataFrame or number.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..parse.corpus import Corpus
from .completion import completion_table
from .formats import format_rate
from .similarity import recurring_problems
from .terms import keyness, kwic, term_frequencies

#: the columns of the claimed-vs-parsed table, in the order shown
CLAIMS_COLUMNS = [
    "association", "claimed_problems", "n_problems", "problems_match", "claimed_completed",
    "n_completed", "completed_match", "claimed_ongoing", "n_in_progress", "ongoing_match",
    "n_not_stated", "n_completed_from_summary", "claims_differ",
]  # fmt: skip
#: the columns of an empty ``key_terms_by_association``
KEY_TERM_COLUMNS = ["association", "term", "statistic", "p"]


def overall_completion_rate(table: pd.DataFrame) -> float | None:
    """Completed / (completed + in progress) over every row of a completion table.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table`` (any ``by``).

    Returns
    -------
    float or None
        None when no problem in the table states its status.
    """
    stated = table["n_completed"].sum() + table["n_in_progress"].sum()
    return table["n_completed"].sum() / stated if stated else None


def completion_by_theme(
    corpus: Corpus | pd.DataFrame, taxonomy_path: str | Path | None = None
) -> pd.DataFrame:
    """``completion.completion_table`` by theme, without the themes that have no problem.

    Parameters
    ----------
    corpus
        The corpus or its ``problems`` table.
    taxonomy_path
        The coding scheme; None: the packaged one.

    Returns
    -------
    pd.DataFrame
        Rows of ``completion_table(corpus, by="theme")`` with ``n_problems > 0``.
    """
    by_theme = completion_table(corpus, by="theme", taxonomy_path=taxonomy_path)
    return by_theme[by_theme["n_problems"] > 0].reset_index(drop=True)


def claims_table(table: pd.DataFrame) -> pd.DataFrame:
    """What each association's notices claim about themselves beside the parsed counts.

    Parameters
    ----------
    table
        Rows of ``completion_table(corpus, by="association")``.

    Returns
    -------
    pd.DataFrame
        The ``CLAIMS_COLUMNS`` and ``completion_rate_of_stated`` as text (``format_rate``).
    """
    return table[CLAIMS_COLUMNS].assign(
        completion_rate_of_stated=table["completion_rate_of_stated"].map(format_rate)
    )


def top_terms_by_association(corpus: Corpus | pd.DataFrame, top_n: int) -> pd.DataFrame:
    """The ``top_n`` most frequent terms of each association, ties at rank ``top_n`` cut off.

    Parameters
    ----------
    corpus
        The corpus or its ``problems`` table.
    top_n
        Terms kept per association.

    Returns
    -------
    pd.DataFrame
        Rows of ``terms.term_frequencies``, at most ``top_n`` per association.
    """
    frequent = term_frequencies(corpus, by="association", top_n=top_n)
    return frequent.groupby("association", sort=False).head(top_n)


def key_terms(corpus: Corpus, association: str) -> pd.DataFrame:
    """``terms.keyness`` of one association against the others; empty when it is the only one.

    Parameters
    ----------
    corpus
        The corpus.
    association
        The target association.

    Returns
    -------
    pd.DataFrame
        Rows of ``keyness(corpus, target=association)``, none when there is nothing to compare.
    """
    key = keyness(corpus, target=association)
    return key if len(corpus.associations) > 1 else key.head(0)


def over_used(key: pd.DataFrame, top: int) -> pd.DataFrame:
    """The ``top`` terms a keyness table says the target over-uses, most key first.

    Parameters
    ----------
    key
        Rows of ``terms.keyness`` (sorted by key-ness, as it returns them).
    top
        Terms kept.

    Returns
    -------
    pd.DataFrame
        The first ``top`` rows with ``effect == "target"``.
    """
    return key[key["effect"] == "target"].head(top)


def key_terms_by_association(corpus: Corpus, top: int) -> pd.DataFrame:
    """The ``top`` terms each association over-uses against all the others.

    Parameters
    ----------
    corpus
        The corpus.
    top
        Terms kept per association.

    Returns
    -------
    pd.DataFrame
        Rows of ``terms.keyness`` with ``effect == "target"`` and an ``association`` column, in
        the corpus's association order; empty (columns ``KEY_TERM_COLUMNS``) with fewer than two
        associations.
    """
    if len(corpus.associations) <= 1:
        return pd.DataFrame(columns=KEY_TERM_COLUMNS)
    return pd.concat(
        [
            over_used(keyness(corpus, target=a), top).assign(association=a)
            for a in corpus.associations
            if (corpus.problems["association"] == a).any()
        ],
        ignore_index=True,
    )


def keyword_contexts(corpus: Corpus, terms: Sequence[str], window: int) -> pd.DataFrame:
    """Every occurrence of each of ``terms`` in the problems' titles and texts, with context.

    Parameters
    ----------
    corpus
        The corpus.
    terms
        The keywords, searched literally.
    window
        Characters either side.

    Returns
    -------
    pd.DataFrame
        Rows of ``terms.kwic`` for each term in turn; none (same columns) when ``terms`` is empty.
    """
    if not terms:
        return kwic(corpus, "", window=window).head(0)
    return pd.concat([kwic(corpus, term, window=window) for term in terms], ignore_index=True)


def default_similarity_threshold() -> float:
    """The default ``threshold`` of ``similarity.recurring_problems`` (read from its signature).

    Returns
    -------
    float
    """
    return inspect.signature(recurring_problems).parameters["threshold"].default


def cross_association_pairs(
    corpus: Corpus | pd.DataFrame, threshold: float | None = None
) -> pd.DataFrame:
    """``similarity.recurring_problems`` with ``threshold=None`` read as its default.

    Parameters
    ----------
    corpus
        The corpus or its ``problems`` table.
    threshold
        TF-IDF cosine from which two problems count as the same issue; None:
        ``default_similarity_threshold()``.

    Returns
    -------
    pd.DataFrame
        Rows of ``recurring_problems``, most similar first.
    """
    if threshold is None:
        threshold = default_similarity_threshold()
    return recurring_problems(corpus, threshold=threshold)


def association_links(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs of associations that share at least one recurring problem.

    Parameters
    ----------
    pairs
        Rows of ``similarity.recurring_problems``.

    Returns
    -------
    pd.DataFrame
        One row per unordered pair of associations: association_a, association_b (in sorted
        order), n_pairs (problem pairs between them), most linked first.
    """
    ends = [tuple(sorted(p)) for p in zip(pairs["association_a"], pairs["association_b"])]
    links = pd.DataFrame(ends, columns=["association_a", "association_b"], dtype="string")
    counts = links.groupby(["association_a", "association_b"], sort=True).size()
    return (
        counts.rename("n_pairs")
        .astype("int64")
        .reset_index()
        .sort_values("n_pairs", ascending=False, kind="stable")
        .reset_index(drop=True)
    )
