"""The reports' tables: searchable, sortable, filterable and downloadable, offline.

A table is plain, escaped HTML (so it reads without JavaScript and prints), which DataTables
turns interactive: a search box, sorting and a filter on every column, CSV and Excel download.
DataTables comes from the ``itables`` package's offline bundle (``dt_bundle.js`` with its
Buttons, ColumnControl and JSZip extensions), inlined once per page by ``init_html``: nothing
is fetched from the network.

Every table shows Chinese column labels with the field name as the header's tooltip, no index,
``—`` for a missing value, dates as ``YYYY-MM-DD``, and a first column ``原文`` linking each
row to the source view of its notice (``notices/<notice_id>.html``) or of its problem
(``…#p-<problem_no>``).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import numpy as np
import pandas as pd
from markupsafe import Markup

from ..analysis.formats import FIELD_LABELS, SHARE_COLUMNS, VALUE_LABELS
from ..config import RESOURCES

#: where the build writes the source views, relative to the reports
SOURCES_DIR = "notices"
#: the table template (``rectify_utils/resources/templates``)
TABLE_TEMPLATE = "datatable.html.j2"
#: the page set-up template: table CSS, the DataTables bundle and its options
INIT_TEMPLATE = "datatables_init.html.j2"
#: text shown for a missing value
MISSING = "—"
#: between the links of one cell: written self-closed, because nbconvert's BeautifulSoup
#: (html.parser) scans a list of every unclosed ``<br>`` seen so far at each end tag, which made
#: rendering a report with 16,000 of them take minutes; ``<br/>`` is what it writes back anyway
LINE_BREAK = Markup("<br/>")
#: rows of a table shown as plain text (``repr``)
PLAIN_ROWS = 50
#: a column whose mean length is above this many characters wraps in a wider cell
LONG_TEXT = 24
#: columns a report table never shows: character offsets (the link to the source view says
#: where the row's words are)
HIDDEN_COLUMNS = frozenset({"char_start", "char_end"})
#: (notice column, problem column, link label) of each link a table row can carry
LINK_COLUMNS = (
    ("notice_id", "problem_no", "原文"),
    ("notice_id_a", "problem_no_a", "原文 A"),
    ("notice_id_b", "problem_no_b", "原文 B"),
)
#: the DataTables options of every table (Chinese interface, download buttons, filters)
TABLE_OPTIONS: dict[str, Any] = {
    "layout": {
        "topStart": ["pageLength", "buttons"],
        "topEnd": "search",
        "bottomStart": "info",
        "bottomEnd": "paging",
    },
    "buttons": [
        {"extend": "csvHtml5", "text": "下载 CSV", "bom": True},
        {"extend": "excelHtml5", "text": "下载 Excel"},
    ],
    "columnControl": ["order", "searchDropdown"],
    "ordering": {"indicators": False, "handler": False},
    "order": [],
    "autoWidth": False,
    "pageLength": 25,
    "lengthMenu": [10, 25, 100, {"label": "全部", "value": -1}],
    "language": {
        "search": "搜索：",
        "searchPlaceholder": "筛选表中各行",
        "lengthMenu": "每页 _MENU_ 行",
        "info": "第 _START_–_END_ 行，共 _TOTAL_ 行",
        "infoEmpty": "共 0 行",
        "infoFiltered": "（从 _MAX_ 行中筛选）",
        "zeroRecords": "没有符合条件的行",
        "emptyTable": "无数据",
        "paginate": {"first": "首页", "previous": "上页", "next": "下页", "last": "末页"},
        "columnControl": {
            "orderAsc": "升序",
            "orderDesc": "降序",
            "orderClear": "取消排序",
            "searchClear": "清除筛选",
            "searchDropdown": "筛选本列",
            "dropdown": "更多",
        },
    },
}  # fmt: skip


@dataclass(frozen=True)
class SourceLinks:
    """Where a report's rows link to: the source view of each notice and problem.

    Parameters
    ----------
    notices_by_association
        Association → its notice ids (for rows that name an association only).
    base
        The source views' folder, relative to the report (``SOURCES_DIR``).
    """

    notices_by_association: Mapping[str, Sequence[str]] = field(default_factory=dict)
    base: str = SOURCES_DIR

    def notice(self, notice_id: Any) -> str:
        """The URL of a notice's source view.

        Parameters
        ----------
        notice_id
            The notice.

        Returns
        -------
        str
            ``notices/<notice_id>.html``, URL-quoted.
        """
        return f"{self.base}/{quote(str(notice_id))}.html"

    def problem(self, notice_id: Any, problem_no: Any) -> str:
        """The URL of a problem in its notice's source view.

        Parameters
        ----------
        notice_id, problem_no
            The problem.

        Returns
        -------
        str
            ``notices/<notice_id>.html#p-<problem_no>``.
        """
        return f"{self.notice(notice_id)}#{problem_anchor(problem_no)}"


def problem_anchor(problem_no: Any) -> str:
    """The id of a problem's anchor in its source view: ``p-3``.

    Parameters
    ----------
    problem_no
        The problem's number in its notice.

    Returns
    -------
    str
    """
    return f"p-{int(problem_no)}"


def source_links(notices: pd.DataFrame) -> SourceLinks:
    """The links of a corpus's reports, from its ``notices`` table.

    Parameters
    ----------
    notices
        ``corpus.notices``.

    Returns
    -------
    SourceLinks
    """
    by_association: dict[str, list[str]] = {}
    for association, notice_id in zip(notices["association"], notices["notice_id"]):
        if not pd.isna(association):
            by_association.setdefault(str(association), []).append(str(notice_id))
    return SourceLinks(by_association)


def _link(href: str, text: str, klass: str) -> Markup:
    """An escaped ``<a>``."""
    return Markup('<a class="{}" href="{}">{}</a>').format(klass, href, text)


def _problem_link(
    links: SourceLinks, notice_id: Any, problem_no: Any, aspect_no: Any = pd.NA
) -> Markup | str:
    """The link of one problem row (``问题 3``), of a 方面 row (``方面 2``), or of its notice."""
    if pd.isna(notice_id):
        return MISSING
    if pd.isna(problem_no) and not pd.isna(aspect_no):
        href = f"{links.notice(notice_id)}#a-{int(aspect_no)}"
        return _link(href, f"方面 {int(aspect_no)}", "aspect-link")
    if pd.isna(problem_no):
        return _link(links.notice(notice_id), "通报原文", "notice-link")
    return _link(links.problem(notice_id, problem_no), f"问题 {int(problem_no)}", "problem-link")


def _refs_links(links: SourceLinks, refs: Iterable[tuple[str, int]]) -> Markup:
    """Links to several problems: ``dongying-2024 问题 3``, one per line."""
    parts = [
        _link(links.problem(nid, no), f"{nid} 问题 {int(no)}", "problem-link") for nid, no in refs
    ]
    return LINE_BREAK.join(parts) if parts else Markup(MISSING)


def _association_links(links: SourceLinks, association: Any) -> Markup | str:
    """Links to the source views of an association's notices."""
    ids = links.notices_by_association.get(str(association), [])
    parts = [_link(links.notice(nid), nid, "notice-link") for nid in ids]
    return LINE_BREAK.join(parts) if parts else MISSING


