"""Status forms of the genre: each decided by the notice's own words, with the words kept."""

from __future__ import annotations

import pandas as pd
import pytest

from rectify_utils.parse.status import apply_item_summary, decide_status, item_numbers

AS_OF = pd.Timestamp("2024-10-20")
HEADING = "3.关于“理论学习中心组学习不够系统”问题。"


def status(
    body: str, heading: str = HEADING, as_of: pd.Timestamp | None = AS_OF
) -> tuple[str, str]:
    d = decide_status(heading, body, as_of)
    return d.status, d.evidence


@pytest.mark.parametrize(
    ("body", "expected", "words"),
    [
        ("整改情况：已完成。", "completed", "整改情况：已完成"),
        ("整改情况：已整改到位，建立了学习台账。", "completed", "已整改到位"),
        (
            "整改措施：一是制定年度学习计划；二是每月集中学习一次。\n持续推进。",
            "in_progress",
            "持续推进",
        ),
        (
            "一是修订学习制度；二是开展专题研讨。目前该问题正在持续推进。",
            "in_progress",
            "正在持续推进",
        ),
        ("一是修订学习制度；二是开展专题研讨。\n长期坚持。", "in_progress", "长期坚持"),
        ("已基本完成学习制度修订，剩余部分正在完善。", "in_progress", "基本完成"),
        ("已向上级申请专项经费，待资金到位后将启动阵地改造。", "in_progress", "到位后将启动"),
        ("计划2025年3月底前完成学习室改造。", "in_progress", "计划2025年3月底"),
        ("整改情况：按计划推进。", "in_progress", "按计划推进"),
        ("整改进展：有序推进", "in_progress", "有序推进"),
        (
            "一是修订学习制度；二是开展专题研讨。目前该项工作稳步推进中。",
            "in_progress",
            "稳步推进中",
        ),
        ("一是修订学习制度；二是开展专题研讨。\n按进度推进。", "in_progress", "按进度推进"),
    ],
)
def test_status_forms_of_the_genre_are_read(body, expected, words):
    got, evidence = status(body)
    assert got == expected, f"{body!r} should be {expected}, not {got} ({evidence!r})"
    assert words in evidence, f"the evidence {evidence!r} should quote {words!r}"


@pytest.mark.parametrize(
    "body",
    [
        "持续推进作风建设，加强理论学习，提高思想认识。",  # vague verbs, no status
        "编办已批复，人员到位后将有效解决力量不足的问题。",  # an expected effect, not a pending step
        "一是制定学习计划；二是开展专题学习。",  # 计划 as a noun, no date
        "一是有序推进档案数字化工作；二是按计划推进学习室改造。",  # 推进 with its object
    ],
)
def test_vague_wording_states_no_status(body):
    got, evidence = status(body)
    assert got == "not_stated", (
        f"{body!r} says nothing of the status, yet read as {got} ({evidence!r})"
    )


def test_a_plan_whose_date_has_passed_is_no_sign_of_progress():
    got, _ = status("计划2024年6月底前完成学习室改造。")
    assert got == "not_stated"


def test_an_explicit_marker_wins_over_a_later_deadline_and_both_are_in_the_evidence():
    heading = "2.学习制度执行不严格（已完成）"
    got, evidence = status("整改措施：修订学习制度。\n整改时限：2025年6月30日", heading)
    assert got == "completed", "the notice marks the problem done; a deadline must not overrule it"
    assert "（已完成）" in evidence and "2025年6月30日" in evidence, evidence


def test_among_implicit_signals_in_progress_wins_and_the_outweighed_one_is_quoted():
    got, evidence = status("一是已完成整改学习台账；二是学习室改造正在推进中。")
    assert got == "in_progress"
    assert "另有：" in evidence and "已完成整改" in evidence


def test_item_numbers_read_lists_and_ranges():
    assert item_numbers("1、2、3、5") == [1, 2, 3, 5]
    assert item_numbers("6至8") == [6, 7, 8]
    assert item_numbers("一、三和四") == [1, 3, 4]


def test_a_closing_summary_by_item_sets_the_unstated_problems_only():
    decisions = [decide_status(f"{i}.问题{i}", "加强学习。", AS_OF) for i in range(1, 6)]
    decisions[3] = decide_status("4.问题4", "整改情况：已完成。", AS_OF)
    closing = "截至目前，第1、2、3、5项已完成，第4项正在推进。"
    out = apply_item_summary(decisions, closing)
    assert [d.status for d in out] == [
        "completed",
        "completed",
        "completed",
        "completed",
        "completed",
    ]
    assert "第1、2、3、5项已完成" in out[0].evidence
    assert out[3].evidence == decisions[3].evidence, "a problem's own words beat the summary"


def test_a_closing_summary_can_say_in_progress():
    decisions = [decide_status(f"{i}.问题{i}", "加强学习。", AS_OF) for i in range(1, 4)]
    out = apply_item_summary(decisions, "第1至2项已整改到位，第3项持续整改。")
    assert [d.status for d in out] == ["completed", "completed", "in_progress"]
