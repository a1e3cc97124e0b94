"""The report figures, drawn from the bundled corpus's tables: one bar per row, the right labels,
the profiled association in colour and the others grey, nothing drawn when there is nothing to
compare."""

from __future__ import annotations

import re
import warnings

import matplotlib.colors as mcolors
import pandas as pd
import pytest
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from rectify_utils.analysis.comparison import (
    completion_by_theme,
    key_terms,
    key_terms_by_association,
    top_terms_by_association,
)
from rectify_utils.analysis.completion import completion_table
from rectify_utils.analysis.concreteness import concreteness
from rectify_utils.analysis.overview import outline_sizes, report_timeline
from rectify_utils.analysis.theme_stats import confidence_counts, crosstab_statistics
from rectify_utils.analysis.themes import category_crosstab
from rectify_utils.viz import figures
from rectify_utils.viz.font import setup_cjk_font
from rectify_utils.viz.palette import OTHERS_COLOR, STATUS_COLORS

GLYPH_WARNING = re.compile(r"glyph .* missing|missing glyph", re.IGNORECASE)


@pytest.fixture(scope="module", autouse=True)
def _cjk_font():
    setup_cjk_font()


@pytest.fixture(scope="module")
def table(corpus):
    return completion_table(corpus, by="association")


@pytest.fixture(scope="module")
def dates(corpus):
    return report_timeline(corpus)


def _bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0]


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _hex(patch) -> str:
    return mcolors.to_hex(patch.get_facecolor())


def _saves_without_missing_glyphs(fig: Figure, tmp_path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "figure.png")
    missing = [str(w.message) for w in caught if GLYPH_WARNING.search(str(w.message))]
    assert not missing, f"Chinese labels would show as boxes: {missing[:3]}"


def test_status_bars_write_each_rate_with_its_counts_at_the_bar_end(table, tmp_path):
    fig = figures.stacked_status_bars(table, "association", "各协会整改状态")
    ax = fig.axes[0]
    assert len(ax.patches) == 3 * len(table), "one segment per status and association"
    colours = {_hex(p) for p in ax.patches}
    assert colours == set(STATUS_COLORS.values())
    labels = dict(zip(table["association"], _texts(ax)))
    assert labels["东营市科协"] == "0%（0 / 4 已说明，7 未说明）", (
        "a rate of 0% must show it rests on 4 stated problems while 7 state none"
    )
    assert labels["立山区科协"].startswith("未说明"), "no status stated: no rate, never 0%"
    assert labels["石龙区科协"] == "100%（11 / 11 已说明）"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(table["association"])
    _saves_without_missing_glyphs(fig, tmp_path)


def test_status_bars_by_theme_take_one_row_per_theme(corpus):
    by_theme = completion_by_theme(corpus)
    ax = figures.stacked_status_bars(by_theme, "theme", "各主题整改状态").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(t) for t in by_theme["theme"]]


def test_timeline_draws_the_limit_of_its_table_and_each_notices_days(dates, palette, tmp_path):
    fig = figures.plot_timeline(dates, palette, "时间线")
    ax = fig.axes[0]
    limit_lines = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert [line.get_xdata()[0] for line in limit_lines] == [60]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "60 天时限 limit" in labels
    assert "69 天（推断：文中最晚的日期）" in _texts(ax), "an inferred date is labelled inferred"
    assert "106 天（截至日期）" in _texts(ax)
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1, "only the notice with an inferred date has a hatched bar"
    _saves_without_missing_glyphs(fig, tmp_path)


def test_a_figure_has_alt_text_naming_its_title_axis_and_rows(table):
    fig = figures.stacked_status_bars(table, "association", "各协会整改状态")
    alt = figures.figure_alt(fig)
    assert (
        alt.startswith("图：各协会整改状态")
        and "东营市科协" in alt
        and alt.endswith("数据见图下的表。")
    )


def test_timeline_follows_another_limit_given_to_the_timeline(corpus, palette):
    ax = figures.plot_timeline(report_timeline(corpus, limit_days=90), palette, "t").axes[0]
    assert [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == "--"] == [90]


def test_outline_size_bars_have_a_panel_per_level_and_a_bar_per_notice(corpus, palette):
    sizes = outline_sizes(corpus)
    fig = figures.outline_size_bars(sizes, palette)
    assert [ax.get_title() for ax in fig.axes] == ["方面 aspects", "问题 problems", "措施 measures"]
    problems = fig.axes[1]
    assert sorted(round(p.get_width()) for p in problems.patches) == sorted(
        int(n) for n in corpus.notices["n_problems"]
    )