def _link_cells(table: pd.DataFrame, links: SourceLinks) -> list[tuple[str, list[Any]]]:
    """The link columns of a table: (label, one cell per row), first to last."""
    out: list[tuple[str, list[Any]]] = []
    missing = [pd.NA] * len(table)
    for notice_col, problem_col, label in LINK_COLUMNS:
        if notice_col in table:
            problems = table[problem_col] if problem_col in table else missing
            aspects = (
                table["aspect_no"]
                if "aspect_no" in table and notice_col == "notice_id"
                else missing
            )
            cells = [
                _problem_link(links, n, p, a)
                for n, p, a in zip(table[notice_col], problems, aspects)
            ]
            out.append((label, cells))
    if not out and "association" in table:
        out.append(("原文", [_association_links(links, a) for a in table["association"]]))
    return out


def format_value(value: Any, column: str = "") -> str:
    """One cell as text: ``—`` for a missing value, dates ``YYYY-MM-DD``, 是/否, shares as %.

    Parameters
    ----------
    value
        The cell.
    column
        Its column, which decides labels (``status`` → 已完成 …, ``VALUE_LABELS``) and shares
        (``SHARE_COLUMNS``).

    Returns
    -------
    str
    """
    if isinstance(value, (list, tuple)):
        return "、".join(format_value(v) for v in value) or MISSING
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return "是" if value else "否"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if column in VALUE_LABELS:
        return VALUE_LABELS[column].get(str(value), str(value))
    if column in SHARE_COLUMNS and isinstance(value, (int, float)):
        return f"{value:.0%}"
    if isinstance(value, float):
        return _format_float(value, column)
    return str(value)


def _format_float(value: float, column: str) -> str:
    """A float: p-values in two significant digits, money with two decimals, else trimmed."""
    if column == "p":
        return f"{value:.2g}"
    if column == "amount_yuan":
        return f"{value:,.2f}"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


