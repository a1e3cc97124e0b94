"""Status rules: has a problem been fixed, is it still being fixed, or does the notice not say?

Only explicit wording decides, and every decision keeps the spans that were weighed. Signals:

- *stated* ones are the notice's words about the problem: a heading marker (`（已整改到位）`),
  a status field (`整改进展：已完成`, `整改情况：已完成。`), a deadline field whose value is a
  status (`整改时限：已完成，并长期坚持`), a paragraph that is only a status (`持续推进。`),
  已完成整改 / 正在…中 / 持续整改 / 尚未… / 基本完成 in the text, a step still only planned
  (`拟于…`, `计划2025年3月底前完成`, `待…到位后将启动…`);
- *inferred* ones are worked out: a deadline before or after the as-of date.

Stated signals win over inferred ones (a `（已完成）` marker beats a later deadline); a deadline
decides only when the notice says nothing else. Among the signals that decide, in progress beats
completed (one measure done, another under way). With no signal the status is ``not_stated``:
vague verbs (加强, 推进) are never read as a status. The evidence quotes the deciding signals,
then, after `另有：`, the ones outweighed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..text import clause_around
from .dates import find_dates
from .numerals import cn_to_int
from .vocabulary import (
    COMPLETED_CUE,
    COMPLETED_STANDALONE,
    DEADLINE_PREFIXES,
    DEADLINE_SCAN,
    FIELD_VALUE_BARE_DONE,
    FIELD_VALUE_DONE,
    FUTURE_STEP,
    HEADING_MARKER,
    IN_PROGRESS_CUE,
    ITEM_SUMMARY,
    LONG_TERM_VALUE,
    MARKER_DONE,
    MARKER_ONGOING,
    OPENING_FIELD,
    PLAN_CUE,
    QUOTED_TITLE,
    STATUS_FIELD,
    STATUS_LINE,
    SUMMARY_EVIDENCE,
    VALUE_STARTS_DONE,
    VALUE_STARTS_ONGOING,
)

COMPLETED, IN_PROGRESS, NOT_STATED = "completed", "in_progress", "not_stated"


@dataclass(frozen=True)
class StatusDecision:
    """A problem's status, the spans that decided it, and its deadline if one is stated."""

    status: str
    evidence: str
    deadline: pd.Timestamp | None
    deadline_evidence: str


@dataclass(frozen=True)
class Signal:
    """One piece of wording about a problem's status."""

    status: str  # completed / in_progress
    evidence: str
    inferred: bool = False  # worked out (a deadline against the as-of date), not stated


@dataclass(frozen=True)
class _Text:
    """A problem's heading and body, with quoted titles masked (`《…正在…》` says nothing)."""

    heading: str
    full: str
    masked: str


def _context(text: str, start: int, end: int) -> str:
    """The clause around a cue, at most 80 characters either side."""
    return clause_around(text, start, end, limit=80).strip()


def decide_status(heading: str, body: str, as_of: pd.Timestamp | None) -> StatusDecision:
    """Decide one problem's status from its heading and rectification text.

    Parameters
    ----------
    heading
        The problem's heading paragraph (with a status marker wrapped onto the next line).
    body
        Its rectification text.
    as_of
        The date the notice reports at; deadlines are compared with it (None: unknown).

    Returns
    -------
    StatusDecision
    """
    full = heading + "\n" + body
    masked = QUOTED_TITLE.sub(lambda m: "\u3000" * len(m.group(0)), full)
    text = _Text(heading, full, masked)
    deadline, deadline_evidence, deadline_signals = _deadline_signals(text, as_of)
    plans = _plans(text, as_of)
    if deadline is None and plans:  # `计划2025年3月底前完成`: the plan's date is the deadline
        deadline, deadline_evidence = max(plans, key=lambda plan: plan[0])
    signals = [
        *_marker_signals(text),
        *_field_signals(text),
        *_status_line_signals(text),
        *deadline_signals,
        *_cue_signals(text),
        *(Signal(IN_PROGRESS, clause) for date, clause in plans if as_of is None or date > as_of),
    ]
    status, evidence = weigh(signals)
    return StatusDecision(status, evidence, deadline, deadline_evidence)


def weigh(signals: list[Signal]) -> tuple[str, str]:
    """(status, evidence): stated signals first; in progress wins among the deciding ones.

    Parameters
    ----------
    signals : list of Signal
        Every status signal found for one problem.

    Returns
    -------
    tuple of (str, str)
        The status (``completed``, ``in_progress`` or ``not_stated``) and its evidence.
    """
    pool = [s for s in signals if not s.inferred] or signals
    if not pool:
        return NOT_STATED, ""
    status = IN_PROGRESS if any(s.status == IN_PROGRESS for s in pool) else COMPLETED
    deciding = _distinct(s.evidence for s in pool if s.status == status)
    others = [e for e in _distinct(s.evidence for s in signals) if not _within(e, deciding)]
    evidence = " | ".join(deciding)
    return status, evidence + (f" | 另有：{'；'.join(others)}" if others else "")


