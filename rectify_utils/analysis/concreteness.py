"""How much of each rectification text a reader could check, and how much is stock phrasing.

Checkable facts are dates, counts with a unit (`召开座谈会2次`, `211人`), sums of money
(`1272元`, `3万元`) and named documents (`《…》`). Stock phrases are n-grams — of characters
by default, of jieba words with ``unit="word"`` — that recur in the texts of at least
``min_associations`` different associations (`高度重视`, `进一步提高`). Both are measured in
characters of the problems' rectification text; a character counts as a fact first, so the two
shares never overlap.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

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
from .tokens import WORD_CHAR, get_tokenizer

FACT_KINDS = ["date", "count", "money", "document"]
FACT_KIND_DTYPE = pd.CategoricalDtype(FACT_KINDS)


@dataclass(frozen=True)
class _ProblemText:
    notice_id: str
    association: str
    problem_no: int
    start: int  # offset of the rectification text in corpus.texts[notice_id]
    text: str


def _problem_texts(corpus: Corpus) -> list[_ProblemText]:
    """Each problem's rectification text and where it starts in the notice text."""
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
    return out


def _default_year(corpus: Corpus, notice_id: str) -> int | None:
    """Year for dates written without one (`5月16日`): that of the feedback, else of the notice."""
    row = corpus.notices.loc[corpus.notices["notice_id"] == notice_id].iloc[0]
    for column in ("feedback_date", "inspection_end", "as_of_date"):
        if pd.notna(row[column]):
            return int(pd.Timestamp(row[column]).year)
    return None


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
    rows = []
    years: dict[str, int | None] = {}
    for p in _problem_texts(corpus):
        if p.notice_id not in years:
            years[p.notice_id] = _default_year(corpus, p.notice_id)
        for f in _facts_in(p.text, years[p.notice_id]):
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


#: a run of word characters (CJK or latin) between punctuation, digits and spaces: `提高思想认识水平`
WORD_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
NGRAM_UNITS = ("char", "word")


def _ngrams(text: str, n: int, unit: str = "char") -> list[tuple[str, int, int]]:
    """n-grams of ``text`` as (phrase, start, end), never across punctuation or numbers.

    ``unit="char"``: n consecutive characters; ``unit="word"``: n consecutive jieba words (with
    the project's user dictionary).
    """
    if unit not in NGRAM_UNITS:
        raise ValueError(f"unit must be one of {NGRAM_UNITS}, not {unit!r}")
    grams: list[tuple[str, int, int]] = []
    if unit == "char":
        for run in WORD_RUN.finditer(text):
            for a in range(run.start(), run.end() - n + 1):
                grams.append((text[a : a + n], a, a + n))
        return grams
    tokenizer = get_tokenizer()
    words: list[tuple[str, int, int]] = []
    for word, start, end in [*tokenizer.tokenize(text), ("", len(text), len(text))]:
        if word.strip() and WORD_CHAR.search(word) and not any(ch.isdigit() for ch in word):
            words.append((word, start, end))
            continue
        for i in range(len(words) - n + 1):
            window = words[i : i + n]
            grams.append((text[window[0][1] : window[-1][2]], window[0][1], window[-1][2]))
        words = []
    return grams


