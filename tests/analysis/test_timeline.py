"""Timeline of each notice: inspection, feedback, report date and the two-month limit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rectify_utils.analysis.timeline import DEFAULT_LIMIT_DAYS, timeline, timeline_long

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def table(corpus):
    return timeline(corpus)


def _written(date: pd.Timestamp) -> str:
    """`3月25日` — how a notice writes a day (the year may be left to context)."""
    return f"{date.month}月{date.day}日"


def test_one_row_per_notice_in_notice_order(corpus, table):
    assert list(table["notice_id"]) == list(corpus.notices["notice_id"]), (
        "the timeline lost or reordered notices, so rows would not line up with the notices table"
    )


def test_days_are_the_differences_of_the_dates_shown(table):
    for row in table.itertuples():
        expected_inspection = (row.inspection_end.date() - row.inspection_start.date()).days
        expected_wait = (row.as_of_date.date() - row.feedback_date.date()).days
        assert row.days_inspection == expected_inspection, (
            f"{row.association}: inspection shown as {row.days_inspection} days but its dates "
            f"{row.inspection_start.date()}–{row.inspection_end.date()} are {expected_inspection} apart"
        )
        assert row.days_feedback_to_as_of == expected_wait, (
            f"{row.association}: feedback→report shown as {row.days_feedback_to_as_of} days, "
            f"dates say {expected_wait}"
        )


def test_inspection_dates_are_written_in_the_notice(corpus, table):
    for row in table.itertuples():
        text = corpus.texts[row.notice_id]
        for column in ("inspection_start", "inspection_end", "feedback_date"):
            date = getattr(row, column)
            assert _written(date) in text, (
                f"{row.association}: the timeline shows {column} {date.date()} which the notice never writes"
            )


def test_inspection_ends_before_feedback_and_feedback_before_report(table):
    for row in table.itertuples():
        assert row.inspection_start <= row.inspection_end <= row.feedback_date <= row.as_of_date, (
            f"{row.association}: events out of order on the timeline chart: "
            f"{row.inspection_start.date()}, {row.inspection_end.date()}, "
            f"{row.feedback_date.date()}, {row.as_of_date.date()}"
        )


def test_within_limit_compares_the_wait_with_the_limit(corpus):
    for limit in (DEFAULT_LIMIT_DAYS, 10_000):
        table = timeline(corpus, limit_days=limit)
        assert (table["limit_days"] == limit).all(), "the limit used is not the one asked for"
        expected = table["days_feedback_to_as_of"] <= limit
        assert table["within_limit"].equals(expected.astype("boolean")), (
            f"within_limit disagrees with days_feedback_to_as_of ≤ {limit}:\n{table}"
        )
    assert timeline(corpus, limit_days=10_000)["within_limit"].all(), (
        "with a limit longer than any wait, some notice is still shown as late"
    )


def test_missing_dates_give_unknown_not_late(corpus):
    notices = corpus.notices.copy()
    notices["feedback_date"] = pd.NaT
    table = timeline(notices)
    assert table["within_limit"].isna().all(), (
        "a notice without a feedback date is shown as in time or late instead of unknown"
    )
    assert table["days_feedback_to_as_of"].isna().all()


def test_dtypes_are_meaningful(table):
    assert str(table["days_inspection"].dtype) == "Int64"
    assert str(table["within_limit"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(table["feedback_date"])


def test_long_form_has_one_dated_event_per_date(corpus, table):
    long = timeline_long(corpus)
    assert list(long["event"].cat.categories) == [
        "inspection_start",
        "inspection_end",
        "feedback",
        "as_of",
    ]
    assert long["date"].notna().all(), "an undated event would be plotted at NaT"
    wide = long.pivot(index="notice_id", columns="event", values="date")
    for row in table.itertuples():
        assert wide.loc[row.notice_id, "feedback"] == row.feedback_date, (
            f"{row.association}: the plotted feedback date differs from the timeline table"
        )
        assert wide.loc[row.notice_id, "as_of"] == row.as_of_date