def test_theme_heatmaps_annotate_every_count(corpus):
    crosstab = category_crosstab(corpus, by="association")
    fig = figures.theme_heatmaps(crosstab)
    counts, shares = fig.axes[:2]
    assert sum(int(t) for t in _texts(counts)) == len(corpus.problems)
    assert all(t.endswith("%") for t in _texts(shares))


def test_residual_heatmap_stars_exactly_the_over_and_under_represented_cells(corpus):
    residuals, _ = crosstab_statistics(corpus, by="association", n_permutations=0)
    fig = figures.residual_heatmap(residuals, by="association")
    ax = fig.axes[0]
    cells = [t for t in _texts(ax) if "\n" in t]
    classified = residuals[residuals["adjusted_residual"].notna()]
    assert len(cells) == len(classified), "one annotated cell per theme present and body"
    assert sum(int(t.split("\n")[0]) for t in cells) == classified["n"].sum()
    starred = sum(t.endswith("*") for t in cells)
    assert starred == residuals["deviation"].notna().sum() > 0, (
        "the stars must mark the cells beyond ±1.96, no more and no fewer"
    )
    assert [t.get_text() for t in ax.get_xticklabels()] == sorted(corpus.associations)


def test_residual_heatmap_draws_nothing_with_one_kind_of_body(corpus):
    residuals, _ = crosstab_statistics(corpus, by="unit_kind", n_permutations=0)
    assert figures.residual_heatmap(residuals, by="unit_kind") is None, (
        "the five bundled notices are all 科协: there is no other kind to compare with"
    )


def test_confidence_bars_stack_every_problem_of_each_body(corpus):
    counts = confidence_counts(corpus)
    fig = figures.confidence_bars(counts)
    ax = fig.axes[0]
    assert sum(b.get_width() for b in _bars(ax)) == len(corpus.problems)
    high = {_hex(b) for b in _bars(ax)} & {figures.CONFIDENCE_BARS["n_high"][1]}
    assert high, "high-confidence problems are drawn in their colour"
    assert [t.get_text() for t in ax.get_yticklabels()] == counts["association"].tolist()


def test_term_bars_have_one_panel_per_association(corpus, palette):
    frequent = top_terms_by_association(corpus, 5)
    fig = figures.top_term_bars(frequent, palette, 5)
    assert sorted(ax.get_title() for ax in fig.axes) == sorted(corpus.associations)
    assert all(len(ax.patches) <= 5 for ax in fig.axes)


def test_key_term_bars_draw_nothing_without_another_association_to_compare(corpus, palette):
    assert (
        figures.key_term_bars(
            key_terms_by_association(corpus.select(["新野县科协"]), 8), palette, 8
        )
        is None
    )
    fig = figures.key_term_bars(key_terms_by_association(corpus, 8), palette, 8)
    assert len(fig.axes) == len(corpus.associations)


def test_fact_bars_split_each_association_into_facts_stock_and_other(corpus):
    concrete = concreteness(corpus, by="association")
    ax = figures.fact_stock_bars(concrete).axes[0]
    per_row = {}
    for patch in ax.patches:
        row = round(patch.get_y() + patch.get_height() / 2)
        per_row[row] = per_row.get(row, 0) + patch.get_width()
    assert len(per_row) == len(concrete)
    assert all(total == pytest.approx(1.0) for total in per_row.values()), (
        "shares must add to 100 %"
    )


def test_completion_vs_corpus_colours_only_the_profiled_association(table, palette):
    fig = figures.completion_vs_corpus(table, palette, "新野县科协")
    ax = fig.axes[0]
    bars = dict(zip(table["association"], _bars(ax)))
    assert _hex(bars["新野县科协"]) == palette["新野县科协"]
    assert {_hex(b) for a, b in bars.items() if a != "新野县科协"} == {OTHERS_COLOR}
    assert any(t.startswith("未说明（0 / 0") for t in _texts(ax)), (
        "立山区科协 states no status: no rate, not 0%"
    )
    assert len(ax.patches) == len(table) + 1, "one bar per association and one shaded row"


