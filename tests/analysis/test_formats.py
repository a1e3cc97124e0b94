"""Rates and dates in sentences: a missing rate is "not stated", never 0 %."""

from __future__ import annotations

import pandas as pd
import pytest

from rectify_utils.analysis.formats import (
    NOT_STATED_DATE,
    NOT_STATED_RATE,
    format_as_of,
    format_counts,
    format_day,
    format_rate,
    format_rate_with_counts,
    is_inferred,
    join_names,
)


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_a_missing_rate_or_date_reads_as_not_stated(missing):
    assert format_rate(missing) == NOT_STATED_RATE == "未说明 not stated"
    assert format_day(missing) == NOT_STATED_DATE == "未写明"


def test_rates_are_whole_percentages_and_dates_iso_days():
    assert format_rate(0.0) == "0%"
    assert format_rate(53 / 67) == "79%"
    assert format_day(pd.Timestamp("2024-05-16 13:00")) == "2024-05-16"


def test_a_rate_carries_its_numerator_denominator_and_unstated_count():
    assert format_counts(0, 4, 7) == "0 / 4 已说明，7 未说明"
    assert format_counts(11, 11, 0) == "11 / 11 已说明"
    assert format_rate_with_counts(0, 4, 7) == "0%（0 / 4 已说明，7 未说明）"
    assert format_rate_with_counts(0, 0, 6) == "未说明（0 / 0 已说明，6 未说明）", "never 0%"


def test_an_inferred_as_of_date_says_so():
    assert is_inferred("latest_date") and not is_inferred("publish_date") and not is_inferred(None)
    assert (
        format_as_of(pd.Timestamp("2024-10-31"), "latest_date")
        == "2024-10-31（推断：文中最晚的日期）"
    )
    assert format_as_of(pd.Timestamp("2024-08-30"), "截至") == "2024-08-30（截至日期）"
    assert format_as_of(pd.NaT, "none") == NOT_STATED_DATE


def test_names_join_the_chinese_way():
    assert join_names(["甲", "乙"]) == "甲、乙"
    assert join_names(["财务", "党建"], quote=True) == "「财务」「党建」"
