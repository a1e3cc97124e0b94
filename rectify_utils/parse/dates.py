"""Dates: every date in a text (a missing year inferred from context), and a notice's own dates.

``notice_dates`` reads the dates of one notice in named steps: the inspection period and the
feedback date from its opening, the disclosure period and publication date from its closing,
and the date its statuses are reported at (``as_of``).
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .numerals import cn_to_int
from .vocabulary import (
    AS_OF_CUE,
    CN_DATE,
    DATE,
    DEADLINE_FIELD,
    DIGIT_RUN,
    DISCLOSURE,
    FEEDBACK_WORD,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    INSPECTION_WORD,
    RANGE_JOINER,
    WEB_FURNITURE,
    WEB_PUBLISHED,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: pd.Timestamp
    precision: str  # "day", "month" or "year"
    year_inferred: bool


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Every date in ``text`` in order; a missing year is that of the date before it.

    Month-only dates (`2022年12月`, `12月底`) resolve to the month's last day and
    `2022年底` to 31 December: as deadlines they mean "by the end of".

    Parameters
    ----------
    text : str
        The text to search.
    default_year : int, optional
        The year of a date written without one before any date that has one.

    Returns
    -------
    list of DateMention
        Offsets, text, date, precision (``"day"``, ``"month"``, ``"year"``) and whether the year
        was inferred.
    """
    mentions: list[DateMention] = _cn_dates(text)
    taken = [(m.start, m.end) for m in mentions]
    year = default_year
    for m in _date_matches(text):
        g = m.groupdict()
        if g["iy"]:
            y, mo, d, precision, inferred = int(g["iy"]), int(g["im"]), int(g["id"]), "day", False
        else:
            if g["m"] is None and g["eoy"] is None:
                continue
            if g["y"] is None and g["m"] is None:
                continue
            inferred = g["y"] is None
            if inferred and year is None:
                continue
            y = int(g["y"]) if g["y"] else year
            if g["eoy"]:
                mo, d, precision = 12, 31, "year"
            elif g["d"]:
                mo, d, precision = int(g["m"]), int(g["d"]), "day"
            else:
                mo = int(g["m"])
                d, precision = calendar.monthrange(y, mo)[1], "month"
        try:
            date = pd.Timestamp(year=y, month=mo, day=d)
        except ValueError:
            continue
        mentions.append(DateMention(m.start(), m.end(), m.group(0), date, precision, inferred))
        year = date.year
    if taken:
        mentions.sort(key=lambda d: d.start)
    return mentions


def _date_matches(text: str):
    """DATE tried only where a run of digits starts (much faster than scanning every character)."""
    end = 0
    for run in DIGIT_RUN.finditer(text):
        if run.start() < end:
            continue
        m = DATE.match(text, run.start())
        if m:
            end = m.end()
            yield m


def _cn_dates(text: str) -> list[DateMention]:
    out = []
    for m in CN_DATE.finditer(text):
        year = int("".join(str(cn_to_int(ch)) for ch in m.group("y")))
        try:
            date = pd.Timestamp(
                year=year, month=cn_to_int(m.group("m")), day=cn_to_int(m.group("d"))
            )
        except (TypeError, ValueError):
            continue
        out.append(DateMention(m.start(), m.end(), m.group(0), date, "day", False))
    return out


