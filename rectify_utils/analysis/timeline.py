"""How long each inspection, and each rectification until its report, took.

The default limit of 60 days follows the 2015 《中国共产党巡视工作条例》 第二十七条: the inspected
Party organisation reports on its rectification "于2个月内" (within 2 months) of receiving the
inspection group's feedback. Inspections by county and city committees (巡察) follow the same
rule; change ``limit_days`` where a local regulation sets another limit.
"""

from __future__ import annotations

import pandas as pd

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params

#: the 2 months of 《中国共产党巡视工作条例》(2015) 第二十七条, counted as days
DEFAULT_LIMIT_DAYS = 60
EVENTS = ["inspection_start", "inspection_end", "feedback", "as_of"]
EVENT_DTYPE = pd.CategoricalDtype(EVENTS, ordered=True)
_EVENT_COLUMNS = {
    "inspection_start": "inspection_start",
    "inspection_end": "inspection_end",
    "feedback": "feedback_date",
    "as_of": "as_of_date",
}


def _days(later: pd.Series, earlier: pd.Series) -> pd.Series:
    """Whole days from ``earlier`` to ``later``; <NA> when either date is missing."""
    delta = pd.to_datetime(later) - pd.to_datetime(earlier)
    return delta.dt.days.astype("Int64")


@fill_params
def timeline(
    corpus: Corpus | pd.DataFrame, limit_days: int | None = DEFAULT_LIMIT_DAYS
) -> pd.DataFrame:
    """One row per notice: its dates, the days between them, and whether the report came in time.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus_notices}
    limit_days : int or None, default 60
        {params.limit_days}
        None means the default.

    Returns
    -------
    pd.DataFrame
        One row per notice, in notice order. Columns:

        - ``notice_id`` (string)
        - ``association`` (string)
        - ``inspection_start``, ``inspection_end`` (datetime64[ns])
        - ``feedback_date`` (datetime64[ns]): the inspection group's feedback
        - ``as_of_date`` (datetime64[ns]): the date the notice reports its state at
        - ``as_of_source`` (string): where ``as_of_date`` comes from
        - ``days_inspection`` (Int64): inspection_end − inspection_start, in days
        - ``days_feedback_to_as_of`` (Int64): as_of_date − feedback_date, in days
        - ``limit_days`` (Int64): ``limit_days``, on every row
        - ``within_limit`` (boolean): days_feedback_to_as_of ≤ limit_days

        Day counts and ``within_limit`` are <NA> when a date is missing.

    Notes
    -----
    ``as_of_date`` is the date the notice reports its state at (publication date, a `截至` date
    or its latest date — see ``as_of_source``), so it stands in for the date of the report.
    """
    notices = table_of(corpus, "notices")
    out = pd.DataFrame(
        {
            "notice_id": notices["notice_id"].astype("string"),
            "association": notices["association"].astype("string"),
        }
    )
    for column in ("inspection_start", "inspection_end", "feedback_date", "as_of_date"):
        out[column] = pd.to_datetime(notices[column])
    out["as_of_source"] = notices["as_of_source"].astype("string")
    out["days_inspection"] = _days(out["inspection_end"], out["inspection_start"])
    out["days_feedback_to_as_of"] = _days(out["as_of_date"], out["feedback_date"])
    limit_days = DEFAULT_LIMIT_DAYS if limit_days is None else limit_days
    out["limit_days"] = pd.Series(limit_days, index=out.index, dtype="Int64")
    out["within_limit"] = (out["days_feedback_to_as_of"] <= out["limit_days"]).astype("boolean")
    return out.reset_index(drop=True)


@fill_params
def timeline_long(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """Dated events of each notice, long, for plotting on a time axis.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus_notices}

    Returns
    -------
    pd.DataFrame
        One row per notice and event it dates, sorted by notice_id then event; a date a notice
        does not give is left out rather than plotted at NaT. Columns:

        - ``association`` (string)
        - ``notice_id`` (string)
        - ``event`` (ordered category): inspection_start < inspection_end < feedback < as_of
        - ``date`` (datetime64[ns])

    Examples
    --------
    >>> sns.scatterplot(data=timeline_long(corpus), x="date", y="association", hue="event")
    """
    notices = table_of(corpus, "notices")
    rows = []
    for event, column in _EVENT_COLUMNS.items():
        part = pd.DataFrame(
            {
                "association": notices["association"].astype("string"),
                "notice_id": notices["notice_id"].astype("string"),
                "event": event,
                "date": pd.to_datetime(notices[column]),
            }
        )
        rows.append(part)
    long = pd.concat(rows, ignore_index=True)
    long = long[long["date"].notna()]
    long["event"] = long["event"].astype(EVENT_DTYPE)
    return long.sort_values(["notice_id", "event"], kind="stable").reset_index(drop=True)
