"""The source view of a notice: its text with every parsed span marked, an anchor per problem,
what the parser concluded beside each problem, nothing of the notice's own markup executed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rectify_utils import load_corpus
from rectify_utils.analysis.themes import classify_problems
from rectify_utils.report import sources
from rectify_utils.report.config import ReportSpec
from rectify_utils.report.inputs import InputHasher

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def pages(corpus) -> dict[str, str]:
    classified = classify_problems(corpus)
    return {
        nid: sources.render_source_view(corpus, nid, classified, built="2025-01-01", commit="abc")
        for nid in corpus.notices["notice_id"]
    }


def test_every_problem_and_measure_has_an_anchor(corpus, pages):
    for p in corpus.problems.itertuples():
        assert f'id="p-{p.problem_no}"' in pages[p.notice_id], (
            f"a link to {p.notice_id} problem {p.problem_no} would land nowhere"
        )
    for m in corpus.measures.itertuples():
        assert f'id="p-{m.problem_no}-m-{m.measure_no}"' in pages[m.notice_id]


def test_the_text_is_shown_whole_in_its_spans(corpus, pages):
    import html

    block = re.compile(
        r'<div class="block kind-[^"]+"[^>]*><span class="block-kind">.*?</span>(.*?)</div>', re.S
    )
    for nid, page in pages.items():
        shown = "".join(html.unescape(re.sub(r"<[^>]+>", "", b)) for b in block.findall(page))
        assert shown == corpus.texts[nid], f"{nid}: the source view does not show the whole text"


def test_the_words_that_decided_a_status_are_marked_in_the_problem(pages):
    page = pages["dongying-2024"]
    assert re.search(
        r'<span class="m-status" title="问题 2 状态依据">6家学会均有序换届中</span>', page
    )
    assert '<span class="status st-in_progress">整改中</span>' in page


def test_beside_each_problem_the_parser_says_status_theme_and_evidence(pages):
    page = pages["xinye-2024"]
    verdict = page[page.index('aria-label="问题 1 的解析结论"') :].split("</aside>")[0]
    assert "状态" in verdict and "主题" in verdict and "依据" in verdict


def test_the_model_evidence_beside_a_problem_is_the_problems_own_words(corpus, pages):
    import html

    classified = classify_problems(corpus)
    row = classified[classified["theme_evidence"].str.contains("model:")].iloc[0]
    page = pages[row["notice_id"]]
    label = f'aria-label="问题 {row["problem_no"]} 的解析结论"'
    verdict = html.unescape(page[page.index(label) :].split("</aside>")[0])
    assert str(row["theme_evidence"]) in verdict
    assert "model：范例模型所依据的本问题原文片段" in verdict, (
        "the reader is told what model: means"
    )
    spans = str(row["theme_evidence"]).split("model:")[1].split(";")[0].split("+")
    assert all(span in str(row["title"]) for span in spans)


def test_the_legend_names_every_kind_of_mark(pages):
    legend = pages["shilong-2022"].split('<h2 id="legend">')[1].split("</ul>")[0]
    for label in [*sources.BLOCK_KINDS.values(), *sources.MARK_KINDS.values()]:
        assert label in legend


def test_dates_claims_and_deadlines_are_marked(pages):
    assert 'class="m-date" title="日期：巡察、反馈"' in pages["dongying-2024"]
    assert 'class="m-claim"' in pages["xinye-2024"]
    assert 'class="m-deadline"' in pages["luozhuang-2022"]


def test_an_inferred_date_and_a_contradiction_are_said_at_the_top(pages):
    assert "通报日期是推断的" in pages["dongying-2024"]
    assert "通报自相矛盾：问题数前后写作 11、31" in pages["xinye-2024"]


def test_markup_in_a_notice_is_shown_as_text(tmp_path):
    text = (ROOT / "data" / "raw" / "shilong-2022.txt").read_text(encoding="utf-8")
    marked = text.replace("1. 学习制度落实不到位的问题", f"1. 学习制度{SCRIPT}落实不到位的问题", 1)
    assert marked != text
    (tmp_path / "marked.txt").write_text(marked, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    page = sources.render_source_view(corpus, "marked")
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_every_page_at_once_is_each_page_rendered_alone(corpus, pages):
    together = sources.render_source_views(
        corpus, classify_problems(corpus), built="2025-01-01", commit="abc"
    )
    assert together == pages, "splitting the tables once must not change a page"
    plain = sources.render_source_views(corpus)
    assert plain == {nid: sources.render_source_view(corpus, nid) for nid in pages}


def test_notice_tables_hold_the_rows_filtering_by_notice_would(corpus):
    classified = classify_problems(corpus)
    split = list(sources.notice_tables(corpus, classified))
    assert [own.notice["notice_id"] for own in split] == list(corpus.notices["notice_id"])
    for own in split:
        nid = own.notice["notice_id"]
        for name in ("problems", "measures", "spans", "outline", "warnings"):
            table = getattr(corpus, name)
            expected = table[table["notice_id"] == nid]
            assert getattr(own, name).equals(expected), f"{nid}: {name} differ"
        assert own.classified.equals(classified[classified["notice_id"] == nid])
        assert own.text == corpus.texts[nid]


def test_locate_finds_a_quote_without_the_note_the_parser_added():
    text = "……整改完成时限：2022年12月完成并长期坚持。……"
    quote = "整改完成时限：2022年12月完成并长期坚持。（晚于截至日期 2022-06-21）"
    start, end = sources.locate(text, quote)
    assert text[start:end].startswith("整改完成时限：2022年12月")
    assert sources.locate(text, "不在文中") is None


def test_the_build_writes_every_notice_once_and_skips_when_nothing_changed(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "r.html").write_text("<html></html>", encoding="utf-8")
    data = ROOT / "data" / "raw"
    spec = ReportSpec("r", Path("r.ipynb"), "r", {"data_dir": str(data)}, "r")
    written = sources.write_source_views([spec], out, InputHasher(exclude=out))
    assert sorted(p.name for p in written) == sorted(f"{p.stem}.html" for p in data.glob("*.txt"))
    assert sources.write_source_views([spec], out, InputHasher(exclude=out)) == [], (
        "an unchanged corpus must not be parsed again"
    )
    listing = (out / "notices" / sources.LISTING).read_text(encoding="utf-8")
    assert "新野县科协" in listing
