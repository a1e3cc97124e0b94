"""The theme crosstab's statistics, as in KH Coder, and the problems a reader should review.

``category_crosstab`` counts each group's problems per theme; here

- ``crosstab_residuals`` adds each cell's expected count and its standardized (Pearson) and
  adjusted (Haberman) residuals: which theme is over- or under-represented in which body;
- ``crosstab_chi2`` tests each theme across the groups (KH Coder's χ² per code, 2 × groups);
- ``crosstab_test`` tests the whole table (χ², Cramér's V and a Monte Carlo p-value, which stays
  valid when most cells expect fewer than 5 problems, as they do for a handful of notices);
- ``confidence_counts``, ``unclassified_problems`` and ``low_confidence_problems`` show how
  sure the classification is, and the problems to read by hand;
- ``over_under_finding`` and ``unclassified_finding`` are the sentences the report prints.

``unclassified`` is not a theme: its cells are kept in the tables but left out of the tests.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import chi2 as chi2_distribution

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .findings import Finding
from .themes import DEFAULT_TAXONOMY, UNCLASSIFIED, classify_problems

#: adjusted residuals beyond ±1.96 mark a cell over / under-represented at the 5 % level
RESIDUAL_LIMIT = 1.96
DEVIATION_DTYPE = pd.CategoricalDtype(["over", "under"])
#: permutations behind the Monte Carlo p-value of ``crosstab_test``
N_PERMUTATIONS = 2000
SEED = 12


def _counts(crosstab: pd.DataFrame, by: str) -> pd.DataFrame:
    """Groups × themes (codes), without ``unclassified`` and without empty rows or columns."""
    table = crosstab[crosstab["theme_code"].astype("string") != UNCLASSIFIED]
    counts = table.pivot_table(
        index=by, columns="theme_code", values="n", aggfunc="sum", observed=True, sort=False
    ).astype(float)
    counts = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    return counts


def _two_sided_p(z: np.ndarray) -> np.ndarray:
    return np.vectorize(lambda v: math.erfc(abs(v) / math.sqrt(2)) if np.isfinite(v) else np.nan)(z)


def crosstab_residuals(crosstab: pd.DataFrame, by: str = "association") -> pd.DataFrame:
    """The crosstab with each cell's expected count and residuals, as KH Coder's heatmap shows.

    Parameters
    ----------
    crosstab : pd.DataFrame
        Rows of ``themes.category_crosstab(corpus, by=by)``.
    by : str, default "association"
        The crosstab's group column (``"association"``, ``"unit_kind"``, …).

    Returns
    -------
    pd.DataFrame
        The crosstab's rows and columns, in its order, with:

        - ``expected`` (float64): row total × theme total / all problems
        - ``residual`` (float64): standardized (Pearson) residual (n − expected) / √expected
        - ``adjusted_residual`` (float64): Haberman's adjusted residual, ≈ N(0, 1) when the
          theme is spread as in the whole table
        - ``p`` (float64): two-sided normal p-value of the adjusted residual
        - ``deviation`` (category ``over`` / ``under``): the adjusted residual beyond ±1.96;
          <NA> within

        Cells of ``unclassified``, of a theme no group has, or of a group without classified
        problems have NaN (and <NA>) there.

    Examples
    --------
    >>> table = crosstab_residuals(category_crosstab(corpus, by="association"))
    >>> table.loc[table["deviation"].notna(), ["association", "theme", "n", "expected"]]
    """
    counts = _counts(crosstab, by)
    total = counts.to_numpy().sum()
    rows, cols = counts.sum(axis=1).to_numpy(), counts.sum(axis=0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.outer(rows, cols) / total if total else np.zeros(counts.shape)
        residual = (counts.to_numpy() - expected) / np.sqrt(expected)
        shrink = np.outer(1 - rows / total, 1 - cols / total) if total else np.zeros(counts.shape)
        adjusted = (counts.to_numpy() - expected) / np.sqrt(expected * shrink)
    cells = pd.DataFrame(
        {
            by: np.repeat(counts.index.astype("string"), counts.shape[1]),
            "theme_code": np.tile(counts.columns.astype("string"), counts.shape[0]),
            "expected": expected.ravel(),
            "residual": residual.ravel(),
            "adjusted_residual": adjusted.ravel(),
        }
    )
    out = crosstab.assign(_code=crosstab["theme_code"].astype("string")).merge(
        cells.rename(columns={"theme_code": "_code"}), on=[by, "_code"], how="left"
    )
    out = out.drop(columns="_code")
    out["p"] = _two_sided_p(out["adjusted_residual"].to_numpy(dtype=float))
    adj = out["adjusted_residual"]
    out["deviation"] = pd.Series(
        np.where(adj >= RESIDUAL_LIMIT, "over", np.where(adj <= -RESIDUAL_LIMIT, "under", None)),
        index=out.index,
        dtype=DEVIATION_DTYPE,
    )
    return out.set_axis(crosstab.index)


def _chi2(observed: np.ndarray) -> tuple[float, int, float]:
    """Pearson's χ² of a contingency table, its degrees of freedom and p-value."""
    rows, cols = observed.sum(axis=1), observed.sum(axis=0)
    total = observed.sum()
    expected = np.outer(rows, cols) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = float(np.nansum(np.where(expected > 0, (observed - expected) ** 2 / expected, 0)))
    df = (int((rows > 0).sum()) - 1) * (int((cols > 0).sum()) - 1)
    return stat, df, float(chi2_distribution.sf(stat, df)) if df > 0 else np.nan


