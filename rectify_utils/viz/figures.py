"""The reports' figures. Each function takes the tidy table an analysis function returns and
returns a matplotlib ``Figure`` (None where there is nothing to draw); ``setup.FigureShower``
displays and saves it.

Call ``font.setup_cjk_font()`` first (``setup.notebook_setup`` does) so Chinese labels render.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..analysis.comparison import over_used
from ..analysis.formats import AS_OF_SOURCES, format_rate_with_counts, is_inferred
from ..analysis.theme_stats import RESIDUAL_LIMIT
from ..analysis.timeline import DEFAULT_LIMIT_DAYS
from .palette import (
    FACT_COLORS,
    LIMIT_COLOR,
    OTHERS_COLOR,
    STATUS_COLORS,
    STATUS_LABELS,
    UNKNOWN_COLOR,
    highlight_palette,
)

#: count column of ``completion_table`` → status
STATUS_COLUMNS = {
    "n_completed": "completed",
    "n_in_progress": "in_progress",
    "n_not_stated": "not_stated",
}
#: share column of ``concreteness`` → legend label
FACT_LABELS = {
    "fact_share": "可核查事实 facts",
    "stock_share": "套话 stock phrases",
    "other": "其他 other",
}


#: hatch of a bar drawn to a date the parser inferred (no date of the notice's own)
INFERRED_HATCH = "///"
#: at most this many category labels are named in a figure's alt text
ALT_LABELS = 12
#: a figure with one row per notice draws at most this many notices (the table has them all):
#: 1,000 rows made a 550-inch figure that took minutes to draw or could not be allocated
MAX_NOTICE_ROWS = 40


def figure_alt(figure: Figure) -> str:
    """Alt text for a figure, from what it shows: its titles, axes and category labels.

    Parameters
    ----------
    figure
        A drawn matplotlib figure.

    Returns
    -------
    str
        E.g. ``图：各协会整改状态 · status by association。横轴：问题数…；纵轴：东营市科协、
        立山区科协…。数据见图下的表。``
    """
    parts = []
    title = figure._suptitle.get_text() if figure._suptitle is not None else ""
    titles = [title] + [ax.get_title() for ax in figure.axes]
    titles = [t for t in dict.fromkeys(titles) if t]
    parts.append("图：" + ("；".join(titles) if titles else "（无标题）"))
    axes = [ax for ax in figure.axes if ax.get_visible()]
    if axes:
        ax = axes[0]
        if ax.get_xlabel():
            parts.append(f"横轴：{ax.get_xlabel()}")
        labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        if labels:
            named = "、".join(x.replace("\n", " ") for x in labels[:ALT_LABELS])
            more = f" 等 {len(labels)} 项" if len(labels) > ALT_LABELS else ""
            parts.append(f"纵轴：{ax.get_ylabel() + '，' if ax.get_ylabel() else ''}{named}{more}")
    return "。".join(parts) + "。数据见图下的表。"


def _legend_outside(ax: Axes) -> None:
    """The legend to the right of the axes, without a frame."""
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def first_rows(
    frame: pd.DataFrame,
    key: str | None = None,
    keep: pd.Series | None = None,
    unit: str = "行",
    max_rows: int = MAX_NOTICE_ROWS,
) -> tuple[pd.DataFrame, str]:
    """The rows a figure draws of a long table: the first ``max_rows`` units, and a note.

    Parameters
    ----------
    frame
        The table, in the order the figure draws it.
    key
        A column whose distinct values are the units drawn (``notice_id`` for a long table
        with several rows per notice); None: each row is one.
    keep
        Rows (a boolean Series on ``frame``'s index) whose units are drawn whatever their
        place, e.g. the profiled association's.
    unit
        What a unit is called in the note (``份通报``, ``行``).
    max_rows
        Units drawn at most, besides the kept ones.

    Returns
    -------
    tuple of (pd.DataFrame, str)
        The rows of the units drawn (``frame`` itself when nothing is left out), and
        ``图中为其中 40 份通报，共 894 份通报；全部见下表`` when some were left out, else "".
    """
    units = frame[key] if key else pd.Series(range(len(frame)), index=frame.index)
    order = list(dict.fromkeys(units))
    if len(order) <= max_rows:
        return frame, ""
    must = set(units[keep]) if keep is not None else set()
    others = [u for u in order if u not in must][: max(0, max_rows - len(must))]
    chosen = must | set(others)
    note = f"图中为其中 {len(chosen)} {unit}，共 {len(order)} {unit}；全部见下表"
    return frame[units.isin(chosen)], note


def drawn_rows(
    frame: pd.DataFrame, drawn: Collection[str] | None, by: str = "association"
) -> tuple[pd.DataFrame, str]:
    """The rows a figure with one panel, column or bar per association draws, and a note.

    Parameters
    ----------
    frame
        The figure's table, with a ``by`` column.
    drawn
        The associations to draw (``analysis.overview.largest_associations``); None: every one.
    by
        The association column.

    Returns
    -------
    tuple of (pd.DataFrame, str)
        The rows of the drawn associations, in ``frame``'s order (``frame`` itself when none is
        left out; unused categories removed), and
        ``图中为问题最多的 20 个单位，共 710 个单位；全部见下表`` when some were left out, else "".
    """
    if drawn is None:
        return frame, ""
    names = frame[by].astype("string")
    present = set(names.dropna())
    kept = present & {str(name) for name in drawn}
    if kept == present:
        return frame, ""
    rows = frame[names.isin(kept).fillna(False).to_numpy()]
    if isinstance(rows[by].dtype, pd.CategoricalDtype):
        rows = rows.assign(**{by: rows[by].cat.remove_unused_categories()})
    return rows, f"图中为问题最多的 {len(kept)} 个单位，共 {len(present)} 个单位；全部见下表"


def _titled(title: str, note: str) -> str:
    """``title（note）``, or ``title`` when there is no note."""
    return f"{title}（{note}）" if note else title


def _limit_of(dates: pd.DataFrame) -> int:
    """The time limit a timeline table was computed with (its ``limit_days`` column)."""
    limits = dates["limit_days"].dropna()
    return int(limits.iloc[0]) if len(limits) else DEFAULT_LIMIT_DAYS


def emphasise(ax: Axes, names: Iterable[str], association: str, color: str) -> None:
    """Shade the rows of a horizontal bar chart that belong to one association.

    Parameters
    ----------
    ax
        The axes, one bar per row in the order of ``names``.
    names
        The association of each row.
    association
        The association whose rows are shaded.
    color
        Its colour (drawn at 18 % opacity behind the bars).
    """
    for i, name in enumerate(names):
        if name == association:
            ax.axhspan(i - 0.5, i + 0.5, color=color, alpha=0.18, zorder=0)


def stacked_status_bars(table: pd.DataFrame, by: str, title: str) -> Figure:
    """Problems by status per group, stacked, with the completion rate at each bar's end.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table``.
    by
        Its group column (``association``, ``theme`` …), one bar per row.
    title
        The figure title.

    Returns
    -------
    Figure
        At most ``MAX_NOTICE_ROWS`` bars (the first rows; the title says so).
    """
    table, note = first_rows(table)
    title = _titled(title, note)
    counts = table[list(STATUS_COLUMNS)].astype(int).rename(columns=STATUS_COLUMNS)
    counts.index = _row_labels(table, by)
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(counts) + 1.8))
    counts.rename(columns=STATUS_LABELS).plot.barh(
        stacked=True, ax=ax, width=0.7, color=[STATUS_COLORS[s] for s in counts.columns]
    )
    for i, row in enumerate(counts.itertuples(index=False)):
        label = format_rate_with_counts(
            row.completed, row.completed + row.in_progress, row.not_stated
        )
        ax.text(sum(row) + 0.3, i, label, va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, counts.sum(axis=1).max() * 1.6 + 1)
    ax.set(
        xlabel="问题数 · problems（条末：完成率 = 已完成 / 已说明状态，另注未说明数）",
        ylabel="",
        title=title,
    )
    _legend_outside(ax)
    fig.tight_layout()
    return fig


def _row_labels(table: pd.DataFrame, by: str) -> list[str]:
    """A completion table's row names: ``notice_label`` for associations where a body's
    notices are rows of their own (`罗庄区科协（2022）`), else the ``by`` column."""
    column = "notice_label" if by == "association" and "notice_label" in table else by
    return [str(v) for v in table[column]]


def _timeline_row(ax: Axes, i: int, row: object, color: str) -> None:
    """One notice of ``plot_timeline``: the inspection, then feedback → as-of date."""
    first = i == 0
    if (
        pd.notna(row.feedback_date)
        and pd.notna(row.inspection_start)
        and pd.notna(row.inspection_end)
    ):
        start = (row.inspection_start - row.feedback_date).days
        end = (row.inspection_end - row.feedback_date).days
        label = "巡察 inspection" if first else None
        ax.barh(i, end - start, left=start, height=0.35, color=color, alpha=0.35, label=label)
    if pd.notna(row.days_feedback_to_as_of):
        days = row.days_feedback_to_as_of
        label = "反馈→通报 feedback→as of" if first else None
        inferred = is_inferred(row.as_of_source)
        ax.barh(
            i,
            days,
            left=0,
            height=0.6,
            color=color,
            label=label,
            hatch=INFERRED_HATCH if inferred else None,
            alpha=0.55 if inferred else 1.0,
        )
        source = AS_OF_SOURCES.get(str(row.as_of_source), str(row.as_of_source))
        ax.text(days + 3, i, f"{days} 天（{source}）", va="center", fontsize=9)
    elif pd.isna(row.feedback_date):
        ax.text(0, i, "  无反馈日期 no feedback date", va="center", fontsize=9, color=UNKNOWN_COLOR)


def plot_timeline(dates: pd.DataFrame, palette: Mapping[str, str], title: str) -> Figure:
    """Each notice on its own row, in days from the feedback date, against the time limit.

    At most ``MAX_NOTICE_ROWS`` notices are drawn (the first ones; the title says so).
    The thin bar is the inspection, the thick bar runs from feedback (0) to the as-of date
    (hatched and labelled 推断 when the parser inferred that date); the dashed line is the
    table's ``limit_days``.

    Parameters
    ----------
    dates
        Rows of ``timeline.timeline``.
    palette
        Association → colour.
    title
        The figure title.

    Returns
    -------
    Figure
    """
    limit_days = _limit_of(dates)
    dates, note = first_rows(dates, key="notice_id", unit="份通报")
    title = _titled(title, note)
    fig, ax = plt.subplots(figsize=(10, 0.7 * len(dates) + 1.8))
    for i, row in enumerate(dates.itertuples(index=False)):
        _timeline_row(ax, i, row, palette.get(row.association, UNKNOWN_COLOR))
    ax.axvline(0, color="black", linewidth=1)
    ax.axvline(
        limit_days,
        color=LIMIT_COLOR,
        linestyle="--",
        linewidth=1.2,
        label=f"{limit_days} 天时限 limit",
    )
    ax.set_yticks(
        range(len(dates)), [f"{a}\n{n}" for a, n in zip(dates["association"], dates["notice_id"])]
    )
    ax.invert_yaxis()
    ax.use_sticky_edges = False  # bars starting at the earliest date would touch the frame
    ax.margins(x=0.04)
    ax.set(xlabel="距反馈之日的天数 · days from feedback", ylabel="", title=title)
    _legend_outside(ax)
    fig.tight_layout()
    return fig


def outline_size_bars(sizes: pd.DataFrame, palette: Mapping[str, str]) -> Figure:
    """One panel per outline level (方面, problems, measures), one bar per notice.

    At most ``MAX_NOTICE_ROWS`` notices are drawn (the first ones; the title says so).

    Parameters
    ----------
    sizes
        Rows of ``overview.outline_sizes``.
    palette
        Association → colour.

    Returns
    -------
    Figure
    """
    sizes, note = first_rows(sizes, key="notice_id", unit="份通报")
    grid = sns.catplot(
        data=sizes,
        x="n",
        y="notice",
        hue="association",
        col="level",
        kind="bar",
        palette=palette,
        sharex=False,
        height=0.55 * sizes["notice"].nunique() + 1.5,
        aspect=1.0,
        legend=False,
    )
    grid.set_titles("{col_name}")
    if note:
        grid.figure.suptitle(note, y=1.02)
    grid.set_axis_labels("个数 · count", "")
    for ax in grid.axes.flat:
        for container in ax.containers:
            ax.bar_label(container, fmt="%.0f", fontsize=9)
    return grid.figure


def theme_heatmaps(crosstab: pd.DataFrame, drawn: Collection[str] | None = None) -> Figure:
    """Problems per theme and association: counts (left) and share of the association (right).

    Parameters
    ----------
    crosstab
        Rows of ``themes.category_crosstab(corpus, by="association")``.
    drawn
        The associations drawn (``overview.largest_associations``); None: every one.

    Returns
    -------
    Figure
        One column per drawn association; when some are left out the title says how many
        of how many (``drawn_rows``).
    """
    crosstab, note = drawn_rows(crosstab, drawn)
    counts = crosstab.pivot(index="theme", columns="association", values="n").astype(int)
    shares = crosstab.pivot(index="theme", columns="association", values="share").fillna(0.0)
    fig, axes = plt.subplots(
        1, 2, figsize=(6 + 1.6 * len(counts.columns), 0.45 * len(counts) + 2.5), sharey=True
    )
    sns.heatmap(counts, annot=True, fmt="d", cmap="Blues", cbar=False, ax=axes[0])
    axes[0].set(title="问题数 · problems", xlabel="", ylabel="")
    vmax = max(shares.max().max(), 0.01)
    sns.heatmap(
        shares, annot=True, fmt=".0%", cmap="Blues", vmin=0, vmax=vmax, cbar=False, ax=axes[1]
    )
    axes[1].set(title="占本协会问题的比例 · share", xlabel="", ylabel="")
    for ax in axes:
        ax.tick_params(axis="x", rotation=30)
    if note:
        fig.suptitle(note)
    fig.tight_layout()
    return fig


#: adjusted residuals beyond this are drawn in the darkest colour of ``residual_heatmap``
RESIDUAL_COLOUR_LIMIT = 4.0
#: confidence → (legend label, colour) of ``confidence_bars`` (Paul Tol's bright blue, pale
#: blue and grey)
CONFIDENCE_BARS = {
    "n_high": ("高置信度 high", "#4477aa"),
    "n_low": ("低置信度 low", "#99ccee"),
    "n_unclassified": ("未归类 unclassified", OTHERS_COLOR),
}


def _residual_label(n: int, adjusted: float) -> str:
    """A cell of ``residual_heatmap``: its count over its adjusted residual, starred beyond ±1.96."""
    star = "*" if abs(adjusted) >= RESIDUAL_LIMIT else ""
    return f"{n}\n{adjusted:+.1f}{star}"


def residual_heatmap(
    residuals: pd.DataFrame, by: str = "association", drawn: Collection[str] | None = None
) -> Figure | None:
    """Themes × groups coloured by adjusted residual (red over-, blue under-represented), each
    cell annotated with its count and residual, starred beyond ±1.96.

    Parameters
    ----------
    residuals
        Rows of ``theme_stats.crosstab_residuals`` (or ``crosstab_statistics(...).residuals``).
    by
        The group column, one heatmap column per group.
    drawn
        The groups drawn (``overview.largest_associations``); None: every one. The residuals
        are those of the whole table whichever are drawn.

    Returns
    -------
    Figure or None
        None when there is nothing to compare (fewer than two groups, or two themes, with
        classified problems). When some groups are left out the title says how many of how
        many (``drawn_rows``).
    """
    cells = residuals[residuals["adjusted_residual"].notna()]
    if cells[by].nunique() < 2 or cells["theme"].nunique() < 2:
        return None
    cells, note = drawn_rows(cells, drawn, by)
    themes = [t for t in cells["theme"].cat.categories if t in set(cells["theme"])]
    adjusted = cells.pivot(index="theme", columns=by, values="adjusted_residual").reindex(themes)
    counts = cells.pivot(index="theme", columns=by, values="n").reindex(themes).astype(int)
    labels = [
        [_residual_label(n, r) for n, r in zip(row_n, row_r)]
        for row_n, row_r in zip(counts.to_numpy(), adjusted.to_numpy())
    ]
    fig, ax = plt.subplots(figsize=(5 + 1.5 * adjusted.shape[1], 0.55 * len(adjusted) + 2.5))
    limit = RESIDUAL_COLOUR_LIMIT
    sns.heatmap(
        adjusted, annot=labels, fmt="", cmap="RdBu_r", vmin=-limit, vmax=limit, center=0,
        cbar_kws={"label": "调整残差 adjusted residual"}, annot_kws={"fontsize": 8}, ax=ax,
    )  # fmt: skip
    ax.set(
        title=_titled(
            f"主题偏多（红）与偏少（蓝）· over / under-represented（* 为 |残差| ≥ {RESIDUAL_LIMIT}）",
            note,
        ),
        xlabel="",
        ylabel="",
    )
    ax.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    return fig


def confidence_bars(
    counts: pd.DataFrame, by: str = "association", drawn: Collection[str] | None = None
) -> Figure:
    """Each group's problems by how sure their theme is: high, low confidence, unclassified.

    Parameters
    ----------
    counts
        Rows of ``theme_stats.confidence_counts``.
    by
        Its group column, one bar per row.
    drawn
        The groups drawn (``overview.largest_associations``); None: every one.

    Returns
    -------
    Figure
        When some groups are left out the title says how many of how many (``drawn_rows``).
    """
    counts, note = drawn_rows(counts, drawn, by)
    bars = counts.set_index(by)[list(CONFIDENCE_BARS)].astype(int)
    bars.index = [str(g) for g in bars.index]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(bars) + 1.8))
    bars.rename(columns={k: v[0] for k, v in CONFIDENCE_BARS.items()}).plot.barh(
        stacked=True, ax=ax, width=0.7, color=[c for _, c in CONFIDENCE_BARS.values()]
    )
    for i, row in enumerate(bars.itertuples(index=False)):
        ax.text(sum(row) + 0.3, i, f"{row.n_high} / {sum(row)} 高", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, bars.sum(axis=1).max() * 1.3 + 1)
    title = _titled("主题的置信度 · theme confidence", note)
    ax.set(xlabel="问题数 · problems", ylabel="", title=title)
    _legend_outside(ax)
    fig.tight_layout()
    return fig


def _term_panels(
    data: pd.DataFrame,
    x: str,
    palette: Mapping[str, str],
    height: float,
    aspect: float,
    xlabel: str,
    drawn: Collection[str] | None = None,
) -> Figure:
    """One bar panel of terms per drawn association (at most three panels a row)."""
    data, note = drawn_rows(data, drawn)
    grid = sns.catplot(
        data=data,
        x=x,
        y="term",
        col="association",
        hue="association",
        palette=palette,
        kind="bar",
        sharey=False,
        col_wrap=min(3, max(1, data["association"].nunique())),
        height=height,
        aspect=aspect,
        legend=False,
    )
    grid.set_titles("{col_name}")
    grid.set_axis_labels(xlabel, "")
    if note:
        grid.figure.suptitle(note, y=1.02)
    return grid.figure


def top_term_bars(
    frequent: pd.DataFrame,
    palette: Mapping[str, str],
    top_n: int,
    drawn: Collection[str] | None = None,
) -> Figure:
    """The most frequent terms of each association, one panel per association.

    Parameters
    ----------
    frequent
        Rows of ``comparison.top_terms_by_association``.
    palette
        Association → colour.
    top_n
        Terms per panel (sets the panel height).
    drawn
        The associations drawn (``overview.largest_associations``); None: every one.

    Returns
    -------
    Figure
        When some associations are left out the figure's title says how many of how many
        (``drawn_rows``).
    """
    height = 0.22 * top_n + 1.5
    return _term_panels(frequent, "n", palette, height, 0.8, "次数 · count", drawn)


def key_term_bars(
    key_terms: pd.DataFrame,
    palette: Mapping[str, str],
    top: int,
    drawn: Collection[str] | None = None,
) -> Figure | None:
    """The terms each association over-uses (G²), one panel per association.

    Parameters
    ----------
    key_terms
        Rows of ``comparison.key_terms_by_association``.
    palette
        Association → colour.
    top
        Terms per panel (sets the panel height).
    drawn
        The associations drawn (``overview.largest_associations``); None: every one.

    Returns
    -------
    Figure or None
        None when there is nothing to compare (fewer than two associations). When some
        associations are left out the figure's title says how many of how many
        (``drawn_rows``).
    """
    if not len(key_terms):
        return None
    return _term_panels(key_terms, "statistic", palette, 0.3 * top + 1.5, 0.9, "G²", drawn)


def fact_stock_bars(concrete: pd.DataFrame, drawn: Collection[str] | None = None) -> Figure:
    """Share of each association's rectification text that is checkable fact, stock phrase or
    other, as stacked bars.

    Parameters
    ----------
    concrete
        Rows of ``concreteness.concreteness(corpus, by="association")``.
    drawn
        The associations drawn (``overview.largest_associations``); None: every one.

    Returns
    -------
    Figure
        When some associations are left out the title says how many of how many
        (``drawn_rows``).
    """
    concrete, note = drawn_rows(concrete, drawn)
    shares = (
        concrete.set_index("association")[["fact_share", "stock_share"]].astype(float).fillna(0.0)
    )
    shares["other"] = (1 - shares.sum(axis=1)).clip(lower=0)
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(shares) + 1.8))
    shares.rename(columns=FACT_LABELS).plot.barh(
        stacked=True, ax=ax, width=0.7, color=list(FACT_COLORS)
    )
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set(
        xlim=(0, 1),
        xlabel="整改文字的字符占比 · share of rectification text (characters)",
        ylabel="",
        title=_titled("事实与套话 · facts vs stock phrasing", note),
    )
    _legend_outside(ax)
    fig.tight_layout()
    return fig


def completion_vs_corpus(
    table: pd.DataFrame, palette: Mapping[str, str], association: str
) -> Figure:
    """Every association's completion rate, the profiled one in its colour and shaded.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table(corpus, by="association")``.
    palette
        Association → colour.
    association
        The association profiled.

    Returns
    -------
    Figure
        At most ``MAX_NOTICE_ROWS`` bars besides the profiled association's (the first rows;
        the title says so).
    """
    table, note = first_rows(table, keep=table["association"] == association)
    highlight = highlight_palette(palette, association)
    rates = pd.Series(
        table["completion_rate_of_stated"].astype(float).to_numpy(),
        index=_row_labels(table, "association"),
    )
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(rates) + 1.6))
    ax.barh(
        range(len(rates)),
        rates.fillna(0),
        color=[highlight.get(a, OTHERS_COLOR) for a in table["association"]],
    )
    ax.set_yticks(range(len(rates)), list(rates.index))
    for i, (r, row) in enumerate(zip(rates, table.itertuples(index=False))):
        label = format_rate_with_counts(
            row.n_completed, row.n_completed + row.n_in_progress, row.n_not_stated
        )
        ax.text((0 if pd.isna(r) else r) + 0.01, i, label, va="center", fontsize=9)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    emphasise(ax, list(table["association"]), association, palette[association])
    ax.set(
        xlim=(0, 1.6),
        xlabel="已完成 / 已说明状态 · completed of stated（括号内为问题数）",
        ylabel="",
        title=_titled(f"{association} 与其他协会的完成率 · completion vs corpus", note),
    )
    fig.tight_layout()
    return fig


def association_key_term_bars(
    key: pd.DataFrame, palette: Mapping[str, str], association: str, top: int = 15
) -> Figure | None:
    """The terms one association over-uses most (G²), in its colour.

    Parameters
    ----------
    key
        Rows of ``comparison.key_terms`` for the association.
    palette
        Association → colour.
    association
        Its name.
    top
        Terms shown.

    Returns
    -------
    Figure or None
        None when there is nothing to compare (``key`` is empty).
    """
    if not len(key):
        return None
    shown = over_used(key, top)
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(shown) + 1.5))
    sns.barplot(data=shown, x="statistic", y="term", color=palette[association], ax=ax)
    ax.set(xlabel="G²", ylabel="", title=f"{association} 的特有词 · key terms")
    fig.tight_layout()
    return fig


def association_timeline_bars(
    dates: pd.DataFrame, palette: Mapping[str, str], association: str
) -> Figure:
    """Days from feedback to report for every notice, the profiled association's in colour.

    Parameters
    ----------
    dates
        Rows of ``timeline.timeline``.
    palette
        Association → colour.
    association
        The association profiled.

    Returns
    -------
    Figure
        At most ``MAX_NOTICE_ROWS`` notices besides the profiled association's (the first
        ones; the title says so).
    """
    limit_days = _limit_of(dates)
    dates, note = first_rows(dates, "notice_id", dates["association"] == association, "份通报")
    highlight = highlight_palette(palette, association)
    labels = dates["association"] + "\n" + dates["notice_id"]  # one bar per notice
    days = dates["days_feedback_to_as_of"].astype("Float64")
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(days) + 1.6))
    colors = [highlight.get(a, OTHERS_COLOR) for a in dates["association"]]
    inferred = [is_inferred(s) for s in dates["as_of_source"]]
    bars = ax.barh(range(len(days)), days.fillna(0).astype(float), color=colors)
    for bar, guessed in zip(bars, inferred):
        if guessed:
            bar.set_hatch(INFERRED_HATCH)
    ax.set_yticks(range(len(days)), labels)
    for i, (d, guessed) in enumerate(zip(days, inferred)):
        text = "日期不全 dates missing" if pd.isna(d) else f"{int(d)} 天"
        text += "（推断：通报未写明日期）" if guessed and pd.notna(d) else ""
        ax.text((0 if pd.isna(d) else float(d)) + 2, i, text, va="center", fontsize=9)
    ax.axvline(
        limit_days,
        color=LIMIT_COLOR,
        linestyle="--",
        linewidth=1.2,
        label=f"{limit_days} 天时限 limit",
    )
    ax.invert_yaxis()
    ax.set(
        xlabel="反馈到通报的天数 · days from feedback to as-of date",
        ylabel="",
        title=_titled(f"{association} 的整改时间线 · timeline", note),
    )
    _legend_outside(ax)
    emphasise(ax, dates["association"], association, palette[association])
    fig.tight_layout()
    return fig
