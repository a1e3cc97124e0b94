"""HTML for the reports: executed notebooks without code, and the escaped index page.

Both pages come from Jinja templates shipped as package data in
``rectify_utils/resources/templates/``:

- ``report_notebook.html.j2`` extends nbconvert's JupyterLab template minus its CDN scripts:
  inline CSS and images, no script, stylesheet or font from the network;
- ``report_index.html.j2`` is ``reports/index.html``, rendered with autoescape on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..config import RESOURCES

if TYPE_CHECKING:
    import jinja2

#: the folder of the report templates (``rectify_utils/resources/templates``)
TEMPLATES_DIR = RESOURCES / "templates"
NOTEBOOK_TEMPLATE = "report_notebook.html.j2"
INDEX_TEMPLATE = "report_index.html.j2"
INDEX_HEADING = "巡察整改进展情况报告"

# A script/img/iframe src, a link href, or a CSS url()/@import that points at http(s), e.g.
# <script src="https://cdn.jsdelivr.net/...">, <link href="http://...">, url(https://fonts...).
_REMOTE_REFERENCE = re.compile(
    r"""<(?:script|img|iframe|link|source|video|audio|embed)\b[^>]*?\b(?:src|href)\s*=\s*["']?\s*(https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']\s*(?:https?:)?//""",
    re.IGNORECASE,
)


def remote_references(page: str) -> list[str]:
    """Tags or CSS rules in ``page`` that would fetch something from the network.

    Parameters
    ----------
    page : str
        An HTML page.

    Returns
    -------
    list of str
        Each offending tag or rule (at most 200 characters), in page order; empty for a page
        that opens offline.
    """
    found = []
    for match in _REMOTE_REFERENCE.finditer(page):
        end = page.find(">", match.end())
        found.append(page[match.start() : end + 1 if end >= 0 else match.end() + 80][:200])
    return found


def render_notebook(ipynb: Path, *, title: str, templates_dir: Path = TEMPLATES_DIR) -> str:
    """Self-contained HTML of an executed notebook: outputs and Markdown only, no code.

    Parameters
    ----------
    ipynb : Path
        The executed notebook.
    title : str
        The page title (``<title>``).
    templates_dir : Path
        The folder holding ``report_notebook.html.j2``.

    Returns
    -------
    str
        The HTML page, images inlined as data URIs.
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(ipynb), as_version=4)
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        template_file=NOTEBOOK_TEMPLATE,
        extra_loaders=[jinja2.FileSystemLoader(str(templates_dir))],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def _display(value: Any, root: Path | None) -> str:
    """Parameter value for the index: paths under ``root`` shown relative to it."""
    if isinstance(value, str) and root is not None and value.startswith(str(root) + "/"):
        return Path(value).relative_to(root).as_posix()
    return repr(value) if not isinstance(value, str) else value


def _href(path: str | None, out_dir: Path) -> str | None:
    """Link from the index to ``path`` (URL-quoted, relative to ``out_dir``), if it exists."""
    if not path or not Path(path).is_file():
        return None
    return quote(Path(path).resolve().relative_to(out_dir.resolve()).as_posix())


def _index_item(row: Mapping[str, Any], out_dir: Path, root: Path | None) -> dict[str, Any]:
    """What the index template shows of one report record."""
    outcome = row.get("outcome") or "not built"
    return {
        "name": row["name"],
        "title": row["title"],
        "notebook": _display(str(row["notebook"]), root),
        "parameters": [(k, _display(v, root)) for k, v in row["parameters"].items()],
        "outcome": outcome,
        "status_class": outcome.replace(" ", "-"),
        "up_to_date": row.get("status") == "skipped-up-to-date",
        "built": (row.get("built") or "")[:19].replace("T", " ") or None,
        "duration": row.get("duration"),
        "error": row.get("error"),
        "warnings": list(row.get("warnings") or []),
        "html_href": _href(row.get("html"), out_dir),
        "ipynb_href": _href(row.get("ipynb"), out_dir),
    }


def _summary(items: list[dict[str, Any]]) -> str:
    """The index's count line: ``9 reports: 8 ok, 1 failed``."""
    counts = {k: sum(i["outcome"] == k for i in items) for k in ("ok", "failed")}
    return f"{len(items)} reports: {counts['ok']} ok, {counts['failed']} failed"


def _index_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja environment of the index: autoescape on, undefined names are errors."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def render_index(
    rows: Iterable[Mapping[str, Any]],
    *,
    out_dir: Path,
    generated: str,
    root: Path | None = None,
    heading: str = INDEX_HEADING,
    templates_dir: Path = TEMPLATES_DIR,
) -> str:
    """The index page: every report's title, status, parameters, build time and links.

    Parameters
    ----------
    rows : iterable of mapping
        Report records with ``name``, ``title``, ``notebook``, ``parameters``, ``outcome``,
        ``built``, ``duration``, ``html``, ``ipynb``, ``error``, ``warnings`` and ``status``.
    out_dir : Path
        The folder the index is written to; links are relative to it.
    generated : str
        The build time shown under the heading (ISO 8601).
    root : Path, optional
        Path parameters under this folder are shown relative to it.
    heading : str
        The page's title and heading.
    templates_dir : Path
        The folder holding ``report_index.html.j2``.

    Returns
    -------
    str
        The HTML page; every value is HTML-escaped by the template environment.
    """
    items = [_index_item(row, out_dir, root) for row in rows]
    template = _index_environment(templates_dir).get_template(INDEX_TEMPLATE)
    return template.render(
        heading=heading, summary=_summary(items), generated=generated, reports=items
    )
