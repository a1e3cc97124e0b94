"""Helpers shared by the tests that measure the coding scheme on labelled sets."""

from __future__ import annotations

import pandas as pd

from rectify_utils.analysis.themes import classify_problems


def statements_alone_accuracy(labels: pd.DataFrame) -> float:
    """Agreement of ``labels`` (stem, problem_no, title, unit_kind, theme_code) from the titles alone.

    Each labelled problem statement is classified without its notice (no heading, no text).
    """
    frame = labels.assign(
        notice_id=labels["stem"],
        problem_no=pd.array(labels["problem_no"], dtype="Int64"),
        title=labels["title"].astype("string"),
    )
    got = classify_problems(frame)["theme_code"].astype("string").to_numpy()
    return float((got == labels["theme_code"].to_numpy()).mean())
