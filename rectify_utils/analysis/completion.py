"""How far rectification has got: status counts and rates per association or theme, open problems.

A notice that states no status for any problem is *unknown*, not 0 % complete: its rates are
<NA>. For associations the notice's own totals (`已完成整改26个，长期整改5个`) stand beside the
parsed counts with a flag per figure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..parse.corpus import Corpus
from ..schema import STATUS_DTYPE, STATUSES
from ._docstrings import fill_params
from .rounds import notice_labels

THEME_KEYS = ("theme_code", "theme")
#: status evidence of a problem the parser marked completed from the notice's own totals, e.g.
#: `通报总述：针对巡察反馈的四个方面31个具体问题，已完成整改26个，长期整改5个。（本问题无进行中表述）`
FROM_SUMMARY = re.compile(r"^通报总述[：:]")
#: claimed figure in corpus.notices → the parsed count it is compared with
CLAIM_PAIRS = {
    "problems": ("claimed_problems", "n_problems"),
    "completed": ("claimed_completed", "n_completed"),
    "ongoing": ("claimed_ongoing", "n_in_progress"),
}


def _grouped_problems(
    corpus: Corpus,
    by: str,
    problems: pd.DataFrame | None,
    taxonomy_path: str | Path | None,
) -> pd.DataFrame:
    """Problems with a ``by`` column, classified into themes when ``by`` asks for one."""
    frame = corpus.problems if problems is None else problems
    if by in THEME_KEYS and by not in frame:
        from .themes import DEFAULT_TAXONOMY, classify_problems

        frame = classify_problems(frame, taxonomy_path or DEFAULT_TAXONOMY)
    if by not in frame:
        notice_columns = corpus.notices.drop(columns=["association"], errors="ignore")
        if by not in notice_columns:
            raise KeyError(f"cannot group by {by!r}: neither a problem nor a notice column")
        frame = frame.merge(notice_columns[["notice_id", by]], on="notice_id", how="left")
    return frame


def _group_order(frame: pd.DataFrame, by: str, corpus: Corpus) -> list:
    """Categories in their own order, associations (notice labels) in notice order, else
    first appearance."""
    if isinstance(frame[by].dtype, pd.CategoricalDtype):
        return list(frame[by].cat.categories)
    if by in ("association", "notice_label"):
        listed = list(dict.fromkeys(notice_labels(corpus)[by].dropna()))
        return listed + [a for a in dict.fromkeys(frame[by].dropna()) if a not in listed]
    return list(dict.fromkeys(frame[by].dropna()))


def _status_counts(frame: pd.DataFrame, by: str, order: list) -> pd.DataFrame:
    status = frame["status"].astype(STATUS_DTYPE)
    counts = pd.crosstab(frame[by], status, dropna=False).reindex(
        index=order, columns=STATUSES, fill_value=0
    )
    counts.index.name = by
    counts.columns.name = None
    return counts


def _rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator as Float64, <NA> where the denominator is 0."""
    num = numerator.astype("Float64")
    den = denominator.astype("Float64")
    return (num / den.where(den > 0)).astype("Float64")


def _claims_by_association(notices: pd.DataFrame, order: list) -> pd.DataFrame:
    """Claimed totals per association; <NA> unless every notice of the association states it."""
    claimed = [claim for claim, _ in CLAIM_PAIRS.values()]
    notices = notices.assign(claimed_ongoing=claimed_not_completed(notices))
    values = notices[claimed].astype("Int64")
    by = notices["association"]
    # one grouped sum and one grouped "all stated", not a Python call per association and column
    sums = values.groupby(by, sort=False).sum()
    stated = values.notna().groupby(by, sort=False).all()
    return sums.where(stated).reindex(order).astype("Int64")


def claimed_not_completed(notices: pd.DataFrame) -> pd.Series:
    """Each notice's claimed count of problems not yet done: ongoing plus 基本完成 (Int64).

    Parameters
    ----------
    notices : pd.DataFrame
        ``corpus.notices``.

    Returns
    -------
    pd.Series
        Int64, <NA> where the notice states neither.
    """
    ongoing = notices["claimed_ongoing"].astype("Int64")
    if "claimed_basically_completed" not in notices:
        return ongoing
    basic = notices["claimed_basically_completed"].astype("Int64")
    return ongoing.fillna(0).add(basic.fillna(0)).mask(ongoing.isna() & basic.isna())


