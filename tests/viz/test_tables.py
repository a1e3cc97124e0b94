"""Report tables: Chinese labels with the field name as tooltip, no index, — for a missing value,
dates as days, every notice text escaped, and each row linked to its source view."""

from __future__ import annotations

import re

import pandas as pd

from rectify_utils.report.html import remote_references
from rectify_utils.viz import tables


def _html(frame: pd.DataFrame, links: tables.SourceLinks | None = None) -> str:
    return tables.report_table(frame, links).to_html()


def test_a_problem_row_links_to_its_anchor_in_the_source_view():
    frame = pd.DataFrame({"notice_id": ["xinye-2024"], "problem_no": [3], "title": ["问题"]})
    page = _html(frame)
    assert '<a class="problem-link" href="notices/xinye-2024.html#p-3">问题 3</a>' in page
    assert '<th title="source view" class="rw-links">原文</th>' in page, (
        "the link column comes first"
    )


def test_columns_are_labelled_in_chinese_with_the_field_name_as_tooltip():
    frame = pd.DataFrame({"claimed_rules": pd.array([9], dtype="Int64")})
    assert '<th title="claimed_rules" class="rw-num">自报制度数</th>' in _html(frame)
    frame = pd.DataFrame({"feedback_date": [pd.Timestamp("2024-05-16")]})
    assert '<th title="feedback_date">反馈日期</th>' in _html(frame)


def test_missing_values_dates_and_flags_read_as_a_reader_expects():
    frame = pd.DataFrame(
        {
            "deadline": pd.to_datetime(["2024-06-30", None]),
            "claimed": pd.array([5, None], dtype="Int64"),
            "share": [0.25, float("nan")],
            "agrees": pd.array([True, pd.NA], dtype="boolean"),
            "status": pd.Categorical(["completed", "not_stated"]),
        }
    )
    page = _html(frame)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page)
    assert cells == ["2024-06-30", "5", "25%", "是", "已完成", "—", "—", "—", "—", "未说明"]
    assert not re.search(r"NaT|NaN|&lt;NA&gt;|<NA>|00:00:00", page)


def test_notice_text_is_escaped_and_offsets_are_not_shown():
    frame = pd.DataFrame(
        {
            "notice_id": ["n"],
            "text": ["<script>alert(1)</script>正文"],
            "char_start": [0],
            "char_end": [5],
        }
    )
    page = _html(frame)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;正文" in page
    assert "起始字符" not in page, "character offsets are the link's business, not the reader's"


def test_rows_of_an_association_link_to_each_of_its_notices():
    links = tables.SourceLinks({"新野县科协": ["xinye-2024", "xinye-2025"]})
    page = _html(pd.DataFrame({"association": ["新野县科协"], "n_problems": [31]}), links)
    assert 'href="notices/xinye-2024.html"' in page and 'href="notices/xinye-2025.html"' in page


def test_pairs_link_both_problems_and_theme_rows_link_every_problem():
    pairs = pd.DataFrame(
        {"notice_id_a": ["a"], "problem_no_a": [1], "notice_id_b": ["b"], "problem_no_b": [2]}
    )
    page = _html(pairs)
    assert 'href="notices/a.html#p-1"' in page and 'href="notices/b.html#p-2"' in page
    themes = pd.DataFrame({"theme": ["财务"], "problems": [[("a", 4), ("b", 7)]]})
    page = _html(themes)
    assert 'href="notices/a.html#p-4"' in page and 'href="notices/b.html#p-7"' in page


def test_the_links_of_one_cell_are_one_per_line_with_self_closed_breaks():
    themes = pd.DataFrame({"theme": ["财务"], "problems": [[("a", 4), ("b", 7)]]})
    page = _html(themes)
    assert '问题 4</a><br/><a class="problem-link"' in page
    assert "<br>" not in page, (
        "a bare <br> makes nbconvert's html.parser soup rescan every earlier one at each end "
        "tag: a report with 16,000 took minutes to render"
    )
    association = tables.SourceLinks({"新野县科协": ["xinye-2024", "xinye-2025"]})
    page = _html(pd.DataFrame({"association": ["新野县科协"]}), association)
    assert "xinye-2024</a><br/><a" in page
    assert repr(tables.report_table(themes)).splitlines()[1].endswith("a 问题 4 b 问题 7")


def test_an_aspect_row_links_to_its_heading():
    frame = pd.DataFrame({"notice_id": ["a"], "aspect_no": pd.array([2], dtype="Int64")})
    assert 'href="notices/a.html#a-2">方面 2</a>' in _html(frame)


def test_the_page_set_up_inlines_datatables_and_fetches_nothing():
    init = tables.init_html()
    assert "window.rectifyDataTable" in init and "injectModule" in init
    assert remote_references(init) == [], "the DataTables bundle must be inlined, not fetched"
    assert "unpkg" not in init and "cdn." not in init
    assert "下载 CSV" in init and "excelHtml5" in init and "columnControl" in init
