"""Terms: frequencies, keyness, shared vocabulary, keywords in context and co-occurrence.

Counts come from ``tokens.tokenize_problems`` (jieba + user dictionary, stopwords removed);
``kwic`` searches the text as written. Every function takes the corpus (or its ``problems``
frame) and returns a tidy DataFrame.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .tokens import TOKEN_FIELDS, tokenize_problems

Field = Literal["all", "title", "text"]
PROBLEM_KEY = ["notice_id", "problem_no"]


@fill_params
def place_names(corpus: Corpus | pd.DataFrame) -> set[str]:
    """The corpus's own place names: they only say who wrote.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
        A bare ``problems`` table has no notice metadata, so it gives no names.

    Returns
    -------
    set of str
        The notices' province, city and county (`新野县`, `南阳市`, `河南省`), each also without
        its 省/市/县/区/自治区/自治州/旗 when two characters or more remain (`新野`), and each
        association without 科协.

    Examples
    --------
    >>> sorted(place_names(load_corpus("data/raw")))[:4]
    ['东营', '东营市', '临沂', '临沂市']
    """
    if isinstance(corpus, pd.DataFrame):
        return set()  # problems alone: no notice metadata to take place names from
    notices = corpus.notices
    names: set[str] = set()
    for col in ("province", "city", "county"):
        for name in notices[col].dropna():
            names.add(str(name))
            stem = re.sub(r"(省|市|县|区|自治区|自治州|旗)$", "", str(name))
            if len(stem) >= 2:
                names.add(stem)
    for assoc in notices["association"].dropna():
        names.add(str(assoc).removesuffix("科协"))
    return names


@fill_params
def problem_tokens(
    corpus: Corpus | pd.DataFrame,
    field: Field = "all",
    tokens: pd.DataFrame | None = None,
    drop_places: bool = True,
) -> pd.DataFrame:
    """Tokens of the problems' titles, texts or both, without the notices' own place names.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    field : {"all", "title", "text"}, default "all"
        {params.field}
    tokens : DataFrame, optional
        {params.tokens}
    drop_places : bool, default True
        {params.drop_places}

    Returns
    -------
    pd.DataFrame
        The rows of the token table (``tokens.tokenize_problems``) that are kept, with its
        columns: ``notice_id``, ``association`` (string), ``problem_no`` (Int64), ``field``
        (category), ``token`` (string), ``position`` (Int64).

    Raises
    ------
    ValueError
        If ``field`` is not ``"all"``, ``"title"`` or ``"text"``.
    """
    if tokens is None:
        tokens = tokenize_problems(table_of(corpus, "problems"))
    if drop_places:
        places = place_names(corpus)
        if places:
            tokens = tokens[~tokens["token"].isin(places)]
    if field == "all":
        return tokens
    if field not in TOKEN_FIELDS:
        raise ValueError(f"field must be 'all' or one of {TOKEN_FIELDS}, got {field!r}")
    return tokens[tokens["field"] == field]


@fill_params
def term_frequencies(
    corpus: Corpus | pd.DataFrame,
    by: str = "association",
    field: Field = "all",
    top_n: int | None = None,
    tokens: pd.DataFrame | None = None,
    drop_places: bool = True,
) -> pd.DataFrame:
    """Term counts per group, most frequent first.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    by : str, default "association"
        {params.by}
        A column of the token table: ``notice_id``, ``association``, ``problem_no``, ``field``.
    field : {"all", "title", "text"}, default "all"
        {params.field}
    top_n : int, optional
        {params.top_n}
    tokens : DataFrame, optional
        {params.tokens}
    drop_places : bool, default True
        {params.drop_places}

    Returns
    -------
    pd.DataFrame
        One row per group and term, sorted by group, then n (descending), then term. Columns:

        - the ``by`` column (string)
        - ``term`` (string)
        - ``n`` (Int64): the term's tokens in the group
        - ``share`` (float64): n / all the group's tokens (before ``top_n`` cuts)
        - ``rank`` (Int64): 1 = most frequent; tied terms share the lowest rank

    Examples
    --------
    >>> term_frequencies(load_corpus("data/raw"), top_n=2).head(2)
      association term   n     share  rank
    0       东营市科协   学会  17  0.017103     1
    1       东营市科协   组织  16  0.016097     2
    """
    toks = problem_tokens(corpus, field, tokens, drop_places)
    counts = toks.groupby([by, "token"], observed=True).size().rename("n").reset_index()
    counts = counts.rename(columns={"token": "term"})
    counts["share"] = counts["n"] / counts.groupby(by)["n"].transform("sum")
    counts = counts.sort_values([by, "n", "term"], ascending=[True, False, True], kind="stable")
    counts["rank"] = counts.groupby(by)["n"].rank(method="min", ascending=False)
    if top_n is not None:
        counts = counts.groupby(by, sort=False).head(top_n)
    counts[by] = counts[by].astype("string")
    counts["term"] = counts["term"].astype("string")
    counts["n"] = counts["n"].astype("Int64")
    counts["rank"] = counts["rank"].astype("Int64")
    return counts[[by, "term", "n", "share", "rank"]].reset_index(drop=True)


def chi2_sf_1df(statistic: np.ndarray) -> np.ndarray:
    """Upper tail of the chi² distribution with 1 degree of freedom: P(X ≥ x) = erfc(√(x/2)).

    Parameters
    ----------
    statistic : array_like
        Chi² (or G²) statistics; the sign is ignored.

    Returns
    -------
    np.ndarray
        float64 p-values, of the shape of ``statistic``.

    Notes
    -----
    Identical to ``scipy.stats.chi2.sf(x, df=1)``; the 2×2 keyness tables always have one degree
    of freedom, so scipy is not needed.

    Examples
    --------
    >>> chi2_sf_1df([3.841459])
    array([0.05])
    """
    stat = np.abs(np.asarray(statistic, dtype=float))
    return np.array([math.erfc(math.sqrt(x / 2.0)) for x in stat.ravel()]).reshape(stat.shape)


def _keyness_statistic(
    a: np.ndarray,
    b: np.ndarray,
    n_t: float | np.ndarray,
    n_r: float | np.ndarray,
    measure: str,
    correction: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Unsigned G² or chi² of each term's 2×2 table, and the target count it expects.

    ``a``/``b``: the term's tokens in the target / reference; ``n_t``/``n_r``: all the target's /
    reference's tokens (one value, or one per term). Element by element, so one target's terms or
    many targets' (term, target) pairs give the same figures.
    """
    c, d = n_t - a, n_r - b
    n = n_t + n_r
    e_a = (a + b) * n_t / n
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "lr":
            observed = np.stack([a, b, c, d])
            expected = np.stack([e_a, (a + b) * n_r / n, (c + d) * n_t / n, (c + d) * n_r / n])
            terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
            stat = 2.0 * terms.sum(axis=0)
            if correction:  # Williams (1976) for a 2×2 table
                q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / n_t + n / n_r - 1) / (6 * n)
                stat = stat / q
        else:
            diff = np.abs(a * d - b * c)
            if correction:  # Yates
                diff = np.maximum(diff - n / 2.0, 0.0)
            stat = n * diff**2 / ((a + b) * (c + d) * n_t * n_r)
    return np.nan_to_num(stat), e_a


