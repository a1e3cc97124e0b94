"""Tokens, term statistics, keywords in context and recurring problems on the five bundled notices."""

from __future__ import annotations

from pathlib import Path

import jieba
import numpy as np
import pandas as pd
import pytest

from rectify_utils.analysis import tokens as tokens_module
from rectify_utils.analysis.similarity import recurring_problems
from rectify_utils.analysis.terms import (
    chi2_sf_1df,
    cooccurrence,
    keyness,
    kwic,
    over_used_terms,
    place_names,
    shared_terms,
    term_frequencies,
)
from rectify_utils.analysis.tokens import (
    DEFAULT_STOPWORDS,
    DEFAULT_USERDICT,
    read_wordlist,
    tokenize_problems,
)
from rectify_utils.config import CACHE_ENV

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
#: field terms that jieba alone would split; the user dictionary must keep them whole
CORE_TERMS = [
    "三会一课",
    "第一议题",
    "意识形态",
    "全民科学素质",
    "三重一大",
    "党风廉政建设",
    "组织生活会",
]


@pytest.fixture(scope="module")
def tokens(corpus, tmp_path_factory) -> pd.DataFrame:
    return tokenize_problems(corpus, cache_dir=tmp_path_factory.mktemp("tokens"))


def _all_problem_text(problems: pd.DataFrame) -> str:
    return "\n".join(problems["title"].fillna("").tolist() + problems["text"].fillna("").tolist())


def test_tokens_are_long_and_typed(corpus, tokens):
    assert list(tokens.columns) == [
        "notice_id",
        "association",
        "problem_no",
        "field",
        "token",
        "position",
    ]
    assert tokens["token"].dtype == "string" and tokens["problem_no"].dtype == "Int64"
    assert set(tokens["field"].cat.categories) == {"title", "text"}
    per_problem = tokens.groupby(["notice_id", "problem_no"]).size()
    assert len(per_problem) == len(corpus.problems), "every problem should yield some tokens"


def test_user_dictionary_keeps_field_terms_whole(corpus, tokens):
    written = _all_problem_text(corpus.problems)
    vocabulary = set(tokens["token"])
    for term in CORE_TERMS:
        if term in written:
            assert term in vocabulary, f"'{term}' occurs in the notices but was split by jieba"


def test_user_dictionary_and_stopwords_are_big_enough():
    assert len(read_wordlist(DEFAULT_USERDICT)) >= 60, (
        "the user dictionary should carry the field's terms"
    )
    stopwords = set(read_wordlist(DEFAULT_STOPWORDS))
    assert {"整改", "进一步", "加强", "问题", "工作", "情况", "一是", "二是"} <= stopwords


def test_stopwords_and_punctuation_never_become_tokens(tokens):
    stopwords = set(read_wordlist(DEFAULT_STOPWORDS))
    leaked = set(tokens["token"]) & stopwords
    assert not leaked, f"stopwords counted as terms: {sorted(leaked)[:10]}"
    assert not tokens["token"].str.fullmatch(r"[\W\d_]+").any(), (
        "punctuation or numbers counted as terms"
    )


