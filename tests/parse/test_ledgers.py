"""整改台账 tables in Word and on web pages: one problem per row, columns known by their headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectify_utils import load_corpus
from rectify_utils.parse.tables import ledger_columns, render_ledger
from rectify_utils.parse.vocabulary import LEDGER_ROW

BEFORE = [
    "中共某某县教育局党组关于巡察整改进展情况的通报",
    "根据县委统一部署，2023年9月11日至11月10日，县委第一巡察组对县教育局党组开展了常规巡察。"
    "2024年1月8日，巡察组向县教育局党组反馈了巡察意见。现将整改进展情况予以公布。",
    "巡察反馈问题整改台账",
]
HEADER = ["序号", "问题类别", "反馈问题", "整改措施", "整改情况", "完成时限", "责任领导"]
ROWS = [
    [
        "1",
        "落实主责主业方面",
        "城区学校大班额化解缓慢",
        "1.新建城北小学一所；\n2.优化学区划分。",
        "持续推进",
        "2025年8月底",
        "分管副局长",
    ],
    [
        "2",
        "落实主责主业方面",
        "课后服务覆盖面不广",
        "在全县小学推行课后服务“5+2”模式。",
        "已完成",
        "2024年3月",
        "分管副局长",
    ],
    [
        "3",
        "全面从严治党方面",
        "校园食堂采购审核把关不严",
        "建立食材采购三级审核制度，开展专项检查。",
        "已完成",
        "2024年4月30日",
        "纪检组长",
    ],
]
AFTER = [
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0312-5550123。",
    "中共某某县教育局党组",
    "2024年6月20日",
]
EXPECTED = [
    ("城区学校大班额化解缓慢", "in_progress", 2, "2025-08-31"),
    ("课后服务覆盖面不广", "completed", 0, "2024-03-31"),
    ("校园食堂采购审核把关不严", "completed", 0, "2024-04-30"),
]


def write_docx(path: Path, table_rows: list[list[str]]) -> Path:
    import docx

    document = docx.Document()
    for text in BEFORE:
        document.add_paragraph(text)
    table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
    for r, row in enumerate(table_rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for text in AFTER:
        document.add_paragraph(text)
    document.save(path)
    return path


def write_html(path: Path) -> Path:
    def cell(text: str, tag: str = "td", attrs: str = "") -> str:
        return f"<{tag}{attrs}>{text.replace(chr(10), '<br>')}</{tag}>"

    head = "".join(cell(h, "th") for h in HEADER)
    body = []
    for k, row in enumerate(ROWS):
        cells = [cell(row[0])]
        if k == 0:  # the category cell spans the two rows that share it
            cells.append(cell(row[1], attrs=' rowspan="2"'))
        elif k == 2:
            cells.append(cell(row[1]))
        cells += [cell(text) for text in row[2:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    page = (
        "<html><head><meta charset='utf-8'><title>站点</title></head><body>"
        "<div class='nav'>首页 &gt; 巡视巡察</div>"
        + "".join(f"<p>{t}</p>" for t in BEFORE)
        + f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        + "".join(f"<p>{t}</p>" for t in AFTER)
        + "</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def check(corpus) -> None:
    assert corpus.skipped.empty, corpus.skipped.to_dict("records")
    problems = corpus.problems
    got = [
        (p.title, p.status, int(p.n_measures), str(p.deadline.date()))
        for p in problems.itertuples()
    ]
    assert got == EXPECTED
    assert list(problems["aspect_title"]) == [
        "落实主责主业方面",
        "落实主责主业方面",
        "全面从严治党方面",
    ]
    assert "1" not in set(problems["title"]), "a 序号 cell became a problem"
    notice = corpus.notices.iloc[0]
    assert notice["association"] == "某某县教育局" and notice["unit_kind"] == "政府部门"
    assert str(notice["publish_date"].date()) == "2024-06-20"


def test_a_word_ledger_reads_one_problem_per_row(tmp_path):
    check(load_corpus(write_docx(tmp_path / "ledger.docx", [HEADER, *ROWS])))


def test_a_web_ledger_with_a_spanning_category_cell_reads_the_same(tmp_path):
    check(load_corpus(write_html(tmp_path / "ledger.html")))


def test_a_title_row_above_the_header_is_not_a_problem(tmp_path):
    title = ["某某县教育局巡察反馈问题整改台账"] * len(HEADER)
    check(load_corpus(write_docx(tmp_path / "ledger.docx", [title, HEADER, *ROWS])))


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["序号", "存在问题", "整改举措", "完成情况"], {"number", "problem", "measures", "status"}),
        (
            ["编号", "巡察反馈问题", "整改时限", "责任单位"],
            {"number", "problem", "deadline", "responsible"},
        ),
        (["单位", "联系电话"], None),
        (["序号", "问题"], None),  # a problem list with nothing about its rectification
    ],
)
def test_ledger_columns_are_known_by_their_header_words(header, roles):
    found = ledger_columns(header)
    assert (set(found) if found else None) == roles


def test_a_repeated_header_row_on_a_later_page_is_skipped():
    lines = render_ledger([HEADER, ROWS[0], HEADER, ROWS[1]])
    assert sum(bool(LEDGER_ROW.match(line)) for line in lines) == 2, (
        "a header row repeated on a later page was read as a problem row"
    )


TEXT_LEDGER = [
    *BEFORE,
    *(
        line
        for k, (aspect, problem, status) in enumerate(
            [
                ("落实主责主业方面", "城区学校大班额化解缓慢", "持续推进"),
                ("落实主责主业方面", "校外培训机构监管不到位", "已完成"),
                ("全面从严治党方面", "学生资助资金审核把关不严", "已完成"),
            ],
            start=1,
        )
        for line in (
            [f"问题{k}", f"问题类别：{aspect}", f"反馈问题：{problem}"]
            if k != 2  # the category may come among the row's own fields too
            else [f"问题{k}", f"反馈问题：{problem}", f"问题类别：{aspect}"]
        )
        + [
            "整改措施：1.开展专项检查；2.建立工作台账。",
            f"整改进展：{status}",
            "责任股室：基础教育股",
        ]
    ),
    "中共某某县教育局党组",
    "2024年6月20日",
]


def test_a_ledger_written_as_text_takes_its_category_lines_as_the_aspect(tmp_path):
    path = tmp_path / "text_ledger.txt"
    path.write_text("\n".join(TEXT_LEDGER) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    problems = corpus.problems
    assert list(problems["title"]) == [
        "城区学校大班额化解缓慢",
        "校外培训机构监管不到位",
        "学生资助资金审核把关不严",
    ]
    assert list(problems["aspect_title"]) == [
        "落实主责主业方面",
        "落实主责主业方面",
        "全面从严治党方面",
    ]
    assert list(problems["aspect_no"]) == [1, 1, 2]
    assert list(problems["status"]) == ["in_progress", "completed", "completed"]
    assert list(problems["n_measures"]) == [2, 2, 2]
    first, second = problems["text"].iloc[0], problems["text"].iloc[1]
    assert "问题2" not in first and "问题3" not in second and "全面从严治党" not in second, (
        "the next row's opening lines were read as the text of the row before"
    )
    assert corpus.notices["n_aspects"].iloc[0] == 2