@fill_params
def completion_table(
    corpus: Corpus,
    by: str = "association",
    problems: pd.DataFrame | None = None,
    taxonomy_path: str | Path | None = None,
) -> pd.DataFrame:
    """Status counts and completion rates per ``by`` group, one row per group.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}
    by : str, default "association"
        {params.by}
        Any problem or notice column; for ``"theme_code"``/``"theme"`` the problems are
        classified into themes unless ``problems`` already are.
    problems : DataFrame, optional
        The problems to count instead of ``corpus.problems``, e.g. already classified
        (``themes.classify_problems(corpus)``) or a selection.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}
        Used only when ``by`` is a theme column the problems do not have yet.

    Returns
    -------
    pd.DataFrame
        One row per group: categories in their own order, associations in notice order, other
        values in order of appearance. Columns:

        - the ``by`` column (string; category when it is one, e.g. ``theme``)
        - ``n_problems``, ``n_completed``, ``n_in_progress``, ``n_not_stated`` (Int64)
        - ``completion_rate_of_stated`` (Float64): completed / (completed + in_progress)
        - ``completion_rate_of_all`` (Float64): completed / all problems
        - ``n_completed_from_summary`` (Int64): problems the parser marked completed only from
          the notice's own totals, where a match with the claim is by construction

        Both rates are <NA> when the group states no status at all, so silence is not shown as
        0 %. With ``by="association"`` there is one row per notice, keyed by ``notice_label``
        (``rounds.notice_labels``: the association alone, or `罗庄区科协（2022）` for a body with
        several notices), after the ``association`` column; the notices' claims follow (each <NA> unless every
        notice of the association states it), with flags that are <NA> where nothing is
        claimed:

        - ``claimed_problems`` (Int64), ``problems_match`` (boolean)
        - ``claimed_completed`` (Int64), ``completed_match`` (boolean)
        - ``claimed_ongoing`` (Int64), ``ongoing_match`` (boolean): against n_in_progress
        - ``claims_differ`` (boolean): True if any stated claim differs from the parse, <NA>
          if the notices claim none of them

    Raises
    ------
    KeyError
        If ``by`` is neither a problem nor a notice column.

    Examples
    --------
    A notice that states no status is <NA>, not 0 %:

    >>> table = completion_table(load_corpus("data/raw"))
    >>> table[["association", "n_problems", "completion_rate_of_stated"]]
      association  n_problems  completion_rate_of_stated
    0       东营市科协          11                        0.0
    1       立山区科协           6                       <NA>
    2       罗庄区科协          21                   0.761905
    3       石龙区科协          11                        1.0
    4       新野县科协          31                    0.83871
    """
    frame = _grouped_problems(corpus, by, problems, taxonomy_path)
    key, labels = by, None
    if by == "association":  # one row per notice: a body's rounds are not merged
        key, labels = "notice_label", notice_labels(corpus)
        frame = frame.merge(labels[["notice_id", "notice_label"]], on="notice_id", how="left")
        frame["notice_label"] = frame["notice_label"].fillna(frame["association"])
    order = _group_order(frame, key, corpus)
    counts = _status_counts(frame, key, order)
    from_summary = frame["status_evidence"].astype("string").fillna("").str.contains(
        FROM_SUMMARY
    ) & (frame["status"] == "completed")
    out = pd.DataFrame(index=counts.index)
    out["n_problems"] = counts.sum(axis=1).astype("Int64")
    out["n_completed"] = counts["completed"].astype("Int64")
    out["n_in_progress"] = counts["in_progress"].astype("Int64")
    out["n_not_stated"] = counts["not_stated"].astype("Int64")
    stated = out["n_completed"] + out["n_in_progress"]
    out["completion_rate_of_stated"] = _rate(out["n_completed"], stated)
    rate_all = _rate(out["n_completed"], out["n_problems"])
    out["completion_rate_of_all"] = rate_all.mask(stated == 0).astype("Float64")
    out["n_completed_from_summary"] = (
        from_summary.groupby(frame[key], observed=False).sum().reindex(order, fill_value=0)
    ).astype("Int64")
    if labels is not None:
        notices = corpus.notices.merge(labels[["notice_id", "notice_label"]], on="notice_id")
        claims = _claims_by_association(notices.assign(association=notices["notice_label"]), order)
        flags = []
        for name, (claim, parsed) in CLAIM_PAIRS.items():
            out[claim] = claims[claim]
            flag = f"{name}_match"
            out[flag] = (out[claim] == out[parsed]).astype("boolean")
            flags.append(flag)
        mismatch = ~out[flags]
        differ = mismatch.any(axis=1)
        out["claims_differ"] = differ.astype("boolean").mask(out[flags].isna().all(axis=1))
    out = out.reset_index()
    if isinstance(frame[key].dtype, pd.CategoricalDtype):
        out[key] = out[key].astype(frame[key].dtype)
    else:
        out[key] = out[key].astype("string")
    if labels is not None:
        body = dict(zip(labels["notice_label"], labels["association"], strict=True))
        out.insert(0, "association", out[key].map(body).fillna(out[key]).astype("string"))
    return out


