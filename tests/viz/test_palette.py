"""Colours do not change between reports; a profile greys out the other associations."""

from __future__ import annotations

import pytest

from rectify_utils.viz import palette


def test_association_keeps_its_colour_whatever_else_is_drawn():
    small = palette.association_palette(["新野县科协", "东营市科协"])
    large = palette.association_palette(["利津县科协", "东营市科协", "罗庄区科协", "新野县科协"])
    assert small["新野县科协"] == large["新野县科协"]
    assert small["东营市科协"] == large["东营市科协"]
    assert palette.association_palette(["新野县科协"]) == {
        "新野县科协": palette.association_color("新野县科协")
    }


@pytest.mark.parametrize(
    ("name", "colour"), [("新野县科协", "#d62728"), ("东营市科协", "#9467bd"), ("a", "#aec7e8")]
)
def test_association_colour_is_the_same_in_every_process(name, colour):
    # sha256-based, so these literals do not depend on PYTHONHASHSEED: a change here would
    # recolour every report
    assert palette.association_color(name) == colour


def test_status_colours_cover_every_status_with_distinct_colours_and_labels():
    assert set(palette.STATUS_COLORS) == {"completed", "in_progress", "not_stated"}
    assert set(palette.STATUS_LABELS) == set(palette.STATUS_COLORS)
    assert len(set(palette.STATUS_COLORS.values())) == 3


def test_highlight_palette_greys_every_association_but_the_profiled_one():
    colours = palette.association_palette(["新野县科协", "东营市科协", "罗庄区科协"])
    highlighted = palette.highlight_palette(colours, "东营市科协")
    assert highlighted["东营市科协"] == colours["东营市科协"]
    assert highlighted["新野县科协"] == highlighted["罗庄区科协"] == palette.OTHERS_COLOR