def crosstab_chi2(crosstab: pd.DataFrame, by: str = "association") -> pd.DataFrame:
    """KH Coder's χ² test per theme: does its share differ between the groups?

    Parameters
    ----------
    crosstab : pd.DataFrame
        Rows of ``themes.category_crosstab(corpus, by=by)``.
    by : str, default "association"
        The crosstab's group column.

    Returns
    -------
    pd.DataFrame
        One row per theme of the crosstab (``unclassified`` left out), in its order:
        ``theme_code``, ``theme`` (category), ``n`` (Int64, the theme's problems), ``chi2``
        (float64, of the 2 × groups table: in this theme or in another), ``df`` (Int64), ``p``
        (float64), ``min_expected`` (float64: below 5, the χ² approximation is rough) and
        ``significant`` (bool, p < 0.05). NaN where the theme has no problem.
    """
    classified = crosstab[crosstab["theme_code"].astype("string") != UNCLASSIFIED]
    groups = classified.groupby(by, observed=True)["n"].sum()
    rows = []
    for (code, theme), part in crosstab.groupby(["theme_code", "theme"], observed=True, sort=False):
        if str(code) == UNCLASSIFIED:
            continue
        inside = part.set_index(by)["n"].reindex(groups.index, fill_value=0).to_numpy(float)
        observed = np.vstack([inside, groups.to_numpy(float) - inside])
        stat, df, p = _chi2(observed) if inside.sum() else (np.nan, 0, np.nan)
        outer = np.outer(observed.sum(axis=1), observed.sum(axis=0))
        low = outer.min() / observed.sum() if inside.sum() else np.nan
        rows.append((code, theme, int(inside.sum()), stat, df, p, low))
    columns = ["theme_code", "theme", "n", "chi2", "df", "p", "min_expected"]
    out = pd.DataFrame(rows, columns=columns)
    out["theme_code"] = out["theme_code"].astype(crosstab["theme_code"].dtype)
    out["theme"] = out["theme"].astype(crosstab["theme"].dtype)
    out = out.astype({"n": "Int64", "df": "Int64", "chi2": "float64", "p": "float64"})
    out["significant"] = (out["p"] < 0.05).fillna(False).astype(bool)
    return out


