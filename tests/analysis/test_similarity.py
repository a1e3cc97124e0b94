"""Recurring problems at scale: sparse vectors, a bounded number of neighbours, exact scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from rectify_utils import load_corpus
from rectify_utils.analysis import neighbours
from rectify_utils.analysis.similarity import PAIR_COLUMNS, problem_vectors, recurring_problems
from rectify_utils.synth import write_synthetic_corpus


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """120 synthetic notices (about 1,000 problems, many stated alike by several bodies)."""
    folder = tmp_path_factory.mktemp("synthetic")
    return load_corpus(write_synthetic_corpus(120, seed=7, out_dir=folder))


def _all_pairs(corpus, threshold: float) -> set[tuple[int, int]]:
    """Every cross-association pair at or above ``threshold``, by the dense product."""
    matrix, _ = problem_vectors(corpus.problems)
    dense = matrix.toarray()
    sims = dense @ dense.T
    assoc = corpus.problems["association"].to_numpy()
    i, j = np.nonzero(np.triu(sims >= threshold, k=1) & (assoc[:, None] != assoc[None, :]))
    return set(zip(i.tolist(), j.tolist(), strict=True))


def _found(corpus, pairs: pd.DataFrame) -> set[tuple[int, int]]:
    keys = corpus.problems[["notice_id", "problem_no"]].reset_index(drop=True)
    row = {k: i for i, k in enumerate(zip(keys["notice_id"], keys["problem_no"], strict=True))}
    a = [row[k] for k in zip(pairs["notice_id_a"], pairs["problem_no_a"], strict=True)]
    b = [row[k] for k in zip(pairs["notice_id_b"], pairs["problem_no_b"], strict=True)]
    return {(min(x, y), max(x, y)) for x, y in zip(a, b, strict=True)}


def test_vectors_are_sparse_unit_rows(corpus):
    matrix, vocab = problem_vectors(corpus.problems)
    assert sp.issparse(matrix) and matrix.shape == (len(corpus.problems), len(vocab))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert np.allclose(norms[norms > 0], 1.0), "each problem vector should have unit length"


def test_bundled_pairs_are_every_pair_above_the_threshold(corpus):
    pairs = recurring_problems(corpus)
    assert list(pairs.columns) == PAIR_COLUMNS
    assert _found(corpus, pairs) == _all_pairs(corpus, 0.35), (
        "on five notices the neighbour search must find exactly the pairs an all-pairs product finds"
    )
    assert pairs["similarity"].is_monotonic_decreasing


def test_each_problem_keeps_at_most_its_neighbours(synthetic):
    pairs = recurring_problems(synthetic, n_neighbours=3)
    everything = _all_pairs(synthetic, 0.35)
    assert len(pairs) < len(everything), "a problem stated alike 20 times should not give 190 pairs"
    ends = pd.concat(
        [pairs[["notice_id_a", "problem_no_a"]].set_axis(["n", "p"], axis=1),
         pairs[["notice_id_b", "problem_no_b"]].set_axis(["n", "p"], axis=1)]
    )  # fmt: skip
    assert (pairs["association_a"] != pairs["association_b"]).all()
    assert ends.value_counts().min() >= 1


def test_pairs_found_through_a_projection_and_cells_are_exact_and_nearly_all(
    synthetic, monkeypatch
):
    exact = recurring_problems(synthetic, n_neighbours=5)
    monkeypatch.setattr(neighbours, "EXACT_CELLS", 0)
    monkeypatch.setattr(neighbours, "EMBED_DIM", 64)
    monkeypatch.setattr(neighbours, "BRUTE_LIMIT", 0)
    approx = recurring_problems(synthetic.problems.copy(), n_neighbours=5)
    merged = approx.merge(exact, on=PAIR_COLUMNS[:8], suffixes=("", "_exact"))
    assert np.allclose(merged["similarity"], merged["similarity_exact"]), (
        "a pair's similarity must not depend on how it was found"
    )
    top = exact.groupby(["notice_id_a", "problem_no_a"]).head(1)
    recall = len(top.merge(approx, on=PAIR_COLUMNS[:8])) / len(top)
    assert recall >= 0.85, f"only {recall:.0%} of the best pairs found through k-means cells"


def test_a_problem_never_pairs_with_its_own_association(synthetic):
    pairs = recurring_problems(synthetic)
    assert not pairs.empty
    assert (pairs["association_a"] != pairs["association_b"]).all()
    assert pairs["similarity"].between(0.35, 1 + 1e-9).all()
