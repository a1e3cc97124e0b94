"""Realistic notices written for the tests (tests/data/notices/): each parses to its expected result.

The notices are invented, in the layouts and wordings of published notices from many kinds of
body (see tests/data/notices/README.md); none copies a published page. Each ``<stem>.expected.yml``
says what a careful reader extracts: document kind, body, dates, claims, and every problem's
title, 方面, status (with the words that justify it), deadline and number of measures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from rectify_utils import load_corpus

NOTICES = Path(__file__).resolve().parents[1] / "data" / "notices"
EXPECTED = sorted(NOTICES.glob("*.expected.yml"))
NOTICE_FIELDS = [
    "unit_kind",
    "organisation",
    "association",
    "inspector",
    "claimed_problems",
    "claimed_completed",
    "claimed_ongoing",
    "claimed_basically_completed",
    "claimed_measures",
    "claimed_rules",
]
DATE_FIELDS = ["inspection_start", "inspection_end", "feedback_date", "publish_date"]


def source_of(expected: Path) -> Path:
    """The notice file beside an expected file (``.txt``, ``.html`` or ``.docx.json``)."""
    stem = expected.name.removesuffix(".expected.yml")
    for suffix in (".txt", ".html", ".docx.json"):
        path = NOTICES / f"{stem}{suffix}"
        if path.exists():
            return path
    raise FileNotFoundError(f"no notice file for {expected.name}")


def materialise(source: Path, spec: dict, folder: Path) -> Path:
    """The file a user would drop into data/raw: Word built from its JSON, text re-encoded."""
    stem = source.name.split(".")[0]
    if source.name.endswith(".docx.json"):
        import docx

        document = docx.Document()
        for block in json.loads(source.read_text(encoding="utf-8"))["blocks"]:
            if "p" in block:
                document.add_paragraph(block["p"])
            else:
                rows = block["table"]
                table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
        path = folder / f"{stem}.docx"
        document.save(path)
        return path
    path = folder / source.name
    text = source.read_text(encoding="utf-8")
    path.write_bytes(text.encode(spec.get("encode_as") or "utf-8"))
    return path


def _same(value, expected) -> bool:
    if expected is None:
        return value is None or pd.isna(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return False
    return value == expected


def mismatches(corpus, spec: dict) -> list[str]:
    """What differs between the parse and the expected result, in words."""
    kind = spec["doc_kind"]
    if kind != "notice":
        skipped = corpus.skipped
        if corpus.notices.empty and len(skipped) == 1 and skipped["doc_kind"].iloc[0] == kind:
            return []
        return [
            f"expected to be set aside as {kind}; notices={len(corpus.notices)}, skipped={skipped.to_dict('records')}"
        ]
    if corpus.notices.empty:
        return [f"skipped: {corpus.skipped.to_dict('records')}"]
    notice = corpus.notices.iloc[0]
    out = [
        f"{field}: parsed {notice[field]!r}, expected {spec.get(field)!r}"
        for field in NOTICE_FIELDS
        if field in spec and not _same(notice[field], spec[field])
    ]
    for field in DATE_FIELDS:
        got = None if pd.isna(notice[field]) else str(notice[field].date())
        want = None if spec.get(field) is None else str(spec[field])
        if got != want:
            out.append(f"{field}: parsed {got}, expected {want}")
    if bool(notice["problems_itemised"]) != bool(spec.get("problems_itemised", True)):
        out.append(f"problems_itemised: parsed {notice['problems_itemised']}")
    if spec.get("self_contradictory") and pd.isna(notice["claims_conflicts"]):
        out.append("the notice contradicts its own counts, but claims_conflicts is empty")
    out += problem_mismatches(corpus.problems, spec.get("problems") or [])
    return out


def problem_mismatches(problems: pd.DataFrame, expected: list[dict]) -> list[str]:
    if len(problems) != len(expected):
        titles = list(problems["title"])
        return [f"{len(problems)} problems parsed, {len(expected)} expected: {titles}"]
    out = []
    for (_, got), want in zip(problems.iterrows(), expected):
        no = got["problem_no"]
        if got["title"] != want["title"]:
            out.append(f"problem {no} title: parsed {got['title']!r}, expected {want['title']!r}")
        if want.get("aspect") and (
            pd.isna(got["aspect_title"]) or want["aspect"] not in str(got["aspect_title"])
        ):
            out.append(
                f"problem {no} 方面: parsed {got['aspect_title']!r}, expected {want['aspect']!r}"
            )
        if got["status"] != want["status"]:
            out.append(
                f"problem {no} status: parsed {got['status']} ({got['status_evidence']!r}), "
                f"expected {want['status']} ({want.get('status_words')!r})"
            )
        elif want.get("status_words") and want["status_words"] not in str(got["status_evidence"]):
            out.append(
                f"problem {no} evidence {got['status_evidence']!r} lacks {want['status_words']!r}"
            )
        deadline = None if pd.isna(got["deadline"]) else str(got["deadline"].date())
        if want.get("deadline") is not None and deadline != str(want["deadline"]):
            out.append(f"problem {no} deadline: parsed {deadline}, expected {want['deadline']}")
        if want.get("n_measures") is not None and got["n_measures"] != want["n_measures"]:
            out.append(
                f"problem {no} measures: parsed {got['n_measures']}, expected {want['n_measures']}"
            )
    return out


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.yml"))
def test_each_written_notice_parses_to_its_expected_result(expected, tmp_path):
    spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
    path = materialise(source_of(expected), spec, tmp_path)
    corpus = load_corpus(path)
    problems = mismatches(corpus, spec)
    assert not problems, f"{path.name} ({spec['layout']}):\n  " + "\n  ".join(problems)


def test_the_collection_covers_the_layouts_and_bodies_it_promises():
    specs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXPECTED]
    if len(specs) < 25:
        pytest.skip(f"{len(specs)} notices so far")
    kinds = {s.get("unit_kind") for s in specs if s["doc_kind"] == "notice"}
    assert len(kinds) >= 8, f"notices from {len(kinds)} kinds of body: {sorted(map(str, kinds))}"
    assert {s["doc_kind"] for s in specs} >= {
        "notice",
        "meeting_news",
        "inspection_announcement",
        "rectification_plan",
    }
