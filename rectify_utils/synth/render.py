"""How a synthetic notice looks on the page: labels, dates, punctuation, lines and wraps.

:class:`Writer` collects a notice's paragraphs and applies its surface options (half-width
punctuation, bracket and digit forms, outline labels); :func:`render_text` lays the paragraphs
out as a ``.txt`` file, one per line or hard-wrapped like a PDF extraction with page numbers.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from .options import NoticeOptions

CN_NUMERALS = "零一二三四五六七八九十"
# digits of a year written in Chinese numerals (`二〇二四`)
CN_YEAR_DIGITS = "〇一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# a unit a line is never broken inside: a run of ASCII letters/digits (`2024`, `kx123`), else one character
WRAP_TOKEN = re.compile(r"[A-Za-z0-9]+|.", re.DOTALL)
# characters typesetting keeps off the start of a line
NO_LINE_START = frozenset("，。、；：？！”’）》,.;:?!)")
# Arabic digits as a full-width IME types them
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# full-width punctuation → half-width, as in notices typed with an English keyboard (东营)
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})
# a stray break never leaves one of these at the end of the first part
SENTENCE_ENDS = "。！？!?"
# nor one of these at the start of the second: it would read as a new item or field
ITEM_STARTS = "①②③④⑤⑥⑦⑧⑨⑩（(一二三四五六七八九十"
FIELD_STARTS = ("整改", "完成", "欢迎")


def cn_number(n: int) -> str:
    """A number in Chinese numerals, as in outline labels.

    Examples
    --------
    >>> [cn_number(n) for n in (1, 10, 12, 21)]
    ['一', '十', '十二', '二十一']
    """
    if n <= 10:
        return CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUMERALS[tens]) + "十" + (CN_NUMERALS[ones] if ones else "")


def fmt_date(d: dt.date, spaced: bool = False, year: bool = True) -> str:
    """A date as notices write it, optionally spaced as PDF extractions do.

    Parameters
    ----------
    d
        The date.
    spaced
        Put a space between numbers and units (`2024 年 3 月 15 日`).
    year
        Write the year (`3月15日` without it).

    Returns
    -------
    str
        e.g. `2024年3月15日`.

    Examples
    --------
    >>> fmt_date(dt.date(2024, 3, 15), spaced=True)
    '2024 年 3 月 15 日'
    """
    parts = ([f"{d.year}", "年"] if year else []) + [f"{d.month}", "月", f"{d.day}", "日"]
    if spaced:
        return " ".join(parts)
    return "".join(parts)


def chinese_date(d: dt.date) -> str:
    """A signature date in Chinese numerals.

    Examples
    --------
    >>> chinese_date(dt.date(2024, 10, 30))
    '二〇二四年十月三十日'
    """
    year = "".join(CN_YEAR_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_number(d.month)}月{cn_number(d.day)}日"


def month_end(d: dt.date) -> dt.date:
    """The last day of ``d``'s month."""
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def display_width(text: str) -> float:
    """Width in cells as a reader sees it: ASCII half a cell, anything else one."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


class Writer:
    """Builds one notice's paragraphs with the notice's surface options applied.

    Parameters
    ----------
    rng
        The notice's random generator (some surface forms are drawn per label).
    opts
        The notice's options.
    """

    def __init__(self, rng: random.Random, opts: NoticeOptions) -> None:
        self.rng = rng
        self.opts = opts
        self.paragraphs: list[str] = []
        self.sections = 0  # level-1 sections written so far

    def punct(self, text: str) -> str:
        """``text`` with half-width punctuation in half-width notices."""
        return text.translate(HALF_WIDTH) if self.opts.half_width else text

    def bracket(self, inner: str) -> str:
        """`（一）` or, in half-width notices and now and then elsewhere, `(一)`."""
        half = self.opts.half_width or self.rng.random() < self.opts.mixed_brackets
        return f"({inner})" if half else f"（{inner}）"

    def digits(self, n: int) -> str:
        """``n`` in the notice's digits (full-width where it uses them)."""
        return str(n).translate(FULL_WIDTH_DIGITS) if self.opts.full_width_digits else str(n)

    def label(self, level: int | None, n: int) -> str:
        """The ``n``-th label of an outline level: `一、`, `（一）`, `1.`, `（1）`, else `①`."""
        if level == 1:
            return f"{cn_number(n)}、"
        if level == 2:
            return self.bracket(cn_number(n))
        if level == 3:
            return f"{self.digits(n)}{self.opts.arabic_stop}"
        if level == 4:
            return self.bracket(self.digits(n))
        return CIRCLED[n - 1]

    def next_section_label(self) -> str:
        """The label of the next level-1 section (`一、`, `二、`, …)."""
        self.sections += 1
        return self.label(1, self.sections)

    def add(self, text: str) -> None:
        """Append one paragraph as given."""
        self.paragraphs.append(text)


