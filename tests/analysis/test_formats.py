"""Rates and dates in sentences: a missing rate is "not stated", never 0 %."""

from __future__ import annotations

import pandas as pd
import pytest

from rectify_utils.analysis.formats import NOT_STATED_DATE, NOT_STATED_RATE, format_day, format_rate


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_a_missing_rate_or_date_reads_as_not_stated(missing):
    assert format_rate(missing) == NOT_STATED_RATE == "未说明 not stated"
    assert format_day(missing) == NOT_STATED_DATE == "未写明"


def test_rates_are_whole_percentages_and_dates_iso_days():
    assert format_rate(0.0) == "0%"
    assert format_rate(53 / 67) == "79%"
    assert format_day(pd.Timestamp("2024-05-16 13:00")) == "2024-05-16"
