"""Small text helpers every stage shares: display width, line ends, the clause around a span."""

from __future__ import annotations

import re

#: the breaks a status's evidence clause stops at (commas, stops, semicolons, line ends)
EVIDENCE_BREAK = re.compile(r"[，,。；;\n]")


def display_width(line: str) -> float:
    """Width of a line in CJK cells: an ASCII character counts half.

    Parameters
    ----------
    line : str
        One line of text.

    Returns
    -------
    float
        Its width.

    Examples
    --------
    >>> display_width("2024年")
    3.0
    """
    return len(line) - 0.5 * len(line.encode("ascii", "ignore"))


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF and a leading BOM is dropped; nothing else changes.

    Parameters
    ----------
    text : str
        Text as decoded.

    Returns
    -------
    str
        The text with LF line ends.
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clause_around(
    text: str, start: int, end: int, limit: int = 30, breaks: re.Pattern[str] = EVIDENCE_BREAK
) -> str:
    """The clause holding ``text[start:end]``: out to the nearest ``breaks`` on either side.

    Parameters
    ----------
    text, start, end
        The text and the span within it.
    limit
        At most this many characters are taken on either side.
    breaks
        What ends a clause.

    Returns
    -------
    str
        The clause, span included.
    """
    left = breaks.split(text[max(0, start - limit) : start])[-1]
    right = breaks.split(text[end : end + limit])[0]
    return f"{left}{text[start:end]}{right}"
