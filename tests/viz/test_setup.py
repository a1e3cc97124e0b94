"""What a notebook's one set-up call gives it: the selected corpus, the palette, a `show` that
saves figures under figures_dir, and a clear error when there is nothing to analyse."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from rectify_utils.viz import setup
from rectify_utils.viz.font import CJK_FONT_NAME
from rectify_utils.viz.palette import association_palette


@pytest.fixture(scope="module")
def data_dir(repo_root):
    return repo_root / "data" / "raw"


def test_notebook_setup_loads_every_association_with_its_colour(data_dir, corpus):
    loaded, palette, show = setup.notebook_setup(data_dir)
    assert loaded.associations == corpus.associations
    assert len(loaded.problems) == len(corpus.problems)
    assert palette == association_palette(corpus.associations)
    assert isinstance(show, setup.FigureShower) and show.figures_dir is None


def test_notebook_setup_sets_the_font_and_pandas_display_options(data_dir):
    setup.notebook_setup(data_dir)
    assert matplotlib.rcParams["font.sans-serif"][0] == CJK_FONT_NAME
    assert pd.get_option("display.max_colwidth") == 120
    assert pd.get_option("display.max_rows") == 200


def test_a_single_association_name_selects_that_association(data_dir, corpus):
    loaded, palette, _ = setup.notebook_setup(data_dir, "新野县科协")
    assert loaded.associations == ["新野县科协"], "`-p associations 新野县科协` passes one string"
    assert palette == association_palette(corpus.associations), (
        "colours come from the whole corpus, so every report colours 新野县科协 the same"
    )
    assert setup.as_association_list(["a", "b"]) == ["a", "b"]
    assert setup.as_association_list(None) is None


def test_no_notices_raises_an_error_naming_the_folder_and_selection(data_dir, tmp_path):
    with pytest.raises(ValueError, match=r"no notices to analyse in .*associations=\['无此协会'\]"):
        setup.notebook_setup(data_dir, "无此协会")
    (tmp_path / "notes.yml").write_text("a: 1", encoding="utf-8")
    with pytest.raises(ValueError, match=r"skipped: \[\{'path': .*notes\.yml"):
        setup.notebook_setup(tmp_path)


def test_profile_setup_defaults_to_the_first_association(data_dir, corpus):
    loaded, own, association, _, _ = setup.profile_setup(data_dir)
    assert association == corpus.associations[0]
    assert own.associations == [association]
    assert len(loaded.notices) == len(corpus.notices), "the profile compares against the corpus"


def test_profile_setup_rejects_an_association_not_in_the_corpus(data_dir):
    with pytest.raises(
        ValueError, match=r"association '无此协会' is not in the corpus; found: .*新野县科协"
    ):
        setup.profile_setup(data_dir, association="无此协会")


def test_the_shower_links_rows_to_the_source_views_of_the_whole_corpus(data_dir):
    _, _, show = setup.notebook_setup(data_dir, "新野县科协")
    assert show.links.notices_by_association["东营市科协"] == ["dongying-2024"]


def test_figure_shower_saves_the_png_under_figures_dir(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1])
    show = setup.FigureShower(tmp_path / "figures")
    path = show(fig, "status_by_association")
    assert path == tmp_path / "figures" / "status_by_association.png"
    assert path.stat().st_size > 0


def test_figure_shower_without_a_folder_or_figure_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fig, _ = plt.subplots()
    assert setup.FigureShower()(fig, "x") is None
    assert setup.FigureShower(tmp_path)(None, "nothing") is None
    assert list(tmp_path.iterdir()) == []


def test_the_profile_banner_names_the_association():
    assert setup.association_banner("新野县科协").data == "**单位 association: 新野县科协**"
