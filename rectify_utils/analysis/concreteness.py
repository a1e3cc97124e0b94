"""How much of each rectification text a reader could check, and how much is stock phrasing.

Checkable facts are dates, counts with a unit (`召开座谈会2次`, `211人`), sums of money
(`1272元`, `3万元`) and named documents (`《…》`). Stock phrases are runs of 2–4 jieba words
(``analysis.phrases``; a user-dictionary name stays one word, a fragment of a longer phrase is
not listed) — or, with ``unit="char"``, of characters — that recur in the texts of at least
``min_associations`` different associations (`广大科技工作者`, `高度重视`). Both are measured in
characters of the problems' rectification text; a character counts as a fact first, so the two
shares never overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..parse.corpus import Corpus
from ..parse.dates import find_dates
from ..parse.numerals import cn_to_int
from ..parse.vocabulary import (
    CLAUSE_BREAK,
    COUNT_CHINESE,
    COUNT_DIGITS,
    DOCUMENT,
    ISSUING_VERB,
    LEADING_NUMBER,
    LIST_JOINER,
    MONEY,
    NEGATION,
    YUAN_PER_SCALE,
)
from ..text import clause_around
from ._docstrings import fill_params
from .cache import file_key, fingerprint, memo
from .phrases import WORD_N, ngram_windows, phrase_table, phrase_text
from .phrases import lengths as ngram_lengths
from .tokens import DEFAULT_USERDICT

FACT_KINDS = ["date", "count", "money", "document"]
FACT_KIND_DTYPE = pd.CategoricalDtype(FACT_KINDS)


@dataclass(frozen=True)
class _ProblemText:
    notice_id: str
    association: str
    problem_no: int
    start: int  # offset of the rectification text in corpus.texts[notice_id]
    text: str


def _problem_texts(corpus: Corpus) -> tuple[_ProblemText, ...]:
    """Each problem's rectification text and where it starts in the notice text.

    Read once per corpus (``analysis.cache``): the facts, the stock phrases and the
    concreteness table all start from it.
    """
    return memo("problem_texts", corpus.problems, _corpus_setting(corpus), lambda: _read(corpus))


def _corpus_setting(corpus: Corpus) -> tuple:
    """What a result computed from ``corpus.problems`` depends on besides that table."""
    return (fingerprint(corpus.notices), len(corpus.texts))


def _read(corpus: Corpus) -> tuple[_ProblemText, ...]:
    out = []
    for row in corpus.problems.itertuples(index=False):
        full = corpus.texts[row.notice_id]
        span = full[int(row.char_start) : int(row.char_end)]
        body = "" if pd.isna(row.text) else str(row.text)
        at = span.find(body) if body else -1
        if at < 0:  # text not verbatim in the span: measure the whole span
            start, body = int(row.char_start), span
        else:
            start = int(row.char_start) + at
        out.append(_ProblemText(row.notice_id, row.association, int(row.problem_no), start, body))
    return tuple(out)


def _default_years(corpus: Corpus) -> dict[str, int | None]:
    """Year for dates written without one (`5月16日`): that of the feedback, else of the notice."""
    notices = corpus.notices
    when = notices["feedback_date"].fillna(notices["inspection_end"]).fillna(notices["as_of_date"])
    years = pd.to_datetime(when).dt.year
    return {
        nid: (None if pd.isna(y) else int(y))
        for nid, y in zip(notices["notice_id"], years, strict=True)
    }


@dataclass(frozen=True)
class _Fact:
    kind: str
    start: int
    end: int
    value: float | None = None  # a count's number, a sum in yuan
    date: pd.Timestamp | None = None


def _count_value(written: str) -> float | None:
    """`211人` → 211, `两次` → 2, `1万余字` → 10000, `800多名` → 800."""
    m = LEADING_NUMBER.match(written)
    if m is None:
        return None
    number = float(m[0]) if m[0][0].isdigit() else cn_to_int(m[0])
    if number is None:
        return None
    return float(number) * (1e4 if written[m.end() :].lstrip().startswith("万") else 1.0)


def _facts_in(text: str, default_year: int | None) -> list[_Fact]:
    """The facts in ``text`` in order; documents first, then dates, money, counts.

    A span overlapping one already taken is dropped: a year inside a title is part of the title.
    """
    candidates: list[_Fact] = [
        _Fact("document", m.start(), m.end()) for m in DOCUMENT.finditer(text)
    ]
    candidates += [
        _Fact("date", d.start, d.end, date=d.date) for d in find_dates(text, default_year)
    ]
    candidates += [
        _Fact("money", m.start(), m.end(), float(m["amount"]) * YUAN_PER_SCALE[m["scale"]])
        for m in MONEY.finditer(text)
    ]
    for pattern in (COUNT_DIGITS, COUNT_CHINESE):
        candidates += [
            _Fact("count", m.start(), m.end(), _count_value(m[0])) for m in pattern.finditer(text)
        ]
    taken: list[_Fact] = []
    for fact in candidates:
        if all(fact.end <= t.start or fact.start >= t.end for t in taken):
            taken.append(fact)
    return sorted(taken, key=lambda f: f.start)


@fill_params
def fact_spans(corpus: Corpus) -> pd.DataFrame:
    """Every checkable fact in the problems' rectification texts, in text order.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}

    Returns
    -------
    pd.DataFrame
        One row per fact, problem by problem. A span overlapping one already taken is dropped
        (documents are taken first, then dates, money, counts): a year inside a title is part
        of the title. Columns:

        - ``notice_id``, ``association`` (string)
        - ``problem_no`` (Int64)
        - ``kind`` (category): date, count, money, document
        - ``text`` (string): the fact as written
        - ``value`` (Float64): a count's number, a sum in yuan; <NA> for dates and documents
        - ``date`` (datetime64[ns]): the date a date mention means (a month alone is its last
          day; a date without a year takes that of the feedback, else of the inspection's end,
          else of the notice's date); NaT for other kinds
        - ``char_start``, ``char_end`` (Int64): offsets into ``corpus.texts[notice_id]``, so
          ``corpus.texts[notice_id][char_start:char_end] == text``
    """
    return memo("fact_spans", corpus.problems, _corpus_setting(corpus), lambda: _fact_spans(corpus))


def _fact_spans(corpus: Corpus) -> pd.DataFrame:
    rows = []
    years = _default_years(corpus)
    for p in _problem_texts(corpus):
        for f in _facts_in(p.text, years.get(p.notice_id)):
            rows.append(
                dict(
                    notice_id=p.notice_id,
                    association=p.association,
                    problem_no=p.problem_no,
                    kind=f.kind,
                    text=p.text[f.start : f.end],
                    value=f.value,
                    date=f.date,
                    char_start=p.start + f.start,
                    char_end=p.start + f.end,
                )
            )
    columns = {
        "notice_id": "string",
        "association": "string",
        "problem_no": "Int64",
        "kind": FACT_KIND_DTYPE,
        "text": "string",
        "value": "Float64",
        "date": "datetime64[ns]",
        "char_start": "Int64",
        "char_end": "Int64",
    }
    out = pd.DataFrame(rows, columns=list(columns))
    out["date"] = pd.to_datetime(out["date"])
    return out.astype(columns)


def _stock_grams(
    corpus: Corpus, n: int | Sequence[int], unit: str, min_associations: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Windows and per-gram counts of the corpus's rectification texts (``_problem_texts``);
    the grams used by ≥ ``min_associations``.

    Computed once per corpus and setting (``analysis.cache``): :func:`stock_phrases` and
    :func:`concreteness` share it.
    """
    setting = (*_corpus_setting(corpus), tuple(ngram_lengths(n)), unit, file_key(DEFAULT_USERDICT))
    windows, grams = memo(
        "stock_grams", corpus.problems, setting, lambda: _phrase_table(corpus, n, unit)
    )
    windows, grams = windows.copy(deep=False), grams.copy(deep=False)
    return windows, grams, grams[grams["n_associations"] >= min_associations]


def _phrase_table(
    corpus: Corpus, n: int | Sequence[int], unit: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    texts = _problem_texts(corpus)
    return phrase_table([p.text for p in texts], [p.association for p in texts], n, unit)


def _own_phrases(corpus: Corpus, n: int | Sequence[int], unit: str) -> set[str]:
    texts = [p.text for p in _problem_texts(corpus)]
    windows = ngram_windows(texts, n, unit).drop_duplicates("gram")
    return {
        texts[t][a:b]
        for t, a, b in zip(windows["text_no"], windows["start"], windows["end"], strict=True)
    }


@fill_params
def stock_phrases(
    corpus: Corpus,
    n: int | tuple[int, int] = WORD_N,
    min_associations: int = 3,
    unit: str = "word",
    reference: Corpus | None = None,
) -> pd.DataFrame:
    """Phrases recurring in the rectification texts of ≥ ``min_associations`` associations.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}
    n : int or (int, int), default (2, 4)
        {params.stock_n}
    min_associations : int, default 3
        {params.stock_min_associations}
    unit : {"word", "char"}, default "word"
        {params.stock_unit}
    reference : Corpus, optional
        {params.reference}
        Only phrases that occur in ``corpus`` are listed.

    Returns
    -------
    pd.DataFrame
        One row per phrase, most widespread first (then most frequent, then by phrase). A word
        n-gram that only ever occurs inside one longer phrase (a fragment of it) is not listed.
        Columns:

        - ``phrase`` (string): as written
        - ``n_associations`` (Int64): associations using it, in ``reference``
        - ``n_occurrences`` (Int64): its occurrences, in ``reference``
        - ``associations`` (string): those associations in notice order, joined by ``、``

    Raises
    ------
    ValueError
        If ``unit`` is neither ``"word"`` nor ``"char"``, or ``n`` is not a length or range.

    Examples
    --------
    >>> stock_phrases(load_corpus("data/raw")).head(2)
           phrase  n_associations  n_occurrences                   associations
    0  广大科技工作者               5             21  东营市科协、立山区科协、罗庄区科协、石龙区科协、新野县科协
    1    科普活动               5             12  东营市科协、立山区科协、罗庄区科协、石龙区科协、新野县科协
    """
    base = corpus if reference is None else reference
    texts = _problem_texts(base)
    windows, _, stock = _stock_grams(base, n, unit, min_associations)
    stock = stock[~stock["fragment"]].copy()
    stock["phrase"] = phrase_text([p.text for p in texts], stock)
    if reference is not None:
        stock = stock[stock["phrase"].isin(_own_phrases(corpus, n, unit))]
    order = {a: i for i, a in enumerate(dict.fromkeys(base.notices["association"]))}
    used = windows[windows["gram"].isin(stock.index)].drop_duplicates(["gram", "association"])
    used = used.assign(rank=used["association"].map(order)).sort_values(["gram", "rank"])
    # joined in one pass over plain lists, not one Python call per gram through groupby
    names: dict[int, list[str]] = {}
    for gram, association in zip(used["gram"].tolist(), used["association"].tolist(), strict=True):
        names.setdefault(gram, []).append(association)
    stock["associations"] = pd.Series(
        {gram: "、".join(found) for gram, found in names.items()}, dtype=object
    )
    out = stock.sort_values(
        ["n_associations", "n_occurrences", "phrase"], ascending=[False, False, True]
    )
    return out[["phrase", "n_associations", "n_occurrences", "associations"]].astype(
        {"phrase": "string", "n_associations": "Int64", "n_occurrences": "Int64",
         "associations": "string"}
    ).reset_index(drop=True)  # fmt: skip


def _covered(
    lengths: np.ndarray, text_no: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Per text and character, whether some span [start, end) of that text covers it (flat)."""
    offsets = np.r_[0, np.cumsum(lengths)]
    size = int(offsets[-1]) + 1
    diff = np.bincount(offsets[text_no] + start, minlength=size).astype(np.int64)
    diff -= np.bincount(offsets[text_no] + end, minlength=size)
    return np.cumsum(diff[:-1]) > 0


def _per_text(mask: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Covered characters per text, from a flat mask."""
    ends = np.cumsum(lengths)
    totals = np.r_[0, np.cumsum(mask, dtype=np.int64)]
    return totals[ends] - totals[ends - lengths]


def _stock_spans(
    corpus: Corpus,
    texts: Sequence[_ProblemText],
    n,
    unit: str,
    min_associations: int,
    reference: Corpus | None,
) -> pd.DataFrame:
    """Occurrences (text_no, start, end) in ``texts`` of phrases stock in ``reference``/corpus."""
    if reference is None:
        windows, _, stock = _stock_grams(corpus, n, unit, min_associations)
        return windows[windows["gram"].isin(stock.index)]
    base_texts = _problem_texts(reference)
    _, _, stock = _stock_grams(reference, n, unit, min_associations)
    phrases = set(phrase_text([p.text for p in base_texts], stock))
    windows = ngram_windows([p.text for p in texts], n, unit)
    written = [
        texts[t].text[a:b]
        for t, a, b in zip(windows["text_no"], windows["start"], windows["end"], strict=True)
    ]
    return windows[[w in phrases for w in written]]


@fill_params
def concreteness(
    corpus: Corpus,
    by: str = "problem",
    min_associations: int = 3,
    n: int | tuple[int, int] = WORD_N,
    unit: str = "word",
    reference: Corpus | None = None,
) -> pd.DataFrame:
    """Characters of checkable fact and of stock phrasing per problem or per association.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}
    by : {"problem", "association"}, default "problem"
        One row per problem, or the counts summed per association.
    min_associations : int, default 3
        {params.stock_min_associations}
    n : int or (int, int), default (2, 4)
        {params.stock_n}
    unit : {"word", "char"}, default "word"
        {params.stock_unit}
    reference : Corpus, optional
        {params.reference}
        Pass the whole corpus when ``corpus`` holds fewer than ``min_associations``
        associations, or nothing can recur.

    Returns
    -------
    pd.DataFrame
        One row per problem in corpus order, or per association in notice order. Columns:

        - ``notice_id``, ``association`` (string), ``problem_no`` (Int64) with
          ``by="problem"``; ``association`` (string) alone with ``by="association"``
        - ``text_chars`` (Int64): characters of the rectification text
        - ``fact_chars`` (Int64): of them, inside a fact (see :func:`fact_spans`)
        - ``stock_chars`` (Int64): of them, inside a stock phrase (see :func:`stock_phrases`,
          with the same ``n``, ``unit``, ``min_associations`` and ``reference``) and not in a
          fact, so fact_share + stock_share ≤ 1
        - ``fact_share``, ``stock_share`` (Float64): per text character; <NA> for an empty text
        - ``n_date``, ``n_count``, ``n_money``, ``n_document`` (Int64): facts of each kind
        - ``n_facts`` (Int64): all facts

    Raises
    ------
    ValueError
        If ``by`` is neither ``"problem"`` nor ``"association"``.

    Examples
    --------
    >>> concreteness(load_corpus("data/raw"), by="association")[
    ...     ["association", "fact_share", "stock_share"]
    ... ].head(2)
      association  fact_share  stock_share
    0       东营市科协    0.137394     0.082611
    1       立山区科协    0.056399     0.117949
    """
    if by not in ("problem", "association"):
        raise ValueError(f"by must be 'problem' or 'association', not {by!r}")
    texts = _problem_texts(corpus)
    lengths = np.array([len(p.text) for p in texts], dtype=np.int64)
    stock = _stock_spans(corpus, texts, n, unit, min_associations, reference)
    facts = fact_spans(corpus)
    keys = pd.MultiIndex.from_tuples([(p.notice_id, p.problem_no) for p in texts])
    fact_row = keys.get_indexer(
        pd.MultiIndex.from_arrays([facts["notice_id"], facts["problem_no"].astype(int)])
    )
    begin = np.array([p.start for p in texts], dtype=np.int64)[fact_row]
    fact_mask = _covered(
        lengths,
        fact_row,
        facts["char_start"].to_numpy(int) - begin,
        facts["char_end"].to_numpy(int) - begin,
    )
    stock_mask = _covered(
        lengths, stock["text_no"].to_numpy(), stock["start"].to_numpy(), stock["end"].to_numpy()
    )
    kind_no = facts["kind"].cat.codes.to_numpy()
    kinds = {
        k: np.bincount(fact_row[kind_no == i], minlength=len(texts))
        for i, k in enumerate(FACT_KINDS)
    }
    out = pd.DataFrame(
        {"notice_id": [p.notice_id for p in texts], "association": [p.association for p in texts],
         "problem_no": [p.problem_no for p in texts], "text_chars": lengths,
         "fact_chars": _per_text(fact_mask, lengths),
         "stock_chars": _per_text(stock_mask & ~fact_mask, lengths),
         **{f"n_{k}": kinds[k] for k in FACT_KINDS}}
    )  # fmt: skip
    return _concreteness_table(out, by, corpus)


def _concreteness_table(out: pd.DataFrame, by: str, corpus: Corpus) -> pd.DataFrame:
    counts = ["text_chars", "fact_chars", "stock_chars", *(f"n_{k}" for k in FACT_KINDS)]
    if by == "association":
        order = list(dict.fromkeys(corpus.notices["association"]))
        out = out.groupby("association", sort=False)[counts].sum().reindex(order, fill_value=0)
        out = out.reset_index()
        keys = ["association"]
    else:
        keys = ["notice_id", "association", "problem_no"]
    out = out.astype({k: "string" for k in keys if k != "problem_no"})
    if "problem_no" in out:
        out["problem_no"] = out["problem_no"].astype("Int64")
    out[counts] = out[counts].astype("Int64")
    total = out["text_chars"].astype("Float64")
    total = total.where(total > 0)
    out["fact_share"] = (out["fact_chars"].astype("Float64") / total).astype("Float64")
    out["stock_share"] = (out["stock_chars"].astype("Float64") / total).astype("Float64")
    out["n_facts"] = out[[f"n_{k}" for k in FACT_KINDS]].sum(axis=1).astype("Int64")
    return out[
        [*keys, "text_chars", "fact_chars", "stock_chars", "fact_share", "stock_share"]
        + [f"n_{k}" for k in FACT_KINDS]
        + ["n_facts"]
    ]


def _context(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``, at most 30 characters either side."""
    return clause_around(text, start, end, limit=30, breaks=CLAUSE_BREAK)


@fill_params
def money_table(corpus: Corpus) -> pd.DataFrame:
    """Every sum of money in the rectification texts, converted to yuan.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}

    Returns
    -------
    pd.DataFrame
        One row per sum, in the order of :func:`fact_spans`. Columns:

        - ``notice_id``, ``association`` (string)
        - ``problem_no`` (Int64)
        - ``amount_yuan`` (Float64): `3万元` → 30000
        - ``text`` (string): as written
        - ``context`` (string): its clause, at most 30 characters either side
        - ``char_start``, ``char_end`` (Int64): offsets into ``corpus.texts[notice_id]``
    """
    money = fact_spans(corpus)
    money = money[money["kind"] == "money"].reset_index(drop=True)
    contexts = [
        _context(corpus.texts[row.notice_id], row.char_start, row.char_end)
        for row in money.itertuples()
    ]
    out = money[["notice_id", "association", "problem_no"]].copy()
    out["amount_yuan"] = money["value"]
    out["text"] = money["text"]
    out["context"] = pd.Series(contexts, dtype="string")
    out["char_start"] = money["char_start"]
    out["char_end"] = money["char_end"]
    return out


def _issuing_verb(text: str, start: int) -> str | None:
    """The issuing verb right before the title at ``start``, looking past earlier titles of a list."""
    clause = CLAUSE_BREAK.split(text[:start])[-1]
    clause = DOCUMENT.sub("", clause)
    clause = LIST_JOINER.sub("", clause)
    m = ISSUING_VERB.search(clause)
    if m is None or NEGATION.search(clause[: m.start()]):
        return None
    return m["verb"]


@fill_params
def documents_table(corpus: Corpus) -> pd.DataFrame:
    """Every named document in the rectification texts and whether the body says it issued it.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}

    Returns
    -------
    pd.DataFrame
        One row per 《…》 title, in the order of :func:`fact_spans`. Columns:

        - ``notice_id``, ``association`` (string)
        - ``problem_no`` (Int64)
        - ``document`` (string): the title without 《》
        - ``verb`` (string): the issuing verb before it — `印发`, `制定出台`, `修订完善` — or
          <NA> when it is studied, cited or submitted
        - ``issued`` (boolean): whether there is a verb
        - ``context`` (string): its clause, at most 30 characters either side
        - ``char_start``, ``char_end`` (Int64): offsets into ``corpus.texts[notice_id]``

    Notes
    -----
    The verb is read as written; who issued the document is not checked, so `市科协下发《…》` in a
    district notice counts as issued too.
    """
    docs = fact_spans(corpus)
    docs = docs[docs["kind"] == "document"].reset_index(drop=True)
    verbs, contexts = [], []
    for row in docs.itertuples():
        text = corpus.texts[row.notice_id]
        verbs.append(_issuing_verb(text, row.char_start))
        contexts.append(_context(text, row.char_start, row.char_end))
    out = docs[["notice_id", "association", "problem_no"]].copy()
    out["document"] = docs["text"].str.slice(1, -1).astype("string")
    out["verb"] = pd.Series(verbs, dtype="string")
    out["issued"] = out["verb"].notna().astype("boolean")
    out["context"] = pd.Series(contexts, dtype="string")
    out["char_start"] = docs["char_start"]
    out["char_end"] = docs["char_end"]
    return out
