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