def _permutation_p(counts: np.ndarray, stat: float, n_permutations: int, seed: int) -> float:
    """Share of tables with the same margins, theme labels shuffled, whose χ² is ≥ ``stat``."""
    rows, cols = counts.shape
    group = np.repeat(np.arange(rows), counts.sum(axis=1).astype(int))
    theme = np.repeat(
        np.tile(np.arange(cols), rows), counts.ravel().astype(int)
    )  # one entry per problem
    rng = np.random.default_rng(seed)
    hits = 0
    for _ in range(n_permutations):
        table = np.bincount(group * cols + rng.permutation(theme), minlength=rows * cols)
        hits += _chi2(table.reshape(rows, cols).astype(float))[0] >= stat - 1e-9
    return (hits + 1) / (n_permutations + 1)


def crosstab_test(
    crosstab: pd.DataFrame,
    by: str = "association",
    n_permutations: int = N_PERMUTATIONS,
    seed: int = SEED,
) -> pd.DataFrame:
    """χ² test of the whole groups × themes table, with Cramér's V and a Monte Carlo p-value.

    Parameters
    ----------
    crosstab : pd.DataFrame
        Rows of ``themes.category_crosstab(corpus, by=by)``.
    by : str, default "association"
        The crosstab's group column.
    n_permutations : int, default 2000
        Tables drawn with the same margins for the Monte Carlo p-value; 0 skips it.
    seed : int, default 12
        Seed of those draws, so the p-value is the same on every run.

    Returns
    -------
    pd.DataFrame
        One row: ``n`` (Int64, classified problems), ``n_groups``, ``n_themes`` (Int64, with
        problems), ``chi2`` (float64), ``df`` (Int64), ``p`` (float64, χ² distribution),
        ``p_monte_carlo`` (float64; NaN when skipped), ``cramers_v`` (float64),
        ``share_expected_below_5`` (float64: the share of cells expecting fewer than 5 problems;
        above 0.2 trust ``p_monte_carlo`` rather than ``p``).
    """
    counts = _counts(crosstab, by).to_numpy()
    n = int(counts.sum())
    if counts.size == 0 or min(counts.shape) < 2:
        stat, df, p, mc, v, small = np.nan, 0, np.nan, np.nan, np.nan, np.nan
    else:
        stat, df, p = _chi2(counts)
        mc = _permutation_p(counts, stat, n_permutations, seed) if n_permutations else np.nan
        v = math.sqrt(stat / (n * (min(counts.shape) - 1)))
        small = float((np.outer(counts.sum(1), counts.sum(0)) / n < 5).mean())
    row = {
        "n": n,
        "n_groups": counts.shape[0],
        "n_themes": counts.shape[1] if counts.ndim == 2 else 0,
        "chi2": stat,
        "df": df,
        "p": p,
        "p_monte_carlo": mc,
        "cramers_v": v,
        "share_expected_below_5": small,
    }
    out = pd.DataFrame([row])
    return out.astype(
        {"n": "Int64", "n_groups": "Int64", "n_themes": "Int64", "df": "Int64"}
    ).astype(
        {
            c: "float64"
            for c in ("chi2", "p", "p_monte_carlo", "cramers_v", "share_expected_below_5")
        }
    )


def _classified(data: Corpus | pd.DataFrame, taxonomy_path: str | Path | None) -> pd.DataFrame:
    problems = table_of(data, "problems")
    if "theme_code" in problems and "theme_confidence" in problems:
        return problems
    return classify_problems(data, taxonomy_path)


