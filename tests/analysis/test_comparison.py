"""Associations side by side: the corpus-wide rate, key terms, keyword contexts, recurring pairs
and the links they make between associations."""

from __future__ import annotations

import pandas as pd
import pytest

from rectify_utils import load_corpus
from rectify_utils.analysis import comparison
from rectify_utils.analysis.completion import completion_table
from rectify_utils.analysis.similarity import recurring_problems
from rectify_utils.analysis.terms import keyness
from rectify_utils.synth import write_synthetic_corpus


@pytest.fixture(scope="module")
def table(corpus):
    return completion_table(corpus, by="association")


def test_overall_completion_rate_is_completed_over_stated_across_associations(table):
    assert comparison.overall_completion_rate(table) == pytest.approx(53 / 67)


def test_overall_completion_rate_is_none_when_no_status_is_stated():
    table = pd.DataFrame({"n_completed": [0, 0], "n_in_progress": [0, 0]})
    assert comparison.overall_completion_rate(table) is None


def test_completion_by_theme_drops_themes_without_problems(corpus):
    by_theme = comparison.completion_by_theme(corpus)
    assert (by_theme["n_problems"] > 0).all()
    assert by_theme["n_problems"].sum() == len(corpus.problems)


def test_claims_table_shows_an_unstated_rate_as_not_stated(table):
    claims = comparison.claims_table(table)
    assert list(claims.columns) == [*comparison.CLAIMS_COLUMNS, "completion_rate_of_stated"]
    rates = dict(zip(claims["association"], claims["completion_rate_of_stated"]))
    assert rates["立山区科协"] == "未说明 not stated" and rates["东营市科协"] == "0%"


def test_top_terms_keep_at_most_top_n_per_association_despite_ties(corpus):
    frequent = comparison.top_terms_by_association(corpus, 5)
    assert frequent.groupby("association").size().max() == 5


def test_key_terms_are_empty_when_there_is_no_other_association(corpus):
    assert len(comparison.key_terms(corpus, "新野县科协")) > 0
    assert comparison.key_terms(corpus.select(["新野县科协"]), "新野县科协").empty
    assert comparison.key_terms_by_association(corpus.select(["新野县科协"]), 8).empty


def test_key_terms_by_association_keep_the_over_used_terms_of_each(corpus):
    key = comparison.key_terms_by_association(corpus, 3)
    assert key.groupby("association", sort=False).size().to_dict() == {
        a: 3 for a in corpus.associations
    }
    assert (key["effect"] == "target").all()


def _key_terms_one_by_one(corpus, top: int) -> pd.DataFrame:
    """One keyness table per association, its ``top`` over-used terms (as before issue 10)."""
    tables = [
        comparison.over_used(keyness(corpus, target=a), top).assign(association=a)
        for a in corpus.associations
        if (corpus.problems["association"] == a).any()
    ]
    return pd.concat(tables, ignore_index=True)


def test_key_terms_by_association_are_each_associations_keyness(corpus, tmp_path):
    synthetic = load_corpus(write_synthetic_corpus(40, seed=5, out_dir=tmp_path))
    for each in (corpus, synthetic):
        pd.testing.assert_frame_equal(
            comparison.key_terms_by_association(each, 8),
            _key_terms_one_by_one(each, 8),
            check_exact=True,
        )


def test_keyword_contexts_stack_every_term_and_are_empty_without_terms(corpus):
    contexts = comparison.keyword_contexts(corpus, ["三会一课", "第一议题"], window=15)
    assert contexts["keyword"].value_counts().to_dict() == {"三会一课": 8, "第一议题": 7}
    assert comparison.keyword_contexts(corpus, [], window=15).empty


def test_no_threshold_means_the_default_of_recurring_problems(corpus):
    assert comparison.default_similarity_threshold() == 0.35
    pd.testing.assert_frame_equal(
        comparison.cross_association_pairs(corpus), recurring_problems(corpus)
    )
    assert len(comparison.cross_association_pairs(corpus, threshold=0.6)) == 1


def test_association_links_count_each_unordered_pair_of_associations_once():
    pairs = pd.DataFrame(
        {
            "association_a": ["甲", "乙", "甲", "丙"],
            "association_b": ["乙", "甲", "丙", "乙"],
        }
    )
    links = comparison.association_links(pairs)
    assert links.to_dict("records") == [
        {"association_a": "乙", "association_b": "甲", "n_pairs": 2},
        {"association_a": "丙", "association_b": "乙", "n_pairs": 1},
        {"association_a": "丙", "association_b": "甲", "n_pairs": 1},
    ]
    assert comparison.association_links(pairs.head(0)).empty


def test_status_counts_give_each_rate_with_what_it_rests_on(corpus):
    from rectify_utils.analysis.comparison import status_counts
    from rectify_utils.analysis.completion import completion_table

    rows = status_counts(completion_table(corpus, by="association"))
    dongying = rows[rows["association"] == "东营市科协"].iloc[0]
    assert dongying["rate_with_counts"] == "0%（0 / 4 已说明，7 未说明）"


def test_theme_rows_carry_the_problems_they_count(corpus):
    from rectify_utils.analysis.comparison import (
        completion_by_theme,
        present_themes,
        theme_crosstab,
    )

    by_theme = completion_by_theme(corpus)
    assert (by_theme["problems"].map(len) == by_theme["n_problems"]).all()
    cells = present_themes(theme_crosstab(corpus))
    assert (cells["problems"].map(len) == cells["n"]).all() and (cells["n"] > 0).all()
    nid, no = cells["problems"].iloc[0][0]
    assert ((corpus.problems["notice_id"] == nid) & (corpus.problems["problem_no"] == no)).any()


def test_the_claims_table_flags_a_notice_that_contradicts_itself(corpus):
    from rectify_utils.analysis.comparison import claims_table
    from rectify_utils.analysis.completion import completion_table

    claims = claims_table(completion_table(corpus, by="association"), corpus.notices)
    flagged = claims.dropna(subset=["claims_conflicts"])
    assert flagged["association"].tolist() == ["新野县科协"]
    assert flagged["claims_conflicts"].iloc[0] == "问题数：11、31"
