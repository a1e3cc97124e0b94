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

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus
from .audit import claim_conflicts
from .completion import completion_table
from .formats import CLAIM_ITEMS, format_rate, format_rate_with_counts
from .similarity import recurring_problems
from .terms import keyness, kwic, over_used_terms, term_frequencies
from .themes import DEFAULT_TAXONOMY, category_crosstab, classify_problems

#: the columns of the claimed-vs-parsed table, in the order shown
CLAIMS_COLUMNS = [
    "association", "claimed_problems", "n_problems", "problems_match", "claimed_completed",
    "n_completed", "completed_match", "claimed_ongoing", "n_in_progress", "ongoing_match",
    "n_not_stated", "n_completed_from_summary", "claims_differ",
]  # fmt: skip
#: the columns of ``key_terms`` when there is nothing to compare
KEYNESS_COLUMNS = ["term", "n_target", "n_reference", "statistic", "p", "effect", "association"]
#: the columns of an empty ``key_terms_by_association``
KEY_TERM_COLUMNS = ["association", "term", "statistic", "p"]
#: the columns a status chart's table shows (``status_counts``), after the group column
STATUS_COUNT_COLUMNS = [
    "n_problems", "n_completed", "n_in_progress", "n_not_stated", "rate_with_counts",
]  # fmt: skip


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


