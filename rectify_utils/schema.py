"""Column names and dtypes of the corpus tables — the contract the notebooks rely on."""

from __future__ import annotations

import pandas as pd

STATUSES = ["completed", "in_progress", "not_stated"]
STATUS_DTYPE = pd.CategoricalDtype(STATUSES)
LEVEL_DTYPE = pd.CategoricalDtype(["区县", "地市", "省"])
SPAN_KINDS = ["header", "preamble", "heading", "problem", "closing", "unassigned"]
SPAN_KIND_DTYPE = pd.CategoricalDtype(SPAN_KINDS)

NOTICE_COLUMNS: dict[str, str] = {
    "notice_id": "string",
    "association": "string",
    "organisation": "string",
    "title": "string",
    "province": "string",
    "city": "string",
    "county": "string",
    "level": "category",
    "inspector": "string",
    "inspection_start": "datetime64[ns]",
    "inspection_end": "datetime64[ns]",
    "feedback_date": "datetime64[ns]",
    "publish_date": "datetime64[ns]",
    "as_of_date": "datetime64[ns]",
    "as_of_source": "string",
    "claimed_aspects": "Int64",
    "claimed_problems": "Int64",
    "claimed_completed": "Int64",
    "claimed_ongoing": "Int64",
    "claimed_measures": "Int64",
    "claimed_rules": "Int64",
    "n_aspects": "Int64",
    "n_problems": "Int64",
    "n_measures": "Int64",
    "n_unassigned": "Int64",
    "n_chars": "Int64",
    "date_evidence": "string",
    "claims_evidence": "string",
    "encoding": "string",
    "source_path": "string",
}

PROBLEM_COLUMNS: dict[str, str] = {
    "notice_id": "string",
    "association": "string",
    "problem_no": "Int64",
    "label": "string",
    "aspect_no": "Int64",
    "aspect_title": "string",
    "group_title": "string",
    "title": "string",
    "text": "string",
    "status": "category",
    "status_evidence": "string",
    "deadline": "datetime64[ns]",
    "deadline_evidence": "string",
    "n_measures": "Int64",
    "char_start": "Int64",
    "char_end": "Int64",
}

MEASURE_COLUMNS: dict[str, str] = {
    "notice_id": "string",
    "problem_no": "Int64",
    "measure_no": "Int64",
    "label": "string",
    "text": "string",
    "char_start": "Int64",
    "char_end": "Int64",
}

SKIPPED_COLUMNS: dict[str, str] = {"path": "string", "reason": "string"}
UNASSIGNED_COLUMNS: dict[str, str] = {
    "notice_id": "string",
    "text": "string",
    "char_start": "Int64",
    "char_end": "Int64",
}
SPAN_COLUMNS: dict[str, str] = {
    "notice_id": "string",
    "kind": "category",
    "label": "string",
    "char_start": "Int64",
    "char_end": "Int64",
}
WARNING_COLUMNS: dict[str, str] = {"notice_id": "string", "message": "string"}


def frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """Build a DataFrame with exactly ``columns`` (in order) and their dtypes."""
    df = pd.DataFrame(rows, columns=list(columns))
    for col, dtype in columns.items():
        if dtype.startswith("datetime"):
            df[col] = pd.to_datetime(df[col]).astype(dtype)
        elif dtype == "category":
            if col == "status":
                df[col] = df[col].astype(STATUS_DTYPE)
            elif col == "level":
                df[col] = df[col].astype(LEVEL_DTYPE)
            elif col == "kind":
                df[col] = df[col].astype(SPAN_KIND_DTYPE)
            else:
                df[col] = df[col].astype("category")
        else:
            df[col] = df[col].astype(dtype)
    return df
