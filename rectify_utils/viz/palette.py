"""Colours that mean the same in every report: one per association, one per status.

Associations get the hues of Paul Tol's colour-blind-safe "muted" scheme, each a different hue
(no light/dark pairs of one hue), in the sorted order of their names. Every report builds the
palette from the whole corpus (``viz.setup``), so an association has one colour in all of them,
whatever subset a report draws.
"""

from __future__ import annotations

from collections.abc import Iterable

# Paul Tol's "muted" qualitative scheme (colour-blind safe, distinct on white), ordered so
# that the first few are as far apart as possible: indigo, sand, green, rose, cyan, purple,
# olive, wine, teal. Beyond nine associations the hues repeat.
ASSOCIATION_COLORS: tuple[str, ...] = (
    "#332288", "#ddcc77", "#117733", "#cc6677", "#88ccee",
    "#aa4499", "#999933", "#882255", "#44aa99",
)  # fmt: skip

# Status colours (Okabe–Ito, colour-blind safe): bluish green done, orange ongoing, grey when
# the notice says nothing.
STATUS_COLORS: dict[str, str] = {
    "completed": "#009e73",
    "in_progress": "#e69f00",
    "not_stated": "#bbbbbb",
}
#: legend labels of the statuses
STATUS_LABELS: dict[str, str] = {
    "completed": "已完成 completed",
    "in_progress": "整改中 in progress",
    "not_stated": "未说明 not stated",
}
#: the other associations, beside the one a profile is about
OTHERS_COLOR = "#dddddd"
#: a notice without an association
UNKNOWN_COLOR = "#555555"
#: the time limit line of timelines
LIMIT_COLOR = "#cc3311"
#: checkable facts, stock phrases, the rest (the concreteness bars)
FACT_COLORS: tuple[str, str, str] = ("#0077bb", "#ee7733", "#dddddd")


def association_palette(associations: Iterable[str]) -> dict[str, str]:
    """Map each association to its colour: the i-th name in sorted order gets the i-th hue.

    The result depends on the set of names only, never on the order given, so a palette built
    from the whole corpus is the same in every report.

    Parameters
    ----------
    associations
        Association names (of the whole corpus, so that every report agrees); duplicates are
        dropped.

    Returns
    -------
    dict
        Name → hex colour from ``ASSOCIATION_COLORS``, in first-seen order, e.g. for seaborn's
        ``palette=``; distinct for up to ``len(ASSOCIATION_COLORS)`` associations.
    """
    names = list(dict.fromkeys(str(a) for a in associations))
    slots = {name: i % len(ASSOCIATION_COLORS) for i, name in enumerate(sorted(names))}
    return {name: ASSOCIATION_COLORS[slots[name]] for name in names}


def highlight_palette(palette: dict[str, str], association: str) -> dict[str, str]:
    """The palette with every association but one greyed out (``OTHERS_COLOR``).

    Parameters
    ----------
    palette
        Association → colour, as from ``association_palette``.
    association
        The one that keeps its colour.

    Returns
    -------
    dict
        Association → colour.
    """
    return {
        name: (color if name == association else OTHERS_COLOR) for name, color in palette.items()
    }
