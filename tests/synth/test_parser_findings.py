"""Parser failures the synthetic notices found, each on a short notice written for it.

Each test states what a correct parse of one such form gives. A failure not yet fixed is a
strict xfail naming the parser rule at fault, with its entry in ``known_failures.py``; when the
parser is fixed the test passes, strict xfail reports that, and the marker comes off together
with the entry (the property tests then check that form in every synthetic notice), leaving
the test as a regression test. The notices are the
generator's kind of text, shortened to the one form that goes wrong; none is a published page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from known_failures import KNOWN_FAILURES

from rectify_utils import load_corpus
from rectify_utils.errors import NotANotice
from rectify_utils.parse.claims import find_claims
from rectify_utils.parse.notice import parse_notice
from rectify_utils.synth import synth_notice
from rectify_utils.synth.render import wrap

TITLE = "中共清河县文学艺术界联合会党组关于巡察整改进展情况的通报"
OPENING = (
    "根据县委统一部署，2024年3月11日至5月10日，县委第二巡察组对县文联党组进行了巡察。"
    "2024年6月3日，巡察组向县文联党组反馈了巡察意见。现将整改进展情况予以公布。"
)
SECTION = "一、巡察反馈问题整改落实情况"
PROBLEMS = [
    "（一）关于“文艺精品创作推进较慢”问题。",
    "整改情况：制定年度创作计划，组织会员深入乡村采风三次。",
    "（二）关于“所属文艺家协会管理不规范”问题。",
    "整改情况：对所属协会开展年检，督促两家协会按期换届。",
]
WELCOME = "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0312-5550123。"
SIGNATURE = "中共清河县文学艺术界联合会党组"
DATE = "2024年10月20日"


def notice(*paragraphs: str) -> str:
    """A notice of the given paragraphs, one a line."""
    return "\n".join(paragraphs) + "\n"


def base(**parts: object) -> str:
    """The short 文联 notice, with some of its parts replaced."""
    p = {
        "title": TITLE, "opening": OPENING, "section": SECTION, "problems": PROBLEMS,
        "welcome": WELCOME, "signature": SIGNATURE, "date": DATE,
    } | parts  # fmt: skip
    lines = [p["title"], p["opening"], p["section"], *p["problems"], p["welcome"]]
    return notice(*[x for x in [*lines, p["signature"], p["date"]] if x])


def parse(text: str):
    try:
        return parse_notice(text, "finding")
    except NotANotice as exc:  # a failure to see the notice is a failure too
        pytest.fail(f"the notice was set aside: {exc}")


def day(value) -> str | None:
    """A parsed date as ISO text (None when there is none)."""
    return None if value is None or str(value) == "NaT" else str(value)[:10]


def statuses(text: str) -> list[str]:
    return [p["status"] for p in parse(text).problems]


def test_every_known_failure_has_its_strict_xfail_test_here():
    tests = {name: obj for name, obj in globals().items() if name.startswith("test_")}
    for failure in KNOWN_FAILURES:
        assert failure.test in tests, f"no test {failure.test} for: {failure.rule}"
        own = getattr(tests[failure.test], "pytestmark", [])
        params = [
            mark
            for m in own
            if m.name == "parametrize"
            for value in m.args[1]
            for mark in getattr(value, "marks", ())
        ]
        marks = [m for m in [*own, *params] if m.name == "xfail"]
        assert marks and marks[0].kwargs.get("strict"), f"{failure.test} is not a strict xfail"


# --- who wrote the notice ------------------------------------------------------------------


def test_a_title_without_guanyu_names_the_body():
    text = base(title="中共清河县文学艺术界联合会党组巡察整改情况公示")
    body = parse(text).notice
    assert (body["organisation"], body["organisation_source"], body["association"]) == (
        "中共清河县文学艺术界联合会党组",
        "title",
        "清河县文联",
    ), "the title names the body, yet it was taken from the opening as 县文联党组"


@pytest.mark.parametrize("mark", ["（此件公开发布）", "（主动公开）"])
def test_public_marks_do_not_join_the_title(mark):
    result = parse(notice("附件2", mark, *base().splitlines()))
    assert result.notice["title"] == TITLE
    assert result.notice["association"] == "清河县文联"


def test_a_breadcrumb_naming_the_site_does_not_join_the_title():
    result = parse(notice("清河县人民政府 > 政务公开 > 工作动态", *base().splitlines()))
    assert result.notice["title"] == TITLE
    assert result.notice["organisation"] == SIGNATURE


def test_the_opening_names_the_body_after_the_inspection_dates():
    opening = (
        "县委第二巡察组于2024年3月11日至5月10日对县文联党组进行了巡察，"
        "并于2024年6月3日反馈了巡察意见。现将整改进展情况予以公布。"
    )
    result = parse(base(title="关于巡察整改进展情况的通报", opening=opening))
    assert (result.notice["organisation"], result.notice["organisation_source"]) == (
        "县文联党组",
        "opening",
    )


def test_a_street_party_working_committee_is_named_by_its_street():
    text = base(
        title="清河县城关街道党工委关于巡察整改进展情况的通报", signature="清河县城关街道党工委"
    )
    assert parse(text).notice["association"] == "清河县城关街道"


def test_a_federation_of_industry_and_commerce_is_a_mass_organisation():
    text = base(title="中共清河县工商业联合会党组关于巡察整改进展情况的通报").replace(
        "县文联", "县工商联"
    )
    result = parse(text)
    assert (result.notice["association"], result.notice["unit_kind"]) == (
        "清河县工商联",
        "其他群团",
    )


@pytest.mark.parametrize("layout", ["itemised", "summary only"])
def test_the_signature_of_a_self_named_notice_names_the_body(layout):
    opening = OPENING.replace("县文联党组", "我会")
    problems = PROBLEMS if layout == "itemised" else [
        "巡察反馈的2个问题，已完成整改1个，其余1个正在按计划推进。"
    ]  # fmt: skip
    text = base(
        title="关于巡察整改进展情况的通报",
        opening=opening,
        section=SECTION if layout == "itemised" else "",
        problems=problems,
        welcome="诚恳欢迎广大党员干部群众继续关心支持整改工作，对整改落实情况进行监督。",
        signature="清河县文学艺术界联合会",
    )
    body = parse(text).notice
    assert (body["organisation"], body["organisation_source"]) == (
        "清河县文学艺术界联合会",
        "signature",
    )


def test_a_long_one_line_title_is_the_title():
    title = "中共清河县国有资本投资运营集团有限公司委员会关于十二届县委第七轮巡察整改进展情况的通报"
    result = parse(base(title=title, signature="中共清河县国有资本投资运营集团有限公司委员会"))
    assert result.notice["title"] == title
    assert result.notice["organisation_source"] == "title"


# --- dates ------------------------------------------------------------------------------------


def test_a_web_dateline_is_no_feedback_date():
    dateline = (
        "发布时间：2021-10-19 10:46  来源：清河县人民政府办公室  浏览次数：2738  字体：[大 中 小]"
    )
    opening = (
        "2021年2月15日至3月26日，县委第七巡察组对县文联党组进行了巡察，"
        "并于2021年5月13日反馈了巡察意见。现将整改进展情况予以公布。"
    )
    lines = base(opening=opening).splitlines()
    result = parse(notice(lines[0], dateline, *lines[1:-1]))  # no date under the signature
    assert day(result.notice["feedback_date"]) == "2021-05-13"


def test_a_wrapped_long_signature_keeps_its_date():
    signature = "中共南阳市交通投资集团有限公司委员会"
    text = base(
        title="中共南阳市交通投资集团有限公司委员会关于巡察整改进展情况的通报", signature=signature
    )
    lines = text.splitlines()
    wrapped = [part for line in lines[:-2] for part in wrap(line, 24)] + lines[-2:]
    result = parse("\n\n".join(wrapped) + "\n")
    assert day(result.notice["publish_date"]) == "2024-10-20"


# --- the outline ------------------------------------------------------------------------------


def test_a_running_paragraph_after_a_colon_is_a_problem():
    text = notice(
        "中共清河县民政局党组关于巡察整改进展情况的通报",
        "根据县委统一部署，2024年3月11日至5月10日，县委第二巡察组对县民政局党组进行了巡察。"
        "2024年6月3日，巡察组向县民政局党组反馈了巡察意见。现将整改进展情况公布如下：",
        "针对巡察指出的“社会救助审核把关不严”问题，一是对低保对象开展动态复核；二是建立入户核查制度。",
        "针对巡察指出的“养老服务机构监管不到位”问题，一是开展安全检查三次；二是建立问题台账。",
        WELCOME,
        "中共清河县民政局党组",
        DATE,
    )
    assert [p["title"] for p in parse(text).problems] == [
        "社会救助审核把关不严",
        "养老服务机构监管不到位",
    ]


RUNNING_UNDER_ASPECTS = [
    "一、关于落实全面从严治党主体责任有差距方面",
    "针对“社会救助审核把关不严”的问题。一是对低保对象开展动态复核；二是建立入户核查制度。",
    "二、关于服务中心大局不够扎实方面",
    "针对“养老服务机构监管不到位”的问题。一是开展安全检查三次；二是建立问题台账。",
]


def test_running_paragraphs_under_aspects_before_a_plans_section():
    text = notice(
        "中共清河县民政局党组关于巡察整改进展情况的通报",
        OPENING.replace("县文联", "县民政局"),
        *RUNNING_UNDER_ASPECTS,
        "三、下一步工作计划",
        "（一）加强理论学习，筑牢思想根基。进一步完善内部管理制度。",
        "（二）持续跟踪问效，确保问题不反弹。对已完成的事项开展回头看。",
        WELCOME,
        "中共清河县民政局党组",
        DATE,
    )
    assert [p["title"] for p in parse(text).problems] == [
        "社会救助审核把关不严",
        "养老服务机构监管不到位",
    ]


@pytest.mark.parametrize("case", ["aspects", "aspects-de-wenti", "numbered", "groups"])
def test_aspects_holding_one_problem_each_are_not_problems(case):
    if case.startswith("aspects"):
        running = list(RUNNING_UNDER_ASPECTS)
        if case == "aspects-de-wenti":  # `…方面的问题` is a 方面 heading too
            running[0] = running[0] + "的问题"
        text = notice(
            "中共清河县民政局党组关于巡察整改进展情况的通报",
            OPENING.replace("县文联", "县民政局"),
            *running,
            WELCOME,
            "中共清河县民政局党组",
            DATE,
        )
        expected = ["社会救助审核把关不严", "养老服务机构监管不到位"]
    elif case == "numbered":  # problems written `…与预算不符` / `…与要求还有距离` / `…覆盖面窄`
        problems = [
            "（一）领导班子在基层党组织建设方面还有不足",
            "1.部分项目经费支出与预算不符。",
            "整改情况：逐笔核对项目支出，调整预算两项。",
            "（二）服务群众方面还有短板",
            "1.文艺惠民活动覆盖面窄。",
            "整改情况：全年送文艺下乡十二场。",
            "（三）队伍建设方面",
            "1.青年文艺人才培养与要求还有距离。",
            "整改情况：举办青年创作培训班两期。",
        ]
        text = base(problems=problems)
        expected = [
            "部分项目经费支出与预算不符",
            "文艺惠民活动覆盖面窄",
            "青年文艺人才培养与要求还有距离",
        ]
    else:  # a wrapped 罗庄-style notice whose two groups hold one problem each, one before them
        generated = synth_notice(2026, 556)
        text, expected = generated.text, [p.title for p in generated.truth.problems]
    assert [p["title"] for p in parse(text).problems] == expected


def test_a_wrapped_aspect_heading_does_not_swallow_the_running_paragraph():
    lines = [
        "中共清河县民政局党组关于巡察整改进展情况的通报",
        OPENING.replace("县文联", "县民政局"),
        *RUNNING_UNDER_ASPECTS,
        "针对“殡葬管理不规范”的问题。一是修订殡葬服务收费目录；二是开展专项整治。",
        WELCOME,
    ]
    wrapped = [part for line in lines for part in wrap(line, 24)]
    text = "\n".join([*wrapped, "中共清河县民政局党组", DATE]) + "\n"
    titles = [p["title"] for p in parse(text).problems]
    assert titles == ["社会救助审核把关不严", "养老服务机构监管不到位", "殡葬管理不规范"]


@pytest.mark.parametrize(
    "rest", ["一是修订公务接待管理办法；二是逐笔核查接待票据。", "整改情况：修订公务接待管理办法。"]
)
def test_an_unquoted_about_heading_does_not_swallow_its_measures(rest):
    problems = [
        "1.关于公务接待管理有待规范的问题" + rest,
        "2.关于医保基金结算审核把关不严的问题" + rest.replace("公务接待管理办法", "结算审核办法"),
    ]
    result = parse(base(problems=problems))
    assert [p["title"] for p in result.problems] == [
        "公务接待管理有待规范",
        "医保基金结算审核把关不严",
    ]


@pytest.mark.parametrize(
    ("title", "rest", "status"),
    [
        ("档案管理不规范", "【已完成】一是修订档案管理制度；二是补齐归档材料。", "completed"),
        ("档案管理不规范", "①修订档案管理制度；②补齐归档材料。", "not_stated"),
        (
            "落实“第一议题”制度不严格",
            "（长期整改）整改措施：①修订学习制度；②每月检查。",
            "in_progress",
        ),
        ("落实“第一议题”制度不严格", "整改情况：①修订学习制度；②每月检查。", "not_stated"),
        ("“三会一课”制度执行不严格", "整改落实情况：①修订学习制度；②每月检查。", "not_stated"),
        (
            "档案管理不规范",
            "完成情况：已完成。一是修订档案管理制度；二是补齐归档材料。",
            "completed",
        ),
    ],
    ids=[
        "bracket-marker",
        "circled",
        "quote-inside-marker",
        "quote-inside-field",
        "quote-first-luoshi-field",
        "completion-field",
    ],
)
def test_an_unquoted_about_heading_ends_before_its_marker_or_measures(title, rest, status):
    """Found by the synthetic notices (about_open_plain): the title ran on into `【已完成】`,
    `①…` or, with a quoted phrase inside it, into everything after."""
    problems = [f"1.关于{title}的问题{rest}", "2.关于会议记录管理存在漏洞的问题" + rest]
    result = parse(base(problems=problems))
    assert [(p["title"], p["n_measures"]) for p in result.problems] == [
        (title, 2),
        ("会议记录管理存在漏洞", 2),
    ]
    assert result.problems[0]["status"] == status


def test_an_unquoted_about_heading_with_its_text_straight_after_it_ends_at_its_wenti():
    """Found by the synthetic notices (about_open_plain, measures not itemised, on the heading's
    line): `关于…的问题对2023年以来的…` gave the whole line as the title."""
    problems = [
        "1.关于公务接待管理有待规范的问题对2023年以来的接待票据逐笔核查，规范接待审批程序。",
        "2.关于上轮巡察指出的问题整改不彻底的问题对照问题清单逐项复查，建立整改台账。",
        "3.关于“三会一课”执行走过场，支部活动记录不全的问题组织支部书记集中培训一次。",
    ]
    result = parse(base(problems=problems))
    assert [p["title"] for p in result.problems] == [
        "公务接待管理有待规范",
        "上轮巡察指出的问题整改不彻底",
        "“三会一课”执行走过场，支部活动记录不全",
    ]
    assert result.problems[0]["text"].startswith("对2023年以来的接待票据逐笔核查")


def test_measures_about_hazards_are_not_problems():
    problems = [
        "1.教育项目建设推进较慢问题",
        "整改情况：",
        "（1）召开专题会议三次，研究部署项目建设。",
        "（2）建立项目建设台账，每月调度一次。",
        "2.校园安全管理不规范问题",
        "整改情况：",
        "（1）开展校园安全隐患排查。",
        "（2）建立隐患整改台账。",
    ]
    result = parse(base(section="一、关于履行职能职责有差距方面", problems=problems))
    assert [p["title"] for p in result.problems] == ["教育项目建设推进较慢", "校园安全管理不规范"]


@pytest.mark.parametrize(
    ("heading", "below"),
    [
        (
            "（一）针对“选人用人工作存在薄弱环节，基层党组织标准化建设成效不够明显”的问题的整改。（整改完成）",
            "整改落实情况：",
        ),
        (
            "（一）针对“选人用人工作存在薄弱环节，基层党组织标准化建设成效不够明显”的问题的整改。（整改完成）",
            "整改进展情况：",
        ),
        ("1.关于“选人用人工作存在薄弱环节，基层党组织标准化建设成效不够明显”问题（整改完成）", ""),
    ],
    ids=["field-luoshi", "field-jinzhan", "about-without-stop-then-text"],
)
def test_a_heading_with_its_marker_does_not_swallow_the_field_below_it(heading, below):
    problems = [heading, below + "制定选人用人工作规程。", *PROBLEMS[2:]]
    first = parse(base(problems=problems)).problems[0]
    assert (first["title"], first["status"]) == (
        "选人用人工作存在薄弱环节，基层党组织标准化建设成效不够明显",
        "completed",
    )


# --- statuses and claims -------------------------------------------------------------------


def test_a_pending_step_with_a_comma_is_in_progress():
    problems = [PROBLEMS[0], PROBLEMS[1] + "待资金到位后，将立即组织实施。", *PROBLEMS[2:]]
    assert statuses(base(problems=problems)) == ["in_progress", "not_stated"]


@pytest.mark.parametrize(
    "sentence",
    ["该项工作正在有序推进。", "该项工作正在履行审批程序。", "目前，此项整改仍在组织实施中。"],
)
def test_work_still_going_on_is_in_progress(sentence):
    problems = [PROBLEMS[0], PROBLEMS[1] + sentence, *PROBLEMS[2:]]
    assert statuses(base(problems=problems)) == ["in_progress", "not_stated"]


def test_a_marker_followed_by_the_measures_on_its_line_decides():
    problems = [
        "1.关于“文艺精品创作推进较慢”问题（已整改）一是制定年度创作计划；二是组织会员采风三次。",
        "2.关于“所属文艺家协会管理不规范”问题（持续整改）一是开展年检；二是督促按期换届。",
    ]
    assert statuses(base(problems=problems)) == ["completed", "in_progress"]


@pytest.mark.parametrize(
    "sentence",
    [
        "截至目前，第1至3项已完成整改，第4项正在持续推进。",
        "对照整改台账，第6、9、10项已完成，第1、2、3、4、5、7、8、11、12项正在推进。",
    ],
)
def test_item_numbers_are_not_counts(sentence):
    values = find_claims(sentence)[0]
    assert (values["claimed_completed"], values["claimed_ongoing"]) == (None, None)


def test_short_item_lists_are_not_counts():
    """Found by the synthetic notices and since fixed for short lists."""
    values = find_claims("其中，第1、4项问题已整改到位，第2、3、5项问题持续整改。")[0]
    assert (values["claimed_completed"], values["claimed_ongoing"]) == (None, None)


def test_an_item_summary_saying_all_are_done_decides():
    problems = [*PROBLEMS, "截至目前，第1、2项均已完成整改。"]
    assert statuses(base(problems=problems)) == ["completed", "completed"]


def test_totals_after_the_last_problem_are_the_closing():
    problems = [*PROBLEMS, "截至目前，2个问题已完成整改1个，其余1个正在按计划推进。"]
    result = parse(base(problems=problems))
    assert result.notice["claimed_completed"] == 1 and result.notice["claimed_ongoing"] == 1
    assert [p["status"] for p in result.problems] == ["not_stated", "not_stated"]


# --- 整改台账 tables ---------------------------------------------------------------------------

LEDGER_HEADER = ["序号", "反馈问题", "整改措施", "整改情况", "完成时限"]


def _ledger(tmp_path: Path, rows: list[list[str]], before: list[str] | None = None):
    import docx

    document = docx.Document()
    for text in [TITLE, OPENING, *(before or []), "巡察反馈问题整改台账"]:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows) + 1, cols=len(LEDGER_HEADER))
    for r, row in enumerate([LEDGER_HEADER, *rows]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for text in (WELCOME, SIGNATURE, DATE):
        document.add_paragraph(text)
    path = tmp_path / "ledger.docx"
    document.save(path)
    corpus = load_corpus(path)
    assert corpus.skipped.empty, corpus.skipped.to_dict("records")
    return corpus.problems


ROW_DONE = ["1", "文艺精品创作推进较慢", "制定年度创作计划。", "已完成", "2024年6月30日"]
ROW_OPEN = ["2", "所属文艺家协会管理不规范", "开展年检。", "", "2024年9月30日"]


def test_a_ledger_row_done_on_the_spot_is_completed(tmp_path):
    row = ["1", "文艺精品创作推进较慢", "制定年度创作计划。", "立行立改，已完成", "2025年6月30日"]
    assert list(_ledger(tmp_path, [row, ROW_OPEN])["status"]) == ["completed", "completed"]


def test_a_ledger_row_rectified_long_term_is_in_progress(tmp_path):
    row = ["1", "文艺精品创作推进较慢", "制定年度创作计划。", "长期推进", "2024年6月30日"]
    assert list(_ledger(tmp_path, [row, ROW_OPEN])["status"]) == ["in_progress", "completed"]


def test_a_ledger_rows_label_is_its_number_cell(tmp_path):
    assert list(_ledger(tmp_path, [ROW_DONE, ROW_OPEN])["label"]) == ["1", "2"]


def test_a_ledger_after_an_opening_section_lists_only_its_rows(tmp_path):
    before = [
        "一、组织整改落实情况",
        "（一）提高政治站位，加强组织领导。成立整改工作领导小组。",
        "（二）明确责任分工，细化整改措施。建立整改台账。",
    ]
    titles = list(_ledger(tmp_path, [ROW_DONE, ROW_OPEN], before)["title"])
    assert titles == ["文艺精品创作推进较慢", "所属文艺家协会管理不规范"]


# --- one the bundled synthetic notices found before (kept from the previous generator) ------


# written by the generator (synth_notice(92, 357) with one 方面, wrapped, spaced dates)
VERY_SHORT_WRAPPED = """中共六安市产业投资集团有限公司委员会关于
市委巡察反馈问题整
改进展情况的通报
根据十五届市委第十轮巡察工作部署，市委第五巡察组于
2019 年 6 月 7 日至2019 年 8 月 18 日对公司党委进行
了机动巡察。2019 年 10 月 3 日，市委第五巡察组向公司
党委反馈了巡察意见。按照党务公开原则和巡察工作有关要
求，现将整改情况予以公开。
一、巡察反馈意见整改落实情况
（一）领导班子在履行职能职责方面还有不足
１、固定资产管理存在薄弱环节问题
整改措施：①落实领导班子成员联系基层制度，每季度开展
一次调研指导；②修订完善《采购制度》，严格按照程序规
范办理；③对在建工程项目开展全面排查，清理长期挂账往
来款项101万元，邀请专家开展业务培训8场，参训人员26人
次。
目前，该问题已完成整改。
欢迎社会各界对整改工作提出意见建议。如有意见建议，请
及时向我们反映。联系电话：0511-2389442。
中共六安市产业投资集团有限公司委员会
2020 年 1 月 31 日
"""


def test_very_short_pdf_wrapped_notice():
    result = parse(VERY_SHORT_WRAPPED)
    dates = [day(result.notice[k]) for k in ("inspection_start", "inspection_end", "feedback_date")]
    assert dates == ["2019-06-07", "2019-08-18", "2019-10-03"]