def test_rerun_on_unchanged_corpus_reads_cache_without_jieba(corpus, tmp_path, monkeypatch):
    first = tokenize_problems(corpus, cache_dir=tmp_path)

    def boom(*args, **kwargs):
        raise AssertionError("jieba was called although every text was in the cache")

    monkeypatch.setattr(jieba.Tokenizer, "cut", boom)
    monkeypatch.setattr(jieba.Tokenizer, "lcut", boom)
    second = tokenize_problems(corpus, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(first, second)


def test_editing_the_stopword_file_retokenises(corpus, tmp_path):
    stopwords = tmp_path / "stopwords.txt"
    stopwords.write_text(DEFAULT_STOPWORDS.read_text(encoding="utf-8"), encoding="utf-8")
    before = tokenize_problems(corpus, stopwords_path=stopwords, cache_dir=tmp_path)
    assert (before["token"] == "科普").any()
    stopwords.write_text(stopwords.read_text(encoding="utf-8") + "科普\n", encoding="utf-8")
    after = tokenize_problems(corpus, stopwords_path=stopwords, cache_dir=tmp_path)
    assert not (after["token"] == "科普").any(), (
        "a word added to stopwords.txt still shows up (stale cache)"
    )


def test_cache_directory_follows_the_environment_variable(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    tokenize_problems(corpus.problems.head(3))
    assert any((tmp_path / "elsewhere").iterdir()), (
        f"${CACHE_ENV} should decide where tokens are cached"
    )


def _no_segmentation_expected(texts, *args, **kwargs):
    if texts:
        raise AssertionError(f"the warm pass segmented {len(texts)} texts again")
    return []


@pytest.mark.slow
def test_warm_tokenisation_of_a_thousand_notices_segments_nothing(corpus, tmp_path, monkeypatch):
    """The second pass over 1,000 notices reads every token from the cache (its speed:
    benchmarks/bench_analysis.py)."""
    problems = corpus.problems
    copies = -(-1000 // problems["notice_id"].nunique())
    big = pd.concat(
        [
            problems.assign(
                notice_id=problems["notice_id"] + f"-{k}", text=problems["text"] + f"（{k}）"
            )
            for k in range(copies)
        ],
        ignore_index=True,
    )
    cold = tokenize_problems(big, cache_dir=tmp_path)
    monkeypatch.setattr(tokens_module, "_segment_many", _no_segmentation_expected)
    warm = tokenize_problems(big, cache_dir=tmp_path)
    assert warm["notice_id"].nunique() >= 1000
    pd.testing.assert_frame_equal(warm, cold)


def _whole_text_segmentation(text: str, tokenizer, stopwords, min_chars: int = 2):
    """One ``tokenizer.tokenize`` pass over the whole text: kept tokens with their ordinal, words
    (a CJK character or a latin letter, no digit) with their offset."""
    tokens, ordinals, words, starts = [], [], [], []
    for ordinal, (word, start, _) in enumerate(tokenizer.tokenize(text)):
        if word.strip() == word and tokens_module.WORD_CHAR.search(word):
            if not any(c.isdigit() for c in word):
                words.append(word)
                starts.append(start)
        token = word.strip()
        if len(token) >= min_chars and token not in stopwords:
            if tokens_module.WORD_CHAR.search(token):
                tokens.append(token)
                ordinals.append(ordinal)
    return tokens, ordinals, words, starts


def _decoded(pair) -> tuple[list[str], list[int]]:
    joined, numbers = pair
    return (joined.split(tokens_module.SEP) if joined else []), np.frombuffer(
        numbers, dtype="<u4"
    ).tolist()


@pytest.mark.parametrize("parallel", [False, True])
def test_segmenting_each_block_once_is_jiebas_segmentation_of_the_whole_text(
    corpus, monkeypatch, parallel
):
    texts = corpus.problems["text"].dropna().tolist() + corpus.problems["title"].tolist()
    texts += [
        "认真落实“三会一课”制度，党费按时收缴。",
        "2022年3月起，AI科普e站上线；整改时限：长期坚持\n  一是  二是\r\n",
        "",
        "C++与Python-3.11混排 100%完成 #1 & 2.5万元",
    ]
    if parallel:  # forked processes on several cores
        monkeypatch.setattr(tokens_module, "PARALLEL_CHARS", 0)
    tokenizer = tokens_module.get_tokenizer(DEFAULT_USERDICT)
    stopwords = frozenset(read_wordlist(DEFAULT_STOPWORDS))
    got = tokens_module._segment_many(texts, tokenizer, stopwords, 2)
    for text, (as_tokens, as_words) in zip(texts, got, strict=True):
        tokens, ordinals, words, starts = _whole_text_segmentation(text, tokenizer, stopwords)
        assert _decoded(as_tokens) == (tokens, ordinals), f"tokens of {text[:30]!r} differ"
        assert _decoded(as_words) == (words, starts), f"words of {text[:30]!r} differ"


def test_term_frequencies_rank_terms_within_each_association(tokens, corpus):
    freq = term_frequencies(corpus, tokens=tokens)
    assert list(freq.columns) == ["association", "term", "n", "share", "rank"]
    shares = freq.groupby("association")["share"].sum()
    assert ((shares - 1).abs() < 1e-9).all(), "shares are of each association's tokens and add to 1"
    top = freq[freq["rank"] == 1]
    assert (top.groupby("association")["n"].min() == freq.groupby("association")["n"].max()).all()
    top5 = term_frequencies(corpus, top_n=5, tokens=tokens)
    assert (top5.groupby("association").size() == 5).all() and (top5["rank"] <= 5).all()
    titles = term_frequencies(corpus, field="title", tokens=tokens, drop_places=False)
    assert titles["n"].sum() == (tokens["field"] == "title").sum()


def test_the_notices_own_place_names_are_not_terms(tokens, corpus):
    places = {"新野", "新野县", "东营市", "罗庄区", "山东省"}
    assert places <= place_names(corpus)
    assert not set(term_frequencies(corpus, tokens=tokens)["term"]) & places, (
        "keyness and top terms would be led by who wrote the notice"
    )


def test_keyness_signs_follow_relative_frequency(tokens, corpus):
    target = corpus.problems["association"].value_counts().index[0]
    for measure in ("lr", "chi2"):
        key = keyness(corpus, target, measure=measure, tokens=tokens)
        assert list(key.columns) == ["term", "n_target", "n_reference", "statistic", "p", "effect"]
        n_t, n_r = key["n_target"].sum(), key["n_reference"].sum()
        over = key["n_target"] / n_t > key["n_reference"] / n_r
        strong = key["statistic"].abs() > 1e-9
        assert ((key["statistic"] > 0) == over)[strong].all(), (
            f"{measure}: sign disagrees with usage"
        )
        assert key["p"].between(0, 1).all()
        assert key["statistic"].is_monotonic_decreasing
        only_target = key[(key["n_reference"] == 0) & (key["n_target"] >= 5)]
        assert (only_target["effect"] == "target").all()
    with pytest.raises(ValueError, match="available"):
        keyness(corpus, "不存在的科协", tokens=tokens)


def _over_used_one_by_one(corpus, tokens, by: str, measure: str, top_n: int) -> pd.DataFrame:
    """Each group's ``keyness`` table, its over-used terms only, groups in sorted order."""
    groups = sorted(tokens[by].dropna().astype(str).unique())
    tables = [
        keyness(corpus, g, by=by, measure=measure, tokens=tokens)
        .query("effect == 'target'")
        .head(top_n)
        .assign(**{by: g})
        for g in groups
    ]
    out = pd.concat(tables, ignore_index=True)
    out[by] = out[by].astype("string")
    return out[[by, "term", "n_target", "n_reference", "statistic", "p", "effect"]]


@pytest.mark.parametrize("measure", ["lr", "chi2"])
@pytest.mark.parametrize("by", ["association", "notice_id"])
def test_over_used_terms_of_all_groups_are_each_groups_keyness(tokens, corpus, measure, by):
    together = over_used_terms(corpus, by=by, top_n=6, measure=measure, tokens=tokens)
    # the key terms of all groups at once are those of one keyness table per group, exactly
    one_by_one = _over_used_one_by_one(corpus, tokens, by, measure, 6)
    pd.testing.assert_frame_equal(together, one_by_one, check_exact=True)


def test_over_used_terms_count_tokens_of_no_group_in_every_reference(tokens, corpus):
    unowned = tokens.assign(association=tokens["association"].mask(tokens["field"] == "text"))
    together = over_used_terms(corpus, tokens=unowned)
    pd.testing.assert_frame_equal(
        together, _over_used_one_by_one(corpus, unowned, "association", "lr", len(unowned))
    )


def test_chi2_p_values_match_the_textbook_critical_values():
    p = chi2_sf_1df(np.array([3.841459, 6.634897, 0.0]))
    assert np.allclose(p, [0.05, 0.01, 1.0], atol=1e-6), f"p-values {p} wrong for chi² with 1 df"


def test_shared_terms_span_several_associations(tokens, corpus):
    shared = shared_terms(corpus, min_associations=3, tokens=tokens)
    assert (shared["n_associations"] >= 3).all()
    named = shared["associations"].str.split("、").str.len()
    assert (named == shared["n_associations"]).all(), "the associations list should match its count"
    assert shared["n_associations"].max() == corpus.problems["association"].nunique()


def test_kwic_returns_every_occurrence_as_written(corpus):
    hits = kwic(corpus, "三会一课", window=8)
    expected = sum(
        str(v).count("三会一课") for f in ("title", "text") for v in corpus.problems[f].fillna("")
    )
    assert len(hits) == expected >= 3, (
        f"kwic found {len(hits)} of {expected} occurrences of 三会一课"
    )
    problems = corpus.problems.set_index(["notice_id", "problem_no"])
    for row in hits.itertuples():
        field_text = str(problems.loc[(row.notice_id, row.problem_no), row.field])
        start = row.char_start
        assert field_text[start : start + len(row.keyword)] == "三会一课"
        assert field_text[max(0, start - 8) : start] == row.left
        assert len(row.left) <= 8 and len(row.right) <= 8
    titled = corpus.problems[corpus.problems["title"].str.contains("三会一课")]
    title_hits = hits[hits["field"] == "title"]
    assert len(title_hits) == len(titled), (
        "every problem titled 三会一课 should show up in the title KWIC"
    )


def test_kwic_over_whole_notices_also_finds_preamble_text(corpus):
    whole = kwic(corpus, "巡察", scope="notice")
    in_problems = kwic(corpus, "巡察")
    assert len(whole) > len(in_problems), "the notices' preambles mention 巡察 too"
    assert whole["problem_no"].isna().any() and whole["problem_no"].notna().any()
    for row in whole.head(20).itertuples():
        assert corpus.texts[row.notice_id][row.char_start : row.char_start + 2] == "巡察"


def test_cooccurring_pairs_are_distinct_and_bounded(tokens, corpus):
    pairs = cooccurrence(corpus, top_n=30, min_count=3, tokens=tokens)
    assert 0 < len(pairs) <= 30
    assert (pairs["term_a"] != pairs["term_b"]).all()
    assert pairs["jaccard"].between(0, 1, inclusive="right").all()
    assert (pairs["n_problems"] >= 3).all()
    keys = pairs[["term_a", "term_b"]].apply(lambda r: frozenset(r), axis=1)
    assert keys.is_unique, "each pair of terms should be listed once"


def test_recurring_problems_pair_organisational_life_across_associations(corpus, tokens):
    pairs = recurring_problems(corpus, tokens=tokens)
    assert (pairs["association_a"] != pairs["association_b"]).all(), "pairs must cross associations"
    assert pairs["similarity"].between(0, 1 + 1e-6).all()
    about = r"三会一课|组织生活"
    both = pairs["title_a"].str.contains(about) & pairs["title_b"].str.contains(about)
    assert both.any(), (
        "two associations' problems about 三会一课/组织生活 should be reported as recurring:\n"
        f"{pairs[['association_a', 'title_a', 'association_b', 'title_b', 'similarity']].head(10)}"
    )
    assert pairs.loc[both, "shared_terms"].str.contains(about).all()
