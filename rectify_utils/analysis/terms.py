"""Terms: frequencies, keyness, shared vocabulary, keywords in context and co-occurrence.

Counts come from ``tokens.tokenize_problems`` (jieba + user dictionary, stopwords removed);
``kwic`` searches the text as written. Every function takes the corpus (or its ``problems``
frame) and returns a tidy DataFrame.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus, table_of
from .tokens import TOKEN_FIELDS, tokenize_problems

Field = Literal["all", "title", "text"]
PROBLEM_KEY = ["notice_id", "problem_no"]


def place_names(corpus: Corpus | pd.DataFrame) -> set[str]:
    """The corpus's own place names (`新野县`, `新野`, `南阳市`, `河南省`…): they only say who wrote."""
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


def problem_tokens(
    corpus: Corpus | pd.DataFrame,
    field: Field = "all",
    tokens: pd.DataFrame | None = None,
    drop_places: bool = True,
) -> pd.DataFrame:
    """Tokens of the problems' titles, texts or both (``field="all"``), without the notices'
    own place names unless ``drop_places=False``."""
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


def term_frequencies(
    corpus: Corpus | pd.DataFrame,
    by: str = "association",
    field: Field = "all",
    top_n: int | None = None,
    tokens: pd.DataFrame | None = None,
    drop_places: bool = True,
) -> pd.DataFrame:
    """Term counts per group: by, term, n, share (of the group's tokens), rank (1 = most frequent)."""
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

    Identical to ``scipy.stats.chi2.sf(x, df=1)``; the 2×2 keyness tables always have one degree
    of freedom, so scipy is not needed.
    """
    stat = np.abs(np.asarray(statistic, dtype=float))
    return np.array([math.erfc(math.sqrt(x / 2.0)) for x in stat.ravel()]).reshape(stat.shape)


def keyness(
    corpus: Corpus | pd.DataFrame,
    target: str,
    by: str = "association",
    measure: Literal["lr", "chi2"] = "lr",
    field: Field = "all",
    correction: bool = True,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Terms over- and under-used by ``target`` against the other groups (as quanteda's textstat_keyness).

    Per term, the 2×2 table (term / other terms × target / reference) gives ``statistic``: the
    likelihood-ratio G² (``"lr"``, Williams-corrected) or Pearson's chi² (``"chi2"``, Yates-
    corrected), signed positive when the target uses the term more than expected; ``p`` from the
    chi² distribution with 1 df; ``effect`` says which side the term is key for. Sorted by statistic.
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
    n_t, n_r = a.sum(), b.sum()
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
    stat = np.nan_to_num(stat)
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


def shared_terms(
    corpus: Corpus | pd.DataFrame,
    min_associations: int = 2,
    by: str = "association",
    field: Field = "all",
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Terms used by at least ``min_associations`` groups: term, n_associations, associations, n."""
    toks = problem_tokens(corpus, field, tokens)
    grouped = toks.groupby("token", observed=True)
    out = pd.DataFrame(
        {
            "n_associations": grouped[by].nunique(),
            "associations": grouped[by].agg(lambda s: "、".join(sorted(s.dropna().unique()))),
            "n": grouped.size(),
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


def kwic(
    corpus: Corpus | pd.DataFrame,
    term: str,
    window: int = 10,
    scope: Literal["problems", "notice"] = "problems",
    fields: Sequence[str] = TOKEN_FIELDS,
    regex: bool = False,
) -> pd.DataFrame:
    """Every occurrence of ``term`` with ``window`` characters either side, on the text as written.

    ``scope="problems"`` searches the problems' ``fields`` (``char_start`` is the offset in that
    field); ``scope="notice"`` searches each whole notice text (``corpus.texts``), including
    preamble and closing, with ``problem_no`` set where the hit lies inside a problem's span.
    ``regex=True`` treats ``term`` as a regular expression.
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


def cooccurrence(
    corpus: Corpus | pd.DataFrame,
    top_n: int | None = 50,
    min_count: int = 2,
    field: Field = "all",
    max_terms: int = 2000,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Pairs of terms found in the same problems: term_a, term_b, n_problems, jaccard.

    Only terms in at least ``min_count`` problems take part (the ``max_terms`` most widespread);
    pairs need ``min_count`` shared problems. Sorted by n_problems then Jaccard.
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
