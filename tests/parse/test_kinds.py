"""Documents that are not notices are set aside with what they look like; notices without an
itemised problem list are kept."""

from __future__ import annotations

import pytest

from rectify_utils.errors import NotANotice
from rectify_utils.parse.kinds import classify_document
from rectify_utils.parse.notice import parse_notice

MEETING_NEWS = """县委第二巡察组向县总工会党组反馈巡察情况
8月15日，县委第二巡察组向县总工会党组反馈巡察情况。巡察组组长通报了巡察发现的主要问题，县委巡察办负责同志出席会议并讲话。
巡察组指出，县总工会党组存在以下问题：
一、贯彻落实党的路线方针政策方面
（一）服务职工群众不够深入，困难职工帮扶机制不健全。
（二）基层工会组织覆盖面不广。
会议强调，县总工会党组要切实扛起整改主体责任，认真制定整改方案。
县总工会党组书记作表态发言，表示将不折不扣抓好整改落实。
"""

ANNOUNCEMENT = """巡察公告
根据县委巡察工作统一部署，县委第一巡察组于2024年3月18日至5月17日对县妇联党组开展常规巡察。巡察期间，设立值班电话：0312-5550101；邮政信箱：某某县A001号信箱。受理时间为每天8:00—18:00。
巡察组主要受理反映县妇联党组领导班子及其成员问题的来信来电来访。
"""

PLAN = """中共某某县统计局党组巡察反馈意见整改方案
为切实抓好县委第三巡察组反馈意见的整改落实，制定本方案。
一、指导思想
以习近平新时代中国特色社会主义思想为指导，坚持问题导向。
二、整改任务清单
1.统计数据审核把关不严。整改措施：建立数据三级审核制度。责任领导：局长。责任科室：综合股。完成时限：2024年12月31日。
2.统计执法检查开展不够。整改措施：制定年度执法检查计划。责任领导：副局长。完成时限：2024年10月底。
"""

SUMMARY_ONLY = """中共某某县残疾人联合会党组关于巡察整改进展情况的通报
根据县委统一部署，2023年5月8日至6月30日，县委第四巡察组对县残联党组开展了常规巡察。2023年8月2日，巡察组向县残联党组反馈了巡察意见。现将整改进展情况予以公布。
县残联党组高度重视巡察反馈意见的整改工作，成立整改工作领导小组，制定整改方案。巡察反馈的3个方面12个问题，已整改落实10个，其余2个正在按计划推进；制定整改措施38条，建立完善制度6项。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0312-5550199。
中共某某县残疾人联合会党组
2023年11月10日
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (MEETING_NEWS, "meeting_news"),
        (ANNOUNCEMENT, "inspection_announcement"),
        (PLAN, "rectification_plan"),
        ("各位同事：本周五下午在三楼会议室召开科普座谈会。\n办公室\n", "other"),
    ],
)
def test_a_document_that_is_not_a_notice_is_set_aside_naming_what_it_looks_like(text, kind):
    with pytest.raises(NotANotice) as raised:
        parse_notice(text, "doc")
    assert raised.value.doc_kind == kind
    assert "not a rectification notice: it looks like" in str(raised.value)


def test_meeting_news_listing_findings_as_an_outline_invents_no_problems():
    assert classify_document(MEETING_NEWS.split("\n")[0], MEETING_NEWS).kind == "meeting_news"


def test_a_summary_only_notice_is_kept_with_its_dates_and_claims():
    result = parse_notice(SUMMARY_ONLY, "summary")
    notice = result.notice
    assert result.problems == []
    assert notice["doc_kind"] == "notice" and notice["problems_itemised"] is False
    assert notice["claimed_problems"] == 12 and notice["claimed_completed"] == 10
    assert notice["claimed_ongoing"] == 2 and notice["claimed_measures"] == 38
    assert str(notice["feedback_date"].date()) == "2023-08-02"
    assert str(notice["publish_date"].date()) == "2023-11-10"
    assert notice["association"] == "某某县残联"
    assert any("no itemised problems" in w for w in result.warnings)
    kinds = {s["kind"] for s in result.spans}
    assert kinds == {"header", "preamble", "closing"}


def test_the_bundled_notices_are_notices_by_their_titles(corpus):
    assert (corpus.notices["doc_kind"] == "notice").all()
    assert corpus.notices["doc_kind_evidence"].str.startswith("标题：").all()
    assert corpus.notices["problems_itemised"].all()


def test_check_on_a_skipped_file_shows_what_was_read_and_why(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "meeting.txt"
    path.write_text(MEETING_NEWS, encoding="utf-8")
    args = [sys.executable, "-m", "rectify_utils.cli", "check", str(path)]
    out = subprocess.run(args, capture_output=True, text=True).stdout
    assert "SKIPPED" in out and "document kind: meeting_news" in out
    assert "outline headings: 3" in out and "服务职工群众不够深入" in out, out
