"""What a notice says about itself: every common way of stating its totals is read, and read right."""

from __future__ import annotations

import pytest

from rectify_utils.parse.claims import find_claims


def claims(text: str) -> dict[str, int | None]:
    return find_claims(text)[0]


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("巡察反馈的12个问题，已整改落实10个。", "claimed_completed", 10),
        ("共制定措施44个，建章立制5项。", "claimed_measures", 44),
        ("共制定措施44个，建章立制5项。", "claimed_rules", 5),
        ("反馈问题18个，已完成整改17个，基本完成整改1个。", "claimed_basically_completed", 1),
        ("已完成整改9个，其余2个正在按计划推进。", "claimed_ongoing", 2),
        ("已完成整改688个，未完成5个。", "claimed_ongoing", 5),
        ("完善和新建制度58项。", "claimed_rules", 58),
        ("整章建制4条。", "claimed_rules", 4),
        ("细化171条具体措施。", "claimed_measures", 171),
        ("针对反馈的四个方面31个具体问题，已完成整改26个，长期整改5个。", "claimed_completed", 26),
        ("针对反馈的四个方面31个具体问题，已完成整改26个，长期整改5个。", "claimed_ongoing", 5),
    ],
)
def test_claim_forms_are_read(sentence, key, value):
    assert claims(sentence)[key] == value, f"{sentence!r}: {key} should be {value}"


def test_a_count_of_problems_is_not_taken_for_a_count_of_completions():
    found = claims("截至目前，7个问题已完成整改6个，剩余1个正在推进。")
    assert found["claimed_problems"] == 7
    assert found["claimed_completed"] == 6, "in `7个问题已完成整改6个` six are completed"
    assert found["claimed_ongoing"] == 1


def test_basically_completed_is_its_own_claim_not_an_ongoing_one():
    found = claims("4个方面18个问题，已完成整改17个，基本完成整改1个。")
    assert found["claimed_basically_completed"] == 1
    assert found["claimed_ongoing"] is None


def test_the_evidence_keeps_the_sentence_as_written():
    _, evidence, _ = find_claims("截至目前，巡察反馈的10个问题已整改落实10个。下一步将持续巩固。")
    assert evidence["claimed_completed"] == ["截至目前，巡察反馈的10个问题已整改落实10个。"]


def test_different_totals_are_reported_as_a_conflict():
    _, _, conflicts = find_claims(
        "巡察反馈4个方面11个问题。\n针对反馈的31个具体问题，已完成整改26个。"
    )
    assert conflicts["claimed_problems"] == [11, 31]