def render_text(paragraphs: list[str], rng: random.Random, opts: NoticeOptions) -> str:
    """Lay the paragraphs out as a text file: one per line, or hard-wrapped as a PDF extraction.

    Parameters
    ----------
    paragraphs
        The notice's paragraphs, in order.
    rng
        The notice's random generator (stray breaks and page numbers are drawn).
    opts
        The notice's options (``wrapped``, ``wrap_width``, ``stray_breaks``, ``indent``, …).

    Returns
    -------
    str
        The file's text, ending in a newline.
    """
    if opts.wrapped:
        return _wrapped_text(paragraphs, rng, opts)
    lines = []
    for p in paragraphs:
        if opts.stray_breaks and len(p) > 70 and rng.random() < 0.3:
            lines += stray_break(p, rng)
        else:
            lines.append(opts.indent + p)
    sep = "\n\n" if rng.random() < 0.3 else "\n"
    return sep.join(lines) + "\n"


def _wrapped_text(paragraphs: list[str], rng: random.Random, opts: NoticeOptions) -> str:
    """Hard-wrapped lines with a page number every 28–40 lines."""
    out: list[str] = []
    page, since_page, lead = 1, 0, ""
    page_every = rng.randint(28, 40)
    for p in paragraphs:
        for line in wrap(p, opts.wrap_width):
            out.append(lead + line)
            lead = ""
            since_page += 1
            if since_page >= page_every:
                page += 1
                since_page = 0
                out.append(str(page) if rng.random() < 0.7 else f"- {page} -")
                lead = " " if rng.random() < 0.5 else ""  # a page starts with a stray space (立山)
    sep = "\n\n" if opts.wrap_blank_lines else "\n"
    return sep.join(out) + "\n"


def stray_break(paragraph: str, rng: random.Random) -> list[str]:
    """A paragraph broken mid-sentence after a long line (石龙: `…各成员单位` / `共同协作…`).

    Up to ten cuts are tried; a paragraph with no acceptable cut is returned whole.
    """
    for _ in range(10):
        cut = rng.randint(45, len(paragraph) - 10)
        before, after = paragraph[:cut], paragraph[cut:]
        if (
            display_width(before.replace("**", "")) >= 42  # as the reader sees it, without markup
            and before[-1] not in SENTENCE_ENDS
            and not before[-1].isascii()
            and not after[0].isascii()
            and after[0] not in ITEM_STARTS
            and not after.startswith(FIELD_STARTS)
        ):
            return [before, after]
    return [paragraph]


def wrap(paragraph: str, width: int) -> list[str]:
    """Hard-wrap at ``width`` cells, never inside a run of ASCII letters or digits.

    Examples
    --------
    >>> wrap("整改完成2024年。", 4)
    ['整改完成', '2024年。']
    """
    lines, current, cells = [], "", 0.0
    for tok in WRAP_TOKEN.findall(paragraph):
        w = 0.5 * len(tok) if tok.isascii() else 1.0
        # closing punctuation never starts a line: it stays on the full one (避头)
        if current and cells + w > width and tok not in NO_LINE_START:
            lines.append(current)
            current, cells = "", 0.0
        current += tok
        cells += w
    if current:
        lines.append(current)
    return lines
