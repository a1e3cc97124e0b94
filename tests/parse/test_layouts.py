"""Layouts of the genre the parser reads, and the warnings it gives when a parse looks odd."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rectify_utils.parse.notice import parse_notice

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
XINYE = (RAW / "xinye-2024.txt").read_text(encoding="utf-8")
ABOUT = r"(\d+\.关于“[^”]+”问题)"


@pytest.fixture(scope="module")
def xinye():
    return parse_notice(XINYE, "xinye")


def _variant(raw: str) -> dict:
    return parse_notice(raw, "variant")


@pytest.mark.parametrize(
    "layout",
    ["no closing stop", "field on the heading's line", "measures on the heading's line"],
)
def test_about_problem_headings_read_the_same_with_or_without_their_stop(xinye, layout):
    raw = re.sub(ABOUT + "。", r"\1", XINYE)
    if layout == "field on the heading's line":
        raw = re.sub(ABOUT + r"\n整改情况：", r"\1整改情况：", raw)
    elif layout == "measures on the heading's line":
        raw = re.sub(ABOUT + r"\n整改情况：", r"\1", raw)
    variant = parse_notice(raw, "variant")
    assert [p["title"] for p in variant.problems] == [p["title"] for p in xinye.problems], (
        f"{layout}: titles changed — the heading swallowed the text after it"
    )
    assert len(variant.measures) == len(xinye.measures) == 74
    assert [p["status"] for p in variant.problems] == [p["status"] for p in xinye.problems]


NOTICE = """中共某某县文学艺术界联合会党组关于巡察整改进展情况的通报
根据县委统一部署，2023年4月10日至5月30日，县委第二巡察组对县文联党组开展了常规巡察。2023年7月12日，巡察组反馈了巡察意见。现将整改进展情况予以公布。
一、关于落实全面从严治党主体责任方面
1.对文艺工作者的联系服务不够紧密，组织开展采风创作活动较少，一是制定年度采风计划，组织会员深入乡村开展采风活动三次；二是建立联系会员台账，班子成员每人联系十名会员。
2.财务报销审核把关不严。
整改情况：已完成。修订财务报销制度，逐笔核查近三年报销凭证。
中共某某县文学艺术界联合会党组
2023年10月20日
"""


def test_a_heading_that_swallowed_its_text_is_warned_about():
    result = _variant(NOTICE)
    titles = [p["title"] for p in result.problems]
    assert len(titles) == 2
    warnings = " ".join(result.warnings)
    assert "problem 1" in warnings and "title" in warnings, (
        f"a {len(titles[0])}-character title should be flagged: {result.warnings}"
    )


def test_itemised_text_without_measures_is_warned_about():
    raw = NOTICE.replace(
        "修订财务报销制度，逐笔核查近三年报销凭证。",
        "采取两项措施一是修订财务报销制度二是逐笔核查近三年报销凭证。",
    )
    result = _variant(raw)
    assert result.problems[1]["n_measures"] == 0
    assert any("problem 2: its text itemises 一是/二是" in w for w in result.warnings), (
        result.warnings
    )


def test_a_count_that_differs_from_the_notices_own_is_warned_about():
    raw = NOTICE.replace(
        "现将整改进展情况予以公布。", "巡察反馈的3个问题已全部整改。现将整改进展情况予以公布。"
    )
    result = _variant(raw)
    assert any("says 3 problems; 2 were parsed" in w for w in result.warnings), result.warnings


WEB_PAGE = """首页 > 巡视巡察 > 巡察整改
关于巡察整改进展情况的通报
发布时间：2024-03-05 10:12  来源：某某县妇联  浏览次数：356  字体：[大 中 小]
根据县委统一部署，2023年9月4日至10月27日，县委第一巡察组对县妇联党组开展了常规巡察。2023年11月20日，巡察组向县妇联党组反馈了巡察意见。现将整改进展情况予以公布。
一、关于维护妇女儿童合法权益方面
1.妇女儿童维权服务覆盖面不广。
整改情况：已完成。在各乡镇设立妇女儿童维权服务站，开通维权热线。
2.基层妇联组织作用发挥不够。
整改情况：持续推进。完成村（社区）妇联换届，建立执委联系户制度。
截至目前，巡察反馈的2个问题已整改完成1个，其余1个正在持续推进。
下一步，县妇联将持续巩固整改成果，建立长效机制。
【打印本页】【关闭窗口】
"""


def test_web_page_furniture_never_enters_the_outline_and_dates_the_notice():
    result = _variant(WEB_PAGE)
    notice = result.notice
    assert notice["title"] == "关于巡察整改进展情况的通报", "furniture lines joined the title"
    assert str(notice["publish_date"].date()) == "2024-03-05", (
        "the page's 发布时间 dates the notice"
    )
    assert "发布（网页）" in notice["date_evidence"]
    assert [p["title"] for p in result.problems] == [
        "妇女儿童维权服务覆盖面不广",
        "基层妇联组织作用发挥不够",
    ]
    assert "打印" not in result.problems[-1]["text"]
    assert notice["association"] == "县妇联" and notice["organisation_source"] == "opening"


def test_a_closing_summary_is_not_merged_into_the_last_problem():
    result = _variant(WEB_PAGE)
    last = result.problems[-1]
    assert "截至目前" not in last["text"] and "下一步" not in last["text"], last["text"]
    assert last["status"] == "in_progress"
    assert result.problems[0]["status"] == "completed", "整改情况：已完成 states the status"
    closing = [s for s in result.spans if s["kind"] == "closing"]
    assert closing, "the summary and the outlook should be the closing part"


RUNNING = """中共某某市社会科学界联合会党组关于巡察整改进展情况的通报
根据市委统一部署，2023年3月6日至4月28日，市委第五巡察组对市社科联党组开展了常规巡察。2023年6月9日，巡察组向市社科联党组反馈了巡察意见。现将整改进展情况予以公布。
针对“学习贯彻党的创新理论不够深入”的问题。一是制定党组理论学习中心组年度学习计划，每月开展一次集中学习；二是组织专题读书班两期，班子成员撰写心得体会。目前已整改到位。
针对巡察指出的“社科普及活动覆盖面窄”问题，一是建立社科普及基地五个，面向乡镇开展宣讲二十场；二是开通社科普及线上平台。该项工作正在持续推进。
针对“所属学会管理不规范”的问题。一是对所属十二家学会开展年检，督促两家学会完成换届；二是修订学会管理办法；三是建立学会活动报备制度。
中共某某市社会科学界联合会党组
2023年10月8日
"""


def test_running_paragraphs_each_answer_one_problem():
    result = _variant(RUNNING)
    titles = [p["title"] for p in result.problems]
    assert titles == ["学习贯彻党的创新理论不够深入", "社科普及活动覆盖面窄", "所属学会管理不规范"]
    assert [p["n_measures"] for p in result.problems] == [2, 2, 3]
    assert [p["status"] for p in result.problems] == ["completed", "in_progress", "not_stated"]
    assert result.notice["association"] == "某某市社科联"


RUNNING_UNDER_ASPECTS = """中共某某县卫生健康委员会党组关于巡察整改进展情况的通报
根据县委统一部署，2024年4月1日至5月31日，县委第三巡察组对县卫健委党组开展了常规巡察。2024年7月5日，巡察组反馈了巡察意见。现将整改进展情况予以公布。
一、关于贯彻落实党的卫生健康工作方针方面
针对“基层医疗服务能力提升缓慢”的问题。一是开展县乡医疗卫生人员双向交流，选派医师下沉乡镇卫生院；二是为乡镇卫生院配置远程心电设备。
针对“门诊就医排队时间长”的问题。一是推行分时段预约诊疗；二是增设自助缴费终端十台。
二、关于落实全面从严治党责任方面
针对“药品耗材集中采购执行不严格”的问题。一是开展集中采购专项检查；二是建立采购台账月度核对制度。
中共某某县卫生健康委员会党组
2024年10月18日
"""


def test_running_problems_under_numbered_aspects_are_problems_not_the_aspects():
    result = _variant(RUNNING_UNDER_ASPECTS)
    assert [p["title"] for p in result.problems] == [
        "基层医疗服务能力提升缓慢",
        "门诊就医排队时间长",
        "药品耗材集中采购执行不严格",
    ]
    assert [p["aspect_no"] for p in result.problems] == [1, 1, 2]
    assert result.problems[0]["aspect_title"] == "关于贯彻落实党的卫生健康工作方针方面"
    assert [p["n_measures"] for p in result.problems] == [2, 2, 2]
    assert result.notice["association"] == "某某县卫健委"
    assert result.notice["unit_kind"] == "政府部门"


INLINE_MEASURES = """中共某某县农业农村局党组关于巡察整改进展情况的通报
根据县委统一部署，2024年9月2日至10月31日，县委第三巡察组对县农业农村局党组进行了巡察。2024年12月5日，巡察组反馈了巡察意见。现将整改进展情况予以公布。
一、巡察反馈问题整改落实情况
（一）履行职能职责方面
{p1}
{m1}
整改情况：已完成
{p2}
{m2}
整改情况：正在持续推进
欢迎广大干部群众对巡察整改落实情况进行监督。
中共某某县农业农村局党组
2025年6月10日
"""


@pytest.mark.parametrize(
    ("p1", "p2", "m1", "m2"),
    [
        (
            "1.关于“高标准农田建后管护不到位”的问题",
            "2.关于“农机购置补贴审核把关不严”的问题",
            "（1）制定建后管护办法，明确管护主体；（2）落实管护经费；（3）开展管护情况督查。",
            "（1）对近两年补贴机具逐台核查；（2）修订补贴审核流程。",
        ),
        (
            "1.高标准农田建后管护不到位",
            "2.农机购置补贴审核把关不严",
            "(1)制定建后管护办法，明确管护主体;(2)落实管护经费;(3)开展管护情况督查。",
            "(1)对近两年补贴机具逐台核查;(2)修订补贴审核流程。",
        ),
        (
            "（1）高标准农田建后管护不到位",
            "（2）农机购置补贴审核把关不严",
            "1.制定建后管护办法，明确管护主体；2.落实管护经费；3.开展管护情况督查。",
            "1.对近两年补贴机具逐台核查；2.修订补贴审核流程。",
        ),
    ],
    ids=["about-quoted", "bare-half-width", "digit-items-under-paren-problems"],
)
def test_a_line_of_inline_measures_after_the_problem_is_its_measures(p1, p2, m1, m2):
    result = _variant(INLINE_MEASURES.format(p1=p1, p2=p2, m1=m1, m2=m2))
    assert [(p["title"], p["n_measures"], p["status"]) for p in result.problems] == [
        ("高标准农田建后管护不到位", 3, "completed"),
        ("农机购置补贴审核把关不严", 2, "in_progress"),
    ], "the line of measures was read as the problem"
    assert [p["group_title"] for p in result.problems] == [None, None]
    first = [m["text"] for m in result.measures if m["problem_no"] == 1]
    assert first == ["制定建后管护办法，明确管护主体", "落实管护经费", "开展管护情况督查。"]


MARKED = """中共某某县林业局党组关于巡察整改进展情况的通报
根据县委统一部署，2024年9月2日至10月31日，县委第三巡察组对县林业局党组进行了巡察。2024年12月5日，巡察组反馈了巡察意见。现将整改进展情况予以公布。
一、履行职能职责方面
（一）森林防火责任落实不到位，部分护林员巡护不经常。（持续推进）
1.修订护林员管理办法，实行巡护轨迹上报；
2.开展森林防火专项督查。
（二）林地占用审批把关不严，个别项目先用后批。（已完成）
1.对近三年林地占用项目逐一复核；
2.对先用后批项目依法处理。
{closing}
中共某某县林业局党组
2025年6月10日
"""


@pytest.mark.parametrize(
    "closing",
    [
        "局党组将持续巩固整改成果，对尚未完成的问题盯住不放，确保整改到位。",
        "局党组将持续压实整改责任，确保整改到位。欢迎广大干部群众对整改落实情况进行监督。",
        "对已完成整改的问题适时开展“回头看”，对需长期坚持的事项建立长效机制。",
    ],
    ids=["unfinished-problems", "welcome-inside-the-paragraph", "finished-problems"],
)
def test_a_closing_paragraph_after_the_last_problem_is_not_its_status(closing):
    result = _variant(MARKED.format(closing=closing))
    last = result.problems[-1]
    assert (last["status"], last["status_evidence"]) == ("completed", "（已完成）")
    assert closing not in last["text"], "the closing paragraph was merged into the last problem"
    assert [p["status"] for p in result.problems] == ["in_progress", "completed"]


def test_the_last_problems_own_status_sentence_stays_with_it():
    text = MARKED.replace("（已完成）", "").format(closing="目前，该问题正在整改中。")
    last = _variant(text).problems[-1]
    assert last["status"] == "in_progress" and "正在整改中" in last["status_evidence"]


def test_the_last_problems_own_text_about_earlier_problems_stays_with_it():
    text = MARKED.replace(
        "（已完成）\n1.对近三年林地占用项目逐一复核；\n2.对先用后批项目依法处理。", ""
    ).format(closing="整改情况：对上轮巡察已整改的问题开展“回头看”，对尚未完成的问题建立台账。")
    last = _variant(text).problems[-1]
    assert "回头看" in last["text"], "the problem's own text was taken for the closing part"