def test_emphasise_shades_the_rows_of_one_association(palette):
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    figures.emphasise(ax, ["东营市科协", "新野县科协", "新野县科协"], "新野县科协", "#123456")
    shaded = [p for p in ax.patches if _hex(p) == "#123456"]
    assert len(shaded) == 2


def test_association_key_terms_are_drawn_in_its_colour_or_not_at_all(corpus, palette):
    key = key_terms(corpus, "新野县科协")
    fig = figures.association_key_term_bars(key, palette, "新野县科协", top=15)
    bars = fig.axes[0].patches
    own = mcolors.to_hex(sns.desaturate(palette["新野县科协"], 0.75))  # seaborn's bar saturation
    assert len(bars) == 15 and {_hex(b) for b in bars} == {own}
    alone = corpus.select(["新野县科协"])
    assert (
        figures.association_key_term_bars(key_terms(alone, "新野县科协"), palette, "新野县科协")
        is None
    )


def test_association_timeline_marks_missing_dates_and_the_limit(dates, palette):
    gap = dates.copy()
    gap.loc[0, "days_feedback_to_as_of"] = pd.NA
    ax = figures.association_timeline_bars(gap, palette, str(gap.loc[1, "association"])).axes[0]
    assert _texts(ax)[0] == "日期不全 dates missing"
    assert _texts(ax)[1] == f"{int(gap.loc[1, 'days_feedback_to_as_of'])} 天"
    assert [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == "--"] == [60]


def _many_notices(frame: pd.DataFrame, copies: int) -> pd.DataFrame:
    """``frame`` repeated with new notice ids (``n0-<id>``, ``n1-<id>``…): a large corpus."""
    parts = [
        frame.assign(notice_id=f"n{i}-" + frame["notice_id"].astype(str)) for i in range(copies)
    ]
    return pd.concat(parts, ignore_index=True)


def test_a_timeline_of_many_notices_draws_the_first_and_says_how_many_it_left_out(dates, palette):
    many = _many_notices(dates, 10)  # 50 notices
    ax = figures.plot_timeline(many, palette, "时间线").axes[0]
    cap = figures.MAX_NOTICE_ROWS
    assert len(ax.get_yticks()) == cap, "one row per notice up to the cap"
    assert ax.get_title() == f"时间线（图中为其中 {cap} 份通报，共 50 份通报；全部见下表）"
    assert ax.figure.get_size_inches()[1] < 40, "a 1,000-notice timeline was 700 inches tall"


def test_outline_size_bars_of_many_notices_draw_the_first_and_say_so(corpus, palette):
    many = _many_notices(outline_sizes(corpus), 10)
    many["notice"] = many["association"] + "\n" + many["notice_id"]
    fig = figures.outline_size_bars(many, palette)
    assert len(fig.axes[0].get_yticklabels()) == figures.MAX_NOTICE_ROWS
    assert "共 50 份通报" in fig._suptitle.get_text(), "the figure must say notices were left out"


def test_a_profile_chart_of_many_notices_keeps_every_row_of_the_profiled_association(
    table, dates, palette
):
    many = _many_notices(table.assign(notice_id=table["association"]), 10).drop(columns="notice_id")
    last = many["association"].iloc[-1]
    ax = figures.completion_vs_corpus(many, palette, last).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels.count(last) == (many["association"] == last).sum(), (
        "the profiled association's bars must all be drawn, even past the cap"
    )
    assert len(labels) <= figures.MAX_NOTICE_ROWS + labels.count(last)
    assert "全部见下表" in ax.get_title()
    timeline = figures.association_timeline_bars(_many_notices(dates, 10), palette, last).axes[0]
    assert "共 50 份通报" in timeline.get_title()


# --- figures with one panel, column or bar per association: the largest drawn ---------------------

#: the two bundled associations with the most problems (新野县科协 31, 罗庄区科协 21)
TWO_LARGEST = ["新野县科协", "罗庄区科协"]
LEFT_OUT_NOTE = "图中为问题最多的 2 个单位，共 5 个单位；全部见下表"


def test_drawn_rows_keep_the_drawn_associations_in_table_order_and_say_how_many_are_left(table):
    rows, note = figures.drawn_rows(table, ["罗庄区科协", "新野县科协"])
    assert rows["association"].tolist() == [a for a in table["association"] if a in TWO_LARGEST]
    assert note == LEFT_OUT_NOTE
    assert figures.drawn_rows(table, None) == (table, "")
    every, none_left = figures.drawn_rows(table, [*table["association"], "不在表中的单位"])
    assert every is table and none_left == "", "nothing left out: the table as it is, no note"


