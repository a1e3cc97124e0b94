"""The overview tables: notice metadata, outline sizes, span coverage, the 方面 side by side."""

from __future__ import annotations

import pandas as pd

from rectify_utils.analysis import overview
from rectify_utils.analysis.audit import self_audit
from rectify_utils.analysis.themes import aspect_titles, classify_problems
from rectify_utils.analysis.timeline import DEFAULT_LIMIT_DAYS


def test_notice_metadata_shows_one_row_per_notice_with_its_dates_and_evidence(corpus):
    metadata = overview.notice_metadata(corpus)
    assert list(metadata.columns) == overview.NOTICE_METADATA_COLUMNS
    assert list(metadata["notice_id"]) == list(corpus.notices["notice_id"])


def test_notice_card_lists_the_facts_a_notice_states_with_its_dated_source(corpus):
    card = overview.notice_card(corpus.select(["东营市科协"]))
    assert list(card.columns) == ["notice_id", "field", "value"]
    facts = dict(zip(card["field"], card["value"]))
    assert facts["n_problems"] == 11 and "association" in facts
    assert facts["as_of_date"] == "2024-10-31（推断：文中最晚的日期）", (
        "the profile must say the notice's date is inferred"
    )
    assert "as_of_source" not in facts and "publish_date" not in facts, "a fact it does not state"
    assert facts["source_path"] == "dongying-2024.txt", "never the builder's absolute path"


def test_notice_metadata_shows_file_names_never_absolute_paths(corpus):
    metadata = overview.notice_metadata(corpus)
    assert not metadata["source_path"].str.contains("/").any()


def test_report_timeline_keeps_inferred_dates_out_of_the_limit(corpus):
    dates = overview.report_timeline(corpus)
    dongying = dates[dates["notice_id"] == "dongying-2024"].iloc[0]
    assert bool(dongying["as_of_inferred"]) and pd.isna(dongying["within_limit"])
    assert dates.loc[dates["notice_id"] != "dongying-2024", "within_limit"].notna().all()


def test_skipped_notices_leave_out_files_of_another_type():
    skipped = pd.DataFrame(
        {
            "path": ["/x/provenance.yml", "/x/old.doc", "/x/scan.pdf"],
            "reason": [
                "unsupported file type '.yml' (supported: .txt)",
                "unsupported file type '.doc' (old Word format) — save it as .docx",
                "no text layer",
            ],
        }
    )
    assert overview.skipped_notices(skipped)["path"].tolist() == ["old.doc", "scan.pdf"]
    assert overview.not_notice_files(skipped) == ["provenance.yml"]


def test_outline_counts_set_parsed_beside_claimed_counts(corpus):
    counts = overview.outline_counts(corpus)
    xinye = counts[counts["notice_id"] == "xinye-2024"].iloc[0]
    assert (xinye["n_problems"], xinye["claimed_problems"]) == (31, 31)


def test_outline_sizes_count_a_missing_aspect_level_as_zero(corpus):
    sizes = overview.outline_sizes(corpus)
    assert len(sizes) == 3 * len(corpus.notices)
    assert set(sizes["level"]) == set(overview.OUTLINE_LEVELS.values())
    lishan = sizes[(sizes["notice_id"] == "lishan-2024") & (sizes["level"] == "方面 aspects")]
    assert lishan["n"].tolist() == [0.0], "立山区科协 has no 方面: its bar is 0, not missing"
    assert sizes.loc[sizes["level"] == "问题 problems", "n"].sum() == len(corpus.problems)
    assert (sizes["notice"] == sizes["association"] + "\n" + sizes["notice_id"]).all()


def test_span_coverage_accounts_for_every_character_of_the_bundled_notices(corpus):
    coverage = overview.span_coverage(corpus)
    assert set(coverage["notice_id"]) == set(corpus.texts)
    assert coverage["complete"].all(), coverage[~coverage["complete"]]
    assert coverage["n_chars"].sum() == sum(len(t) for t in corpus.texts.values())


def test_span_coverage_flags_a_notice_whose_spans_miss_text(corpus):
    from dataclasses import replace

    spans = corpus.spans.copy()
    first = spans.index[spans["notice_id"] == "xinye-2024"][0]
    spans = spans.drop(index=first)
    coverage = overview.span_coverage(replace(corpus, spans=spans))
    incomplete = coverage.loc[~coverage["complete"], "notice_id"].tolist()
    assert incomplete == ["xinye-2024"]


def test_aspect_grid_puts_each_notices_headings_side_by_side(corpus):
    grid = overview.aspect_grid(aspect_titles(corpus))
    assert grid.index.name == "方面"
    assert len(grid.columns) == len(corpus.notices)
    lishan = next(c for c in grid.columns if c.endswith("lishan-2024"))
    assert grid.loc["—", lishan].startswith(overview.NO_ASPECT_TITLE), "no 方面: one row marked —"
    assert grid.loc["1"].str.endswith("）").sum() == 4


def test_claimed_items_keep_only_the_totals_a_notice_states(corpus):
    audit = self_audit(corpus)
    claimed = overview.claimed_items(audit)
    assert claimed["claimed"].notna().all() and len(claimed) == 10


def test_problem_tables_keep_the_columns_the_reports_show(corpus):
    classified = classify_problems(corpus)
    assert (
        list(overview.theme_evidence_table(classified).columns) == overview.THEME_EVIDENCE_COLUMNS
    )
    assert list(overview.problem_list(classified).columns) == overview.PROBLEM_LIST_COLUMNS


def test_report_timeline_reads_no_limit_as_the_regulations_two_months(corpus):
    default = overview.report_timeline(corpus)
    assert (default["limit_days"] == DEFAULT_LIMIT_DAYS).all()
    assert (overview.report_timeline(corpus, limit_days=200)["within_limit"]).all()


def test_skipped_names_give_the_file_name_and_reason():
    skipped = pd.DataFrame({"path": ["/x/data/raw/a.yml"], "reason": ["unsupported"]})
    assert overview.skipped_names(skipped) == [("a.yml", "unsupported")]


def test_largest_associations_are_every_one_up_to_the_limit_in_corpus_order(corpus):
    assert overview.largest_associations(corpus, None) == corpus.associations
    assert overview.largest_associations(corpus, 5) == corpus.associations
    assert overview.largest_associations(corpus, 20) == corpus.associations


def test_largest_associations_past_the_limit_are_those_with_most_problems_ties_by_name(corpus):
    # problems: 新野县科协 31, 罗庄区科协 21, 东营市科协 11, 石龙区科协 11, 立山区科协 6
    assert overview.largest_associations(corpus, 2) == ["新野县科协", "罗庄区科协"]
    assert overview.largest_associations(corpus, 3) == ["新野县科协", "罗庄区科协", "东营市科协"], (
        "a tie at the limit (11 problems each) goes by name"
    )
    assert overview.largest_associations(corpus, 0) == []
