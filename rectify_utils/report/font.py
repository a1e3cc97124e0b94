"""Embed the Chinese characters a page uses as a small web font, so it reads the same anywhere.

A reader without a CJK system font would otherwise see boxes. The bundled Noto Sans CJK SC
(``rectify_utils.viz.font.cjk_font_path``) is cut down to the characters of the page (typically 100–600,
about 30–100 KB as WOFF) and inlined as a ``data:`` URI: nothing is fetched.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re

FONT_FAMILY = "Rectify CJK"  # first in the pages' font stacks; it holds CJK characters only
CJK_START = 0x2E80  # CJK radicals; then CJK punctuation, kana, ideographs, full-width forms
_DATA_URI = re.compile(r"data:[^\"')\s]+")  # embedded images: not text
_TAG = re.compile(r"<[^>]+>")


def page_characters(page: str) -> str:
    """The distinct CJK characters (and full-width punctuation) of the page's text, sorted.

    Parameters
    ----------
    page : str
        An HTML page; tags and ``data:`` URIs are not text.

    Returns
    -------
    str
        Each character from U+2E80 up once, in code point order. Latin text, dashes and
        quotes stay with the reader's usual fonts.
    """
    text = html.unescape(_TAG.sub(" ", _DATA_URI.sub("", page)))
    return "".join(sorted({c for c in text if ord(c) >= CJK_START and not c.isspace()}))


def subset_font_woff(characters: str) -> bytes:
    """The bundled CJK font reduced to ``characters``, as WOFF bytes.

    Parameters
    ----------
    characters : str
        The characters to keep.

    Returns
    -------
    bytes
        A WOFF font without hinting, layout tables or names.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from ..viz.font import cjk_font_path

    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = []
    options.notdef_outline = True
    options.drop_tables += ["GSUB", "GPOS", "vhea", "vmtx", "VORG"]
    font = TTFont(str(cjk_font_path()), lazy=True, recalcBBoxes=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    font.flavor = "woff"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def font_face_style(characters: str) -> str:
    """A ``<style>`` with an ``@font-face`` for ``characters``.

    Parameters
    ----------
    characters : str
        The characters the font must hold (``page_characters``).

    Returns
    -------
    str
        The ``<style>`` element, the font inlined as a ``data:`` URI, family ``FONT_FAMILY``;
        ``""`` when there are no characters.
    """
    if not characters:
        return ""
    data = base64.b64encode(subset_font_woff(characters)).decode("ascii")
    return (
        f'<style type="text/css">@font-face {{ font-family: "{FONT_FAMILY}"; '
        f'src: url(data:font/woff;base64,{data}) format("woff"); }}</style>\n'
    )


def characters_key(characters: str) -> str:
    """Cache key of a character set.

    Parameters
    ----------
    characters : str
        The characters (``page_characters``).

    Returns
    -------
    str
        Their SHA-256 hex digest.
    """
    return hashlib.sha256(characters.encode("utf-8")).hexdigest()


def embed_font(page: str, style: str | None = None) -> str:
    """``page`` with the font of its characters inlined just before ``</head>``.

    Parameters
    ----------
    page : str
        An HTML page.
    style : str, optional
        The ``<style>`` to insert; by default made from the page's own characters.

    Returns
    -------
    str
        The page with the style inserted; unchanged when the style is empty or the page has
        no ``</head>``.
    """
    if style is None:
        style = font_face_style(page_characters(page))
    if not style or "</head>" not in page:
        return page
    head_end = page.index("</head>")
    return page[:head_end] + style + page[head_end:]
