"""Recurrence clusters: one row per issue that several associations state."""

from __future__ import annotations

import pytest

from rectify_utils import load_corpus
from rectify_utils.analysis.clusters import recurrence_clusters, recurrence_members
from rectify_utils.synth import write_synthetic_corpus


def test_the_three_hui_yi_ke_problems_of_several_associations_form_one_cluster(corpus):
    members = recurrence_members(corpus)
    about = corpus.problems.loc[
        corpus.problems["title"].str.contains("三会一课"), ["notice_id", "problem_no"]
    ]
    assert len(about) >= 3
    found = about.merge(members, on=["notice_id", "problem_no"], how="left")
    assert found["cluster"].notna().all() and found["cluster"].nunique() == 1, (
        f"the 三会一课 problems should be one recurrence cluster:\n{found}"
    )
    cluster = recurrence_clusters(corpus).set_index("cluster").loc[found["cluster"].iloc[0]]
    assert cluster["n_associations"] >= 2 and "三会一课" in cluster["title"]


def test_clusters_cross_associations_and_link_to_their_problems(corpus):
    clusters = recurrence_clusters(corpus)
    members = recurrence_members(corpus)
    assert (clusters["n_associations"] >= 2).all()
    assert (
        clusters["size"].sum() == len(members)
        and members.value_counts(["notice_id", "problem_no"]).max() == 1
    ), "each problem belongs to one cluster at most"
    keys = set(zip(corpus.problems["notice_id"], corpus.problems["problem_no"], strict=True))
    assert set(zip(members["notice_id"], members["problem_no"], strict=True)) <= keys
    for row in clusters.itertuples():
        listed = row.members.split("、")
        assert len(listed) == row.size and f"{row.notice_id}:{row.problem_no}" == listed[0]
        assert len(row.associations.split("、")) == row.n_associations
    assert (members.groupby("cluster")["representative"].sum() == 1).all()


@pytest.mark.slow
def test_templated_problems_do_not_chain_into_one_giant_cluster(tmp_path):
    corpus = load_corpus(write_synthetic_corpus(150, seed=3, out_dir=tmp_path))
    clusters = recurrence_clusters(corpus)
    assert len(clusters) > 20
    assert clusters["size"].max() < 0.2 * len(corpus.problems), (
        "problems sharing a stock ending (不够深入) got chained into one cluster"
    )
    assert clusters["cohesion"].median() > 0.5
