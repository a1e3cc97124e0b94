"""Every table's columns and dtypes, in one place — the contract the analyses and notebooks rely on.

Each table is an ordered mapping column → dtype (a pandas dtype or its name). Categories are
declared here with their categories, so no dtype is chosen by a column's name.
"""

from __future__ import annotations

import pandas as pd

STATUSES = ["completed", "in_progress", "not_stated"]
STATUS_DTYPE = pd.CategoricalDtype(STATUSES)
LEVEL_DTYPE = pd.CategoricalDtype(["区县", "地市", "省"])
SPAN_KINDS = ["header", "preamble", "heading", "problem", "closing", "unassigned"]
SPAN_KIND_DTYPE = pd.CategoricalDtype(SPAN_KINDS)
#: the kinds of inspected body (``parse.vocabulary.UNIT_KIND_WORDS``)
UNIT_KIND_DTYPE = pd.CategoricalDtype(
    [
        "科协",
        "文联",
        "社科联",
        "工会",
        "共青团",
        "妇联",
        "其他群团",
        "政府部门",
        "学校",
        "医院",
        "企业",
        "乡镇街道",
        "其他",
    ]
)
#: what a document is (``parse.kinds``)
DOC_KIND_DTYPE = pd.CategoricalDtype(
    ["notice", "meeting_news", "inspection_announcement", "rectification_plan", "other"]
)
#: ``corpus.outline.node``: categories in the order they first appear
OUTLINE_NODE_DTYPE = "category"

DATE = "datetime64[ns]"
COUNT = "Int64"
TEXT = "string"

Columns = dict[str, "str | pd.api.extensions.ExtensionDtype"]

NOTICE_COLUMNS: Columns = {
    "notice_id": TEXT,
    "association": TEXT,
    "doc_kind": DOC_KIND_DTYPE,
    "doc_kind_evidence": TEXT,
    "problems_itemised": "boolean",
    "organisation": TEXT,
    "organisation_source": TEXT,
    "organisation_evidence": TEXT,
    "unit_kind": UNIT_KIND_DTYPE,
    "unit_kind_evidence": TEXT,
    "title": TEXT,
    "province": TEXT,
    "city": TEXT,
    "county": TEXT,
    "level": LEVEL_DTYPE,
    "inspector": TEXT,
    "inspection_start": DATE,
    "inspection_end": DATE,
    "feedback_date": DATE,
    "publish_date": DATE,
    "as_of_date": DATE,
    "as_of_source": TEXT,
    "claimed_aspects": COUNT,
    "claimed_problems": COUNT,
    "claimed_completed": COUNT,
    "claimed_ongoing": COUNT,
    "claimed_measures": COUNT,
    "claimed_rules": COUNT,
    "n_aspects": COUNT,
    "n_problems": COUNT,
    "n_measures": COUNT,
    "n_unassigned": COUNT,
    "n_chars": COUNT,
    "date_evidence": TEXT,
    "claims_evidence": TEXT,
    "claims_conflicts": TEXT,
    "encoding": TEXT,
    "source_path": TEXT,
    "adcode": TEXT,
    "disclosure_start": DATE,
    "disclosure_end": DATE,
    "claimed_groups": COUNT,
    "claimed_basically_completed": COUNT,
    "wrapped": "boolean",
    "converted_from_traditional": "boolean",
}

PROBLEM_COLUMNS: Columns = {
    "notice_id": TEXT,
    "association": TEXT,
    "problem_no": COUNT,
    "label": TEXT,
    "aspect_no": COUNT,
    "aspect_title": TEXT,
    "group_title": TEXT,
    "title": TEXT,
    "text": TEXT,
    "status": STATUS_DTYPE,
    "status_evidence": TEXT,
    "deadline": DATE,
    "deadline_evidence": TEXT,
    "n_measures": COUNT,
    "char_start": COUNT,
    "char_end": COUNT,
    "title_raw": TEXT,
    "status_marker": TEXT,
}

MEASURE_COLUMNS: Columns = {
    "notice_id": TEXT,
    "problem_no": COUNT,
    "measure_no": COUNT,
    "label": TEXT,
    "text": TEXT,
    "char_start": COUNT,
    "char_end": COUNT,
}

SKIPPED_COLUMNS: Columns = {"path": TEXT, "reason": TEXT, "doc_kind": DOC_KIND_DTYPE}

#: how a copy was found (``parse.duplicates``): the same text, or a near-duplicate by MinHash
MATCH_DTYPE = pd.CategoricalDtype(["exact", "near"])
#: ``corpus.duplicates``: one row per copy of a notice other than the copy kept
DUPLICATE_COLUMNS: Columns = {
    "notice_id": TEXT,
    "duplicate_of": TEXT,  # the notice_id of the copy kept
    "similarity": "float64",  # Jaccard of the texts' shingles; 1.0 for the same text
    "match": MATCH_DTYPE,
    "evidence": TEXT,  # why that copy is kept: "kept x: earliest publish date 2022-06-21"
    "source_path": TEXT,
    "dropped": "boolean",  # left out of the tables (False with keep_duplicates=True)
}

UNASSIGNED_COLUMNS: Columns = {
    "notice_id": TEXT,
    "text": TEXT,
    "char_start": COUNT,
    "char_end": COUNT,
}

SPAN_COLUMNS: Columns = {
    "notice_id": TEXT,
    "kind": SPAN_KIND_DTYPE,
    "label": TEXT,
    "char_start": COUNT,
    "char_end": COUNT,
}

OUTLINE_COLUMNS: Columns = {
    "notice_id": TEXT,
    "node": OUTLINE_NODE_DTYPE,
    "depth": COUNT,
    "label": TEXT,
    "title": TEXT,
    "problem_no": COUNT,
    "char_start": COUNT,
}

WARNING_COLUMNS: Columns = {"notice_id": TEXT, "message": TEXT}

#: the tables of a notice's parse, by name (``corpus.skipped`` is the corpus's own)
TABLE_COLUMNS: dict[str, Columns] = {
    "notices": NOTICE_COLUMNS,
    "problems": PROBLEM_COLUMNS,
    "measures": MEASURE_COLUMNS,
    "unassigned": UNASSIGNED_COLUMNS,
    "spans": SPAN_COLUMNS,
    "outline": OUTLINE_COLUMNS,
    "warnings": WARNING_COLUMNS,
}


def frame(rows: list[dict], columns: Columns) -> pd.DataFrame:
    """A DataFrame of ``rows`` with exactly ``columns`` (in order) and their dtypes.

    Parameters
    ----------
    rows
        One dict per row; missing keys become missing values.
    columns
        Column → dtype, e.g. ``schema.PROBLEM_COLUMNS``.

    Returns
    -------
    pandas.DataFrame
    """
    df = pd.DataFrame(rows, columns=list(columns))
    for col, dtype in columns.items():
        if isinstance(dtype, str) and dtype.startswith("datetime"):
            df[col] = pd.to_datetime(df[col]).astype(dtype)
        else:
            df[col] = df[col].astype(dtype)
    return df
