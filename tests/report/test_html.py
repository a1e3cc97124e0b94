"""The pages around the notebooks: a report's table of contents, build time and commit; the index
with each report's key finding, its status in Chinese and only the parameters that differ."""

from __future__ import annotations

import json
from pathlib import Path

from rectify_utils.report import html


def test_a_report_lists_its_sections_at_the_top():
    page = (
        f"<nav>{html.TOC_MARKER}</nav>"
        '<h2 id="a-1">各单位的问题整改到什么程度？<a class="anchor-link" href="#a-1">¶</a></h2>'
        '<h2 id="b">B &amp; C</h2>'
    )
    toc = html.table_of_contents(page)
    assert '<li><a href="#a-1">各单位的问题整改到什么程度？</a></li>' in toc
    assert '<li><a href="#b">B &amp; C</a></li>' in toc and html.TOC_MARKER not in toc


def test_the_build_stamp_names_a_time_and_a_commit():
    built, commit = html.build_stamp()
    assert len(built) == 16 and built[4] == "-" and commit


def _notebook(path: Path, printed: str) -> Path:
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": ""},
        {
            "cell_type": "code",
            "metadata": {"tags": [html.KEY_FINDING_TAG]},
            "outputs": [{"output_type": "stream", "name": "stdout", "text": [printed]}],
            "source": "",
        },
    ]
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    return path


def test_the_key_finding_is_the_sentence_its_tagged_cell_printed(tmp_path):
    nb = _notebook(tmp_path / "r.ipynb", "5 个单位中，已说明状态的问题里 79% 已完成。\n")
    assert html.key_finding(nb) == "5 个单位中，已说明状态的问题里 79% 已完成。"
    assert html.key_finding(tmp_path / "missing.ipynb") is None


def test_the_index_gives_findings_chinese_statuses_and_only_differing_parameters(tmp_path):
    nb = _notebook(tmp_path / "a.ipynb", "最低的是东营市科协 0%（0 / 4 已说明，7 未说明）\n")
    common = {"data_dir": str(tmp_path / "data"), "top_n": 20, "figures_dir": "x"}
    rows = [
        {
            "name": name,
            "title": name,
            "notebook": str(tmp_path / "n.ipynb"),
            "parameters": {**common, **extra},
            "outcome": outcome,
            "built": "2025-01-01T10:00:00",
            "duration": 1.0,
            "html": None,
            "ipynb": str(nb),
            "error": None,
            "warnings": [],
            "status": outcome,
        }
        for name, extra, outcome in [
            ("a", {}, "ok"),
            ("p_甲", {"association": "甲科协"}, "ok"),
            ("b", {}, "failed"),
        ]
    ]
    page = html.render_index(rows, out_dir=tmp_path, generated="2025-01-01T10:00:00", root=tmp_path)
    assert '<html lang="zh-CN">' in page
    assert "最低的是东营市科协 0%（0 / 4 已说明，7 未说明）" in page
    assert page.count("<code>top_n</code>") == 1, "a parameter every report shares is listed once"
    assert "<code>association</code> = <code>甲科协</code>" in page
    assert "figures_dir" not in page, "an output of the build is not a parameter to show"
    assert ">成功<" in page and ">失败<" in page and ">ok<" not in page