@fill_params
def status_long(
    corpus: Corpus,
    by: str = "association",
    problems: pd.DataFrame | None = None,
    taxonomy_path: str | Path | None = None,
) -> pd.DataFrame:
    """Status counts in long form, for stacked bars.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}
    by : str, default "association"
        {params.by}
        Any problem or notice column, or a theme column, as in :func:`completion_table`.
    problems : DataFrame, optional
        The problems to count instead of ``corpus.problems``, as in :func:`completion_table`.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}
        Used only when ``by`` is a theme column the problems do not have yet.

    Returns
    -------
    pd.DataFrame
        One row per group and status, groups in the order of :func:`completion_table`; every
        group has a row for every status (zeros kept). Columns:

        - the ``by`` column (string; category when it is one)
        - ``status`` (category): completed, in_progress, not_stated
        - ``n`` (Int64): problems of the group with that status
        - ``share`` (Float64): n / the group's problems; <NA> for a group with none

    Examples
    --------
    >>> sns.histplot(data=status_long(corpus), y="association", hue="status", weights="n",
    ...              multiple="fill", discrete=True)
    """
    frame = _grouped_problems(corpus, by, problems, taxonomy_path)
    order = _group_order(frame, by, corpus)
    counts = _status_counts(frame, by, order)
    long = counts.stack().rename("n").reset_index()
    long.columns = [by, "status", "n"]
    totals = long.groupby(by, sort=False)["n"].transform("sum")
    long["status"] = long["status"].astype(STATUS_DTYPE)
    long["n"] = long["n"].astype("Int64")
    long["share"] = _rate(long["n"], totals)
    if isinstance(frame[by].dtype, pd.CategoricalDtype):
        long[by] = long[by].astype(frame[by].dtype)
    else:
        long[by] = long[by].astype("string")
    return long


@fill_params
def open_problems(corpus: Corpus) -> pd.DataFrame:
    """Problems still in progress, with the words that say so and how their deadline stands.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}

    Returns
    -------
    pd.DataFrame
        One row per problem with status ``in_progress``, in corpus order. Columns:

        - ``notice_id``, ``association`` (string)
        - ``problem_no`` (Int64)
        - ``label``, ``title``, ``status_evidence`` (string): as in ``corpus.problems``
        - ``deadline`` (datetime64[ns]), ``deadline_evidence`` (string)
        - ``as_of_date`` (datetime64[ns]): the date the notice reports its state at
        - ``days_overdue`` (Int64): as_of_date − deadline: positive when the deadline had
          passed by the notice's date, negative for days still to go, <NA> without a deadline
        - ``overdue`` (boolean): days_overdue > 0, <NA> without a deadline
    """
    problems = corpus.problems
    open_ = problems[problems["status"] == "in_progress"]
    as_of = corpus.notices[["notice_id", "as_of_date"]]
    out = open_.merge(as_of, on="notice_id", how="left")
    columns = [
        "notice_id",
        "association",
        "problem_no",
        "label",
        "title",
        "status_evidence",
        "deadline",
        "deadline_evidence",
        "as_of_date",
    ]
    out = out[columns].copy()
    out["deadline"] = pd.to_datetime(out["deadline"])
    out["as_of_date"] = pd.to_datetime(out["as_of_date"])
    out["days_overdue"] = (out["as_of_date"] - out["deadline"]).dt.days.astype("Int64")
    out["overdue"] = (out["days_overdue"] > 0).astype("boolean")
    return out.reset_index(drop=True)
