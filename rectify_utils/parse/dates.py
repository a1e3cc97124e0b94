"""Find dates in notice text, inferring a missing year from context."""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass

import pandas as pd

from .numerals import cn_to_int

# `2021年8月16日`, `9月30日`, `2024年10月`, `12月底`, `2022年底`, `2024-10-30`
DATE = re.compile(
    r"(?=\d)(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?"
    r"(?:(?P<m>1[0-2]|0?[1-9])\s*月(?:份)?\s*(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?P<eom>底|末))?"
    r"|(?P<eoy>底|末))"
    r"|(?P<iy>(?:19|20)\d{2})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
)
# a date in Chinese numerals, as signed under official documents: `二〇二四年十月三十日`
CN_DATE = re.compile(
    r"(?P<y>[〇零一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月"
    r"\s*(?P<d>[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])\s*日"
)
DIGIT_RUN = re.compile(r"\d+")
# `8月16日至9月30日`, `2024年3月25日至6月7日`
RANGE_JOINER = re.compile(r"^\s*(?:至|到|—|-|–|~|～)\s*$")


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
    """Pairs of dates joined by 至/到/— (`2024年3月25日至6月7日`)."""
    pairs = []
    for a, b in itertools.pairwise(mentions):
        if RANGE_JOINER.match(text[a.end : b.start]):
            pairs.append((a, b))
    return pairs
