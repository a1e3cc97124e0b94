"""The ground truth of a synthetic notice: its JSON sidecar, and how a parse is checked against it.

A notice ``x.txt`` has its sidecar beside it as ``x.json``: the fields of :class:`NoticeTruth`,
with one :class:`ProblemTruth` per problem. :func:`truth_mismatches` lists every difference
between a parse and a sidecar.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# the problem fields a parse must reproduce (``problem_no`` is checked on its own)
TRUTH_PROBLEM_FIELDS = (
    "label", "title", "aspect_no", "group_title", "status", "n_measures", "deadline",
)  # fmt: skip
# the notice fields a parse must reproduce
TRUTH_NOTICE_FIELDS = (
    "organisation", "title", "inspection_start", "inspection_end", "feedback_date",
    "publish_date", "as_of_date",
)  # fmt: skip


@dataclass
class ProblemTruth:
    """One problem as a correct parse must report it."""

    problem_no: int
    label: str
    title: str
    aspect_no: int | None
    aspect_title: str | None
    group_title: str | None
    status: str
    status_cue: str  # how the notice states the status (see problems.STATUS_CUE_POOLS)
    n_measures: int
    deadline: str | None = None


@dataclass
class NoticeTruth:
    """The true structure of one synthetic notice (its JSON sidecar)."""

    notice_id: str
    seed: int
    index: int
    organisation: str
    title: str
    inspection_start: str
    inspection_end: str
    feedback_date: str
    publish_date: str
    as_of_date: str
    layout: str
    options: dict
    n_problems: int
    n_measures: int
    problems: list[ProblemTruth] = field(default_factory=list)

    def to_json(self) -> str:
        """The sidecar's text."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)


def sidecar_path(notice_path: str | Path) -> Path:
    """Where a notice's sidecar lives: ``x.txt`` → ``x.json``."""
    return Path(notice_path).with_suffix(".json")


def write_truth(truth: NoticeTruth, notice_path: str | Path) -> Path:
    """Write the sidecar of the notice at ``notice_path``; return the sidecar's path."""
    path = sidecar_path(notice_path)
    path.write_text(truth.to_json(), encoding="utf-8")
    return path


def read_truth(path: str | Path) -> dict:
    """The sidecar of a synthetic notice as a dict.

    Parameters
    ----------
    path
        The notice (``x.txt``) or its sidecar (``x.json``).

    Returns
    -------
    dict
        The fields of :class:`NoticeTruth`, problems as a list of dicts.

    Examples
    --------
    >>> truth = read_truth("data/synthetic/synth-0-00000.txt")  # doctest: +SKIP
    >>> truth["problems"][0]["status"]  # doctest: +SKIP
    'completed'
    """
    return json.loads(sidecar_path(path).read_text(encoding="utf-8"))


def plain_value(value: Any) -> Any:
    """A table value as the sidecar writes it: None, int, str or an ISO date.

    Examples
    --------
    >>> plain_value(dt.date(2024, 10, 30))
    '2024-10-30'
    """
    import pandas as pd  # here, not at import: `rectify synth` starts without pandas

    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return None  # None, NaN, NA and NaT (a datetime subclass) alike
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def truth_mismatches(problems: list[dict], notice: dict, truth: dict) -> list[str]:
    """Every difference between a parse and a sidecar, one line each.

    Parameters
    ----------
    problems
        The parsed problem rows of the notice, from ``parse_notice`` (plain values) or the
        corpus tables (pandas values).
    notice
        The parsed notice row.
    truth
        The sidecar, as :func:`read_truth` returns it.

    Returns
    -------
    list of str
        Empty when the parse matches.
    """
    errors = [
        f"notice {key}: parsed {plain_value(notice.get(key))!r}, notice says {truth[key]!r}"
        for key in TRUTH_NOTICE_FIELDS
        if plain_value(notice.get(key)) != truth[key]
    ]
    if len(problems) != truth["n_problems"]:
        got = [f"{p['label']} {p['title']}" for p in problems]
        want = [f"{p['label']} {p['title']}" for p in truth["problems"]]
        return [
            *errors,
            f"{len(problems)} problems parsed, {truth['n_problems']} in the notice",
            f"parsed: {got}",
            f"true:   {want}",
        ]
    for got, want in zip(problems, truth["problems"], strict=True):
        if plain_value(got["problem_no"]) != want["problem_no"]:
            errors.append(f"problem {want['problem_no']} parsed as number {got['problem_no']}")
        for key in TRUTH_PROBLEM_FIELDS:
            if plain_value(got[key]) != want[key]:
                errors.append(
                    f"problem {want['problem_no']} {key}: parsed {plain_value(got[key])!r}, "
                    f"notice says {want[key]!r} (status cue: {want['status_cue']})"
                )
    return errors
