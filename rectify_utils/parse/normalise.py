"""Normalise extracted notice text: markup, page numbers, PDF line wraps, stray spaces.

The result is a list of paragraphs; the *normalised text* every offset refers to is
``"\\n".join(paragraphs)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import display_width, normalise_newlines
from .vocabulary import (
    BLOCK_START,
    DATE_LINE,
    MARKDOWN_BOLD,
    MARKDOWN_HEADING,
    PAGE_NUMBER_LINE,
    SENTENCE_END,
    SENTENCE_PAUSE,
    SPACE_BESIDE_CJK,
    STATUS_MARKER,
    TITLE_ENDINGS,
    TITLE_LINE,
    WEB_FURNITURE,
)

#: the blanks around a line: spaces, tabs, ideographic and no-break spaces, a stray BOM
LINE_PADDING = " \t\u3000\xa0\ufeff"


@dataclass
class Normalised:
    paragraphs: list[str]
    wrapped: bool
    wrap_width: float
    removed: list[str] = field(default_factory=list)  # e.g. "line 93: page number '5'"

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def clean_line(line: str) -> str:
    """Strip a line and drop spaces next to CJK characters.

    Parameters
    ----------
    line : str
        One line of text.

    Returns
    -------
    str
        The cleaned line.
    """
    line = line.strip(LINE_PADDING)
    if " " not in line and "\t" not in line and "\u3000" not in line and "\xa0" not in line:
        return line
    return SPACE_BESIDE_CJK.sub("", line)


def strip_markup(text: str) -> str:
    """Remove markdown bold markers and heading hashes.

    Parameters
    ----------
    text : str
        Text that may hold Markdown.

    Returns
    -------
    str
        The text without the markers.
    """
    text = MARKDOWN_BOLD.sub("", text)
    return "\n".join(MARKDOWN_HEADING.sub("", ln) for ln in text.split("\n"))


def detect_wrap_width(lines: list[str]) -> tuple[bool, float]:
    """Is this text hard-wrapped (PDF extraction)? Returns (wrapped, typical width).

    Parameters
    ----------
    lines : list of str
        The text's lines.

    Returns
    -------
    tuple of (bool, float)
        Whether the text is hard-wrapped, and its typical line width in CJK cells.
    """
    widths = sorted(display_width(ln) for ln in lines if ln)
    if len(widths) < 8:
        return False, 0.0
    width = widths[int(0.75 * (len(widths) - 1))]
    near = sum(1 for w in widths if 0.8 * width <= w <= 1.2 * width)
    # a printed line cannot outgrow the page: with one paragraph per line some lines are long
    too_long = sum(1 for w in widths if w > 1.3 * width)
    # a printed page holds 18–45 CJK characters a line
    wrapped = 18 <= width <= 45 and near / len(widths) >= 0.4 and too_long <= 0.05 * len(widths)
    return wrapped, width


def _glue(a: str, b: str) -> str:
    # two Latin words broken at a line end get their space back; digits and CJK join directly
    if a and b and a[-1].isascii() and b[0].isascii() and a[-1].isalpha() and b[0].isalpha():
        return a + " " + b
    return a + b


def repair_wraps(lines: list[str], wrapped: bool, width: float) -> list[str]:
    """Join wrapped lines back into paragraphs; blank lines never decide on their own.

    A line is continued by the next one when it does not end a sentence, the next line does
    not open a new outline item, and the physical line was long enough to have been wrapped:
    close to the typical width in a hard-wrapped text, a long body line otherwise.
    Every non-whitespace character is kept, in order.

    Parameters
    ----------
    lines : list of str
        The cleaned lines.
    wrapped : bool
        Whether the text is hard-wrapped (``detect_wrap_width``).
    width : float
        Its typical line width, in CJK cells.

    Returns
    -------
    list of str
        The paragraphs.
    """
    paragraphs: list[str] = []
    current, tail = "", ""
    for line in lines:
        if not line:
            continue
        if current and _continues(current, tail, line, wrapped, width):
            current, tail = _glue(current, line), line
            continue
        if current:
            paragraphs.append(current)
        current, tail = line, line
    if current:
        paragraphs.append(current)
    return paragraphs


def _continues(current: str, tail: str, line: str, wrapped: bool, width: float) -> bool:
    if current[-1] in SENTENCE_END or BLOCK_START.match(line):
        return False
    if WEB_FURNITURE.match(tail) or WEB_FURNITURE.match(line) or DATE_LINE.fullmatch(line):
        return False  # a dateline, a breadcrumb or the date under a signature stands alone
    if STATUS_MARKER.search(tail):
        return False  # a heading ends with its status marker: `…问题（整改完成）`
    if current.endswith(TITLE_ENDINGS) and TITLE_LINE.match(current):
        return False  # the title ends its paragraph, even a long one-line title
    if wrapped:
        return display_width(tail) >= 0.75 * width
    # one line per paragraph, but some paragraphs were broken mid-sentence
    return tail[-1] in SENTENCE_PAUSE or display_width(tail) >= 40


def normalise(raw: str) -> Normalised:
    """Normalise raw notice text into paragraphs.

    Parameters
    ----------
    raw : str
        The notice's text as read (``read.read_notice``).

    Returns
    -------
    Normalised
        Its paragraphs, whether it was hard-wrapped and the lines removed.
    """
    text = strip_markup(normalise_newlines(raw))
    removed: list[str] = []
    lines: list[str] = []
    printed: list[str] = []  # the lines as printed, spaces kept: a page bounds those
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = clean_line(raw_line)
        if line and PAGE_NUMBER_LINE.match(line):
            removed.append(f"line {number}: page number {line!r}")
            continue
        lines.append(line)
        printed.append(raw_line.strip(LINE_PADDING))
    # `2019 年 6 月 7 日至…` fills its printed line though it is shorter once its spaces go
    wrapped, width = detect_wrap_width(printed)
    return Normalised(repair_wraps(lines, wrapped, width), wrapped, width, removed)
