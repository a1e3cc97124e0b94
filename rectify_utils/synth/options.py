"""One notice's layout and surface choices, drawn from its random generator.

``draw_options`` draws every choice in a fixed order (the order of :class:`NoticeOptions`'
fields), so the rest of the notice sees the same random stream whatever the options turn out to
be; overrides are applied after the draw and never shift it.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Any

# the outline styles of the bundled notices (see the package docstring)
LAYOUTS = ("aspect_top", "section_aspect", "section_group", "section_flat")
# how measures are itemised per layout: sub-headings one level below the problem (`(1)`, `1.`,
# `①` paragraphs), inline `①②` or `一是…二是…`, or not at all
MEASURE_STYLES = {
    "aspect_top": ("sub", "sub", "shi", "none"),
    "section_aspect": ("shi", "circled", "sub", "none"),
    "section_group": ("circled", "circled", "shi", "sub", "none"),
    "section_flat": ("shi", "circled", "sub", "none"),
}
# heading forms per layout (see problems.heading_text)
HEADING_FORMS = {
    "aspect_top": ("bare_wenti", "bare_wenti", "about_quoted", "about_de"),
    "section_aspect": ("about_quoted", "about_de", "bare_stop", "bare_wenti"),
    "section_group": ("bare_stop", "bare_stop", "about_de"),
    "section_flat": ("zhendui", "zhendui_de", "about_quoted"),
}
# how problems state their status, per notice (see problems.STATUS_CUE_POOLS)
STATUS_MIXES = ("markers", "fields", "body", "mixed", "none")


@dataclass(frozen=True)
class NoticeOptions:
    """The choices one notice is written with; the sidecar's ``options`` in this field order."""

    layout: str  # one of LAYOUTS
    numbering: str  # problem labels run `across` aspects or `restart` in each
    n_aspects: int  # 方面 headings (0 in section_flat, which has none)
    groups: bool  # middle headings between aspect and problem (罗庄)
    heading_form: str  # one of HEADING_FORMS[layout]
    measures: str  # one of MEASURE_STYLES[layout]
    field_label: bool  # the rectification text opens with `整改情况：`
    bold: bool  # `**一是**` and bold headings (unwrapped text only)
    half_width: bool  # `,:;()` for `，：；（）`, as typed on an English keyboard (东营)
    mixed_brackets: float  # share of `(一)` among `（一）` labels
    arabic_stop: str  # the stop after an Arabic label: `1.`, `1、`, `1．`
    wrapped: bool  # hard-wrapped like a PDF extraction
    wrap_width: int  # wrap width in cells
    wrap_blank_lines: bool  # a blank line between wrapped lines
    stray_breaks: bool  # long paragraphs broken mid-sentence (石龙)
    indent: str  # what each unwrapped paragraph starts with
    attachment: bool  # opens with `附件N` and `（向社会公开）`
    org_section: bool  # an opening section of actions taken
    org_items_arabic: bool  # the opening section's items are `1.` (else `（一）`)
    summary: str  # `none`, `consistent` (totals decide statuses) or `counts` (measures only)
    plan_section: bool  # a closing `下一步工作打算` section
    disclosure: bool  # a 公开期限 in the closing paragraph
    signature: bool  # signed with the organisation's name
    spaced_dates: bool  # `2024 年 3 月 15 日`, as PDF extractions space them
    status_mix: str  # one of STATUS_MIXES
    wide_vocabulary: bool  # some titles use shortcomings outside the parser's list
    full_width_digits: bool  # `１．` / `（１）`, typed with a full-width IME
    chinese_numeral_date: bool  # signed `二〇二四年十月三十日`

    def as_dict(self) -> dict[str, Any]:
        """The options as the sidecar records them."""
        return dataclasses.asdict(self)


def draw_options(rng: random.Random, layout: str | None = None) -> NoticeOptions:
    """Draw one notice's options (those that depend on the layout follow it).

    Parameters
    ----------
    rng
        The notice's random generator.
    layout
        The layout to use; one is drawn (and discarded) all the same, to keep the stream.

    Returns
    -------
    NoticeOptions
        The drawn choices.

    Examples
    --------
    >>> draw_options(random.Random(0), "section_flat").n_aspects
    0
    """
    drawn = rng.choice(LAYOUTS)
    layout = layout or drawn
    wrapped = rng.random() < 0.35
    measures = rng.choice(MEASURE_STYLES[layout])
    flat = layout == "section_flat"
    # keyword arguments are evaluated left to right: this is the order of the draws
    return NoticeOptions(
        layout=layout,
        numbering=rng.choice(("across", "restart")) if not flat else "across",
        n_aspects=rng.choice((1, 2, 2, 3, 3, 4, 5)) if not flat else 0,
        groups=layout == "section_group" or (layout == "aspect_top" and rng.random() < 0.2),
        heading_form=rng.choice(HEADING_FORMS[layout]),
        measures=measures,
        field_label=rng.random() < 0.6,
        bold=not wrapped and rng.random() < 0.3,  # `**一是**` survives only unwrapped text
        half_width=rng.random() < 0.2,
        mixed_brackets=rng.choice((0.0, 0.0, 0.15)),
        arabic_stop=rng.choice((".", ".", "、", "．")),
        wrapped=wrapped,
        wrap_width=rng.randint(24, 28),
        wrap_blank_lines=rng.random() < 0.7,
        stray_breaks=not wrapped and rng.random() < 0.25,
        indent=rng.choice(("", "", "  ", "\u3000\u3000")),
        attachment=rng.random() < 0.25,
        org_section=layout != "aspect_top" or rng.random() < 0.5,
        org_items_arabic=rng.random() < 0.3,
        summary=rng.choice(("none", "none", "consistent", "counts")),
        plan_section=rng.random() < 0.7,
        disclosure=rng.random() < 0.3,
        signature=rng.random() < 0.85,
        spaced_dates=wrapped and rng.random() < 0.6,
        status_mix=rng.choice(STATUS_MIXES),
        wide_vocabulary=rng.random() < 0.3,
        full_width_digits=rng.random() < 0.1,
        chinese_numeral_date=rng.random() < 0.15,
    )


def with_overrides(opts: NoticeOptions, overrides: dict[str, Any] | None) -> NoticeOptions:
    """``opts`` with some choices replaced (keys as in the sidecar's ``options``).

    Raises
    ------
    ValueError
        If a key is not an option.
    """
    overrides = overrides or {}
    unknown = set(overrides) - {f.name for f in dataclasses.fields(NoticeOptions)}
    if unknown:
        raise ValueError(f"unknown synth options: {sorted(unknown)}")
    return dataclasses.replace(opts, **overrides)


@dataclass(frozen=True)
class OutlineLevels:
    """The outline level (1 `一、` … 5 `①`) of each kind of heading in a layout."""

    aspect: int | None  # None where the layout has no 方面 headings
    group: int | None  # None where it has no middle headings
    problem: int
    measure: int | None  # None unless measures are sub-headings


def outline_levels(opts: NoticeOptions) -> OutlineLevels:
    """The heading levels of a notice's layout.

    Examples
    --------
    >>> opts = draw_options(random.Random(0), "section_group")
    >>> outline_levels(opts).problem
    4
    """
    layout = opts.layout
    problem = {"aspect_top": 3, "section_aspect": 3, "section_group": 4, "section_flat": 2}[layout]
    return OutlineLevels(
        aspect={"aspect_top": 1, "section_aspect": 2, "section_group": 2}.get(layout),
        group={"aspect_top": 2, "section_group": 3}.get(layout),
        problem=problem,
        measure=problem + 1 if opts.measures == "sub" else None,
    )