def _stock(
    texts: list[_ProblemText], n: int, unit: str
) -> tuple[dict[str, set[str]], dict[str, int], list[list[tuple[str, int, int]]]]:
    """Associations and occurrences per n-gram, and each text's n-grams."""
    where: dict[str, set[str]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    per_text = []
    for p in texts:
        grams = _ngrams(p.text, n, unit)
        per_text.append(grams)
        for phrase, _, _ in grams:
            where[phrase].add(p.association)
            count[phrase] += 1
    return where, count, per_text


@fill_params
def stock_phrases(
    corpus: Corpus,
    n: int = 4,
    min_associations: int = 3,
    unit: str = "char",
    reference: Corpus | None = None,
) -> pd.DataFrame:
    """n-grams recurring in the rectification texts of ≥ ``min_associations`` associations.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}
    n : int, default 4
        {params.stock_n}
    min_associations : int, default 3
        {params.stock_min_associations}
    unit : {"char", "word"}, default "char"
        {params.stock_unit}
        ``"char"`` finds `高度重视`, `认真学习`; with five notices, word 4-grams shared by three
        associations are rare, so characters show the stock phrasing better.
    reference : Corpus, optional
        {params.reference}
        Only phrases that occur in ``corpus`` are listed.

    Returns
    -------
    pd.DataFrame
        One row per phrase, most widespread first (then most frequent, then by phrase).
        Columns:

        - ``phrase`` (string): as written
        - ``n_associations`` (Int64): associations using it, in ``reference``
        - ``n_occurrences`` (Int64): its occurrences, in ``reference``
        - ``associations`` (string): those associations in notice order, joined by ``、``

    Raises
    ------
    ValueError
        If ``unit`` is neither ``"char"`` nor ``"word"``.

    Examples
    --------
    >>> stock_phrases(load_corpus("data/raw")).head(2)
      phrase  n_associations  n_occurrences                   associations
    0   技工作者               5             46  东营市科协、立山区科协、罗庄区科协、石龙区科协、新野县科协
    1   科技工作               5             46  东营市科协、立山区科协、罗庄区科协、石龙区科协、新野县科协
    """
    own = {phrase for grams in _stock(_problem_texts(corpus), n, unit)[2] for phrase, _, _ in grams}
    base = corpus if reference is None else reference
    where, count, _ = _stock(_problem_texts(base), n, unit)
    order = list(dict.fromkeys(base.notices["association"]))
    rows = [
        dict(
            phrase=phrase,
            n_associations=len(assocs),
            n_occurrences=count[phrase],
            associations="、".join(a for a in order if a in assocs),
        )
        for phrase, assocs in where.items()
        if len(assocs) >= min_associations and phrase in own
    ]
    out = pd.DataFrame(rows, columns=["phrase", "n_associations", "n_occurrences", "associations"])
    out = out.sort_values(
        ["n_associations", "n_occurrences", "phrase"], ascending=[False, False, True]
    )
    return out.astype(
        {
            "phrase": "string",
            "n_associations": "Int64",
            "n_occurrences": "Int64",
            "associations": "string",
        }
    ).reset_index(drop=True)


@fill_params
def concreteness(
    corpus: Corpus,
    by: str = "problem",
    min_associations: int = 3,
    n: int = 4,
    unit: str = "char",
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
    n : int, default 4
        {params.stock_n}
    unit : {"char", "word"}, default "char"
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
    0       东营市科协    0.137394     0.124079
    1       立山区科协    0.056399     0.164136
    """
    if by not in ("problem", "association"):
        raise ValueError(f"by must be 'problem' or 'association', not {by!r}")
    texts = _problem_texts(corpus)
    where, _, per_text = _stock(texts, n, unit)
    if reference is not None:
        where = _stock(_problem_texts(reference), n, unit)[0]
    facts = fact_spans(corpus)
    facts_by_problem = {key: g for key, g in facts.groupby(["notice_id", "problem_no"])}
    rows = []
    for p, grams in zip(texts, per_text):
        fact_chars: set[int] = set()
        kinds = dict.fromkeys(FACT_KINDS, 0)
        found = facts_by_problem.get((p.notice_id, p.problem_no))
        if found is not None:
            for f in found.itertuples():
                fact_chars.update(range(f.char_start - p.start, f.char_end - p.start))
                kinds[f.kind] += 1
        stock_chars: set[int] = set()
        for phrase, a, b in grams:
            if len(where.get(phrase, ())) >= min_associations:
                stock_chars.update(range(a, b))
        stock_chars -= fact_chars
        rows.append(
            dict(
                notice_id=p.notice_id,
                association=p.association,
                problem_no=p.problem_no,
                text_chars=len(p.text),
                fact_chars=len(fact_chars),
                stock_chars=len(stock_chars),
                **{f"n_{k}": v for k, v in kinds.items()},
            )
        )
    counts = ["text_chars", "fact_chars", "stock_chars", *(f"n_{k}" for k in FACT_KINDS)]
    out = pd.DataFrame(rows, columns=["notice_id", "association", "problem_no", *counts])
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