def _within(text: str, others: list[str]) -> bool:
    return any(text in other for other in others)


def _distinct(evidence) -> list[str]:
    """The quotes in order, each once, leaving out one contained in another (`已完成整改` in
    `目前已完成整改。`)."""
    quotes = list(dict.fromkeys(e.strip() for e in evidence if e.strip()))
    return [q for q in quotes if not _within(q, [o for o in quotes if o != q])]


def _marker_signals(text: _Text) -> list[Signal]:
    """A status marker closing the heading: `（已整改）`, `（持续推进）`."""
    marker = HEADING_MARKER.search(text.heading)
    if not marker:
        return []
    value = marker.group("value")
    if MARKER_ONGOING.search(value):
        return [Signal(IN_PROGRESS, marker.group(0).strip())]
    if MARKER_DONE.search(value):
        return [Signal(COMPLETED, marker.group(0).strip())]
    return []


def _field_signals(text: _Text) -> list[Signal]:
    """Status fields (`整改进展：已完成`) and opening fields that start with a status."""
    out = []
    for m in STATUS_FIELD.finditer(text.masked):
        value = m.group("value").strip()
        evidence = text.full[m.start() : m.end()].strip()
        if (
            IN_PROGRESS_CUE.search(value)
            or LONG_TERM_VALUE.search(value)
            or VALUE_STARTS_ONGOING.match(value)
        ):
            out.append(Signal(IN_PROGRESS, evidence))
        elif (
            FIELD_VALUE_DONE.search(value)
            or COMPLETED_CUE.search(value)
            or FIELD_VALUE_BARE_DONE.match(value)
        ):
            out.append(Signal(COMPLETED, evidence))
    for m in OPENING_FIELD.finditer(text.masked):
        value = m.group("value").strip()
        evidence = _context(text.full, m.start(), m.start("value") + 8)
        if VALUE_STARTS_DONE.match(value) or (len(value) <= 16 and FIELD_VALUE_DONE.search(value)):
            out.append(Signal(COMPLETED, evidence))
        elif VALUE_STARTS_ONGOING.match(value):
            out.append(Signal(IN_PROGRESS, evidence))
    return out


def _status_line_signals(text: _Text) -> list[Signal]:
    """A sentence after the title that is only a status: `持续推进。`, `…。长期坚持。`."""
    out = []
    stop = text.heading.find("。")  # after the title's sentence: text may follow on its line
    start = stop + 1 if stop != -1 else len(text.heading) + 1
    for m in STATUS_LINE.finditer(text.masked, start):
        value = m.group("value")
        status = COMPLETED if VALUE_STARTS_DONE.match(value) else IN_PROGRESS
        out.append(Signal(status, m.group(0).strip()))
    return out


def _prefix_length(text: str, pos: int) -> int:
    """Length of the `整改完成` / `完成` / `整改` that may stand before `时限` at ``pos``."""
    for prefix in DEADLINE_PREFIXES:
        if text.endswith(prefix, 0, pos):
            return len(prefix)
    return 0


def _deadline_signals(
    text: _Text, as_of: pd.Timestamp | None
) -> tuple[pd.Timestamp | None, str, list[Signal]]:
    """Deadline fields: a status as their value (stated), or a date before/after ``as_of`` (inferred)."""
    deadline, deadline_evidence, out = None, "", []
    for m in DEADLINE_SCAN.finditer(text.masked):
        value = m.group("value").strip()
        start = m.start() - _prefix_length(text.masked, m.start())
        deadline_evidence = text.full[start : m.end()].strip()
        if FIELD_VALUE_DONE.search(value) or COMPLETED_CUE.search(value):
            out.append(Signal(COMPLETED, deadline_evidence))
            continue
        dates = find_dates(value, default_year=as_of.year if as_of is not None else None)
        if dates:
            deadline = max(d.date for d in dates)
            out.append(_deadline_signal(deadline, deadline_evidence, as_of))
        elif LONG_TERM_VALUE.search(value):
            out.append(Signal(IN_PROGRESS, deadline_evidence))
    return deadline, deadline_evidence, out


def _deadline_signal(deadline: pd.Timestamp, evidence: str, as_of: pd.Timestamp | None) -> Signal:
    if as_of is not None and deadline <= as_of:
        return Signal(COMPLETED, f"{evidence}（不晚于截至日期 {as_of.date()}）", inferred=True)
    if as_of is not None:
        return Signal(IN_PROGRESS, f"{evidence}（晚于截至日期 {as_of.date()}）", inferred=True)
    return Signal(IN_PROGRESS, evidence, inferred=True)