@dataclass(frozen=True)
class Column:
    """One column of a report table: its label, its field name (tooltip) and CSS class."""

    label: str
    field: str
    klass: str = ""


@dataclass(frozen=True, repr=False)
class ReportTable:
    """A table ready for a report: columns and rows of escaped (or link) cells.

    ``display(table)`` in a notebook shows it (``_repr_html_``).
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    table_id: str = field(default_factory=lambda: f"t-{uuid.uuid4().hex[:12]}")

    def to_html(self) -> str:
        """The table's HTML (``TABLE_TEMPLATE``): every text cell escaped.

        Returns
        -------
        str
        """
        template = _environment().get_template(TABLE_TEMPLATE)
        return template.render(table=self)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        """The table as plain text (what a terminal or the text/plain output shows)."""
        lines = ["\t".join(c.label for c in self.columns)]
        lines += ["\t".join(_plain(cell) for cell in row) for row in self.rows[:PLAIN_ROWS]]
        if len(self.rows) > PLAIN_ROWS:
            lines.append(f"…（共 {len(self.rows)} 行）")
        return "\n".join(lines)


def _plain(cell: Any) -> str:
    """A cell without its markup: a link's text."""
    return re.sub(r"<br/?>", " ", re.sub(r"<a [^>]*>(.*?)</a>", r"\1", str(cell)))


def _column_class(values: pd.Series, column: str) -> str:
    """``rw-num`` for numbers, ``rw-long`` for long text, else nothing."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return "rw-num"
    lengths = values.dropna().astype(str).str.len()
    return "rw-long" if len(lengths) and lengths.mean() > LONG_TEXT else ""


def _value_columns(table: pd.DataFrame, links: SourceLinks) -> list[tuple[Column, list[Any]]]:
    """Each data column as (column, cells); problem lists become links."""
    out = []
    for name in table.columns:
        if name in HIDDEN_COLUMNS:
            continue
        values = table[name]
        label = FIELD_LABELS.get(str(name), str(name))
        if name == "problems":
            cells = [_refs_links(links, refs) for refs in values]
            out.append((Column(label, str(name), "rw-links"), cells))
            continue
        cells = [format_value(v, str(name)) for v in values]
        out.append((Column(label, str(name), _column_class(values, str(name))), cells))
    return out


def report_table(table: pd.DataFrame, links: SourceLinks | None = None) -> ReportTable:
    """A DataFrame as a report table: labels, formatted cells, and links to the source views.

    Parameters
    ----------
    table
        Any table an analysis function returns; its index is not shown.
    links
        Where rows link to; None: links to ``notices/<notice_id>.html`` without
        association lookup.

    Returns
    -------
    ReportTable
        The link columns (``原文``) first, then every column of ``table`` but the
        ``HIDDEN_COLUMNS``.
    """
    links = links or SourceLinks()
    table = table.reset_index(drop=True)
    columns = [
        (Column(label, "source view", "rw-links"), cells)
        for label, cells in _link_cells(table, links)
    ]
    columns += _value_columns(table, links)
    header = tuple(c for c, _ in columns)
    rows = tuple(zip(*(cells for _, cells in columns))) if columns else ()
    return ReportTable(header, tuple(tuple(r) for r in rows))


def _environment() -> Any:
    """The Jinja environment of the table templates (autoescape on)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(RESOURCES / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _bundle_names() -> tuple[str, str]:
    """The window property and event itables' offline bundle announces itself with."""
    from itables import javascript

    return javascript._itables_underscore_version(), javascript._itables_ready_event()


def init_html() -> str:
    """What a page needs once before its tables: their CSS, DataTables inlined, the options.

    Returns
    -------
    str
        ``<style>`` and ``<script>`` elements: itables' offline bundle (base64, loaded from a
        ``blob:`` URL, no network), ``window.rectifyDataTable(id)`` which makes a table
        interactive, and a print handler that shows every row.
    """
    import itables.options as itables_options
    from itables.javascript import generate_init_offline_itables_html

    bundle = generate_init_offline_itables_html(itables_options.dt_bundle)
    bundle = bundle[: bundle.find("<div")] if "<noscript>" in bundle else bundle
    promise, event = _bundle_names()
    return (
        _environment()
        .get_template(INIT_TEMPLATE)
        .render(
            bundle=Markup(bundle),
            options=Markup(json.dumps(TABLE_OPTIONS, ensure_ascii=False)),
            promise=promise,
            event=event,
        )
    )


class TableInit:
    """The page set-up of the tables, for ``display`` (``_repr_html_`` is ``init_html()``)."""

    def _repr_html_(self) -> str:
        return init_html()

    def __repr__(self) -> str:
        return "（本页的交互式表格已加载）"