@fill_params
def confidence_counts(
    corpus_or_problems: Corpus | pd.DataFrame,
    by: str = "association",
    taxonomy_path: str | Path | None = DEFAULT_TAXONOMY,
) -> pd.DataFrame:
    """How many of each group's problems have a high- or low-confidence theme, or none.

    Parameters
    ----------
    corpus_or_problems : Corpus or DataFrame
        {params.corpus}
        Problems already classified are used as they are.
    by : str, default "association"
        {params.by}
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}

    Returns
    -------
    pd.DataFrame
        One row per group, sorted: the ``by`` column (string), ``n``, ``n_high``, ``n_low``,
        ``n_unclassified`` (Int64) and ``share_high`` (float64, n_high / n).
    """
    problems = _classified(corpus_or_problems, taxonomy_path)
    unclassified = problems["theme_code"].astype("string") == UNCLASSIFIED
    frame = pd.DataFrame(
        {
            by: problems[by].astype("string"),
            "n_high": problems["theme_confidence"].astype("string").eq("high").fillna(False),
            "n_low": problems["theme_confidence"].astype("string").eq("low").fillna(False),
            "n_unclassified": unclassified,
        }
    )
    out = (
        frame.groupby(by, dropna=False)
        .agg(
            n=("n_high", "size"),
            n_high=("n_high", "sum"),
            n_low=("n_low", "sum"),
            n_unclassified=("n_unclassified", "sum"),
        )
        .reset_index()
    )
    out = out.astype({c: "Int64" for c in ("n", "n_high", "n_low", "n_unclassified")})
    out["share_high"] = (out["n_high"] / out["n"]).astype("float64")
    return out


REVIEW_COLUMNS = ["association", "notice_id", "problem_no", "unit_kind", "title"]


def _review_rows(problems: pd.DataFrame, mask: pd.Series, extra: list[str]) -> pd.DataFrame:
    columns = [c for c in [*REVIEW_COLUMNS, *extra] if c in problems]
    out = problems.loc[mask.fillna(False).astype(bool), columns].reset_index(drop=True)
    for col in ("association", "notice_id", "title", "aspect_title", "group_title"):
        if col in out:
            out[col] = out[col].astype("string")
    return out


@fill_params
def unclassified_problems(
    corpus_or_problems: Corpus | pd.DataFrame, taxonomy_path: str | Path | None = DEFAULT_TAXONOMY
) -> pd.DataFrame:
    """The problems no rule of the scheme recognises, to read (and to write rules for).

    Parameters
    ----------
    corpus_or_problems : Corpus or DataFrame
        {params.corpus}
        Problems already classified are used as they are.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}

    Returns
    -------
    pd.DataFrame
        One row per unclassified problem, in table order: ``association``, ``notice_id``
        (string), ``problem_no`` (Int64), ``unit_kind`` (category), ``title``,
        ``aspect_title``, ``group_title`` (string).
    """
    problems = _classified(corpus_or_problems, taxonomy_path)
    mask = problems["theme_code"].astype("string") == UNCLASSIFIED
    return _review_rows(problems, mask, ["aspect_title", "group_title"])


@fill_params
def low_confidence_problems(
    corpus_or_problems: Corpus | pd.DataFrame, taxonomy_path: str | Path | None = DEFAULT_TAXONOMY
) -> pd.DataFrame:
    """The problems whose theme rests on the headings or the text, or on a tie: to check.

    Parameters
    ----------
    corpus_or_problems : Corpus or DataFrame
        {params.corpus}
        Problems already classified are used as they are.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}

    Returns
    -------
    pd.DataFrame
        One row per problem with ``theme_confidence == "low"``, in table order:
        ``association``, ``notice_id`` (string), ``problem_no`` (Int64), ``unit_kind``,
        ``title``, ``theme_code``, ``theme``, ``theme_evidence``, ``runner_up_code``,
        ``runner_up_theme`` (as in ``classify_problems``).
    """
    problems = _classified(corpus_or_problems, taxonomy_path)
    mask = problems["theme_confidence"].astype("string") == "low"
    extra = ["theme_code", "theme", "theme_evidence", "runner_up_code", "runner_up_theme"]
    return _review_rows(problems, mask, extra)


def _cell_text(row: Any, by: str) -> str:
    return f"{row[by]}的“{row['theme']}”（{int(row['n'])} 个，期望 {row['expected']:.1f}）"


