"""HTML for the reports: executed notebooks without code, and the escaped index page.

Notebook pages use nbconvert's JupyterLab template minus its CDN scripts (see
``report_templates``): inline CSS and images, no script, stylesheet or font from the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import templates

# A script/img/iframe src, a link href, or a CSS url()/@import that points at http(s), e.g.
# <script src="https://cdn.jsdelivr.net/...">, <link href="http://...">, url(https://fonts...).
_REMOTE_REFERENCE = re.compile(
    r"""<(?:script|img|iframe|link|source|video|audio|embed)\b[^>]*?\b(?:src|href)\s*=\s*["']?\s*(https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']\s*(?:https?:)?//""",
    re.IGNORECASE,
)


def remote_references(page: str) -> list[str]:
    """Tags or CSS rules in ``page`` that would fetch something from the network."""
    found = []
    for match in _REMOTE_REFERENCE.finditer(page):
        end = page.find(">", match.end())
        found.append(page[match.start() : end + 1 if end >= 0 else match.end() + 80][:200])
    return found


def render_notebook(ipynb: Path, *, title: str) -> str:
    """Self-contained HTML of an executed notebook: outputs and Markdown only, no code."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(ipynb), as_version=4)
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        template_file=templates.NOTEBOOK_TEMPLATE_NAME,
        extra_loaders=[
            jinja2.DictLoader({templates.NOTEBOOK_TEMPLATE_NAME: templates.NOTEBOOK_TEMPLATE})
        ],
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
    if not path or not Path(path).is_file():
        return None
    return quote(Path(path).resolve().relative_to(out_dir.resolve()).as_posix())


def render_index(
    rows: Iterable[Mapping[str, Any]],
    *,
    out_dir: Path,
    generated: str,
    root: Path | None = None,
    heading: str = "巡察整改进展情况报告",
) -> str:
    """The index page: every report's title, status, parameters, build time and links.

    ``rows`` are report records (name, title, notebook, parameters, outcome, built, duration,
    html, ipynb, error, status). Everything is HTML-escaped by the template environment.
    """
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.DictLoader({templates.INDEX_TEMPLATE_NAME: templates.INDEX_TEMPLATE}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    items = []
    for row in rows:
        outcome = row.get("outcome") or "not built"
        items.append(
            {
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
        )
    counts = {k: sum(i["outcome"] == k for i in items) for k in ("ok", "failed")}
    summary = f"{len(items)} reports: {counts['ok']} ok, {counts['failed']} failed"
    template = env.get_template(templates.INDEX_TEMPLATE_NAME)
    return template.render(heading=heading, summary=summary, generated=generated, reports=items)
