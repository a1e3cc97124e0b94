"""Web pages: the furniture around a notice copied from a site, and the page saved as HTML.

:func:`draw_furniture` draws a page's breadcrumb, dateline and footer lines; the notice's
publish date is the page's 发布时间 when it has no date under its signature. :func:`page_html`
writes a saved page (``.html``): the furniture in ``div`` elements, the notice in ``p``
elements, and a 整改台账 table where a ledger stands.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass

from . import wording
from .bodies import Issuer


@dataclass(frozen=True)
class Furniture:
    """A page's lines around the notice: above the title, between title and text, and below."""

    crumb: str
    dateline: list[str]
    footer: list[str]
    published: dt.date  # the 发布时间's day
    source: str = ""  # the 来源 the dateline names ("" when it names none)


def draw_furniture(
    rng: random.Random, issuer: Issuer, signed: dt.date, same_day: bool = False
) -> Furniture:
    """Draw a page's furniture; the page went up on the day the notice was signed or soon after.

    Parameters
    ----------
    rng
        The notice's random generator.
    issuer
        The body (a page's 来源 is the body or its publisher).
    signed
        The notice's date.
    same_day
        The page went up that very day (a notice with no date of its own is dated by it).

    Returns
    -------
    Furniture
    """
    published = signed + dt.timedelta(days=0 if same_day else rng.choice((0, 0, 1, 2, 5)))
    site = f"{issuer.place}人民政府"
    source = rng.choice((issuer.who, issuer.organisation, *wording.WEB_SOURCES))
    source = source.format(place=issuer.place)
    fields = dict(
        date=published.isoformat(),
        time=f"{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}",
        source=source,
        views=rng.randint(30, 5000),
    )
    if rng.random() < 0.25:
        dateline = [line.format(**fields) for line in rng.choice(wording.WEB_DATELINE_LINES)]
    else:
        dateline = [rng.choice(wording.WEB_DATELINES).format(**fields)]
    place = issuer.place
    footer = [
        line.format(place=place, site=site, code=rng.randint(1000000000, 9999999999),
                    icp=f"豫{rng.randint(10000000, 99999999)}")
        for line in wording.WEB_FOOTERS
        if rng.random() < 0.4
    ] or [wording.WEB_FOOTERS[0]]  # fmt: skip
    named = "来源" in "".join(dateline) or "作者" in "".join(dateline)
    return Furniture(
        crumb=rng.choice(wording.WEB_CRUMBS).format(site=site),
        dateline=dateline,
        footer=footer,
        published=published,
        source=source if named else "",
    )


def with_furniture(paragraphs: list[str], n_title: int, page: Furniture) -> list[str]:
    """The notice's paragraphs as copied from the page: crumb, title, dateline, text, footer.

    ``n_title`` is the number of title paragraphs at the start of ``paragraphs``.
    """
    title, rest = paragraphs[:n_title], paragraphs[n_title:]
    return [page.crumb, *title, *page.dateline, *rest, *page.footer]


def page_html(
    paragraphs: list[str],
    n_title: int,
    page: Furniture | None,
    table: str = "",
    table_at: int | None = None,
) -> str:
    """A saved web page: furniture in ``div``s, the title in ``h1``, the text in ``p``s.

    Parameters
    ----------
    paragraphs
        The notice's paragraphs, title first.
    n_title
        How many of them are the title.
    page
        The page's furniture (None for a bare page).
    table
        A table's HTML, placed before paragraph ``table_at``.
    table_at
        Where the table stands among ``paragraphs``.

    Returns
    -------
    str
        The page, UTF-8 declared.
    """
    esc = html.escape
    title = "".join(paragraphs[:n_title])
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'>", f"<title>{esc(title)}</title>"]
    parts.append("</head><body>")
    if page:
        parts.append(f"<div class='crumb'>{esc(page.crumb)}</div>")
    parts.append(f"<h1>{'<br>'.join(esc(p) for p in paragraphs[:n_title])}</h1>")
    if page:
        parts += [f"<div class='info'>{esc(line)}</div>" for line in page.dateline]
    parts.append("<div class='content'>")
    for k, p in enumerate(paragraphs[n_title:], start=n_title):
        if k == table_at:
            parts.append(table)
        parts.append(f"<p>{esc(p)}</p>")
    if table_at is not None and table_at >= len(paragraphs):
        parts.append(table)
    parts.append("</div>")
    if page:
        parts += [f"<div class='footer'>{esc(line)}</div>" for line in page.footer]
    parts.append("</body></html>")
    return "".join(parts)
