"""Visible text of a web page in one linear pass (lxml's ``iterwalk``): one line per block
element, scripts and styles dropped, 整改台账 tables written as outline text (``tables``).

Cost is linear in the page's size, even for deeply nested markup (no recursion, no re-inserts).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .tables import render_ledger

DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "title", "head"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote caption center dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot "
    "th thead tr ul".split()
)
PREFORMATTED = frozenset({"pre", "textarea"})
# A line break (with blanks) between two CJK characters or CJK punctuation in the source, e.g.
# "整改\n    情况": browsers join these without a space.
_CJK_WRAP = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\f]*\n[ \t\r\n\f]*"
    r"(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)
# Any other run of source whitespace, shown as one space.
_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")
# An XML declaration, which lxml refuses in an already decoded string.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def html_text(page: str) -> str:
    """The visible text of a decoded page, one line per block.

    Parameters
    ----------
    page : str
        The HTML page, decoded.

    Returns
    -------
    str
        Its text; a 台账 table as outline lines (``tables.render_ledger``).
    """
    page = _XML_DECLARATION.sub("", page)
    if not page.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    pre_depth = 0
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None or tag in DROPPED_TAGS:
                if tag is not None:
                    walker.skip_subtree()
                continue  # a comment or processing instruction: its tail is added at its end
            if tag == "table" and _ledger(element, parts):
                walker.skip_subtree()
                continue
            if tag in PREFORMATTED:
                pre_depth += 1
            if tag == "br":
                parts.append("\n")
            elif tag in BLOCK_TAGS:
                parts.append("\n")
            if element.text:
                parts.append(_visible(element.text, pre_depth))
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if tag in PREFORMATTED:
                pre_depth -= 1
            if element.tail and element.getparent() is not None:
                parts.append(_visible(element.tail, pre_depth))
    lines = (line.strip(" \t") for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line.strip())


def _visible(text: str, pre_depth: int) -> str:
    if pre_depth:
        return text
    return _SPACE_RUN.sub(" ", _CJK_WRAP.sub("", text))


def _ledger(table, parts: list[str]) -> bool:
    """Write a 整改台账 table as outline text; False (write nothing) for any other table."""
    rows = table_rows(table)
    lines = render_ledger(rows)
    if lines is None:
        return False
    parts.append("\n" + "\n".join(lines) + "\n")
    if table.tail:
        parts.append(_visible(table.tail, 0))
    return True


def table_rows(table) -> list[list[str]]:
    """The table's rows as cell texts, rowspan and colspan cells repeated where they span.

    Parameters
    ----------
    table : lxml.html.HtmlElement
        A ``<table>`` element; rows of tables nested in it are left out.

    Returns
    -------
    list of list of str
        One list of cell texts per row.
    """
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows still covered)
    for tr in table.iter("tr"):
        if _nearest_table(tr) is not table:
            continue  # a row of a nested table
        row: list[str] = []
        col = 0
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for cell in cells:
            col = _fill_spans(row, pending, col)
            text = _cell_text(cell)
            colspan = _span(cell, "colspan")
            rowspan = _span(cell, "rowspan")
            for _ in range(colspan):
                row.append(text)
                if rowspan > 1:
                    pending[col] = (text, rowspan - 1)
                col += 1
        _fill_spans(row, pending, col, to_end=True)
        rows.append(row)
    return rows


def _fill_spans(row: list[str], pending: dict, col: int, to_end: bool = False) -> int:
    while col in pending or (to_end and any(c >= col for c in pending)):
        if col not in pending:
            row.append("")
            col += 1
            continue
        text, left = pending[col]
        row.append(text)
        if left > 1:
            pending[col] = (text, left - 1)
        else:
            del pending[col]
        col += 1
    return col


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 100))
    except ValueError:
        return 1


def _cell_text(cell) -> str:
    """A cell's text, its blocks and line breaks kept as line ends."""
    parts: list[str] = []
    for node in cell.iter():
        if node is not cell and isinstance(node.tag, str) and node.tag in ("br", *BLOCK_TAGS):
            parts.append("\n")
        if node.text and isinstance(node.tag, str) and node.tag not in DROPPED_TAGS:
            parts.append(_visible(node.text, 0))
        if node is not cell and node.tail:
            parts.append(_visible(node.tail, 0))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
