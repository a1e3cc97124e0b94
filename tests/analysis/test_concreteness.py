"""Checkable facts against stock phrasing in the rectification texts of the five notices."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from rectify_utils.analysis.concreteness import (
    FACT_KINDS,
    _problem_texts,
    concreteness,
    documents_table,
    fact_spans,
    money_table,
    stock_phrases,
)
from rectify_utils.analysis.phrases import ngram_windows, phrase_table, phrase_text
from rectify_utils.analysis.tokens import DEFAULT_USERDICT, read_wordlist
from rectify_utils.parse.dates import find_dates

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def facts(corpus):
    return fact_spans(corpus)


@pytest.fixture(scope="module")
def per_problem(corpus):
    return concreteness(corpus, by="problem")


def _problem_bodies(corpus) -> list[tuple[str, int, int, str, str]]:
    """(notice_id, problem_no, start, association, text) with the text's offset in the notice."""
    out = []
    for row in corpus.problems.itertuples():
        full = corpus.texts[row.notice_id]
        start = full.find(row.text, row.char_start, row.char_end)
        out.append((row.notice_id, row.problem_no, start, row.association, row.text))
    return out


def test_every_fact_is_the_notice_text_at_its_offsets(corpus, facts):
    assert len(facts) > 0, "no facts found in five notices full of dates and counts"
    for row in facts.itertuples():
        got = corpus.texts[row.notice_id][row.char_start : row.char_end]
        assert got == row.text, (
            f"{row.association} #{row.problem_no}: a {row.kind} shown as {row.text!r} "
            f"but the notice has {got!r} at those offsets"
        )


def test_facts_lie_in_their_problem_and_never_overlap(corpus, facts):
    spans = corpus.problems.set_index(["notice_id", "problem_no"])
    for (nid, no), group in facts.groupby(["notice_id", "problem_no"]):
        problem = spans.loc[(nid, no)]
        assert (group["char_start"] >= problem["char_start"]).all()
        assert (group["char_end"] <= problem["char_end"]).all(), (
            f"{nid} #{no}: a fact is credited to a problem it is not in"
        )
        ordered = group.sort_values("char_start")
        assert (ordered["char_start"].iloc[1:].to_numpy() >= ordered["char_end"].iloc[:-1]).all(), (
            f"{nid} #{no}: facts overlap, so characters would be counted twice"
        )


def test_every_amount_of_yuan_written_in_a_problem_is_in_the_money_table(corpus):
    money = money_table(corpus)
    covered = {
        (r.notice_id, i) for r in money.itertuples() for i in range(r.char_start, r.char_end)
    }
    for nid, no, start, association, text in _problem_bodies(corpus):
        for m in re.finditer(r"\d[万亿余多\s]{0,3}元", text):
            yuan = start + m.end() - 1
            assert (nid, yuan) in covered, (
                f"{association} #{no}: the sum ending {text[max(0, m.start() - 8) : m.end()]!r} "
                "is missing from the money table"
            )


def test_money_amounts_are_converted_to_yuan(corpus):
    money = money_table(corpus)
    assert str(money["amount_yuan"].dtype) == "Float64"
    for row in money.itertuples():
        digits = float(re.match(r"[\d.]+", row.text).group(0))
        scale = 1e8 if "亿" in row.text else 1e4 if "万" in row.text else 1.0
        assert row.amount_yuan == pytest.approx(digits * scale), (
            f"{row.association}: {row.text!r} shown as {row.amount_yuan} yuan"
        )
        assert row.text in row.context, "the context does not show the sum it explains"


@pytest.mark.parametrize("written, yuan", [("1272元", 1272.0), ("411.46元", 411.46)])
def test_exact_sums_of_a_notice_are_listed(corpus, written, yuan):
    holders = [nid for nid, text in corpus.texts.items() if written in text]
    assert holders, f"expected a bundled notice writing {written}"
    money = money_table(corpus)
    for nid in holders:
        rows = money[(money["notice_id"] == nid) & (money["text"] == written)]
        assert len(rows) >= 1, f"{nid}: {written} is missing from the money table"
        assert rows["amount_yuan"].iloc[0] == pytest.approx(yuan)


