"""Colours that mean the same in every report: one per association, one per status.

An association's colour depends on its name only, so it does not change between reports or
runs, whatever other associations are drawn beside it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

# Qualitative palette (matplotlib "tab20", dark shade of each hue first, then the light ones):
# 20 colours, so that two associations rarely share one.
ASSOCIATION_COLORS: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
)  # fmt: skip

# Status colours: green done, amber ongoing, grey when the notice says nothing.
STATUS_COLORS: dict[str, str] = {
    "completed": "#2e7d32",
    "in_progress": "#f9a825",
    "not_stated": "#9e9e9e",
}
#: legend labels of the statuses
STATUS_LABELS: dict[str, str] = {
    "completed": "已完成 completed",
    "in_progress": "整改中 in progress",
    "not_stated": "未说明 not stated",
}
#: the other associations, beside the one a profile is about
OTHERS_COLOR = "#cfcfcf"
#: a notice without an association
UNKNOWN_COLOR = "#555555"
#: the time limit line of timelines
LIMIT_COLOR = "#c62828"
#: checkable facts, stock phrases, the rest (the concreteness bars)
FACT_COLORS: tuple[str, str, str] = ("#1565c0", "#ef6c00", "#e0e0e0")


def association_color(association: str) -> str:
    """The colour of one association: a hash of its name picks a slot of ``ASSOCIATION_COLORS``.

    Depends on the name only (sha256, not Python's per-process ``hash``), so it is the same in
    every report and every run, whatever other associations are drawn beside it.

    Parameters
    ----------
    association
        The association's name, e.g. ``"新野县科协"``.

    Returns
    -------
    str
        A hex colour from ``ASSOCIATION_COLORS``.
    """
    digest = hashlib.sha256(str(association).encode("utf-8")).digest()
    return ASSOCIATION_COLORS[int.from_bytes(digest[:8], "big") % len(ASSOCIATION_COLORS)]


def association_palette(associations: Iterable[str]) -> dict[str, str]:
    """Map each association to its fixed colour (see ``association_color``).

    Stability wins over distinctness: two names may hash to the same one of the 20 colours;
    they are never shifted to make room, because that would change colours between reports.

    Parameters
    ----------
    associations
        Association names; duplicates are dropped.

    Returns
    -------
    dict
        Name → hex colour, in first-seen order, e.g. for seaborn's ``palette=``.
    """
    return {name: association_color(name) for name in dict.fromkeys(associations)}


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
