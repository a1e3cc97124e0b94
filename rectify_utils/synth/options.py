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
OUTLINE_LAYOUTS = ("aspect_top", "section_aspect", "section_group", "section_flat")
# layouts of the genre beyond the bundled notices: `关于“…”问题` headings without their 。,
# running paragraphs (`针对“…”的问题。一是…`), 整改台账 tables, notices with totals only
GENRE_LAYOUTS = ("about_open", "running", "ledger", "summary_only")
# documents that are not notices, each named as ``doc_kind``
NON_NOTICE_LAYOUTS = ("meeting_news", "inspection_announcement", "rectification_plan")
LAYOUTS = OUTLINE_LAYOUTS + GENRE_LAYOUTS + NON_NOTICE_LAYOUTS
# how often each layout is drawn (repeats weight the draw): notices dominate, as in a folder a
# researcher collects, but every kind of document turns up
LAYOUT_DRAW = (
    *OUTLINE_LAYOUTS * 3, "about_open", "about_open", "about_open", "running", "running",
    "running", "ledger", "ledger", "ledger", "summary_only", *NON_NOTICE_LAYOUTS,
)  # fmt: skip
# how measures are itemised per layout: sub-headings one level below the problem (`(1)`, `1.`,
# `①` paragraphs), inline `①②` or `一是…二是…`, numbered lines in a table cell, or not at all
MEASURE_STYLES = {
    "aspect_top": ("sub", "sub", "shi", "none"),
    "section_aspect": ("shi", "circled", "sub", "none"),
    "section_group": ("circled", "circled", "shi", "sub", "none"),
    "section_flat": ("shi", "circled", "sub", "none"),
    "about_open": ("shi", "circled", "sub", "none"),
    "running": ("shi", "shi", "none"),
    "ledger": ("numbered", "numbered", "shi", "none"),
}
# heading forms per layout (see problems.heading_text)
HEADING_FORMS = {
    "aspect_top": ("bare_wenti", "bare_wenti", "about_quoted", "about_de"),
    "section_aspect": ("about_quoted", "about_de", "bare_stop", "bare_wenti"),
    "section_group": ("bare_stop", "bare_stop", "about_de"),
    "section_flat": ("zhendui", "zhendui_de", "about_quoted"),
    "about_open": ("about_open_quoted", "about_open_de", "about_open_plain"),
    "running": ("run_zhendui", "run_zhendui_cited", "run_about"),
    "ledger": ("cell",),
}
# how problems state their status, per notice (see problems.STATUS_CUE_POOLS)
STATUS_MIXES = ("markers", "fields", "body", "forms", "mixed", "none")
# how the notice names the inspected body: in its title, only in the opening sentence
# (`…巡察组对区司法局党组开展了巡察`), or as 我局/我会 with the name in the signature
BODY_NAMED = ("title", "title", "title", "opening", "self")
# the level of the inspected body
LEVELS = ("county", "city", "province")


