"""Chinese labels render with the bundled font; colours do not change between reports."""

from __future__ import annotations

import re
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from rectify_utils.viz import plotting

GLYPH_WARNING = re.compile(r"glyph .* missing|missing glyph", re.IGNORECASE)


def test_chinese_labels_render_without_missing_glyph_warnings(tmp_path):
    plotting.setup_cjk_font()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.bar(["新野县科协", "东营市科协"], [3, -2], label="已完成整改")
        ax.set_title("巡察整改进展情况通报：问题数")
        ax.set_xlabel("协会")
        ax.legend()
        fig.savefig(tmp_path / "figure.png")
        plt.close(fig)
    glyph_warnings = [str(w.message) for w in caught if GLYPH_WARNING.search(str(w.message))]
    assert not glyph_warnings, f"Chinese labels would show as empty boxes: {glyph_warnings}"
    assert (tmp_path / "figure.png").stat().st_size > 0


def test_setup_cjk_font_is_idempotent_and_sets_rcparams():
    plotting.setup_cjk_font()
    n_fonts = len(matplotlib.font_manager.fontManager.ttflist)
    assert plotting.setup_cjk_font() == plotting.CJK_FONT_NAME
    assert len(matplotlib.font_manager.fontManager.ttflist) == n_fonts, "font registered twice"
    assert matplotlib.rcParams["font.sans-serif"][0] == plotting.CJK_FONT_NAME
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert plotting.cjk_font_path().is_file()


def test_association_keeps_its_colour_whatever_else_is_drawn():
    small = plotting.association_palette(["新野县科协", "东营市科协"])
    large = plotting.association_palette(["利津县科协", "东营市科协", "罗庄区科协", "新野县科协"])
    assert small["新野县科协"] == large["新野县科协"]
    assert small["东营市科协"] == large["东营市科协"]
    assert plotting.association_palette(["新野县科协"]) == {
        "新野县科协": plotting.association_color("新野县科协")
    }


@pytest.mark.parametrize("name", ["新野县科协", "东营市科协", "a"])
def test_association_colour_is_the_same_in_every_process(name):
    # sha256-based, so this literal does not depend on PYTHONHASHSEED
    colour = plotting.association_color(name)
    assert colour in plotting.ASSOCIATION_COLORS
    assert colour == plotting.association_color(str(name))


def test_status_colours_cover_every_status():
    assert set(plotting.STATUS_COLORS) == {"completed", "in_progress", "not_stated"}
    assert len(set(plotting.STATUS_COLORS.values())) == 3
