"""Successive rounds: a body's two notices stay two rows, and the problems that come back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rectify_utils import load_corpus
from rectify_utils.analysis.completion import completion_table
from rectify_utils.analysis.rounds import notice_labels, rounds

ROOT = Path(__file__).resolve().parents[2]
#: a 2024 notice of 罗庄区科协 written for this test: problems 1–3 restate 2022 problems 1, 2, 7
LATER = ROOT / "tests" / "data" / "rounds" / "luozhuang-2024.txt"


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rounds")
    for source in (
        ROOT / "data" / "raw" / "luozhuang-2022.txt",
        LATER,
        ROOT / "data" / "raw" / "xinye-2024.txt",
    ):
        shutil.copy(source, folder / source.name)
    return load_corpus(folder)


def test_a_body_with_two_notices_gets_one_row_per_notice(two_rounds):
    table = completion_table(two_rounds).set_index("notice_label")
    assert {"罗庄区科协（2022）", "罗庄区科协（2024）", "新野县科协"} == set(table.index), (
        "罗庄区科协's 2022 and 2024 notices were merged into one row"
    )
    assert table.loc["罗庄区科协（2022）", "n_problems"] == 21
    assert table.loc["罗庄区科协（2024）", "n_problems"] == 5
    assert (
        table.loc[["罗庄区科协（2022）", "罗庄区科协（2024）"], "association"] == "罗庄区科协"
    ).all()


def test_labels_order_a_bodys_rounds_by_date(two_rounds):
    labels = notice_labels(two_rounds).set_index("notice_id")
    assert labels.loc["luozhuang-2022", "round_no"] == 1
    assert labels.loc["luozhuang-2024", "round_no"] == 2
    assert labels.loc["xinye-2024", "notice_label"] == "新野县科协"


def test_problems_that_come_back_are_paired_with_their_earlier_statement(two_rounds):
    back = rounds(two_rounds)
    pairs = set(zip(back["problem_no_later"], back["problem_no_earlier"], strict=True))
    assert {(1, 1), (2, 2), (3, 7)} <= pairs, f"restated problems not found:\n{back}"
    assert not {4, 5} & set(back["problem_no_later"]), "a new problem was read as coming back"
    assert (back["earlier_label"] == "罗庄区科协（2022）").all()
    assert (back["later_label"] == "罗庄区科协（2024）").all()
    assert back["similarity"].between(0.35, 1).all()
    assert back.loc[back["problem_no_later"] == 3, "shared_terms"].str.contains("走过场").all()


def test_bodies_with_one_notice_keep_their_name_and_have_no_rounds(corpus):
    labels = notice_labels(corpus)
    assert (labels["notice_label"] == labels["association"]).all()
    assert rounds(corpus).empty
    assert list(completion_table(corpus)["notice_label"]) == list(corpus.notices["association"])
