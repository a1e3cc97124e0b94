"""Paragraphs and the outline headings that open them (`一、` → `（一）` → `1.` → `（1）` → `①`)."""

from __future__ import annotations

from dataclasses import dataclass

from .normalise import Normalised
from .numerals import cn_to_int
from .vocabulary import (
    HEADING_PATTERNS,
    INLINE_SECOND_ITEM,
    LEDGER_LEVEL,
    LEDGER_ROW,
    OPENING_QUOTE,
    RUNNING_LEVEL,
    RUNNING_PROBLEM,
)


@dataclass(frozen=True)
class Heading:
    """An outline label at the start of a paragraph: level 1–5, label as written, its number."""

    level: int
    label: str
    number: int
    rest: str  # the paragraph after the label

    @property
    def first_sentence(self) -> str:
        return first_sentence(self.rest)


@dataclass
class Paragraph:
    """One paragraph of the normalised text, with its offsets and its heading (if any)."""

    index: int
    start: int
    end: int
    text: str
    heading: Heading | None


def match_heading(paragraph: str) -> Heading | None:
    """The outline heading that opens ``paragraph``, if any.

    Parameters
    ----------
    paragraph : str
        One normalised paragraph.

    Returns
    -------
    Heading or None
        Its level, label and the text after the label; None when the paragraph opens no heading.

    Examples
    --------
    >>> match_heading("（三）关于财务管理").level
    2
    """
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(paragraph)
        if m:
            number = cn_to_int(m.group("num"))
            if number is None:
                continue
            return Heading(level, m.group("label").strip(), number, paragraph[m.end() :].strip())
    return _ledger_row(paragraph)


def _ledger_row(paragraph: str) -> Heading | None:
    """A 整改台账 row (``LEDGER_ROW``): labelled by its 序号 cell, numbered by it where it is a
    number (``build_paragraphs`` numbers the others in order)."""
    m = LEDGER_ROW.match(paragraph)
    if not m:
        return None
    label = m["num"] or ""
    return Heading(LEDGER_LEVEL, label, cn_to_int(label) or 0, paragraph[m.end() :].strip())


def first_sentence(text: str) -> str:
    """Text up to the first `。` outside quotation marks (the whole text when there is none).

    Parameters
    ----------
    text : str
        A paragraph or the rest of a heading.

    Returns
    -------
    str
        The first sentence, its `。` included.
    """
    stop = text.find("。")
    if stop == -1:
        return text
    if not OPENING_QUOTE.search(text, 0, stop):
        return text[: stop + 1]
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘《「":
            depth += 1
        elif ch in "”’》」" and depth:
            depth -= 1
        elif ch == "。" and depth == 0:
            return text[: i + 1]
    return text


def opens_inline_list(heading: Heading) -> bool:
    """Does the paragraph list its items inline from its label on (`（1）…；（2）…；（3）…`)?

    Such a line is one paragraph of measures, as `一是…；二是…` would be, not an outline item.

    Parameters
    ----------
    heading : Heading
        The heading that opens the paragraph.

    Returns
    -------
    bool
        True when the label is item 1 and item 2 of the same style follows a stop on its line.

    Examples
    --------
    >>> opens_inline_list(match_heading("（1）修订议事规则；（2）制定学习清单。"))
    True
    >>> opens_inline_list(match_heading("（1）修订议事规则。"))
    False
    """
    second = INLINE_SECOND_ITEM.get(heading.level)
    return heading.number == 1 and second is not None and bool(second.search(heading.rest))


def build_paragraphs(norm: Normalised) -> list[Paragraph]:
    """The normalised paragraphs with their offsets in ``norm.text`` and their headings.

    Parameters
    ----------
    norm : Normalised
        The normalised notice (``normalise.normalise``).

    Returns
    -------
    list of Paragraph
        One per paragraph, in order.
    """
    paragraphs, offset, rows = [], 0, 0
    for i, text in enumerate(norm.paragraphs):
        heading = match_heading(text)
        if heading and opens_inline_list(heading):
            heading = None  # `（1）…；（2）…；（3）…`: a line of measures, read as inline items
        if heading and heading.level == LEDGER_LEVEL:
            rows += 1
            if not heading.number:  # no 序号 cell, or not a number: the row's place
                heading = Heading(LEDGER_LEVEL, heading.label, rows, heading.rest)
        paragraphs.append(Paragraph(i, offset, offset + len(text), text, heading))
        offset += len(text) + 1
    return paragraphs


def running_problems(paragraphs: list[Paragraph], start: int = 0) -> list[int]:
    """Indices of unnumbered paragraphs that open with their problem (`针对“…”的问题。一是…`).

    Parameters
    ----------
    paragraphs : list of Paragraph
        The notice's paragraphs.
    start : int, default 0
        The first index to look at.

    Returns
    -------
    list of int
        Indices into ``paragraphs``, in order.
    """
    return [
        p.index for p in paragraphs[start:] if p.heading is None and RUNNING_PROBLEM.match(p.text)
    ]


def with_running_headings(paragraphs: list[Paragraph], indices: list[int]) -> list[Paragraph]:
    """The paragraphs with those at ``indices`` given a heading of the running level.

    Parameters
    ----------
    paragraphs : list of Paragraph
        The notice's paragraphs.
    indices : list of int
        The running problems among them (``running_problems``).

    Returns
    -------
    list of Paragraph
        A new list; the other paragraphs are the same objects.
    """
    out = list(paragraphs)
    for k, i in enumerate(indices, start=1):
        p = paragraphs[i]
        out[i] = Paragraph(p.index, p.start, p.end, p.text, Heading(RUNNING_LEVEL, "", k, p.text))
    return out
