"""HTML for the reports: executed notebooks without code, and the escaped index page.

Both pages come from Jinja templates shipped as package data in
``rectify_utils/resources/templates/``:

- ``report_notebook.html.j2`` extends nbconvert's JupyterLab template minus its CDN scripts:
  inline CSS and images (with alt text), no script, stylesheet or font from the network; a
  link back to the index, a table of contents, the build time and commit, print CSS for A4;
- ``report_index.html.j2`` is ``reports/index.html``, rendered with autoescape on: each
  report's key finding, status in Chinese, the parameters where they differ between reports,
  the per-association reports a limit left out (named, with their problems), and the source
  view of every notice.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..config import PACKAGE_DIR, RESOURCES
from .config import OUTPUT_PARAMETERS, LeftOut

if TYPE_CHECKING:
    import jinja2

#: the folder of the report templates (``rectify_utils/resources/templates``)
TEMPLATES_DIR = RESOURCES / "templates"
NOTEBOOK_TEMPLATE = "report_notebook.html.j2"
INDEX_TEMPLATE = "report_index.html.j2"
INDEX_HEADING = "巡察整改进展情况报告"
#: the tag of the notebook cell whose printed sentence is the report's key finding
KEY_FINDING_TAG = "key-finding"
#: where the table of contents goes in a rendered report
TOC_MARKER = "<!--rectify:toc-->"
#: a section heading of a rendered report: ``<h2 id="…">text<a class="anchor-link" …>¶</a></h2>``
_H2 = re.compile(
    r'<h2 id="(?P<id>[^"]+)">(?P<text>.*?)(?:<a class="anchor-link"[^>]*>.*?</a>)?</h2>', re.S
)
_TAGS = re.compile(r"<[^>]+>")
#: what the index says of a report's state
OUTCOME_NAMES = {"ok": "成功", "failed": "失败", "not built": "未构建"}

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


def build_stamp() -> tuple[str, str]:
    """The time of this build and the commit of the code that made it.

    Returns
    -------
    tuple of str
        ``("2025-01-31 14:05", "840d8e6")``: the local time to the minute, and the short
        commit of the package's git checkout (``+ 未提交的修改`` when files differ from it;
        ``未知`` outside git).
    """
    built = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    root = PACKAGE_DIR.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return built, "未知"
    return built, commit + (" + 未提交的修改" if dirty else "")  # fmt: skip


def table_of_contents(page: str) -> str:
    """``page`` with a list of its section headings (``<h2>``) at ``TOC_MARKER``.

    Parameters
    ----------
    page
        A rendered report.

    Returns
    -------
    str
        The page, the marker replaced by ``<ol class="rw-toc">`` of links to each heading
        (removed when there is none).
    """
    items = [
        f'<li><a href="#{m["id"]}">{html.escape(html.unescape(_TAGS.sub("", m["text"])).strip())}</a></li>'
        for m in _H2.finditer(page)
    ]
    toc = f'<ol class="rw-toc" aria-label="目录">{"".join(items)}</ol>' if items else ""
    return page.replace(TOC_MARKER, toc, 1)


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
        The HTML page (``lang="zh-CN"``), images inlined as data URIs with their alt text, a
        link back to ``index.html``, a table of contents, the build time and commit.
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
    built, commit = build_stamp()
    resources = {
        "metadata": {"name": title},
        "language_code": "zh-CN",
        "rectify": {"built": built, "commit": commit},
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return table_of_contents(re.sub(r'<html lang="[^"]*">', '<html lang="zh-CN">', body, count=1))


def key_finding(ipynb: str | Path | None) -> str | None:
    """The sentence a report's ``key-finding`` cell printed, from its executed notebook.

    Parameters
    ----------
    ipynb : str or Path, optional
        The executed notebook.

    Returns
    -------
    str or None
        The first printed line of the first cell tagged ``KEY_FINDING_TAG``; None when the
        notebook or such a cell is missing or printed nothing.
    """
    if not ipynb or not Path(ipynb).is_file():
        return None
    try:
        outputs = _tagged_outputs(Path(ipynb).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    text = "".join(
        "".join(o.get("text", "")) for o in outputs or []
        if o.get("output_type") == "stream" and o.get("name") == "stdout"
    )  # fmt: skip
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else None


def _tagged_outputs(text: str) -> list[dict[str, Any]] | None:
    """The outputs of the first ``KEY_FINDING_TAG`` cell of a notebook's JSON text.

    Decodes only that cell's ``outputs`` array (after its ``metadata``, as nbformat writes the
    keys in order), not the whole notebook with its embedded table bundle; falls back to the
    whole notebook when the layout differs.
    """
    at = text.find(f'"{KEY_FINDING_TAG}"')
    if at < 0:
        return None
    start = text.find('"outputs":', at)
    if start >= 0 and text.find('"cell_type"', at, start) < 0:
        outputs, _ = json.JSONDecoder().raw_decode(text, text.index("[", start))
        return outputs
    for cell in json.loads(text).get("cells", []):
        if KEY_FINDING_TAG in cell.get("metadata", {}).get("tags", []):
            return cell.get("outputs", [])
    return None


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


def _shown_parameters(rows: list[Mapping[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The parameters every report shares, and each report's own (the ones that differ)."""
    params = [
        {k: v for k, v in row["parameters"].items() if k not in OUTPUT_PARAMETERS} for row in rows
    ]
    keys = set().union(*params) if params else set()
    common = {
        k: params[0][k]
        for k in sorted(keys)
        if all(k in p for p in params) and all(p[k] == params[0][k] for p in params)
    }
    own = [{k: v for k, v in p.items() if k not in common} for p in params]
    return common, own