def date_ranges(text: str, mentions: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """Pairs of dates joined by 至/到/— (`2024年3月25日至6月7日`).

    Parameters
    ----------
    text : str
        The text the dates were found in.
    mentions : list of DateMention
        Its dates (``find_dates``), in order.

    Returns
    -------
    list of tuple of (DateMention, DateMention)
        (start, end) of each range.
    """
    pairs = []
    for a, b in itertools.pairwise(mentions):
        if RANGE_JOINER.match(text[a.end : b.start]):
            pairs.append((a, b))
    return pairs


#: where a date sits in the notice: the span kind of the paragraph at an offset
KindAt = Callable[[int], str]
#: the text of the paragraph at an offset
ParagraphAt = Callable[[int], str]


@dataclass
class NoticeDates:
    """A notice's own dates, each with the sentence that gave it (``evidence``)."""

    inspection_start: pd.Timestamp | None = None
    inspection_end: pd.Timestamp | None = None
    feedback_date: pd.Timestamp | None = None
    publish_date: pd.Timestamp | None = None
    as_of_date: pd.Timestamp | None = None
    as_of_source: str = "none"
    disclosure_start: pd.Timestamp | None = None
    disclosure_end: pd.Timestamp | None = None
    evidence: list[str] = field(default_factory=list)

    def columns(self) -> dict:
        """The date columns of ``corpus.notices``."""
        return {k: v for k, v in self.__dict__.items() if k != "evidence"}


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (between stops, semicolons or line ends) holding ``text[start:end]``.

    Parameters
    ----------
    text : str
        The text.
    start, end : int
        Offsets of the span in ``text``.

    Returns
    -------
    str
        The sentence, stripped.
    """
    left = max(text.rfind(c, 0, start) for c in "。\n；") + 1
    rights = [i for i in (text.find(c, end) for c in "。\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def notice_dates(text: str, kind_at: KindAt, paragraph_at: ParagraphAt) -> NoticeDates:
    """The dates of one notice.

    Parameters
    ----------
    text
        The normalised notice text.
    kind_at
        The span kind (``header``, ``preamble``, ``closing``, …) of the paragraph at an offset.
    paragraph_at
        The text of the paragraph at an offset.

    Returns
    -------
    NoticeDates
    """
    mentions = find_dates(text)
    out = NoticeDates()
    front = [m for m in mentions if kind_at(m.start) in {"header", "preamble"}]
    _inspection_and_feedback(text, front, out)
    closing = [m for m in mentions if kind_at(m.start) == "closing"]
    disclosure = _disclosure(text, closing, out)
    _publish_date(closing, disclosure, paragraph_at, out)
    if out.publish_date is None:
        _web_published(text, mentions, out)
    _as_of(text, mentions, disclosure, out)
    return out


def _inspection_and_feedback(text: str, front: list[DateMention], out: NoticeDates) -> None:
    """The inspection period (a range in a sentence about the 巡察) and the feedback date."""
    start = end = None
    for a, b in date_ranges(text, front):
        sentence = sentence_around(text, a.start, b.end)
        if INSPECTION_WORD.search(sentence) and not DISCLOSURE.search(sentence):
            start, end = a, b
            out.evidence.append(f"巡察：{sentence}")
            break
    for m in front:
        if start and m in (start, end):
            continue
        sentence = sentence_around(text, m.start, m.end)
        if FEEDBACK_WORD in sentence:
            out.feedback_date = m.date
            out.evidence.append(f"反馈：{sentence}")
            break
    out.inspection_start = start.date if start else None
    out.inspection_end = end.date if end else None


def _disclosure(
    text: str, closing: list[DateMention], out: NoticeDates
) -> list[tuple[DateMention, DateMention]]:
    """The disclosure period (`公开期限：…至…`) among the closing dates."""
    disclosure = [
        (a, b)
        for a, b in date_ranges(text, closing)
        if DISCLOSURE.search(sentence_around(text, a.start, b.end))
    ]
    if disclosure:
        out.disclosure_start, out.disclosure_end = disclosure[0][0].date, disclosure[0][1].date
    return disclosure


def _publish_date(
    closing: list[DateMention],
    disclosure: list[tuple[DateMention, DateMention]],
    paragraph_at: ParagraphAt,
    out: NoticeDates,
) -> None:
    """The last closing paragraph that is only a date (the date under the signature)."""
    in_disclosure = {id(x) for pair in disclosure for x in pair}
    publish = None
    for m in closing:
        if id(m) not in in_disclosure and re.fullmatch(
            r"\s*" + re.escape(m.text) + r"\s*", paragraph_at(m.start)
        ):
            publish = m
    if publish:
        out.publish_date = publish.date
        out.evidence.append(f"发布：{publish.text}")


def _web_published(text: str, mentions: list[DateMention], out: NoticeDates) -> None:
    """The date a web page gives in its header (`发布时间：2024-03-05 10:12`), when the notice
    itself is not dated under its signature."""
    starts = {m.start: m for m in mentions}
    for field_m in WEB_PUBLISHED.finditer(text):
        line_start = text.rfind("\n", 0, field_m.start()) + 1
        m = starts.get(field_m.end())
        if m is not None and WEB_FURNITURE.match(text[line_start : text.find("\n", m.end)]):
            out.publish_date = m.date
            out.evidence.append(f"发布（网页）：{sentence_around(text, field_m.start(), m.end)}")
            return


def _as_of(
    text: str,
    mentions: list[DateMention],
    disclosure: list[tuple[DateMention, DateMention]],
    out: NoticeDates,
) -> None:
    """The date the statuses are reported at: publication, else the latest `截至`, else the
    latest date reported as a fact (not a deadline or a plan)."""
    if out.publish_date is not None:
        out.as_of_date, out.as_of_source = out.publish_date, "publish_date"
        return
    as_of_mentions = [m for m in mentions if AS_OF_CUE.search(text[max(0, m.start - 4) : m.start])]
    if as_of_mentions:
        best = max(as_of_mentions, key=lambda m: m.date)
        out.as_of_date, out.as_of_source = best.date, "截至"
        out.evidence.append(f"截至：{sentence_around(text, best.start, best.end)}")
        return
    in_disclosure = [x for pair in disclosure for x in pair]
    facts = [m for m in mentions if is_reported_fact(text, m) and m not in in_disclosure]
    if facts:
        best = max(facts, key=lambda m: m.date)
        out.as_of_date, out.as_of_source = best.date, "latest_date"
        out.evidence.append(f"最晚日期：{sentence_around(text, best.start, best.end)}")


def is_reported_fact(text: str, m: DateMention) -> bool:
    """A date that reports something done (not a deadline, a plan or a deadline field).

    Parameters
    ----------
    text : str
        The text the date was found in.
    m : DateMention
        The date.

    Returns
    -------
    bool
        True when the date reports what was done.
    """
    if FUTURE_AFTER.match(text[m.end : m.end + 3]) or FUTURE_BEFORE.search(
        text[max(0, m.start - 5) : m.start]
    ):
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    return not DEADLINE_FIELD.match(text[line_start : m.start + 1].lstrip())
