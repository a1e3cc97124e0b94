"""The theme crosstab's statistics, as in KH Coder, and the problems a reader should review.

``category_crosstab`` counts each group's problems per theme; here

- ``crosstab_residuals`` adds each cell's expected count and its standardized (Pearson) and
  adjusted (Haberman) residuals: which theme is over- or under-represented in which body;
- ``crosstab_chi2`` tests each theme across the groups (KH Coder's χ² per code, 2 × groups);
- ``crosstab_test`` tests the whole table (χ², Cramér's V and a Monte Carlo p-value, which stays
  valid when most cells expect fewer than 5 problems, as they do for a handful of notices);
- ``confidence_counts``, ``unclassified_problems`` and ``low_confidence_problems`` show how
  sure the classification is, and the problems to read by hand;
- ``crosstab_statistics`` gives the categories report both at once, from the corpus, with the
  problems behind each cell, and ``residual_rows`` the cells its table lists.

The sentences the report prints are ``findings.over_under_finding`` and
``findings.unclassified_finding``.

``unclassified`` is not a theme: its cells are kept in the tables but left out of the tests.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .comparison import theme_crosstab
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
    from scipy.stats import chi2 as chi2_distribution  # seconds to import: only when used

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


class CrosstabStatistics(NamedTuple):
    """What ``crosstab_statistics`` returns: ``residuals`` and the whole-table ``test``."""

    residuals: pd.DataFrame
    test: pd.DataFrame


@fill_params
def crosstab_statistics(
    corpus: Corpus | pd.DataFrame,
    by: str = "association",
    taxonomy_path: str | Path | None = DEFAULT_TAXONOMY,
    n_permutations: int = N_PERMUTATIONS,
    seed: int = SEED,
) -> CrosstabStatistics:
    """The theme crosstab's residuals and χ² test, from the corpus, with each cell's problems.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    by : str, default "association"
        {params.by}
        ``"unit_kind"`` compares kinds of body.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}
    n_permutations, seed : int
        As for ``crosstab_test``.

    Returns
    -------
    CrosstabStatistics
        ``residuals``: rows of ``crosstab_residuals`` with ``problems`` (the cell's problems as
        (notice_id, problem_no) pairs); ``test``: the row of ``crosstab_test``.

    Examples
    --------
    >>> residuals, test = crosstab_statistics(corpus, by="unit_kind")
    """
    crosstab = theme_crosstab(corpus, taxonomy_path=taxonomy_path, by=by)
    residuals = crosstab_residuals(crosstab, by=by)
    test = crosstab_test(crosstab, by=by, n_permutations=n_permutations, seed=seed)
    return CrosstabStatistics(residuals, test)


#: the columns of ``residual_rows``, after the group column
RESIDUAL_COLUMNS = [
    "theme_code", "theme", "n", "share", "expected", "adjusted_residual", "p", "deviation",
    "problems",
]  # fmt: skip


def residual_rows(residuals: pd.DataFrame, by: str = "association") -> pd.DataFrame:
    """The cells a report lists beneath the residual heatmap: those with problems or a deviation.

    Parameters
    ----------
    residuals : pd.DataFrame
        Rows of ``crosstab_residuals`` (or ``crosstab_statistics(...).residuals``).
    by : str, default "association"
        The group column.

    Returns
    -------
    pd.DataFrame
        The cells of classified themes holding problems, and the empty cells marked
        ``under``; over- and under-represented first (largest adjusted residual in absolute
        value first), then the others in table order. Columns: ``by`` and
        ``RESIDUAL_COLUMNS`` (``problems`` where the residuals carry it).
    """
    classified = residuals["theme_code"].astype("string") != UNCLASSIFIED
    keep = classified & ((residuals["n"] > 0) | residuals["deviation"].notna())
    rows = residuals[keep.fillna(False).astype(bool)]
    strength = rows["adjusted_residual"].abs().where(rows["deviation"].notna(), -1.0)
    rows = rows.loc[strength.sort_values(ascending=False, kind="stable").index]
    columns = [c for c in [by, *RESIDUAL_COLUMNS] if c in rows]
    return rows[columns].reset_index(drop=True)


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
