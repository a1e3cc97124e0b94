"""How far rectification has got: status counts and rates per association or theme, open problems.

A notice that states no status for any problem is *unknown*, not 0 % complete: its rates are
<NA>. For associations the notice's own totals (`已完成整改26个，长期整改5个`) stand beside the
parsed counts with a flag per figure.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from ..parse.corpus import Corpus
from ..schema import STATUS_DTYPE, STATUSES

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
    """Categories in their own order, associations in notice order, else first appearance."""
    if isinstance(frame[by].dtype, pd.CategoricalDtype):
        return list(frame[by].cat.categories)
    if by == "association":
        listed = list(dict.fromkeys(corpus.notices["association"].dropna()))
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

    def total(values: pd.Series) -> Any:
        return values.sum() if values.notna().all() else pd.NA

    out = notices.groupby("association", sort=False)[claimed].agg(total).reindex(order)
    return out.astype("Int64")


def completion_table(
    corpus: Corpus,
    by: str = "association",
    problems: pd.DataFrame | None = None,
    taxonomy_path: str | Path | None = None,
) -> pd.DataFrame:
    """Status counts and completion rates per ``by`` group, one row per group.

    Columns: ``by``, n_problems, n_completed, n_in_progress, n_not_stated,
    completion_rate_of_stated (completed / (completed + in_progress)), completion_rate_of_all
    (completed / all problems) — both <NA> when the group states no status at all, so silence is
    not shown as 0 % — and n_completed_from_summary (problems the parser marked completed only
    from the notice's own totals, where a match with the claim is by construction).

    With ``by="association"`` the notice's claims follow: claimed_problems, claimed_completed,
    claimed_ongoing, the flags problems_match, completed_match, ongoing_match (<NA> where nothing
    is claimed) and claims_differ (True if any stated claim differs from the parse, <NA> if the
    notice claims none of them).

    ``by`` may be any problem or notice column; for ``"theme_code"``/``"theme"`` pass problems
    already classified (``problems=themes.classify_problems(corpus.problems)``), or they are
    classified here with the coding scheme at ``taxonomy_path`` (default: the bundled one).
    """
    frame = _grouped_problems(corpus, by, problems, taxonomy_path)
    order = _group_order(frame, by, corpus)
    counts = _status_counts(frame, by, order)
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
        from_summary.groupby(frame[by], observed=False).sum().reindex(order, fill_value=0)
    ).astype("Int64")
    if by == "association":
        claims = _claims_by_association(corpus.notices, order)
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
    if isinstance(frame[by].dtype, pd.CategoricalDtype):
        out[by] = out[by].astype(frame[by].dtype)
    else:
        out[by] = out[by].astype("string")
    return out


def status_long(
    corpus: Corpus,
    by: str = "association",
    problems: pd.DataFrame | None = None,
    taxonomy_path: str | Path | None = None,
) -> pd.DataFrame:
    """Status counts in long form for stacked bars: ``by``, status (category), n, share.

    Every group has a row for every status (zeros kept); ``share`` is of the group's problems.
    ``by``, ``problems`` and ``taxonomy_path`` as in :func:`completion_table`.
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


def open_problems(corpus: Corpus) -> pd.DataFrame:
    """Problems still in progress, with the words that say so and how their deadline stands.

    Columns: notice_id, association, problem_no, label, title, status_evidence, deadline,
    deadline_evidence, as_of_date, days_overdue (as_of_date − deadline: positive when the
    deadline had passed by the notice's date, negative for days still to go, <NA> without a
    deadline) and overdue (boolean, <NA> without a deadline).
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