def test_dates_are_dates_and_counts_have_a_number_and_a_unit(facts):
    for row in facts[facts["kind"] == "date"].itertuples():
        assert find_dates(row.text, default_year=2000), f"{row.text!r} is listed as a date"
    counts = facts[facts["kind"] == "count"]
    assert counts["text"].str.contains(r"^[\d一二两三四五六七八九十百千]", regex=True).all(), (
        "a count without a number"
    )
    assert not counts["text"].str.contains(r"^第|规定$", regex=True).any(), (
        "an ordinal or a name is listed as a count"
    )


def test_shares_are_fractions_that_do_not_overlap(facts, per_problem):
    assert ((per_problem["fact_share"] + per_problem["stock_share"]) <= 1 + 1e-12).all(), (
        "fact and stock characters add to more than the text"
    )
    for row in per_problem.itertuples():
        mine = facts[
            (facts["notice_id"] == row.notice_id) & (facts["problem_no"] == row.problem_no)
        ]
        assert row.fact_chars == (mine["char_end"] - mine["char_start"]).sum(), (
            f"{row.association} #{row.problem_no}: fact characters differ from its fact spans"
        )
        for kind in FACT_KINDS:
            assert getattr(row, f"n_{kind}") == (mine["kind"] == kind).sum()
        assert row.fact_share == pytest.approx(row.fact_chars / row.text_chars)


def test_association_rows_are_the_sums_of_their_problems(corpus, per_problem):
    by_assoc = concreteness(corpus, by="association").set_index("association")
    sums = per_problem.groupby("association")[["text_chars", "fact_chars", "stock_chars"]].sum()
    for assoc, row in sums.iterrows():
        for column in sums.columns:
            assert by_assoc.loc[assoc, column] == row[column], (
                f"{assoc}: {column} per association is not the sum over its problems"
            )
    assert list(by_assoc.index) == list(dict.fromkeys(corpus.notices["association"]))


def test_stock_phrases_recur_in_that_many_associations(corpus):
    phrases = stock_phrases(corpus, min_associations=3)
    assert len(phrases) > 0, "five notices of the same genre share no phrasing at all?"
    texts_by_association: dict[str, str] = {}
    for _, _, _, association, text in _problem_bodies(corpus):
        texts_by_association[association] = texts_by_association.get(association, "") + "\n" + text
    for row in phrases.head(50).itertuples():
        holders = [a for a, t in texts_by_association.items() if row.phrase in t]
        # as words the phrase may also be written where jieba cuts the text otherwise
        assert len(holders) >= row.n_associations >= 3, (
            f"{row.phrase!r} is said to recur in {row.n_associations} associations, found in {holders}"
        )


def test_a_stricter_recurrence_threshold_never_adds_stock(corpus):
    loose = concreteness(corpus, by="association", min_associations=3)
    strict = concreteness(corpus, by="association", min_associations=5)
    assert (strict["stock_chars"] <= loose["stock_chars"]).all(), (
        "asking for phrases shared by more associations made more of the text stock"
    )


def test_character_ngrams_are_still_available(corpus):
    chars = stock_phrases(corpus, n=4, min_associations=3, unit="char")
    assert len(chars) > 0 and chars["n_associations"].ge(3).all()
    assert chars["phrase"].str.len().eq(4).all()


def test_stock_phrases_are_runs_of_two_to_four_whole_words(corpus):
    phrases = stock_phrases(corpus)
    for fragment in ("平总书记", "代中国特", "技工作者", "科技工作"):
        assert fragment not in set(phrases["phrase"]), (
            f"the report would show {fragment!r}, a piece of a name, as a stock phrase"
        )
    names = [w for w in read_wordlist(DEFAULT_USERDICT) if len(w.split()[0]) >= 3]
    names = [w.split()[0] for w in names]
    texts = [p.text for p in _problem_texts(corpus)]
    windows = ngram_windows(texts, (2, 4), "word")
    listed = set(phrases["phrase"])
    for t, a, b in zip(windows["text_no"], windows["start"], windows["end"], strict=True):
        if texts[t][a:b] not in listed:
            continue
        for name in names:
            for at in _occurrences(texts[t], name):
                inside = a <= at and at + len(name) <= b
                apart = at + len(name) <= a or at >= b
                assert inside or apart, (
                    f"stock phrase {texts[t][a:b]!r} cuts the dictionary name {name!r}"
                )