@dataclass(frozen=True)
class NoticeOptions:
    """The choices one notice is written with; the sidecar's ``options`` in this field order."""

    layout: str  # one of LAYOUTS
    numbering: str  # problem labels run `across` aspects or `restart` in each
    n_aspects: int  # 方面 headings (0 in section_flat, which has none; 0 or more in running)
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
    summary: str  # `none`, `consistent` (totals decide statuses), `counts` (measures only)
    plan_section: bool  # a closing `下一步工作打算` section
    disclosure: bool  # a 公开期限 in the closing paragraph
    signature: bool  # signed with the organisation's name
    spaced_dates: bool  # `2024 年 3 月 15 日`, as PDF extractions space them
    status_mix: str  # one of STATUS_MIXES
    wide_vocabulary: bool  # titles are whole statements as often as area + shortcoming
    full_width_digits: bool  # `１．` / `（１）`, typed with a full-width IME
    chinese_numeral_date: bool  # signed `二〇二四年十月三十日`
    level: str  # the inspected body's level: county, city or province (巡视)
    body_named: str  # one of BODY_NAMED
    web_page: bool  # text copied from a web page, with its header and footer lines
    dated: bool  # a date under the signature (a web page may have only its 发布时间)
    file_format: str  # txt, docx or html (ledgers are Word or web tables)
    same_line: bool  # about_open: the measures follow the heading on its line
    item_summary: bool  # a closing summary by item number (`第1、2、3项已完成，第4项正在推进`)
    scope_claim: bool  # the preamble says how many aspects and problems were fed back
    ledger_category: bool  # ledger: a 类别 column (rowspan in HTML, repeated cells in Word)
    outlook: bool  # a closing `下一步，…` paragraph

    def as_dict(self) -> dict[str, Any]:
        """The options as the sidecar records them."""
        return dataclasses.asdict(self)

    @property
    def is_notice(self) -> bool:
        """Whether the layout is a rectification notice (and not news, an announcement, a plan)."""
        return self.layout not in NON_NOTICE_LAYOUTS

    @property
    def has_outline(self) -> bool:
        """Whether the problems are written as text (not a table, not absent)."""
        return self.layout in OUTLINE_LAYOUTS or self.layout in ("about_open", "running")


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
    drawn = rng.choice(LAYOUT_DRAW)
    layout = layout or drawn
    text_layout = layout not in ("ledger",)
    wrapped = text_layout and rng.random() < 0.3
    web_page = not wrapped and rng.random() < 0.2
    measures = rng.choice(MEASURE_STYLES.get(layout, ("none",)))
    summary = rng.choice(("none", "none", "consistent", "counts"))
    # keyword arguments are evaluated left to right: this is the order of the draws
    opts = NoticeOptions(
        layout=layout,
        numbering=rng.choice(("across", "restart")) if layout in OUTLINE_LAYOUTS[:3] else "across",
        n_aspects=_n_aspects(rng, layout),
        groups=layout == "section_group" or (layout == "aspect_top" and rng.random() < 0.2),
        heading_form=rng.choice(HEADING_FORMS.get(layout, ("none",))),
        measures=measures,
        field_label=rng.random() < 0.6,
        bold=not wrapped and rng.random() < 0.25,  # `**一是**` survives only unwrapped text
        half_width=rng.random() < 0.15,
        mixed_brackets=rng.choice((0.0, 0.0, 0.15)),
        arabic_stop=rng.choice((".", ".", "、", "．")),
        wrapped=wrapped,
        wrap_width=rng.randint(24, 28),
        wrap_blank_lines=rng.random() < 0.7,
        stray_breaks=not wrapped and rng.random() < 0.2,
        indent=rng.choice(("", "", "  ", "\u3000\u3000")),
        attachment=rng.random() < 0.2,
        org_section=layout not in ("aspect_top", "running") or rng.random() < 0.5,
        org_items_arabic=rng.random() < 0.3,
        summary="totals" if layout == "summary_only" else summary,
        plan_section=rng.random() < 0.6,
        disclosure=rng.random() < 0.3,
        signature=rng.random() < 0.85,
        spaced_dates=wrapped and rng.random() < 0.6,
        status_mix=rng.choice(STATUS_MIXES),
        wide_vocabulary=rng.random() < 0.4,
        full_width_digits=rng.random() < 0.08,
        chinese_numeral_date=rng.random() < 0.15,
        level=rng.choice(("county", "county", "county", "city", "city", "province")),
        body_named=rng.choice(BODY_NAMED),
        web_page=web_page,
        dated=not web_page or rng.random() < 0.5,
        file_format=_file_format(rng, layout, web_page, wrapped),
        same_line=rng.random() < 0.5,
        item_summary=summary != "consistent" and rng.random() < 0.2,
        scope_claim=rng.random() < 0.3,
        ledger_category=rng.random() < 0.5,
        outlook=rng.random() < 0.4,
    )
    return consistent(opts)


def _n_aspects(rng: random.Random, layout: str) -> int:
    """方面 headings: none in section_flat, sometimes none in running paragraphs and tables."""
    n = rng.choice((1, 2, 2, 3, 3, 4, 5))
    if layout in ("section_flat", *NON_NOTICE_LAYOUTS):
        return 0
    if layout in ("running", "about_open", "ledger", "summary_only"):
        return rng.choice((0, 0, n, min(n, 3)))
    return n