@fill_params
def keyness(
    corpus: Corpus | pd.DataFrame,
    target: str,
    by: str = "association",
    measure: Literal["lr", "chi2"] = "lr",
    field: Field = "all",
    correction: bool = True,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Terms over- and under-used by ``target`` against the other groups.

    As quanteda's ``textstat_keyness``: per term, the 2×2 table (term / other terms × target /
    reference) gives a statistic, signed positive when the target uses the term more than
    expected.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    target : str
        The group to describe, a value of the ``by`` column, e.g. an association.
    by : str, default "association"
        {params.by}
    measure : {"lr", "chi2"}, default "lr"
        ``"lr"``: the likelihood-ratio G²; ``"chi2"``: Pearson's chi².
    field : {"all", "title", "text"}, default "all"
        {params.field}
    correction : bool, default True
        Correct the statistic: Williams's correction for G², Yates's for chi².
    tokens : DataFrame, optional
        {params.tokens}

    Returns
    -------
    pd.DataFrame
        One row per term of the corpus, sorted by statistic (descending), then term. Columns:

        - ``term`` (string)
        - ``n_target`` (Int64): its tokens in the target group
        - ``n_reference`` (Int64): its tokens in the other groups
        - ``statistic`` (float64): G² or chi², signed
        - ``p`` (float64): from the chi² distribution with 1 df
        - ``effect`` (category: target, reference): which side the term is key for

    Raises
    ------
    ValueError
        If ``measure`` is neither ``"lr"`` nor ``"chi2"``, or no token belongs to ``target``.

    Examples
    --------
    >>> keyness(load_corpus("data/raw"), "新野县科协").head(2)
      term  n_target  n_reference  statistic             p  effect
    0   财务        15            1  24.787965  6.399581e-07  target
    1   巡视        12            0  24.669849  6.804033e-07  target
    """
    if measure not in ("lr", "chi2"):
        raise ValueError(f"measure must be 'lr' or 'chi2', got {measure!r}")
    toks = problem_tokens(corpus, field, tokens)
    groups = toks[by].astype("string")
    if not (groups == target).any():
        available = sorted(groups.dropna().unique())
        raise ValueError(f"no tokens for {by}={target!r}; available: {available}")
    is_target = (groups == target).to_numpy(dtype=bool, na_value=False)
    table = pd.crosstab(toks["token"].astype("string"), is_target)
    a = table.get(True, pd.Series(0, index=table.index)).to_numpy(dtype=float)
    b = table.get(False, pd.Series(0, index=table.index)).to_numpy(dtype=float)
    stat, e_a = _keyness_statistic(a, b, a.sum(), b.sum(), measure, correction)
    sign = np.where(a >= e_a, 1.0, -1.0)
    out = pd.DataFrame(
        {
            "term": pd.array(table.index, dtype="string"),
            "n_target": pd.array(a.astype(int), dtype="Int64"),
            "n_reference": pd.array(b.astype(int), dtype="Int64"),
            "statistic": sign * stat,
            "p": chi2_sf_1df(stat),
            "effect": pd.Categorical(
                np.where(sign > 0, "target", "reference"), categories=["target", "reference"]
            ),
        }
    )
    return out.sort_values(["statistic", "term"], ascending=[False, True]).reset_index(drop=True)


@fill_params
def over_used_terms(
    corpus: Corpus | pd.DataFrame,
    by: str = "association",
    top_n: int | None = None,
    measure: Literal["lr", "chi2"] = "lr",
    field: Field = "all",
    correction: bool = True,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The terms each group over-uses against all the others: :func:`keyness` of every group at once.

    One pass over the (group, term) counts instead of one keyness table per group; the figures
    are those of ``keyness(corpus, target=group)`` rows with ``effect == "target"``.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    by : str, default "association"
        {params.by}
    top_n : int, optional
        {params.top_n}
    measure : {"lr", "chi2"}, default "lr"
        As in :func:`keyness`.
    field : {"all", "title", "text"}, default "all"
        {params.field}
    correction : bool, default True
        As in :func:`keyness`.
    tokens : DataFrame, optional
        {params.tokens}

    Returns
    -------
    pd.DataFrame
        Groups in sorted order, each one's terms by statistic (descending), then term. Columns:
        the ``by`` column (string) and those of :func:`keyness` (``effect`` is always target).

    Raises
    ------
    ValueError
        If ``measure`` is neither ``"lr"`` nor ``"chi2"``.

    Examples
    --------
    >>> over_used_terms(load_corpus("data/raw"), top_n=1)[["association", "term", "n_target"]].head(2)
      association term  n_target
    0       东营市科协   学会        17
    1       新野县科协   财务        15
    """
    if measure not in ("lr", "chi2"):
        raise ValueError(f"measure must be 'lr' or 'chi2', got {measure!r}")
    toks = problem_tokens(corpus, field, tokens)
    pairs = _group_term_counts(toks[by].astype("string"), toks["token"].astype("string"))
    stat, e_a = _keyness_statistic(pairs.a, pairs.b, pairs.n_t, pairs.n_r, measure, correction)
    over = pairs.a >= e_a
    group, term, a, b, stat = (x[over] for x in (pairs.group, pairs.term, pairs.a, pairs.b, stat))
    groups, terms = pairs.groups, pairs.terms
    order = np.lexsort((_ranks(terms)[term], -stat, _ranks(groups)[group]))
    if top_n is not None:
        order = _first_per_group(order, group, top_n)
    group, term, a, b, stat = group[order], term[order], a[order], b[order], stat[order]
    return pd.DataFrame(
        {
            by: pd.array(groups[group], dtype="string"),
            "term": pd.array(terms[term], dtype="string"),
            "n_target": pd.array(a.astype(int), dtype="Int64"),
            "n_reference": pd.array(b.astype(int), dtype="Int64"),
            "statistic": stat,
            "p": chi2_sf_1df(stat),
            "effect": pd.Categorical(["target"] * len(stat), categories=["target", "reference"]),
        }
    )