def problem_refs(problems: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The problems of each group, as (notice_id, problem_no) pairs a report links to.

    Parameters
    ----------
    problems
        Problem rows with ``notice_id``, ``problem_no`` and the ``by`` columns (e.g. classified
        problems and ``["association", "theme"]``).
    by
        The grouping columns.

    Returns
    -------
    pd.DataFrame
        One row per group present: the ``by`` columns (as strings) and ``problems`` (a list
        of ``(notice_id, problem_no)`` tuples in notice order).
    """
    keys = problems[by].astype("string")
    refs = list(zip(problems["notice_id"].astype(str), problems["problem_no"].astype(int)))
    frame = keys.assign(problems=refs)
    grouped = frame.groupby(by, sort=False, observed=True)["problems"].agg(list)
    return grouped.reset_index()


def _with_refs(table: pd.DataFrame, problems: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """``table`` with the ``problems`` of each of its groups (an empty list for none)."""
    refs = problem_refs(problems, by)
    keyed = table.assign(**{k: table[k].astype("string") for k in by})
    out = keyed.merge(refs, on=by, how="left")
    out["problems"] = out["problems"].map(lambda v: v if isinstance(v, list) else [])
    for k in by:
        out[k] = out[k].astype(table[k].dtype)
    return out


def completion_by_theme(
    corpus: Corpus | pd.DataFrame, taxonomy_path: str | Path | None = None
) -> pd.DataFrame:
    """``completion.completion_table`` by theme, without the themes that have no problem,
    with the problems of each theme.

    Parameters
    ----------
    corpus
        The corpus or its ``problems`` table.
    taxonomy_path
        The coding scheme; None: the packaged one.

    Returns
    -------
    pd.DataFrame
        Rows of ``completion_table(corpus, by="theme")`` with ``n_problems > 0``, and
        ``problems`` (the theme's problems as (notice_id, problem_no) pairs).
    """
    classified = classify_problems(corpus, taxonomy_path or DEFAULT_TAXONOMY)
    by_theme = completion_table(corpus, by="theme", problems=classified)
    by_theme = by_theme[by_theme["n_problems"] > 0].reset_index(drop=True)
    return _with_refs(by_theme, classified, ["theme"])


def theme_crosstab(
    corpus: Corpus | pd.DataFrame,
    taxonomy_path: str | Path | None = None,
    by: str = "association",
) -> pd.DataFrame:
    """``themes.category_crosstab`` by ``by``, with the problems of each cell.

    Parameters
    ----------
    corpus
        The corpus or its ``problems`` table.
    taxonomy_path
        The coding scheme; None: the packaged one.
    by
        The group column: ``"association"``, ``"unit_kind"``, or (with a corpus) any notice
        column.

    Returns
    -------
    pd.DataFrame
        Rows of ``category_crosstab(corpus, by=by)`` (zeros kept) and ``problems`` (the cell's
        problems as (notice_id, problem_no) pairs).
    """
    taxonomy = taxonomy_path or DEFAULT_TAXONOMY
    classified = classify_problems(corpus, taxonomy)
    if by not in classified and isinstance(corpus, Corpus):
        notices = corpus.notices.drop_duplicates("notice_id")[["notice_id", by]]
        classified = classified.merge(notices, on="notice_id", how="left", validate="many_to_one")
    crosstab = category_crosstab(classified, by=by, taxonomy_path=taxonomy)
    return _with_refs(crosstab, classified, [by, "theme"])


def present_themes(crosstab: pd.DataFrame) -> pd.DataFrame:
    """The cells of a theme crosstab that hold problems, most problems first.

    Parameters
    ----------
    crosstab
        Rows of ``theme_crosstab`` (or ``themes.category_crosstab``).

    Returns
    -------
    pd.DataFrame
        The rows with ``n > 0``, sorted by ``n`` (descending, stable).
    """
    present = crosstab[crosstab["n"] > 0]
    return present.sort_values("n", ascending=False, kind="stable").reset_index(drop=True)


def status_counts(table: pd.DataFrame) -> pd.DataFrame:
    """What a status chart shows, per group: the counts and the rate with what it rests on.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table`` (any ``by``) or ``completion_by_theme``.

    Returns
    -------
    pd.DataFrame
        The group column (the first of ``table``, and ``notice_label`` where a body's
        notices are rows of their own), the ``STATUS_COUNT_COLUMNS``
        (``rate_with_counts`` reads ``0%（0 / 4 已说明，7 未说明）``), and ``problems`` where
        ``table`` has it.
    """
    group = [table.columns[0], *(["notice_label"] if "notice_label" in table else [])]
    rates = [
        format_rate_with_counts(c, c + i, n)
        for c, i, n in zip(table["n_completed"], table["n_in_progress"], table["n_not_stated"])
    ]
    extra = ["problems"] if "problems" in table else []
    return table.assign(rate_with_counts=rates)[[*group, *STATUS_COUNT_COLUMNS, *extra]]


def _conflict_words(claims_conflicts: object) -> str:
    """A notice's ``claims_conflicts`` in words: ``问题数：11、31`` (empty without any)."""
    pairs = claim_conflicts(claims_conflicts).items()
    return "；".join(f"{CLAIM_ITEMS.get(k, k)}：{v}" for k, v in pairs)


def claims_table(table: pd.DataFrame, notices: pd.DataFrame | None = None) -> pd.DataFrame:
    """What each association's notices claim about themselves beside the parsed counts.

    Parameters
    ----------
    table
        Rows of ``completion_table(corpus, by="association")``.
    notices
        ``corpus.notices``: adds ``claims_conflicts``, the totals an association's notice
        states two different ways; None: not added.

    Returns
    -------
    pd.DataFrame
        The ``CLAIMS_COLUMNS``, ``completion_rate_of_stated`` as text (``format_rate``) and,
        with ``notices``, ``claims_conflicts`` (e.g. ``问题数：11、31``; <NA> without any).
    """
    out = table[CLAIMS_COLUMNS].assign(
        completion_rate_of_stated=table["completion_rate_of_stated"].map(format_rate)
    )
    if notices is None:
        return out
    words = notices.assign(words=notices["claims_conflicts"].map(_conflict_words))
    words = words[words["words"] != ""].groupby("association")["words"].agg("；".join)
    return out.assign(claims_conflicts=out["association"].map(words).astype("string"))


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
        Rows of ``keyness(corpus, target=association)`` and an ``association`` column (the
        target); none (``KEYNESS_COLUMNS``) when there is nothing to compare: a single
        association, or one whose notice lists no problems.
    """
    has_problems = (corpus.problems["association"] == association).any()
    if len(corpus.associations) <= 1 or not has_problems:  # a summary-only notice has no words
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    return keyness(corpus, target=association).assign(association=association)


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
    key = over_used_terms(corpus, by="association", top_n=top)
    place = {a: i for i, a in enumerate(corpus.associations)}
    key = key[key["association"].isin(list(place))]
    order = np.argsort(key["association"].map(place).to_numpy(), kind="stable")
    key = key.iloc[order].reset_index(drop=True)
    return key[KEYNESS_COLUMNS].assign(association=key["association"].astype(str))


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
