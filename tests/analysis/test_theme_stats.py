"""KH Coder's crosstab statistics of the themes, the confidence tables and their sentences; the
categories report's comparison of a 科协 with a 局 and a 群团 body."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency
from written_notices import notice_file

from rectify_utils import load_corpus
from rectify_utils.analysis.findings import (
    low_confidence_themes,
    over_under_finding,
    unclassified_finding,
    unclassified_titles,
)
from rectify_utils.analysis.theme_stats import (
    confidence_counts,
    crosstab_chi2,
    crosstab_residuals,
    crosstab_statistics,
    crosstab_test,
    low_confidence_problems,
    residual_rows,
    unclassified_problems,
)
from rectify_utils.analysis.themes import UNCLASSIFIED, category_crosstab, classify_problems

#: one 科协, one 局 and one 群团 body, as the categories report compares them
THREE_BODIES = ["kx_tongxi_county_outline4", "tjj_jiangyu_city_arabic", "gh_fenghe_county_nextline"]


@pytest.fixture(scope="module")
def three_bodies():
    return load_corpus([notice_file(stem) for stem in THREE_BODIES])


def _toy_crosstab(scale: int = 1) -> pd.DataFrame:
    """Two groups × three themes, plus unclassified cells that no test may count; ``scale``
    multiplies every count."""
    rows = [
        ("甲", "T01", 8),
        ("甲", "T02", 2),
        ("甲", "T03", 0),
        ("甲", UNCLASSIFIED, 3),
        ("乙", "T01", 1),
        ("乙", "T02", 5),
        ("乙", "T03", 4),
        ("乙", UNCLASSIFIED, 0),
    ]
    codes = pd.CategoricalDtype(["T01", "T02", "T03", UNCLASSIFIED])
    frame = pd.DataFrame(rows, columns=["association", "theme_code", "n"])
    frame["theme_code"] = frame["theme_code"].astype(codes)
    frame["theme"] = frame["theme_code"].astype("string").astype("category")
    frame["n"] = (frame["n"] * scale).astype("Int64")
    return frame


def test_residuals_are_pearson_and_haberman_as_scipy_computes_them():
    table = crosstab_residuals(_toy_crosstab())
    observed = np.array([[8, 2, 0], [1, 5, 4]], dtype=float)
    _, _, _, expected = chi2_contingency(observed, correction=False)
    cells = table[table["theme_code"] != UNCLASSIFIED]
    np.testing.assert_allclose(cells["expected"].to_numpy(), expected.ravel())
    pearson = (observed - expected) / np.sqrt(expected)
    np.testing.assert_allclose(cells["residual"].to_numpy(), pearson.ravel())
    rows, cols, n = observed.sum(1), observed.sum(0), observed.sum()
    adjusted = (observed - expected) / np.sqrt(expected * np.outer(1 - rows / n, 1 - cols / n))
    np.testing.assert_allclose(cells["adjusted_residual"].to_numpy(), adjusted.ravel())
    assert table.loc[table["theme_code"] == UNCLASSIFIED, "expected"].isna().all(), (
        "unclassified is not a theme: its cells carry no expected count"
    )
    over = table.loc[table["deviation"] == "over", ["association", "theme_code"]]
    assert ("甲", "T01") in set(map(tuple, over.astype(str).to_numpy())), (
        "甲 has 8 of its 10 classified problems in T01, against 1 of 乙's 10: over-represented"
    )


def test_chi2_per_theme_and_for_the_table_match_scipy():
    crosstab = _toy_crosstab()
    per_theme = crosstab_chi2(crosstab).set_index("theme_code")
    assert UNCLASSIFIED not in per_theme.index
    t01 = np.array([[8, 1], [2, 9]], dtype=float)  # in T01 or not, per group
    stat, p, df, _ = chi2_contingency(t01, correction=False)
    assert per_theme.loc["T01", "chi2"] == pytest.approx(stat)
    assert per_theme.loc["T01", "p"] == pytest.approx(p) and per_theme.loc["T01", "df"] == df
    whole = crosstab_test(crosstab, n_permutations=500)
    stat, p, df, _ = chi2_contingency(np.array([[8, 2, 0], [1, 5, 4]]), correction=False)
    row = whole.iloc[0]
    assert row["chi2"] == pytest.approx(stat) and row["p"] == pytest.approx(p) and row["df"] == df
    assert 0 < row["p_monte_carlo"] < 0.05, "so uneven a table is unlikely by chance"
    assert crosstab_test(crosstab, n_permutations=500).equals(whole), "the seed fixes the p-value"
    assert row["share_expected_below_5"] > 0.2


def test_confidence_counts_and_review_tables(corpus):
    classified = classify_problems(corpus)
    counts = confidence_counts(classified)
    assert (counts["n"] == counts["n_high"] + counts["n_low"] + counts["n_unclassified"]).all()
    assert counts["n"].sum() == len(corpus.problems)
    low = low_confidence_problems(classified)
    assert len(low) == counts["n_low"].sum()
    assert (low["theme_code"].astype("string") != UNCLASSIFIED).all()
    assert unclassified_problems(corpus).empty, "every bundled problem matches some rule"
    finding = unclassified_finding(counts)
    assert finding.numbers["n"] == 80 and "80 个问题中" in str(finding)


def test_unclassified_problems_are_listed_not_hidden():
    frame = pd.DataFrame(
        {
            "notice_id": ["n1", "n1"],
            "association": ["某县统计局", "某县统计局"],
            "problem_no": pd.array([1, 2], dtype="Int64"),
            "title": ["天气晴朗，万里无云", "统计调查数据质量把关不严"],
        }
    )
    left = unclassified_problems(frame)
    assert left["title"].tolist() == ["天气晴朗，万里无云"]
    assert left["unit_kind"].tolist() == ["政府部门"]
    counts = confidence_counts(frame)
    assert counts[["n", "n_high", "n_unclassified"]].iloc[0].tolist() == [2, 1, 1]
    assert "最多的是某县统计局（1 个）" in str(unclassified_finding(counts))


def test_the_report_compares_a_kexie_a_bureau_and_a_mass_organisation(three_bodies):
    crosstab = category_crosstab(three_bodies, by="association")
    assert set(crosstab["association"]) == {"桐溪县科协", "江屿市统计局", "丰禾县总工会"}
    by_kind = category_crosstab(three_bodies, by="unit_kind")
    assert set(by_kind["unit_kind"]) == {"科协", "政府部门", "工会"}
    residuals = crosstab_residuals(crosstab)
    test = crosstab_test(crosstab)
    finding = over_under_finding(residuals, test)
    shares = crosstab.pivot_table(
        index="association", columns="theme_code", values="n", observed=True
    )
    assert shares.loc["江屿市统计局", "T13"] > 0, "a 统计局's own line of work is T13"
    assert shares.loc["桐溪县科协", "T13"] == 0, "a 科协's work is coded T03–T06, never T13"
    assert "χ²" in str(finding) and finding.numbers["df"] == int(test.loc[0, "df"])
    assert "蒙特卡洛" in str(finding), "with so few problems the Monte Carlo p must be shown"


def test_the_report_compares_kinds_of_body_with_the_problems_behind_each_cell(three_bodies):
    residuals, test = crosstab_statistics(three_bodies, by="unit_kind")
    assert set(residuals["unit_kind"]) == {"科协", "政府部门", "工会"}
    assert (residuals["problems"].map(len) == residuals["n"]).all(), (
        "a cell of the residual table must link to exactly the problems it counts"
    )
    stats = crosstab_test(category_crosstab(three_bodies, by="unit_kind"), by="unit_kind")
    assert test.equals(stats), "crosstab_statistics tests the same table as crosstab_test"
    finding = over_under_finding(residuals, test, by="unit_kind")
    assert finding.numbers["groups"] == ["工会", "政府部门", "科协"]
    assert test.loc[0, "share_expected_below_5"] > 0.2, "20 problems over 3 kinds: small cells"
    assert "χ² 近似不可靠" in str(finding) and "只作提示" in str(finding), (
        "with most cells expecting fewer than 5 problems the report must not overclaim"
    )


def test_large_counts_need_no_caveat_and_show_the_deviating_cells():
    crosstab = _toy_crosstab(scale=10)
    residuals, test = crosstab_residuals(crosstab), crosstab_test(crosstab, n_permutations=200)
    finding = over_under_finding(residuals, test)
    assert test.loc[0, "share_expected_below_5"] == 0
    assert "不可靠" not in str(finding), "every cell expects ≥ 5 problems: the χ² p holds"
    assert ("甲", "T01", 80, 45.0) in finding.numbers["over"]
    assert "甲的“T01”（80 个，期望 45.0）" in str(finding)


def test_one_kind_of_body_cannot_be_compared(corpus):
    residuals, test = crosstab_statistics(corpus, by="unit_kind", n_permutations=0)
    finding = over_under_finding(residuals, test, by="unit_kind")
    assert str(finding).startswith("主题分布无法检验：比较 1 组（科协）"), (
        "five 科协 notices are one kind of body: nothing to test, and the sentence says why"
    )


def test_nothing_classified_cannot_be_compared():
    frame = pd.DataFrame(
        {
            "notice_id": ["n1", "n2"],
            "association": ["某县统计局", "某县总工会"],
            "problem_no": pd.array([1, 1], dtype="Int64"),
            "title": ["天气晴朗，万里无云", "风和日丽"],
        }
    )
    residuals, test = crosstab_statistics(frame, n_permutations=0)
    assert residual_rows(residuals).empty
    assert str(over_under_finding(residuals, test)) == "主题分布无法检验：没有已归类的问题。"


def test_residual_rows_put_the_deviating_cells_first_and_drop_empty_ones():
    residuals = crosstab_residuals(_toy_crosstab())
    rows = residual_rows(residuals)
    deviating = rows["deviation"].notna()
    assert deviating.any() and deviating.iloc[: deviating.sum()].all()
    assert (rows["theme_code"].astype("string") != UNCLASSIFIED).all()
    kept = (rows["n"] > 0) | deviating
    assert kept.all(), "an empty cell is listed only when it is significantly under-represented"
    strength = rows.loc[deviating, "adjusted_residual"].abs()
    assert strength.is_monotonic_decreasing


def test_review_sentences_name_the_problems_and_themes():
    frame = pd.DataFrame(
        {
            "notice_id": ["n1", "n1", "n1"],
            "association": ["某县统计局"] * 3,
            "problem_no": pd.array([1, 2, 3], dtype="Int64"),
            "title": ["天气晴朗，万里无云", "风和日丽", "统计数据审核把关不严"],
        }
    )
    left = unclassified_titles(unclassified_problems(frame))
    assert left.numbers["n"] == 2
    assert "「天气晴朗，万里无云」「风和日丽」共 2 个（某县统计局）" in str(left)
    assert "没有未归类" in str(unclassified_titles(unclassified_problems(frame.iloc[2:])))
    low = pd.DataFrame({"theme": pd.Categorical(["作风建设", "作风建设", "财务与资产管理"])})
    finding = low_confidence_themes(low)
    assert finding.numbers["most"] == ["作风建设"]
    assert "最多的是「作风建设」（2 个）" in str(finding)
    tied = low_confidence_themes(low.iloc[1:])
    assert "并列最多的是「作风建设」「财务与资产管理」（各 1 个）" in str(tied)