def _file_format(rng: random.Random, layout: str, web_page: bool, wrapped: bool) -> str:
    """A ledger is a Word or web table; a web page is its copied text or the saved page."""
    draw = rng.random()
    if layout == "ledger":
        return "docx" if draw < 0.5 else "html"
    if web_page:
        return "html" if draw < 0.4 else "txt"
    if not wrapped and layout in OUTLINE_LAYOUTS and draw < 0.08:
        return "docx"
    return "txt"


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
    return consistent(dataclasses.replace(opts, **overrides), frozenset(overrides))


def consistent(
    opts: NoticeOptions, given: frozenset[str] | set[str] = frozenset()
) -> NoticeOptions:
    """``opts`` with the choices that depend on others made to fit them (``given`` ones kept).

    An override of ``layout`` alone keeps the other draws where they fit the new layout and
    replaces the others: a ledger is a Word or web table, a layout without 方面 has
    ``n_aspects == 0``, a PDF-wrapped text is a ``.txt`` file and no web page, and so on. The
    rules are applied in order, each to the result of the ones before.
    """
    o = dataclasses.asdict(opts)

    def fix(key: str, value: Any) -> None:
        if key not in given:
            o[key] = value

    layout = o["layout"]
    if o["heading_form"] not in HEADING_FORMS.get(layout, ("none",)):
        fix("heading_form", HEADING_FORMS.get(layout, ("none",))[0])
    if o["measures"] not in MEASURE_STYLES.get(layout, ("none",)):
        fix("measures", MEASURE_STYLES.get(layout, ("none",))[0])
    if layout in ("section_flat", *NON_NOTICE_LAYOUTS):
        o["n_aspects"] = 0
    if layout == "ledger":
        fix("wrapped", False)
        fix("stray_breaks", False)
        if o["file_format"] == "txt":
            fix("file_format", "docx")
    if o["wrapped"]:
        fix("file_format", "txt")
        fix("web_page", False)
        fix("bold", False)
        fix("same_line", False)  # measures on the heading's line: typed text, not a PDF
    if o["file_format"] == "docx":
        fix("web_page", False)  # a Word document has no web furniture
        if layout not in ("ledger", *OUTLINE_LAYOUTS):
            fix("file_format", "txt")
    if o["file_format"] == "html" and not o["web_page"] and layout != "ledger":
        fix("file_format", "txt")
    if o["web_page"] or o["file_format"] == "html":
        fix("attachment", False)
    if not o["web_page"]:
        fix("dated", True)
    if layout == "summary_only":
        fix("summary", "totals")
    elif o["summary"] == "totals":
        fix("summary", "consistent")
    if o["summary"] == "consistent":
        fix("item_summary", False)
    return NoticeOptions(**o)


@dataclass(frozen=True)
class OutlineLevels:
    """The outline level (1 `一、` … 5 `①`) of each kind of heading in a layout."""

    aspect: int | None  # None where the layout has no 方面 headings
    group: int | None  # None where it has no middle headings
    problem: int | None  # None for running paragraphs (no numbered problems)
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
    if layout == "running":
        aspect = (2 if opts.org_section else 1) if opts.n_aspects else None
        return OutlineLevels(aspect=aspect, group=None, problem=None, measure=None)
    if layout == "about_open":
        aspect = 2 if opts.n_aspects else None
        return OutlineLevels(aspect, None, 3, 4 if opts.measures == "sub" else None)
    problem = {"aspect_top": 3, "section_aspect": 3, "section_group": 4, "section_flat": 2}[layout]
    return OutlineLevels(
        aspect={"aspect_top": 1, "section_aspect": 2, "section_group": 2}.get(layout),
        group={"aspect_top": 2, "section_group": 3}.get(layout),
        problem=problem,
        measure=problem + 1 if opts.measures == "sub" else None,
    )
