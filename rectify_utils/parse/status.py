"""Status rules: has a problem been fixed, is it still being fixed, or does the notice not say?

Only explicit wording decides, and every decision keeps the span that justified it:

- ``completed``: 已完成 / 已整改到位 / 已完成整改 … in a status marker or deadline field
  (`整改完成时限：已完成，并长期坚持` is completed), or a deadline on or before the as-of date;
- ``in_progress``: 正在…(中), 持续整改, 长期整改, 尚未…, a step still only planned (`拟于…`),
  or a deadline after the as-of date;
- ``not_stated``: nothing explicit — vague verbs (加强, 推进) are never read as a status.

Where the signals disagree (one measure done, another under way) the problem is in progress.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..text import clause_around
from .dates import find_dates
from .vocabulary import (
    COMPLETED_CUE,
    COMPLETED_STANDALONE,
    DEADLINE_PREFIXES,
    DEADLINE_SCAN,
    FIELD_VALUE_DONE,
    HEADING_MARKER,
    IN_PROGRESS_CUE,
    LONG_TERM_VALUE,
    MARKER_DONE,
    MARKER_ONGOING,
    QUOTED_TITLE,
    STATUS_FIELD,
    SUMMARY_EVIDENCE,
)


@dataclass(frozen=True)
class StatusDecision:
    status: str
    evidence: str
    deadline: pd.Timestamp | None
    deadline_evidence: str


def _context(text: str, start: int, end: int) -> str:
    """The clause around a cue, at most 80 characters either side."""
    return clause_around(text, start, end, limit=80).strip()


def reconcile_with_summary(
    statuses: list[StatusDecision],
    claimed_completed: int | None,
    claimed_ongoing: int | None,
    summary: str,
) -> list[StatusDecision]:
    """Apply a notice's own totals (`已完成整改26个，长期整改5个`) to problems it left unmarked.

    Only when the totals add up to the number of problems and exactly the claimed number of
    problems already carry in-progress wording: then every other problem is, by the notice's
    own account, completed. Otherwise nothing is inferred.
    """
    n = len(statuses)
    if claimed_completed is None or claimed_completed + (claimed_ongoing or 0) != n:
        return statuses
    n_in_progress = sum(s.status == "in_progress" for s in statuses)
    if n_in_progress != (claimed_ongoing or 0):
        return statuses
    evidence = f"{SUMMARY_EVIDENCE}{summary}（本问题无进行中表述）"
    return [
        StatusDecision("completed", evidence, s.deadline, s.deadline_evidence)
        if s.status == "not_stated"
        else s
        for s in statuses
    ]


def _prefix_length(text: str, pos: int) -> int:
    """Length of the `整改完成` / `完成` / `整改` that may stand before `时限` at ``pos``."""
    for prefix in DEADLINE_PREFIXES:
        if text.endswith(prefix, 0, pos):
            return len(prefix)
    return 0


def decide_status(heading: str, body: str, as_of: pd.Timestamp | None) -> StatusDecision:
    """Decide one problem's status from its heading and rectification text."""
    full = heading + "\n" + body
    masked = QUOTED_TITLE.sub(lambda m: "\u3000" * len(m.group(0)), full)
    completed: list[str] = []
    in_progress: list[str] = []
    deadline = None
    deadline_evidence = ""

    marker = HEADING_MARKER.search(heading)
    if marker:
        value = marker.group("value")
        if MARKER_ONGOING.search(value):
            in_progress.append(marker.group(0).strip())
        elif MARKER_DONE.search(value):
            completed.append(marker.group(0).strip())

    for m in STATUS_FIELD.finditer(masked):
        value = m.group("value").strip()
        evidence = full[m.start() : m.end()].strip()
        if FIELD_VALUE_DONE.search(value) or COMPLETED_CUE.search(value):
            completed.append(evidence)
        elif IN_PROGRESS_CUE.search(value) or LONG_TERM_VALUE.search(value):
            in_progress.append(evidence)

    for m in DEADLINE_SCAN.finditer(masked):
        value = m.group("value").strip()
        start = m.start() - _prefix_length(masked, m.start())
        deadline_evidence = full[start : m.end()].strip()
        if FIELD_VALUE_DONE.search(value) or COMPLETED_CUE.search(value):
            completed.append(deadline_evidence)
            continue
        dates = find_dates(value, default_year=as_of.year if as_of is not None else None)
        if dates:
            deadline = max(d.date for d in dates)
            if as_of is not None and deadline <= as_of:
                completed.append(f"{deadline_evidence}（不晚于截至日期 {as_of.date()}）")
            else:
                in_progress.append(
                    f"{deadline_evidence}（晚于截至日期 {as_of.date()}）"
                    if as_of is not None
                    else deadline_evidence
                )
        elif LONG_TERM_VALUE.search(value):
            in_progress.append(deadline_evidence)

    field_spans = [m.span() for f in (DEADLINE_SCAN, STATUS_FIELD) for m in f.finditer(masked)]

    def in_field(pos: int) -> bool:
        return any(a <= pos < b for a, b in field_spans)

    for m in COMPLETED_CUE.finditer(masked):
        if not in_field(m.start()):
            completed.append(_context(full, m.start(), m.end()))
    for m in COMPLETED_STANDALONE.finditer(masked):
        if not in_field(m.start()):
            completed.append(_context(full, m.start(), m.end()))
    for m in IN_PROGRESS_CUE.finditer(masked):
        if not in_field(m.start()):
            in_progress.append(_context(full, m.start(), m.end()))

    if in_progress:
        return StatusDecision(
            "in_progress", " | ".join(dict.fromkeys(in_progress)), deadline, deadline_evidence
        )
    if completed:
        return StatusDecision(
            "completed", " | ".join(dict.fromkeys(completed)), deadline, deadline_evidence
        )
    return StatusDecision("not_stated", "", deadline, deadline_evidence)