def test_theme_heatmaps_draw_one_column_per_drawn_association_and_say_the_rest(corpus):
    crosstab = category_crosstab(corpus, by="association")
    fig = figures.theme_heatmaps(crosstab, TWO_LARGEST)
    counts = fig.axes[0]
    assert sorted(t.get_text() for t in counts.get_xticklabels()) == sorted(TWO_LARGEST)
    assert sum(int(t) for t in _texts(counts)) == 31 + 21
    assert fig._suptitle.get_text() == LEFT_OUT_NOTE
    assert figures.theme_heatmaps(crosstab, corpus.associations)._suptitle is None


def test_residual_heatmap_of_the_drawn_associations_keeps_the_whole_tables_residuals(corpus):
    residuals, _ = crosstab_statistics(corpus, by="association", n_permutations=0)
    ax = figures.residual_heatmap(residuals, by="association", drawn=TWO_LARGEST).axes[0]
    assert sorted(t.get_text() for t in ax.get_xticklabels()) == sorted(TWO_LARGEST)
    drawn = residuals[residuals["association"].isin(TWO_LARGEST)]
    drawn = drawn[drawn["adjusted_residual"].notna()]
    labels = {figures._residual_label(n, r) for n, r in zip(drawn["n"], drawn["adjusted_residual"])}
    assert {t for t in _texts(ax) if "\n" in t} == labels, "residuals of the full crosstab"
    assert ax.get_title().endswith(f"（{LEFT_OUT_NOTE}）")


def test_confidence_and_fact_bars_draw_one_bar_per_drawn_association(corpus):
    confidence = figures.confidence_bars(confidence_counts(corpus), drawn=TWO_LARGEST).axes[0]
    assert [t.get_text() for t in confidence.get_yticklabels()] == [
        a for a in confidence_counts(corpus)["association"] if a in TWO_LARGEST
    ]
    assert sum(b.get_width() for b in _bars(confidence)) == 31 + 21
    assert confidence.get_title() == f"主题的置信度 · theme confidence（{LEFT_OUT_NOTE}）"
    concrete = concreteness(corpus, by="association")
    facts = figures.fact_stock_bars(concrete, TWO_LARGEST).axes[0]
    assert len(facts.get_yticklabels()) == 2 and LEFT_OUT_NOTE in facts.get_title()


def test_term_bars_draw_one_panel_per_drawn_association(corpus, palette):
    top = figures.top_term_bars(top_terms_by_association(corpus, 5), palette, 5, TWO_LARGEST)
    assert sorted(ax.get_title() for ax in top.axes) == sorted(TWO_LARGEST)
    assert top._suptitle.get_text() == LEFT_OUT_NOTE
    key = figures.key_term_bars(key_terms_by_association(corpus, 8), palette, 8, TWO_LARGEST)
    assert sorted(ax.get_title() for ax in key.axes) == sorted(TWO_LARGEST)
    assert key._suptitle.get_text() == LEFT_OUT_NOTE


def test_a_corpus_of_more_associations_than_the_cap_gets_capped_heatmaps(tmp_path):
    from rectify_utils import load_corpus
    from rectify_utils.analysis import findings
    from rectify_utils.analysis.overview import largest_associations
    from rectify_utils.synth import write_synthetic_corpus

    synthetic = load_corpus(write_synthetic_corpus(40, seed=3, out_dir=tmp_path))
    many = len(synthetic.associations)
    assert many > 20, "the synthetic corpus should have more associations than the cap"
    drawn = largest_associations(synthetic, 20)
    crosstab = category_crosstab(synthetic, by="association")
    fig = figures.theme_heatmaps(crosstab, drawn)
    assert len(fig.axes[0].get_xticklabels()) == 20
    assert fig.get_size_inches()[0] < 6 + 1.6 * 21, "as wide as 20 columns, not one per body"
    shown = crosstab["association"].nunique()
    assert fig._suptitle.get_text() == f"图中为问题最多的 20 个单位，共 {shown} 个单位；全部见下表"
    sentence = findings.corpus_size(synthetic, drawn)
    assert sentence.numbers["n_left_out"] == many - 20
    assert f"其余 {many - 20} 个单位（{sentence.numbers['n_problems_left_out']} 个问题）" in str(
        sentence
    )