def _cue_signals(text: _Text) -> list[Signal]:
    """Status words in the running text (outside the fields already read)."""
    field_spans = [
        m.span() for pattern in (DEADLINE_SCAN, STATUS_FIELD) for m in pattern.finditer(text.masked)
    ]

    def in_field(pos: int) -> bool:
        return any(a <= pos < b for a, b in field_spans)

    out = []
    for pattern, status in (
        (COMPLETED_CUE, COMPLETED),
        (COMPLETED_STANDALONE, COMPLETED),
        (IN_PROGRESS_CUE, IN_PROGRESS),
        (FUTURE_STEP, IN_PROGRESS),
    ):
        for m in pattern.finditer(text.masked):
            if not in_field(m.start()):
                out.append(Signal(status, _context(text.full, m.start(), m.end())))
    return out


def _plans(text: _Text, as_of: pd.Timestamp | None) -> list[tuple[pd.Timestamp, str]]:
    """Plans with a date: `计划2025年3月底前完成` → (2025-03-31, the clause).

    A plan whose date is still to come is a sign of work in progress; any plan's date is the
    problem's deadline when no deadline field gives one.
    """
    out = []
    year = as_of.year if as_of is not None else None
    for m in PLAN_CUE.finditer(text.masked):
        dates = find_dates(text.masked[m.end() : m.end() + 16], default_year=year)
        if dates:
            clause = _context(text.full, m.start(), m.end() + dates[0].end)
            out.append((dates[0].date, clause))
    return out


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

    Parameters
    ----------
    statuses
        Each problem's decision from its own words.
    claimed_completed, claimed_ongoing
        The notice's totals (None when not stated); ``claimed_ongoing`` counts everything not
        completed (基本完成 included).
    summary
        The sentence stating the totals, quoted as evidence.

    Returns
    -------
    list of StatusDecision
    """
    n = len(statuses)
    if claimed_completed is None or claimed_completed + (claimed_ongoing or 0) != n:
        return statuses
    n_in_progress = sum(s.status == IN_PROGRESS for s in statuses)
    if n_in_progress != (claimed_ongoing or 0):
        return statuses
    evidence = f"{SUMMARY_EVIDENCE}{summary}（本问题无进行中表述）"
    return [
        StatusDecision(COMPLETED, evidence, s.deadline, s.deadline_evidence)
        if s.status == NOT_STATED
        else s
        for s in statuses
    ]


def item_numbers(items: str) -> list[int]:
    """`1、2、3、5` → [1, 2, 3, 5]; `6至8` → [6, 7, 8]; Chinese numerals too.

    Parameters
    ----------
    items : str
        The item numbers as written.

    Returns
    -------
    list of int
        The numbers, in order.
    """
    numbers: list[int] = []
    parts = re.split(r"\s*(、|，|,|和|及|至|到|-|—|~)\s*", items)
    for k in range(0, len(parts), 2):
        n = cn_to_int(parts[k])
        if n is None:
            continue
        joiner = parts[k - 1] if k else ""
        if joiner in {"至", "到", "-", "—", "~"} and numbers and n > numbers[-1]:
            numbers.extend(range(numbers[-1] + 1, n + 1))
        else:
            numbers.append(n)
    return numbers


def apply_item_summary(statuses: list[StatusDecision], closing: str) -> list[StatusDecision]:
    """Apply a closing summary by item number (`第1、2、3、5项已完成，第4项正在推进`).

    Only to problems whose own words state no status: an explicit per-problem status wins. A
    plan with a date in the same clause (`第4项正在推进，…预计2025年6月底前完成`) gives those
    items their deadline when they have none.

    Parameters
    ----------
    statuses : list of StatusDecision
        The problems' statuses, in notice order.
    closing : str
        The text after the last problem.

    Returns
    -------
    list of StatusDecision
        The statuses, those the summary settles replaced.
    """
    by_item = _items_summarised(closing)
    if not by_item:
        return statuses
    out = []
    for no, s in enumerate(statuses, start=1):
        if no in by_item:
            status, sentence, plan = by_item[no]
            deadline, deadline_evidence = s.deadline, s.deadline_evidence
            if deadline is None and plan is not None:
                deadline, deadline_evidence = plan
            if s.status == NOT_STATED:
                s = StatusDecision(
                    status, f"{SUMMARY_EVIDENCE}{sentence}", deadline, deadline_evidence
                )
            else:
                s = StatusDecision(s.status, s.evidence, deadline, deadline_evidence)
        out.append(s)
    return out


def _items_summarised(closing: str) -> dict[int, tuple[str, str, tuple | None]]:
    """Item number → (status, the summary's clause, (plan date, words) or None)."""
    matches = list(ITEM_SUMMARY.finditer(closing))
    by_item: dict[int, tuple[str, str, tuple | None]] = {}
    for k, m in enumerate(matches):
        state = m.group("state")
        status = IN_PROGRESS if VALUE_STARTS_ONGOING.match(state) else COMPLETED
        sentence = _context(closing, m.start(), m.end())
        stop = matches[k + 1].start() if k + 1 < len(matches) else len(closing)
        tail = closing[m.end() : stop].split("。")[0]
        plans = _plans(_Text("", tail, tail), None)
        plan = (plans[0][0], plans[0][1]) if plans else None
        for n in item_numbers(m.group("items")):
            by_item.setdefault(n, (status, sentence, plan))
    return by_item