@dataclass(frozen=True)
class _GroupTermCounts:
    """Every (group, term) with a token: codes, the term's tokens in the group (``a``) and in
    the others (``b``), the group's tokens (``n_t``) and the others' (``n_r``); the names."""

    group: np.ndarray
    term: np.ndarray
    a: np.ndarray
    b: np.ndarray
    n_t: np.ndarray
    n_r: np.ndarray
    groups: np.ndarray
    terms: np.ndarray


def _group_term_counts(groups: pd.Series, terms: pd.Series) -> _GroupTermCounts:
    """The 2×2 keyness counts of every (group, term) with a token.

    Tokens of no group (<NA>) count in every group's reference, as in :func:`keyness`.
    """
    g_codes, g_names = pd.factorize(groups)
    t_codes, t_names = pd.factorize(terms)
    n_terms = max(len(t_names), 1)
    term_total = np.bincount(t_codes, minlength=len(t_names)).astype(float)
    known = g_codes >= 0
    group_total = np.bincount(g_codes[known], minlength=len(g_names)).astype(float)
    pair = g_codes[known].astype(np.int64) * n_terms + t_codes[known]
    keys, counts = np.unique(pair, return_counts=True)
    group, term = keys // n_terms, keys % n_terms
    a = counts.astype(float)
    n_t = group_total[group]
    return _GroupTermCounts(
        group, term, a, term_total[term] - a, n_t, float(len(t_codes)) - n_t,
        np.asarray(g_names, dtype=object), np.asarray(t_names, dtype=object),
    )  # fmt: skip


