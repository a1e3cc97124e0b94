"""Jinja templates of the report pages, kept in code so that every install ships them.

``NOTEBOOK_TEMPLATE`` extends nbconvert's JupyterLab template and removes everything it would
fetch from the network; ``INDEX_TEMPLATE`` is ``reports/index.html`` (rendered with autoescape).
"""

from __future__ import annotations

NOTEBOOK_TEMPLATE_NAME = "rectify_offline.html.j2"

NOTEBOOK_TEMPLATE = """\
{#- JupyterLab's HTML template with nothing fetched from the network: no require.js, widgets,
    MathJax or mermaid from CDNs. Images are inline data URIs; CSS is inlined by 'lab'. -#}
{%- extends 'lab/index.html.j2' -%}

{%- block html_head_js -%}
{%- endblock html_head_js -%}

{%- block jupyter_widgets -%}
{%- endblock jupyter_widgets -%}

{%- block html_head_js_mathjax -%}
{%- endblock html_head_js_mathjax -%}

{%- block html_head_js_mermaidjs -%}
{%- endblock html_head_js_mermaidjs -%}

{#- Chinese text: "Rectify CJK" is the page's own embedded subset of Noto Sans CJK SC (only CJK
    characters, so Latin text falls through to the next font); without it, the reader's fonts. -#}
{%- block html_head_css -%}
<style type="text/css">
:root {
  --jp-content-font-family: "Rectify CJK", system-ui, -apple-system, "Segoe UI", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  --jp-ui-font-family: var(--jp-content-font-family);
  --jp-code-font-family: "Rectify CJK", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
</style>
{%- endblock html_head_css -%}
"""

INDEX_TEMPLATE_NAME = "rectify_index.html.j2"

INDEX_TEMPLATE = """\
<!DOCTYPE html>
{#- reports/index.html: rendered with autoescape on, so titles and parameters are escaped. #}
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
<style>
  body { font-family: "Rectify CJK", system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #222; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: .4rem .6rem; text-align: left; vertical-align: top; }
  th { background: #f4f4f4; }
  .status { font-weight: bold; padding: .1rem .4rem; border-radius: .2rem; white-space: nowrap; }
  .status-ok { background: #e6f4ea; color: #1e6b34; }
  .status-failed { background: #fdecea; color: #a52714; }
  .status-not-built { background: #eee; color: #555; }
  .params { margin: 0; padding-left: 1rem; font-size: .9em; }
  .error { white-space: pre-wrap; color: #a52714; font-size: .85em; margin: .3rem 0 0; }
  .muted { color: #777; font-size: .9em; }
  .warning { color: #8a6d00; font-size: .85em; }
  code, pre { font-family: "Rectify CJK", ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
  code { font-size: .9em; }
</style>
</head>
<body>
<h1>{{ heading }}</h1>
<p class="muted">{{ summary }} · 生成于 {{ generated }}</p>
<table>
  <thead>
    <tr><th>报告</th><th>状态</th><th>参数</th><th>构建时间</th><th>文件</th></tr>
  </thead>
  <tbody>
  {%- for r in reports %}
    <tr id="report-{{ r.name }}">
      <td>
        {%- if r.html_href %}<a class="report-link" href="{{ r.html_href }}">{{ r.title }}</a>
        {%- else %}{{ r.title }}{% endif %}
        <div class="muted"><code>{{ r.name }}</code> · <code>{{ r.notebook }}</code></div>
      </td>
      <td>
        <span class="status status-{{ r.status_class }}">{{ r.outcome }}</span>
        {%- if r.up_to_date %}<div class="muted">up to date</div>{% endif %}
        {%- if r.error %}<pre class="error">{{ r.error }}</pre>{% endif %}
        {%- for w in r.warnings %}<div class="warning">warning: {{ w }}</div>{% endfor %}
      </td>
      <td>
        <ul class="params">
        {%- for key, value in r.parameters %}
          <li><code>{{ key }}</code> = <code>{{ value }}</code></li>
        {%- endfor %}
        </ul>
      </td>
      <td>{{ r.built or "—" }}{% if r.duration is not none %}<div class="muted">{{ "%.1f"|format(r.duration) }} s</div>{% endif %}</td>
      <td>
        {%- if r.html_href %}<a href="{{ r.html_href }}">HTML</a>{% endif %}
        {%- if r.ipynb_href %} · <a href="{{ r.ipynb_href }}">ipynb</a>{% endif %}
      </td>
    </tr>
  {%- endfor %}
  </tbody>
</table>
</body>
</html>
"""
