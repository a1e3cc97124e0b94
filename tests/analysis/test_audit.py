"""Self-audit: each notice's claims about itself against the parse, on the five notices."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

from rectify_utils.analysis.audit import ITEMS, audit_summary, claim_sentences, self_audit
from rectify_utils.parse.numerals import cn_to_int

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
#: a number as a notice writes it: `31`, `四`, `十一`
NUMBER = re.compile(r"\d+|[一二两三四五六七八九十百]+")


@pytest.fixture(scope="module")
def audit(corpus):
    return self_audit(corpus)


def _numbers_in(text: str) -> set[int]:
    return {n for n in (cn_to_int(m) for m in NUMBER.findall(text)) if n is not None}


def test_every_notice_has_one_row_per_item(corpus, audit):
    assert len(audit) == len(corpus.notices) * len(ITEMS), "an item is missing for some notice"
    for nid, group in audit.groupby("notice_id"):
        assert list(group["item"].astype(str)) == ITEMS, f"{nid}: items missing or out of order"
    assert list(audit["item"].cat.categories) == ITEMS


def test_claims_are_the_notice_table_claims(corpus, audit):
    notices = corpus.notices.set_index("notice_id")
    for row in audit.itertuples():
        expected = notices.loc[row.notice_id].get(f"claimed_{row.item}", pd.NA)
        assert (pd.isna(expected) and pd.isna(row.claimed)) or expected == row.claimed, (
            f"{row.association} {row.item}: audit shows claim {row.claimed}, notices table {expected}"
        )


def test_parsed_counts_are_the_parse(corpus, audit):
    notices = corpus.notices.set_index("notice_id")
    wide = audit.pivot(index="notice_id", columns="item", values="parsed")
    for nid, notice in notices.iterrows():
        problems = corpus.problems[corpus.problems["notice_id"] == nid]
        assert wide.loc[nid, "problems"] == len(problems)
        assert wide.loc[nid, "measures"] == notice["n_measures"]
        if problems["status"].isin(["completed", "in_progress"]).any():
            assert wide.loc[nid, "completed"] == (problems["status"] == "completed").sum()
            assert wide.loc[nid, "ongoing"] == (problems["status"] == "in_progress").sum()
        else:
            assert pd.isna(wide.loc[nid, "completed"]), (
                f"{nid} states no status, yet the audit shows a parsed count of completed problems"
            )


def test_agrees_is_unknown_unless_both_sides_are_known(audit):
    unknown = audit["claimed"].isna() | audit["parsed"].isna()
    assert audit.loc[unknown, "agrees"].isna().all(), "agreement shown where a side is missing"
    known = audit[~unknown]
    assert (known["agrees"] == (known["claimed"] == known["parsed"])).all()


def test_claimed_numbers_are_quoted_in_their_evidence(audit):
    claimed = audit[audit["claimed"].notna()]
    assert len(claimed) >= 1
    for row in claimed.itertuples():
        assert isinstance(row.evidence, str) and row.evidence.startswith("「"), (
            f"{row.association} {row.item}: claim {row.claimed} shown without its sentence"
        )
        assert row.claimed in _numbers_in(row.evidence), (
            f"{row.association} {row.item}: claim {row.claimed} but the quoted sentence says "
            f"{row.evidence!r}"
        )
    assert audit.loc[audit["claimed"].isna(), "evidence"].isna().all()


def test_quoted_sentences_are_in_the_notice(corpus, audit):
    for row in audit[audit["evidence"].notna()].itertuples():
        text = re.sub(r"\s", "", corpus.texts[row.notice_id])
        for sentence in re.findall(r"「(.*?)」", row.evidence):
            assert re.sub(r"\s", "", sentence) in text, (
                f"{row.association}: the audit quotes a sentence the notice does not contain"
            )


def test_problem_claims_agree_with_the_parsed_problems(audit):
    stated = audit[(audit["item"] == "problems") & audit["claimed"].notna()]
    assert len(stated) >= 1, "expected a notice stating how many problems it had"
    for row in stated.itertuples():
        assert row.agrees, (
            f"{row.association} says {row.claimed} problems, the parse found {row.parsed}: "
            f"{row.evidence}"
        )


def test_status_claims_that_add_up_to_the_problems_agree(audit):
    wide = audit.pivot(index="notice_id", columns="item", values="claimed")
    adds_up = wide[
        wide["completed"].notna()
        & wide["ongoing"].notna()
        & (wide["completed"] + wide["ongoing"] == wide["problems"])
    ]
    assert len(adds_up) >= 1, "expected a notice whose completed + ongoing equal its problems"
    for nid in adds_up.index:
        rows = audit[(audit["notice_id"] == nid) & audit["item"].isin(["completed", "ongoing"])]
        assert rows["agrees"].all(), f"{nid}: stated statuses differ from the parse:\n{rows}"


def test_measure_note_explains_how_measures_were_counted(audit):
    notes = audit.loc[audit["item"] == "measures", "note"]
    assert notes.str.contains("一是").all() and notes.str.contains("differently").all()


def test_a_changed_claim_shows_as_disagreement(corpus):
    notices = corpus.notices.copy()
    stated = notices["claimed_aspects"].notna()
    notices.loc[stated, "claimed_aspects"] += 1
    audit = self_audit(dataclasses.replace(corpus, notices=notices))
    aspects = audit[(audit["item"] == "aspects") & audit["claimed"].notna()]
    assert len(aspects) >= 1 and (~aspects["agrees"]).all(), (
        "a notice claiming one 方面 more than parsed is shown as agreeing"
    )


def test_summary_counts_agreements_per_notice(corpus, audit):
    summary = audit_summary(corpus)
    assert list(summary["notice_id"]) == list(corpus.notices["notice_id"])
    for row in summary.itertuples():
        mine = audit[audit["notice_id"] == row.notice_id]
        assert row.n_claims == mine["claimed"].notna().sum()
        assert row.n_agree + row.n_differ == mine["agrees"].notna().sum()


def test_claim_sentences_split_the_evidence_by_key():
    evidence = "aspects：甲有4个方面。 | problems：乙有11个问题。 | aspects：丙。"
    got = claim_sentences(evidence)
    assert got["aspects"] == ["甲有4个方面。", "丙。"] and got["problems"] == ["乙有11个问题。"]
    assert claim_sentences(pd.NA)["aspects"] == []


def test_an_empty_selection_gives_empty_tables_with_the_same_columns(corpus, audit):
    empty = corpus.select([])
    assert list(self_audit(empty).columns) == list(audit.columns)
    assert list(audit_summary(empty).columns) == list(audit_summary(corpus).columns), (
        "a report filtered to no association would crash instead of showing an empty table"
    )


def test_a_notice_that_states_two_totals_is_flagged_as_contradicting_itself(corpus):
    audit = self_audit(corpus)
    row = audit[(audit["notice_id"] == "xinye-2024") & (audit["item"] == "problems")].iloc[0]
    assert row["conflicting"] == "11、31", "新野县 says 11 problems in one place and 31 in another"
    others = audit[(audit["notice_id"] != "xinye-2024") & audit["conflicting"].notna()]
    assert others.empty, f"only 新野县 contradicts itself: {others.to_dict('records')}"
    warnings = corpus.warnings[corpus.warnings["notice_id"] == "xinye-2024"]["message"]
    assert warnings.str.contains("different problems counts").any()


def test_basically_completed_counts_as_ongoing_in_the_audit():
    import pandas as pd

    from rectify_utils.analysis.audit import _claimed

    notice = {"claimed_ongoing": pd.NA, "claimed_basically_completed": 1}
    assert _claimed(notice, "ongoing") == 1
    notice = {"claimed_ongoing": 2, "claimed_basically_completed": 1}
    assert _claimed(notice, "ongoing") == 3


def _per_notice_parsed(corpus) -> pd.DataFrame:
    """The parsed figures and notes counted notice by notice (the audit before it was grouped)."""
    from rectify_utils.analysis.audit import _rule_count
    from rectify_utils.analysis.completion import FROM_SUMMARY
    from rectify_utils.analysis.concreteness import documents_table

    documents = documents_table(corpus)
    rows = []
    for notice in corpus.notices.itertuples():
        problems = corpus.problems[corpus.problems["notice_id"] == notice.notice_id]
        status = problems["status"].astype("string")
        stated = status.isin(["completed", "in_progress"]).any()
        keys = list(
            zip(
                problems["aspect_no"].astype("string").fillna(""),
                problems["group_title"].astype("string").fillna(""),
            )
        )
        runs = sum(1 for i, k in enumerate(keys) if i == 0 or k != keys[i - 1])
        evidence = problems["status_evidence"].astype("string").fillna("")
        rows.append(
            dict(
                notice_id=notice.notice_id,
                completed=int((status == "completed").sum()) if stated else pd.NA,
                ongoing=int((status == "in_progress").sum()) if stated else pd.NA,
                groups=0 if problems["group_title"].isna().all() else runs,
                rules=_rule_count(documents[documents["notice_id"] == notice.notice_id]),
                inferred=int((evidence.str.contains(FROM_SUMMARY) & (status == "completed")).sum()),
                unlisted=int((problems["n_measures"].fillna(0) == 0).sum()),
            )
        )
    return pd.DataFrame(rows).set_index("notice_id")


def _assert_audit_is_the_per_notice_audit(corpus) -> None:
    audit = self_audit(corpus)
    expected = _per_notice_parsed(corpus)
    wide = audit.pivot(index="notice_id", columns="item", values="parsed")
    notes = audit.pivot(index="notice_id", columns="item", values="note")
    for nid, want in expected.iterrows():
        for item in ("completed", "ongoing", "groups", "rules"):
            got = wide.loc[nid, item]
            assert (pd.isna(got) and pd.isna(want[item])) or got == want[item], (
                f"{nid}: the audit shows {got} parsed {item}, counting its problems gives "
                f"{want[item]}"
            )
        assert (f"; {want['inferred']} inferred" in notes.loc[nid, "completed"]) == bool(
            want["inferred"]
        ), f"{nid}: the completed note miscounts the problems inferred from the totals"
        assert (f"; {want['unlisted']} problem(s)" in notes.loc[nid, "measures"]) == bool(
            want["unlisted"]
        ), f"{nid}: the measures note miscounts the problems without an itemised list"


def test_the_grouped_audit_counts_what_a_notice_by_notice_count_finds(corpus, tmp_path):
    from rectify_utils import load_corpus
    from rectify_utils.synth import write_synthetic_corpus

    synthetic = load_corpus(write_synthetic_corpus(60, seed=11, out_dir=tmp_path))
    assert synthetic.problems["group_title"].notna().any(), "no synthetic notice has 类 headings"
    for each in (corpus, synthetic):
        _assert_audit_is_the_per_notice_audit(each)


def test_the_audit_counts_a_notice_whose_problems_are_not_adjacent_in_the_table(corpus):
    # the notices' problems interleaved, each notice's in their own order
    interleaved = corpus.problems.sort_values("problem_no", kind="stable").reset_index(drop=True)
    _assert_audit_is_the_per_notice_audit(dataclasses.replace(corpus, problems=interleaved))