def _ranks(names: np.ndarray) -> np.ndarray:
    """Each name's place in sorted order (code point order, as ``sort_values`` sorts strings)."""
    ranks = np.empty(len(names), dtype=np.int64)
    ranks[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    return ranks


def _first_per_group(order: np.ndarray, group: np.ndarray, top_n: int) -> np.ndarray:
    """The first ``top_n`` entries of ``order`` of each group (``order`` sorted by group)."""
    sorted_groups = group[order]
    starts = np.r_[0, np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1]
    run_start = np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return order[np.arange(len(order)) - run_start < top_n]


@fill_params
def shared_terms(
    corpus: Corpus | pd.DataFrame,
    min_associations: int = 2,
    by: str = "association",
    field: Field = "all",
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Terms that several groups use.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    min_associations : int, default 2
        Fewest groups (values of ``by``) that must use a term.
    by : str, default "association"
        {params.by}
    field : {"all", "title", "text"}, default "all"
        {params.field}
    tokens : DataFrame, optional
        {params.tokens}

    Returns
    -------
    pd.DataFrame
        One row per term, most widespread first (then most frequent, then by term). Columns:

        - ``term`` (string)
        - ``n_associations`` (Int64): groups that use it
        - ``associations`` (string): those groups, sorted, joined by ``、``
        - ``n`` (Int64): its tokens in all groups
    """
    toks = problem_tokens(corpus, field, tokens)
    grouped = toks.groupby("token", observed=True)
    sizes = grouped.size()
    # each term's groups from the distinct (term, group) pairs in one pass, not a call per term
    pairs = toks[["token", by]].dropna(subset=[by]).drop_duplicates()
    names: dict[str, list[str]] = {}
    for term, group in zip(pairs["token"].tolist(), pairs[by].tolist(), strict=True):
        names.setdefault(term, []).append(group)
    joined = ["、".join(sorted(names.get(term, ()))) for term in sizes.index]
    out = pd.DataFrame(
        {
            "n_associations": grouped[by].nunique(),
            "associations": pd.Series(joined, index=sizes.index, dtype=object),
            "n": sizes,
        }
    ).reset_index(names="term")
    out = out[out["n_associations"] >= min_associations]
    out = out.sort_values(["n_associations", "n", "term"], ascending=[False, False, True])
    out["term"] = out["term"].astype("string")
    out["associations"] = out["associations"].astype("string")
    out["n_associations"] = out["n_associations"].astype("Int64")
    out["n"] = out["n"].astype("Int64")
    return out.reset_index(drop=True)


KWIC_COLUMNS = [
    "notice_id",
    "association",
    "problem_no",
    "field",
    "left",
    "keyword",
    "right",
    "char_start",
]


def _hits(text: str, pattern: re.Pattern[str], window: int) -> list[tuple[str, str, str, int]]:
    return [
        (
            text[max(0, m.start() - window) : m.start()],
            m.group(0),
            text[m.end() : m.end() + window],
            m.start(),
        )
        for m in pattern.finditer(text)
        if m.group(0)
    ]


@fill_params
def kwic(
    corpus: Corpus | pd.DataFrame,
    term: str,
    window: int = 10,
    scope: Literal["problems", "notice"] = "problems",
    fields: Sequence[str] = TOKEN_FIELDS,
    regex: bool = False,
) -> pd.DataFrame:
    """Every occurrence of ``term`` with ``window`` characters either side, on the text as written.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
        ``scope="notice"`` needs the corpus itself.
    term : str
        The text to find (a regular expression with ``regex=True``).
    window : int, default 10
        Characters of context either side.
    scope : {"problems", "notice"}, default "problems"
        ``"problems"`` searches the problems' ``fields``; ``"notice"`` searches each whole
        notice text (``corpus.texts``), including preamble and closing.
    fields : sequence of str
        {params.fields}
        Read with ``scope="problems"`` only.
    regex : bool, default False
        Treat ``term`` as a regular expression.

    Returns
    -------
    pd.DataFrame
        One row per occurrence (empty matches skipped), problem by problem and field by field,
        or notice by notice. Columns:

        - ``notice_id``, ``association`` (string)
        - ``problem_no`` (Int64): with ``scope="notice"``, the problem whose span holds the
          hit, <NA> outside every problem
        - ``field`` (category): the field searched, or ``notice``
        - ``left``, ``keyword``, ``right`` (string): the context before, the match as written,
          the context after
        - ``char_start`` (Int64): offset of the match in that field, or in the notice text

    Raises
    ------
    ValueError
        If ``scope`` is unknown, or is ``"notice"`` without the corpus.

    Examples
    --------
    >>> kwic(load_corpus("data/raw"), "三会一课")[["association", "left", "keyword", "right"]]
      association        left keyword       right
    0       石龙区科协  制，以“学习强国”“    三会一课  ”等为平台载体，加强
    1       石龙区科协           “    三会一课    ”制度落实不到位
    ...
    """
    pattern = re.compile(term if regex else re.escape(term))
    problems = table_of(corpus, "problems")
    rows: list[tuple] = []
    if scope == "problems":
        for rec in problems[["notice_id", "association", "problem_no", *fields]].itertuples(
            index=False
        ):
            for field in fields:
                value = getattr(rec, field)
                if value is None or value is pd.NA:
                    continue
                for left, kw, right, start in _hits(str(value), pattern, window):
                    rows.append(
                        (
                            rec.notice_id,
                            rec.association,
                            rec.problem_no,
                            field,
                            left,
                            kw,
                            right,
                            start,
                        )
                    )
    elif scope == "notice":
        texts = getattr(corpus, "texts", None)
        if texts is None:
            raise ValueError("scope='notice' needs the corpus (with .texts), not just its problems")
        associations = dict(
            zip(corpus.notices["notice_id"], corpus.notices["association"], strict=True)
        )
        for notice_id, text in texts.items():
            spans = problems.loc[
                problems["notice_id"] == notice_id, ["problem_no", "char_start", "char_end"]
            ]
            for left, kw, right, start in _hits(text, pattern, window):
                inside = spans[(spans["char_start"] <= start) & (spans["char_end"] > start)]
                problem_no = inside["problem_no"].iloc[0] if len(inside) else pd.NA
                rows.append(
                    (
                        notice_id,
                        associations.get(notice_id),
                        problem_no,
                        "notice",
                        left,
                        kw,
                        right,
                        start,
                    )
                )
    else:
        raise ValueError(f"scope must be 'problems' or 'notice', got {scope!r}")
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    for col in ("notice_id", "association", "left", "keyword", "right"):
        out[col] = out[col].astype("string")
    out["problem_no"] = out["problem_no"].astype("Int64")
    out["char_start"] = out["char_start"].astype("Int64")
    out["field"] = out["field"].astype("category")
    return out


@fill_params
def cooccurrence(
    corpus: Corpus | pd.DataFrame,
    top_n: int | None = 50,
    min_count: int = 2,
    field: Field = "all",
    max_terms: int = 2000,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Pairs of terms found in the same problems.

    Parameters
    ----------
    corpus : Corpus or DataFrame
        {params.corpus}
    top_n : int or None, default 50
        {params.top_n}
    min_count : int, default 2
        Fewest problems a term must appear in to take part, and fewest problems a pair must
        share.
    field : {"all", "title", "text"}, default "all"
        {params.field}
    max_terms : int, default 2000
        Only the ``max_terms`` terms found in the most problems take part.
    tokens : DataFrame, optional
        {params.tokens}

    Returns
    -------
    pd.DataFrame
        One row per pair (``term_a`` at least as widespread as ``term_b``), sorted by n_problems,
        then Jaccard (both descending), then the terms. Columns:

        - ``term_a``, ``term_b`` (string)
        - ``n_problems`` (Int64): problems holding both
        - ``jaccard`` (float64): n_problems / problems holding either
    """
    toks = problem_tokens(corpus, field, tokens)
    pairs = toks[[*PROBLEM_KEY, "token"]].drop_duplicates()
    doc_id = pairs.groupby(PROBLEM_KEY, sort=False).ngroup().to_numpy()
    df = pairs["token"].value_counts()
    vocab = df[df >= min_count].head(max_terms)
    columns = ["term_a", "term_b", "n_problems", "jaccard"]
    if len(vocab) < 2:
        return pd.DataFrame(columns=columns).astype(
            {"term_a": "string", "term_b": "string", "n_problems": "Int64", "jaccard": "float64"}
        )
    term_id = pairs["token"].map(pd.Series(np.arange(len(vocab)), index=vocab.index))
    keep = term_id.notna().to_numpy()
    matrix = np.zeros((doc_id.max() + 1, len(vocab)), dtype=np.float32)
    matrix[doc_id[keep], term_id[keep].astype(int).to_numpy()] = 1.0
    co = (matrix.T @ matrix).astype(np.int64)
    i, j = np.triu_indices(len(vocab), k=1)
    n_ab = co[i, j]
    mask = n_ab >= min_count
    i, j, n_ab = i[mask], j[mask], n_ab[mask]
    n_a, n_b = np.diag(co)[i], np.diag(co)[j]
    out = pd.DataFrame(
        {
            "term_a": pd.array(vocab.index[i], dtype="string"),
            "term_b": pd.array(vocab.index[j], dtype="string"),
            "n_problems": pd.array(n_ab, dtype="Int64"),
            "jaccard": n_ab / (n_a + n_b - n_ab),
        }
    )
    out = out.sort_values(
        ["n_problems", "jaccard", "term_a", "term_b"], ascending=[False, False, True, True]
    )
    if top_n is not None:
        out = out.head(top_n)
    return out.reset_index(drop=True)