def _occurrences(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def test_a_phrase_found_only_inside_a_longer_one_is_not_listed(corpus):
    texts = [p.text for p in _problem_texts(corpus)]
    associations = [p.association for p in _problem_texts(corpus)]
    _, grams = phrase_table(texts, associations, (2, 4), "word")
    grams = grams.assign(phrase=phrase_text(texts, grams))
    listed = set(stock_phrases(corpus, min_associations=1)["phrase"])
    fragments = grams.loc[grams["fragment"], "phrase"]
    assert len(fragments) > 0
    for fragment in fragments.head(200):
        longer = [p for p in listed if fragment in p and p != fragment]
        assert fragment not in listed or longer == [], f"{fragment!r} is listed beside {longer}"


def test_documents_studied_or_not_yet_written_are_not_issued(corpus):
    docs = documents_table(corpus)
    assert docs["issued"].any(), "no notice issued any document?"
    starts = docs.set_index(["notice_id", "char_start"])["issued"]
    for nid, text in corpus.texts.items():
        for m in re.finditer(r"(?:学习了?|尚未编制|未编制|执行|呈报|提交)《", text):
            key = (nid, m.end() - 1)
            if key in starts.index:
                assert not starts.loc[key], (
                    f"{nid}: {text[m.start() : m.end() + 12]!r} counted as a document it issued"
                )


def test_issued_documents_follow_their_verb(corpus):
    docs = documents_table(corpus)
    issued = docs[docs["issued"]]
    for row in issued.itertuples():
        before = corpus.texts[row.notice_id][max(0, row.char_start - 200) : row.char_start]
        assert row.verb in before, f"{row.document}: verb {row.verb!r} is not written before it"
        assert f"《{row.document}》" == corpus.texts[row.notice_id][row.char_start : row.char_end]
    assert pd.api.types.is_bool_dtype(docs["issued"].dtype)


def test_counts_and_dates_carry_the_value_they_write(facts):
    counts = facts[facts["kind"] == "count"]
    assert counts["value"].notna().all(), "a count is listed without its number"
    for row in counts[counts["text"].str.match(r"^\d+[^\d.万]")].itertuples():
        assert row.value == float(re.match(r"\d+", row.text).group(0)), (
            f"{row.text!r} is listed with the number {row.value}"
        )
    dates = facts[facts["kind"] == "date"]
    assert dates["date"].notna().all(), "a date mention is listed without the date it means"
    for row in dates.itertuples():
        month = re.search(r"(\d{1,2})\s*月", row.text)
        if month:
            assert row.date.month == int(month.group(1)), f"{row.text!r} read as {row.date.date()}"
    assert facts.loc[facts["kind"] == "document", "value"].isna().all()


def test_one_association_measured_against_the_corpus_matches_its_corpus_row(corpus):
    full = concreteness(corpus, by="association").set_index("association")
    for association in corpus.associations:
        one = corpus.select([association])
        alone = concreteness(one, by="association")
        assert (alone["stock_chars"] == 0).all(), (
            "a single association's text counted as recurring across associations"
        )
        against = concreteness(one, by="association", reference=corpus).set_index("association")
        for column in ("fact_chars", "stock_chars", "text_chars"):
            assert against.loc[association, column] == full.loc[association, column], (
                f"{association}: {column} differs when profiled alone against the whole corpus"
            )
        phrases = stock_phrases(one, reference=corpus)
        text = "\n".join(one.problems["text"])
        assert all(p in text for p in phrases["phrase"]), (
            f"{association}: a stock phrase is listed that its own texts never use"
        )
