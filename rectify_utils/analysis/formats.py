"""How rates and dates read in the reports' sentences and tables.

A rate that cannot be computed (no status stated) reads as "not stated", never as 0 %.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

#: a completion rate where no problem states its status
NOT_STATED_RATE = "未说明 not stated"
#: a date the notice does not give
NOT_STATED_DATE = "未写明"


def format_rate(rate: Any) -> str:
    """A rate for display: ``0.79`` → ``"79%"``; missing → ``NOT_STATED_RATE``.

    Parameters
    ----------
    rate
        A share between 0 and 1, or a missing value (None, NaN, ``<NA>``).

    Returns
    -------
    str
    """
    return NOT_STATED_RATE if pd.isna(rate) else f"{rate:.0%}"


def format_day(value: Any) -> str:
    """A date for a sentence, ``2024-05-16``; missing → ``NOT_STATED_DATE``.

    Parameters
    ----------
    value
        Anything ``pd.Timestamp`` reads, or a missing value.

    Returns
    -------
    str
    """
    return NOT_STATED_DATE if pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"