def over_under_finding(
    residuals: pd.DataFrame, test: pd.DataFrame, by: str = "association"
) -> Finding:
    """The sentence on which themes are over- and under-represented, with the table's χ² test.

    Parameters
    ----------
    residuals : pd.DataFrame
        Rows of ``crosstab_residuals(crosstab, by=by)``.
    test : pd.DataFrame
        The row of ``crosstab_test(crosstab, by=by)``.
    by : str, default "association"
        The group column.

    Returns
    -------
    Finding
        numbers: over, under (lists of (group, theme code, n, expected), strongest first),
        chi2, df, p, p_monte_carlo, cramers_v, share_expected_below_5.
    """
    t = test.iloc[0]
    cells = residuals[residuals["deviation"].notna()].sort_values(
        "adjusted_residual", key=lambda s: -s.abs(), kind="stable"
    )
    over = cells[cells["deviation"] == "over"]
    under = cells[cells["deviation"] == "under"]

    def listed(part: pd.DataFrame) -> list[tuple[str, str, int, float]]:
        return [
            (str(r[by]), str(r["theme_code"]), int(r["n"]), float(r["expected"]))
            for _, r in part.iterrows()
        ]

    numbers = {
        "over": listed(over),
        "under": listed(under),
        **{
            k: (None if pd.isna(t[k]) else float(t[k]))
            for k in ("chi2", "p", "p_monte_carlo", "cramers_v", "share_expected_below_5")
        },
        "df": int(t["df"]),
    }
    if pd.isna(t["chi2"]):
        return Finding("主题分布无法检验：少于两个单位或两个主题有已归类的问题。", numbers)
    parts = [
        "偏多：" + "、".join(_cell_text(r, by) for _, r in over.iterrows())
        if len(over)
        else "没有显著偏多的主题",
        "偏少：" + "、".join(_cell_text(r, by) for _, r in under.iterrows())
        if len(under)
        else "没有显著偏少的主题",
    ]
    test_text = f"χ² = {t['chi2']:.1f}，自由度 {int(t['df'])}，p = {t['p']:.3f}"
    if not pd.isna(t["p_monte_carlo"]):
        test_text += f"（蒙特卡洛 p = {t['p_monte_carlo']:.3f}）"
    caveat = (
        f"；{t['share_expected_below_5']:.0%} 的单元格期望频数小于 5，以蒙特卡洛 p 为准"
        if t["share_expected_below_5"] > 0.2
        else ""
    )
    text = "；".join(parts) + f"（调整残差绝对值 ≥ {RESIDUAL_LIMIT}）。整表 {test_text}{caveat}。"
    return Finding(text, numbers)


def unclassified_finding(counts: pd.DataFrame, by: str = "association") -> Finding:
    """The sentence on how sure the themes are: high, low confidence and unclassified.

    Parameters
    ----------
    counts : pd.DataFrame
        Rows of ``confidence_counts(corpus, by=by)``.
    by : str, default "association"
        The group column.

    Returns
    -------
    Finding
        numbers: n, n_high, n_low, n_unclassified, most_unclassified (the groups with the
        most unclassified problems, tied ones all named; empty when there is none).
    """
    totals = {k: int(counts[k].sum()) for k in ("n", "n_high", "n_low", "n_unclassified")}
    top = int(counts["n_unclassified"].max()) if len(counts) else 0
    most = [str(g) for g in counts.loc[counts["n_unclassified"] == top, by]] if top else []
    text = (
        f"{totals['n']} 个问题中，{totals['n_high']} 个的主题由问题本身的表述确定（高置信度），"
        f"{totals['n_low']} 个只靠方面标题或整改内容（低置信度，表中标注），"
        f"{totals['n_unclassified']} 个未归类"
    )
    text += f"，最多的是{'、'.join(most)}（{top} 个）。" if most else "。"
    return Finding(text, {**totals, "most_unclassified": most})