def _index_item(
    row: Mapping[str, Any], own: Mapping[str, Any], out_dir: Path, root: Path | None
) -> dict[str, Any]:
    """What the index template shows of one report record."""
    outcome = row.get("outcome") or "not built"
    return {
        "name": row["name"],
        "title": row["title"],
        "notebook": _display(str(row["notebook"]), root),
        "parameters": [(k, _display(v, root)) for k, v in own.items()],
        "outcome": OUTCOME_NAMES.get(outcome, outcome),
        "status_class": outcome.replace(" ", "-"),
        "up_to_date": row.get("status") == "skipped-up-to-date",
        "built": (row.get("built") or "")[:16].replace("T", " ") or None,
        "duration": row.get("duration"),
        "error": row.get("error"),
        "warnings": list(row.get("warnings") or []),
        "key_finding": key_finding(row.get("ipynb")) if outcome == "ok" else None,
        "html_href": _href(row.get("html"), out_dir),
        "ipynb_href": _href(row.get("ipynb"), out_dir),
    }


def _summary(items: list[dict[str, Any]], left_out: list[dict[str, Any]]) -> str:
    """The index's count line: ``9 份报告：8 份成功，1 份失败``, and how many a limit left out."""
    counts = {k: sum(i["status_class"] == k for i in items) for k in ("ok", "failed")}
    line = f"{len(items)} 份报告：{counts['ok']} 份成功，{counts['failed']} 份失败"
    dropped = sum(len(cut["associations"]) for cut in left_out)
    return line + (f"；另有 {dropped} 份按单位的报告因数量上限未生成（见下）" if dropped else "")


def _left_out_item(cut: LeftOut) -> dict[str, Any]:
    """What the index shows of the reports a limit left out: why, and every association."""
    total = len(cut.kept) + len(cut.left_out)
    return {
        "entry": cut.entry,
        "title": cut.title.replace("{association}", "各单位"),
        "reason": (
            f"{cut.source} = {cut.limit}：只生成问题最多的 {len(cut.kept)} 个单位"
            f"（共 {total} 个，问题数相同按名称排序）；以下 {len(cut.left_out)} 个单位未生成"
        ),
        "associations": [f"{name}（{n} 个问题）" for name, n in cut.left_out],
    }


def source_listing(out_dir: Path) -> list[dict[str, str]]:
    """The source views the build wrote (``notices/notices.json``), for the index.

    Parameters
    ----------
    out_dir : Path
        The reports folder.

    Returns
    -------
    list of dict
        ``notice_id``, ``association``, ``title``, ``href`` of each page that exists.
    """
    listing = out_dir / "notices" / "notices.json"
    try:
        entries = json.loads(listing.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if (out_dir / e["href"]).is_file()]


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
    left_out: Iterable[LeftOut] | None = None,
) -> str:
    """The index page: every report's title, key finding, status, parameters, build time, links.

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
    left_out : iterable of LeftOut, optional
        Per-association reports a limit left out; the page says how many, why, and names
        each association with its problems.

    Returns
    -------
    str
        The HTML page; every value is HTML-escaped by the template environment. Parameters
        all reports share are listed once; each report lists only its own.
    """
    rows = list(rows)
    common, own = _shown_parameters(rows)
    items = [_index_item(row, mine, out_dir, root) for row, mine in zip(rows, own)]
    cuts = [_left_out_item(cut) for cut in left_out or []]
    template = _index_environment(templates_dir).get_template(INDEX_TEMPLATE)
    _, commit = build_stamp()
    return template.render(
        heading=heading,
        summary=_summary(items, cuts),
        generated=generated[:16].replace("T", " "),
        commit=commit,
        common=[(k, _display(v, root)) for k, v in common.items()],
        reports=items,
        left_out=cuts,
        notices=source_listing(out_dir),
    )
