"""Colours do not change between reports and never pair two shades of one hue; a profile greys
out the other associations."""

from __future__ import annotations

import itertools

import matplotlib.colors as mcolors

from rectify_utils.viz import palette

BUNDLED = ["东营市科协", "立山区科协", "罗庄区科协", "石龙区科协", "新野县科协"]


def test_an_association_keeps_its_colour_whatever_order_or_report():
    forward = palette.association_palette(BUNDLED)
    backward = palette.association_palette(list(reversed(BUNDLED)))
    assert forward == backward, "the colour depends on the set of associations, not the order"
    assert list(backward) == list(reversed(BUNDLED)), "first-seen order is kept for seaborn"


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in mcolors.to_rgb(colour)
    ]
    r, g, b = linear
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_associations_get_distinct_colours_not_shades_of_one_hue():
    colours = list(palette.association_palette(BUNDLED).values())
    assert len(set(colours)) == len(BUNDLED)
    distances = [
        sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b))) ** 0.5
        for a, b in itertools.combinations(palette.ASSOCIATION_COLORS, 2)
    ]
    assert min(distances) > 20, "two colours of the palette are too alike (CIE76 ΔE ≤ 20)"
    lightness = [_lab(c)[0] for c in palette.ASSOCIATION_COLORS]
    assert max(lightness) < 85, "a colour so light that its bar vanishes on white"


def test_the_palette_is_paul_tols_colour_blind_safe_muted_scheme():
    muted = {"#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677"}
    muted |= {"#882255", "#aa4499"}
    assert set(palette.ASSOCIATION_COLORS) == muted


def test_status_colours_cover_every_status_with_distinct_colours_and_labels():
    assert set(palette.STATUS_COLORS) == {"completed", "in_progress", "not_stated"}
    assert set(palette.STATUS_LABELS) == set(palette.STATUS_COLORS)
    assert len(set(palette.STATUS_COLORS.values())) == 3


def test_highlight_palette_greys_every_association_but_the_profiled_one():
    colours = palette.association_palette(["新野县科协", "东营市科协", "罗庄区科协"])
    highlighted = palette.highlight_palette(colours, "东营市科协")
    assert highlighted["东营市科协"] == colours["东营市科协"]
    assert highlighted["新野县科协"] == highlighted["罗庄区科协"] == palette.OTHERS_COLOR
