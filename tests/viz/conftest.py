"""Figures are drawn off-screen (Agg) and closed after each test."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def palette(corpus):
    """Every bundled association's colour."""
    from rectify_utils.viz.palette import association_palette

    return association_palette(corpus.associations)
