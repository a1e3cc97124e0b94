"""Completion rates per association and theme, claims beside the parse, open problems."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from rectify_utils.analysis.completion import completion_table, open_problems, status_long
from rectify_utils.analysis.themes import classify_problems

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def table(corpus):
    return completion_table(corpus)


def _direct_counts(problems: pd.DataFrame, by: str) -> pd.DataFrame:
    return pd.crosstab(problems[by].astype(str), problems["status"].astype(str))


def test_counts_are_the_parsed_statuses(corpus, table):
    direct = _direct_counts(corpus.problems, "association")
    for row in table.itertuples():
        for status, column in [
            ("completed", "n_completed"),
            ("in_progress", "n_in_progress"),
            ("not_stated", "n_not_stated"),
        ]:
            expected = direct.loc[row.association].get(status, 0)
            assert getattr(row, column) == expected, (
                f"{row.association}: the table shows {getattr(row, column)} {status} problems, "
                f"the parse has {expected}"
            )
        assert row.n_completed + row.n_in_progress + row.n_not_stated == row.n_problems
    assert table["n_problems"].sum() == len(corpus.problems), "problems lost from the table"


def test_a_notice_that_states_no_status_is_unknown_not_zero_percent(table):
    silent = table[(table["n_not_stated"] == table["n_problems"]) & (table["n_problems"] > 0)]
    assert len(silent) >= 1, "expected a bundled notice that states no status for any problem"
    for row in silent.itertuples():
        assert pd.isna(row.completion_rate_of_stated), (
            f"{row.association} states no status yet is shown {row.completion_rate_of_stated:.0%} complete"
        )
        assert pd.isna(row.completion_rate_of_all), (
            f"{row.association} states no status yet is shown {row.completion_rate_of_all:.0%} complete of all"
        )


def test_rates_are_completed_over_stated_and_over_all(table):
    stated = table[(table["n_completed"] + table["n_in_progress"]) > 0]
    assert len(stated) >= 1
    for row in stated.itertuples():
        expected = row.n_completed / (row.n_completed + row.n_in_progress)
        assert row.completion_rate_of_stated == pytest.approx(expected), (
            f"{row.association}: rate of stated {row.completion_rate_of_stated} ≠ {expected}"
        )
        assert row.completion_rate_of_all == pytest.approx(row.n_completed / row.n_problems)
    assert str(table["completion_rate_of_stated"].dtype) == "Float64"


def test_notice_stating_its_totals_agrees_with_the_parsed_statuses(table):
    stating = table[table["claimed_completed"].notna() & table["claimed_ongoing"].notna()]
    assert len(stating) >= 1, "expected a notice that states how many problems are completed"
    for row in stating.itertuples():
        assert row.claimed_completed == row.n_completed and row.completed_match, (
            f"{row.association} says {row.claimed_completed} completed, the table shows {row.n_completed}"
        )
        assert row.claimed_ongoing == row.n_in_progress and row.ongoing_match, (
            f"{row.association} says {row.claimed_ongoing} ongoing, the table shows {row.n_in_progress}"
        )
        assert pd.notna(row.problems_match) and row.problems_match, (
            f"{row.association} says {row.claimed_problems} problems, parsed {row.n_problems}"
        )
        assert pd.notna(row.claims_differ) and not row.claims_differ


def test_match_flags_are_unknown_without_a_claim(table):
    for claim, flag in [
        ("claimed_problems", "problems_match"),
        ("claimed_completed", "completed_match"),
        ("claimed_ongoing", "ongoing_match"),
    ]:
        assert table.loc[table[claim].isna(), flag].isna().all(), (
            f"{flag} shows True/False for a notice that claims nothing"
        )
    no_claims = (
        table[["claimed_problems", "claimed_completed", "claimed_ongoing"]].isna().all(axis=1)
    )
    assert table.loc[no_claims, "claims_differ"].isna().all(), (
        "a notice without any claim is flagged as agreeing or differing"
    )


def test_an_altered_claim_is_flagged_as_differing(corpus):
    notices = corpus.notices.copy()
    claimed = notices["claimed_problems"].notna()
    assert claimed.any()
    notices.loc[claimed, "claimed_problems"] += 1
    table = completion_table(dataclasses.replace(corpus, notices=notices))
    flagged = table[table["claimed_problems"].notna()]
    assert (~flagged["problems_match"]).all() and flagged["claims_differ"].all(), (
        "a notice claiming one problem more than parsed is not shown as differing"
    )


def test_summary_inferred_completions_are_counted(corpus, table):
    evidence = corpus.problems["status_evidence"].astype("string").fillna("")
    inferred = corpus.problems[evidence.str.startswith("通报总述")]
    assert table["n_completed_from_summary"].sum() == len(inferred), (
        "the table hides which completions come only from the notice's own totals"
    )


def test_by_theme_counts_every_classified_problem_once(corpus):
    classified = classify_problems(corpus.problems)
    themes = completion_table(corpus, by="theme_code", problems=classified)
    assert themes["n_problems"].sum() == len(corpus.problems)
    assert "claimed_problems" not in themes, "claims are per notice, not per theme"
    direct = _direct_counts(classified, "theme_code")
    for row in themes[themes["n_problems"] > 0].itertuples():
        assert row.n_completed == direct.loc[row.theme_code].get("completed", 0), (
            f"theme {row.theme_code}: completed count differs from the classified problems"
        )
    assert list(themes["theme_code"]) == list(classified["theme_code"].cat.categories), (
        "themes should be listed in the coding scheme's order, empty ones included"
    )


def test_status_long_shares_add_up_per_group(corpus, table):
    long = status_long(corpus)
    assert set(long["status"].cat.categories) == {"completed", "in_progress", "not_stated"}
    assert len(long) == 3 * len(table), "every association needs a bar segment per status"
    sums = long.groupby("association")["share"].sum()
    assert ((sums - 1).abs() < 1e-9).all(), f"stacked shares do not add to 100 %:\n{sums}"
    wide = long.pivot(index="association", columns="status", values="n")
    for row in table.itertuples():
        assert wide.loc[row.association, "in_progress"] == row.n_in_progress


def test_open_problems_are_those_in_progress(corpus, table):
    open_ = open_problems(corpus)
    assert len(open_) == table["n_in_progress"].sum(), "open problems differ from in-progress count"
    assert open_["status_evidence"].fillna("").str.len().gt(0).all(), (
        "an open problem is listed without the words that say it is still open"
    )
    dated = open_[open_["deadline"].notna()]
    for row in dated.itertuples():
        expected = (row.as_of_date - row.deadline).days
        assert row.days_overdue == expected and row.overdue == (expected > 0), (
            f"{row.association} #{row.problem_no}: {row.days_overdue} days overdue, dates say {expected}"
        )
    assert open_.loc[open_["deadline"].isna(), "overdue"].isna().all(), (
        "a problem without a deadline is shown as overdue or on time"
    )


def test_an_empty_selection_gives_empty_tables_with_the_same_columns(corpus, table):
    empty = corpus.select([])
    assert list(completion_table(empty).columns) == list(table.columns)
    assert len(status_long(empty)) == 0 and len(open_problems(empty)) == 0, (
        "a report filtered to no association shows rows it should not"
    )
