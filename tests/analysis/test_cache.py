"""No work done twice: themes, tokens and facts are computed once per corpus and setting."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from rectify_utils import load_corpus
from rectify_utils.analysis import cache, comparison, concreteness, terms, themes, tokens
from rectify_utils.analysis.completion import completion_table
from rectify_utils.analysis.similarity import recurring_problems


@pytest.fixture
def counted(monkeypatch):
    """Calls of the expensive inner steps, with the memo emptied first."""
    cache.clear()
    calls = {"score": 0, "segment": 0, "facts": 0, "segmented_texts": []}

    def wrap(module, name, key):
        inner = getattr(module, name)

        def counting(*args, **kwargs):
            calls[key] += 1
            if key == "segment":
                args = (list(args[0]), *args[1:])
                calls["segmented_texts"].extend(args[0])
            return inner(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)

    wrap(themes, "_score", "score")
    wrap(tokens, "_segment_texts", "segment")
    wrap(concreteness, "_facts_in", "facts")
    yield calls
    cache.clear()


def test_the_crosstab_completion_by_theme_and_profiles_classify_once(corpus, counted):
    themes.category_crosstab(corpus)
    completion_table(corpus, by="theme")
    comparison.completion_by_theme(corpus)
    classified = themes.classify_problems(corpus)
    assert counted["score"] == 1, f"the problems were classified {counted['score']} times"
    assert cache.computed["classify_problems"] == 1
    classified["extra"] = 1  # a caller adding a column must not change the stored result
    assert "extra" not in themes.classify_problems(corpus)


def test_an_equal_corpus_loaded_again_reuses_the_themes(corpus, counted, repo_root):
    themes.classify_problems(corpus)
    again = load_corpus(repo_root / "data" / "raw")
    themes.classify_problems(again)
    assert counted["score"] == 1


def test_editing_the_taxonomy_classifies_again(corpus, counted, tmp_path):
    scheme = tmp_path / "taxonomy.yml"
    shutil.copy(themes.DEFAULT_TAXONOMY, scheme)
    themes.classify_problems(corpus, taxonomy_path=scheme)
    themes.classify_problems(corpus, taxonomy_path=scheme)
    assert counted["score"] == 1
    scheme.write_text(scheme.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    themes.classify_problems(corpus, taxonomy_path=scheme)
    assert counted["score"] == 2, "an edited coding scheme must not be answered from the memo"


def test_term_functions_and_similarity_tokenise_once(corpus, counted):
    terms.term_frequencies(corpus)
    terms.keyness(corpus, corpus.associations[0])
    terms.shared_terms(corpus)
    terms.cooccurrence(corpus)
    recurring_problems(corpus)
    assert cache.computed["tokenize_problems"] == 1
    # however the fields are batched, each field's text of each problem is handed to the
    # segmentation exactly once over all five calls: one tokenisation, reused by every call
    expected = [
        "" if t is None or t is pd.NA else str(t)
        for field in tokens.TOKEN_FIELDS
        for t in corpus.problems[field].tolist()
    ]
    handed = ["" if t is None or t is pd.NA else str(t) for t in counted["segmented_texts"]]
    assert 1 <= counted["segment"] <= len(tokens.TOKEN_FIELDS)
    assert sorted(handed) == sorted(expected), "tokens were segmented more than once"


def test_concreteness_money_and_documents_find_the_facts_once(corpus, counted):
    concreteness.concreteness(corpus, by="association")
    concreteness.money_table(corpus)
    concreteness.documents_table(corpus)
    assert counted["facts"] == len(corpus.problems)


def test_a_selection_is_its_own_table(corpus, counted):
    themes.classify_problems(corpus)
    one = corpus.select([corpus.associations[0]])
    mine = themes.classify_problems(one)
    assert len(mine) == len(one.problems) and counted["score"] == 2
